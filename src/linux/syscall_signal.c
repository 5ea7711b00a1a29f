/* Signal system calls: dispositions, the blocked and pending sets, the alternate stack, signals
 * sent by the program to itself.  Delivery happens when the call returns (signal.c). */
#include <string.h>

#include "linux/syscall_internal.h"

enum { G_SIG_BLOCK = 0, G_SIG_UNBLOCK = 1, G_SIG_SETMASK = 2 };
#define G_MINSIGSTKSZ 2048

SYSCALL(rt_sigaction)
{
    struct linux_process *p = m->proc;
    int sig = arg_int(a[0]);
    if (a[3] != 8 || sig < 1 || sig > LINUX_NSIG)
        return -EINVAL;
    struct linux_sigaction act;   /* riscv's kernel sigaction: handler, flags, mask */
    if (a[1]) {
        if (sig == G_SIGKILL || sig == G_SIGSTOP)
            return -EINVAL;
        if (mem_read(&m->mem, a[1], &act, sizeof act) != 0)
            return -EFAULT;
    }
    if (a[2] && mem_write(&m->mem, a[2], &p->sigactions[sig], sizeof act) != 0)
        return -EFAULT;
    if (a[1]) {
        if (act.handler != G_SIG_DFL && act.handler != G_SIG_IGN && !signal_trampoline_map(m))
            return -ENOMEM;
        act.mask &= ~G_SIG_UNBLOCKABLE;
        p->sigactions[sig] = act;
        /* A pending signal that is now ignored is discarded, as the kernel does. */
        if (signal_ignored(p, sig)) {
            p->sigpending &= ~sig_bit(sig);
            p->thread_pending &= ~sig_bit(sig);
            for (unsigned t = 0; t < LINUX_MAX_TASKS; t++)
                p->tasks[t].thread_pending &= ~sig_bit(sig);
        }
    }
    return 0;
}

SYSCALL(rt_sigprocmask)
{
    struct linux_process *p = m->proc;
    if (a[3] != 8)
        return -EINVAL;
    uint64_t set = 0, old = p->sigmask;
    if (a[1]) {
        if (a[0] > G_SIG_SETMASK)
            return -EINVAL;
        if (mem_read(&m->mem, a[1], &set, sizeof set) != 0)
            return -EFAULT;
    }
    if (a[2] && mem_write(&m->mem, a[2], &old, sizeof old) != 0)
        return -EFAULT;
    if (a[1]) {
        uint64_t nm = a[0] == G_SIG_BLOCK ? old | set : a[0] == G_SIG_UNBLOCK ? old & ~set : set;
        p->sigmask = nm & ~G_SIG_UNBLOCKABLE;
    }
    return 0;
}

SYSCALL(rt_sigpending)
{
    if (a[1] != 8)
        return -EINVAL;
    uint64_t set = (m->proc->sigpending | m->proc->thread_pending) & m->proc->sigmask;
    return mem_write(&m->mem, a[0], &set, sizeof set) != 0 ? -EFAULT : 0;
}

SYSCALL(rt_sigsuspend)
{
    struct linux_process *p = m->proc;
    uint64_t set;
    if (a[1] != 8)
        return -EINVAL;
    if (mem_read(&m->mem, a[0], &set, sizeof set) != 0)
        return -EFAULT;
    p->suspend_saved_mask = p->sigmask;
    p->suspended = true;
    p->sigmask = set & ~G_SIG_UNBLOCKABLE;
    return signal_wait(m);   /* the handler frame saves the old mask (signal.c) */
}

SYSCALL(sigaltstack)
{
    struct linux_process *p = m->proc;
    struct { uint64_t sp; int32_t flags; int32_t pad; uint64_t size; } ss;
    bool on_alt = signal_on_altstack(p, m->hart.x[2]);
    if (a[0]) {
        if (mem_read(&m->mem, a[0], &ss, sizeof ss) != 0)
            return -EFAULT;
    }
    if (a[1]) {
        uint32_t flags = on_alt ? (uint32_t)G_SS_ONSTACK
                       : p->altstack_size ? p->altstack_flags : (uint32_t)G_SS_DISABLE;
        struct { uint64_t sp; int32_t flags; int32_t pad; uint64_t size; } old = {
            p->altstack_sp, (int32_t)flags, 0, p->altstack_size };
        if (mem_write(&m->mem, a[1], &old, sizeof old) != 0)
            return -EFAULT;
    }
    if (a[0]) {
        uint32_t mode = (uint32_t)ss.flags & ~(uint32_t)G_SS_AUTODISARM;
        if (mode != 0 && mode != G_SS_DISABLE && mode != G_SS_ONSTACK)
            return -EINVAL;
        if (on_alt)
            return -EPERM;
        if (mode == G_SS_DISABLE) {
            p->altstack_sp = p->altstack_size = 0;
            p->altstack_flags = 0;
        } else {
            if (ss.size < G_MINSIGSTKSZ)
                return -ENOMEM;
            p->altstack_sp = ss.sp;
            p->altstack_size = ss.size;
            p->altstack_flags = (uint32_t)ss.flags & (uint32_t)G_SS_AUTODISARM;
        }
    }
    return 0;
}

/* Sends sig to the process itself (sig 0 only checks that it exists). */
static int64_t send_self(struct machine *m, int sig, int code)
{
    if (sig < 0 || sig > LINUX_NSIG)
        return -EINVAL;
    if (sig != 0)
        signal_send(m, sig, &(struct linux_siginfo){ .code = code, .int1 = m->proc->pid, .int2 = LINUX_UID });
    return 0;
}

SYSCALL(kill)
{
    int64_t pid = (int32_t)a[0];
    int sig = arg_int(a[1]);
    if (sig < 0 || sig > LINUX_NSIG)
        return -EINVAL;
    bool self = pid == 0 || pid == -1 || pid == m->proc->pid || pid == -LINUX_PID;
    if (pid != -1 && pid != m->proc->pid) {   /* other guest processes: the children */
        int64_t r = process_kill(m, pid, sig);
        if (!self)
            return r;
    }
    return self ? send_self(m, sig, G_SI_USER) : -ESRCH;
}

/* Sends sig to one thread of the process (tkill, tgkill; raise() is one). */
static int64_t send_thread(struct machine *m, int64_t tid, int sig)
{
    struct linux_process *p = m->proc;
    int slot = task_find(p, tid);
    if (slot < 0)
        return -ESRCH;
    if (sig < 0 || sig > LINUX_NSIG)
        return -EINVAL;
    if (sig == 0)
        return 0;
    bool running = (unsigned)slot == p->cur;
    uint64_t mask = running ? p->sigmask : p->tasks[slot].sigmask;
    if (sig != G_SIGKILL && !(mask & sig_bit(sig)) && signal_ignored(p, sig))
        return 0;
    if (sig == G_SIGKILL) {   /* kills the whole process whichever thread it names */
        signal_send(m, sig, &(struct linux_siginfo){ .code = G_SI_TKILL, .int1 = p->pid, .int2 = LINUX_UID });
        return 0;
    }
    *(running ? &p->thread_pending : &p->tasks[slot].thread_pending) |= sig_bit(sig);
    return 0;
}

SYSCALL(tkill)
{
    if ((int32_t)a[0] <= 0)
        return -EINVAL;
    return send_thread(m, (int32_t)a[0], arg_int(a[1]));
}

SYSCALL(tgkill)
{
    if ((int32_t)a[0] <= 0 || (int32_t)a[1] <= 0)
        return -EINVAL;
    if ((int32_t)a[0] != m->proc->pid)
        return -ESRCH;
    return send_thread(m, (int32_t)a[1], arg_int(a[2]));
}
