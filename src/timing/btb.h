/* A branch target buffer: set-associative table of {branch pc, target, 2-bit counter}.
 *
 * Used both as the Oroblanco "btb2bit" predictor (the counter decides the direction) and as the
 * BTAC that supplies targets to the bimodal and gshare predictors (counter unused).  Ways are kept
 * in recency order like the caches (timing/replacement.h); recency changes only when an entry is
 * trained, not when it is merely looked up for a prediction. */
#ifndef SNAPSIM_TIMING_BTB_H
#define SNAPSIM_TIMING_BTB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "timing/replacement.h"

#define BTB_MAX_ENTRIES (1u << 16)

struct btb_entry {
    uint64_t pc;       /* BTB_INVALID_PC when empty (pcs are even, so it matches none) */
    uint64_t target;
    uint8_t counter;   /* 2-bit saturating, 0..3 */
};

#define BTB_INVALID_PC UINT64_MAX

struct btb {
    struct btb_entry *entries;     /* nsets * nways, each set MRU first */
    uint32_t nsets, nways;
    unsigned way_bits;
    uint64_t set_mask;
    enum repl_policy policy;
    uint64_t rng;
};

/* entries and nways are powers of two; nways 0 means fully associative (nways = entries).
 * `name` prefixes error messages. */
bool btb_init(struct btb *b, const char *name, uint32_t entries, uint32_t nways,
              enum repl_policy policy, uint64_t seed, char *err, size_t errlen);
void btb_free(struct btb *b);

/* The entry for pc, or NULL.  With `touch` the entry becomes the most recently used of its set
 * (the returned pointer is then its new place). */
struct btb_entry *btb_find(struct btb *b, uint64_t pc, bool touch);
/* Allocates an entry for pc (which must not be present), evicting per the policy; the caller
 * fills target and counter.  Returns the new, most recently used entry. */
struct btb_entry *btb_insert(struct btb *b, uint64_t pc);
/* Empties an entry found by btb_find (it moves to the least recently used end of its set). */
void btb_remove(struct btb *b, struct btb_entry *e);

#endif
