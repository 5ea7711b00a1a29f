/* C functions that translated code calls for operations it does not expand inline.  Each does
 * exactly what the interpreter does for the instruction, through the same semantic functions
 * (isa/semantics.h, isa/fpu.h; jit_fp_host.h where the host's result is provably the same), so
 * translated and interpreted execution cannot differ. */
#ifndef SNAPSIM_FAST_JIT_HELPERS_H
#define SNAPSIM_FAST_JIT_HELPERS_H

#include <stdint.h>

#include "core/hart.h"
#include "fast/block.h"

/* rd of an integer operation of class R, R1 or I: a = x[rs1], b = x[rs2] or the immediate. */
uint64_t jit_int_op(uint32_t op, uint64_t a, uint64_t b);

/* Returned in rax:rdx by the floating-point helpers: `ok` is 0 when the rounding mode is
 * reserved, and then nothing was written (the interpreter re-executes the instruction and
 * raises the illegal-instruction fault). */
struct jit_fp_result {
    uint64_t value;
    uint64_t ok;
};

/* Classes F3, F4, F1: f[rd] = op(f[rs1], f[rs2], f[rs3]), fflags accrued (the common
 * arithmetic through the host FPU where that is exact: fast/jit_fp_host.h). */
struct jit_fp_result jit_fp_to_f(struct hart *h, const struct fast_insn *in);
/* Classes FCMP, F2X: value = x[rd]'s new value (the caller writes it). */
struct jit_fp_result jit_fp_to_x(struct hart *h, const struct fast_insn *in);
/* Class X2F: f[rd] = op(xa), where xa is x[rs1]. */
struct jit_fp_result jit_fp_from_x(struct hart *h, const struct fast_insn *in, uint64_t xa);

#endif
