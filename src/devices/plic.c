#include "devices/plic.h"

#include <string.h>

static bool bit(const uint32_t *w, unsigned i) { return w[i / 32] >> (i % 32) & 1; }
static void set_bit(uint32_t *w, unsigned i, bool v)
{
    if (v)
        w[i / 32] |= 1u << (i % 32);
    else
        w[i / 32] &= ~(1u << (i % 32));
}

uint32_t plic_word_mask(unsigned w)
{
    uint32_t m = w == 0 ? ~1u : ~0u;                  /* source 0 does not exist */
    if (w == PLIC_WORDS - 1 && PLIC_NSOURCES % 32)
        m &= (1u << (PLIC_NSOURCES % 32)) - 1;
    return m;
}

bool plic_init(struct plic *p, unsigned nharts, const struct mmio_host *host)
{
    if (nharts == 0 || nharts > PLIC_MAX_HARTS)
        return false;
    memset(p, 0, sizeof *p);
    p->nharts = nharts;
    p->host = host;
    return true;
}

/* The source a claim by context ctx would return, or 0. */
static unsigned best_source(const struct plic *p, unsigned ctx)
{
    unsigned best = 0, best_prio = p->threshold[ctx];
    for (unsigned s = 1; s < PLIC_NSOURCES; s++)
        if (bit(p->pending, s) && bit(p->enable[ctx], s) && p->priority[s] > best_prio) {
            best = s;
            best_prio = p->priority[s];
        }
    return best;
}

static void drive(struct plic *p, unsigned ctx, bool force)
{
    bool level = best_source(p, ctx) != 0;
    if (level != p->irq_level[ctx] || force)
        p->host->set_irq(p->host->ctx, ctx / 2, ctx % 2 ? MIP_SEIP_BIT : MIP_MEIP_BIT, level);
    p->irq_level[ctx] = level;
}

static void update(struct plic *p, bool force)
{
    for (unsigned ctx = 0; ctx < 2 * p->nharts; ctx++)
        drive(p, ctx, force);
}

void plic_update(struct plic *p) { update(p, true); }

void plic_set_source(void *plic, unsigned source, bool level)
{
    struct plic *p = plic;
    if (source == 0 || source >= PLIC_NSOURCES)
        return;
    set_bit(p->level, source, level);
    if (level && !bit(p->claimed, source))
        set_bit(p->pending, source, true);
    update(p, false);
}

static unsigned claim(struct plic *p, unsigned ctx)
{
    unsigned s = best_source(p, ctx);
    if (s) {
        set_bit(p->pending, s, false);
        set_bit(p->claimed, s, true);
    }
    update(p, false);
    return s;
}

static void complete(struct plic *p, unsigned ctx, uint64_t s)
{
    /* Completing a source the context has not enabled is ignored, as the specification says. */
    if (s == 0 || s >= PLIC_NSOURCES || !bit(p->enable[ctx], (unsigned)s) || !bit(p->claimed, (unsigned)s))
        return;
    set_bit(p->claimed, (unsigned)s, false);
    if (bit(p->level, (unsigned)s))                   /* still asserted: pending again */
        set_bit(p->pending, (unsigned)s, true);
    update(p, false);
}

/* Every register is 32 bits wide; other sizes and misaligned accesses fault. */
static bool plic_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    struct plic *p = dev;
    if (size != 4 || off % 4)
        return false;
    *val = 0;
    unsigned nctx = 2 * p->nharts;
    if (off < PLIC_PENDING) {
        if (off / 4 < PLIC_NSOURCES)
            *val = p->priority[off / 4];
    } else if (off < PLIC_ENABLE) {
        if ((off - PLIC_PENDING) / 4 < PLIC_WORDS)
            *val = p->pending[(off - PLIC_PENDING) / 4];
    } else if (off < PLIC_CONTEXT) {
        uint64_t ctx = (off - PLIC_ENABLE) / PLIC_ENABLE_STRIDE, w = (off - PLIC_ENABLE) % PLIC_ENABLE_STRIDE / 4;
        if (ctx < nctx && w < PLIC_WORDS)
            *val = p->enable[ctx][w];
    } else {
        uint64_t ctx = (off - PLIC_CONTEXT) / PLIC_CONTEXT_STRIDE, reg = (off - PLIC_CONTEXT) % PLIC_CONTEXT_STRIDE;
        if (ctx < nctx && reg == 0)
            *val = p->threshold[ctx];
        else if (ctx < nctx && reg == 4)
            *val = claim(p, (unsigned)ctx);
    }
    return true;
}

static bool plic_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    struct plic *p = dev;
    if (size != 4 || off % 4)
        return false;
    unsigned nctx = 2 * p->nharts;
    if (off < PLIC_PENDING) {
        if (off / 4 > 0 && off / 4 < PLIC_NSOURCES)
            p->priority[off / 4] = val & PLIC_MAX_PRIORITY;
    } else if (off < PLIC_ENABLE) {
        return true;                                  /* pending bits are read-only */
    } else if (off < PLIC_CONTEXT) {
        uint64_t ctx = (off - PLIC_ENABLE) / PLIC_ENABLE_STRIDE, w = (off - PLIC_ENABLE) % PLIC_ENABLE_STRIDE / 4;
        if (ctx < nctx && w < PLIC_WORDS)
            p->enable[ctx][w] = (uint32_t)val & plic_word_mask((unsigned)w);
    } else {
        uint64_t ctx = (off - PLIC_CONTEXT) / PLIC_CONTEXT_STRIDE, reg = (off - PLIC_CONTEXT) % PLIC_CONTEXT_STRIDE;
        if (ctx < nctx && reg == 0)
            p->threshold[ctx] = val & PLIC_MAX_PRIORITY;
        else if (ctx < nctx && reg == 4)
            complete(p, (unsigned)ctx, val & 0xffffffffu);
    }
    update(p, false);
    return true;
}

struct mmio_region plic_region(struct plic *p, const char *name, uint64_t base)
{
    return (struct mmio_region){ name, base, PLIC_MMIO_SIZE, p, plic_read, plic_write };
}
