/* Process-level system calls: identity, limits, uname, the robust list and scheduling
 * details. */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "linux/syscall_internal.h"

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

SYSCALL(getpid) { (void)a; return m->proc->pid; }
SYSCALL(getppid) { (void)a; return m->proc->ppid; }
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

#define is_self(pid) is_pid_self(m->proc, pid)
static bool is_pid_self(const struct linux_process *p, uint64_t pid) { return pid == 0 || pid == (uint64_t)p->pid; }

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
