/* The Sv39/Sv48 page-table walk, with the accessed and dirty bits updated by the hardware (the
 * spec's second option, which Linux and OpenSBI expect of QEMU too). */
#include <string.h>

#include "priv/mmu.h"

enum { PTE_V = 1, PTE_R = 2, PTE_W = 4, PTE_X = 8, PTE_U = 16, PTE_G = 32, PTE_A = 64, PTE_D = 128 };
#define PTE_PPN_SHIFT 10
#define PTE_PPN_MASK  ((1ull << 44) - 1)
#define PTE_RESERVED  (~0ull << 54)   /* reserved bits, PBMT and N: none implemented */

/* What a leaf grants the context: the U bit against the privilege (SUM lets S read and write
 * user pages, never execute them), MXR makes executable pages readable. */
static unsigned leaf_perm(const struct hart *h, uint64_t pte, unsigned mode)
{
    bool user_page = pte & PTE_U;
    if (mode == PRIV_U && !user_page)
        return 0;
    unsigned perm = 0;
    if (pte & PTE_R)
        perm |= PMP_R;
    if (pte & PTE_W)
        perm |= PMP_W;
    if (pte & PTE_X)
        perm |= PMP_X;
    if ((pte & PTE_X) && (h->priv.mstatus & MSTATUS_MXR))
        perm |= PMP_R;
    if (mode == PRIV_S && user_page)
        perm = (h->priv.mstatus & MSTATUS_SUM) ? perm & ~(unsigned)PMP_X : 0;
    return perm;
}

uint64_t mmu_walk(struct hart *h, const struct sysmem *mem, uint64_t va, enum mmu_access acc,
                  unsigned mode, struct walk_result *out)
{
    unsigned levels = (h->priv.satp >> SATP_MODE_SHIFT) == SATP_SV48 ? 4 : 3;
    unsigned va_bits = 12 + 9 * levels;
    /* Bits above the translated ones must all equal the top one. */
    int64_t high = (int64_t)va >> (va_bits - 1);
    if (high != 0 && high != -1)
        return mmu_page_fault(acc);

    uint64_t table = (h->priv.satp & SATP_PPN_MASK) << 12;
    for (int level = (int)levels - 1; level >= 0; level--) {
        uint64_t pte_pa = table + ((va >> (12 + 9 * level)) & 511) * 8;
        uint8_t *host = sysmem_ram(mem, pte_pa, 8);
        /* Page tables are read as S-mode by PMP, and must be in RAM. */
        if (!host || !pmp_allows(&h->priv, pte_pa, 8, PMP_R, PRIV_S))
            return mmu_access_fault(acc);
        uint64_t pte;
        memcpy(&pte, host, 8);
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)) || (pte & PTE_RESERVED))
            return mmu_page_fault(acc);
        uint64_t ppn = (pte >> PTE_PPN_SHIFT) & PTE_PPN_MASK;
        if (!(pte & (PTE_R | PTE_X))) {   /* a pointer to the next level */
            if (pte & (PTE_A | PTE_D | PTE_U))
                return mmu_page_fault(acc);
            table = ppn << 12;
            continue;
        }
        /* A superpage's physical page number must be aligned to its size. */
        uint64_t low_mask = (1ull << (9 * level)) - 1;
        if (ppn & low_mask)
            return mmu_page_fault(acc);
        unsigned perm = leaf_perm(h, pte, mode);
        if (!(perm & mmu_need(acc)))
            return mmu_page_fault(acc);
        uint64_t want = PTE_A | (acc == MMU_STORE ? PTE_D : 0);
        if ((pte & want) != want) {
            if (!pmp_allows(&h->priv, pte_pa, 8, PMP_W, PRIV_S))
                return mmu_access_fault(acc);
            pte |= want;
            memcpy(host, &pte, 8);
        }
        if (!(pte & PTE_D))
            perm &= ~(unsigned)PMP_W;   /* the first store must come back to set D */
        out->pa_page = (ppn | ((va >> 12) & low_mask)) << 12;
        out->perm = perm;
        return 0;
    }
    return mmu_page_fault(acc);
}
