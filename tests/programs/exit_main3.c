/* Returns 3 from main: the C runtime passes it to exit_group. */
#include <stdio.h>

int main(void)
{
    puts("returning 3 from main");
    return 3;
}
