/* abort() raises SIGABRT: the process dies by the signal, exit status 128 + 6 = 134.
 * Output written before is lost if unflushed, so flush it explicitly. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    puts("about to abort");
    fflush(stdout);
    abort();
}
