/* Private helpers shared by the fpu_*.c files.  Values travel as raw bit patterns in a uint64_t
 * (singles already unboxed, in the low 32 bits) together with a description of their format, so
 * everything that is pure bit manipulation is written once for both precisions. */
#ifndef SNAPSIM_ISA_FPU_INTERNAL_H
#define SNAPSIM_ISA_FPU_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

struct fp_format {
    unsigned bits;      /* 32 or 64 */
    unsigned frac_bits; /* stored fraction bits: 23 or 52 */
    int bias;           /* 127 or 1023; also the largest unbiased exponent */
};

extern const struct fp_format FP32, FP64;

static inline uint64_t fp_sign_bit(const struct fp_format *f) { return 1ull << (f->bits - 1); }
static inline uint64_t fp_inf(const struct fp_format *f)
{
    return ((1ull << (f->bits - f->frac_bits - 1)) - 1) << f->frac_bits;
}
static inline uint64_t fp_canonical_nan(const struct fp_format *f)
{
    return fp_inf(f) | 1ull << (f->frac_bits - 1);
}
static inline uint64_t fp_magnitude(const struct fp_format *f, uint64_t v)
{
    return v & (fp_sign_bit(f) - 1);
}
static inline bool fp_sign(const struct fp_format *f, uint64_t v) { return (v & fp_sign_bit(f)) != 0; }
static inline bool fp_is_nan(const struct fp_format *f, uint64_t v) { return fp_magnitude(f, v) > fp_inf(f); }
static inline bool fp_is_inf(const struct fp_format *f, uint64_t v) { return fp_magnitude(f, v) == fp_inf(f); }
static inline bool fp_is_zero(const struct fp_format *f, uint64_t v) { return fp_magnitude(f, v) == 0; }
/* A NaN whose quiet bit (the top fraction bit) is clear. */
static inline bool fp_is_snan(const struct fp_format *f, uint64_t v)
{
    return fp_is_nan(f, v) && !(v & 1ull << (f->frac_bits - 1));
}

/* Splits a finite nonzero value so that |v| = sig * 2^exp (sig includes the hidden bit). */
static inline void fp_unpack(const struct fp_format *f, uint64_t v, int *exp, uint64_t *sig)
{
    uint64_t frac = v & ((1ull << f->frac_bits) - 1);
    int biased = (int)(fp_magnitude(f, v) >> f->frac_bits);
    if (biased == 0) {          /* subnormal: no hidden bit, exponent as for biased 1 */
        *sig = frac;
        *exp = 1 - f->bias - (int)f->frac_bits;
    } else {
        *sig = frac | 1ull << f->frac_bits;
        *exp = biased - f->bias - (int)f->frac_bits;
    }
}

/* Shifts sig right by `shift` bits, rounding the bits shifted out according to rm (RM_*; sign
 * decides the direction for RDN/RUP).  *inexact reports whether any nonzero bit was dropped. */
uint64_t fpu_shift_round(uint64_t sig, unsigned shift, bool sign, unsigned rm, bool *inexact);

/* Rounds the exact value (-1)^sign * sig * 2^exp to format f under rm, handling subnormals and
 * overflow, and ORs NX/UF/OF into *flags (tininess is detected after rounding, as RISC-V does).
 * Returns the result's bits. */
uint64_t fpu_round_pack(const struct fp_format *f, bool sign, int exp, uint64_t sig, unsigned rm,
                        uint32_t *flags);

/* Host-FPU arithmetic, rounded per rm (0..4) with RISC-V flags and canonical NaNs.  FA_SQRT
 * reads a; FA_FMA computes a*b+c with one rounding; the others compute a OP b. */
enum fpu_arith { FA_ADD, FA_SUB, FA_MUL, FA_DIV, FA_SQRT, FA_FMA };
uint64_t fpu_arith(const struct fp_format *f, enum fpu_arith k, uint64_t a, uint64_t b, uint64_t c,
                   unsigned rm, uint32_t *flags);

/* Conversions (fpu_convert.c).  width is 32 or 64; 32-bit integer results are sign-extended. */
uint64_t fpu_to_int(const struct fp_format *f, uint64_t v, unsigned width, bool is_signed, unsigned rm,
                    uint32_t *flags);
uint64_t fpu_from_int(const struct fp_format *f, uint64_t x, unsigned width, bool is_signed, unsigned rm,
                      uint32_t *flags);
uint64_t fpu_convert_format(const struct fp_format *from, const struct fp_format *to, uint64_t v,
                            unsigned rm, uint32_t *flags);

/* Sign injection, min/max, comparisons and classification (fpu_compare.c). */
enum fpu_sgnj { SGNJ_COPY, SGNJ_NEGATE, SGNJ_XOR };
uint64_t fpu_sign_inject(const struct fp_format *f, enum fpu_sgnj k, uint64_t a, uint64_t b);
uint64_t fpu_min_max(const struct fp_format *f, bool want_max, uint64_t a, uint64_t b, uint32_t *flags);
enum fpu_cmp { CMP_EQ, CMP_LT, CMP_LE };
uint64_t fpu_compare(const struct fp_format *f, enum fpu_cmp k, uint64_t a, uint64_t b, uint32_t *flags);
uint64_t fpu_classify(const struct fp_format *f, uint64_t v);

#endif
