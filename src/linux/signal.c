/* Signal generation and delivery.  A signal becomes pending (signal_send) from a system call
 * (kill, tgkill, a write to a broken pipe), from a timer, or from a fault of the guest; it is
 * delivered at an instruction boundary: at the end of the system call that made it deliverable,
 * at the exact retired-instruction count a timer expires (linux_run_model stops the model
 * there), or in place of the faulting instruction.  All three are the same boundary in every
 * model, so a run with signals is as reproducible as one without. */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "core/model.h"
#include "debug/events.h"
#include "linux/syscall_internal.h"

enum { G_SEGV_MAPERR = 1, G_SEGV_ACCERR = 2, G_BUS_ADRALN = 1, G_BUS_ADRERR = 2, G_ILL_ILLOPC = 1,
       G_TRAP_BRKPT = 1 };

static bool ignored_by_default(int sig)
{
    return sig == G_SIGCHLD || sig == G_SIGURG || sig == G_SIGWINCH || sig == G_SIGCONT;
}

static bool stops_by_default(int sig)
{
    return sig == G_SIGSTOP || sig == G_SIGTSTP || sig == G_SIGTTIN || sig == G_SIGTTOU;
}

bool signal_ignored(const struct linux_process *p, int sig)
{
    uint64_t handler = p->sigactions[sig].handler;
    return handler == G_SIG_IGN || (handler == G_SIG_DFL && ignored_by_default(sig));
}

void signal_send(struct machine *m, int sig, const struct linux_siginfo *info)
{
    struct linux_process *p = m->proc;
    if (sig < 1 || sig > LINUX_NSIG)
        return;
    if (sig != G_SIGKILL && !(p->sigmask & sig_bit(sig)) && signal_ignored(p, sig))
        return;
    if (!(p->sigpending & sig_bit(sig)))
        p->siginfo[sig] = *info;   /* standard signals do not queue: the first one's info stays */
    p->sigpending |= sig_bit(sig);
}

int64_t signal_if_broken_pipe(struct machine *m, int64_t result)
{
    if (result == -EPIPE)
        signal_send(m, G_SIGPIPE, &(struct linux_siginfo){ .code = G_SI_USER, .int1 = m->proc->pid,
                                                           .int2 = LINUX_UID });
    return result;
}

bool signal_deliverable(const struct linux_process *p)
{
    return ((p->sigpending | p->thread_pending) & ~p->sigmask) != 0;
}

bool signal_on_altstack(const struct linux_process *p, uint64_t sp)
{
    return p->altstack_size && sp > p->altstack_sp && sp - p->altstack_sp <= p->altstack_size;
}

/* Runs the default action of sig: nothing, or the end of the program (stopping would need a
 * parent to continue it, so stop signals are ignored). */
static void default_action(struct machine *m, int sig)
{
    if (ignored_by_default(sig))
        return;
    if (stops_by_default(sig)) {
        log_once("stop signal", "signal %d would stop the program: ignored (no parent to continue it)", sig);
        return;
    }
    m->proc->exited = true;
    m->proc->exit_status = 128 + sig;
    machine_kill(m, sig, "signal %d, default action", sig);
}

/* Invokes the handler of sig with `saved_mask` as the mask its sigreturn restores.  False if
 * the frame could not be written (the kernel then kills with SIGSEGV). */
static bool run_handler(struct machine *m, int sig, const struct linux_siginfo *info, uint64_t saved_mask)
{
    struct linux_process *p = m->proc;
    struct linux_sigaction *act = &p->sigactions[sig];
    if (!signal_frame_push(m, sig, info, saved_mask))
        return false;
    p->sigmask |= act->mask;
    if (!(act->flags & (uint64_t)(uint32_t)G_SA_NODEFER))
        p->sigmask |= sig_bit(sig);
    p->sigmask &= ~G_SIG_UNBLOCKABLE;
    if (act->flags & (uint64_t)(uint32_t)G_SA_RESETHAND)
        *act = (struct linux_sigaction){ G_SIG_DFL, act->flags & ~(uint64_t)G_SA_SIGINFO, act->mask };
    return true;
}

void signal_deliver_pending(struct machine *m)
{
    struct linux_process *p = m->proc;
    /* A thread that waits or has exited takes no signal; another thread (or it, once woken)
     * does when it runs. */
    if (p->tasks[p->cur].state != TASK_RUNNABLE)
        return;
    while (m->halt != HALT_EXIT && m->halt != HALT_SIGNAL && signal_deliverable(p)) {
        /* As the kernel dequeues: the thread's own signals first, then the process's. */
        uint64_t mine = p->thread_pending & ~p->sigmask;
        int sig;
        struct linux_siginfo info;
        if (mine) {
            sig = __builtin_ctzll(mine) + 1;
            info = (struct linux_siginfo){ .code = G_SI_TKILL, .int1 = p->pid, .int2 = LINUX_UID };
            p->thread_pending &= ~sig_bit(sig);
        } else {
            sig = __builtin_ctzll(p->sigpending & ~p->sigmask) + 1;
            info = p->siginfo[sig];
            p->sigpending &= ~sig_bit(sig);
        }
        uint64_t handler = p->sigactions[sig].handler;
        if (sig == G_SIGKILL || handler == G_SIG_DFL) {
            default_action(m, sig);
            continue;
        }
        if (handler == G_SIG_IGN)
            continue;
        /* rt_sigsuspend's temporary mask is replaced by the one it saved once a handler runs. */
        uint64_t saved = p->suspended ? p->suspend_saved_mask : p->sigmask;
        if (p->suspended) {
            p->sigmask = p->suspend_saved_mask;
            p->suspended = false;
        }
        if (!run_handler(m, sig, &info, saved)) {
            p->exited = true;
            p->exit_status = 128 + G_SIGSEGV;
            machine_kill(m, G_SIGSEGV, "cannot write the frame of signal %d at sp 0x%llx", sig,
                         (unsigned long long)m->hart.x[2]);
        }
    }
}

bool linux_signal_fault(struct machine *m, int sig, uint64_t addr)
{
    struct linux_process *p = m->proc;
    if (!p || sig < 1 || sig > LINUX_NSIG)
        return false;
    const struct mem_region *r = sig == G_SIGSEGV ? mem_region_at(&m->mem, addr) : NULL;
    bool past_eof = r && strcmp(r->tag, LINUX_PAST_EOF_TAG) == 0;
    if (past_eof)
        sig = G_SIGBUS;
    /* A fault whose signal is blocked or not handled kills, as the kernel's force_sig does. */
    uint64_t handler = p->sigactions[sig].handler;
    if (handler == G_SIG_DFL || handler == G_SIG_IGN || (p->sigmask & sig_bit(sig))) {
        if (!past_eof)
            return false;   /* the model reports it */
        p->exited = true;
        p->exit_status = 128 + sig;
        machine_kill(m, sig, "access past the end of the mapped file at 0x%llx", (unsigned long long)addr);
        return true;
    }
    struct linux_siginfo info = { .word = addr };
    switch (sig) {
    case G_SIGSEGV: info.code = r ? G_SEGV_ACCERR : G_SEGV_MAPERR; break;
    case G_SIGBUS: info.code = past_eof ? G_BUS_ADRERR : G_BUS_ADRALN; break;
    case G_SIGILL: info.code = G_ILL_ILLOPC; break;
    case G_SIGTRAP: info.code = G_TRAP_BRKPT; break;
    default: break;
    }
    return run_handler(m, sig, &info, p->sigmask);
}

/* The retired-instruction count at which the earliest armed timer expires (UINT64_MAX: none);
 * with wall_only, CPU-time timers are left out (waiting does not advance their clocks). */
static uint64_t next_timer_instret(const struct machine *m, bool wall_only)
{
    const struct linux_process *p = m->proc;
    uint64_t best = UINT64_MAX;
    for (unsigned t = 0; t < LINUX_NTIMERS; t++) {
        const struct linux_timer *tm = &p->timers[t];
        if (!tm->expiry || (wall_only && timer_is_cpu(p, t)))
            continue;
        /* Guest time runs ahead of the instruction count by the time sleeps added (except on the
         * CPU-time clocks, which are the count itself). */
        uint64_t lead = timer_now(m, t) - m->hart.instret;
        uint64_t at = tm->expiry > lead ? tm->expiry - lead : 0;
        if (at < best)
            best = at;
    }
    return best;
}

uint64_t timers_next_wall_ns(const struct machine *m)
{
    uint64_t at = next_timer_instret(m, true);
    return at == UINT64_MAX ? UINT64_MAX : at > m->hart.instret ? at - m->hart.instret : 0;
}

/* Switches threads if one is due (tasks.c).  Between two instructions the hart changed under
 * the model like at a handler frame: debugging sinks resynchronise. */
static void switch_if_due(struct machine *m)
{
    if (!linux_task_switch_due(m))
        return;
    enum halt_reason halt = m->halt;
    m->halt = HALT_NONE;
    linux_task_switch(m);
    if (m->events)
        event_emit_resync(m->events, m);
    if (m->halt == HALT_NONE)
        m->halt = halt;
}

void linux_run_model(struct model_instance *self, struct machine *m, uint64_t stop_at,
                     void (*step)(struct model_instance *, struct machine *, uint64_t))
{
    for (;;) {
        if (m->proc && timers_fire_due(m)) {
            signal_deliver_pending(m);
            if (m->events)   /* a handler frame appeared between two instructions */
                event_emit_resync(m->events, m);
            if (m->halt != HALT_NONE)
                return;
        }
        switch_if_due(m);
        if (m->halt != HALT_NONE)
            return;
        uint64_t target = stop_at;
        if (m->proc) {
            uint64_t at = next_timer_instret(m, false);
            if (at < target)
                target = at;
            at = linux_task_slice_stop(m);
            if (at < target)
                target = at;
        }
        step(self, m, target);
        /* HALT_LIMIT short of stop_at: a timer is due, a thread's turn ended, or a system call or
         * a signal changed the timers, the pc or the running thread and asked the model to
         * return here. */
        if (m->halt != HALT_LIMIT || m->hart.instret >= stop_at) {
            /* A switch due now happens before the run returns, so that whoever looks at the
             * machine between runs (a snapshot) sees the same state a straight run has here. */
            if (m->halt == HALT_LIMIT)
                switch_if_due(m);
            return;
        }
        m->halt = HALT_NONE;
    }
}

int64_t signal_wait(struct machine *m)
{
    struct linux_process *p = m->proc;
    /* With other threads, one of them may send the signal: the thread waits for its turn to
     * end with one (tasks.c), and the call returns -EINTR then. */
    if (tasks_alive(p) > 1) {
        task_block(m, 0, UINT32_MAX, UINT64_MAX);
        return -EINTR;
    }
    while (!signal_deliverable(p)) {
        uint64_t wait = timers_next_wall_ns(m);
        if (wait == UINT64_MAX && process_wait_for_child_signal(m))
            continue;   /* a child ended: its exit signal may be the one */
        if (wait == UINT64_MAX) {
            log_msg("guest deadlocked: it waits for a signal and nothing can send one");
            m->halt = HALT_ERROR;
            m->exit_status = 2;
            return -EDEADLK;
        }
        p->sleep_ns += wait;   /* guest time passes as a sleep until the timer expires */
        timers_fire_due(m);
    }
    return -EINTR;
}
