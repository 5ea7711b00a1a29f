/* Conversions between integers and floats and between the two float formats, done in software so
 * that every rounding mode (RMM included) and the RISC-V saturation rules hold exactly. */
#include "isa/fpu_internal.h"

#include "core/hart.h"
#include "isa/semantics.h"

uint64_t fpu_to_int(const struct fp_format *f, uint64_t v, unsigned width, bool is_signed, unsigned rm,
                    uint32_t *flags)
{
    /* Largest positive result and magnitude of the most negative one. */
    uint64_t max = is_signed ? (1ull << (width - 1)) - 1 : UINT64_MAX >> (64 - width);
    uint64_t neg_limit = is_signed ? 1ull << (width - 1) : 0;
    bool sign = fp_sign(f, v);
    uint64_t result;

    if (fp_is_nan(f, v)) {
        result = max;
        *flags |= FFLAG_NV;
    } else if (fp_is_inf(f, v)) {
        result = sign ? 0 - neg_limit : max;
        *flags |= FFLAG_NV;
    } else if (fp_is_zero(f, v)) {
        result = 0;
    } else {
        int exp;
        uint64_t sig, mag;
        bool inexact = false, too_big;
        fp_unpack(f, v, &exp, &sig);
        if (exp >= 0) {          /* an integer already */
            too_big = exp >= 64 || (sig << exp) >> exp != sig;
            mag = too_big ? 0 : sig << exp;
        } else {
            too_big = false;
            mag = fpu_shift_round(sig, (unsigned)-exp, sign, rm, &inexact);
        }
        if (too_big || mag > (sign ? neg_limit : max)) {
            result = sign ? 0 - neg_limit : max;
            *flags |= FFLAG_NV;
        } else {
            result = sign ? 0 - mag : mag;
            *flags |= inexact ? FFLAG_NX : 0;
        }
    }
    return width == 32 ? sext32(result) : result;
}

uint64_t fpu_from_int(const struct fp_format *f, uint64_t x, unsigned width, bool is_signed, unsigned rm,
                      uint32_t *flags)
{
    if (width == 32)
        x = is_signed ? sext32(x) : (uint32_t)x;
    bool sign = is_signed && (int64_t)x < 0;
    return fpu_round_pack(f, sign, 0, sign ? 0 - x : x, rm, flags);
}

uint64_t fpu_convert_format(const struct fp_format *from, const struct fp_format *to, uint64_t v,
                            unsigned rm, uint32_t *flags)
{
    bool sign = fp_sign(from, v);
    uint64_t sign_bit = sign ? fp_sign_bit(to) : 0;
    if (fp_is_nan(from, v)) {
        *flags |= fp_is_snan(from, v) ? FFLAG_NV : 0;
        return fp_canonical_nan(to);
    }
    if (fp_is_inf(from, v))
        return sign_bit | fp_inf(to);
    if (fp_is_zero(from, v))
        return sign_bit;
    int exp;
    uint64_t sig;
    fp_unpack(from, v, &exp, &sig);
    return fpu_round_pack(to, sign, exp, sig, rm, flags);
}
