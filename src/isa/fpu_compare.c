/* The F/D operations that never round: sign injection, min/max, comparisons, classification.
 * All are bit manipulations, identical for both formats. */
#include "isa/fpu_internal.h"

#include "core/hart.h"

uint64_t fpu_sign_inject(const struct fp_format *f, enum fpu_sgnj k, uint64_t a, uint64_t b)
{
    uint64_t s = fp_sign_bit(f);
    uint64_t sign = k == SGNJ_COPY ? b & s : k == SGNJ_NEGATE ? ~b & s : (a ^ b) & s;
    return (a & ~s) | sign;
}

/* a < b for non-NaN values.  With zeros_equal false, -0 < +0 (the order fmin/fmax use). */
static bool less(const struct fp_format *f, uint64_t a, uint64_t b, bool zeros_equal)
{
    bool sa = fp_sign(f, a), sb = fp_sign(f, b);
    uint64_t ma = fp_magnitude(f, a), mb = fp_magnitude(f, b);
    if (sa != sb)
        return sa && !(zeros_equal && ma == 0 && mb == 0);
    return sa ? ma > mb : ma < mb;
}

uint64_t fpu_min_max(const struct fp_format *f, bool want_max, uint64_t a, uint64_t b, uint32_t *flags)
{
    bool na = fp_is_nan(f, a), nb = fp_is_nan(f, b);
    if (fp_is_snan(f, a) || fp_is_snan(f, b))
        *flags |= FFLAG_NV;
    if (na && nb)
        return fp_canonical_nan(f);
    if (na || nb)                /* a NaN operand is ignored */
        return na ? b : a;
    return less(f, a, b, false) != want_max ? a : b;
}

uint64_t fpu_compare(const struct fp_format *f, enum fpu_cmp k, uint64_t a, uint64_t b, uint32_t *flags)
{
    if (fp_is_nan(f, a) || fp_is_nan(f, b)) {
        /* feq is a quiet comparison; flt and fle signal on any NaN. */
        if (k != CMP_EQ || fp_is_snan(f, a) || fp_is_snan(f, b))
            *flags |= FFLAG_NV;
        return 0;
    }
    bool eq = a == b || (fp_is_zero(f, a) && fp_is_zero(f, b));
    switch (k) {
    case CMP_EQ: return eq;
    case CMP_LT: return less(f, a, b, true);
    default: return eq || less(f, a, b, true);
    }
}

uint64_t fpu_classify(const struct fp_format *f, uint64_t v)
{
    /* Bits 0..7 mirror around the sign: -inf, -normal, -subnormal, -0 | +0, +subnormal, +normal, +inf. */
    if (fp_is_nan(f, v))
        return fp_is_snan(f, v) ? 1u << 8 : 1u << 9;
    unsigned kind;                              /* 0 zero, 1 subnormal, 2 normal, 3 infinity */
    uint64_t mag = fp_magnitude(f, v);
    if (mag == 0)
        kind = 0;
    else if (mag < 1ull << f->frac_bits)
        kind = 1;
    else
        kind = mag == fp_inf(f) ? 3 : 2;
    return fp_sign(f, v) ? 1u << (3 - kind) : 1u << (4 + kind);
}
