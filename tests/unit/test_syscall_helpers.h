/* Shared fixture of the Linux-layer unit tests: a machine with the example program `sum` loaded,
 * a scratch buffer in guest memory, and a way to issue system calls as the guest would. */
#ifndef SNAPSIM_TEST_SYSCALL_HELPERS_H
#define SNAPSIM_TEST_SYSCALL_HELPERS_H

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/config.h"
#include "core/machine.h"
#include "linux/process.h"

#define SUM_PATH SNAPSIM_GUEST_DIR "/sum"
#define SCRATCH 0x100000000ull          /* 1 MiB of RW guest memory for syscall buffers */
#define SCRATCH_SIZE (1ull << 20)

struct fixture {
    struct config cfg;
    struct machine m;
    char tmpdir[64];
};

static inline void fixture_config(struct fixture *f, const char *seed)
{
    char err[256];
    config_init(&f->cfg);
    config_register(&f->cfg, machine_config_keys, machine_config_nkeys);
    if (seed)
        assert_true(config_set_key(&f->cfg, "linux:seed", seed, true, err, sizeof err));
}

/* A machine with sum loaded (argv "sum 1 22", a small environment) and the scratch area mapped. */
static inline struct fixture *fixture_new(const char *seed)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    fixture_config(f, seed);
    assert_int_equal(machine_init(&f->m, &f->cfg), 0);
    char *argv[] = { "sum", "1", "22", NULL };
    char *envp[] = { "A=1", "B=two", NULL };
    char err[512] = "";
    int rc = linux_load(&f->m, SUM_PATH, 3, argv, envp, err, sizeof err);
    if (rc != 0)
        fail_msg("load failed: %s", err);
    assert_int_equal(mem_map(&f->m.mem, SCRATCH, SCRATCH_SIZE, MEM_R | MEM_W, "test"), 0);
    snprintf(f->tmpdir, sizeof f->tmpdir, "/tmp/snapsim-test-XXXXXX");
    assert_non_null(mkdtemp(f->tmpdir));
    return f;
}

static inline void fixture_free(struct fixture *f)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->tmpdir);
    assert_int_equal(system(cmd), 0);
    machine_destroy(&f->m);
    config_free(&f->cfg);
    free(f);
}

static inline int64_t sc(struct machine *m, uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
                         uint64_t a3, uint64_t a4, uint64_t a5)
{
    uint64_t *x = m->hart.x;
    x[17] = nr;
    x[10] = a0; x[11] = a1; x[12] = a2; x[13] = a3; x[14] = a4; x[15] = a5;
    linux_syscall(m);
    return (int64_t)x[10];
}
#define SC0(m, nr) sc(m, nr, 0, 0, 0, 0, 0, 0)
#define SC1(m, nr, a) sc(m, nr, a, 0, 0, 0, 0, 0)
#define SC2(m, nr, a, b) sc(m, nr, a, b, 0, 0, 0, 0)
#define SC3(m, nr, a, b, c) sc(m, nr, a, b, c, 0, 0, 0)
#define SC4(m, nr, a, b, c, d) sc(m, nr, a, b, c, d, 0, 0)

/* Copies a string into guest memory at addr; returns addr. */
static inline uint64_t put_str(struct machine *m, uint64_t addr, const char *s)
{
    assert_int_equal(mem_write(&m->mem, addr, s, strlen(s) + 1), 0);
    return addr;
}

static inline uint64_t get_u64(struct machine *m, uint64_t addr)
{
    uint64_t v;
    assert_int_equal(mem_read(&m->mem, addr, &v, sizeof v), 0);
    return v;
}

/* RISC-V Linux system call numbers used by the tests. */
enum {
    NR_getcwd = 17, NR_dup = 23, NR_dup3 = 24, NR_fcntl = 25, NR_ioctl = 29, NR_mkdirat = 34,
    NR_unlinkat = 35, NR_ftruncate = 46, NR_faccessat = 48, NR_chdir = 49, NR_openat = 56,
    NR_close = 57, NR_pipe2 = 59, NR_getdents64 = 61, NR_lseek = 62, NR_read = 63,
    NR_write = 64, NR_readv = 65, NR_writev = 66, NR_pread64 = 67, NR_pwrite64 = 68,
    NR_readlinkat = 78, NR_newfstatat = 79, NR_fstat = 80, NR_exit = 93, NR_exit_group = 94,
    NR_set_tid_address = 96, NR_futex = 98, NR_set_robust_list = 99, NR_nanosleep = 101,
    NR_getitimer = 102, NR_setitimer = 103, NR_clock_gettime = 113, NR_clock_getres = 114,
    NR_clock_nanosleep = 115, NR_rt_sigreturn = 139,
    NR_sched_getaffinity = 123, NR_kill = 129, NR_tgkill = 131, NR_sigaltstack = 132,
    NR_rt_sigaction = 134, NR_rt_sigprocmask = 135, NR_times = 153, NR_uname = 160,
    NR_getrlimit = 163, NR_gettimeofday = 169, NR_getpid = 172, NR_gettid = 178,
    NR_brk = 214, NR_munmap = 215, NR_mremap = 216, NR_mmap = 222, NR_mprotect = 226,
    NR_madvise = 233, NR_prlimit64 = 261, NR_renameat2 = 276, NR_getrandom = 278,
    NR_statx = 291, NR_rseq = 293,
};
#define AT_FDCWD_G ((uint64_t)(int64_t)-100)

#endif
