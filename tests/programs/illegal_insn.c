/* The all-zero word is a defined illegal instruction in RISC-V: SIGILL, exit status 128 + 4 = 132. */
#include <stdio.h>

int main(void)
{
    puts("about to execute an illegal instruction");
    fflush(stdout);
    __asm__ volatile(".word 0");
    puts("not reached");
    return 0;
}
