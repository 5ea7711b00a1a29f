/* Set-associative cache tag array: see cache.h. */
#include "timing/cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_INVALID_LINE UINT64_MAX

static bool check_pow2(const char *name, const char *what, uint64_t v, uint64_t lo, uint64_t hi,
                       char *err, size_t errlen)
{
    if (!is_pow2_u64(v) || v < lo || v > hi) {
        snprintf(err, errlen, "%s: %s must be a power of two in [%llu, %llu] (got %llu)", name,
                 what, (unsigned long long)lo, (unsigned long long)hi, (unsigned long long)v);
        return false;
    }
    return true;
}

bool cache_init(struct cache *c, const struct cache_params *p, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    const char *name = p->name ? p->name : "cache";
    if (!check_pow2(name, "number of sets", p->nsets, 1, CACHE_MAX_LINES, err, errlen) ||
        !check_pow2(name, "number of ways", p->nways, 1, 64, err, errlen) ||
        !check_pow2(name, "block size", p->block_bytes, CACHE_MIN_BLOCK, CACHE_MAX_BLOCK, err,
                    errlen))
        return false;
    uint64_t nlines = (uint64_t)p->nsets * p->nways;
    if (nlines > CACHE_MAX_LINES) {
        snprintf(err, errlen, "%s: %u sets x %u ways is more than %u blocks", name, p->nsets,
                 p->nways, CACHE_MAX_LINES);
        return false;
    }
    c->lines = malloc(nlines * sizeof *c->lines);
    if (!c->lines) {
        snprintf(err, errlen, "%s: out of memory for %llu blocks", name, (unsigned long long)nlines);
        return false;
    }
    c->nsets = p->nsets;
    c->nways = p->nways;
    c->block_bytes = p->block_bytes;
    c->hit_latency = p->hit_latency;
    c->block_bits = log2_u64(p->block_bytes);
    c->way_bits = log2_u64(p->nways);
    c->set_mask = p->nsets - 1;
    c->policy = p->policy;
    c->rng = repl_seed(p->seed);
    c->name = name;
    cache_invalidate_all(c);
    return true;
}

void cache_free(struct cache *c)
{
    free(c->lines);
    c->lines = NULL;
}

void cache_invalidate_all(struct cache *c)
{
    for (uint64_t i = 0, n = (uint64_t)c->nsets * c->nways; i < n; i++)
        c->lines[i] = CACHE_INVALID_LINE;
}

bool cache_access(struct cache *c, uint64_t addr, bool is_write, uint64_t *writeback)
{
    /* Block numbers are below 2^62 (blocks are at least 4 bytes), so block << 1 | dirty never
     * collides with CACHE_INVALID_LINE and the hit test needs no separate valid bit. */
    uint64_t block = addr >> c->block_bits;
    uint64_t *set = c->lines + ((block & c->set_mask) << c->way_bits);
    unsigned nways = c->nways;

    c->stats.accesses++;
    if (is_write)
        c->stats.writes++;
    else
        c->stats.reads++;
    if (writeback)
        *writeback = CACHE_NO_WRITEBACK;

    for (unsigned w = 0; w < nways; w++) {
        uint64_t line = set[w];
        if ((line >> 1) == block) {
            c->stats.hits++;
            for (; w > 0; w--)  /* move to the front: a loop beats a memmove call here */
                set[w] = set[w - 1];
            set[0] = line | is_write;
            return true;
        }
    }

    c->stats.misses++;
    if (is_write)
        c->stats.write_misses++;
    else
        c->stats.read_misses++;
    unsigned v = repl_victim(c->policy, set[nways - 1] == CACHE_INVALID_LINE, nways, &c->rng);
    uint64_t old = set[v];
    if (old != CACHE_INVALID_LINE) {
        c->stats.evictions++;
        if (old & 1) {
            c->stats.writebacks++;
            if (writeback)
                *writeback = (old >> 1) << c->block_bits;
        }
    }
    for (; v > 0; v--)
        set[v] = set[v - 1];
    set[0] = block << 1 | is_write;
    return false;
}

bool cache_probe(const struct cache *c, uint64_t addr)
{
    uint64_t block = addr >> c->block_bits;
    const uint64_t *set = c->lines + ((block & c->set_mask) << c->way_bits);
    for (unsigned w = 0; w < c->nways; w++)
        if ((set[w] >> 1) == block)
            return true;
    return false;
}
