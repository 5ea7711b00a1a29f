/* Exits with the status given as argv[1] through exit(), after buffered output and an atexit
 * handler: the status keeps only its low 8 bits (263 -> 7), and stdio is flushed at exit. */
#include <stdio.h>
#include <stdlib.h>

static void on_exit_handler(void) { printf("atexit handler ran\n"); }

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: exit_arg STATUS\n");
        return 2;
    }
    atexit(on_exit_handler);
    int status = atoi(argv[1]);
    printf("exiting with %d (buffered, no newline flush yet)", status);
    exit(status);
}
