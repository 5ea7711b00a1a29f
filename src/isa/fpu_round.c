/* Software rounding of exact values: the one place that knows how RISC-V rounds, used where the
 * host cannot do it directly (integer conversions, format conversions, round-to-max-magnitude). */
#include "isa/fpu_internal.h"

#include "core/hart.h"
#include "isa/insn.h"

const struct fp_format FP32 = { 32, 23, 127 };
const struct fp_format FP64 = { 64, 52, 1023 };

uint64_t fpu_shift_round(uint64_t sig, unsigned shift, bool sign, unsigned rm, bool *inexact)
{
    uint64_t kept, rem;
    int vs_half;                 /* the dropped bits compared with half a unit: -1, 0, 1 */
    if (shift == 0) {
        kept = sig, rem = 0, vs_half = -1;
    } else if (shift > 64) {     /* half a unit is 2^(shift-1) > sig */
        kept = 0, rem = sig, vs_half = -1;
    } else {
        uint64_t half = 1ull << (shift - 1);
        kept = shift == 64 ? 0 : sig >> shift;
        rem = shift == 64 ? sig : sig & ((1ull << shift) - 1);
        vs_half = rem < half ? -1 : rem > half;
    }
    *inexact = rem != 0;
    bool up;
    switch (rm) {
    case RM_RNE: up = vs_half > 0 || (vs_half == 0 && (kept & 1)); break;
    case RM_RMM: up = vs_half >= 0; break;
    case RM_RDN: up = rem != 0 && sign; break;
    case RM_RUP: up = rem != 0 && !sign; break;
    default: up = false; break; /* RM_RTZ */
    }
    return kept + up;
}

/* The result of an overflow: infinity or the largest finite value, depending on direction. */
static uint64_t overflow(const struct fp_format *f, bool sign, unsigned rm, uint32_t *flags)
{
    bool to_inf = rm == RM_RNE || rm == RM_RMM || (rm == RM_RDN && sign) || (rm == RM_RUP && !sign);
    *flags |= FFLAG_OF | FFLAG_NX;
    return (sign ? fp_sign_bit(f) : 0) | (to_inf ? fp_inf(f) : fp_inf(f) - 1);
}

uint64_t fpu_round_pack(const struct fp_format *f, bool sign, int exp, uint64_t sig, unsigned rm,
                        uint32_t *flags)
{
    uint64_t sign_bit = sign ? fp_sign_bit(f) : 0;
    if (sig == 0)
        return sign_bit;
    int p = (int)f->frac_bits + 1;               /* precision, hidden bit included */
    int emin = 1 - f->bias, emax = f->bias;
    int n = 64 - __builtin_clzll(sig);
    int e = exp + n - 1;                         /* exponent of the leading bit */
    if (e > emax)
        return overflow(f, sign, rm, flags);

    /* Keep p bits, or fewer when the result is subnormal (the last kept bit can't go below
     * the subnormal unit). */
    int lsb = (e < emin ? emin : e) - (p - 1);
    int shift = lsb - exp;
    bool inexact = false;
    uint64_t kept = shift <= 0 ? sig << -shift : fpu_shift_round(sig, (unsigned)shift, sign, rm, &inexact);
    /* The exponent field is (biased exponent - 1) plus the hidden bit inside `kept`, so a
     * subnormal that rounds up becomes the smallest normal and a carry out of the significand
     * bumps the exponent, both by plain addition. */
    uint64_t bits = ((uint64_t)(lsb + p - 2 + f->bias) << f->frac_bits) + kept;
    if (bits >= fp_inf(f))
        return overflow(f, sign, rm, flags);

    if (inexact) {
        /* Tiny after rounding: the result rounded to p bits with unbounded exponent is below
         * 2^emin.  Only e == emin-1 can round up into the normal range. */
        bool tiny = e < emin - 1;
        if (e == emin - 1) {
            bool ignored;
            tiny = n <= p || fpu_shift_round(sig, (unsigned)(n - p), sign, rm, &ignored) >> p == 0;
        }
        *flags |= FFLAG_NX | (tiny ? FFLAG_UF : 0);
    }
    return sign_bit | bits;
}
