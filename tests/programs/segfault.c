/* A store to address 0 kills the process with SIGSEGV: exit status 128 + 11 = 139. */
#include <stdio.h>

int main(void)
{
    puts("about to write to NULL");
    fflush(stdout);
    volatile int *null = (volatile int *)0;
    *null = 1;
    puts("not reached");
    return 0;
}
