/* FPU tests: exact result bits and flags of fpu_execute for edge values in every rounding mode.
 * Expected values follow the RISC-V spec and agree with qemu-riscv64. */
#include <fenv.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "core/hart.h"
#include "isa/fpu.h"

/* ---- values ---- */

#define S(bits) (0xffffffff00000000ull | (bits)) /* a NaN-boxed single */

#define S_P0 S(0x00000000)
#define S_N0 S(0x80000000)
#define S_ONE S(0x3f800000)
#define S_MONE S(0xbf800000)
#define S_ONEP S(0x3f800001)    /* 1 + 2^-23 */
#define S_BELOW1 S(0x3f7fffff)  /* 1 - 2^-24 */
#define S_HALF S(0x3f000000)
#define S_MHALF S(0xbf000000)
#define S_TWO S(0x40000000)
#define S_THREE S(0x40400000)
#define S_EPS S(0x33800000)     /* 2^-24: half an ulp of 1 */
#define S_MINSUB S(0x00000001)
#define S_NMINSUB S(0x80000001)
#define S_MAXSUB S(0x007fffff)
#define S_MINNORM S(0x00800000)
#define S_MAX S(0x7f7fffff)
#define S_NMAX S(0xff7fffff)
#define S_INF S(0x7f800000)
#define S_NINF S(0xff800000)
#define S_QNAN S(0x7fc00000)
#define S_QNANP S(0x7fc12345)   /* quiet, with a payload */
#define S_NQNAN S(0xffc00000)   /* x86's default NaN */
#define S_SNAN S(0x7f800001)
#define S_NSNAN S(0xffa00000)

#define D_P0 0x0000000000000000ull
#define D_N0 0x8000000000000000ull
#define D_ONE 0x3ff0000000000000ull
#define D_MONE 0xbff0000000000000ull
#define D_ONEP 0x3ff0000000000001ull
#define D_BELOW1 0x3fefffffffffffffull
#define D_HALF 0x3fe0000000000000ull
#define D_TWO 0x4000000000000000ull
#define D_THREE 0x4008000000000000ull
#define D_EPS 0x3ca0000000000000ull    /* 2^-53 */
#define D_MINSUB 0x0000000000000001ull
#define D_NMINSUB 0x8000000000000001ull
#define D_MAXSUB 0x000fffffffffffffull
#define D_MINNORM 0x0010000000000000ull
#define D_MAX 0x7fefffffffffffffull
#define D_NMAX 0xffefffffffffffffull
#define D_INF 0x7ff0000000000000ull
#define D_NINF 0xfff0000000000000ull
#define D_QNAN 0x7ff8000000000000ull
#define D_QNANP 0x7ff8000000012345ull
#define D_NQNAN 0xfff8000000000000ull
#define D_SNAN 0x7ff0000000000001ull

#define S_CNAN S(F32_CANONICAL_NAN)
#define D_CNAN F64_CANONICAL_NAN

/* Flag shorthands. */
#define NX FFLAG_NX
#define UF FFLAG_UF
#define OF FFLAG_OF
#define DZ FFLAG_DZ
#define NV FFLAG_NV

/* ---- table runner ---- */

struct fcase {
    enum op op;
    unsigned rm;
    uint64_t a, b, c;
    uint64_t want;
    uint32_t flags;
    int line;
};

/* Operands a, b, c (unused ones 0), static rounding mode rm, expected result and flags. */
#define C3(op, rm, a, b, c, want, flags) { OP_##op, RM_##rm, a, b, c, want, flags, __LINE__ }
#define C2(op, rm, a, b, want, flags) C3(op, rm, a, b, 0, want, flags)
#define C1(op, rm, a, want, flags) C3(op, rm, a, 0, 0, want, flags)

/* Runs each case with its rounding mode both static and through frm, reporting every
 * mismatch before failing. */
static void run_cases(const struct fcase *cases, size_t n)
{
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        const struct fcase *t = &cases[i];
        for (int dynamic = 0; dynamic < 2; dynamic++) {
            uint64_t result = 0xdeadbeef;
            uint32_t flags = 0;
            bool ok = dynamic ? fpu_execute(t->op, t->a, t->b, t->c, RM_DYN, t->rm, &result, &flags)
                              : fpu_execute(t->op, t->a, t->b, t->c, t->rm, RM_RNE, &result, &flags);
            if (!ok || result != t->want || flags != t->flags) {
                print_error("line %d (%s rm): got %s%016" PRIx64 " flags %02x, want %016" PRIx64
                            " flags %02x\n", t->line, dynamic ? "dynamic" : "static",
                            ok ? "" : "ILLEGAL ", result, flags, t->want, t->flags);
                failures++;
            }
        }
    }
    assert_int_equal(failures, 0);
}
#define RUN(table) run_cases(table, sizeof(table) / sizeof((table)[0]))

/* ---- arithmetic ---- */

static void test_arith_single(void **state)
{
    (void)state;
    static const struct fcase cases[] = {
        C2(FADD_S, RNE, S_ONE, S_TWO, S(0x40400000), 0),
        C2(FSUB_S, RNE, S_ONE, S_THREE, S(0xc0000000), 0),
        C2(FMUL_S, RNE, S_THREE, S_MHALF, S(0xbfc00000), 0),
        C2(FDIV_S, RNE, S_ONE, S_THREE, S(0x3eaaaaab), NX),
        C2(FDIV_S, RTZ, S_ONE, S_THREE, S(0x3eaaaaaa), NX),
        C2(FDIV_S, RDN, S_ONE, S_THREE, S(0x3eaaaaaa), NX),
        C2(FDIV_S, RUP, S_ONE, S_THREE, S(0x3eaaaaab), NX),
        C2(FDIV_S, RMM, S_ONE, S_THREE, S(0x3eaaaaab), NX),
        C2(FDIV_S, RDN, S_MONE, S_THREE, S(0xbeaaaaab), NX),
        C2(FDIV_S, RUP, S_MONE, S_THREE, S(0xbeaaaaaa), NX),
        /* 1 + half an ulp: a tie, to even in RNE, away from zero in RMM */
        C2(FADD_S, RNE, S_ONE, S_EPS, S_ONE, NX),
        C2(FADD_S, RTZ, S_ONE, S_EPS, S_ONE, NX),
        C2(FADD_S, RDN, S_ONE, S_EPS, S_ONE, NX),
        C2(FADD_S, RUP, S_ONE, S_EPS, S_ONEP, NX),
        C2(FADD_S, RMM, S_ONE, S_EPS, S_ONEP, NX),
        /* (1 + ulp) + half an ulp: the tie now goes up in RNE too */
        C2(FADD_S, RNE, S_ONEP, S_EPS, S(0x3f800002), NX),
        C2(FADD_S, RMM, S_ONEP, S_EPS, S(0x3f800002), NX),
        C2(FADD_S, RTZ, S_ONEP, S_EPS, S_ONEP, NX),
        /* negative ties */
        C2(FSUB_S, RNE, S_MONE, S_EPS, S_MONE, NX),
        C2(FSUB_S, RMM, S_MONE, S_EPS, S(0xbf800001), NX),
        C2(FSUB_S, RDN, S_MONE, S_EPS, S(0xbf800001), NX),
        C2(FSUB_S, RUP, S_MONE, S_EPS, S_MONE, NX),
        /* a rounding that is not a tie: RMM agrees with RNE */
        C2(FADD_S, RMM, S_ONE, S(0x33800001), S_ONEP, NX),
        C2(FADD_S, RMM, S_ONE, S(0x337fffff), S_ONE, NX),
        /* signed zeros */
        C2(FSUB_S, RNE, S_ONE, S_ONE, S_P0, 0),
        C2(FSUB_S, RMM, S_ONE, S_ONE, S_P0, 0),
        C2(FSUB_S, RDN, S_ONE, S_ONE, S_N0, 0),
        C2(FADD_S, RNE, S_N0, S_N0, S_N0, 0),
        C2(FADD_S, RNE, S_N0, S_P0, S_P0, 0),
        C2(FADD_S, RDN, S_N0, S_P0, S_N0, 0),
        C2(FMUL_S, RNE, S_N0, S_THREE, S_N0, 0),
        /* invalid operations */
        C2(FADD_S, RNE, S_INF, S_NINF, S_CNAN, NV),
        C2(FADD_S, RMM, S_INF, S_NINF, S_CNAN, NV),
        C2(FMUL_S, RNE, S_P0, S_NINF, S_CNAN, NV),
        C2(FDIV_S, RNE, S_N0, S_P0, S_CNAN, NV),
        C2(FDIV_S, RNE, S_INF, S_INF, S_CNAN, NV),
        /* division by zero, and infinities that are exact */
        C2(FDIV_S, RNE, S_ONE, S_P0, S_INF, DZ),
        C2(FDIV_S, RMM, S_ONE, S_N0, S_NINF, DZ),
        C2(FDIV_S, RNE, S_INF, S_P0, S_INF, 0),
        C2(FADD_S, RNE, S_INF, S_MAX, S_INF, 0),
        C2(FDIV_S, RNE, S_ONE, S_INF, S_P0, 0),
        /* NaN operands: the canonical NaN, NV only for a signalling NaN */
        C2(FADD_S, RNE, S_QNANP, S_ONE, S_CNAN, 0),
        C2(FADD_S, RNE, S_ONE, S_NQNAN, S_CNAN, 0),
        C2(FMUL_S, RNE, S_SNAN, S_ONE, S_CNAN, NV),
        C2(FSUB_S, RMM, S_QNAN, S_NSNAN, S_CNAN, NV),
        C2(FDIV_S, RNE, S_QNAN, S_P0, S_CNAN, 0),
        C2(FMUL_S, RNE, S_QNAN, S_INF, S_CNAN, 0),
        /* overflow, by rounding mode and sign */
        C2(FMUL_S, RNE, S_MAX, S_TWO, S_INF, OF | NX),
        C2(FMUL_S, RTZ, S_MAX, S_TWO, S_MAX, OF | NX),
        C2(FMUL_S, RDN, S_MAX, S_TWO, S_MAX, OF | NX),
        C2(FMUL_S, RUP, S_MAX, S_TWO, S_INF, OF | NX),
        C2(FMUL_S, RMM, S_MAX, S_TWO, S_INF, OF | NX),
        C2(FMUL_S, RTZ, S_NMAX, S_TWO, S_NMAX, OF | NX),
        C2(FMUL_S, RDN, S_NMAX, S_TWO, S_NINF, OF | NX),
        C2(FMUL_S, RUP, S_NMAX, S_TWO, S_NMAX, OF | NX),
        C2(FMUL_S, RMM, S_NMAX, S_TWO, S_NINF, OF | NX),
        C2(FADD_S, RNE, S_MAX, S_ONE, S_MAX, NX),   /* rounds back down: no overflow */
        C2(FADD_S, RUP, S_MAX, S_ONE, S_INF, OF | NX),
        /* underflow: tiny and inexact; an exact subnormal raises nothing */
        C2(FMUL_S, RNE, S_MINNORM, S_HALF, S(0x00400000), 0),
        C2(FSUB_S, RNE, S_MINNORM, S_MINSUB, S_MAXSUB, 0),
        C2(FMUL_S, RNE, S_MINSUB, S_HALF, S_P0, UF | NX),          /* tie to even: 0 */
        C2(FMUL_S, RMM, S_MINSUB, S_HALF, S_MINSUB, UF | NX),      /* tie away: MINSUB */
        C2(FMUL_S, RUP, S_MINSUB, S_HALF, S_MINSUB, UF | NX),
        C2(FMUL_S, RDN, S_MINSUB, S_HALF, S_P0, UF | NX),
        C2(FMUL_S, RDN, S_NMINSUB, S_HALF, S_NMINSUB, UF | NX),
        C2(FMUL_S, RMM, S_NMINSUB, S_HALF, S_NMINSUB, UF | NX),
        C2(FDIV_S, RNE, S(0x00000003), S_TWO, S(0x00000002), UF | NX),   /* 1.5 units: tie to even */
        C2(FDIV_S, RMM, S(0x00000003), S_TWO, S(0x00000002), UF | NX),
        C2(FDIV_S, RTZ, S(0x00000003), S_TWO, S(0x00000001), UF | NX),
        C2(FDIV_S, RMM, S(0x00000005), S_TWO, S(0x00000003), UF | NX),   /* 2.5 units */
        C2(FDIV_S, RNE, S(0x00000005), S_TWO, S(0x00000002), UF | NX),
        C2(FMUL_S, RNE, S_MINNORM, S_BELOW1, S_MINNORM, UF | NX),  /* tiny even after rounding */
        C2(FMUL_S, RTZ, S_MINNORM, S_BELOW1, S_MAXSUB, UF | NX),
        C2(FMUL_S, RMM, S_MINSUB, S_MINSUB, S_P0, UF | NX),
        C2(FMUL_S, RUP, S_MINSUB, S_MINSUB, S_MINSUB, UF | NX),
        /* square root */
        C1(FSQRT_S, RNE, S_TWO, S(0x3fb504f3), NX),
        C1(FSQRT_S, RUP, S_TWO, S(0x3fb504f4), NX),
        C1(FSQRT_S, RMM, S_TWO, S(0x3fb504f3), NX),
        C1(FSQRT_S, RNE, S(0x41100000), S_THREE, 0),
        C1(FSQRT_S, RNE, S_N0, S_N0, 0),
        C1(FSQRT_S, RNE, S_INF, S_INF, 0),
        C1(FSQRT_S, RNE, S_MONE, S_CNAN, NV),
        C1(FSQRT_S, RMM, S_NMINSUB, S_CNAN, NV),
        C1(FSQRT_S, RNE, S_NINF, S_CNAN, NV),
        C1(FSQRT_S, RNE, S_SNAN, S_CNAN, NV),
        C1(FSQRT_S, RNE, S_NQNAN, S_CNAN, 0),
        C1(FSQRT_S, RMM, S_MINSUB, S(0x1a3504f3), NX),       /* 2^-74.5 */
    };
    RUN(cases);
}

static void test_arith_double(void **state)
{
    (void)state;
    static const struct fcase cases[] = {
        C2(FADD_D, RNE, D_ONE, D_TWO, D_THREE, 0),
        C2(FDIV_D, RNE, D_ONE, D_THREE, 0x3fd5555555555555ull, NX),
        C2(FDIV_D, RUP, D_ONE, D_THREE, 0x3fd5555555555556ull, NX),
        C2(FDIV_D, RMM, D_ONE, D_THREE, 0x3fd5555555555555ull, NX),
        C2(FDIV_D, RDN, D_MONE, D_THREE, 0xbfd5555555555556ull, NX),
        /* ties: RMM through the wider format */
        C2(FADD_D, RNE, D_ONE, D_EPS, D_ONE, NX),
        C2(FADD_D, RMM, D_ONE, D_EPS, D_ONEP, NX),
        C2(FADD_D, RUP, D_ONE, D_EPS, D_ONEP, NX),
        C2(FADD_D, RTZ, D_ONE, D_EPS, D_ONE, NX),
        C2(FADD_D, RNE, D_ONEP, D_EPS, 0x3ff0000000000002ull, NX),
        C2(FSUB_D, RMM, D_MONE, D_EPS, 0xbff0000000000001ull, NX),
        C2(FSUB_D, RNE, D_MONE, D_EPS, D_MONE, NX),
        C2(FADD_D, RMM, D_ONE, 0x3c9fffffffffffffull, D_ONE, NX),   /* just below the tie */
        C2(FADD_D, RMM, D_ONE, D_ONE, D_TWO, 0),
        /* signed zeros */
        C2(FSUB_D, RNE, D_ONE, D_ONE, D_P0, 0),
        C2(FSUB_D, RDN, D_ONE, D_ONE, D_N0, 0),
        C2(FSUB_D, RMM, D_ONE, D_ONE, D_P0, 0),
        C2(FADD_D, RNE, D_N0, D_N0, D_N0, 0),
        /* invalid, division by zero, NaNs */
        C2(FSUB_D, RNE, D_INF, D_INF, D_CNAN, NV),
        C2(FMUL_D, RMM, D_INF, D_N0, D_CNAN, NV),
        C2(FDIV_D, RNE, D_P0, D_P0, D_CNAN, NV),
        C2(FDIV_D, RMM, D_P0, D_P0, D_CNAN, NV),
        C2(FDIV_D, RNE, D_MONE, D_P0, D_NINF, DZ),
        C2(FDIV_D, RMM, D_MONE, D_N0, D_INF, DZ),
        C2(FADD_D, RNE, D_QNANP, D_ONE, D_CNAN, 0),
        C2(FADD_D, RNE, D_NQNAN, D_ONE, D_CNAN, 0),
        C2(FADD_D, RMM, D_ONE, D_SNAN, D_CNAN, NV),
        C2(FDIV_D, RNE, D_SNAN, D_QNAN, D_CNAN, NV),
        /* overflow */
        C2(FMUL_D, RNE, D_MAX, D_TWO, D_INF, OF | NX),
        C2(FMUL_D, RTZ, D_MAX, D_TWO, D_MAX, OF | NX),
        C2(FMUL_D, RMM, D_MAX, D_TWO, D_INF, OF | NX),
        C2(FMUL_D, RMM, D_NMAX, D_TWO, D_NINF, OF | NX),
        C2(FMUL_D, RUP, D_NMAX, D_TWO, D_NMAX, OF | NX),
        C2(FADD_D, RMM, D_MAX, 0x7c90000000000000ull, D_INF, OF | NX),   /* MAX + half an ulp: tie away */
        C2(FADD_D, RNE, D_MAX, 0x7c90000000000000ull, D_INF, OF | NX),   /* to even (= up) */
        C2(FADD_D, RNE, D_MAX, 0x7c8fffffffffffffull, D_MAX, NX),
        /* underflow */
        C2(FMUL_D, RNE, D_MINNORM, D_HALF, 0x0008000000000000ull, 0),
        C2(FMUL_D, RNE, D_MINSUB, D_HALF, D_P0, UF | NX),
        C2(FMUL_D, RMM, D_MINSUB, D_HALF, D_MINSUB, UF | NX),
        C2(FMUL_D, RMM, D_NMINSUB, D_HALF, D_NMINSUB, UF | NX),
        C2(FDIV_D, RMM, 0x0000000000000003ull, D_TWO, 0x0000000000000002ull, UF | NX),
        C2(FDIV_D, RMM, 0x0000000000000005ull, D_TWO, 0x0000000000000003ull, UF | NX),
        C2(FDIV_D, RNE, 0x0000000000000005ull, D_TWO, 0x0000000000000002ull, UF | NX),
        C2(FMUL_D, RNE, D_MINNORM, D_BELOW1, D_MINNORM, UF | NX),
        C2(FMUL_D, RMM, D_MINNORM, D_BELOW1, D_MINNORM, UF | NX),
        C2(FMUL_D, RTZ, D_MINNORM, D_BELOW1, D_MAXSUB, UF | NX),
        C2(FMUL_D, RMM, D_MINSUB, D_MINSUB, D_P0, UF | NX),
        /* square root */
        C1(FSQRT_D, RNE, D_TWO, 0x3ff6a09e667f3bcdull, NX),
        C1(FSQRT_D, RUP, D_TWO, 0x3ff6a09e667f3bcdull, NX),   /* RNE rounded up already */
        C1(FSQRT_D, RTZ, D_TWO, 0x3ff6a09e667f3bccull, NX),
        C1(FSQRT_D, RMM, D_TWO, 0x3ff6a09e667f3bcdull, NX),
        C1(FSQRT_D, RMM, 0x4022000000000000ull, D_THREE, 0),
        C1(FSQRT_D, RNE, D_N0, D_N0, 0),
        C1(FSQRT_D, RMM, D_N0, D_N0, 0),
        C1(FSQRT_D, RNE, D_MONE, D_CNAN, NV),
        C1(FSQRT_D, RMM, D_MONE, D_CNAN, NV),
        C1(FSQRT_D, RNE, D_SNAN, D_CNAN, NV),
    };
    RUN(cases);
}

/* ---- fused multiply-add ---- */

static void test_fma(void **state)
{
    (void)state;
    static const struct fcase cases[] = {
        /* a*b+c, a*b-c, -(a*b)+c, -(a*b)-c */
        C3(FMADD_S, RNE, S_TWO, S_THREE, S_ONE, S(0x40e00000), 0),
        C3(FMSUB_S, RNE, S_TWO, S_THREE, S_ONE, S(0x40a00000), 0),
        C3(FNMSUB_S, RNE, S_TWO, S_THREE, S_ONE, S(0xc0a00000), 0),
        C3(FNMADD_S, RNE, S_TWO, S_THREE, S_ONE, S(0xc0e00000), 0),
        C3(FMADD_D, RNE, D_TWO, D_THREE, D_ONE, 0x401c000000000000ull, 0),
        C3(FNMADD_D, RNE, D_TWO, D_THREE, D_ONE, 0xc01c000000000000ull, 0),
        /* one rounding: (1+u)(1-u/2) - 1 = u/2 - u^2/2 exactly (0 with a rounded product) */
        C3(FMADD_S, RNE, S_ONEP, S_BELOW1, S_MONE, S(0x337ffffe), 0),
        C3(FMADD_D, RNE, D_ONEP, D_BELOW1, D_MONE, 0x3c9ffffffffffffeull, 0),
        C3(FNMSUB_D, RNE, D_ONEP, D_BELOW1, D_ONE, 0xbc9ffffffffffffeull, 0),
        /* signs of exact zeros */
        C3(FMADD_S, RNE, S_ONE, S_ONE, S_MONE, S_P0, 0),
        C3(FMADD_S, RDN, S_ONE, S_ONE, S_MONE, S_N0, 0),
        C3(FNMADD_S, RNE, S_ONE, S_ONE, S_MONE, S_P0, 0),    /* -1 + 1 */
        C3(FNMADD_S, RDN, S_ONE, S_ONE, S_MONE, S_N0, 0),
        C3(FMADD_S, RNE, S_P0, S_ONE, S_N0, S_P0, 0),
        C3(FMADD_S, RDN, S_P0, S_ONE, S_N0, S_N0, 0),
        C3(FNMSUB_S, RNE, S_P0, S_ONE, S_N0, S_N0, 0),       /* -0 + -0 */
        C3(FNMADD_S, RNE, S_P0, S_ONE, S_P0, S_N0, 0),
        C3(FMSUB_D, RMM, D_ONE, D_ONE, D_ONE, D_P0, 0),
        C3(FMSUB_D, RDN, D_ONE, D_ONE, D_ONE, D_N0, 0),
        /* ties in every mode */
        C3(FMADD_S, RNE, S_ONE, S_ONE, S_EPS, S_ONE, NX),
        C3(FMADD_S, RMM, S_ONE, S_ONE, S_EPS, S_ONEP, NX),
        C3(FMADD_S, RUP, S_ONE, S_ONE, S_EPS, S_ONEP, NX),
        C3(FNMADD_S, RMM, S_ONE, S_ONE, S_EPS, S(0xbf800001), NX),
        C3(FNMADD_S, RDN, S_ONE, S_ONE, S_EPS, S(0xbf800001), NX),
        C3(FNMADD_S, RUP, S_ONE, S_ONE, S_EPS, S_MONE, NX),
        C3(FMADD_D, RNE, D_ONE, D_ONE, D_EPS, D_ONE, NX),
        C3(FMADD_D, RMM, D_ONE, D_ONE, D_EPS, D_ONEP, NX),
        C3(FMSUB_D, RMM, D_ONE, D_ONE, 0xbca0000000000000ull, D_ONEP, NX),
        C3(FNMSUB_D, RMM, D_ONE, D_ONE, D_EPS, 0xbfefffffffffffffull, 0),  /* exact */
        C3(FMADD_D, RMM, D_ONEP, D_ONEP, D_P0, 0x3ff0000000000002ull, NX), /* 1 + 2u + u^2 */
        /* inf*0 is invalid even when the addend is a quiet NaN */
        C3(FMADD_S, RNE, S_INF, S_P0, S_ONE, S_CNAN, NV),
        C3(FMADD_S, RNE, S_N0, S_NINF, S_QNAN, S_CNAN, NV),
        C3(FMADD_D, RNE, D_INF, D_P0, D_QNANP, D_CNAN, NV),
        C3(FMADD_D, RMM, D_P0, D_INF, D_QNAN, D_CNAN, NV),
        C3(FMADD_S, RNE, S_INF, S_ONE, S_NINF, S_CNAN, NV),
        C3(FMSUB_S, RNE, S_INF, S_ONE, S_INF, S_CNAN, NV),
        C3(FMADD_S, RNE, S_INF, S_ONE, S_INF, S_INF, 0),
        C3(FNMADD_D, RNE, D_INF, D_ONE, D_INF, D_NINF, 0),
        /* NaN operands */
        C3(FMADD_S, RNE, S_QNANP, S_ONE, S_ONE, S_CNAN, 0),
        C3(FMADD_S, RNE, S_ONE, S_ONE, S_SNAN, S_CNAN, NV),
        C3(FNMADD_D, RNE, D_ONE, D_SNAN, D_QNAN, D_CNAN, NV),
        C3(FMADD_D, RMM, D_QNAN, D_ONE, D_ONE, D_CNAN, 0),
        /* overflow and underflow */
        C3(FMADD_S, RNE, S_MAX, S_TWO, S_NMAX, S_MAX, 0),     /* exact: no intermediate overflow */
        C3(FMADD_D, RMM, D_MAX, D_TWO, D_NMAX, D_MAX, 0),
        C3(FMADD_S, RTZ, S_MAX, S_TWO, S_ONE, S_MAX, OF | NX),
        C3(FMADD_D, RMM, D_MAX, D_TWO, D_ONE, D_INF, OF | NX),
        C3(FMADD_S, RNE, S_MINSUB, S_HALF, S_P0, S_P0, UF | NX),
        C3(FMADD_S, RMM, S_MINSUB, S_HALF, S_N0, S_MINSUB, UF | NX),
        C3(FMADD_D, RMM, D_MINSUB, D_HALF, D_N0, D_MINSUB, UF | NX),
        /* tininess after rounding: MINNORM - MINSUB/8 rounds up to MINNORM with an unbounded
         * exponent (no UF) except toward zero or down */
        C3(FMADD_S, RNE, S_MINSUB, S(0xbe000000), S_MINNORM, S_MINNORM, NX),
        C3(FMADD_S, RMM, S_MINSUB, S(0xbe000000), S_MINNORM, S_MINNORM, NX),
        C3(FMADD_S, RTZ, S_MINSUB, S(0xbe000000), S_MINNORM, S_MAXSUB, UF | NX),
        C3(FMADD_D, RNE, D_MINSUB, 0xbfc0000000000000ull, D_MINNORM, D_MINNORM, NX),
        C3(FMADD_D, RMM, D_MINSUB, 0xbfc0000000000000ull, D_MINNORM, D_MINNORM, NX),
        C3(FMADD_D, RDN, D_MINSUB, 0xbfc0000000000000ull, D_MINNORM, D_MAXSUB, UF | NX),
    };
    RUN(cases);
}

/* ---- operations that never round ---- */

static void test_min_max(void **state)
{
    (void)state;
    static const struct fcase cases[] = {
        C2(FMIN_S, RNE, S_ONE, S_TWO, S_ONE, 0),
        C2(FMAX_S, RNE, S_ONE, S_TWO, S_TWO, 0),
        C2(FMIN_S, RNE, S_MONE, S_ONE, S_MONE, 0),
        C2(FMIN_S, RNE, S_P0, S_N0, S_N0, 0),
        C2(FMIN_S, RNE, S_N0, S_P0, S_N0, 0),
        C2(FMAX_S, RNE, S_N0, S_P0, S_P0, 0),
        C2(FMAX_S, RNE, S_P0, S_N0, S_P0, 0),
        C2(FMIN_S, RNE, S_NINF, S_NMAX, S_NINF, 0),
        C2(FMAX_S, RNE, S_MINSUB, S_NMINSUB, S_MINSUB, 0),
        /* one NaN: the other operand; both: the canonical NaN; any sNaN: NV */
        C2(FMIN_S, RNE, S_QNANP, S_ONE, S_ONE, 0),
        C2(FMAX_S, RNE, S_MONE, S_NQNAN, S_MONE, 0),
        C2(FMIN_S, RNE, S_SNAN, S_ONE, S_ONE, NV),
        C2(FMAX_S, RNE, S_ONE, S_NSNAN, S_ONE, NV),
        C2(FMIN_S, RNE, S_QNANP, S_NQNAN, S_CNAN, 0),
        C2(FMAX_S, RNE, S_SNAN, S_QNAN, S_CNAN, NV),
        C2(FMIN_D, RNE, D_ONE, D_MONE, D_MONE, 0),
        C2(FMAX_D, RNE, D_N0, D_P0, D_P0, 0),
        C2(FMIN_D, RNE, D_P0, D_N0, D_N0, 0),
        C2(FMIN_D, RNE, D_QNANP, D_TWO, D_TWO, 0),
        C2(FMAX_D, RNE, D_SNAN, D_NINF, D_NINF, NV),
        C2(FMAX_D, RNE, D_QNANP, D_SNAN, D_CNAN, NV),
        C2(FMIN_D, RNE, D_NQNAN, D_QNAN, D_CNAN, 0),
    };
    RUN(cases);
}

static void test_compare(void **state)
{
    (void)state;
    static const struct fcase cases[] = {
        C2(FEQ_S, RNE, S_ONE, S_ONE, 1, 0),
        C2(FEQ_S, RNE, S_ONE, S_TWO, 0, 0),
        C2(FEQ_S, RNE, S_N0, S_P0, 1, 0),
        C2(FLT_S, RNE, S_N0, S_P0, 0, 0),
        C2(FLE_S, RNE, S_N0, S_P0, 1, 0),
        C2(FLE_S, RNE, S_P0, S_N0, 1, 0),
        C2(FLT_S, RNE, S_MONE, S_ONE, 1, 0),
        C2(FLT_S, RNE, S(0xc0000000), S_MONE, 1, 0),
        C2(FLT_S, RNE, S_MONE, S(0xc0000000), 0, 0),
        C2(FLT_S, RNE, S_NINF, S_INF, 1, 0),
        C2(FLE_S, RNE, S_TWO, S_ONE, 0, 0),
        C2(FLT_S, RNE, S_NMINSUB, S_MINSUB, 1, 0),
        /* feq is quiet: NV only for a signalling NaN; flt/fle signal on any NaN */
        C2(FEQ_S, RNE, S_QNAN, S_ONE, 0, 0),
        C2(FEQ_S, RNE, S_QNAN, S_QNAN, 0, 0),
        C2(FEQ_S, RNE, S_ONE, S_SNAN, 0, NV),
        C2(FLT_S, RNE, S_QNAN, S_ONE, 0, NV),
        C2(FLE_S, RNE, S_ONE, S_QNANP, 0, NV),
        C2(FLE_S, RNE, S_SNAN, S_SNAN, 0, NV),
        C2(FEQ_D, RNE, D_ONE, D_ONE, 1, 0),
        C2(FEQ_D, RNE, D_P0, D_N0, 1, 0),
        C2(FLT_D, RNE, D_MONE, D_N0, 1, 0),
        C2(FLT_D, RNE, D_NMAX, D_NINF, 0, 0),
        C2(FLE_D, RNE, D_MAX, D_INF, 1, 0),
        C2(FEQ_D, RNE, D_QNAN, D_QNAN, 0, 0),
        C2(FEQ_D, RNE, D_SNAN, D_ONE, 0, NV),
        C2(FLT_D, RNE, D_ONE, D_QNAN, 0, NV),
        C2(FLE_D, RNE, D_NQNAN, D_ONE, 0, NV),
    };
    RUN(cases);
}

static void test_classify(void **state)
{
    (void)state;
    static const struct fcase cases[] = {
        C1(FCLASS_S, RNE, S_NINF, 1 << 0, 0),
        C1(FCLASS_S, RNE, S_MONE, 1 << 1, 0),
        C1(FCLASS_S, RNE, S_NMINSUB, 1 << 2, 0),
        C1(FCLASS_S, RNE, S_N0, 1 << 3, 0),
        C1(FCLASS_S, RNE, S_P0, 1 << 4, 0),
        C1(FCLASS_S, RNE, S_MAXSUB, 1 << 5, 0),
        C1(FCLASS_S, RNE, S_MINNORM, 1 << 6, 0),
        C1(FCLASS_S, RNE, S_MAX, 1 << 6, 0),
        C1(FCLASS_S, RNE, S_INF, 1 << 7, 0),
        C1(FCLASS_S, RNE, S_SNAN, 1 << 8, 0),
        C1(FCLASS_S, RNE, S_NSNAN, 1 << 8, 0),
        C1(FCLASS_S, RNE, S_QNAN, 1 << 9, 0),
        C1(FCLASS_S, RNE, S_NQNAN, 1 << 9, 0),
        C1(FCLASS_S, RNE, 0x000000003f800000ull, 1 << 9, 0),   /* improperly boxed */
        C1(FCLASS_D, RNE, D_NINF, 1 << 0, 0),
        C1(FCLASS_D, RNE, D_NMAX, 1 << 1, 0),
        C1(FCLASS_D, RNE, D_NMINSUB, 1 << 2, 0),
        C1(FCLASS_D, RNE, D_N0, 1 << 3, 0),
        C1(FCLASS_D, RNE, D_P0, 1 << 4, 0),
        C1(FCLASS_D, RNE, D_MAXSUB, 1 << 5, 0),
        C1(FCLASS_D, RNE, D_ONE, 1 << 6, 0),
        C1(FCLASS_D, RNE, D_INF, 1 << 7, 0),
        C1(FCLASS_D, RNE, D_SNAN, 1 << 8, 0),
        C1(FCLASS_D, RNE, D_QNANP, 1 << 9, 0),
    };
    RUN(cases);
}

static void test_sign_inject(void **state)
{
    (void)state;
    static const struct fcase cases[] = {
        C2(FSGNJ_S, RNE, S_ONE, S(0xc0000000), S_MONE, 0),
        C2(FSGNJ_S, RNE, S_MONE, S_TWO, S_ONE, 0),
        C2(FSGNJN_S, RNE, S_ONE, S(0xc0000000), S_ONE, 0),
        C2(FSGNJN_S, RNE, S_ONE, S_ONE, S_MONE, 0),
        C2(FSGNJX_S, RNE, S_MONE, S(0xc0000000), S_ONE, 0),
        C2(FSGNJX_S, RNE, S_MONE, S_TWO, S_MONE, 0),
        /* no flags and no canonicalisation, even for signalling NaNs */
        C2(FSGNJN_S, RNE, S_SNAN, S_P0, S(0xff800001), 0),
        C2(FSGNJ_S, RNE, S_QNANP, S_NSNAN, S(0xffc12345), 0),
        C2(FSGNJX_D, RNE, D_SNAN, D_MONE, 0xfff0000000000001ull, 0),
        C2(FSGNJ_D, RNE, D_ONE, D_N0, D_MONE, 0),
        C2(FSGNJN_D, RNE, D_INF, D_INF, D_NINF, 0),
        /* an improperly boxed operand reads as the canonical NaN (sign +) */
        C2(FSGNJ_S, RNE, 0x000000003f800000ull, S_MONE, S(0xffc00000), 0),
        C2(FSGNJ_S, RNE, S_MONE, 0x00000000bf800000ull, S_ONE, 0),
        C2(FSGNJN_S, RNE, 0xfffffffe3f800000ull, S_P0, S(0xffc00000), 0),
    };
    RUN(cases);
}

/* ---- conversions ---- */

static void test_float_to_int(void **state)
{
    (void)state;
    static const struct fcase cases[] = {
        /* 2.5 and -2.5 in every mode */
        C1(FCVT_W_S, RNE, S(0x40200000), 2, NX),
        C1(FCVT_W_S, RTZ, S(0x40200000), 2, NX),
        C1(FCVT_W_S, RDN, S(0x40200000), 2, NX),
        C1(FCVT_W_S, RUP, S(0x40200000), 3, NX),
        C1(FCVT_W_S, RMM, S(0x40200000), 3, NX),
        C1(FCVT_W_S, RNE, S(0xc0200000), (uint64_t)-2, NX),
        C1(FCVT_W_S, RTZ, S(0xc0200000), (uint64_t)-2, NX),
        C1(FCVT_W_S, RDN, S(0xc0200000), (uint64_t)-3, NX),
        C1(FCVT_W_S, RUP, S(0xc0200000), (uint64_t)-2, NX),
        C1(FCVT_W_S, RMM, S(0xc0200000), (uint64_t)-3, NX),
        C1(FCVT_L_D, RNE, 0x3ff8000000000000ull, 2, NX),      /* 1.5 */
        C1(FCVT_L_D, RMM, 0x3fe0000000000000ull, 1, NX),      /* 0.5 */
        C1(FCVT_L_D, RNE, 0x3fe0000000000000ull, 0, NX),
        C1(FCVT_L_D, RNE, 0x3fe0000000000001ull, 1, NX),
        C1(FCVT_L_S, RNE, S_MINSUB, 0, NX),
        C1(FCVT_L_S, RUP, S_MINSUB, 1, NX),
        C1(FCVT_L_S, RDN, S_NMINSUB, (uint64_t)-1, NX),
        C1(FCVT_W_S, RNE, S_N0, 0, 0),
        /* fcvt.w: [-2^31, 2^31-1] */
        C1(FCVT_W_S, RTZ, S(0x4effffff), 0x7fffff80, 0),              /* largest single < 2^31 */
        C1(FCVT_W_S, RTZ, S(0x4f000000), 0x7fffffff, NV),             /* 2^31 */
        C1(FCVT_W_S, RTZ, S(0xcf000000), 0xffffffff80000000ull, 0),   /* -2^31 */
        C1(FCVT_W_S, RTZ, S(0xcf000001), 0xffffffff80000000ull, NV),
        C1(FCVT_W_D, RTZ, 0x41dfffffffc00000ull, 0x7fffffff, 0),      /* 2^31-1 */
        C1(FCVT_W_D, RTZ, 0x41dfffffffe00000ull, 0x7fffffff, NX),     /* 2^31-0.5 */
        C1(FCVT_W_D, RNE, 0x41dfffffffe00000ull, 0x7fffffff, NV),     /* rounds to 2^31 */
        C1(FCVT_W_D, RMM, 0x41dfffffffe00000ull, 0x7fffffff, NV),
        C1(FCVT_W_D, RNE, 0xc1e0000000100000ull, 0xffffffff80000000ull, NX), /* -2^31-0.5: to even */
        C1(FCVT_W_D, RDN, 0xc1e0000000100000ull, 0xffffffff80000000ull, NV),
        C1(FCVT_W_D, RMM, 0xc1e0000000100000ull, 0xffffffff80000000ull, NV),
        C1(FCVT_W_S, RNE, S_QNAN, 0x7fffffff, NV),
        C1(FCVT_W_S, RNE, S_NQNAN, 0x7fffffff, NV),
        C1(FCVT_W_S, RNE, S_INF, 0x7fffffff, NV),
        C1(FCVT_W_S, RNE, S_NINF, 0xffffffff80000000ull, NV),
        C1(FCVT_W_D, RNE, D_SNAN, 0x7fffffff, NV),
        /* fcvt.wu: [0, 2^32-1], sign-extended from 32 bits */
        C1(FCVT_WU_D, RTZ, 0x41efffffffe00000ull, 0xffffffffffffffffull, 0),   /* 2^32-1 */
        C1(FCVT_WU_D, RTZ, 0x41f0000000000000ull, 0xffffffffffffffffull, NV),  /* 2^32 */
        C1(FCVT_WU_S, RTZ, S(0x4f7fffff), 0xffffffffffffff00ull, 0),           /* 2^32-256 */
        C1(FCVT_WU_S, RTZ, S(0x4f000000), 0xffffffff80000000ull, 0),           /* 2^31 */
        C1(FCVT_WU_S, RTZ, S(0x3fc00000), 1, NX),
        C1(FCVT_WU_S, RTZ, S_MONE, 0, NV),
        C1(FCVT_WU_S, RNE, S_MHALF, 0, NX),    /* rounds to -0: in range */
        C1(FCVT_WU_S, RTZ, S_MHALF, 0, NX),
        C1(FCVT_WU_S, RUP, S_MHALF, 0, NX),
        C1(FCVT_WU_S, RDN, S_MHALF, 0, NV),    /* rounds to -1 */
        C1(FCVT_WU_S, RMM, S_MHALF, 0, NV),
        C1(FCVT_WU_S, RNE, S_N0, 0, 0),
        C1(FCVT_WU_S, RNE, S_QNAN, 0xffffffffffffffffull, NV),
        C1(FCVT_WU_S, RNE, S_INF, 0xffffffffffffffffull, NV),
        C1(FCVT_WU_S, RNE, S_NINF, 0, NV),
        /* fcvt.l: [-2^63, 2^63-1] */
        C1(FCVT_L_S, RTZ, S(0x5effffff), 0x7fffff8000000000ull, 0),
        C1(FCVT_L_S, RTZ, S(0x5f000000), 0x7fffffffffffffffull, NV),   /* 2^63 */
        C1(FCVT_L_S, RTZ, S(0xdf000000), 0x8000000000000000ull, 0),    /* -2^63 */
        C1(FCVT_L_D, RTZ, 0x43dfffffffffffffull, 0x7ffffffffffffc00ull, 0),
        C1(FCVT_L_D, RTZ, 0xc3e0000000000001ull, 0x8000000000000000ull, NV),
        C1(FCVT_L_D, RNE, 0x7e37e43c8800759cull, 0x7fffffffffffffffull, NV), /* 1e300 */
        C1(FCVT_L_D, RNE, D_QNAN, 0x7fffffffffffffffull, NV),
        C1(FCVT_L_D, RNE, D_NINF, 0x8000000000000000ull, NV),
        /* fcvt.lu: [0, 2^64-1] */
        C1(FCVT_LU_S, RTZ, S(0x5f7fffff), 0xffffff0000000000ull, 0),
        C1(FCVT_LU_S, RTZ, S(0x5f800000), 0xffffffffffffffffull, NV),  /* 2^64 */
        C1(FCVT_LU_D, RTZ, 0x43efffffffffffffull, 0xfffffffffffff800ull, 0),
        C1(FCVT_LU_D, RTZ, 0x43e0000000000000ull, 0x8000000000000000ull, 0),
        C1(FCVT_LU_D, RTZ, D_MONE, 0, NV),
        C1(FCVT_LU_D, RTZ, 0xbfe8000000000000ull, 0, NX),   /* -0.75 */
        C1(FCVT_LU_D, RNE, 0xbfe8000000000000ull, 0, NV),   /* rounds to -1 */
        C1(FCVT_LU_D, RNE, D_NQNAN, 0xffffffffffffffffull, NV),
        C1(FCVT_LU_D, RNE, D_NINF, 0, NV),
        /* improperly boxed: the canonical NaN */
        C1(FCVT_W_S, RNE, 0x000000003f800000ull, 0x7fffffff, NV),
        C1(FCVT_LU_S, RNE, 0x000000003f800000ull, 0xffffffffffffffffull, NV),
    };
    RUN(cases);
}

static void test_int_to_float(void **state)
{
    (void)state;
    static const struct fcase cases[] = {
        C1(FCVT_S_W, RNE, 0, S_P0, 0),
        C1(FCVT_S_W, RDN, 0, S_P0, 0),                       /* never -0 */
        C1(FCVT_S_W, RNE, (uint64_t)-1, S_MONE, 0),
        C1(FCVT_S_W, RNE, 0x100000001ull, S_ONE, 0),        /* only the low 32 bits */
        C1(FCVT_S_W, RNE, 0x7fffffff, S(0x4f000000), NX),
        C1(FCVT_S_W, RTZ, 0x7fffffff, S(0x4effffff), NX),
        C1(FCVT_S_W, RNE, 0x80000000, S(0xcf000000), 0),     /* -2^31 */
        C1(FCVT_S_WU, RNE, 0xffffffff, S(0x4f800000), NX),
        C1(FCVT_S_WU, RTZ, 0xffffffff, S(0x4f7fffff), NX),
        C1(FCVT_S_WU, RNE, 0xffffffff00000005ull, S(0x40a00000), 0),
        /* 2^24+1 is a tie between 2^24 and 2^24+2 */
        C1(FCVT_S_L, RNE, 0x1000001, S(0x4b800000), NX),
        C1(FCVT_S_L, RTZ, 0x1000001, S(0x4b800000), NX),
        C1(FCVT_S_L, RDN, 0x1000001, S(0x4b800000), NX),
        C1(FCVT_S_L, RUP, 0x1000001, S(0x4b800001), NX),
        C1(FCVT_S_L, RMM, 0x1000001, S(0x4b800001), NX),
        C1(FCVT_S_L, RNE, 0x1000003, S(0x4b800002), NX),    /* tie to even: up */
        C1(FCVT_S_L, RMM, (uint64_t)-0x1000001, S(0xcb800001), NX),
        C1(FCVT_S_L, RDN, (uint64_t)-0x1000001, S(0xcb800001), NX),
        C1(FCVT_S_L, RUP, (uint64_t)-0x1000001, S(0xcb800000), NX),
        C1(FCVT_S_L, RNE, 0x8000000000000000ull, S(0xdf000000), 0),
        C1(FCVT_S_L, RNE, 0x7fffffffffffffffull, S(0x5f000000), NX),
        C1(FCVT_S_LU, RNE, 0xffffffffffffffffull, S(0x5f800000), NX),
        C1(FCVT_S_LU, RTZ, 0xffffffffffffffffull, S(0x5f7fffff), NX),
        C1(FCVT_S_LU, RMM, 0xffffff7fffffffffull, S(0x5f7fffff), NX),   /* just below a tie */
        C1(FCVT_S_LU, RMM, 0xffffff8000000000ull, S(0x5f800000), NX),   /* the tie */
        C1(FCVT_S_LU, RNE, 0x8000000000000000ull, S(0x5f000000), 0),
        C1(FCVT_D_W, RNE, 0x80000000, 0xc1e0000000000000ull, 0),
        C1(FCVT_D_WU, RNE, 0xffffffff, 0x41efffffffe00000ull, 0),
        C1(FCVT_D_WU, RDN, 0, D_P0, 0),
        /* 2^53+1 is a tie */
        C1(FCVT_D_L, RNE, 0x20000000000001ull, 0x4340000000000000ull, NX),
        C1(FCVT_D_L, RUP, 0x20000000000001ull, 0x4340000000000001ull, NX),
        C1(FCVT_D_L, RMM, 0x20000000000001ull, 0x4340000000000001ull, NX),
        C1(FCVT_D_L, RDN, (uint64_t)-0x20000000000001, 0xc340000000000001ull, NX),
        C1(FCVT_D_L, RMM, (uint64_t)-0x20000000000001, 0xc340000000000001ull, NX),
        C1(FCVT_D_L, RNE, 0x8000000000000000ull, 0xc3e0000000000000ull, 0),
        C1(FCVT_D_L, RDN, 0, D_P0, 0),
        C1(FCVT_D_LU, RDN, 0, D_P0, 0),
        C1(FCVT_D_LU, RNE, 0xffffffffffffffffull, 0x43f0000000000000ull, NX),
        C1(FCVT_D_LU, RTZ, 0xffffffffffffffffull, 0x43efffffffffffffull, NX),
        C1(FCVT_D_LU, RMM, 0xfffffffffffffc00ull, 0x43f0000000000000ull, NX),   /* tie */
        C1(FCVT_D_LU, RNE, 0xfffffffffffffc00ull, 0x43f0000000000000ull, NX),
        C1(FCVT_D_LU, RNE, 0xfffffffffffff400ull, 0x43effffffffffffeull, NX),   /* tie to even: down */
        C1(FCVT_D_LU, RMM, 0xfffffffffffff400ull, 0x43efffffffffffffull, NX),
    };
    RUN(cases);
}

static void test_format_conversion(void **state)
{
    (void)state;
    static const struct fcase cases[] = {
        C1(FCVT_S_D, RNE, 0x3fd5555555555555ull, S(0x3eaaaaab), NX),   /* 1/3 */
        C1(FCVT_S_D, RTZ, 0x3fd5555555555555ull, S(0x3eaaaaaa), NX),
        C1(FCVT_S_D, RNE, 0xbff0000010000000ull, S_MONE, NX),           /* -(1+2^-24): tie */
        C1(FCVT_S_D, RMM, 0xbff0000010000000ull, S(0xbf800001), NX),
        C1(FCVT_S_D, RDN, 0xbff0000010000000ull, S(0xbf800001), NX),
        C1(FCVT_S_D, RUP, 0xbff0000010000000ull, S_MONE, NX),
        C1(FCVT_S_D, RNE, 0x7e37e43c8800759cull, S_INF, OF | NX),      /* 1e300 */
        C1(FCVT_S_D, RTZ, 0x7e37e43c8800759cull, S_MAX, OF | NX),
        C1(FCVT_S_D, RMM, 0xfe37e43c8800759cull, S_NINF, OF | NX),
        C1(FCVT_S_D, RNE, 0x47efffffefffffffull, S_MAX, NX),           /* just below MAX + half ulp */
        C1(FCVT_S_D, RNE, 0x47effffff0000000ull, S_INF, OF | NX),      /* MAX + half an ulp */
        C1(FCVT_S_D, RNE, 0x36a0000000000000ull, S_MINSUB, 0),         /* 2^-149 exactly */
        C1(FCVT_S_D, RNE, 0x3690000000000000ull, S_P0, UF | NX),       /* 2^-150: tie to 0 */
        C1(FCVT_S_D, RMM, 0x3690000000000000ull, S_MINSUB, UF | NX),
        C1(FCVT_S_D, RNE, 0x36a8000000000000ull, S(0x00000002), UF | NX),   /* 1.5 * 2^-149 */
        C1(FCVT_S_D, RNE, 0x380fffffffffffffull, S_MINNORM, NX),       /* tiny only before rounding */
        C1(FCVT_S_D, RNE, 0x380ffffff0000000ull, S_MINNORM, NX),       /* MINNORM(1-2^-25): not tiny */
        C1(FCVT_S_D, RTZ, 0x380ffffff0000000ull, S_MAXSUB, UF | NX),
        C1(FCVT_S_D, RNE, D_MINSUB, S_P0, UF | NX),
        C1(FCVT_S_D, RUP, D_MINSUB, S_MINSUB, UF | NX),
        C1(FCVT_S_D, RNE, D_N0, S_N0, 0),
        C1(FCVT_S_D, RNE, D_NINF, S_NINF, 0),
        C1(FCVT_S_D, RNE, D_QNANP, S_CNAN, 0),
        C1(FCVT_S_D, RNE, D_NQNAN, S_CNAN, 0),
        C1(FCVT_S_D, RNE, D_SNAN, S_CNAN, NV),
        C1(FCVT_S_D, RNE, 0xffffffff3f800000ull, S_CNAN, 0),   /* a boxed single is a NaN double */
        C1(FCVT_D_S, RNE, S_ONE, D_ONE, 0),
        C1(FCVT_D_S, RNE, S_MINSUB, 0x36a0000000000000ull, 0),
        C1(FCVT_D_S, RNE, S_MAXSUB, 0x380fffffc0000000ull, 0),
        C1(FCVT_D_S, RNE, S_MAX, 0x47efffffe0000000ull, 0),
        C1(FCVT_D_S, RNE, S_NINF, D_NINF, 0),
        C1(FCVT_D_S, RNE, S_N0, D_N0, 0),
        C1(FCVT_D_S, RNE, S_QNANP, D_CNAN, 0),
        C1(FCVT_D_S, RNE, S_NSNAN, D_CNAN, NV),
        C1(FCVT_D_S, RNE, 0x000000003f800000ull, D_CNAN, 0),   /* improperly boxed */
        C1(FCVT_D_S, RNE, 0x7fffffff3f800000ull, D_CNAN, 0),
    };
    RUN(cases);
}

static void test_moves_and_boxing(void **state)
{
    (void)state;
    static const struct fcase cases[] = {
        C1(FMV_X_W, RNE, S_ONE, 0x3f800000, 0),
        C1(FMV_X_W, RNE, S_MONE, 0xffffffffbf800000ull, 0),
        C1(FMV_X_W, RNE, 0x12345678ffc00001ull, 0xffffffffffc00001ull, 0),   /* no unboxing */
        C1(FMV_X_W, RNE, 0x123456787f800001ull, 0x7f800001, 0),
        C1(FMV_W_X, RNE, 0x3f800000, S_ONE, 0),
        C1(FMV_W_X, RNE, 0x12345678ff800001ull, S(0xff800001), 0),
        C1(FMV_X_D, RNE, D_SNAN, D_SNAN, 0),
        C1(FMV_X_D, RNE, S_ONE, S_ONE, 0),
        C1(FMV_D_X, RNE, 0x123456789abcdef0ull, 0x123456789abcdef0ull, 0),
        /* improperly boxed operands of arithmetic read as the canonical (quiet) NaN */
        C2(FADD_S, RNE, 0x000000003f800000ull, S_ONE, S_CNAN, 0),
        C2(FADD_S, RNE, S_ONE, 0xfffffffe3f800000ull, S_CNAN, 0),
        C3(FMADD_S, RNE, S_ONE, S_ONE, 0x3f800000ull, S_CNAN, 0),
        C2(FMIN_S, RNE, 0x000000003f800000ull, S_TWO, S_TWO, 0),
        C2(FMAX_S, RNE, 0x0000000000000000ull, 0x7fffffff00000000ull, S_CNAN, 0),
        C2(FEQ_S, RNE, 0x000000003f800000ull, 0x000000003f800000ull, 0, 0),
        C2(FLT_S, RNE, 0x000000003f800000ull, S_ONE, 0, NV),
        C1(FSQRT_S, RNE, 0x3f800000ull, S_CNAN, 0),
        /* results that aren't single-precision f values are not boxed */
        C2(FEQ_S, RNE, S_ONE, S_ONE, 1, 0),
        C1(FCVT_W_S, RNE, S_MONE, 0xffffffffffffffffull, 0),
    };
    RUN(cases);
}

/* ---- rounding-mode selection and host state ---- */

static void test_reserved_rounding_modes(void **state)
{
    (void)state;
    static const enum op rounding_ops[] = {
        OP_FADD_S, OP_FSQRT_D, OP_FMADD_S, OP_FNMADD_D, OP_FCVT_W_S, OP_FCVT_LU_D, OP_FCVT_S_L,
        OP_FCVT_D_W, OP_FCVT_S_D, OP_FCVT_D_S,
    };
    for (size_t i = 0; i < sizeof rounding_ops / sizeof rounding_ops[0]; i++) {
        uint64_t result = 0x5555;
        uint32_t flags = 0;
        /* reserved static modes, and DYN with a reserved frm */
        assert_false(fpu_execute(rounding_ops[i], S_ONE, S_ONE, S_ONE, 5, RM_RNE, &result, &flags));
        assert_false(fpu_execute(rounding_ops[i], S_ONE, S_ONE, S_ONE, 6, RM_RNE, &result, &flags));
        for (unsigned frm = 5; frm <= 7; frm++)
            assert_false(fpu_execute(rounding_ops[i], S_ONE, S_ONE, S_ONE, RM_DYN, frm, &result, &flags));
        assert_int_equal(result, 0x5555);   /* nothing written */
        assert_int_equal(flags, 0);
        /* DYN reads frm */
        assert_true(fpu_execute(rounding_ops[i], S_ONE, S_ONE, S_ONE, RM_DYN, RM_RMM, &result, &flags));
    }
    /* operations without a rounding mode ignore frm */
    uint64_t result = 0;
    uint32_t flags = 0;
    assert_true(fpu_execute(OP_FSGNJ_S, S_ONE, S_MONE, 0, 0, 7, &result, &flags));
    assert_int_equal(result, S_MONE);
    assert_true(fpu_execute(OP_FEQ_D, D_ONE, D_ONE, 0, 0, 6, &result, &flags));
    assert_int_equal(result, 1);
    assert_true(fpu_execute(OP_FMV_X_W, S_ONE, 0, 0, 0, 5, &result, &flags));
    assert_int_equal(result, 0x3f800000);
    /* not an F/D operation */
    assert_false(fpu_execute(OP_ADD, 1, 2, 0, 0, 0, &result, &flags));
}

/* Flags accrue (are ORed in), and stale host exception flags never leak into a result. */
static void test_flags_accrue(void **state)
{
    (void)state;
    uint64_t result;
    uint32_t flags = 0;

    feraiseexcept(FE_ALL_EXCEPT);
    assert_true(fpu_execute(OP_FADD_D, D_ONE, D_TWO, 0, RM_RNE, 0, &result, &flags));
    assert_int_equal(flags, 0);
    assert_int_equal(result, D_THREE);

    flags = NX;
    feraiseexcept(FE_INEXACT);
    assert_true(fpu_execute(OP_FMUL_S, S_MAX, S_TWO, 0, RM_RNE, 0, &result, &flags));
    assert_int_equal(flags, NX | OF);
    assert_true(fpu_execute(OP_FADD_S, S_ONE, S_ONE, 0, RM_RUP, 0, &result, &flags));
    assert_int_equal(flags, NX | OF);
    assert_true(fpu_execute(OP_FDIV_S, S_ONE, S_P0, 0, RM_RUP, 0, &result, &flags));
    assert_int_equal(flags, NX | OF | DZ);

    /* RMM decides ties from the exactness of a wider result: stale flags must not disturb it */
    flags = NX;
    feraiseexcept(FE_INEXACT);
    assert_true(fpu_execute(OP_FADD_S, S_ONE, S_ONE, 0, RM_RMM, 0, &result, &flags));
    assert_int_equal(result, S_TWO);
    assert_true(fpu_execute(OP_FADD_D, D_ONE, D_EPS, 0, RM_RMM, 0, &result, &flags));
    assert_int_equal(result, D_ONEP);
    assert_int_equal(flags, NX);
}

/* The host rounding mode is the caller's again after every operation. */
static void test_host_rounding_restored(void **state)
{
    (void)state;
    uint64_t result;
    uint32_t flags = 0;
    for (unsigned rm = RM_RNE; rm <= RM_RMM; rm++) {
        assert_true(fpu_execute(OP_FDIV_S, S_ONE, S_THREE, 0, rm, 0, &result, &flags));
        assert_true(fpu_execute(OP_FDIV_D, D_ONE, D_THREE, 0, rm, 0, &result, &flags));
        assert_int_equal(fegetround(), FE_TONEAREST);
    }
    fesetround(FE_UPWARD);
    assert_true(fpu_execute(OP_FDIV_S, S_ONE, S_THREE, 0, RM_RNE, 0, &result, &flags));
    assert_int_equal(result, S(0x3eaaaaab));
    assert_true(fpu_execute(OP_FDIV_D, D_ONE, D_THREE, 0, RM_RMM, 0, &result, &flags));
    assert_int_equal(result, 0x3fd5555555555555ull);
    assert_int_equal(fegetround(), FE_UPWARD);
    fesetround(FE_TONEAREST);
}

#if defined(__x86_64__) && defined(__SSE2__)
#include <xmmintrin.h>
/* Flush-to-zero / denormals-are-zero set by the host must not affect guest arithmetic. */
static void test_host_ftz_daz_ignored(void **state)
{
    (void)state;
    unsigned saved = _mm_getcsr();
    _mm_setcsr(saved | 0x8040);
    uint64_t result;
    uint32_t flags = 0;
    bool ok = fpu_execute(OP_FMUL_S, S_MINNORM, S_HALF, 0, RM_RNE, 0, &result, &flags);
    uint64_t sub_result;
    bool ok2 = fpu_execute(OP_FADD_D, D_MINSUB, D_MINSUB, 0, RM_RNE, 0, &sub_result, &flags);
    _mm_setcsr(saved);
    assert_true(ok && ok2);
    assert_int_equal(result, S(0x00400000));
    assert_int_equal(sub_result, 2);
    assert_int_equal(flags, 0);
}
#endif

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arith_single),
        cmocka_unit_test(test_arith_double),
        cmocka_unit_test(test_fma),
        cmocka_unit_test(test_min_max),
        cmocka_unit_test(test_compare),
        cmocka_unit_test(test_classify),
        cmocka_unit_test(test_sign_inject),
        cmocka_unit_test(test_float_to_int),
        cmocka_unit_test(test_int_to_float),
        cmocka_unit_test(test_format_conversion),
        cmocka_unit_test(test_moves_and_boxing),
        cmocka_unit_test(test_reserved_rounding_modes),
        cmocka_unit_test(test_flags_accrue),
        cmocka_unit_test(test_host_rounding_restored),
#if defined(__x86_64__) && defined(__SSE2__)
        cmocka_unit_test(test_host_ftz_daz_ignored),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
