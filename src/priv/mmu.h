/* Address translation of a system-mode hart: virtual -> physical with the privilege of the access
 * (MPRV for loads and stores), satp (Bare, Sv39, Sv48), SUM and MXR, then PMP.  A software TLB
 * caches the outcome per 4 KiB page and per kind of access context; each model owns one (its
 * size is the model's business), and it flushes itself when priv_state.xlate_epoch moves. */
#ifndef SNAPSIM_PRIV_MMU_H
#define SNAPSIM_PRIV_MMU_H

#include <stdbool.h>
#include <stdint.h>

#include "core/hart.h"
#include "priv/pmp.h"
#include "priv/priv.h"
#include "priv/sysmem.h"

enum mmu_access { MMU_FETCH, MMU_LOAD, MMU_STORE };

/* One translated page.  `tag` is the virtual page number with the context (privilege, paging
 * on or off) in bits 60..63, 0 when empty; `perm` what the context may do there (PMP_R/W/X,
 * W only once the PTE is dirty); `host` the page in RAM or NULL for a device page. */
struct tlb_entry {
    uint64_t tag;
    uint64_t pa_page;
    uint8_t *host;
    uint8_t perm;
};

enum { TLB_ENTRIES = 256 };

struct priv_tlb {
    struct tlb_entry e[TLB_ENTRIES];
    uint64_t epoch;     /* the hart's xlate_epoch these entries were made under */
    uint64_t walks;     /* page walks (statistics) */
    uint64_t misses;    /* lookups that went to mmu_translate_slow */
};

void tlb_flush(struct priv_tlb *t, uint64_t epoch);

/* The translation context: privilege 0, 1 or 3, and whether paging applies to it. */
static inline unsigned mmu_context(const struct hart *h, enum mmu_access acc, bool *paged)
{
    unsigned mode = acc == MMU_FETCH ? h->priv.mode : priv_data_mode(h);
    *paged = mode != PRIV_M && (h->priv.satp >> SATP_MODE_SHIFT) != SATP_BARE;
    return mode;
}

static inline unsigned mmu_need(enum mmu_access acc)
{
    return acc == MMU_FETCH ? PMP_X : acc == MMU_LOAD ? PMP_R : PMP_W;
}

static inline uint64_t mmu_tag(uint64_t va, unsigned mode, bool paged)
{
    return (va >> 12) | (uint64_t)(1 + mode + (paged ? 4 : 0)) << 60;
}

/* Translates va for an access of `size` bytes that stays within one page; 0 and *pa (and *host,
 * the byte in RAM or NULL for a device) on success, else the exception cause (access fault,
 * page fault) with mtval/stval = va. */
uint64_t mmu_translate_slow(struct priv_tlb *t, struct hart *h, const struct sysmem *mem,
                            uint64_t va, unsigned size, enum mmu_access acc,
                            uint64_t *pa, uint8_t **host);

static inline uint64_t mmu_translate(struct priv_tlb *t, struct hart *h, const struct sysmem *mem,
                                     uint64_t va, unsigned size, enum mmu_access acc,
                                     uint64_t *pa, uint8_t **host)
{
    if (__builtin_expect(t->epoch == h->priv.xlate_epoch, 1)) {
        bool paged;
        unsigned mode = mmu_context(h, acc, &paged);
        const struct tlb_entry *e = &t->e[(va >> 12) % TLB_ENTRIES];
        if (__builtin_expect(e->tag == mmu_tag(va, mode, paged) && (e->perm & mmu_need(acc)), 1)) {
            *pa = e->pa_page | (va & 4095);
            *host = e->host ? e->host + (va & 4095) : NULL;
            return 0;
        }
    }
    return mmu_translate_slow(t, h, mem, va, size, acc, pa, host);
}

/* The page walk (priv/walk.c): the leaf PTE for va at privilege `mode`, with A (and D for a
 * store) set in memory when the access is permitted.  0 or the exception cause. */
struct walk_result {
    uint64_t pa_page;   /* the 4 KiB physical page holding va (within a superpage) */
    unsigned perm;      /* PMP_R/W/X the context may use, W only when D is set */
};
uint64_t mmu_walk(struct hart *h, const struct sysmem *mem, uint64_t va, enum mmu_access acc,
                  unsigned mode, struct walk_result *out);

/* Exception causes by kind of access. */
static inline uint64_t mmu_page_fault(enum mmu_access acc)
{
    return acc == MMU_FETCH ? CAUSE_FETCH_PAGE : acc == MMU_LOAD ? CAUSE_LOAD_PAGE : CAUSE_STORE_PAGE;
}
static inline uint64_t mmu_access_fault(enum mmu_access acc)
{
    return acc == MMU_FETCH ? CAUSE_FETCH_ACCESS : acc == MMU_LOAD ? CAUSE_LOAD_ACCESS : CAUSE_STORE_ACCESS;
}

#endif
