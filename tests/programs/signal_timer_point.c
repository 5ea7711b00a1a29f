/* A timer on the CPU-time clock armed for an absolute time: under snapsim CPU time is the
 * retired-instruction count, so the signal arrives exactly at instruction 1,000,000, where the
 * restore-equivalence test also puts snapshot points (just before, at, just after).  The handler
 * runs on an alternate stack and records what it saw; the output does not depend on timing. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static volatile sig_atomic_t fired;
static volatile int seen_value, on_alt;
static char altstack[32 * 1024];

static void on_timer(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)uc;
    char here;
    on_alt = &here >= altstack && &here < altstack + sizeof altstack;
    seen_value = si->si_value.sival_int;
    fired++;
}

int main(void)
{
    stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack };
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_timer;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGUSR2, &sa, NULL);

    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR2;
    ev.sigev_value.sival_int = 77;
    timer_t t;
    if (timer_create(CLOCK_PROCESS_CPUTIME_ID, &ev, &t) != 0) {
        perror("timer_create");
        return 1;
    }
    struct itimerspec at = { .it_value = { 0, 1000000 } };
    timer_settime(t, TIMER_ABSTIME, &at, NULL);
    while (!fired)
        ;
    printf("fired %d value %d on altstack %d\n", (int)fired, seen_value, on_alt);
    timer_delete(t);
    return 0;
}
