/* The statistics every model reports about a system-mode hart, so that they read the same in
 * every model's stats.json. */
#ifndef SNAPSIM_PRIV_PRIV_STATS_H
#define SNAPSIM_PRIV_PRIV_STATS_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "core/machine.h"
#include "priv/mmu.h"

struct priv_counts {
    uint64_t interrupts, exceptions;
    uint64_t mode_insns[4];           /* retired instructions per privilege (U, S, -, M) */
};

/* Into the core object: TLB misses and page walks, interrupts and exceptions taken,
 * instructions per privilege, and the virt machine's own statistics. */
void priv_stats_json(const struct priv_tlb *tlb, const struct priv_counts *n, const struct machine *m,
                     cJSON *core);

#endif
