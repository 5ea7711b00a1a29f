/* Time and randomness.  By default the guest's clocks are derived from the model's cycle count
 * at linux:core_frequency_hz (the same as the time CSR; on the fast model one instruction is one
 * cycle, 1 ns at the default 1 GHz) plus the virtual time its sleeps added, from a fixed epoch,
 * so every run sees the same times. */
#include <time.h>

#include "linux/syscall_internal.h"

#define NS_PER_SEC      1000000000ull
#define REALTIME_EPOCH  1767225600ull   /* 2026-01-01T00:00:00Z */
#define MONOTONIC_BASE  1ull            /* seconds of "uptime" when the program starts */

enum {
    G_CLOCK_REALTIME = 0, G_CLOCK_MONOTONIC = 1, G_CLOCK_PROCESS_CPUTIME_ID = 2,
    G_CLOCK_THREAD_CPUTIME_ID = 3, G_CLOCK_MONOTONIC_RAW = 4, G_CLOCK_REALTIME_COARSE = 5,
    G_CLOCK_MONOTONIC_COARSE = 6, G_CLOCK_BOOTTIME = 7, G_CLOCK_REALTIME_ALARM = 8,
    G_CLOCK_BOOTTIME_ALARM = 9, G_CLOCK_TAI = 11,
};

struct g_timespec { int64_t sec, nsec; };

/* The guest's CPU time: the model's cycles at linux:core_frequency_hz. */
static uint64_t cpu_ns(const struct machine *m) { return machine_cycles_to_ns(m, machine_cycles(m)); }

static uint64_t host_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (uint64_t)ts.tv_sec * NS_PER_SEC + (uint64_t)ts.tv_nsec;
}

/* The clock a guest clock id reads: 0 wall, 1 monotonic, 2 CPU time; -1 if invalid. */
static int clock_kind(const struct linux_process *p, int64_t clock)
{
    if (clock < 0) {
        /* CPU-time clock of a pid or thread: ~pid << 3 | per-thread << 2 | kind. */
        int64_t pid = ~(clock >> 3);
        if ((clock & 3) == 3 || (pid != 0 && pid != p->pid))
            return -1;
        return 2;
    }
    switch (clock) {
    case G_CLOCK_REALTIME: case G_CLOCK_REALTIME_COARSE: case G_CLOCK_REALTIME_ALARM:
    case G_CLOCK_TAI:
        return 0;
    case G_CLOCK_MONOTONIC: case G_CLOCK_MONOTONIC_RAW: case G_CLOCK_MONOTONIC_COARSE:
    case G_CLOCK_BOOTTIME: case G_CLOCK_BOOTTIME_ALARM:
        return 1;
    case G_CLOCK_PROCESS_CPUTIME_ID: case G_CLOCK_THREAD_CPUTIME_ID:
        return 2;
    default:
        return -1;
    }
}

int64_t clock_now_ns(struct machine *m, int64_t clock, uint64_t *ns)
{
    int kind = clock_kind(m->proc, clock);
    if (kind < 0)
        return -EINVAL;
    /* CPU time is always the guest's own work, whatever the host spent simulating it. */
    if (kind == 2)
        *ns = cpu_ns(m);
    else if (m->proc->opt.host_time)
        *ns = host_ns(kind == 0 ? CLOCK_REALTIME : CLOCK_MONOTONIC);
    else
        *ns = (kind == 0 ? REALTIME_EPOCH : MONOTONIC_BASE) * NS_PER_SEC + cpu_ns(m) +
              m->proc->sleep_ns;
    return 0;
}

uint64_t clock_sleep_ns(struct machine *m, uint64_t ns)
{
    struct linux_process *p = m->proc;
    if (!p->opt.host_time) {
        /* Timers expiring during the sleep fire on the way; a deliverable signal ends it. */
        while (ns) {
            uint64_t step = timers_next_wall_ns(m);
            if (step > ns)
                step = ns;
            p->sleep_ns += step;
            ns -= step;
            if (timers_fire_due(m) && signal_deliverable(p))
                return ns;
        }
        return 0;
    }
    struct timespec ts = { .tv_sec = (time_t)(ns / NS_PER_SEC), .tv_nsec = (long)(ns % NS_PER_SEC) };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
    return 0;
}

int timespec_from_guest(struct machine *m, uint64_t addr, uint64_t *ns)
{
    struct g_timespec ts;
    if (mem_read(&m->mem, addr, &ts, sizeof ts) != 0)
        return -EFAULT;
    if (ts.sec < 0 || ts.nsec < 0 || ts.nsec >= (int64_t)NS_PER_SEC)
        return -EINVAL;
    /* Saturate: a sleep of centuries is as good as forever. */
    *ns = (uint64_t)ts.sec > UINT64_MAX / NS_PER_SEC / 2 ? UINT64_MAX / 2
                                                          : (uint64_t)ts.sec * NS_PER_SEC + (uint64_t)ts.nsec;
    return 0;
}

static int put_timespec(struct machine *m, uint64_t addr, uint64_t ns)
{
    struct g_timespec ts = { (int64_t)(ns / NS_PER_SEC), (int64_t)(ns % NS_PER_SEC) };
    return mem_write(&m->mem, addr, &ts, sizeof ts);
}

SYSCALL(clock_gettime)
{
    uint64_t ns;
    int64_t rc = clock_now_ns(m, (int64_t)(int32_t)a[0], &ns);
    return rc ? rc : put_timespec(m, a[1], ns);
}

SYSCALL(clock_getres)
{
    uint64_t ns;
    if (clock_now_ns(m, (int64_t)(int32_t)a[0], &ns) != 0)
        return -EINVAL;
    return a[1] ? put_timespec(m, a[1], 1) : 0;
}

SYSCALL(gettimeofday)
{
    uint64_t ns;
    clock_now_ns(m, G_CLOCK_REALTIME, &ns);
    if (a[0]) {
        int64_t tv[2] = { (int64_t)(ns / NS_PER_SEC), (int64_t)(ns % NS_PER_SEC / 1000) };
        if (mem_write(&m->mem, a[0], tv, sizeof tv) != 0)
            return -EFAULT;
    }
    if (a[1]) {
        int32_t tz[2] = { 0, 0 };   /* UTC, no DST */
        if (mem_write(&m->mem, a[1], tz, sizeof tz) != 0)
            return -EFAULT;
    }
    return 0;
}

SYSCALL(nanosleep)
{
    uint64_t ns;
    int rc = timespec_from_guest(m, a[0], &ns);
    if (rc != 0)
        return rc;
    uint64_t left = clock_sleep_ns(m, ns);
    if (!left)
        return 0;
    if (a[1] && put_timespec(m, a[1], left) != 0)
        return -EFAULT;
    return -EINTR;   /* never restarted, whatever SA_RESTART says (as on Linux) */
}

SYSCALL(clock_nanosleep)
{
    int64_t clock = (int64_t)(int32_t)a[0];
    if (clock == G_CLOCK_THREAD_CPUTIME_ID)
        return -EINVAL;
    uint64_t now, ns;
    if (clock_now_ns(m, clock, &now) != 0)
        return -EINVAL;
    int rc = timespec_from_guest(m, a[2], &ns);
    if (rc != 0)
        return rc;
    bool absolute = a[1] & 1;   /* TIMER_ABSTIME */
    if (absolute)
        ns = ns > now ? ns - now : 0;
    uint64_t left = clock_sleep_ns(m, ns);
    if (!left)
        return 0;
    if (!absolute && a[3] && put_timespec(m, a[3], left) != 0)
        return -EFAULT;
    return -EINTR;
}

SYSCALL(times)
{
    uint64_t now, ticks = NS_PER_SEC / 100;   /* USER_HZ = 100 */
    clock_now_ns(m, G_CLOCK_MONOTONIC, &now);
    if (a[0]) {
        int64_t tms[4] = { (int64_t)(cpu_ns(m) / ticks), 0, 0, 0 };
        if (mem_write(&m->mem, a[0], tms, sizeof tms) != 0)
            return -EFAULT;
    }
    return (int64_t)(now / ticks);
}

SYSCALL(getrusage)
{
    int who = arg_int(a[0]);
    if (who != 0 && who != -1 && who != 1)   /* SELF, CHILDREN, THREAD */
        return -EINVAL;
    int64_t ru[18] = { 0 };   /* utime, stime (timevals), then 14 counters */
    if (who != -1) {
        uint64_t ns = cpu_ns(m);
        ru[0] = (int64_t)(ns / NS_PER_SEC);
        ru[1] = (int64_t)(ns % NS_PER_SEC / 1000);
        ru[4] = (int64_t)(m->mem.mapped_bytes >> 10);   /* maxrss in KiB (current, close enough) */
    }
    return mem_write(&m->mem, a[1], ru, sizeof ru);
}

SYSCALL(getrandom)
{
    enum { GRND_NONBLOCK = 1, GRND_RANDOM = 2, GRND_INSECURE = 4 };
    uint64_t addr = a[0], len = a[1];
    if ((a[2] & ~(uint64_t)7) || (a[2] & (GRND_RANDOM | GRND_INSECURE)) == (GRND_RANDOM | GRND_INSECURE))
        return -EINVAL;
    if (len > 0x7fffffff)
        len = 0x7fffffff;
    uint8_t buf[4096];
    uint64_t done = 0;
    while (done < len) {
        size_t n = len - done < sizeof buf ? (size_t)(len - done) : sizeof buf;
        if (!mem_range_ok(&m->mem, addr + done, n, MEM_W))
            return done ? (int64_t)done : -EFAULT;
        linux_random_bytes(m->proc, buf, n);
        mem_write(&m->mem, addr + done, buf, n);
        done += n;
    }
    return (int64_t)done;
}
