/* CLINT (SiFive core-local interruptor, the ACLINT MSWI + MTIMER pair of QEMU's virt machine):
 * per hart a software-interrupt bit msip (MSIP) and a timer compare register mtimecmp (MTIP
 * while mtime >= mtimecmp); mtime is the machine's deterministic clock (mmio_host.now) plus
 * the offset a guest write of mtime sets.
 *
 * Time moves without bus accesses, so the machine calls clint_tick whenever its clock may have
 * passed clint_next_deadline (and after a restore) to bring the MTIP levels up to date. */
#ifndef SNAPSIM_DEVICES_CLINT_H
#define SNAPSIM_DEVICES_CLINT_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/mmio.h"

enum {
    CLINT_MAX_HARTS = 16,
    CLINT_MMIO_SIZE = 0x10000,
    CLINT_MSIP = 0x0, CLINT_MTIMECMP = 0x4000, CLINT_MTIME = 0xbff8,
    MIP_MSIP_BIT = 3, MIP_MTIP_BIT = 7,
};

struct clint {
    unsigned nharts;
    bool msip[CLINT_MAX_HARTS];
    uint64_t mtimecmp[CLINT_MAX_HARTS];
    uint64_t time_offset;              /* mtime = now() + time_offset (mod 2^64) */
    /* the levels last driven, so set_irq is called on changes only */
    bool mtip_level[CLINT_MAX_HARTS];
    const struct mmio_host *host;
};

/* False when nharts is 0 or above CLINT_MAX_HARTS.  mtimecmp starts at its maximum (no timer
 * interrupt until software programs one). */
bool clint_init(struct clint *c, unsigned nharts, const struct mmio_host *host);
struct mmio_region clint_region(struct clint *c, const char *name, uint64_t base);
uint64_t clint_mtime(const struct clint *c);
/* Drives MTIP from the clock and MSIP from msip, for every hart. */
void clint_tick(struct clint *c);
/* The earliest clock value (mmio_host.now units) at which a hart's MTIP rises, or UINT64_MAX. */
uint64_t clint_next_deadline(const struct clint *c);

#endif
