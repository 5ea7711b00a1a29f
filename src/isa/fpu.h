/* RISC-V F and D semantics on the host FPU, with every place the two differ handled explicitly:
 * canonical NaN, NaN-boxing, static/dynamic rounding, accrued flags, saturating conversions,
 * fmin/fmax NaN rules, fclass. */
#ifndef SNAPSIM_ISA_FPU_H
#define SNAPSIM_ISA_FPU_H

#include <stdbool.h>
#include <stdint.h>

#include "isa/insn.h"

#define F32_CANONICAL_NAN 0x7fc00000u
#define F64_CANONICAL_NAN 0x7ff8000000000000ull

/* NaN-boxes a single-precision value for an f register. */
static inline uint64_t f32_box(uint32_t v) { return 0xffffffff00000000ull | v; }
/* Reads a single from an f register: an improperly boxed value reads as the canonical NaN. */
static inline uint32_t f32_unbox(uint64_t v)
{
    return (v >> 32) == 0xffffffffu ? (uint32_t)v : F32_CANONICAL_NAN;
}

/* Executes one operation of class F3, F4, F1, FCMP, F2X or X2F.
 *   a, b, c  operand values: f-register bits (rs1, rs2, rs3), or the x-register value for X2F.
 *   rm       the instruction's rounding-mode field; RM_DYN selects frm.
 *   result   the value for rd: NaN-boxed bits for an f destination, the sign-extended integer
 *            for an x destination.
 *   fflags   exceptions raised are ORed in (FFLAG_*).
 * Returns false when the rounding mode is reserved (5, 6, or DYN with frm > 4): the instruction
 * is then illegal and nothing is written. */
bool fpu_execute(enum op op, uint64_t a, uint64_t b, uint64_t c, unsigned rm, unsigned frm,
                 uint64_t *result, uint32_t *fflags);

#endif
