/* Exercises every guest op and prints each result, so the same text is expected from every
 * model (and the documented -ENOSYS results under qemu-riscv64).
 *   ops_test all          readfile, writefile (good and bad uses), work regions, statistics ops
 *   ops_test checkpoint   "before", the checkpoint op, "after: RESULT"
 *   ops_test work N       N regions of id 7, printing "region I" after each
 *   ops_test exit N       the exit op with N, then "not exited" (and exit 0)
 *   ops_test fail N       the fail op with N, then "not failed" (and exit 0) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snapsim/ops.h"

static volatile unsigned long sink;

static void work(unsigned long n)
{
    for (unsigned long i = 0; i < n; i++)
        sink += i * i;
}

static void all(void)
{
    char buf[256];
    memset(buf, 0, sizeof buf);
    long n = snapsim_readfile(buf, sizeof buf - 1, 0);
    printf("readfile: %ld [%s]\n", n, n > 0 ? buf : "");
    memset(buf, 0, sizeof buf);
    n = snapsim_readfile(buf, 4, 2);
    printf("readfile at 2: %ld [%s]\n", n, n > 0 ? buf : "");
    printf("readfile past the end: %ld\n", snapsim_readfile(buf, 16, 1u << 20));
    printf("readfile unmapped: %ld\n", snapsim_readfile((void *)8, 16, 0));
    printf("readfile absurd length: %ld\n", snapsim_readfile(buf, 1ul << 40, 0));

    printf("writefile: %ld\n", snapsim_writefile("hello", 5, 0, "out.txt"));
    printf("writefile at 5: %ld\n", snapsim_writefile(" world\n", 7, 5, "out.txt"));
    const char *bad[] = {"../escape.txt", "/tmp/snapsim-ops-absolute.txt", "", "sub/x.txt", ".", "..",
                         "stats.json", "link"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        printf("writefile '%s': %ld\n", bad[i], snapsim_writefile("x", 1, 0, bad[i]));
    printf("writefile unmapped buffer: %ld\n", snapsim_writefile((void *)8, 16, 0, "u.txt"));
    printf("writefile unmapped name: %ld\n", snapsim_writefile("x", 1, 0, (const char *)8));
    printf("writefile absurd length: %ld\n", snapsim_writefile(buf, 1ul << 40, 0, "big.txt"));
    printf("writefile absurd offset: %ld\n", snapsim_writefile("x", 1, 1ul << 40, "far.txt"));

    printf("reset_stats: %ld\n", snapsim_reset_stats());
    printf("work_begin 1: %ld\n", snapsim_work_begin(1));
    work(1000);
    printf("work_end 1: %ld\n", snapsim_work_end(1));
    for (int k = 0; k < 2; k++) {
        snapsim_work_begin(2);
        work(500);
        snapsim_work_end(2);
    }
    printf("dump_stats: %ld\n", snapsim_dump_stats());
    printf("work_end without begin: %ld\n", snapsim_work_end(3));
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "all";
    long arg = argc > 2 ? atol(argv[2]) : 0;
    if (!strcmp(mode, "all")) {
        all();
    } else if (!strcmp(mode, "checkpoint")) {
        printf("before\n");
        fflush(stdout);
        long r = snapsim_checkpoint();
        printf("after: %ld\n", r);
    } else if (!strcmp(mode, "work")) {
        for (long i = 1; i <= arg; i++) {
            snapsim_work_begin(7);
            work(100);
            snapsim_work_end(7);
            printf("region %ld\n", i);
            fflush(stdout);
        }
    } else if (!strcmp(mode, "exit")) {
        snapsim_exit(arg);
        printf("not exited\n");
    } else if (!strcmp(mode, "fail")) {
        snapsim_fail(arg);
        printf("not failed\n");
    }
    return 0;
}
