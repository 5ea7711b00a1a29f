/* Process-level system calls: exit, identity, limits, uname, futex and other single-thread
 * bookkeeping. */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "linux/syscall_internal.h"

SYSCALL(exit)
{
    /* One thread: exit and exit_group both end the process. */
    shared_map_flush(m);
    m->proc->exited = true;
    m->proc->exit_status = (int)(a[0] & 0xff);
    machine_exit(m, (int)(a[0] & 0xff));
    return 0;
}

SYSCALL(set_tid_address)
{
    m->proc->clear_child_tid = a[0];
    return LINUX_PID;
}

SYSCALL(set_robust_list)
{
    if (a[1] != 24)   /* sizeof(struct robust_list_head) */
        return -EINVAL;
    m->proc->robust_list = a[0];
    m->proc->robust_list_len = a[1];
    return 0;
}

SYSCALL(rseq)
{
    /* Like qemu-user: no restartable sequences; glibc then runs without them. */
    (void)m;
    (void)a;
    return -ENOSYS;
}

SYSCALL(getpid) { (void)m; (void)a; return LINUX_PID; }
SYSCALL(getppid) { (void)m; (void)a; return LINUX_PPID; }
SYSCALL(getuid) { (void)m; (void)a; return LINUX_UID; }
SYSCALL(getgid) { (void)m; (void)a; return LINUX_GID; }

/* getresuid and getresgid: real, effective and saved ids are all the same. */
SYSCALL(getresuid)
{
    uint32_t id = m->hart.x[17] == 148 ? LINUX_UID : LINUX_GID;
    for (int i = 0; i < 3; i++)
        if (mem_write(&m->mem, a[i], &id, sizeof id) != 0)
            return -EFAULT;
    return 0;
}

static bool is_self(uint64_t pid) { return pid == 0 || pid == LINUX_PID; }

/* Reads and writes one limit; both pointers optional. */
static int64_t rlimit_op(struct machine *m, uint64_t resource, uint64_t new_addr, uint64_t old_addr)
{
    struct linux_process *p = m->proc;
    if (resource >= LINUX_RLIMITS)
        return -EINVAL;
    struct linux_rlimit nl;
    if (new_addr) {
        if (mem_read(&m->mem, new_addr, &nl, sizeof nl) != 0)
            return -EFAULT;
        if (nl.cur > nl.max)
            return -EINVAL;
        if (nl.max > p->rlimits[resource].max)
            return -EPERM;   /* an unprivileged process cannot raise its hard limit */
    }
    if (old_addr && mem_write(&m->mem, old_addr, &p->rlimits[resource], sizeof nl) != 0)
        return -EFAULT;
    if (new_addr)
        p->rlimits[resource] = nl;
    return 0;
}

SYSCALL(prlimit64)
{
    if (!is_self(a[0]))
        return -ESRCH;
    return rlimit_op(m, a[1], a[2], a[3]);
}

SYSCALL(getrlimit) { return rlimit_op(m, a[0], 0, a[1]); }
SYSCALL(setrlimit) { return rlimit_op(m, a[0], a[1], 0); }

SYSCALL(uname)
{
    /* A fixed identity so output never depends on the host. */
    char u[6][65];
    memset(u, 0, sizeof u);
    static const char *const fields[6] = {
        "Linux", "snapsim", "6.8.0", "#1 SMP PREEMPT_DYNAMIC snapsim", "riscv64", "(none)",
    };
    for (int i = 0; i < 6; i++)
        snprintf(u[i], sizeof u[i], "%s", fields[i]);
    return mem_write(&m->mem, a[0], u, sizeof u);
}

SYSCALL(sysinfo)
{
    /* struct sysinfo on a 64-bit kernel. */
    struct {
        int64_t uptime;
        uint64_t loads[3], totalram, freeram, sharedram, bufferram, totalswap, freeswap;
        uint16_t procs, pad;
        uint32_t pad2;
        uint64_t totalhigh, freehigh;
        uint32_t mem_unit;
        uint8_t reserved[4];
    } si;
    memset(&si, 0, sizeof si);
    uint64_t ns = 0;
    clock_now_ns(m, 1 /* CLOCK_MONOTONIC */, &ns);
    si.uptime = (int64_t)(ns / 1000000000u);
    si.totalram = m->mem.capacity;
    si.freeram = m->mem.capacity - m->mem.mapped_bytes;
    si.procs = 1;
    si.mem_unit = 1;
    return mem_write(&m->mem, a[0], &si, sizeof si);
}

SYSCALL(sched_getaffinity)
{
    /* One hart: CPU 0 only.  The kernel returns the size of its cpumask (8 bytes here). */
    if (!is_self(a[0]))
        return -ESRCH;
    if (a[1] < 8 || (a[1] & 7))
        return -EINVAL;
    uint64_t mask = 1;
    return mem_write(&m->mem, a[2], &mask, sizeof mask) ? -EFAULT : 8;
}

SYSCALL(sched_yield) { (void)m; (void)a; return 0; }

SYSCALL(riscv_flush_icache)
{
    if (a[2] & ~(uint64_t)1)   /* SYS_RISCV_FLUSH_ICACHE_LOCAL is the only flag */
        return -EINVAL;
    /* Guest stores do not invalidate decoded code by themselves; this call (like fence.i) is
     * how a program says it wrote instructions.  Models drop decoded code on a new epoch. */
    m->mem.code_epoch++;
    return 0;
}

SYSCALL(membarrier)
{
    (void)m;
    enum { CMD_QUERY = 0 };
    /* With one thread every barrier is trivially complete; report no commands supported so
     * callers fall back to ordinary fences. */
    return a[0] == CMD_QUERY ? 0 : -EINVAL;
}

SYSCALL(prctl)
{
    enum { PR_SET_NAME = 15, PR_GET_NAME = 16 };
    struct linux_process *p = m->proc;
    switch (a[0]) {
    case PR_SET_NAME: {
        char name[16];
        int rc = mem_read_string(&m->mem, a[1], name, sizeof name);
        if (rc == -ENAMETOOLONG) {
            if (mem_read(&m->mem, a[1], name, sizeof name - 1) != 0)
                return -EFAULT;
            name[15] = 0;   /* the kernel truncates */
        } else if (rc != 0) {
            return rc;
        }
        memcpy(p->comm, name, sizeof name);
        return 0;
    }
    case PR_GET_NAME: {
        char name[16] = { 0 };
        if (p->comm[0]) {
            memcpy(name, p->comm, sizeof name);
        } else {
            const char *base = strrchr(p->exe_path, '/');
            snprintf(name, sizeof name, "%.15s", base ? base + 1 : p->exe_path);   /* truncates, as comm does */
        }
        return mem_write(&m->mem, a[1], name, sizeof name);
    }
    default: {
        char key[32];
        snprintf(key, sizeof key, "prctl %llu", (unsigned long long)a[0]);
        log_once(key, "prctl option %llu not supported", (unsigned long long)a[0]);
        return -EINVAL;
    }
    }
}

/* ---- futex: one thread, so nobody else can change a futex word or wake a waiter. ---- */

enum {
    FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4, FUTEX_WAKE_OP = 5,
    FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10, FUTEX_CMD_MASK = 0x7f,
    FUTEX_CLOCK_REALTIME = 256,
};

static int64_t futex_wake_op(struct machine *m, uint64_t uaddr2, uint32_t val3)
{
    uint32_t old, op = (val3 >> 28) & 7, cmp = (val3 >> 24) & 15;
    int32_t oparg = (int32_t)(val3 << 8) >> 20, cmparg = (int32_t)(val3 << 20) >> 20;
    if (val3 & (8u << 28))   /* FUTEX_OP_OPARG_SHIFT */
        oparg = (int32_t)(1u << (oparg & 31));
    if (mem_read(&m->mem, uaddr2, &old, 4) != 0 || !mem_range_ok(&m->mem, uaddr2, 4, MEM_W))
        return -EFAULT;
    uint32_t nv;
    switch (op) {
    case 0: nv = (uint32_t)oparg; break;
    case 1: nv = old + (uint32_t)oparg; break;
    case 2: nv = old | (uint32_t)oparg; break;
    case 3: nv = old & ~(uint32_t)oparg; break;
    case 4: nv = old ^ (uint32_t)oparg; break;
    default: return -ENOSYS;
    }
    if (cmp > 5)
        return -ENOSYS;
    mem_write(&m->mem, uaddr2, &nv, 4);
    (void)cmparg;   /* the comparison only decides whether waiters on uaddr2 wake: none exist */
    return 0;
}

SYSCALL(futex)
{
    uint64_t uaddr = a[0];
    unsigned cmd = a[1] & FUTEX_CMD_MASK;
    uint32_t val = (uint32_t)a[2], word;
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
        if (uaddr & 3)
            return -EINVAL;
        if (cmd == FUTEX_WAIT_BITSET && (uint32_t)a[5] == 0)
            return -EINVAL;
        if (mem_read(&m->mem, uaddr, &word, 4) != 0)
            return -EFAULT;
        if (word != val)
            return -EAGAIN;
        if (a[3] == 0) {
            log_msg("guest deadlocked: FUTEX_WAIT on 0x%llx with no other thread to wake it",
                    (unsigned long long)uaddr);
            m->halt = HALT_ERROR;
            m->exit_status = 2;
            return -EDEADLK;
        }
        uint64_t t;
        int rc = timespec_from_guest(m, a[3], &t);
        if (rc != 0)
            return rc;
        if (cmd == FUTEX_WAIT_BITSET) {   /* absolute deadline */
            uint64_t now = 0;
            clock_now_ns(m, (a[1] & FUTEX_CLOCK_REALTIME) ? 0 : 1, &now);
            t = t > now ? t - now : 0;
        }
        return clock_sleep_ns(m, t) ? -EINTR : -ETIMEDOUT;
    }
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
    case FUTEX_REQUEUE:
        return 0;
    case FUTEX_CMP_REQUEUE:
        if (mem_read(&m->mem, uaddr, &word, 4) != 0)
            return -EFAULT;
        return word == (uint32_t)a[5] ? 0 : -EAGAIN;
    case FUTEX_WAKE_OP:
        return futex_wake_op(m, a[4], (uint32_t)a[5]);
    default:
        return -ENOSYS;
    }
}

/* getpgid, getsid, setsid, setpgid: the process leads its own group and session. */
SYSCALL(process_group)
{
    uint64_t nr = m->hart.x[17];
    if ((nr == 155 || nr == 156 || nr == 154) && !is_self(a[0]))
        return -ESRCH;
    if (nr == 154 && a[1] != 0 && a[1] != LINUX_PID)
        return -EPERM;
    if (nr == 157)
        return -EPERM;   /* already a group leader */
    return nr == 154 ? 0 : LINUX_PID;
}

SYSCALL(getgroups)
{
    (void)m;
    return (int32_t)a[0] < 0 ? -EINVAL : 0;   /* no supplementary groups */
}

SYSCALL(getcpu)
{
    uint32_t zero = 0;
    if (a[0] && mem_write(&m->mem, a[0], &zero, 4) != 0)
        return -EFAULT;
    if (a[1] && mem_write(&m->mem, a[1], &zero, 4) != 0)
        return -EFAULT;
    return 0;
}

SYSCALL(sched_setaffinity)
{
    if (!is_self(a[0]))
        return -ESRCH;
    uint8_t first;
    if (a[1] == 0 || mem_read(&m->mem, a[2], &first, 1) != 0)
        return a[1] == 0 ? -EINVAL : -EFAULT;
    return (first & 1) ? 0 : -EINVAL;   /* CPU 0 must be allowed: it is the only one */
}

SYSCALL(getpriority)
{
    (void)m;
    if (a[0] > 2)
        return -EINVAL;
    return is_self(a[1]) ? 20 : -ESRCH;   /* the kernel returns 20 - nice */
}

SYSCALL(setpriority)
{
    (void)m;
    if (a[0] > 2)
        return -EINVAL;
    return is_self(a[1]) ? 0 : -ESRCH;
}

SYSCALL(wait4)
{
    (void)m;
    (void)a;
    return -ECHILD;   /* there are never children */
}
