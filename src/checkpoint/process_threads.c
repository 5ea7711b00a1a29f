/* The threads of a linux-process (linux/process.h, linux/tasks.c).  The running thread's
 * registers are the rv64-hart object and its signal mask, alternate stack and robust list are
 * the process's own attributes; `tid` and `thread_pending` complete it.  Every other thread is
 * one entry of `threads`, registers included.  Slots are not saved: scheduling and futex wake
 * order depend only on tids and wait sequence numbers, so a restore may place threads anywhere.
 * A snapshot never holds a running thread that waits or has exited: linux_run_model switches
 * before it returns to whoever takes the snapshot. */
#include <string.h>

#include "checkpoint/ckpt_internal.h"
#include "core/memory.h"
#include "snapshot/snap_error.h"

#define P(o) (((struct ckpt_process *)(o))->p)

enum { G_SS_AUTODISARM = 1u << 31 };

int ckpt_get_tid(void *o, struct attr_value *v)
{
    const struct linux_task *t = &P(o)->tasks[P(o)->cur];
    if (t->state != TASK_RUNNABLE)
        return -1;
    *v = attr_uint((uint64_t)t->tid);
    return 0;
}

static bool valid_tid(uint64_t tid) { return tid >= 1 && tid < LINUX_TID_MAX; }

int ckpt_set_tid(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t tid;
    if (!attr_get_u64(v, &tid) || !valid_tid(tid))
        return snap_err(err, errlen, "thread id out of range 1..%d", LINUX_TID_MAX - 1);
    P(o)->tasks[P(o)->cur].tid = (int32_t)tid;
    return 0;
}

int ckpt_get_thread_pending(void *o, struct attr_value *v)
{
    *v = attr_uint(P(o)->thread_pending);
    return 0;
}

int ckpt_set_thread_pending(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    if (!attr_get_u64(v, &P(o)->thread_pending))
        return snap_err(err, errlen, "not a signal set");
    return 0;
}

/* (next tid, slice start, slice end, wait sequence, threads created, context switches, the
 * running thread's retired instructions before its current turn) */
int ckpt_get_scheduler(void *o, struct attr_value *v)
{
    const struct linux_process *p = P(o);
    uint64_t s[7] = {(uint64_t)p->next_tid, p->slice_start, p->slice_end, p->wait_seq,
                     p->threads_created, p->context_switches, p->tasks[p->cur].instret};
    *v = attr_list_of_uints(s, 7);
    return 0;
}

int ckpt_set_scheduler(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    struct linux_process *p = P(o);
    uint64_t s[7];
    for (int i = 0; i < 7; i++)
        if (!attr_get_u64(&v->list.items[i], &s[i]))
            return snap_err(err, errlen, "scheduler[%d]: not an unsigned value", i);
    if (!valid_tid(s[0]) || s[0] <= (uint64_t)p->tasks[p->cur].tid)
        return snap_err(err, errlen, "next thread id %llu not above the running thread's",
                        (unsigned long long)s[0]);
    if (s[1] > s[2])
        return snap_err(err, errlen, "the running thread's turn ends before it starts");
    p->next_tid = (int32_t)s[0];
    p->slice_start = s[1];
    p->slice_end = s[2];
    p->wait_seq = s[3];
    p->threads_created = s[4];
    p->context_switches = s[5];
    p->tasks[p->cur].instret = s[6];
    return 0;
}

/* One thread: (tid, state, futex address, futex bitset, deadline, wait sequence, signal mask,
 * signals sent to it, clear_child_tid, robust list, robust list length, alternate stack (sp,
 * size, flags), retired instructions, the mask sigsuspend saved or NIL, registers). */
enum { T_TID, T_STATE, T_FUTEX, T_BITSET, T_DEADLINE, T_SEQ, T_MASK, T_PENDING, T_CLEAR, T_ROBUST,
       T_ROBUST_LEN, T_ALTSTACK, T_INSTRET, T_SUSPEND, T_REGS, T_N };

int ckpt_get_threads(void *o, struct attr_value *v)
{
    struct linux_process *p = P(o);
    *v = attr_list(0);
    for (unsigned i = 0; i < LINUX_MAX_TASKS; i++) {
        struct linux_task *t = &p->tasks[i];
        if (i == p->cur || (t->state != TASK_RUNNABLE && t->state != TASK_WAITING))
            continue;
        uint64_t f[T_ALTSTACK] = {(uint64_t)t->tid, t->state, t->futex_addr, t->futex_bitset,
                                  t->deadline, t->wait_seq, t->sigmask, t->thread_pending,
                                  t->clear_child_tid, t->robust_list, t->robust_list_len};
        struct attr_value e = attr_list(T_N);
        for (int k = 0; k < T_ALTSTACK; k++)
            attr_list_append(&e, attr_uint(f[k]));
        uint64_t alt[3] = {t->altstack_sp, t->altstack_size, t->altstack_flags};
        attr_list_append(&e, attr_list_of_uints(alt, 3));
        attr_list_append(&e, attr_uint(t->instret));
        attr_list_append(&e, t->suspended ? attr_uint(t->suspend_saved_mask) : attr_nil());
        attr_list_append(&e, ckpt_hart_regs_get(&t->hart));
        attr_list_append(v, e);
    }
    return 0;
}

/* Checks one saved thread and fills *t. */
static int thread_from(const struct attr_value *e, struct linux_task *t, char *err, size_t errlen)
{
    const struct attr_value *it = e->list.items;
    uint64_t f[T_ALTSTACK], alt[3];
    for (int k = 0; k < T_ALTSTACK; k++)
        if (!attr_get_u64(&it[k], &f[k]))
            return snap_err(err, errlen, "field %d: not an unsigned value", k);
    for (int k = 0; k < 3; k++)
        if (!attr_get_u64(&it[T_ALTSTACK].list.items[k], &alt[k]))
            return snap_err(err, errlen, "altstack: not an unsigned value");
    if (!valid_tid(f[T_TID]))
        return snap_err(err, errlen, "thread id out of range 1..%d", LINUX_TID_MAX - 1);
    if (f[T_STATE] != TASK_RUNNABLE && f[T_STATE] != TASK_WAITING)
        return snap_err(err, errlen, "state %llu is neither runnable (%d) nor waiting (%d)",
                        (unsigned long long)f[T_STATE], TASK_RUNNABLE, TASK_WAITING);
    if (f[T_STATE] == TASK_WAITING) {
        if (f[T_FUTEX] >= GUEST_VA_LIMIT || (f[T_FUTEX] & 3))
            return snap_err(err, errlen, "futex address 0x%llx not an aligned guest address",
                            (unsigned long long)f[T_FUTEX]);
        if (f[T_BITSET] == 0 || f[T_BITSET] > UINT32_MAX)
            return snap_err(err, errlen, "futex bitset must be a non-zero 32-bit value");
    } else if (f[T_FUTEX] || f[T_DEADLINE] != UINT64_MAX) {
        return snap_err(err, errlen, "a runnable thread with a wait");
    }
    if ((alt[2] & ~(uint64_t)G_SS_AUTODISARM) || f[T_ROBUST] >= GUEST_VA_LIMIT || f[T_CLEAR] >= GUEST_VA_LIMIT)
        return snap_err(err, errlen, "altstack flags, robust list or clear_child_tid out of range");
    *t = (struct linux_task){
        .tid = (int32_t)f[T_TID], .state = (uint8_t)f[T_STATE], .futex_addr = f[T_FUTEX],
        .futex_bitset = (uint32_t)f[T_BITSET], .deadline = f[T_DEADLINE], .wait_seq = f[T_SEQ],
        .sigmask = f[T_MASK], .thread_pending = f[T_PENDING], .clear_child_tid = f[T_CLEAR],
        .robust_list = f[T_ROBUST], .robust_list_len = f[T_ROBUST_LEN], .altstack_sp = alt[0],
        .altstack_size = alt[1], .altstack_flags = (uint32_t)alt[2],
    };
    if (!attr_get_u64(&it[T_INSTRET], &t->instret))
        return snap_err(err, errlen, "instret: not an unsigned value");
    t->suspended = it[T_SUSPEND].kind != ATTR_NIL;
    if (t->suspended && !attr_get_u64(&it[T_SUSPEND], &t->suspend_saved_mask))
        return snap_err(err, errlen, "sigsuspend mask: not a signal set");
    if (ckpt_hart_regs_set(&t->hart, &it[T_REGS], err, errlen))
        return snap_err_prefix(err, errlen, "registers");
    return 0;
}

int ckpt_set_threads(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    struct linux_process *p = P(o);
    if (v->list.n > LINUX_MAX_TASKS - 1)
        return snap_err(err, errlen, "%zu threads besides the running one (at most %d)", v->list.n,
                        LINUX_MAX_TASKS - 1);
    struct linux_task saved[LINUX_MAX_TASKS];
    unsigned n = 0;
    for (size_t i = 0; i < v->list.n; i++) {
        struct linux_task *t = &saved[n];
        if (thread_from(&v->list.items[i], t, err, errlen))
            return snap_err_prefix(err, errlen, "threads[%zu]", i);
        if (t->tid == p->tasks[p->cur].tid || t->tid >= p->next_tid)
            return snap_err(err, errlen, "threads[%zu]: thread id %d is the running thread's or not below "
                            "the next thread id %d", i, (int)t->tid, (int)p->next_tid);
        for (unsigned k = 0; k < n; k++)
            if (saved[k].tid == t->tid)
                return snap_err(err, errlen, "threads[%zu]: thread id %d twice", i, (int)t->tid);
        n++;
    }
    unsigned slot = 0;
    for (unsigned i = 0; i < LINUX_MAX_TASKS; i++) {
        if (i == p->cur)
            continue;
        p->tasks[i] = slot < n ? saved[slot++] : (struct linux_task){ .state = TASK_FREE };
    }
    return 0;
}
