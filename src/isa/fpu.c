/* fpu_execute: maps each F/D operation onto the format-generic helpers, handling NaN-boxing and
 * the choice of rounding mode.  The helpers live in fpu_arith.c (host arithmetic),
 * fpu_convert.c, fpu_compare.c and fpu_round.c. */
#include "isa/fpu.h"

#include "isa/fpu_internal.h"
#include "isa/semantics.h"

enum kind {
    K_NONE, K_ADD, K_SUB, K_MUL, K_DIV, K_SQRT, K_FMADD, K_FMSUB, K_FNMSUB, K_FNMADD,
    K_SGNJ, K_SGNJN, K_SGNJX, K_MIN, K_MAX, K_EQ, K_LT, K_LE, K_CLASS,
    K_TO_W, K_TO_WU, K_TO_L, K_TO_LU, K_FROM_W, K_FROM_WU, K_FROM_L, K_FROM_LU,
    K_MV_TO_X, K_MV_FROM_X, K_CVT_FMT,
};

/* What each operation does and in which format; `dbl` is the format of its f operands, except
 * for K_CVT_FMT where it is the destination format. */
static const struct {
    uint8_t kind;
    bool dbl;
} ops[OP_COUNT] = {
#define BOTH(S, D, k) [OP_##S] = { k, false }, [OP_##D] = { k, true }
    BOTH(FADD_S, FADD_D, K_ADD),           BOTH(FSUB_S, FSUB_D, K_SUB),
    BOTH(FMUL_S, FMUL_D, K_MUL),           BOTH(FDIV_S, FDIV_D, K_DIV),
    BOTH(FSQRT_S, FSQRT_D, K_SQRT),        BOTH(FMADD_S, FMADD_D, K_FMADD),
    BOTH(FMSUB_S, FMSUB_D, K_FMSUB),       BOTH(FNMSUB_S, FNMSUB_D, K_FNMSUB),
    BOTH(FNMADD_S, FNMADD_D, K_FNMADD),    BOTH(FSGNJ_S, FSGNJ_D, K_SGNJ),
    BOTH(FSGNJN_S, FSGNJN_D, K_SGNJN),     BOTH(FSGNJX_S, FSGNJX_D, K_SGNJX),
    BOTH(FMIN_S, FMIN_D, K_MIN),           BOTH(FMAX_S, FMAX_D, K_MAX),
    BOTH(FEQ_S, FEQ_D, K_EQ),              BOTH(FLT_S, FLT_D, K_LT),
    BOTH(FLE_S, FLE_D, K_LE),              BOTH(FCLASS_S, FCLASS_D, K_CLASS),
    BOTH(FCVT_W_S, FCVT_W_D, K_TO_W),      BOTH(FCVT_WU_S, FCVT_WU_D, K_TO_WU),
    BOTH(FCVT_L_S, FCVT_L_D, K_TO_L),      BOTH(FCVT_LU_S, FCVT_LU_D, K_TO_LU),
    BOTH(FCVT_S_W, FCVT_D_W, K_FROM_W),    BOTH(FCVT_S_WU, FCVT_D_WU, K_FROM_WU),
    BOTH(FCVT_S_L, FCVT_D_L, K_FROM_L),    BOTH(FCVT_S_LU, FCVT_D_LU, K_FROM_LU),
    BOTH(FMV_X_W, FMV_X_D, K_MV_TO_X),     BOTH(FMV_W_X, FMV_D_X, K_MV_FROM_X),
    BOTH(FCVT_S_D, FCVT_D_S, K_CVT_FMT),
#undef BOTH
};

/* Operations whose rm field is a rounding mode (the rest use funct3 for something else). */
static bool uses_rounding_mode(enum kind k)
{
    return (k >= K_ADD && k <= K_FNMADD) || (k >= K_TO_W && k <= K_FROM_LU) || k == K_CVT_FMT;
}

static uint64_t execute(enum kind k, const struct fp_format *f, uint64_t a, uint64_t b, uint64_t c,
                        unsigned rm, uint32_t *flags)
{
    uint64_t s = fp_sign_bit(f);
    switch (k) {
    case K_ADD: return fpu_arith(f, FA_ADD, a, b, 0, rm, flags);
    case K_SUB: return fpu_arith(f, FA_SUB, a, b, 0, rm, flags);
    case K_MUL: return fpu_arith(f, FA_MUL, a, b, 0, rm, flags);
    case K_DIV: return fpu_arith(f, FA_DIV, a, b, 0, rm, flags);
    case K_SQRT: return fpu_arith(f, FA_SQRT, a, 0, 0, rm, flags);
    /* Negating an operand is exact, so each variant is one fused a*b+c. */
    case K_FMADD: return fpu_arith(f, FA_FMA, a, b, c, rm, flags);
    case K_FMSUB: return fpu_arith(f, FA_FMA, a, b, c ^ s, rm, flags);
    case K_FNMSUB: return fpu_arith(f, FA_FMA, a ^ s, b, c, rm, flags);
    case K_FNMADD: return fpu_arith(f, FA_FMA, a ^ s, b, c ^ s, rm, flags);
    case K_SGNJ: return fpu_sign_inject(f, SGNJ_COPY, a, b);
    case K_SGNJN: return fpu_sign_inject(f, SGNJ_NEGATE, a, b);
    case K_SGNJX: return fpu_sign_inject(f, SGNJ_XOR, a, b);
    case K_MIN: return fpu_min_max(f, false, a, b, flags);
    case K_MAX: return fpu_min_max(f, true, a, b, flags);
    case K_EQ: return fpu_compare(f, CMP_EQ, a, b, flags);
    case K_LT: return fpu_compare(f, CMP_LT, a, b, flags);
    case K_LE: return fpu_compare(f, CMP_LE, a, b, flags);
    case K_CLASS: return fpu_classify(f, a);
    case K_TO_W: return fpu_to_int(f, a, 32, true, rm, flags);
    case K_TO_WU: return fpu_to_int(f, a, 32, false, rm, flags);
    case K_TO_L: return fpu_to_int(f, a, 64, true, rm, flags);
    case K_TO_LU: return fpu_to_int(f, a, 64, false, rm, flags);
    case K_FROM_W: return fpu_from_int(f, a, 32, true, rm, flags);
    case K_FROM_WU: return fpu_from_int(f, a, 32, false, rm, flags);
    case K_FROM_L: return fpu_from_int(f, a, 64, true, rm, flags);
    case K_FROM_LU: return fpu_from_int(f, a, 64, false, rm, flags);
    case K_CVT_FMT: return fpu_convert_format(f == &FP64 ? &FP32 : &FP64, f, a, rm, flags);
    default: return 0;
    }
}

bool fpu_execute(enum op op, uint64_t a, uint64_t b, uint64_t c, unsigned rm, unsigned frm,
                 uint64_t *result, uint32_t *fflags)
{
    if ((unsigned)op >= OP_COUNT || ops[op].kind == K_NONE)
        return false;
    enum kind k = ops[op].kind;
    bool dbl = ops[op].dbl;

    if (uses_rounding_mode(k)) {
        if (rm == RM_DYN)
            rm = frm;
        if (rm > RM_RMM)
            return false;
    }

    /* Moves copy bits: fmv.x.w sign-extends without unboxing, fmv.w.x boxes. */
    if (k == K_MV_TO_X) {
        *result = dbl ? a : sext32(a);
        return true;
    }
    if (k == K_MV_FROM_X) {
        *result = dbl ? a : f32_box((uint32_t)a);
        return true;
    }

    /* f operands of single-precision operations are NaN-unboxed; x operands (int-to-float) and
     * the double operand of fcvt.s.d are taken as they are. */
    bool x_operand = k >= K_FROM_W && k <= K_FROM_LU;
    bool single_in = k == K_CVT_FMT ? dbl : !dbl;
    if (single_in && !x_operand) {
        a = f32_unbox(a);
        b = f32_unbox(b);
        c = f32_unbox(c);
    }
    const struct fp_format *f = dbl ? &FP64 : &FP32;
    uint64_t r = execute(k, f, a, b, c, rm, fflags);

    /* Single results going to an f register are boxed. */
    bool x_result = (k >= K_EQ && k <= K_TO_LU);
    *result = !dbl && !x_result ? f32_box((uint32_t)r) : r;
    return true;
}
