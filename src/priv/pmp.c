/* Physical memory protection checks and the rules of writing its CSRs. */
#include "priv/pmp.h"

#include "priv/priv.h"

bool pmp_cfg_read(const struct priv_state *p, unsigned index, uint64_t *v)
{
    if (index & 1)
        return false;
    *v = 0;
    for (unsigned b = 0; b < 8; b++) {
        unsigned e = index * 4 + b;
        if (e < PMP_ENTRIES)
            *v |= (uint64_t)p->pmpcfg[e] << (8 * b);
    }
    return true;
}

void pmp_cfg_write(struct hart *h, unsigned index, uint64_t v)
{
    for (unsigned b = 0; b < 8; b++) {
        unsigned e = index * 4 + b;
        if (e >= PMP_ENTRIES || (h->priv.pmpcfg[e] & PMP_L))
            continue;   /* a locked entry stays as it is until reset */
        uint8_t cfg = (uint8_t)(v >> (8 * b)) & (PMP_L | PMP_A | PMP_X | PMP_W | PMP_R);
        if ((cfg & (PMP_R | PMP_W)) == PMP_W)
            cfg &= (uint8_t)~PMP_W;   /* write without read is reserved */
        h->priv.pmpcfg[e] = cfg;
    }
    priv_flush_translations(h);
}

static unsigned match_mode(uint8_t cfg) { return (cfg & PMP_A) >> 3; }

void pmp_addr_write(struct hart *h, unsigned entry, uint64_t v)
{
    if (entry >= PMP_ENTRIES || (h->priv.pmpcfg[entry] & PMP_L))
        return;
    /* A locked TOR entry also locks the address below it, its lower bound. */
    if (entry + 1 < PMP_ENTRIES && (h->priv.pmpcfg[entry + 1] & PMP_L) &&
        match_mode(h->priv.pmpcfg[entry + 1]) == PMP_TOR)
        return;
    h->priv.pmpaddr[entry] = v;
    priv_flush_translations(h);
}

/* Entry e's byte range [lo, hi); hi 0 means the end of the address space. */
static void entry_range(const struct priv_state *p, unsigned e, uint64_t *lo, uint64_t *hi)
{
    uint64_t a = p->pmpaddr[e];
    switch (match_mode(p->pmpcfg[e])) {
    case PMP_TOR:
        *lo = e ? p->pmpaddr[e - 1] << 2 : 0;
        *hi = a << 2;
        break;
    case PMP_NA4:
        *lo = a << 2;
        *hi = *lo + 4;
        break;
    default: {   /* NAPOT: the trailing ones of pmpaddr give the size */
        unsigned ones = (unsigned)__builtin_ctzll(~a);
        *lo = (a & (a + 1)) << 2;
        *hi = ones + 3 >= 64 ? 0 : *lo + (1ull << (ones + 3));
        break;
    }
    }
}

/* Which entry decides [pa, pa + size): -1 for none, -2 for a partial match (a failure). */
static int deciding_entry(const struct priv_state *p, uint64_t pa, uint64_t size)
{
    uint64_t end = pa + size - 1;
    for (unsigned e = 0; e < PMP_ENTRIES; e++) {
        if (match_mode(p->pmpcfg[e]) == PMP_OFF)
            continue;
        uint64_t lo, hi;
        entry_range(p, e, &lo, &hi);
        uint64_t last = hi - 1;   /* hi 0 wraps to the top address, as intended */
        if (hi != 0 && hi <= lo)
            continue;             /* an empty TOR range matches nothing */
        bool any = pa <= last && end >= lo;
        if (!any)
            continue;
        return pa >= lo && end <= last ? (int)e : -2;
    }
    return -1;
}

static unsigned entry_perms(const struct priv_state *p, int e, unsigned mode)
{
    if (e == -2)
        return 0;
    if (e == -1)
        return mode == PRIV_M ? PMP_R | PMP_W | PMP_X : 0;
    uint8_t cfg = p->pmpcfg[e];
    if (mode == PRIV_M && !(cfg & PMP_L))
        return PMP_R | PMP_W | PMP_X;
    return cfg & (PMP_R | PMP_W | PMP_X);
}

bool pmp_allows(const struct priv_state *p, uint64_t pa, unsigned size, unsigned need, unsigned mode)
{
    return (entry_perms(p, deciding_entry(p, pa, size), mode) & need) == need;
}

unsigned pmp_page_perms(const struct priv_state *p, uint64_t pa, unsigned mode)
{
    return entry_perms(p, deciding_entry(p, pa & ~4095ull, 4096), mode);
}
