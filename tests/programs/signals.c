/* Signals with Linux's semantics: handlers with siginfo and ucontext, masks and pending sets,
 * SA_RESETHAND, SA_NODEFER, SA_ONSTACK with sigaltstack, faults turned into signals (SIGSEGV,
 * SIGBUS, SIGILL, SIGTRAP) that a handler survives, FP state preserved across a handler,
 * setitimer and POSIX timers, sigsuspend and pause, SIGPIPE.  The output depends only on the
 * order of events, never on how long anything took. */
#define _GNU_SOURCE
#include <errno.h>
#include <fenv.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

static volatile sig_atomic_t hits, depth, max_depth, calls;
static volatile int last_sig, last_code;
static volatile uintptr_t last_addr;
static sigjmp_buf escape;
static char altstack[64 * 1024];

static void on_info(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    hits++;
    last_sig = sig;
    last_code = si->si_code;
    last_addr = (uintptr_t)si->si_addr;
}

static void install(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void test_raise_and_kill(void)
{
    install(SIGUSR1, on_info, 0);
    raise(SIGUSR1);
    printf("raise: hits %d sig %d code %s\n", (int)hits, last_sig,
           last_code == SI_TKILL ? "SI_TKILL" : "other");
    kill(getpid(), SIGUSR1);
    printf("kill: hits %d code %s\n", (int)hits, last_code == SI_USER ? "SI_USER" : "other");
}

static void test_mask_and_pending(void)
{
    sigset_t block, pending, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    int before = hits;
    raise(SIGUSR1);
    raise(SIGUSR1);   /* standard signals do not queue */
    sigpending(&pending);
    printf("blocked: delivered %d, pending %d\n", (int)hits - before, sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    sigpending(&pending);
    printf("unblocked: delivered %d, pending %d\n", (int)hits - before, sigismember(&pending, SIGUSR1));
}

static void test_resethand(void)
{
    install(SIGUSR2, on_info, SA_RESETHAND);
    raise(SIGUSR2);
    struct sigaction now;
    sigaction(SIGUSR2, NULL, &now);
    printf("resethand: handler ran %d, now default %d\n", last_sig == SIGUSR2,
           now.sa_handler == SIG_DFL);
}

/* Raises itself from inside the handler: with SA_NODEFER the nested delivery happens at once,
 * without it only after the handler returns. */
static void on_nested(int sig, siginfo_t *si, void *uc)
{
    (void)si, (void)uc;
    depth++;
    calls++;
    if (depth > max_depth)
        max_depth = depth;
    if (calls < 3)
        raise(sig);
    depth--;
}

static void test_nodefer(void)
{
    max_depth = calls = 0;
    install(SIGUSR1, on_nested, SA_NODEFER);
    raise(SIGUSR1);
    printf("nodefer: %d calls, nesting depth %d\n", (int)calls, (int)max_depth);
    max_depth = calls = 0;
    install(SIGUSR1, on_nested, 0);
    raise(SIGUSR1);
    printf("deferred: %d calls, nesting depth %d\n", (int)calls, (int)max_depth);
}

static volatile int on_alt, alt_flags;

static void on_altstack(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)si, (void)uc;
    char here;
    on_alt = &here >= altstack && &here < altstack + sizeof altstack;
    stack_t now;
    sigaltstack(NULL, &now);
    alt_flags = now.ss_flags;
}

static void test_altstack(void)
{
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0 };
    sigaltstack(&ss, NULL);
    install(SIGUSR2, on_altstack, SA_ONSTACK);
    raise(SIGUSR2);
    stack_t after;
    sigaltstack(NULL, &after);
    printf("altstack: handler on it %d, flags inside %s, after %d\n", on_alt,
           alt_flags == SS_ONSTACK ? "SS_ONSTACK" : "other", after.ss_flags);
    install(SIGUSR2, on_altstack, 0);
    raise(SIGUSR2);
    printf("no SA_ONSTACK: handler on it %d\n", on_alt);
    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, NULL);
}

static void on_fault_jump(int sig, siginfo_t *si, void *uc)
{
    on_info(sig, si, uc);
    siglongjmp(escape, 1);
}

static void test_segv(void)
{
    install(SIGSEGV, on_fault_jump, 0);
    if (sigsetjmp(escape, 1) == 0) {
        *(volatile int *)16 = 1;
        printf("segv: not raised\n");
    }
    printf("segv: sig %d code %s addr %lu\n", last_sig,
           last_code == SEGV_MAPERR ? "SEGV_MAPERR" : "other", (unsigned long)last_addr);
    /* The mask siglongjmp restored must let the next fault through. */
    if (sigsetjmp(escape, 1) == 0)
        *(volatile int *)32 = 1;
    printf("segv again: addr %lu\n", (unsigned long)last_addr);
}

static void test_bus(void)
{
    static uint64_t words[2];
    install(SIGBUS, on_fault_jump, 0);
    if (sigsetjmp(escape, 1) == 0) {
        uintptr_t odd = (uintptr_t)words + 1;
        __asm__ volatile("amoadd.w zero, zero, (%0)" : : "r"(odd) : "memory");
        printf("bus: not raised\n");
    }
    printf("bus: sig %d code %s at offset %ld\n", last_sig,
           last_code == BUS_ADRALN ? "BUS_ADRALN" : "other", (long)(last_addr - (uintptr_t)words));
}

/* Steps over the faulting instruction by editing the saved pc: rt_sigreturn must honour it. */
static void on_fault_skip(int sig, siginfo_t *si, void *ucv)
{
    on_info(sig, si, ucv);
    ucontext_t *uc = ucv;
    uc->uc_mcontext.__gregs[REG_PC] += 4;
}

static void test_ill_and_trap(void)
{
    install(SIGILL, on_fault_skip, 0);
    install(SIGTRAP, on_fault_skip, 0);
    uintptr_t at;
    __asm__ volatile(".option push\n .option norvc\n lla %0, 1f\n 1: .word 0xc0001073\n .option pop"
                     : "=r"(at));
    printf("ill: sig %d code %s at the instruction %d\n", last_sig,
           last_code == ILL_ILLOPC ? "ILL_ILLOPC" : "other", last_addr == at);
    __asm__ volatile(".option push\n .option norvc\n lla %0, 1f\n 1: ebreak\n .option pop"
                     : "=r"(at));
    printf("trap: sig %d code %s at the instruction %d\n", last_sig,
           last_code == TRAP_BRKPT ? "TRAP_BRKPT" : "other", last_addr == at);
}

/* The handler clobbers FP registers and the rounding mode; the interrupted code must not see it. */
static void on_fp(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)si, (void)uc;
    fesetround(FE_UPWARD);
    register double a __asm__("fs0") = 123.0;
    register double b __asm__("fs1") = 456.0;
    __asm__ volatile("fadd.d fs0, fs0, fs1" : "+f"(a) : "f"(b));
    hits++;
}

static void test_fp_state(void)
{
    install(SIGUSR1, on_fp, 0);
    fesetround(FE_TOWARDZERO);
    register double keep __asm__("fs0") = 2.5;
    __asm__ volatile("" : "+f"(keep));
    raise(SIGUSR1);
    __asm__ volatile("" : "+f"(keep));
    printf("fp: value kept %d, rounding kept %d\n", keep == 2.5, fegetround() == FE_TOWARDZERO);
    fesetround(FE_TONEAREST);
}

static volatile sig_atomic_t alarms;
static void on_alarm(int sig) { (void)sig; alarms++; }

static void test_itimer(void)
{
    signal(SIGALRM, on_alarm);
    struct itimerval it = { .it_interval = { 0, 0 }, .it_value = { 0, 200 } };
    setitimer(ITIMER_REAL, &it, NULL);
    while (alarms == 0)
        ;
    printf("itimer: one-shot fired %d\n", (int)alarms);
    it.it_interval.tv_usec = 100;
    it.it_value.tv_usec = 100;
    setitimer(ITIMER_REAL, &it, NULL);
    while (alarms < 4)
        ;
    struct itimerval left;
    getitimer(ITIMER_REAL, &left);
    printf("itimer: periodic reached %d, interval %ld us\n", alarms >= 4, (long)left.it_interval.tv_usec);
    memset(&it, 0, sizeof it);
    setitimer(ITIMER_REAL, &it, NULL);
    getitimer(ITIMER_REAL, &left);
    printf("itimer: disarmed %d\n", left.it_value.tv_sec == 0 && left.it_value.tv_usec == 0);
    printf("alarm: first %u, then %u left\n", alarm(5), alarm(0));
}

static void test_sleep_interrupted(void)
{
    signal(SIGALRM, on_alarm);
    struct itimerval it = { .it_interval = { 0, 0 }, .it_value = { 0, 5000 } };
    setitimer(ITIMER_REAL, &it, NULL);
    struct timespec req = { 10, 0 }, rem = { 0, 0 };
    int rc = nanosleep(&req, &rem);
    printf("nanosleep: rc %d %s, remaining more than 9 s %d\n", rc, errno == EINTR ? "EINTR" : "?",
           rem.tv_sec >= 9);
}

static void test_sigsuspend(void)
{
    sigset_t block, old, wait_mask;
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigprocmask(SIG_BLOCK, &block, &old);
    int before = alarms;
    struct itimerval it = { .it_interval = { 0, 0 }, .it_value = { 0, 3000 } };
    setitimer(ITIMER_REAL, &it, NULL);
    sigemptyset(&wait_mask);
    int rc = sigsuspend(&wait_mask);
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("sigsuspend: rc %d %s, handler ran %d, mask back %d\n", rc, errno == EINTR ? "EINTR" : "?",
           alarms - before, sigismember(&now, SIGALRM));
    sigprocmask(SIG_SETMASK, &old, NULL);
    setitimer(ITIMER_REAL, &it, NULL);
    rc = pause();
    printf("pause: rc %d %s, handler ran %d\n", rc, errno == EINTR ? "EINTR" : "?", alarms - before);
}

static volatile int timer_value;
static void on_timer(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    last_sig = sig;
    last_code = si->si_code;
    timer_value = si->si_value.sival_int;
}

static void test_posix_timer(void)
{
    install(SIGRTMIN, on_timer, 0);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGRTMIN;
    ev.sigev_value.sival_int = 4242;
    timer_t t;
    if (timer_create(CLOCK_MONOTONIC, &ev, &t) != 0) {
        printf("timer_create failed\n");
        return;
    }
    struct itimerspec spec = { .it_interval = { 0, 0 }, .it_value = { 0, 100000 } };
    timer_settime(t, 0, &spec, NULL);
    while (timer_value == 0)
        ;
    printf("posix timer: code %s value %d\n", last_code == SI_TIMER ? "SI_TIMER" : "other", timer_value);
    struct itimerspec left;
    timer_gettime(t, &left);
    printf("posix timer: disarmed after one shot %d\n", left.it_value.tv_sec == 0 && left.it_value.tv_nsec == 0);
    timer_delete(t);
}

static void test_sigpipe(void)
{
    int fds[2];
    if (pipe(fds) != 0)
        return;
    close(fds[0]);
    install(SIGPIPE, on_info, 0);
    ssize_t n = write(fds[1], "x", 1);
    printf("sigpipe: write %zd %s, handler sig %d\n", n, errno == EPIPE ? "EPIPE" : "?", last_sig);
    signal(SIGPIPE, SIG_IGN);
    last_sig = 0;
    n = write(fds[1], "x", 1);
    printf("sigpipe ignored: write %zd %s, handler sig %d\n", n, errno == EPIPE ? "EPIPE" : "?", last_sig);
    close(fds[1]);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_raise_and_kill();
    test_mask_and_pending();
    test_resethand();
    test_nodefer();
    test_altstack();
    test_segv();
    test_bus();
    test_ill_and_trap();
    test_fp_state();
    test_itimer();
    test_sleep_interrupted();
    test_sigsuspend();
    test_posix_timer();
    test_sigpipe();
    return 0;
}
