/* Guest ops on a system machine: an ecall from U-mode with a7 in the op range is the op, not a
 * trap into the guest's kernel -- as gem5's m5 ops reach the simulator from a user program of a
 * booted system.  Buffers are virtual addresses, translated by the model's TLB with U-mode's
 * permissions; a page the process has not touched yet is not mapped, so it is an -EFAULT and
 * the kernel never sees a fault (snapsim-op touches its buffers first, as gem5's m5 does).
 * `exit` ends the run with the code, as the power-off device does. */
#include "priv/guest_ops.h"

#include "core/guest_ops.h"
#include "priv/mmu.h"

struct system_view {
    struct guest_view v;
    struct priv_cpu *c;
};

static uint8_t *system_bytes(struct guest_view *v, uint64_t va, size_t n, bool write)
{
    struct priv_cpu *c = ((struct system_view *)v)->c;
    uint64_t pa;
    uint8_t *host;
    if (mmu_translate(c->tlb, c->h, c->mem, va, (unsigned)n, write ? MMU_STORE : MMU_LOAD, &pa, &host))
        return NULL;
    return host;   /* NULL for a device page: ops copy to and from RAM only */
}

/* Snapshots find changed RAM pages by their hashes; what a store must still tell RAM is
 * whether it reached a watched word (the bare machine's HTIF tohost). */
static void system_wrote(struct guest_view *v, uint64_t va, size_t n)
{
    struct priv_cpu *c = ((struct system_view *)v)->c;
    uint64_t pa;
    uint8_t *host;
    if (!mmu_translate(c->tlb, c->h, c->mem, va, (unsigned)n, MMU_STORE, &pa, &host))
        sysmem_note_store(c->mem, pa, (unsigned)n);
}

static int64_t system_exit(struct guest_view *v, int64_t code)
{
    v->m->halt = HALT_EXIT;
    v->m->exit_status = (int)(code & 0xff);
    return 0;
}

int64_t priv_guest_op(struct priv_cpu *c)
{
    struct system_view sv = { { c->m, system_bytes, system_wrote, system_exit }, c };
    return guest_op(&sv.v, c->h->x[17], &c->h->x[10]);
}
