/* Branch prediction for the pipeline models: a direction predictor chosen by name, a target
 * buffer and a return-address stack.
 *
 *   none     no prediction: fetch always falls through, so every taken transfer redirects.
 *   static   backward conditional branches taken, forward not (BTFN); jal taken.  Targets come
 *            from the instruction (known at decode); jalr only through the RAS.
 *   btb2bit  the Oroblanco BTB: a taken transfer missing from the BTB gets an entry with its
 *            2-bit counter at 2 (weakly taken); taken increments (saturating at 3), not-taken
 *            decrements, and an entry whose counter reaches 0 is evicted.  Predicts taken, to
 *            the stored target, iff the entry is present with counter >= 2.
 *   bimodal  2-bit counters indexed by pc, initialised to 1 (weakly not taken).
 *   gshare   2-bit counters indexed by pc XOR global history (of conditional branches, updated
 *            when branches resolve), initialised to 1.
 * bimodal and gshare take targets from a BTAC (brpred:btac_entries): a branch predicted taken
 * whose target the BTAC lacks falls through (counted as a target misprediction).
 *
 * Returns and calls use the RAS (every type but "none"; depth 0 disables it), following the
 * RISC-V hint table: with link = x1 or x5, jal/jalr with a link rd push pc + len; jalr with a link
 * rs1 and a non-link rd pops; jalr with both links pops then pushes if rd != rs1, else pushes.
 *
 * Protocol: call bpred_predict when an instruction is fetched (it pushes/pops the RAS there, as
 * hardware does) and bpred_update when it resolves, in program order, for correct-path
 * instructions only.  An update that finds a misprediction repairs the RAS to its state just
 * after that instruction's prediction; predictions of squashed younger instructions are simply
 * dropped.  Non-control instructions are ignored by both calls. */
#ifndef SNAPSIM_TIMING_BPRED_H
#define SNAPSIM_TIMING_BPRED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "isa/insn.h"
#include "timing/btb.h"
#include "timing/ras.h"

struct config;

enum bpred_type { BPRED_NONE, BPRED_STATIC, BPRED_BTB2BIT, BPRED_BIMODAL, BPRED_GSHARE };

#define BPRED_MAX_COUNTERS (1u << 20)
#define BPRED_MAX_HISTORY_BITS 30

struct bpred_params {
    enum bpred_type type;
    uint32_t entries;          /* btb2bit: BTB entries; bimodal/gshare: counters */
    uint32_t btac_entries;     /* bimodal/gshare target buffer */
    uint32_t btb_nways;        /* associativity of the BTB / BTAC, 0 = fully associative */
    enum repl_policy btb_policy;
    uint32_t history_bits;     /* gshare */
    uint32_t ras_entries;      /* 0..RAS_MAX_ENTRIES */
    uint64_t seed;             /* RANDOM BTB replacement; 0 picks a fixed default */
};

struct prediction {
    bool taken;                /* fetch continues at target (else at pc + len) */
    bool dir_taken;            /* the direction guessed, even if no target was known */
    uint64_t target;           /* valid iff taken */
    uint32_t index;            /* counter used (bimodal, gshare), trained by the update */
    int32_t btb_slot;          /* where the BTB lookup found pc (a hint for the update) */
    struct ras_checkpoint ras; /* RAS just after this instruction's push/pop */
};

struct bpred_stats {
    uint64_t predictions;          /* control instructions resolved (bpred_update) */
    uint64_t conditional;          /* ... of which conditional branches */
    uint64_t mispredictions;       /* fetch had to be redirected */
    uint64_t dir_mispredictions;   /* conditional branch direction wrong */
    uint64_t target_mispredictions;/* taken with the direction right but target unknown/wrong */
    uint64_t btb_hits, btb_misses; /* BTB/BTAC lookups at prediction time */
    uint64_t ras_pushes, ras_pops; /* pops that found the stack empty are not counted */
};

struct bpred {
    enum bpred_type type;
    struct btb btb;            /* btb2bit's BTB, or the BTAC of bimodal/gshare */
    uint8_t *counters;         /* bimodal/gshare */
    uint32_t counter_mask;
    uint64_t history, history_mask;
    struct ras ras;
    struct bpred_stats stats;
};

/* "none" "static" "btb2bit" "bimodal" "gshare"; false for anything else. */
bool bpred_type_parse(const char *name, enum bpred_type *out);
const char *bpred_type_name(enum bpred_type t);

bool bpred_init(struct bpred *bp, const struct bpred_params *p, char *err, size_t errlen);
/* Reads the brpred:* keys (timing_config.h). */
bool bpred_init_from_config(struct bpred *bp, const struct config *cfg, char *err, size_t errlen);
void bpred_free(struct bpred *bp);

/* Predicts the instruction at pc; returns out->taken.  Non-control instructions: not taken. */
bool bpred_predict(struct bpred *bp, uint64_t pc, const struct insn *in, struct prediction *out);
/* Trains with the resolved outcome (target = the actual next pc when taken).  `pred` is what
 * bpred_predict returned for this instruction.  Returns true if fetch must be redirected. */
bool bpred_update(struct bpred *bp, uint64_t pc, const struct insn *in,
                  const struct prediction *pred, bool taken, uint64_t target);

#endif
