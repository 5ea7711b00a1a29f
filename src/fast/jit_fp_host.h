/* The host's SSE arithmetic for the common floating-point operations, where its result is
 * provably the RISC-V one; the translator's helpers try it before the software FPU. */
#ifndef SNAPSIM_FAST_JIT_FP_HOST_H
#define SNAPSIM_FAST_JIT_FP_HOST_H

#include <stdbool.h>
#include <stdint.h>

#include "isa/insn.h"

/* fadd, fsub, fmul, fdiv, fsqrt in single or double precision, round to nearest even (static
 * or dynamic rm): sets *result and ORs the exception flags into *fflags as fpu_execute would,
 * and returns true.  Returns false, having written nothing, for any other operation or rounding
 * mode, for single operands that are not NaN-boxed, and for results near or below the smallest
 * normal number (where hosts differ in detecting tininess): fpu_execute decides those.
 * Always false on hosts other than x86-64. */
bool jit_fp_host(enum op op, uint64_t a, uint64_t b, unsigned rm, unsigned frm, uint64_t *result,
                 uint32_t *fflags);

#endif
