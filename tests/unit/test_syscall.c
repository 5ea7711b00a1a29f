/* Process-level system calls: deterministic time and randomness, identity, limits, signals,
 * futex, exit and kill, unknown numbers. */
#include "test_syscall_helpers.h"

#define BUF (SCRATCH + 0x1000)
#define EPOCH 1767225600ll   /* 2026-01-01T00:00:00Z */

static int setup(void **state) { *state = fixture_new(NULL); return 0; }
static int teardown(void **state) { fixture_free(*state); return 0; }

static void test_deterministic_time(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    m->hart.instret = 0;
    assert_int_equal(SC2(m, NR_clock_gettime, 0, BUF), 0);
    assert_int_equal((int64_t)get_u64(m, BUF), EPOCH);
    assert_int_equal(get_u64(m, BUF + 8), 0);

    /* One nanosecond per retired instruction. */
    m->hart.instret = 2500000123ull;
    assert_int_equal(SC2(m, NR_clock_gettime, 0, BUF), 0);
    assert_int_equal((int64_t)get_u64(m, BUF), EPOCH + 2);
    assert_int_equal(get_u64(m, BUF + 8), 500000123);
    assert_int_equal(SC2(m, NR_clock_gettime, 2 /* PROCESS_CPUTIME */, BUF), 0);
    assert_int_equal(get_u64(m, BUF), 2);
    assert_int_equal(SC2(m, NR_clock_gettime, 1, BUF), 0);
    uint64_t mono = get_u64(m, BUF);

    /* Sleeping advances the virtual clocks, not the CPU clock, and takes no host time. */
    uint64_t ts[2] = { 100, 5 };
    assert_int_equal(mem_write(&m->mem, BUF + 64, ts, sizeof ts), 0);
    assert_int_equal(SC2(m, NR_nanosleep, BUF + 64, 0), 0);
    assert_int_equal(SC2(m, NR_clock_gettime, 1, BUF), 0);
    assert_int_equal(get_u64(m, BUF), mono + 100);
    assert_int_equal(get_u64(m, BUF + 8), 500000128);
    assert_int_equal(SC2(m, NR_clock_gettime, 2, BUF), 0);
    assert_int_equal(get_u64(m, BUF), 2);

    /* Absolute clock_nanosleep to a time in the past returns at once. */
    assert_int_equal(SC4(m, NR_clock_nanosleep, 1, 1, BUF + 64, 0), 0);
    assert_int_equal(SC2(m, NR_clock_gettime, 1, BUF), 0);
    assert_int_equal(get_u64(m, BUF), mono + 100);

    assert_int_equal(SC2(m, NR_gettimeofday, BUF, 0), 0);
    assert_int_equal((int64_t)get_u64(m, BUF), EPOCH + 102);
    assert_int_equal(get_u64(m, BUF + 8), 500000);
    assert_int_equal(SC2(m, NR_clock_getres, 1, BUF), 0);
    assert_int_equal(get_u64(m, BUF + 8), 1);

    /* Errors. */
    assert_int_equal(SC2(m, NR_clock_gettime, 99, BUF), -EINVAL);
    assert_int_equal(SC2(m, NR_clock_gettime, 0, 0x1000), -EFAULT);
    uint64_t bad[2] = { 1, 1000000000 };
    assert_int_equal(mem_write(&m->mem, BUF + 64, bad, sizeof bad), 0);
    assert_int_equal(SC2(m, NR_nanosleep, BUF + 64, 0), -EINVAL);
    assert_true(SC1(m, NR_times, BUF) > 0);
}

static void test_getrandom(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    struct fixture *g = fixture_new(NULL), *h = fixture_new("7");
    uint8_t a[40], b[40], c[40];
    assert_int_equal(SC3(m, NR_getrandom, BUF, 40, 0), 40);
    assert_int_equal(SC3(&g->m, NR_getrandom, BUF, 40, 1 /* GRND_NONBLOCK */), 40);
    assert_int_equal(SC3(&h->m, NR_getrandom, BUF, 40, 0), 40);
    assert_int_equal(mem_read(&m->mem, BUF, a, 40), 0);
    assert_int_equal(mem_read(&g->m.mem, BUF, b, 40), 0);
    assert_int_equal(mem_read(&h->m.mem, BUF, c, 40), 0);
    assert_memory_equal(a, b, 40);
    assert_memory_not_equal(a, c, 40);
    assert_int_equal(SC3(m, NR_getrandom, BUF, 40, 0), 40);
    assert_int_equal(mem_read(&m->mem, BUF, b, 40), 0);
    assert_memory_not_equal(a, b, 40);   /* the stream moves on */
    assert_int_equal(SC3(m, NR_getrandom, BUF, 8, 0x100), -EINVAL);
    assert_int_equal(SC3(m, NR_getrandom, 0x1000, 8, 0), -EFAULT);
    /* A buffer that runs into unmapped memory faults. */
    assert_int_equal(SC3(m, NR_getrandom, SCRATCH + SCRATCH_SIZE - 16, 10000, 0), -EFAULT);
    fixture_free(g);
    fixture_free(h);
}

static void test_identity_and_limits(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    assert_int_equal(SC0(m, NR_getpid), LINUX_PID);
    assert_int_equal(SC0(m, NR_gettid), LINUX_PID);
    assert_int_equal(SC1(m, NR_set_tid_address, BUF), LINUX_PID);
    assert_int_equal(SC2(m, NR_set_robust_list, BUF, 24), 0);
    assert_int_equal(SC2(m, NR_set_robust_list, BUF, 10), -EINVAL);
    assert_int_equal(sc(m, NR_rseq, BUF, 32, 0, 0, 0, 0), -ENOSYS);

    assert_int_equal(SC1(m, NR_uname, BUF), 0);
    char s[65];
    assert_int_equal(mem_read_string(&m->mem, BUF, s, sizeof s), 0);
    assert_string_equal(s, "Linux");
    assert_int_equal(mem_read_string(&m->mem, BUF + 4 * 65, s, sizeof s), 0);
    assert_string_equal(s, "riscv64");

    /* prlimit64: read, lower, cannot raise the hard limit. */
    assert_int_equal(SC4(m, NR_prlimit64, 0, 3 /* STACK */, 0, BUF), 0);
    assert_int_equal(get_u64(m, BUF), 8u << 20);
    assert_int_equal(SC2(m, NR_getrlimit, 7 /* NOFILE */, BUF), 0);
    assert_int_equal(get_u64(m, BUF), 1024);
    uint64_t lim[2] = { 100, 200 };
    assert_int_equal(mem_write(&m->mem, BUF, lim, sizeof lim), 0);
    assert_int_equal(SC4(m, NR_prlimit64, 0, 7, BUF, BUF + 16), 0);
    assert_int_equal(get_u64(m, BUF + 16), 1024);
    assert_int_equal(SC2(m, NR_getrlimit, 7, BUF + 32), 0);
    assert_int_equal(get_u64(m, BUF + 32), 100);
    lim[1] = 5000;
    assert_int_equal(mem_write(&m->mem, BUF, lim, sizeof lim), 0);
    assert_int_equal(SC4(m, NR_prlimit64, 0, 7, BUF, 0), -EPERM);
    assert_int_equal(SC4(m, NR_prlimit64, 0, 99, 0, BUF), -EINVAL);
    assert_int_equal(SC4(m, NR_prlimit64, 4242, 7, 0, BUF), -ESRCH);

    assert_int_equal(SC3(m, NR_sched_getaffinity, 0, 128, BUF), 8);
    assert_int_equal(get_u64(m, BUF), 1);
}

static void test_signals_recorded(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    uint64_t act[3] = { 0x12345, 0x4000000, 0x5 };   /* handler, flags, mask */
    assert_int_equal(mem_write(&m->mem, BUF, act, sizeof act), 0);
    assert_int_equal(SC4(m, NR_rt_sigaction, 10, BUF, 0, 8), 0);
    assert_int_equal(SC4(m, NR_rt_sigaction, 10, 0, BUF + 64, 8), 0);
    assert_int_equal(get_u64(m, BUF + 64), 0x12345);
    assert_int_equal(get_u64(m, BUF + 80), 0x5);
    assert_int_equal(SC4(m, NR_rt_sigaction, 9, BUF, 0, 8), -EINVAL);   /* SIGKILL */
    assert_int_equal(SC4(m, NR_rt_sigaction, 65, BUF, 0, 8), -EINVAL);
    assert_int_equal(SC4(m, NR_rt_sigaction, 10, BUF, 0, 4), -EINVAL);

    uint64_t set = (1ull << 9) | (1ull << 8);   /* SIGUSR1 | SIGKILL: SIGKILL cannot be blocked */
    assert_int_equal(mem_write(&m->mem, BUF, &set, 8), 0);
    assert_int_equal(SC4(m, NR_rt_sigprocmask, 0, BUF, BUF + 8, 8), 0);
    assert_int_equal(get_u64(m, BUF + 8), 0);
    assert_int_equal(SC4(m, NR_rt_sigprocmask, 0, 0, BUF + 8, 8), 0);
    assert_int_equal(get_u64(m, BUF + 8), 1ull << 9);
    assert_int_equal(SC4(m, NR_rt_sigprocmask, 7, BUF, 0, 8), -EINVAL);

    uint64_t ss[3] = { SCRATCH, 0, 8192 };
    assert_int_equal(mem_write(&m->mem, BUF, ss, sizeof ss), 0);
    assert_int_equal(SC2(m, NR_sigaltstack, BUF, 0), 0);
    assert_int_equal(SC2(m, NR_sigaltstack, 0, BUF + 32), 0);
    assert_int_equal(get_u64(m, BUF + 32), SCRATCH);
    assert_int_equal(get_u64(m, BUF + 48), 8192);

    /* Ignored and default-ignored signals to self do nothing. */
    assert_int_equal(SC2(m, NR_kill, LINUX_PID, 0), 0);
    assert_int_equal(SC2(m, NR_kill, LINUX_PID, 17 /* SIGCHLD */), 0);
    assert_int_equal(m->halt, HALT_NONE);
    act[0] = 1;   /* SIG_IGN */
    assert_int_equal(mem_write(&m->mem, BUF, act, sizeof act), 0);
    assert_int_equal(SC4(m, NR_rt_sigaction, 15, BUF, 0, 8), 0);
    assert_int_equal(SC2(m, NR_kill, LINUX_PID, 15), 0);
    assert_int_equal(m->halt, HALT_NONE);
    assert_int_equal(SC2(m, NR_kill, 4242, 15), -ESRCH);
}

/* A handled signal: the rt_sigframe the handler gets (RISC-V Linux layout) and rt_sigreturn
 * putting back the interrupted registers, pc and mask. */
static void test_signal_frame_and_sigreturn(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    uint64_t act[3] = { 0x10000, 0x4 /* SA_SIGINFO */, 1ull << 11 /* also block SIGUSR2 */ };
    assert_int_equal(mem_write(&m->mem, BUF, act, sizeof act), 0);
    assert_int_equal(SC4(m, NR_rt_sigaction, 10, BUF, 0, 8), 0);
    uint64_t pc = m->hart.pc, sp = m->hart.x[2];
    m->hart.x[20] = 0x1234;
    m->hart.f[3] = 0x4004000000000000ull;
    m->hart.frm = 1;

    assert_int_equal(SC2(m, NR_kill, LINUX_PID, 10), 10);   /* a0 is now the handler's argument */
    struct hart *h = &m->hart;
    assert_int_equal(h->pc, 0x10000);
    uint64_t frame = h->x[2];
    assert_true(frame < sp && sp - frame >= 1088 && (frame & 15) == 0);
    assert_int_equal(h->x[11], frame);
    assert_int_equal(h->x[12], frame + 128);
    const struct mem_region *tramp = mem_region_at(&m->mem, h->x[1]);
    assert_non_null(tramp);
    assert_string_equal(tramp->tag, "[vdso]");
    uint32_t info[6];
    assert_int_equal(mem_read(&m->mem, frame, info, sizeof info), 0);
    assert_int_equal(info[0], 10);          /* si_signo */
    assert_int_equal(info[2], 0);           /* si_code SI_USER */
    assert_int_equal(info[4], LINUX_PID);   /* si_pid */
    uint64_t uc = frame + 128;
    assert_int_equal(get_u64(m, uc + 40), 0);                 /* uc_sigmask: the mask before */
    assert_int_equal(get_u64(m, uc + 176), pc + 4);           /* gregs[0]: pc after the ecall */
    assert_int_equal(get_u64(m, uc + 176 + 2 * 8), sp);       /* sp */
    assert_int_equal(get_u64(m, uc + 176 + 20 * 8), 0x1234);  /* s4 */
    assert_int_equal(get_u64(m, uc + 432 + 3 * 8), 0x4004000000000000ull);
    assert_int_equal(get_u64(m, uc + 688) & 0xff, 1 << 5);    /* fcsr: frm 1 */
    assert_int_equal(m->proc->sigmask, (1ull << 9) | (1ull << 11));   /* SIGUSR1 and sa_mask */

    /* The handler clobbers registers; rt_sigreturn brings the interrupted ones back. */
    h->x[20] = 0;
    h->f[3] = 0;
    h->frm = 0;
    SC0(m, NR_rt_sigreturn);
    assert_int_equal(h->pc, pc + 4);
    assert_int_equal(h->x[2], sp);
    assert_int_equal(h->x[20], 0x1234);
    assert_int_equal(h->x[10], 0);   /* kill's own result */
    assert_int_equal(h->f[3], 0x4004000000000000ull);
    assert_int_equal(h->frm, 1);
    assert_int_equal(m->proc->sigmask, 0);
    assert_int_equal(m->halt, HALT_NONE);
}

/* Arming a timer asks the model to return (HALT_LIMIT) so that its stop moves to the expiry. */
static void test_itimer(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    int64_t it[4] = { 0, 0, 0, 1500 };   /* interval 0, value 1500 us */
    assert_int_equal(mem_write(&m->mem, BUF, it, sizeof it), 0);
    assert_int_equal(SC3(m, NR_setitimer, 0, BUF, 0), 0);
    assert_int_equal(m->halt, HALT_LIMIT);
    assert_int_equal(m->proc->timers[0].expiry, m->hart.instret + 1500000);
    assert_int_equal(SC2(m, NR_getitimer, 0, BUF + 64), 0);
    assert_int_equal(get_u64(m, BUF + 64 + 24), 1500);
    assert_int_equal(SC2(m, NR_getitimer, 3, BUF + 64), -EINVAL);
}

/* The legacy newlib open takes newlib's O_* values: 0x601 is O_WRONLY | O_CREAT | O_TRUNC. */
static void test_newlib_open(void **state)
{
    struct fixture *f = *state;
    struct machine *m = &f->m;
    char path[128];
    snprintf(path, sizeof path, "%s/newlib.txt", f->tmpdir);
    assert_int_equal(mem_write(&m->mem, BUF, path, strlen(path) + 1), 0);
    int64_t fd = SC3(m, 1024, BUF, 0x601, 0600);
    assert_true(fd >= 3);
    assert_int_equal(m->proc->fds[fd].flags & 3, 1);
    assert_int_equal(SC3(m, NR_write, (uint64_t)fd, BUF, 4), 4);
    assert_int_equal(SC3(m, 1024, BUF, 0xa02 /* O_RDWR | O_CREAT | O_EXCL */, 0600), -EEXIST);
    uint64_t st[16];
    assert_int_equal(SC2(m, 1038, BUF, BUF + 256), 0);
    assert_int_equal(mem_read(&m->mem, BUF + 256, st, sizeof st), 0);
    assert_int_equal(st[6], 4);                       /* st_size at 48 */
    assert_int_equal((uint32_t)st[2] & 07777, 0600);  /* st_mode at 16 */
}

static void test_abort_kills(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    SC3(m, NR_tgkill, LINUX_PID, LINUX_PID, 6 /* SIGABRT */);
    assert_int_equal(m->halt, HALT_SIGNAL);
    assert_int_equal(m->exit_status, 128 + 6);
}

static void test_exit_group(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    SC1(m, NR_exit_group, 0x1234);
    assert_int_equal(m->halt, HALT_EXIT);
    assert_int_equal(m->exit_status, 0x34);
}

static void test_futex(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    uint32_t word = 5;
    assert_int_equal(mem_write(&m->mem, BUF, &word, 4), 0);
    assert_int_equal(SC3(m, NR_futex, BUF, 128 /* WAIT|PRIVATE */, 4), -EAGAIN);
    assert_int_equal(SC3(m, NR_futex, BUF, 1 /* WAKE */, 1), 0);
    uint64_t ts[2] = { 0, 1000 };
    assert_int_equal(mem_write(&m->mem, BUF + 16, ts, sizeof ts), 0);
    /* The wait blocks the thread: the model returns to linux_run_model (HALT_LIMIT), whose
     * switch finds nobody else to run, lets the guest time pass and ends the wait. */
    SC4(m, NR_futex, BUF, 0, 5, BUF + 16);
    assert_int_equal(m->halt, HALT_LIMIT);
    assert_true(linux_task_switch_due(m));
    m->halt = HALT_NONE;
    linux_task_switch(m);
    assert_int_equal(m->halt, HALT_NONE);
    assert_int_equal((int64_t)m->hart.x[10], -ETIMEDOUT);
    assert_false(linux_task_switch_due(m));
    assert_int_equal(SC3(m, NR_futex, 0x1000, 0, 5), -EFAULT);
    /* Waiting forever with nobody to wake us is a deadlock the run reports. */
    SC3(m, NR_futex, BUF, 0, 5);
    m->halt = HALT_NONE;
    linux_task_switch(m);
    assert_int_equal(m->halt, HALT_ERROR);
}

static void test_unknown_syscall(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    assert_int_equal(SC0(m, 0 /* io_setup */), -ENOSYS);
    assert_int_equal(SC0(m, 100000), -ENOSYS);
    assert_int_equal(SC0(m, (uint64_t)-1), -ENOSYS);
    assert_int_equal(m->halt, HALT_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_deterministic_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_getrandom, setup, teardown),
        cmocka_unit_test_setup_teardown(test_identity_and_limits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signals_recorded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signal_frame_and_sigreturn, setup, teardown),
        cmocka_unit_test_setup_teardown(test_itimer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newlib_open, setup, teardown),
        cmocka_unit_test_setup_teardown(test_abort_kills, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exit_group, setup, teardown),
        cmocka_unit_test_setup_teardown(test_futex, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_syscall, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
