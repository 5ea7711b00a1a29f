/* Add, subtract, multiply, divide, square root and fused multiply-add on the host FPU: the host
 * rounds and raises flags exactly as RISC-V does (both detect tininess after rounding), except
 * for NaN results, which are replaced by the canonical NaN, and round-to-max-magnitude, which
 * the host lacks: for it the operation runs toward zero in a format at least two bits wider, with
 * "inexact" folded into the last bit (round to odd), and that value is rounded in software;
 * round-to-odd guarantees this double rounding gives the correctly rounded result.
 *
 * The compiler must not fold FP operations or move them across the mode change and the flag
 * read: clang is told by the pragma below, gcc by -frounding-math -fsignaling-nans
 * (src/isa/fpu.cmake), and the barriers pin each operation in place. */
#ifdef __clang__
#pragma STDC FENV_ACCESS ON
#endif

#include <fenv.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "core/hart.h"
#include "isa/fpu_internal.h"
#include "isa/insn.h"
#include "core/bitcast.h"

#if LDBL_MANT_DIG < DBL_MANT_DIG + 2
#error "double-precision RMM needs a long double at least two bits wider than double"
#endif

#define FENV_BARRIER(v) __asm__ volatile("" : "+m"(v) : : "memory")

#define DEFINE_ARITH(name, T, SQRT, FMA)                                                         \
    static T name(enum fpu_arith k, T x, T y, T z)                                               \
    {                                                                                            \
        FENV_BARRIER(x);                                                                         \
        FENV_BARRIER(y);                                                                         \
        FENV_BARRIER(z);                                                                         \
        T r;                                                                                     \
        switch (k) {                                                                             \
        case FA_ADD: r = x + y; break;                                                           \
        case FA_SUB: r = x - y; break;                                                           \
        case FA_MUL: r = x * y; break;                                                           \
        case FA_DIV: r = x / y; break;                                                           \
        case FA_SQRT: r = SQRT(x); break;                                                        \
        default: r = FMA(x, y, z); break;                                                        \
        }                                                                                        \
        FENV_BARRIER(r);                                                                         \
        return r;                                                                                \
    }
DEFINE_ARITH(arith_f, float, sqrtf, fmaf)
DEFINE_ARITH(arith_d, double, sqrt, fma)
DEFINE_ARITH(arith_ld, long double, sqrtl, fmal)

/* NaN operands make the result the canonical NaN without consulting the host (whose NaN
 * propagation differs).  NV comes from a signalling NaN, or from inf*0 in a fused operation even
 * when the addend is a quiet NaN. */
static bool nan_operands(const struct fp_format *f, enum fpu_arith k, uint64_t a, uint64_t b, uint64_t c,
                         uint32_t *flags)
{
    unsigned n = k == FA_SQRT ? 1 : k == FA_FMA ? 3 : 2;
    uint64_t ops[3] = { a, b, c };
    bool nan = false, nv = false;
    for (unsigned i = 0; i < n; i++) {
        nan |= fp_is_nan(f, ops[i]);
        nv |= fp_is_snan(f, ops[i]);
    }
    if (nan && k == FA_FMA &&
        ((fp_is_inf(f, a) && fp_is_zero(f, b)) || (fp_is_zero(f, a) && fp_is_inf(f, b))))
        nv = true;
    *flags |= nv ? FFLAG_NV : 0;
    return nan;
}

/* The host environment around one operation: set the rounding mode and clear the flags, run,
 * read the flags, put the caller's rounding mode (and, on x86, DAZ/FTZ) back.  <fenv.h> does
 * this portably but slowly (x86-64 glibc saves and reloads the whole x87 environment too), so
 * where float and double arithmetic runs on SSE the MXCSR register is used directly, and only
 * written when needed: writing it is the expensive part.  Host flags already accrued in the
 * guest's fflags may stay set, since seeing them again changes nothing; the host's own flags
 * are not preserved.  The x87 (long double, only for double-precision RMM) always goes through
 * <fenv.h>. */
#if defined(__x86_64__) && defined(__SSE2__)
#define HAVE_MXCSR 1
enum {
    MXCSR_IE = 0x01, MXCSR_ZE = 0x04, MXCSR_OE = 0x08, MXCSR_UE = 0x10, MXCSR_PE = 0x20, /* (DE, 0x02, unused) */
    MXCSR_DAZ = 0x40,     /* denormals-are-zero and flush-to-zero: never wanted here */
    MXCSR_RC = 0x6000,
    MXCSR_FTZ = 0x8000,
};
/* RC values for RNE, RTZ, RDN, RUP, and RTZ again for RMM's round-to-odd base. */
static const uint32_t mxcsr_rc[5] = { 0x0000, 0x6000, 0x2000, 0x4000, 0x6000 };

static inline uint32_t mxcsr_read(void)
{
    uint32_t v;
    __asm__ volatile("stmxcsr %0" : "=m"(v) : : "memory");
    return v;
}
static inline void mxcsr_write(uint32_t v) { __asm__ volatile("ldmxcsr %0" : : "m"(v) : "memory"); }

static uint32_t mxcsr_to_fflags(uint32_t csr)
{
    return (csr & MXCSR_IE ? FFLAG_NV : 0) | (csr & MXCSR_ZE ? FFLAG_DZ : 0) | (csr & MXCSR_OE ? FFLAG_OF : 0) |
           (csr & MXCSR_UE ? FFLAG_UF : 0) | (csr & MXCSR_PE ? FFLAG_NX : 0);
}
#endif

static const int fenv_mode[5] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };

struct host_env {
    bool x87;           /* went through <fenv.h> */
    int old_mode;       /* fenv: the caller's rounding mode */
    uint32_t old_ctl;   /* MXCSR: the caller's rounding control, DAZ and FTZ */
};

/* `known` are RISC-V flags whose host counterparts need not be cleared. */
static inline void env_enter(struct host_env *e, unsigned rm, bool x87, uint32_t known)
{
    e->x87 = x87;
#ifdef HAVE_MXCSR
    if (!x87) {
        uint32_t csr = mxcsr_read();
        e->old_ctl = csr & (MXCSR_RC | MXCSR_DAZ | MXCSR_FTZ);
        uint32_t stale = csr & (MXCSR_IE | MXCSR_ZE | MXCSR_OE | MXCSR_UE | MXCSR_PE);
        uint32_t want = (csr & ~(uint32_t)(MXCSR_DAZ | MXCSR_RC | MXCSR_FTZ)) | mxcsr_rc[rm];
        if (mxcsr_to_fflags(stale) & ~known)
            want &= ~stale;
        if (want != csr)
            mxcsr_write(want);
        return;
    }
#endif
    (void)known;
    e->old_mode = fegetround();
    if (e->old_mode != fenv_mode[rm])
        fesetround(fenv_mode[rm]);
    feclearexcept(FE_ALL_EXCEPT);
}

/* Returns the RISC-V flags the operation raised (plus, on the MXCSR path, possibly some of the
 * `known` ones). */
static inline uint32_t env_leave(const struct host_env *e, unsigned rm)
{
#ifdef HAVE_MXCSR
    if (!e->x87) {
        uint32_t csr = mxcsr_read();
        uint32_t ctl = MXCSR_RC | MXCSR_DAZ | MXCSR_FTZ;
        if ((csr & ctl) != e->old_ctl)
            mxcsr_write((csr & ~ctl) | e->old_ctl);
        return mxcsr_to_fflags(csr);
    }
#endif
    int host = fetestexcept(FE_ALL_EXCEPT);
    if (e->old_mode != fenv_mode[rm])
        fesetround(e->old_mode);
    return (host & FE_INVALID ? FFLAG_NV : 0) | (host & FE_DIVBYZERO ? FFLAG_DZ : 0) |
           (host & FE_OVERFLOW ? FFLAG_OF : 0) | (host & FE_UNDERFLOW ? FFLAG_UF : 0) |
           (host & FE_INEXACT ? FFLAG_NX : 0);
}

/* Splits a finite nonzero long double: |w| = sig * 2^exp, with any bits beyond 64 folded into
 * the last bit of sig (keeps the round-to-odd property when long double is wider still). */
static void unpack_long_double(long double w, int *exp, uint64_t *sig)
{
    int e;
    long double m = ldexpl(frexpl(fabsl(w), &e), 64);   /* in [2^63, 2^64) */
    *sig = (uint64_t)m;
    *sig |= (long double)*sig != m;
    *exp = e - 64;
}

uint64_t fpu_arith(const struct fp_format *f, enum fpu_arith k, uint64_t a, uint64_t b, uint64_t c,
                   unsigned rm, uint32_t *flags)
{
    if (nan_operands(f, k, a, b, c, flags))
        return fp_canonical_nan(f);

    bool rmm = rm == RM_RMM, single = f->bits == 32;
    struct host_env env;
    /* RMM needs to know exactly whether the wider operation was inexact. */
    env_enter(&env, rm, rmm && !single, rmm ? 0 : *flags);
    uint64_t r = 0;
    /* The wider result for RMM: w (singles computed as doubles) or lw (doubles as long doubles). */
    double w = 0;
    long double lw = 0;
    if (!rmm && single)
        r = f32_bits(arith_f(k, f32_value(a), f32_value(b), f32_value(c)));
    else if (!rmm)
        r = f64_bits(arith_d(k, f64_value(a), f64_value(b), f64_value(c)));
    else if (single)
        w = arith_d(k, f32_value(a), f32_value(b), f32_value(c));
    else
        lw = arith_ld(k, f64_value(a), f64_value(b), f64_value(c));
    uint32_t raised = env_leave(&env, rm);

    if (!rmm) {
        *flags |= raised;
        return fp_is_nan(f, r) ? fp_canonical_nan(f) : r;
    }

    /* RMM: the wider operation can't overflow or underflow, so only NV and DZ come from it. */
    *flags |= raised & (FFLAG_NV | FFLAG_DZ);
    bool sticky = (raised & FFLAG_NX) != 0;
    bool sign = single ? signbit(w) : signbit(lw);
    bool nan = single ? isnan(w) : isnan(lw);
    bool inf = single ? isinf(w) : isinf(lw);
    bool zero = single ? w == 0 : lw == 0;
    if (nan)
        return fp_canonical_nan(f);
    if (inf || zero)                /* exact: an infinite operand, division by zero, or 0 */
        return (sign ? fp_sign_bit(f) : 0) | (inf ? fp_inf(f) : 0);
    int exp;
    uint64_t sig;
    if (single)
        fp_unpack(&FP64, f64_bits(w), &exp, &sig);
    else
        unpack_long_double(lw, &exp, &sig);
    return fpu_round_pack(f, sign, exp, sig | sticky, RM_RMM, flags);
}
