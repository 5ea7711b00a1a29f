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
    b->entries = malloc(entries * sizeof *b->entries);
    if (!b->entries) {
        snprintf(err, errlen, "%s: out of memory for %u entries", name, entries);
        return false;
    }
    for (uint32_t i = 0; i < entries; i++)
        b->entries[i] = (struct btb_entry){ .pc = BTB_INVALID_PC };
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
    free(b->entries);
    b->entries = NULL;
}

/* pc bit 0 is always clear; bit 1 distinguishes compressed neighbours. */
static struct btb_entry *set_of(const struct btb *b, uint64_t pc)
{
    return b->entries + (((pc >> 1) & b->set_mask) << b->way_bits);
}

/* Moves set[w] to set[0], shifting the ways in front of it back by one. */
static struct btb_entry *move_to_front(struct btb_entry *set, unsigned w)
{
    struct btb_entry e = set[w];
    for (; w > 0; w--)
        set[w] = set[w - 1];
    set[0] = e;
    return set;
}

struct btb_entry *btb_find(struct btb *b, uint64_t pc, bool touch)
{
    struct btb_entry *set = set_of(b, pc);
    for (unsigned w = 0; w < b->nways; w++)
        if (set[w].pc == pc)
            return touch ? move_to_front(set, w) : &set[w];
    return NULL;
}

struct btb_entry *btb_insert(struct btb *b, uint64_t pc)
{
    struct btb_entry *set = set_of(b, pc);
    unsigned v = repl_victim(b->policy, set[b->nways - 1].pc == BTB_INVALID_PC, b->nways, &b->rng);
    set[v] = (struct btb_entry){ .pc = pc };
    return move_to_front(set, v);
}

void btb_remove(struct btb *b, struct btb_entry *e)
{
    size_t i = (size_t)(e - b->entries);
    struct btb_entry *set = b->entries + (i & ~(size_t)(b->nways - 1));
    unsigned w = (unsigned)(i & (b->nways - 1));
    for (; w + 1 < b->nways; w++)
        set[w] = set[w + 1];
    set[b->nways - 1] = (struct btb_entry){ .pc = BTB_INVALID_PC };
}
