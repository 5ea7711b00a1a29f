/* Branch target buffer: see btb.h. */
#include "timing/btb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool btb_init(struct btb *b, const char *name, uint32_t entries, uint32_t nways,
              enum repl_policy policy, uint64_t seed, char *err, size_t errlen)
{
    memset(b, 0, sizeof *b);
    if (!is_pow2_u64(entries) || entries > BTB_MAX_ENTRIES) {
        snprintf(err, errlen, "%s: entries must be a power of two in [1, %u] (got %u)", name,
                 BTB_MAX_ENTRIES, entries);
        return false;
    }
    if (nways == 0)
        nways = entries;
    if (!is_pow2_u64(nways) || nways > entries) {
        snprintf(err, errlen, "%s: ways must be a power of two no larger than the %u entries "
                 "(got %u; 0 means fully associative)", name, entries, nways);
        return false;
    }
    /* The three 8-byte arrays first, then the counters, so every array is aligned. */
    uint64_t *mem = malloc((size_t)entries * (3 * sizeof(uint64_t) + 1));
    if (!mem) {
        snprintf(err, errlen, "%s: out of memory for %u entries", name, entries);
        return false;
    }
    b->pc = mem;
    b->target = mem + entries;
    b->last_use = mem + 2 * (size_t)entries;
    b->counter = (uint8_t *)(mem + 3 * (size_t)entries);
    for (uint32_t i = 0; i < entries; i++)
        btb_remove(b, (int32_t)i);
    b->nways = nways;
    b->nsets = entries / nways;
    b->way_bits = log2_u64(nways);
    b->set_mask = b->nsets - 1;
    b->policy = policy;
    b->rng = repl_seed(seed);
    return true;
}

void btb_free(struct btb *b)
{
    free(b->pc);   /* the one allocation */
    b->pc = b->target = b->last_use = NULL;
    b->counter = NULL;
}

/* pc bit 0 is always clear; bit 1 distinguishes compressed neighbours. */
static uint32_t first_slot(const struct btb *b, uint64_t pc)
{
    return (uint32_t)(((pc >> 1) & b->set_mask) << b->way_bits);
}

int32_t btb_find(const struct btb *b, uint64_t pc)
{
    uint32_t s = first_slot(b, pc);
    const uint64_t *pcs = b->pc + s;
    for (uint32_t w = 0; w < b->nways; w++)
        if (pcs[w] == pc)
            return (int32_t)(s + w);
    return BTB_MISS;
}

/* The way of set s to (re)fill: an empty one if any, else the policy's choice.  Empty slots
 * have timestamp 0, below every used one, so the LRU scan finds them too. */
static uint32_t pick_victim(struct btb *b, uint32_t s)
{
    uint32_t w = 0;
    if (b->policy == REPL_RANDOM) {
        for (; w < b->nways; w++)
            if (b->pc[s + w] == BTB_INVALID_PC)
                return w;
        return repl_victim(REPL_RANDOM, false, b->nways, &b->rng);
    }
    uint32_t lru = 0;
    for (w = 1; w < b->nways; w++)
        if (b->last_use[s + w] < b->last_use[s + lru])
            lru = w;
    return lru;
}

int32_t btb_insert(struct btb *b, uint64_t pc)
{
    uint32_t s = first_slot(b, pc);
    int32_t slot = (int32_t)(s + pick_victim(b, s));
    b->pc[slot] = pc;
    b->target[slot] = 0;
    b->counter[slot] = 0;
    btb_touch(b, slot);
    return slot;
}

void btb_remove(struct btb *b, int32_t slot)
{
    b->pc[slot] = BTB_INVALID_PC;
    b->target[slot] = 0;
    b->counter[slot] = 0;
    b->last_use[slot] = 0;
}
