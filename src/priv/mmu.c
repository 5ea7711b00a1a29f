/* The TLB's slow path: a miss walks the page table (or takes the physical address as it is) and
 * combines the result with PMP into one cached entry. */
#include <string.h>

#include "priv/mmu.h"

void tlb_flush(struct priv_tlb *t, uint64_t epoch)
{
    memset(t->e, 0, sizeof t->e);
    t->epoch = epoch;
}

uint64_t mmu_translate_slow(struct priv_tlb *t, struct hart *h, const struct sysmem *mem,
                            uint64_t va, unsigned size, enum mmu_access acc,
                            uint64_t *pa, uint8_t **host)
{
    if (t->epoch != h->priv.xlate_epoch)
        tlb_flush(t, h->priv.xlate_epoch);
    t->misses++;
    bool paged;
    unsigned mode = mmu_context(h, acc, &paged);
    unsigned need = mmu_need(acc);
    struct walk_result w = { .pa_page = va & ~4095ull, .perm = PMP_R | PMP_W | PMP_X };
    if (paged) {
        t->walks++;
        uint64_t cause = mmu_walk(h, mem, va, acc, mode, &w);
        if (cause)
            return cause;
    }
    *pa = w.pa_page | (va & 4095);
    unsigned pmp = pmp_page_perms(&h->priv, w.pa_page, mode);
    if (!(pmp & need)) {
        /* The page is not wholly allowed: this access may still be, on its own bytes. */
        if (!pmp_allows(&h->priv, *pa, size, need, mode))
            return mmu_access_fault(acc);
        *host = sysmem_ram(mem, *pa, size);
        return 0;
    }
    uint8_t *page = sysmem_ram(mem, w.pa_page, 4096);
    struct tlb_entry *e = &t->e[(va >> 12) % TLB_ENTRIES];
    *e = (struct tlb_entry){ .tag = mmu_tag(va, mode, paged), .pa_page = w.pa_page, .host = page,
                             .perm = (uint8_t)(w.perm & pmp) };
    *host = page ? page + (va & 4095) : NULL;
    return 0;
}
