/* Interval timers in guest time: setitimer/getitimer (alarm is setitimer in the C library) and
 * the POSIX timers of timer_create.  A timer holds the guest time of its next expiry; the
 * models stop at the exact retired-instruction count where that time comes (linux_run_model),
 * and sleeps that reach it end there, so expiries are as reproducible as the rest of the run.
 * Guest time is the guest's monotonic clock: retired instructions plus the time sleeps added;
 * ITIMER_VIRTUAL, ITIMER_PROF and CPU-time POSIX timers count retired instructions only. */
#include <string.h>

#include "linux/syscall_internal.h"

#define NS_PER_SEC 1000000000ull
#define NS_PER_USEC 1000ull
enum { G_ITIMER_REAL = 0, G_ITIMER_VIRTUAL = 1, G_ITIMER_PROF = 2 };
enum { G_SIGEV_SIGNAL = 0, G_SIGEV_NONE = 1, G_SIGEV_THREAD_ID = 4 };
enum { G_TIMER_ABSTIME = 1 };
enum { G_CLOCK_REALTIME = 0, G_CLOCK_MONOTONIC = 1, G_CLOCK_PROCESS_CPUTIME_ID = 2,
       G_CLOCK_THREAD_CPUTIME_ID = 3, G_CLOCK_BOOTTIME = 7 };

bool timer_is_cpu(const struct linux_process *p, unsigned timer)
{
    return timer == G_ITIMER_VIRTUAL || timer == G_ITIMER_PROF ||
           (timer >= G_POSIX_TIMER_BASE && p->timers[timer].clock == G_CLOCK_PROCESS_CPUTIME_ID);
}

uint64_t timer_now(const struct machine *m, unsigned timer)
{
    return m->hart.instret + (timer_is_cpu(m->proc, timer) ? 0 : m->proc->sleep_ns);
}

/* The itimers' signals; POSIX timers carry their own. */
static int timer_signal(const struct linux_process *p, unsigned t)
{
    static const int itimer_signals[G_POSIX_TIMER_BASE] = { G_SIGALRM, G_SIGVTALRM, G_SIGPROF };
    return t < G_POSIX_TIMER_BASE ? itimer_signals[t] : p->timers[t].signo;
}

bool timers_fire_due(struct machine *m)
{
    struct linux_process *p = m->proc;
    bool any = false;
    for (unsigned t = 0; t < LINUX_NTIMERS; t++) {
        struct linux_timer *tm = &p->timers[t];
        if (!tm->expiry)
            continue;
        uint64_t now = timer_now(m, t);
        if (tm->expiry > now)
            continue;
        uint64_t missed = 0;
        if (tm->interval) {
            missed = (now - tm->expiry) / tm->interval;
            tm->expiry += (missed + 1) * tm->interval;
        } else {
            tm->expiry = 0;
        }
        int sig = timer_signal(p, t);
        if (!sig)
            continue;
        any = true;
        struct linux_siginfo info = { .code = G_SI_KERNEL };
        if (t >= G_POSIX_TIMER_BASE) {
            /* A timer whose signal is still pending counts overruns instead of queueing. */
            if (p->sigpending & sig_bit(sig) && p->siginfo[sig].code == G_SI_TIMER &&
                p->siginfo[sig].int1 == (int32_t)(t - G_POSIX_TIMER_BASE)) {
                p->siginfo[sig].int2 += (int32_t)missed + 1;
                continue;
            }
            tm->overrun = (int32_t)missed;
            info = (struct linux_siginfo){ .code = G_SI_TIMER, .int1 = (int32_t)(t - G_POSIX_TIMER_BASE),
                                           .int2 = (int32_t)missed, .word = tm->value };
        }
        signal_send(m, sig, &info);
    }
    return any;
}

/* Arms timer t to expire `value` ns from now (0 disarms), then every `interval` ns.  The model
 * is asked to return to linux_run_model, which places its next stop at the new expiry. */
static void timer_arm(struct machine *m, unsigned t, uint64_t value, uint64_t interval)
{
    struct linux_timer *tm = &m->proc->timers[t];
    tm->expiry = value ? timer_now(m, t) + value : 0;
    tm->interval = value ? interval : 0;
    if (m->halt == HALT_NONE)
        m->halt = HALT_LIMIT;
}

static uint64_t timer_left(const struct machine *m, unsigned t)
{
    const struct linux_timer *tm = &m->proc->timers[t];
    uint64_t now = timer_now(m, t);
    return !tm->expiry ? 0 : tm->expiry > now ? tm->expiry - now : 1;
}

/* struct itimerval: interval then value, each a timeval (sec, usec). */
static int put_itimerval(struct machine *m, uint64_t addr, uint64_t interval, uint64_t value)
{
    /* Linux rounds a remaining time below one microsecond up, so an armed timer never reads 0. */
    uint64_t vus = (value + NS_PER_USEC - 1) / NS_PER_USEC, ius = interval / NS_PER_USEC;
    int64_t v[4] = { (int64_t)(ius / 1000000), (int64_t)(ius % 1000000),
                     (int64_t)(vus / 1000000), (int64_t)(vus % 1000000) };
    return mem_write(&m->mem, addr, v, sizeof v) != 0 ? -EFAULT : 0;
}

static int get_timeval_ns(const int64_t tv[2], uint64_t *ns)
{
    if (tv[0] < 0 || tv[1] < 0 || tv[1] >= 1000000)
        return -EINVAL;
    *ns = (uint64_t)tv[0] > UINT64_MAX / NS_PER_SEC / 4 ? UINT64_MAX / 4
                                                      : (uint64_t)tv[0] * NS_PER_SEC + (uint64_t)tv[1] * NS_PER_USEC;
    return 0;
}

SYSCALL(getitimer)
{
    int which = arg_int(a[0]);
    if (which < G_ITIMER_REAL || which > G_ITIMER_PROF)
        return -EINVAL;
    return put_itimerval(m, a[1], m->proc->timers[which].interval, timer_left(m, (unsigned)which));
}

SYSCALL(setitimer)
{
    int which = arg_int(a[0]);
    if (which < G_ITIMER_REAL || which > G_ITIMER_PROF)
        return -EINVAL;
    int64_t tv[4] = { 0, 0, 0, 0 };
    uint64_t interval = 0, value = 0;
    if (a[1]) {
        if (mem_read(&m->mem, a[1], tv, sizeof tv) != 0)
            return -EFAULT;
        int rc = get_timeval_ns(tv, &interval);
        if (rc == 0)
            rc = get_timeval_ns(tv + 2, &value);
        if (rc != 0)
            return rc;
    }
    if (a[2]) {
        int rc = put_itimerval(m, a[2], m->proc->timers[which].interval, timer_left(m, (unsigned)which));
        if (rc != 0)
            return rc;
    }
    timer_arm(m, (unsigned)which, value, interval);
    return 0;
}

/* The POSIX timer behind a guest timer id, or NULL. */
static struct linux_timer *posix_timer(struct machine *m, uint64_t id, unsigned *index)
{
    if (id >= LINUX_NTIMERS - G_POSIX_TIMER_BASE)
        return NULL;
    *index = (unsigned)id + G_POSIX_TIMER_BASE;
    struct linux_timer *tm = &m->proc->timers[*index];
    return tm->used ? tm : NULL;
}

SYSCALL(timer_create)
{
    int clock = arg_int(a[0]);
    if (clock < 0) {
        /* A CPU-time clock by pid (what the C library makes of CLOCK_PROCESS_CPUTIME_ID):
         * ~pid << 3 | per-thread << 2 | kind; only this process's own clocks exist. */
        int pid = ~(clock >> 3);
        if ((clock & 3) == 3 || (pid != 0 && pid != m->proc->pid))
            return -EINVAL;
        clock = G_CLOCK_PROCESS_CPUTIME_ID;
    }
    switch (clock) {
    case G_CLOCK_REALTIME: case G_CLOCK_MONOTONIC: case G_CLOCK_BOOTTIME:
        break;
    case G_CLOCK_PROCESS_CPUTIME_ID: case G_CLOCK_THREAD_CPUTIME_ID:
        clock = G_CLOCK_PROCESS_CPUTIME_ID;   /* one thread: the same clock */
        break;
    default:
        return -ENOTSUP;
    }
    struct { uint64_t value; int32_t signo, notify, tid; } ev = { 0, G_SIGALRM, G_SIGEV_SIGNAL, 0 };
    if (a[1] && mem_read(&m->mem, a[1], &ev, sizeof ev) != 0)
        return -EFAULT;
    if (ev.notify == G_SIGEV_THREAD_ID && ev.tid != m->proc->pid)
        return -EINVAL;
    if (ev.notify != G_SIGEV_SIGNAL && ev.notify != G_SIGEV_NONE && ev.notify != G_SIGEV_THREAD_ID)
        return -EINVAL;
    if (ev.notify != G_SIGEV_NONE && (ev.signo < 1 || ev.signo > LINUX_NSIG))
        return -EINVAL;
    struct linux_process *p = m->proc;
    for (unsigned t = G_POSIX_TIMER_BASE; t < LINUX_NTIMERS; t++) {
        if (p->timers[t].used)
            continue;
        int32_t id = (int32_t)(t - G_POSIX_TIMER_BASE);
        if (mem_write(&m->mem, a[2], &id, sizeof id) != 0)
            return -EFAULT;
        p->timers[t] = (struct linux_timer){
            .used = true, .clock = clock, .signo = ev.notify == G_SIGEV_NONE ? 0 : ev.signo,
            .value = a[1] ? ev.value : (uint64_t)id };
        return 0;
    }
    return -EAGAIN;
}

/* struct itimerspec: interval then value, each a timespec (sec, nsec). */
static int put_itimerspec(struct machine *m, uint64_t addr, uint64_t interval, uint64_t value)
{
    int64_t v[4] = { (int64_t)(interval / NS_PER_SEC), (int64_t)(interval % NS_PER_SEC),
                     (int64_t)(value / NS_PER_SEC), (int64_t)(value % NS_PER_SEC) };
    return mem_write(&m->mem, addr, v, sizeof v) != 0 ? -EFAULT : 0;
}

SYSCALL(timer_settime)
{
    unsigned t;
    struct linux_timer *tm = posix_timer(m, a[0], &t);
    if (!tm)
        return -EINVAL;
    uint64_t interval, value;
    int rc = timespec_from_guest(m, a[2], &interval);
    if (rc == 0)
        rc = timespec_from_guest(m, a[2] + 16, &value);
    if (rc != 0)
        return rc;
    if (a[3] && (rc = put_itimerspec(m, a[3], tm->interval, timer_left(m, t))) != 0)
        return rc;
    if ((a[1] & G_TIMER_ABSTIME) && value) {
        /* An absolute time on the timer's clock: the guest clocks differ from timer time by a
         * constant (their epoch), so the remaining time is the difference of the two. */
        uint64_t now;
        clock_now_ns(m, tm->clock, &now);
        value = value > now ? value - now : 1;
    }
    timer_arm(m, t, value, interval);
    return 0;
}

SYSCALL(timer_gettime)
{
    unsigned t;
    struct linux_timer *tm = posix_timer(m, a[0], &t);
    if (!tm)
        return -EINVAL;
    return put_itimerspec(m, a[1], tm->interval, timer_left(m, t));
}

SYSCALL(timer_getoverrun)
{
    unsigned t;
    struct linux_timer *tm = posix_timer(m, a[0], &t);
    return tm ? tm->overrun : -EINVAL;
}

SYSCALL(timer_delete)
{
    unsigned t;
    struct linux_timer *tm = posix_timer(m, a[0], &t);
    if (!tm)
        return -EINVAL;
    *tm = (struct linux_timer){ 0 };
    return 0;
}
