/* The parameterised in-order pipeline (presets "pompia", "oroblanco", generic "inorder").
 *
 * Stages, oldest first:   Cm  Mem  Ex  Is  D_n .. D_1  F_n .. F_1
 * (fetch:stages F stages, decode:stages D stages).  Because the pipeline is in order, each stage
 * holds a contiguous run of instruction sequence numbers, so the whole pipeline is one ring of
 * instruction records plus one boundary per stage: stage k holds seqs [first[k], first[k+1]),
 * first[nstages] being the next seq to fetch.  Moving an instruction to the next stage is an
 * increment; nothing is copied or allocated per instruction.
 *
 * An instruction does a stage's work in the cycle it enters the stage, and may leave once
 * `ready` <= now.  Stages are processed oldest first each cycle, so a stage has already drained
 * when the one behind it tries to move in (a full pipeline advances in one cycle), and work a
 * stage does in cycle t is visible to younger stages later in the same cycle — that is the
 * forwarding/bypass network and the "write the register file in the first half" rule.
 *
 * Values are real, and appear only when their time comes: Ex and Mem compute into `pending`,
 * which is published as `result` at the start of the instruction's result_cycle (before that
 * `result` holds poison), so an instruction that used a value too early would compute a wrong
 * answer that the comparison with the fast model catches.  Is reads the model's register file (or notes the in-flight producer), Ex
 * takes pending operands from the producer's record once its result_cycle has come (forwarding
 * on) — with forwarding off Is waits until the producer has committed — then computes with
 * isa/semantics.h and fpu_execute.  Loads read memory in Mem; stores, atomics, CSRs, ecall and
 * fence.i take architectural effect at commit. */
#ifndef SNAPSIM_PIPELINE_PIPELINE_H
#define SNAPSIM_PIPELINE_PIPELINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "core/machine.h"
#include "debug/events.h"
#include "debug/inject.h"
#include "isa/insn.h"
#include "priv/mmu.h"
#include "priv/priv_stats.h"
#include "timing/bpred.h"
#include "timing/memsys.h"

#define PIPE_MAX_WIDTH 8
#define PIPE_MAX_FRONT_STAGES 4
/* In-flight instructions: more than every stage's capacity summed (12 stages x 8), and no more,
 * since every page of the ring is written each few thousand cycles and each costs a LightSSS
 * fork a copy-on-write fault. */
#define PIPE_RING 128
#define PIPE_RING_MASK (PIPE_RING - 1)
#define PIPE_DECODE_CACHE 4096     /* direct-mapped predecoded instructions, keyed by pc */

enum { ST_CM = 0, ST_MEM = 1, ST_EX = 2, ST_IS = 3, ST_FRONT = 4 };
#define PIPE_MAX_STAGES (ST_FRONT + 2 * PIPE_MAX_FRONT_STAGES)
_Static_assert(PIPE_RING > PIPE_MAX_STAGES * PIPE_MAX_WIDTH, "the ring must hold every in-flight instruction");

/* What an instruction does in the execute stage and where its latency comes from. */
enum pkind {
    PK_ALU, PK_NOP, PK_MUL, PK_DIV, PK_FPU, PK_FDIV, PK_BRANCH, PK_JAL, PK_JALR,
    PK_LOAD, PK_STORE, PK_ATOMIC,                  /* atomics take effect at commit */
    PK_CSR, PK_ECALL, PK_FENCEI,                   /* serializing: at commit, fetch stopped */
    PK_FAULT,                                      /* illegal, ebreak, fetch fault */
};

/* Why an instruction must not commit; raised only if it reaches commit on the correct path. */
enum pfault {
    PF_NONE, PF_FETCH, PF_ILLEGAL, PF_EBREAK, PF_LOAD, PF_STORE, PF_MISALIGNED_ATOMIC,
};

/* The cause a commit-less cycle is charged to (the CPI stack). */
enum pwhy { WHY_BASE, WHY_IFETCH, WHY_DATA, WHY_DCACHE, WHY_BRANCH, WHY_STRUCTURAL, WHY_COUNT };

/* Register numbers across both files: x1..x31 are 1..31, f0..f31 are 32..63, 0 = none (x0). */
#define PREG_F 32
#define PREG_COUNT 64

/* A predecoded instruction: the decoder's output plus what the hazard logic needs. */
struct pdec {
    struct insn in;
    uint8_t src[3];    /* unified register numbers, 0 = unused */
    uint8_t dst;       /* 0 = none */
    uint8_t kind;      /* enum pkind */
    uint8_t fault;     /* enum pfault known at decode (fetch fault, illegal, ebreak) */
    uint8_t msize;     /* bytes accessed by loads, stores, atomics */
};

struct pinst {
    struct pdec d;
    uint64_t seq, pc;
    uint64_t pred_next;        /* where fetch went after it */
    uint64_t next_pc;          /* the architectural next pc (resolved in Ex) */
    uint64_t val[3];           /* operand values */
    uint64_t producer[3];      /* seq of the in-flight producer of each operand, 0 = none */
    uint64_t pending;          /* the result as computed, hidden until result_cycle */
    uint64_t result;           /* the result as visible to others (poison before result_cycle) */
    uint64_t addr;
    uint64_t ready;            /* cycle from which it may leave its current stage */
    uint64_t result_cycle;     /* first cycle its result can be forwarded */
    uint64_t trace_id;         /* fetch number: names it in instruction events */
    uint32_t fflags;
    uint8_t fault;             /* enum pfault */
    uint8_t stage;             /* current stage (for the trace) */
    struct prediction pred;
};

struct pipe_params {
    unsigned fetch_stages, decode_stages;
    unsigned fetch_width, decode_width, issue_width, commit_width;
    bool forwarding;
    unsigned mul_latency, div_latency, fpu_latency, fdiv_latency;
    uint64_t watchdog_cycles, max_cycles;
};

/* Every counter the model reports; all uint64_t so warm-up baselines subtract field-wise. */
struct pipe_counters {
    uint64_t cycles, retires, flushes, fetched, decoded, issued;
    uint64_t data_stalls;      /* cycles Is held its oldest instruction for an operand */
    uint64_t cpi[WHY_COUNT];
};

/* The warm-up baseline: component counters as they were when statistics started. */
struct pipe_baseline {
    struct pipe_counters c;
    struct cache_stats l1i, l1d, l2;
    struct memsys_stats ms;
    struct bpred_stats bp;
};

struct decode_slot { uint64_t pc; struct pdec d; };

struct model_instance {
    struct pipe_params prm;
    unsigned nstages;
    unsigned cap[PIPE_MAX_STAGES];
    const char *stage_name[PIPE_MAX_STAGES];
    uint64_t first[PIPE_MAX_STAGES + 1];   /* stage boundaries; first[nstages] = next seq */
    uint8_t bubble[PIPE_MAX_STAGES];       /* enum pwhy: why an empty stage is empty */
    struct pinst ring[PIPE_RING];

    uint64_t rf[PREG_COUNT];               /* the model's register file (x then f) */
    uint64_t last_writer[PREG_COUNT];      /* youngest issued writer's seq; 0 = none */

    uint64_t now;                          /* cycle counter, continues across runs */
    uint64_t cycle_base;                   /* guest-visible cycles before this model started:
                                              a restored run's earlier part counts 1 per instruction */
    uint64_t commit_pc;                    /* the next instruction to commit */
    uint64_t last_commit_cycle;

    /* fetch unit */
    uint64_t fetch_pc, fetch_resume;       /* no fetch before fetch_resume */
    uint64_t fetch_block[2];               /* I-cache blocks already read (UINT64_MAX = none) */
    bool fetch_stopped;                    /* after a serializing or faulting instruction */
    uint8_t fetch_why;                     /* enum pwhy while fetch delivers nothing */

    struct decode_slot *dcache;            /* PIPE_DECODE_CACHE entries */
    uint64_t dcache_epoch;

    /* system mode (--machine bare): a privileged hart, its memory through this TLB */
    bool system;
    struct priv_tlb tlb;
    struct priv_counts sys_counts;
    uint64_t event_seen;                   /* the machine's event_at when event_cycle was set */
    uint64_t event_cycle;                  /* the cycle (cycle_base + now) it stands for */

    struct memsys ms;
    struct bpred bp;
    struct machine *m;                     /* the current run's (for instruction events) */
    uint64_t fetched;                      /* instructions fetched: the next fetch number */
    struct inject inj;                     /* a fault injected on purpose (debug/inject.h) */
    struct cycle_notes {                   /* what happened this cycle, for the cycle event */
        bool predicted, resolved, mispredicted, flushed, icache_miss, dcache_miss;
        unsigned commits;
        uint64_t pred_pc, pred_target, res_pc, res_target, commit_pc;
    } note;

    struct pipe_counters cnt;
    struct pipe_baseline base;
};

static inline struct pinst *pipe_at(struct model_instance *p, uint64_t seq)
{
    return &p->ring[seq & PIPE_RING_MASK];
}

/* Does a sink trace instructions through the stages (the Kanata writer)? */
static inline bool pipe_traced(const struct model_instance *p)
{
    return event_bus_wants_insns(p->m->events);
}

static inline unsigned pipe_occupancy(const struct model_instance *p, unsigned k)
{
    return (unsigned)(p->first[k + 1] - p->first[k]);
}

/* predecode.c */
void pipe_predecode(const struct insn *in, struct pdec *out);
/* The predecoded instruction at pc through the decode cache; a fetch fault is not cached. */
const struct pdec *pipe_decode_at(struct model_instance *p, const struct machine *m, uint64_t pc,
                                  struct pdec *scratch);
void pipe_decode_cache_flush(struct model_instance *p);
/* System mode: the predecoded instruction at pc, read through the privileged memory path with
 * this model's TLB and cached by encoding (so stores to code and new mappings need no
 * invalidation); a fetch fault gives a PF_FETCH record in *scratch. */
const struct pdec *pipe_decode_system(struct model_instance *p, struct machine *m, uint64_t pc,
                                      struct pdec *scratch);

/* execute.c */
/* Ex work: result (into `pending`), address, next pc, fp flags and faults from the operand values; returns the
 * cycles it occupies the execute stage. */
unsigned pipe_execute(const struct pipe_params *prm, struct pinst *in, unsigned frm);
/* Mem work for a load: reads guest memory into `pending` (or flags the fault). */
void pipe_load(const struct machine *m, struct pinst *in);

/* commit.c */
/* COMMIT_RESTART (system mode): the instruction did not retire (it trapped, or its fetch must
 * be repeated); it and everything younger are dropped and fetch restarts at commit_pc. */
enum commit_outcome { COMMIT_OK, COMMIT_SERIALIZED, COMMIT_HALTED, COMMIT_RESTART };
enum commit_outcome pipe_commit_one(struct model_instance *p, struct machine *m, struct pinst *in);
/* Counts the instruction retired and moves the commit pc past it. */
void pipe_retire(struct model_instance *p, struct machine *m, const struct pinst *in);

/* commit_system.c */
enum commit_outcome pipe_commit_system(struct model_instance *p, struct machine *m, struct pinst *in);
/* At the commit boundary before `oldest`: the machine's due events, then a pending enabled
 * interrupt, taken (true) with fetch to restart at commit_pc. */
bool pipe_system_interrupt(struct model_instance *p, struct machine *m, const struct pinst *oldest);
void pipe_system_stats(const struct model_instance *p, const struct machine *m, cJSON *core);

/* fetch.c */
void pipe_fetch(struct model_instance *p, struct machine *m);
void pipe_redirect(struct model_instance *p, uint64_t pc, uint64_t resume, enum pwhy why);

/* inorder.c */
void pipe_run(struct model_instance *p, struct machine *m, uint64_t stop_at);

/* cycle_events.c: the per-cycle debugging event; `first` holds the stage boundaries as the cycle
 * began (a stage whose oldest instruction did not leave stalled). */
void pipe_emit_cycle(struct model_instance *p, struct machine *m, const uint64_t *first);
/* Creates the record of a newly fetched instruction in the first fetch stage. */
struct pinst *pipe_new_insn(struct model_instance *p, uint64_t pc, const struct pdec *d);

/* pipeline_stats.c */
void pipe_stats_start(struct model_instance *p);
void pipe_stats_json(struct model_instance *p, cJSON *top, cJSON *core);
/* The model hooks: statistics restart now; the cycle count of this instance. */
void pipe_reset_stats(struct model_instance *p, const struct machine *m);
uint64_t pipe_cycles(const struct model_instance *p, const struct machine *m);

#endif
