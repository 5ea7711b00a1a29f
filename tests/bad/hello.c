/* The well-formed program the bad-input tests start from: truncated, patched and copied into
 * the malformed inputs of run_bad.sh. */
#include <stdio.h>

int main(void)
{
    puts("hello from a valid program");
    return 0;
}
