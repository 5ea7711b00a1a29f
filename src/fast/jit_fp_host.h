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

/* x86's MXCSR with every exception masked, round to nearest even, no flush-to-zero or
 * denormals-are-zero, flags clear: IEEE arithmetic as RISC-V defines it in that mode. */
#define JIT_MXCSR_IEEE 0x1f80u

/* The RISC-V fflags for the exception flags of an MXCSR value: invalid, divide by zero,
 * overflow and inexact.  Underflow is left out on purpose: host code keeps no result that could
 * be tiny (those go to the software FPU, which decides underflow), so a host underflow flag only
 * ever comes from such an abandoned attempt. */
uint32_t jit_fp_host_flags(uint32_t mxcsr);

#endif
