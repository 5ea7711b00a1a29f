/* The memory hierarchy's timing: L1 instruction cache, L1 data cache, a unified L2 and main memory.
 *
 * Latency model (cycles, cumulative because each level is looked up only after the one above
 * missed):
 *     L1 hit                 l1 hit latency
 *     L1 miss, L2 hit        l1 hit latency + l2 hit latency
 *     L1 miss, L2 miss       l1 hit latency + l2 hit latency + mainmem:peek_latency_in_cycles
 * A request that spans several L1 blocks (e.g. a misaligned load) looks each up, one after the
 * other (single-ported cache), so its latency is the sum; every lookup is counted.
 * Write-backs of dirty blocks are assumed to drain through a write buffer: they cost no latency,
 * but they do update the level below (an L1 write-back is a write into L2, which may in turn evict
 * a dirty L2 block to memory) and they are counted.  If L2 blocks are smaller than L1 blocks, an
 * L1 fill or write-back touches every L2 block it covers. */
#ifndef SNAPSIM_TIMING_MEMSYS_H
#define SNAPSIM_TIMING_MEMSYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timing/cache.h"

struct config;

struct memsys_params {
    struct cache_params l1i, l1d, l2;
    uint32_t mem_latency;      /* mainmem:peek_latency_in_cycles */
};

struct memsys_stats {
    uint64_t fetches, loads, stores;   /* requests from the pipeline */
    uint64_t split_accesses;           /* requests that spanned more than one L1 block */
    uint64_t l1_writebacks;            /* dirty L1D blocks written into L2 */
    uint64_t mem_reads;                /* L2 misses filled from main memory */
    uint64_t mem_writebacks;           /* dirty L2 blocks written to main memory */
};

struct memsys {
    struct cache l1i, l1d, l2;
    uint32_t mem_latency;
    struct memsys_stats stats;
};

bool memsys_init(struct memsys *ms, const struct memsys_params *p, char *err, size_t errlen);
/* Reads fetch:l1ic_*, lsu:l1dc_*, l2:* and mainmem:peek_latency_in_cycles (timing_config.h). */
bool memsys_init_from_config(struct memsys *ms, const struct config *cfg, char *err, size_t errlen);
void memsys_free(struct memsys *ms);

/* Latency in cycles of fetching `size` bytes of instructions at addr (size 0 counts as 1). */
unsigned memsys_fetch(struct memsys *ms, uint64_t addr, unsigned size);
/* Latency in cycles of a data load / store of `size` bytes at addr. */
unsigned memsys_load(struct memsys *ms, uint64_t addr, unsigned size);
unsigned memsys_store(struct memsys *ms, uint64_t addr, unsigned size);

#endif
