/* Shared by the block translator and the per-instruction emitters (x86-64 only). */
#ifndef SNAPSIM_FAST_JIT_OPS_X86_H
#define SNAPSIM_FAST_JIT_OPS_X86_H

#include <stddef.h>

#include "core/hart.h"
#include "core/memory.h"
#include "fast/block.h"
#include "fast/x86_emit.h"

/* Displacements of guest registers from rbx (struct hart). */
#define GX(r) ((int32_t)(offsetof(struct hart, x) + 8u * (r)))
#define GF(r) ((int32_t)(offsetof(struct hart, f) + 8u * (r)))

/* An aligned access of `size` bytes below the address-space limit has no bit of its address in
 * common with jit_access_mask(size), so one test checks both (an aligned access never crosses a
 * page, so one page byte then decides the permission).  The four masks sit in the frame of
 * translated code; stop_at and jit_ctx occupy its first 16 bytes. */
static inline uint64_t jit_access_mask(unsigned size) { return ~(GUEST_VA_LIMIT - 1) | (size - 1); }
#define JIT_ACCESS_MASK_SLOT(size) (16 + 8 * ((size) == 8 ? 0 : (size) == 4 ? 1 : (size) == 2 ? 2 : 3))
#define JIT_FRAME_BYTES 48

#define MAX_FAULT_SITES (2 * BLOCK_MAX_INSNS + 1)

/* Guest registers pinned to host registers across all translated code: the entry routine loads
 * them, every exit routine stores them back (jit_runtime_x86.c), and a block jumping to another
 * passes them in registers, with no memory traffic at block boundaries.  They are the registers
 * compiled RISC-V code uses most (a5, a4, sp, a0: measured on the benchmark's workloads). */
#define JIT_PINNED 4
/* Further host registers each block caches the guest registers it uses most in (rsi only when
 * the block does not loop on itself: then it counts the iterations). */
#define JIT_BLOCK_REGS 3

/* One block being translated. */
struct jit_tr {
    struct xbuf b;
    /* Guest registers in host registers for the whole block: host[r] is x[r]'s (or -1).  The
     * pinned ones are always there; the block's own are loaded at its entry, and those in
     * `written` are stored back to struct hart before the block is left (jit_writeback), so the
     * interpreter and the next block find them there. */
    int8_t host[33];
    uint32_t written;
    uint8_t borrowed;   /* pinned registers (by index) whose host register the block uses */
    /* A block that branches back to itself loops inside its translation, keeping the cached
     * registers and counting its executions in rsi (added to the block's count on every exit). */
    bool self_loop;
    /* Jumps to "resume the interpreter at instruction k" stubs, emitted after the body. */
    uint8_t *fault_field[MAX_FAULT_SITES];
    uint32_t fault_index[MAX_FAULT_SITES];
    unsigned nfaults;
    /* Stores whose page is not yet known writable and dirty: the jcc to each one's cold stub,
     * where the stub returns to, and its instruction's index. */
    uint8_t *store_field[BLOCK_MAX_INSNS];
    const uint8_t *store_back[BLOCK_MAX_INSNS];
    uint32_t store_index[BLOCK_MAX_INSNS];
    unsigned nstores;
    /* Loads are plain host loads whose faults resume the interpreter (jit_trap_x86.c): the
     * host address of each and its instruction's index, whose resume stub it faults to. */
    bool guarded;
    bool bmi2;          /* shifts by a register without cl (jit.bmi2) */
    /* Guest registers compared with the address-space limit earlier in the block and not
     * written since (jit_guarded_base). */
    uint32_t below_limit;
    const uint8_t *trap_site[BLOCK_MAX_INSNS];
    uint32_t trap_index[BLOCK_MAX_INSNS];
    unsigned ntraps;
    /* Inline floating-point instructions whose result the host cannot give (jit_fp_x86.c):
     * the jumps to each one's cold path (from the rounding-mode check to the helper call, from
     * the result check to a test for exact zeros first), and where that returns to. */
    struct jit_fp_slow {
        uint8_t *to_call, *to_zero;
        const uint8_t *back;
        const struct fast_insn *in;
        uint32_t k;
    } fp_slow[BLOCK_MAX_INSNS];
    unsigned nfp_slow;
    unsigned gathers;   /* byte gathers emitted as host loads (jit_gather_x86.c) */
};

struct jit;

/* The fault table of jit_trap_x86.c: set up with the handler (false: loads stay checked). */
bool jit_trap_init(struct jit *j);
void jit_trap_free(struct jit *j);
/* Records that a host fault at `at` resumes through `stub`; false when the table is full. */
bool jit_trap_add(struct jit *j, const uint8_t *at, const uint8_t *stub);

/* Chooses the guest registers the block uses most for the host registers. */
void jit_cache_plan(struct jit_tr *t, const struct fast_insn *insns, uint32_t n);
/* Loads the block's own cached registers (at block entry). */
void jit_cache_preload(struct jit_tr *t);
/* Stores the block's own cached registers that it writes, and reloads the pinned ones it
 * borrowed (before leaving it). */
void jit_writeback(struct jit_tr *t);
/* The pinned registers from struct hart (entering translated code) and back (leaving it). */
void jit_pinned_load(struct xbuf *b);
void jit_pinned_store(struct xbuf *b);
/* x[r] = v on the way out of a block, after jit_writeback: into r's pinned host register, else
 * into struct hart. */
void jit_set_x_const_on_exit(struct jit_tr *t, unsigned r, uint64_t v);
/* The host register holding x[r]: its cache register, else `scratch` loaded from memory. */
int jit_get_x(struct jit_tr *t, unsigned r, int scratch);
/* x[r] = host register src. */
void jit_set_x(struct jit_tr *t, unsigned r, int src);

/* The cold stubs of the block's stores (after its body, before the resume stubs). */
void jit_emit_store_stubs(struct jit_tr *t);

/* A conditional jump from the current instruction to its interpreter fallback. */
void jit_fault_jcc(struct jit_tr *t, enum x86_cc cc, uint32_t k);

/* Emits the straight-line instruction in (index k of its block); false when the translator
 * leaves this op to the interpreter. */
bool jit_emit_insn(struct jit_tr *t, const struct fast_insn *in, uint32_t k);
/* The host load that gives a guest load (op) its value extended to 64 bits: into `to`, from
 * [host + index + disp]. */
void jit_host_load(struct xbuf *b, enum op op, int to, int index, int32_t disp);
/* The base register of a load at instruction k translated as a plain host load: x[rs1] in a
 * host register, compared with the address-space limit unless the block already did; the load
 * must be emitted next (it is recorded as the trapping site). */
int jit_guarded_base(struct jit_tr *t, unsigned rs1, uint32_t k);
/* A run of lbu/slli/or from insn[k] (before `end`) that builds little-endian values from
 * bytes, emitted as host loads (jit_gather_x86.c): the number of instructions it covers, or 0. */
uint32_t jit_emit_gather(struct jit_tr *t, const struct fast_insn *insn, uint32_t k, uint32_t end);
/* The same for the instructions translated as a call of a C helper (jit_call_x86.c). */
bool jit_emit_call(struct jit_tr *t, const struct fast_insn *in, uint32_t k);
/* The call of the floating-point helper for in (jit_call_x86.c). */
void jit_emit_fp_call(struct jit_tr *t, const struct fast_insn *in, uint32_t k);
/* The same for the floating-point instructions done with inline SSE (jit_fp_x86.c), and the
 * cold helper calls of those (after the body, with the store stubs). */
bool jit_emit_fp_inline(struct jit_tr *t, const struct fast_insn *in, uint32_t k);
void jit_emit_fp_stubs(struct jit_tr *t);

#endif
