/* Physical memory protection: 16 entries (pmpcfg0, pmpcfg2, pmpaddr0..15) with OFF, TOR, NA4 and
 * NAPOT matching, granularity 4 bytes, and locking, as OpenSBI probes and programs them. */
#ifndef SNAPSIM_PRIV_PMP_H
#define SNAPSIM_PRIV_PMP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/hart.h"

enum { PMP_ENTRIES = 16 };
enum { PMP_R = 1, PMP_W = 2, PMP_X = 4, PMP_A = 0x18, PMP_L = 0x80 };
enum { PMP_OFF = 0, PMP_TOR = 1, PMP_NA4 = 2, PMP_NAPOT = 3 };

/* pmpcfgN for N = 0..15 (index); false for the odd ones, which RV64 does not have. */
bool pmp_cfg_read(const struct priv_state *p, unsigned index, uint64_t *v);
void pmp_cfg_write(struct hart *h, unsigned index, uint64_t v);
void pmp_addr_write(struct hart *h, unsigned entry, uint64_t v);

/* May an access of `size` bytes at physical address pa, needing PMP_R, PMP_W or PMP_X, be made
 * at privilege `mode`?  The lowest-numbered entry that matches any byte decides; it must hold
 * them all.  With no match, M-mode may and S/U-mode may not. */
bool pmp_allows(const struct priv_state *p, uint64_t pa, unsigned size, unsigned need, unsigned mode);

/* The permissions (PMP_R | PMP_W | PMP_X) every byte of the 4 KiB page at pa has at `mode`,
 * for caching in a TLB entry.  A page that no single entry covers whole gets none: an access
 * its cached permissions refuse is then decided by pmp_allows. */
unsigned pmp_page_perms(const struct priv_state *p, uint64_t pa, unsigned mode);

#endif
