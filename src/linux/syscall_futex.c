/* futex: waiting blocks the calling thread (tasks.c) until a wake, its timeout in guest time, or
 * a signal; wakes take waiters in the order they started waiting.  The futex key is the guest
 * address: every thread shares the one address space, so private and shared futexes agree.
 * Also the robust-list cleanup a dying thread does to the locks it held. */
#include "linux/syscall_internal.h"

enum {
    FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4, FUTEX_WAKE_OP = 5,
    FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10, FUTEX_CMD_MASK = 0x7f,
    FUTEX_CLOCK_REALTIME = 256,
};
enum { CLOCK_REALTIME_ID = 0, CLOCK_MONOTONIC_ID = 1 };

/* FUTEX_WAKE_OP: changes *uaddr2 and says whether its old value passes the comparison. */
static int64_t wake_op_update(struct machine *m, uint64_t uaddr2, uint32_t val3, bool *cmp_true)
{
    uint32_t old, op = (val3 >> 28) & 7, cmp = (val3 >> 24) & 15;
    int32_t oparg = (int32_t)(val3 << 8) >> 20, cmparg = (int32_t)(val3 << 20) >> 20;
    if (val3 & (8u << 28))   /* FUTEX_OP_OPARG_SHIFT */
        oparg = (int32_t)(1u << (oparg & 31));
    if ((uaddr2 & 3) || mem_read(&m->mem, uaddr2, &old, 4) != 0 || !mem_range_ok(&m->mem, uaddr2, 4, MEM_W))
        return (uaddr2 & 3) ? -EINVAL : -EFAULT;
    uint32_t nv;
    switch (op) {
    case 0: nv = (uint32_t)oparg; break;
    case 1: nv = old + (uint32_t)oparg; break;
    case 2: nv = old | (uint32_t)oparg; break;
    case 3: nv = old & ~(uint32_t)oparg; break;
    case 4: nv = old ^ (uint32_t)oparg; break;
    default: return -ENOSYS;
    }
    int32_t o = (int32_t)old;
    switch (cmp) {
    case 0: *cmp_true = o == cmparg; break;
    case 1: *cmp_true = o != cmparg; break;
    case 2: *cmp_true = o < cmparg; break;
    case 3: *cmp_true = o <= cmparg; break;
    case 4: *cmp_true = o > cmparg; break;
    case 5: *cmp_true = o >= cmparg; break;
    default: return -ENOSYS;
    }
    mem_write(&m->mem, uaddr2, &nv, 4);
    return 0;
}

/* FUTEX_WAIT and FUTEX_WAIT_BITSET: the timeout as ns from now (UINT64_MAX: none). */
static int64_t wait_timeout(struct machine *m, unsigned cmd, uint64_t flags, uint64_t addr, uint64_t *ns)
{
    *ns = UINT64_MAX;
    if (!addr)
        return 0;
    int rc = timespec_from_guest(m, addr, ns);
    if (rc != 0)
        return rc;
    if (cmd == FUTEX_WAIT_BITSET) {   /* an absolute deadline on the chosen clock */
        uint64_t now = 0;
        clock_now_ns(m, (flags & FUTEX_CLOCK_REALTIME) ? CLOCK_REALTIME_ID : CLOCK_MONOTONIC_ID, &now);
        *ns = *ns > now ? *ns - now : 0;
    }
    return 0;
}

SYSCALL(futex)
{
    uint64_t uaddr = a[0];
    unsigned cmd = a[1] & FUTEX_CMD_MASK;
    uint32_t val = (uint32_t)a[2], val3 = (uint32_t)a[5], word;
    if ((a[1] & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET)
        return -ENOSYS;
    if (uaddr & 3)
        return -EINVAL;
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET: {
        uint32_t bitset = cmd == FUTEX_WAIT ? UINT32_MAX : val3;
        if (bitset == 0)
            return -EINVAL;
        uint64_t timeout;
        int64_t rc = wait_timeout(m, cmd, a[1], a[3], &timeout);
        if (rc != 0)
            return rc;
        if (mem_read(&m->mem, uaddr, &word, 4) != 0)
            return -EFAULT;
        if (word != val)
            return -EAGAIN;
        if (timeout == 0)
            return -ETIMEDOUT;
        /* Blocked: the result (0, -ETIMEDOUT or -EINTR) is written when the wait ends. */
        return task_block(m, uaddr, bitset, timeout) ? 0 : -EINTR;
    }
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET: {
        uint32_t bitset = cmd == FUTEX_WAKE ? UINT32_MAX : val3;
        if (bitset == 0)
            return -EINVAL;
        return futex_wake(m, uaddr, bitset, val);
    }
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE: {
        int32_t nrequeue = (int32_t)a[3];
        if (nrequeue < 0 || (int32_t)val < 0 || (a[4] & 3))
            return -EINVAL;
        if (cmd == FUTEX_CMP_REQUEUE) {
            if (mem_read(&m->mem, uaddr, &word, 4) != 0)
                return -EFAULT;
            if (word != val3)
                return -EAGAIN;
        }
        return futex_requeue(m, uaddr, a[4], val, (uint64_t)nrequeue);
    }
    case FUTEX_WAKE_OP: {
        bool cmp_true = false;
        int64_t rc = wake_op_update(m, a[4], val3, &cmp_true);
        if (rc != 0)
            return rc;
        int64_t n = futex_wake(m, uaddr, UINT32_MAX, val);
        if (cmp_true)
            n += futex_wake(m, a[4], UINT32_MAX, (uint32_t)a[3]);
        return n;
    }
    default:
        return -ENOSYS;   /* the priority-inheritance operations */
    }
}

/* The robust-list walk of a dying thread (as the kernel's exit_robust_list): every lock it still
 * holds gets FUTEX_OWNER_DIED and one waiter woken, so the next locker sees EOWNERDEAD. */
enum { FUTEX_WAITERS = 0x80000000u, FUTEX_OWNER_DIED = 0x40000000u, FUTEX_TID_MASK = 0x3fffffffu };
enum { ROBUST_LIST_LIMIT = 2048 };   /* the kernel's bound: a corrupt or circular list stops */

static void release_one(struct machine *m, uint64_t uaddr, int32_t tid)
{
    uint32_t v;
    if ((uaddr & 3) || mem_read(&m->mem, uaddr, &v, 4) != 0 || (v & FUTEX_TID_MASK) != (uint32_t)tid)
        return;
    uint32_t nv = (v & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
    if (mem_write(&m->mem, uaddr, &nv, 4) == 0 && (v & FUTEX_WAITERS))
        futex_wake(m, uaddr, UINT32_MAX, 1);
}

void robust_list_release(struct machine *m, int32_t tid)
{
    struct linux_process *p = m->proc;
    struct { uint64_t next; int64_t offset; uint64_t pending; } head;
    if (!p->robust_list || mem_read(&m->mem, p->robust_list, &head, sizeof head) != 0)
        return;
    uint64_t entry = head.next & ~(uint64_t)1;   /* bit 0 marks priority-inheritance locks */
    for (unsigned n = 0; entry != p->robust_list && n < ROBUST_LIST_LIMIT; n++) {
        uint64_t next;
        if (mem_read(&m->mem, entry, &next, 8) != 0)
            return;
        if (entry != (head.pending & ~(uint64_t)1))
            release_one(m, entry + (uint64_t)head.offset, tid);
        entry = next & ~(uint64_t)1;
    }
    if (head.pending & ~(uint64_t)1)
        release_one(m, (head.pending & ~(uint64_t)1) + (uint64_t)head.offset, tid);
    p->robust_list = 0;
}
