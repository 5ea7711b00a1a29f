/* A branch target buffer: set-associative table of {branch pc, target, 2-bit counter}.
 *
 * Used both as the Oroblanco "btb2bit" predictor (the counter decides the direction) and as the
 * BTAC that supplies targets to the bimodal and gshare predictors (counter unused).  BTBs are
 * often fully associative, so the pcs sit in their own array (a lookup scans 8-byte words) and
 * LRU uses per-entry timestamps rather than reordering the set.  Recency changes only when an
 * entry is trained (btb_touch / btb_insert), not when it is looked up for a prediction. */
#ifndef SNAPSIM_TIMING_BTB_H
#define SNAPSIM_TIMING_BTB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timing/replacement.h"

#define BTB_MAX_ENTRIES (1u << 16)
#define BTB_INVALID_PC UINT64_MAX   /* pcs are even, so this marks an empty slot */
#define BTB_MISS (-1)

struct btb {
    /* One allocation, slot i of set s at s * nways + i in each array. */
    uint64_t *pc;
    uint64_t *target;
    uint64_t *last_use;        /* LRU timestamp */
    uint8_t *counter;          /* 2-bit saturating, 0..3 */
    uint32_t nsets, nways;
    unsigned way_bits;
    uint64_t set_mask;
    uint64_t clock;            /* timestamp source */
    enum repl_policy policy;
    uint64_t rng;
};

/* entries and nways are powers of two; nways 0 means fully associative (nways = entries).
 * `name` prefixes error messages. */
bool btb_init(struct btb *b, const char *name, uint32_t entries, uint32_t nways,
              enum repl_policy policy, uint64_t seed, char *err, size_t errlen);
void btb_free(struct btb *b);

/* The slot holding pc, or BTB_MISS.  Changes nothing. */
int32_t btb_find(const struct btb *b, uint64_t pc);
/* Like btb_find, trying first a slot remembered from an earlier lookup (any value allowed). */
static inline int32_t btb_find_hinted(const struct btb *b, uint64_t pc, int32_t hint)
{
    if (hint >= 0 && (uint32_t)hint < b->nsets * b->nways && b->pc[hint] == pc)
        return hint;
    return btb_find(b, pc);
}
/* Marks a slot most recently used. */
static inline void btb_touch(struct btb *b, int32_t slot) { b->last_use[slot] = ++b->clock; }
/* Allocates a slot for pc (which must not be present): an empty slot of its set if any, else a
 * victim per the policy.  Target and counter are zeroed; the slot is most recently used. */
int32_t btb_insert(struct btb *b, uint64_t pc);
/* Empties a slot. */
void btb_remove(struct btb *b, int32_t slot);

#endif
