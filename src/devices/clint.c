#include "devices/clint.h"

#include <string.h>

bool clint_init(struct clint *c, unsigned nharts, const struct mmio_host *host)
{
    if (nharts == 0 || nharts > CLINT_MAX_HARTS)
        return false;
    memset(c, 0, sizeof *c);
    c->nharts = nharts;
    c->host = host;
    for (unsigned h = 0; h < nharts; h++)
        c->mtimecmp[h] = UINT64_MAX;
    return true;
}

uint64_t clint_mtime(const struct clint *c) { return c->host->now(c->host->ctx) + c->time_offset; }

static void drive_mtip(struct clint *c, unsigned h, uint64_t mtime, bool force)
{
    bool level = mtime >= c->mtimecmp[h];
    if (level != c->mtip_level[h] || force)
        c->host->set_irq(c->host->ctx, h, MIP_MTIP_BIT, level);
    c->mtip_level[h] = level;
}

void clint_tick(struct clint *c)
{
    uint64_t t = clint_mtime(c);
    for (unsigned h = 0; h < c->nharts; h++) {
        drive_mtip(c, h, t, true);
        c->host->set_irq(c->host->ctx, h, MIP_MSIP_BIT, c->msip[h]);
    }
}

uint64_t clint_next_deadline(const struct clint *c)
{
    /* in clock units: now plus the ticks left, saturating (mtimecmp may be far away) */
    uint64_t now = c->host->now(c->host->ctx), t = now + c->time_offset, best = UINT64_MAX;
    for (unsigned h = 0; h < c->nharts; h++)
        if (c->mtimecmp[h] > t && c->mtimecmp[h] - t <= UINT64_MAX - now && now + (c->mtimecmp[h] - t) < best)
            best = now + (c->mtimecmp[h] - t);
    return best;
}

/* A 4- or 8-byte access to a 64-bit register: the 4-byte halves let 32-bit software update
 * one half at a time. */
static bool reg64_offset(uint64_t off, uint64_t reg, unsigned size, unsigned *shift)
{
    if (size == 8 && off == reg) { *shift = 0; return true; }
    if (size == 4 && (off == reg || off == reg + 4)) { *shift = (unsigned)(off - reg) * 8; return true; }
    return false;
}

static uint64_t merge(uint64_t old, uint64_t val, unsigned size, unsigned shift)
{
    if (size == 8)
        return val;
    uint64_t mask = 0xffffffffull << shift;
    return (old & ~mask) | ((val & 0xffffffffull) << shift);
}

/* Which register an access touches: 0 msip, 1 mtimecmp, 2 mtime; *h the hart; false if none. */
static int decode(const struct clint *c, uint64_t off, unsigned size, unsigned *h, unsigned *shift)
{
    if (off < CLINT_MTIMECMP) {
        *h = (unsigned)(off / 4);
        *shift = 0;
        return size == 4 && off % 4 == 0 && *h < c->nharts ? 0 : -1;
    }
    if (off < CLINT_MTIME) {
        *h = (unsigned)((off - CLINT_MTIMECMP) / 8);
        return *h < c->nharts && reg64_offset(off, CLINT_MTIMECMP + 8ull * *h, size, shift) ? 1 : -1;
    }
    return reg64_offset(off, CLINT_MTIME, size, shift) ? 2 : -1;
}

static bool clint_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    struct clint *c = dev;
    unsigned h, shift;
    uint64_t v;
    switch (decode(c, off, size, &h, &shift)) {
    case 0: v = c->msip[h]; break;
    case 1: v = c->mtimecmp[h]; break;
    case 2: v = clint_mtime(c); break;
    default: *val = 0; return true;                   /* unimplemented space reads as 0 */
    }
    *val = size == 8 ? v : (v >> shift) & 0xffffffffull;
    return true;
}

static bool clint_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    struct clint *c = dev;
    unsigned h, shift;
    switch (decode(c, off, size, &h, &shift)) {
    case 0:
        c->msip[h] = val & 1;
        c->host->set_irq(c->host->ctx, h, MIP_MSIP_BIT, c->msip[h]);
        break;
    case 1:
        c->mtimecmp[h] = merge(c->mtimecmp[h], val, size, shift);
        drive_mtip(c, h, clint_mtime(c), false);
        break;
    case 2: {
        uint64_t now = c->host->now(c->host->ctx);
        c->time_offset = merge(now + c->time_offset, val, size, shift) - now;
        for (unsigned i = 0; i < c->nharts; i++)
            drive_mtip(c, i, clint_mtime(c), false);
        break;
    }
    default: break;                                   /* writes elsewhere are ignored */
    }
    return true;
}

struct mmio_region clint_region(struct clint *c, const char *name, uint64_t base)
{
    return (struct mmio_region){ name, base, CLINT_MMIO_SIZE, c, clint_read, clint_write };
}
