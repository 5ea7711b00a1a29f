/* A set-associative cache tag array (no data: values always come from the functional memory).
 *
 * Write-back, write-allocate.  Geometry is all powers of two so lookups are shifts and masks; the
 * tag array is allocated once by cache_init and the access path never allocates.  All state is
 * plain data (line words, a PRNG word, counters), so it can later be saved as warm state. */
#ifndef SNAPSIM_TIMING_CACHE_H
#define SNAPSIM_TIMING_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timing/replacement.h"

/* Returned through cache_access's `writeback` when no dirty block was evicted. */
#define CACHE_NO_WRITEBACK UINT64_MAX

/* Limits that keep a bad configuration from asking for a huge allocation. */
#define CACHE_MAX_LINES (1u << 22)
#define CACHE_MIN_BLOCK 4u
#define CACHE_MAX_BLOCK 4096u

struct cache_params {
    const char *name;          /* for error messages, e.g. "fetch:l1ic" */
    uint32_t nsets, nways, block_bytes;
    enum repl_policy policy;
    uint32_t hit_latency;      /* cycles */
    uint64_t seed;             /* RANDOM replacement; 0 picks a fixed default */
};

struct cache_stats {
    uint64_t accesses, hits, misses;
    uint64_t reads, writes, read_misses, write_misses;
    uint64_t evictions;        /* valid blocks replaced */
    uint64_t writebacks;       /* ... of which dirty */
};

struct cache {
    /* Per set, nways words in recency order (MRU first).  A word is block_number << 1 | dirty;
     * CACHE_INVALID_LINE marks an empty way and can never equal a real block's word. */
    uint64_t *lines;
    uint32_t nsets, nways, block_bytes, hit_latency;
    unsigned block_bits, way_bits;
    uint64_t set_mask;
    enum repl_policy policy;
    uint64_t rng;
    struct cache_stats stats;
    const char *name;
};

/* Validates params (powers of two, limits) and allocates the tag array, all ways invalid.
 * On error returns false with a one-line message naming the bad parameter. */
bool cache_init(struct cache *c, const struct cache_params *p, char *err, size_t errlen);
void cache_free(struct cache *c);

/* Looks up the block holding addr, allocating it on a miss (also for writes) and marking it dirty
 * on a write.  Returns true on a hit.  If a dirty block was evicted, *writeback (when non-NULL)
 * receives its block address, else CACHE_NO_WRITEBACK. */
bool cache_access(struct cache *c, uint64_t addr, bool is_write, uint64_t *writeback);

/* True if the block holding addr is present; changes nothing (not even recency or counters). */
bool cache_probe(const struct cache *c, uint64_t addr);

/* Empties every way (dirty data is dropped: timing only); counters are kept. */
void cache_invalidate_all(struct cache *c);

static inline uint64_t cache_block_addr(const struct cache *c, uint64_t addr)
{
    return addr & ~(uint64_t)(c->block_bytes - 1);
}

#endif
