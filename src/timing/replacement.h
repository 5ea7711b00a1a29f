/* Replacement policy shared by the set-associative timing structures (caches, BTBs).
 *
 * LRU evicts the least recently used way, RANDOM a way drawn from a per-structure xorshift64
 * generator; both fill empty ways first.  The generator's state lives in the structure, so runs
 * are deterministic and the state is plain data.  repl_victim serves structures that keep each
 * set in recency order (most recently used first), where the last way is the LRU or empty one. */
#ifndef SNAPSIM_TIMING_REPLACEMENT_H
#define SNAPSIM_TIMING_REPLACEMENT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum repl_policy { REPL_LRU, REPL_RANDOM };

/* "lru" or "random"; false for anything else. */
static inline bool repl_parse(const char *name, enum repl_policy *out)
{
    if (!strcmp(name, "lru")) { *out = REPL_LRU; return true; }
    if (!strcmp(name, "random")) { *out = REPL_RANDOM; return true; }
    return false;
}

static inline const char *repl_name(enum repl_policy p) { return p == REPL_LRU ? "lru" : "random"; }

/* xorshift64 (Marsaglia): never returns 0 from a non-zero state. */
static inline uint64_t repl_next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

/* A zero state would stick at zero, so seeds are forced non-zero. */
static inline uint64_t repl_seed(uint64_t seed) { return seed ? seed : 0x9e3779b97f4a7c15ull; }

/* The way to replace in a set whose ways are in recency order; nways is a power of two. */
static inline unsigned repl_victim(enum repl_policy p, bool last_way_invalid, unsigned nways,
                                   uint64_t *rng)
{
    if (p == REPL_LRU || last_way_invalid)
        return nways - 1;
    return (unsigned)(repl_next_random(rng) >> 32) & (nways - 1);
}

static inline bool is_pow2_u64(uint64_t x) { return x && !(x & (x - 1)); }

static inline unsigned log2_u64(uint64_t x) { return x ? 63u - (unsigned)__builtin_clzll(x) : 0; }

#endif
