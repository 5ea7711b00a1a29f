/* PLIC (platform-level interrupt controller) as on QEMU's virt machine: sources 1..96 with
 * priorities 0..7 (0 never interrupts), level-triggered gateways, and two contexts per hart --
 * context 2h is hart h's machine mode (MEIP), 2h + 1 its supervisor mode (SEIP) -- each with an
 * enable bit per source, a priority threshold, and a claim/complete register.
 *
 * A source's line is driven by its device (plic_set_source, also the irq_line callback).  While
 * the line is high and the source is not being serviced the source is pending; a claim returns
 * the highest-priority pending enabled source above the context's threshold (the lowest id
 * among equals), clears its pending bit and holds it until completed. */
#ifndef SNAPSIM_DEVICES_PLIC_H
#define SNAPSIM_DEVICES_PLIC_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/mmio.h"

enum {
    PLIC_NSOURCES = 97,                 /* ids 1..96 as QEMU's riscv,ndev; 0 is "no interrupt" */
    PLIC_WORDS = (PLIC_NSOURCES + 31) / 32,
    PLIC_MAX_PRIORITY = 7,
    PLIC_MAX_HARTS = 8,
    PLIC_MAX_CONTEXTS = 2 * PLIC_MAX_HARTS,
    PLIC_MMIO_SIZE = 0x600000,
    PLIC_PRIORITY = 0x0, PLIC_PENDING = 0x1000, PLIC_ENABLE = 0x2000, PLIC_ENABLE_STRIDE = 0x80,
    PLIC_CONTEXT = 0x200000, PLIC_CONTEXT_STRIDE = 0x1000,
    MIP_SEIP_BIT = 9, MIP_MEIP_BIT = 11,
};

struct plic {
    unsigned nharts;
    uint8_t priority[PLIC_NSOURCES];
    uint32_t level[PLIC_WORDS];         /* the source lines as their devices drive them */
    uint32_t pending[PLIC_WORDS];
    uint32_t claimed[PLIC_WORDS];       /* claimed and not yet completed */
    uint32_t enable[PLIC_MAX_CONTEXTS][PLIC_WORDS];
    uint8_t threshold[PLIC_MAX_CONTEXTS];
    bool irq_level[PLIC_MAX_CONTEXTS];  /* the levels last driven */
    const struct mmio_host *host;
};

/* False when nharts is 0 or above PLIC_MAX_HARTS. */
bool plic_init(struct plic *p, unsigned nharts, const struct mmio_host *host);
struct mmio_region plic_region(struct plic *p, const char *name, uint64_t base);
/* A device's line; sources outside 1..96 are ignored.  Matches irq_line.set. */
void plic_set_source(void *plic, unsigned source, bool level);
/* Drives every context's MEIP/SEIP from the state (after a restore). */
void plic_update(struct plic *p);
/* The bits of bitmap word w that are sources (not 0, not beyond the last). */
uint32_t plic_word_mask(unsigned w);

#endif
