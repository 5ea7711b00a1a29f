/* See jit_fp_host.h.  The operation runs in inline assembly between writing and reading MXCSR,
 * so the compiler can neither fold it nor move it away from the flags it raises. */
#include "fast/jit_fp_host.h"

#include <string.h>

#include "core/hart.h"
#include "isa/fpu.h"

#if defined(__x86_64__)

enum { MX_IE = 0x01, MX_ZE = 0x04, MX_OE = 0x08, MX_UE = 0x10, MX_PE = 0x20 };

uint32_t jit_fp_host_flags(uint32_t mxcsr)
{
    return (mxcsr & MX_IE ? FFLAG_NV : 0) | (mxcsr & MX_ZE ? FFLAG_DZ : 0) |
           (mxcsr & MX_OE ? FFLAG_OF : 0) | (mxcsr & MX_PE ? FFLAG_NX : 0);
}

#define HOST_OP(insn, r, x, y) __asm__ volatile(insn " %2, %0" : "=x"(r) : "0"(x), "x"(y))

static bool run_double(enum op op, double x, double y, double *r)
{
    switch (op) {
    case OP_FADD_D: HOST_OP("addsd", *r, x, y); return true;
    case OP_FSUB_D: HOST_OP("subsd", *r, x, y); return true;
    case OP_FMUL_D: HOST_OP("mulsd", *r, x, y); return true;
    case OP_FDIV_D: HOST_OP("divsd", *r, x, y); return true;
    case OP_FSQRT_D: HOST_OP("sqrtsd", *r, y, x); return true;   /* r = sqrt(x) */
    default: return false;
    }
}

static bool run_single(enum op op, float x, float y, float *r)
{
    switch (op) {
    case OP_FADD_S: HOST_OP("addss", *r, x, y); return true;
    case OP_FSUB_S: HOST_OP("subss", *r, x, y); return true;
    case OP_FMUL_S: HOST_OP("mulss", *r, x, y); return true;
    case OP_FDIV_S: HOST_OP("divss", *r, x, y); return true;
    case OP_FSQRT_S: HOST_OP("sqrtss", *r, y, x); return true;
    default: return false;
    }
}

static bool is_double_op(enum op op)
{
    return op == OP_FADD_D || op == OP_FSUB_D || op == OP_FMUL_D || op == OP_FDIV_D || op == OP_FSQRT_D;
}

static bool is_single_op(enum op op)
{
    return op == OP_FADD_S || op == OP_FSUB_S || op == OP_FMUL_S || op == OP_FDIV_S || op == OP_FSQRT_S;
}

bool jit_fp_host(enum op op, uint64_t a, uint64_t b, unsigned rm, unsigned frm, uint64_t *result,
                 uint32_t *fflags)
{
    bool dbl = is_double_op(op);
    if (!dbl && !is_single_op(op))
        return false;
    if ((rm == RM_DYN ? frm : rm) != RM_RNE)
        return false;
    uint32_t mxcsr = JIT_MXCSR_IEEE;
    __asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));
    uint64_t bits, magnitude, min_normal, canonical_nan, exp_mask;
    if (dbl) {
        double x, y, r = 0;
        memcpy(&x, &a, 8);
        memcpy(&y, &b, 8);
        run_double(op, x, y, &r);
        memcpy(&bits, &r, 8);
        magnitude = bits & ~(1ull << 63);
        min_normal = 1ull << 52;
        exp_mask = 0x7ffull << 52;
        canonical_nan = F64_CANONICAL_NAN;
    } else {
        if ((a >> 32) != 0xffffffffu || (op != OP_FSQRT_S && (b >> 32) != 0xffffffffu))
            return false;   /* not NaN-boxed: the operand is the canonical NaN */
        float x, y, r = 0;
        uint32_t a32 = (uint32_t)a, b32 = (uint32_t)b, r32;
        memcpy(&x, &a32, 4);
        memcpy(&y, &b32, 4);
        run_single(op, x, y, &r);
        memcpy(&r32, &r, 4);
        bits = r32;
        magnitude = bits & 0x7fffffffu;
        min_normal = 1ull << 23;
        exp_mask = 0xffull << 23;
        canonical_nan = F32_CANONICAL_NAN;
    }
    __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
    /* Tiny results (subnormal, the smallest normal, or an inexact zero) go to the software FPU:
     * x86 and RISC-V may disagree on underflow there. */
    if ((mxcsr & MX_UE) || magnitude <= min_normal)
        if (magnitude != 0 || (mxcsr & MX_PE))
            return false;
    if ((bits & exp_mask) == exp_mask && (bits & (min_normal - 1)) != 0)
        bits = canonical_nan;   /* RISC-V never propagates NaN payloads */
    *result = dbl ? bits : (0xffffffff00000000ull | bits);
    *fflags |= jit_fp_host_flags(mxcsr);   /* never underflow here: see the test above */
    return true;
}

#else

uint32_t jit_fp_host_flags(uint32_t mxcsr)
{
    (void)mxcsr;
    return 0;
}

bool jit_fp_host(enum op op, uint64_t a, uint64_t b, unsigned rm, unsigned frm, uint64_t *result,
                 uint32_t *fflags)
{
    (void)op, (void)a, (void)b, (void)rm, (void)frm, (void)result, (void)fflags;
    return false;
}

#endif
