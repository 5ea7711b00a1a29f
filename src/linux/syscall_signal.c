/* Signals: dispositions, mask and alternate stack are recorded for the guest to read back; no
 * signal is ever delivered.  A signal sent to the process itself whose action is to terminate
 * ends the run the way the kernel would (glibc's abort() relies on this). */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "linux/syscall_internal.h"

enum { G_SIGKILL = 9, G_SIGSTOP = 19, G_SIGCHLD = 17, G_SIGCONT = 18, G_SIGTSTP = 20,
       G_SIGTTIN = 21, G_SIGTTOU = 22, G_SIGURG = 23, G_SIGWINCH = 28 };
enum { G_SIG_BLOCK = 0, G_SIG_UNBLOCK = 1, G_SIG_SETMASK = 2 };
enum { G_SS_ONSTACK = 1, G_SS_DISABLE = 2, G_SS_AUTODISARM = 1u << 31 };
#define G_SIG_DFL 0
#define G_SIG_IGN 1
#define G_MINSIGSTKSZ 2048
#define UNBLOCKABLE ((1ull << (G_SIGKILL - 1)) | (1ull << (G_SIGSTOP - 1)))

static uint64_t sigbit(int sig) { return 1ull << (sig - 1); }

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
        act.mask &= ~UNBLOCKABLE;
        p->sigactions[sig] = act;
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
        p->sigmask = nm & ~UNBLOCKABLE;
    }
    return 0;
}

SYSCALL(sigaltstack)
{
    struct linux_process *p = m->proc;
    struct { uint64_t sp; int32_t flags; int32_t pad; uint64_t size; } ss;
    if (a[0]) {
        if (mem_read(&m->mem, a[0], &ss, sizeof ss) != 0)
            return -EFAULT;
    }
    if (a[1]) {
        struct { uint64_t sp; int32_t flags; int32_t pad; uint64_t size; } old = {
            p->altstack_sp, (int32_t)(p->altstack_size ? p->altstack_flags : G_SS_DISABLE), 0,
            p->altstack_size };
        if (mem_write(&m->mem, a[1], &old, sizeof old) != 0)
            return -EFAULT;
    }
    if (a[0]) {
        uint32_t mode = (uint32_t)ss.flags & ~(uint32_t)G_SS_AUTODISARM;
        if (mode != 0 && mode != G_SS_DISABLE)
            return -EINVAL;
        if (mode == G_SS_DISABLE) {
            p->altstack_sp = p->altstack_size = 0;
            p->altstack_flags = 0;
        } else {
            if (ss.size < G_MINSIGSTKSZ)
                return -ENOMEM;
            p->altstack_sp = ss.sp;
            p->altstack_size = ss.size;
            p->altstack_flags = (uint32_t)ss.flags;
        }
    }
    return 0;
}

static bool ignored_by_default(int sig)
{
    return sig == G_SIGCHLD || sig == G_SIGURG || sig == G_SIGWINCH || sig == G_SIGCONT;
}

/* Sends sig to the process itself. */
static int64_t raise_self(struct machine *m, int sig)
{
    struct linux_process *p = m->proc;
    if (sig < 0 || sig > LINUX_NSIG)
        return -EINVAL;
    if (sig == 0)
        return 0;   /* existence check */
    uint64_t handler = p->sigactions[sig].handler;
    bool killable = sig == G_SIGKILL || sig == G_SIGSTOP;
    if (!killable && handler == G_SIG_IGN)
        return 0;
    if (!killable && (p->sigmask & sigbit(sig))) {
        log_once("blocked signal", "signal %d sent to itself while blocked: left pending forever", sig);
        return 0;
    }
    if (sig == G_SIGSTOP || sig == G_SIGTSTP || sig == G_SIGTTIN || sig == G_SIGTTOU ||
        (handler == G_SIG_DFL && ignored_by_default(sig)))
        return 0;   /* stopping would need a parent to continue us */
    if (!killable && handler != G_SIG_DFL) {
        char key[32];
        snprintf(key, sizeof key, "signal handler %d", sig);
        log_once(key, "signal %d has a handler, but signal delivery is not supported; "
                 "terminating as if it had none", sig);
    }
    p->exited = true;
    p->exit_status = 128 + sig;
    machine_kill(m, sig, "signal %d sent by the program to itself", sig);
    return 0;
}

SYSCALL(kill)
{
    int64_t pid = (int32_t)a[0];
    if (pid != 0 && pid != -1 && pid != LINUX_PID && pid != -LINUX_PID)
        return -ESRCH;
    return raise_self(m, arg_int(a[1]));
}

SYSCALL(tkill)
{
    if ((int32_t)a[0] != LINUX_PID)
        return (int32_t)a[0] <= 0 ? -EINVAL : -ESRCH;
    return raise_self(m, arg_int(a[1]));
}

SYSCALL(tgkill)
{
    if ((int32_t)a[0] <= 0 || (int32_t)a[1] <= 0)
        return -EINVAL;
    if ((int32_t)a[0] != LINUX_PID || (int32_t)a[1] != LINUX_PID)
        return -ESRCH;
    return raise_self(m, arg_int(a[2]));
}
