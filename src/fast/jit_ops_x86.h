/* Shared by the block translator and the per-instruction emitters (x86-64 only). */
#ifndef SNAPSIM_FAST_JIT_OPS_X86_H
#define SNAPSIM_FAST_JIT_OPS_X86_H

#include <stddef.h>

#include "core/hart.h"
#include "fast/block.h"
#include "fast/x86_emit.h"

/* Displacements of guest registers from rbx (struct hart). */
#define GX(r) ((int32_t)(offsetof(struct hart, x) + 8u * (r)))
#define GF(r) ((int32_t)(offsetof(struct hart, f) + 8u * (r)))

#define MAX_FAULT_SITES (2 * BLOCK_MAX_INSNS + 1)

/* One block being translated. */
struct jit_tr {
    struct xbuf b;
    /* Jumps to "resume the interpreter at instruction k" stubs, emitted after the body. */
    uint8_t *fault_field[MAX_FAULT_SITES];
    uint32_t fault_index[MAX_FAULT_SITES];
    unsigned nfaults;
};

/* A conditional jump from the current instruction to its interpreter fallback. */
void jit_fault_jcc(struct jit_tr *t, enum x86_cc cc, uint32_t k);

/* [rbx + disp] = v, through `scratch` when v does not fit a sign-extended imm32. */
void jit_store_const(struct xbuf *b, int32_t disp, uint64_t v, int scratch);

/* Emits the straight-line instruction in (index k of its block); false when the translator
 * leaves this op to the interpreter. */
bool jit_emit_insn(struct jit_tr *t, const struct fast_insn *in, uint32_t k);

#endif
