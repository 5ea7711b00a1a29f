/* The memory path of a system-mode hart, shared by every model: virtual addresses through the
 * model's own TLB (priv/mmu.h) and PMP to RAM or the device bus, page-crossing accesses split
 * into bytes, and the exception each failure raises.  Inline because it is the whole of every
 * load, store and fetch that hits the TLB, and the fast model must not pay a call for it. */
#ifndef SNAPSIM_PRIV_ACCESS_H
#define SNAPSIM_PRIV_ACCESS_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/machine.h"
#include "priv/mmu.h"
#include "isa/insn.h"
#include "priv/sysmem.h"
#include "priv/system.h"

/* The trap an access or instruction leaves behind when it does not complete. */
struct priv_exc {
    uint64_t cause, tval;
};

/* One model's view of the hart it runs: whose TLB translates, and the trap of the last failure. */
struct priv_cpu {
    struct priv_tlb *tlb;
    struct machine *m;
    struct hart *h;
    struct sysmem *mem;
    struct priv_exc exc;
};

static inline struct priv_cpu priv_cpu_of(struct machine *m, struct priv_tlb *tlb)
{
    return (struct priv_cpu){ .tlb = tlb, .m = m, .h = &m->hart, .mem = &m->sys->mem };
}

static inline bool priv_fail(struct priv_cpu *c, uint64_t cause, uint64_t tval)
{
    c->exc = (struct priv_exc){ cause, tval };
    return false;
}

/* An access within one page.  Device accesses must be naturally aligned. */
static inline __attribute__((always_inline)) bool priv_access_page(struct priv_cpu *c, uint64_t va,
                                                                   unsigned size, enum mmu_access acc,
                                                                   uint64_t *v, bool store)
{
    uint64_t pa;
    uint8_t *host;
    uint64_t cause = mmu_translate(c->tlb, c->h, c->mem, va, size, acc, &pa, &host);
    if (__builtin_expect(cause != 0, 0))
        return priv_fail(c, cause, va);
    if (__builtin_expect(host != NULL, 1)) {
        if (store) {
            memcpy(host, v, size);
            sysmem_note_store(c->mem, pa, size);
        } else {
            *v = 0;
            memcpy(v, host, size);
        }
        return true;
    }
    bool ok = (pa & (size - 1)) == 0 &&
              (store ? mmio_bus_write(&c->mem->bus, pa, size, *v) : mmio_bus_read(&c->mem->bus, pa, size, v));
    return ok ? true : priv_fail(c, mmu_access_fault(acc), va);
}

static inline bool priv_crosses_page(uint64_t va, unsigned size) { return (va & 4095) + size > 4096; }

/* Misaligned accesses are carried out in hardware; one that spans two pages is split into bytes,
 * every byte translated before a store writes any (so a fault leaves memory unchanged). */
static inline bool priv_load(struct priv_cpu *c, uint64_t va, unsigned size, uint64_t *v)
{
    if (__builtin_expect(!priv_crosses_page(va, size), 1))
        return priv_access_page(c, va, size, MMU_LOAD, v, false);
    uint64_t r = 0;
    for (unsigned i = 0; i < size; i++) {
        uint64_t b;
        if (!priv_access_page(c, va + i, 1, MMU_LOAD, &b, false))
            return false;
        r |= b << (8 * i);
    }
    *v = r;
    return true;
}

static inline bool priv_store(struct priv_cpu *c, uint64_t va, unsigned size, uint64_t v)
{
    if (__builtin_expect(!priv_crosses_page(va, size), 1))
        return priv_access_page(c, va, size, MMU_STORE, &v, true);
    for (unsigned i = 0; i < size; i++) {
        uint64_t pa;
        uint8_t *host;
        uint64_t cause = mmu_translate(c->tlb, c->h, c->mem, va + i, 1, MMU_STORE, &pa, &host);
        if (cause)
            return priv_fail(c, cause, va + i);
    }
    for (unsigned i = 0; i < size; i++) {
        uint64_t b = (v >> (8 * i)) & 0xff;
        if (!priv_access_page(c, va + i, 1, MMU_STORE, &b, true))
            return false;
    }
    return true;
}

/* The physical address an atomic access goes to (for the reservation), with its faults. */
static inline bool priv_atomic_pa(struct priv_cpu *c, uint64_t va, unsigned size, enum mmu_access acc,
                                  uint64_t *pa)
{
    if (va & (size - 1))
        return priv_fail(c, acc == MMU_LOAD ? CAUSE_LOAD_MISALIGNED : CAUSE_STORE_MISALIGNED, va);
    uint8_t *host;
    uint64_t cause = mmu_translate(c->tlb, c->h, c->mem, va, size, acc, pa, &host);
    return cause ? priv_fail(c, cause, va) : true;
}

/* The encoding at pc (16 bits for a compressed instruction), or false with the fetch's trap. */
static inline bool priv_fetch(struct priv_cpu *c, uint64_t pc, uint32_t *raw)
{
    /* The common case: RAM, and all four bytes that may hold the instruction on this page. */
    uint64_t pa;
    uint8_t *host;
    uint64_t cause = mmu_translate(c->tlb, c->h, c->mem, pc, 2, MMU_FETCH, &pa, &host);
    if (__builtin_expect(cause != 0, 0))
        return priv_fail(c, cause, pc);
    if (__builtin_expect(host != NULL && (pc & 4095) <= 4092, 1)) {
        uint32_t v;
        memcpy(&v, host, 4);
        *raw = (v & 3) == 3 ? v : v & 0xffff;
        return true;
    }
    uint64_t lo;
    if (!priv_access_page(c, pc, 2, MMU_FETCH, &lo, false))
        return false;
    if ((lo & 3) != 3) {
        *raw = (uint32_t)lo;
        return true;
    }
    uint64_t hi;
    if (!priv_access_page(c, pc + 2, 2, MMU_FETCH, &hi, false))
        return false;
    *raw = (uint32_t)(lo | hi << 16);
    return true;
}

#endif
