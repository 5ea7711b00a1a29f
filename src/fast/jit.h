/* The translation tier of the fast model: hot blocks become x86-64 machine code.
 *
 * A translated block runs the same instructions as the interpreter's record of it, on the same
 * state (guest registers are in struct hart whenever translated code is left, some in host
 * registers inside it; guest memory is reached as host + A after the same permission-byte check,
 * or for loads, where host page protection is exact, with the host's own fault standing in for
 * it: jit_trap_x86.c).  Anything unusual — a fault, an instruction it does not translate, a
 * block that would run past the stop count — leaves the translated code at an instruction
 * boundary and the interpreter carries on from exactly there, so the interpreter alone decides
 * every fault, system call and partial block.
 *
 * Translated blocks jump to each other directly once a successor is known (the jump is patched
 * in), and a register jump compares with the target it took last time.  On hosts other than
 * x86-64 jit_init reports that translation is unavailable and the interpreter runs everything. */
#ifndef SNAPSIM_FAST_JIT_H
#define SNAPSIM_FAST_JIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "core/hart.h"
#include "fast/block.h"
#include "fast/jit_fp_host.h"

/* How translated code hands control back (the return value of jit_run). */
enum jit_exit {
    JIT_EXIT_RESUME,    /* interpret blk from instruction `index` on (entries already counted) */
    JIT_EXIT_ENTER,     /* the block at next_pc would pass stop_at: enter it the interpreter's way */
    JIT_EXIT_CHAIN,     /* blk ended towards next_pc by exit `slot`; `patch` may be linked there */
    JIT_EXIT_INDIRECT,  /* the same for a register jump; `patch` is its target cache */
};

/* Shared with the machine code: field offsets are baked into it. */
struct jit_ctx {
    struct hart *hart;
    uint8_t *host;          /* guest_mem.host */
    uint8_t *page;          /* guest_mem.page */
    uint64_t instret;       /* in: hart.instret; out: instructions retired by completed blocks */
    uint64_t stop_at;
    uint64_t next_pc;
    struct block *blk;
    void *patch;
    uint32_t slot;
    uint32_t index;
    /* Translated code runs with MXCSR = JIT_MXCSR_IEEE, whose sticky flags collect the
     * exceptions of its inline floating-point arithmetic (jit_fp_x86.c); on the way out it
     * leaves them in `mxcsr` and puts the caller's `host_mxcsr` back. */
    uint32_t mxcsr;
    uint32_t host_mxcsr;
};

/* Target cache of a register jump, in the code buffer beside its block: the translated code
 * jumps to `code` when the target equals `pc`. */
struct jit_target_cache {
    uint64_t pc;
    const void *code;
};

#define JIT_TARGETS 65536   /* entries of jit.targets, a power of two */

static inline size_t jit_target_slot(uint64_t pc) { return (size_t)(pc >> 1) & (JIT_TARGETS - 1); }

struct jit {
    uint8_t *code;          /* one RWX mapping; the entry/exit routines sit at its start */
    /* Execution counters of the translations, one per 16 bytes of code buffer (by the offset of
     * the translation's entry), in a data mapping right after the code: in reach of a
     * rip-relative increment, and on pages of their own, away from the code. */
    uint64_t *counts;
    size_t size, used, routines_end;
    uint64_t generation;    /* block-cache generation the translations belong to */
    /* Every translation by pc, direct-mapped: where a register jump whose own target cache
     * misses looks next, before asking the dispatcher. */
    struct jit_target_cache *targets;
    int (*enter)(struct jit_ctx *ctx, const void *entry);
    const uint8_t *exit_resume, *exit_enter, *exit_chain, *exit_indirect;
    uint64_t blocks, bytes; /* translation statistics since start */
    uint64_t regions;       /* translations of several blocks */
    uint64_t gathers;       /* byte gathers translated as host loads */
    double seconds;         /* host time spent translating */
    /* Loads translated without a permission check, whose host faults resume the interpreter
     * (jit_trap_x86.c): offsets of each load and of its stub in the code buffer, by address. */
    uint32_t *trap_at, *trap_to;
    size_t ntraps, cap_traps;   /* cap_traps 0: no handler, every load is checked inline */
    uint64_t host_faults;       /* how many such loads faulted on the host */
    /* fast:perf_map: perf's map of JIT symbols, one line per translation, or NULL. */
    FILE *perf_map;
    /* Set by the model before translating: mem_loads_fault_on_host of the guest memory. */
    bool guarded_loads;
    bool bmi2;              /* the host has BMI2's shifts by any register */
};

/* The translation whose code runs on this thread (the fault handler looks there). */
extern _Thread_local struct jit *jit_running;

/* Maps the code buffer.  False when translation is unavailable (other hosts, or no memory). */
bool jit_init(struct jit *j);
void jit_free(struct jit *j);
/* Opens /tmp/perf-PID.map, where perf looks up the names of code outside any ELF file; false
 * with a one-line reason in err when it cannot. */
bool jit_open_perf_map(struct jit *j, char *err, size_t errlen);
/* Empties jit.targets (every translation is about to be dropped). */
void jit_forget_targets(struct jit *j);

enum jit_result { JIT_OK, JIT_UNTRANSLATABLE, JIT_FULL };

/* Translates b (from the cache of generation `generation`) and sets b->jit.  JIT_FULL: the
 * buffer is full; flush the block cache, which makes room.  JIT_UNTRANSLATABLE: its first
 * instruction is one the translator leaves to the interpreter. */
enum jit_result jit_translate(struct jit *j, struct block *b, uint64_t generation);

/* Links an exit reported by JIT_EXIT_CHAIN / JIT_EXIT_INDIRECT to a translated block. */
void jit_link(struct jit *j, enum jit_exit kind, void *patch, const struct block *to);

/* Runs translated code from `entry` until it exits; the guest's fflags then include what its
 * inline arithmetic raised. */
static inline int jit_run(struct jit *j, struct jit_ctx *ctx, const void *entry)
{
    jit_running = j;
    ctx->mxcsr = JIT_MXCSR_IEEE;
    int why = j->enter(ctx, entry);
    ctx->hart->fflags |= jit_fp_host_flags(ctx->mxcsr);
    return why;
}

#endif
