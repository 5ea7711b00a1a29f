/* Guest threads on the machine's one hart: blocking, waking, and the deterministic scheduler.
 *
 * There are no host threads.  The running thread's registers are the machine's hart; the others
 * wait in p->tasks[] with their registers saved.  A switch happens only at an instruction
 * boundary between two steps of a model (linux_run_model), for one of three reasons that depend
 * on nothing but the guest's own state: the running thread's turn of opt.quantum retired
 * instructions is over and another thread is alive, it blocked (futex wait, sched_yield) or it
 * exited.  The next thread is the first runnable one after it in tid order, so every model, and
 * every run of the same command line, interleaves the threads at the same instructions. */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "linux/syscall_internal.h"

enum { CLOCK_MONOTONIC_ID = 1 };

static uint64_t now_ns(struct machine *m)
{
    uint64_t ns = 0;
    clock_now_ns(m, CLOCK_MONOTONIC_ID, &ns);
    return ns;
}

unsigned tasks_alive(const struct linux_process *p)
{
    unsigned n = 0;
    for (unsigned i = 0; i < LINUX_MAX_TASKS; i++)
        n += p->tasks[i].state == TASK_RUNNABLE || p->tasks[i].state == TASK_WAITING;
    return n;
}

int task_find(const struct linux_process *p, int64_t tid)
{
    for (unsigned i = 0; i < LINUX_MAX_TASKS; i++) {
        const struct linux_task *t = &p->tasks[i];
        if ((t->state == TASK_RUNNABLE || t->state == TASK_WAITING) && t->tid == tid)
            return (int)i;
    }
    return -1;
}

/* The per-thread fields of the running thread live in the process (the signal code reads them
 * there); these move them between the process and a thread's slot. */
static void save_running(struct machine *m, struct linux_task *t)
{
    struct linux_process *p = m->proc;
    t->hart = m->hart;
    t->sigmask = p->sigmask;
    t->thread_pending = p->thread_pending;
    t->altstack_sp = p->altstack_sp;
    t->altstack_size = p->altstack_size;
    t->altstack_flags = p->altstack_flags;
    t->clear_child_tid = p->clear_child_tid;
    t->robust_list = p->robust_list;
    t->robust_list_len = p->robust_list_len;
    t->suspended = p->suspended;
    t->suspend_saved_mask = p->suspend_saved_mask;
    t->instret += m->hart.instret - p->slice_start;
}

static void load_running(struct machine *m, const struct linux_task *t)
{
    struct linux_process *p = m->proc;
    uint64_t instret = m->hart.instret;   /* the machine's total, not the thread's */
    m->hart = t->hart;
    m->hart.instret = instret;
    /* The kernel breaks LR/SC reservations on every trap return, so also at a switch. */
    m->hart.reservation_valid = false;
    p->sigmask = t->sigmask;
    p->thread_pending = t->thread_pending;
    p->altstack_sp = t->altstack_sp;
    p->altstack_size = t->altstack_size;
    p->altstack_flags = t->altstack_flags;
    p->clear_child_tid = t->clear_child_tid;
    p->robust_list = t->robust_list;
    p->robust_list_len = t->robust_list_len;
    p->suspended = t->suspended;
    p->suspend_saved_mask = t->suspend_saved_mask;
}

/* Sets the value a waiting thread's system call returns. */
static void set_result(struct machine *m, unsigned slot, int64_t result)
{
    struct linux_process *p = m->proc;
    struct hart *h = slot == p->cur ? &m->hart : &p->tasks[slot].hart;
    h->x[10] = (uint64_t)result;
}

void task_wake(struct machine *m, unsigned slot, int64_t result)
{
    struct linux_task *t = &m->proc->tasks[slot];
    t->state = TASK_RUNNABLE;
    t->futex_addr = 0;
    t->deadline = UINT64_MAX;
    set_result(m, slot, result);
}

bool task_block(struct machine *m, uint64_t futex_addr, uint32_t bitset, uint64_t timeout_ns)
{
    struct linux_process *p = m->proc;
    if (signal_deliverable(p))
        return false;   /* the wait would end at once with EINTR */
    struct linux_task *t = &p->tasks[p->cur];
    uint64_t now = now_ns(m);
    t->state = TASK_WAITING;
    t->futex_addr = futex_addr;
    t->futex_bitset = bitset;
    t->deadline = timeout_ns == UINT64_MAX || timeout_ns > UINT64_MAX - now ? UINT64_MAX : now + timeout_ns;
    t->wait_seq = ++p->wait_seq;
    m->halt = HALT_LIMIT;   /* the model returns to linux_run_model, which switches */
    return true;
}

/* The waiter on addr (matching bitset) that waits longest, or -1. */
static int oldest_waiter(const struct linux_process *p, uint64_t addr, uint32_t bitset)
{
    int best = -1;
    for (unsigned i = 0; i < LINUX_MAX_TASKS; i++) {
        const struct linux_task *t = &p->tasks[i];
        if (t->state == TASK_WAITING && t->futex_addr == addr && addr && (t->futex_bitset & bitset) &&
            (best < 0 || t->wait_seq < p->tasks[best].wait_seq))
            best = (int)i;
    }
    return best;
}

unsigned futex_wake(struct machine *m, uint64_t addr, uint32_t bitset, uint64_t n)
{
    unsigned woken = 0;
    int w;
    while (woken < n && (w = oldest_waiter(m->proc, addr, bitset)) >= 0) {
        task_wake(m, (unsigned)w, 0);
        woken++;
    }
    return woken;
}

unsigned futex_requeue(struct machine *m, uint64_t addr, uint64_t addr2, uint64_t nwake,
                       uint64_t nrequeue)
{
    unsigned done = futex_wake(m, addr, UINT32_MAX, nwake);
    int w;
    /* Moved waiters keep their place in line (wait_seq) behind older waiters of addr2. */
    for (uint64_t k = 0; k < nrequeue && addr != addr2 && (w = oldest_waiter(m->proc, addr, UINT32_MAX)) >= 0; k++) {
        m->proc->tasks[w].futex_addr = addr2;
        done++;
    }
    return done;
}

/* A waiting thread whose wait is over: a signal it does not block is pending for it, or its
 * deadline passed.  Wakes it with the result its call returns. */
static bool wake_if_due(struct machine *m, unsigned slot, uint64_t now)
{
    struct linux_process *p = m->proc;
    struct linux_task *t = &p->tasks[slot];
    if (t->state != TASK_WAITING)
        return t->state == TASK_RUNNABLE;
    uint64_t mask = slot == p->cur ? p->sigmask : t->sigmask;
    uint64_t mine = slot == p->cur ? p->thread_pending : t->thread_pending;
    if ((p->sigpending | mine) & ~mask) {
        task_wake(m, slot, -EINTR);
        return true;
    }
    if (t->deadline <= now) {
        task_wake(m, slot, t->futex_addr ? -ETIMEDOUT : 0);
        return true;
    }
    return false;
}

/* The next runnable thread after the running one in tid order (wrapping round, possibly the
 * running one itself), waking the threads whose waits are over; -1 if none can run. */
static int pick_next(struct machine *m)
{
    struct linux_process *p = m->proc;
    uint64_t now = now_ns(m);
    int32_t me = p->tasks[p->cur].tid;
    int after = -1, first = -1;
    for (unsigned i = 0; i < LINUX_MAX_TASKS; i++) {
        if (!wake_if_due(m, i, now))
            continue;
        int32_t tid = p->tasks[i].tid;
        if (tid > me && (after < 0 || tid < p->tasks[after].tid))
            after = (int)i;
        if (first < 0 || tid < p->tasks[first].tid)
            first = (int)i;
    }
    return after >= 0 ? after : first;
}

/* The earliest deadline of a waiting thread, as ns from now (UINT64_MAX: none). */
static uint64_t next_deadline(struct machine *m)
{
    const struct linux_process *p = m->proc;
    uint64_t now = now_ns(m), best = UINT64_MAX;
    for (unsigned i = 0; i < LINUX_MAX_TASKS; i++) {
        const struct linux_task *t = &p->tasks[i];
        if (t->state != TASK_WAITING || t->deadline == UINT64_MAX)
            continue;
        uint64_t d = t->deadline > now ? t->deadline - now : 0;
        if (d < best)
            best = d;
    }
    return best;
}

bool linux_task_switch_due(const struct machine *m)
{
    const struct linux_process *p = m->proc;
    if (!p)
        return false;
    if (p->tasks[p->cur].state != TASK_RUNNABLE)
        return true;
    return m->hart.instret >= p->slice_end && tasks_alive(p) > 1;
}

uint64_t linux_task_slice_stop(const struct machine *m)
{
    const struct linux_process *p = m->proc;
    return p && tasks_alive(p) > 1 ? p->slice_end : UINT64_MAX;
}

void linux_task_switch(struct machine *m)
{
    struct linux_process *p = m->proc;
    int next;
    /* Nobody can run: guest time passes as a sleep until the earliest deadline or timer. */
    while ((next = pick_next(m)) < 0) {
        uint64_t wait = next_deadline(m), timer = timers_next_wall_ns(m);
        if (timer < wait)
            wait = timer;
        if (wait == UINT64_MAX) {
            log_msg("guest deadlocked: every thread waits (thread %d on futex 0x%llx) and nothing can wake one",
                    (int)p->tasks[p->cur].tid, (unsigned long long)p->tasks[p->cur].futex_addr);
            m->halt = HALT_ERROR;
            m->exit_status = 2;
            return;
        }
        if (wait)
            clock_sleep_ns(m, wait);
        else
            timers_fire_due(m);
    }
    if ((unsigned)next != p->cur) {
        struct linux_task *old = &p->tasks[p->cur];
        if (old->state == TASK_EXITED)
            *old = (struct linux_task){ .state = TASK_FREE };
        else
            save_running(m, old);
        p->cur = (unsigned)next;
        load_running(m, &p->tasks[next]);
        p->context_switches++;
        p->slice_start = m->hart.instret;
    }
    p->slice_end = m->hart.instret + p->opt.quantum;
    /* Signals sent to it while it waited (or that ended its wait) are delivered now. */
    signal_deliver_pending(m);
}

int64_t task_exit(struct machine *m, int status)
{
    struct linux_process *p = m->proc;
    struct linux_task *t = &p->tasks[p->cur];
    robust_list_release(m, t->tid);
    /* CLONE_CHILD_CLEARTID: what pthread_join waits for. */
    uint32_t zero = 0;
    if (p->clear_child_tid && mem_write(&m->mem, p->clear_child_tid, &zero, 4) == 0)
        futex_wake(m, p->clear_child_tid, UINT32_MAX, 1);
    (void)status;   /* a thread's own status is seen by nobody (no thread joins by status) */
    t->state = TASK_EXITED;
    m->halt = HALT_LIMIT;
    return 0;
}
