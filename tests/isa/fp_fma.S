/* Fused multiply-add, single and double: single rounding, signs, NaNs, rounding modes, flags.
 * Expected values agree with qemu-riscv64 (the reference). */
#include "test_macros.h"

TEST_BEGIN

    /* the four fused operations: a*b+c, a*b-c, -(a*b)+c, -(a*b)-c  (s) */
    /* fmadd.s rne(2.0, 3.0, 1.0) = 7.0 */
    TEST_FF_S(1, 0x40e00000, 0, 0x40000000, 0x40400000, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmsub.s rne(2.0, 3.0, 1.0) = 5.0 */
    TEST_FF_S(2, 0x40a00000, 0, 0x40000000, 0x40400000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)
    /* fnmsub.s rne(2.0, 3.0, 1.0) = -5.0 */
    TEST_FF_S(3, 0xc0a00000, 0, 0x40000000, 0x40400000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rne)
    /* fnmadd.s rne(2.0, 3.0, 1.0) = -7.0 */
    TEST_FF_S(4, 0xc0e00000, 0, 0x40000000, 0x40400000, 0x3f800000, fnmadd.s fa0, fa1, fa2, fa3, rne)

    /* single rounding: (1+u)(1-u/2) - 1 = u/2 - u^2/2 exactly (u = ulp of 1), 0 if the product were rounded */
    /* fmadd.s rne(1.0000001192092896, 0.9999999403953552, -1.0) = 5.960463766996327e-08 */
    TEST_FF_S(5, 0x337ffffe, 0, 0x3f800001, 0x3f7fffff, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmsub.s rne(1.0000001192092896, 0.9999999403953552, -1.0) = 2.0 */
    TEST_FF_S(6, 0x40000000, NX, 0x3f800001, 0x3f7fffff, 0xbf800000, fmsub.s fa0, fa1, fa2, fa3, rne)
    /* fnmsub.s rne(1.0000001192092896, 0.9999999403953552, -1.0) = -2.0 */
    TEST_FF_S(7, 0xc0000000, NX, 0x3f800001, 0x3f7fffff, 0xbf800000, fnmsub.s fa0, fa1, fa2, fa3, rne)
    /* fnmadd.s rne(1.0000001192092896, 0.9999999403953552, -1.0) = -5.960463766996327e-08 */
    TEST_FF_S(8, 0xb37ffffe, 0, 0x3f800001, 0x3f7fffff, 0xbf800000, fnmadd.s fa0, fa1, fa2, fa3, rne)

    /* zero signs of exact zero results */
    /* fmadd.s rne(1.0, 1.0, -1.0) = +0 */
    TEST_FF_S(9, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmsub.s rne(1.0, 1.0, 1.0) = +0 */
    TEST_FF_S(10, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)
    /* fnmsub.s rne(1.0, 1.0, 1.0) = +0 */
    TEST_FF_S(11, 0x0, 0, 0x3f800000, 0x3f800000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rne)
    /* fnmadd.s rne(1.0, 1.0, -1.0) = +0 */
    TEST_FF_S(12, 0x0, 0, 0x3f800000, 0x3f800000, 0xbf800000, fnmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmadd.s rdn(1.0, 1.0, -1.0) = -0 */
    TEST_FF_S(13, 0x80000000, 0, 0x3f800000, 0x3f800000, 0xbf800000, fmadd.s fa0, fa1, fa2, fa3, rdn)
    /* fmsub.s rdn(1.0, 1.0, 1.0) = -0 */
    TEST_FF_S(14, 0x80000000, 0, 0x3f800000, 0x3f800000, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rdn)
    /* fnmsub.s rdn(1.0, 1.0, 1.0) = -0 */
    TEST_FF_S(15, 0x80000000, 0, 0x3f800000, 0x3f800000, 0x3f800000, fnmsub.s fa0, fa1, fa2, fa3, rdn)
    /* fnmadd.s rdn(1.0, 1.0, -1.0) = -0 */
    TEST_FF_S(16, 0x80000000, 0, 0x3f800000, 0x3f800000, 0xbf800000, fnmadd.s fa0, fa1, fa2, fa3, rdn)
    /* fmadd.s rne(+0, 1.0, -0) = +0 */
    TEST_FF_S(17, 0x0, 0, 0x0, 0x3f800000, 0x80000000, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmsub.s rne(+0, 1.0, -0) = +0 */
    TEST_FF_S(18, 0x0, 0, 0x0, 0x3f800000, 0x80000000, fmsub.s fa0, fa1, fa2, fa3, rne)
    /* fnmsub.s rne(+0, 1.0, -0) = -0 */
    TEST_FF_S(19, 0x80000000, 0, 0x0, 0x3f800000, 0x80000000, fnmsub.s fa0, fa1, fa2, fa3, rne)
    /* fnmadd.s rne(+0, 1.0, -0) = +0 */
    TEST_FF_S(20, 0x0, 0, 0x0, 0x3f800000, 0x80000000, fnmadd.s fa0, fa1, fa2, fa3, rne)

    /* every rounding mode, including RMM ties: 1*1 + half an ulp, and its negation */
    /* fmadd.s rne(1.0, 1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(21, 0x3f800000, NX, 0x3f800000, 0x3f800000, 0x33800000, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fnmadd.s rne(1.0, 1.0, 5.960464477539063e-08) = -1.0 */
    TEST_FF_S(22, 0xbf800000, NX, 0x3f800000, 0x3f800000, 0x33800000, fnmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmadd.s rne(1.0, 3.0, 5.960464477539063e-08) = 3.0 */
    TEST_FF_S(23, 0x40400000, NX, 0x3f800000, 0x40400000, 0x33800000, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmsub.s rne(1.0000001192092896, 1.0000001192092896, 1.0) = 2.384185791015625e-07 */
    TEST_FF_S(24, 0x34800000, NX, 0x3f800001, 0x3f800001, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rne)
    /* fmadd.s rtz(1.0, 1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(25, 0x3f800000, NX, 0x3f800000, 0x3f800000, 0x33800000, fmadd.s fa0, fa1, fa2, fa3, rtz)
    /* fnmadd.s rtz(1.0, 1.0, 5.960464477539063e-08) = -1.0 */
    TEST_FF_S(26, 0xbf800000, NX, 0x3f800000, 0x3f800000, 0x33800000, fnmadd.s fa0, fa1, fa2, fa3, rtz)
    /* fmadd.s rtz(1.0, 3.0, 5.960464477539063e-08) = 3.0 */
    TEST_FF_S(27, 0x40400000, NX, 0x3f800000, 0x40400000, 0x33800000, fmadd.s fa0, fa1, fa2, fa3, rtz)
    /* fmsub.s rtz(1.0000001192092896, 1.0000001192092896, 1.0) = 2.384185791015625e-07 */
    TEST_FF_S(28, 0x34800000, NX, 0x3f800001, 0x3f800001, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rtz)
    /* fmadd.s rdn(1.0, 1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(29, 0x3f800000, NX, 0x3f800000, 0x3f800000, 0x33800000, fmadd.s fa0, fa1, fa2, fa3, rdn)
    /* fnmadd.s rdn(1.0, 1.0, 5.960464477539063e-08) = -1.0000001192092896 */
    TEST_FF_S(30, 0xbf800001, NX, 0x3f800000, 0x3f800000, 0x33800000, fnmadd.s fa0, fa1, fa2, fa3, rdn)
    /* fmadd.s rdn(1.0, 3.0, 5.960464477539063e-08) = 3.0 */
    TEST_FF_S(31, 0x40400000, NX, 0x3f800000, 0x40400000, 0x33800000, fmadd.s fa0, fa1, fa2, fa3, rdn)
    /* fmsub.s rdn(1.0000001192092896, 1.0000001192092896, 1.0) = 2.384185791015625e-07 */
    TEST_FF_S(32, 0x34800000, NX, 0x3f800001, 0x3f800001, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rdn)
    /* fmadd.s rup(1.0, 1.0, 5.960464477539063e-08) = 1.0000001192092896 */
    TEST_FF_S(33, 0x3f800001, NX, 0x3f800000, 0x3f800000, 0x33800000, fmadd.s fa0, fa1, fa2, fa3, rup)
    /* fnmadd.s rup(1.0, 1.0, 5.960464477539063e-08) = -1.0 */
    TEST_FF_S(34, 0xbf800000, NX, 0x3f800000, 0x3f800000, 0x33800000, fnmadd.s fa0, fa1, fa2, fa3, rup)
    /* fmadd.s rup(1.0, 3.0, 5.960464477539063e-08) = 3.000000238418579 */
    TEST_FF_S(35, 0x40400001, NX, 0x3f800000, 0x40400000, 0x33800000, fmadd.s fa0, fa1, fa2, fa3, rup)
    /* fmsub.s rup(1.0000001192092896, 1.0000001192092896, 1.0) = 2.3841860752327193e-07 */
    TEST_FF_S(36, 0x34800001, NX, 0x3f800001, 0x3f800001, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rup)
    /* fmadd.s rmm(1.0, 1.0, 5.960464477539063e-08) = 1.0000001192092896 */
    TEST_FF_S(37, 0x3f800001, NX, 0x3f800000, 0x3f800000, 0x33800000, fmadd.s fa0, fa1, fa2, fa3, rmm)
    /* fnmadd.s rmm(1.0, 1.0, 5.960464477539063e-08) = -1.0000001192092896 */
    TEST_FF_S(38, 0xbf800001, NX, 0x3f800000, 0x3f800000, 0x33800000, fnmadd.s fa0, fa1, fa2, fa3, rmm)
    /* fmadd.s rmm(1.0, 3.0, 5.960464477539063e-08) = 3.0 */
    TEST_FF_S(39, 0x40400000, NX, 0x3f800000, 0x40400000, 0x33800000, fmadd.s fa0, fa1, fa2, fa3, rmm)
    /* fmsub.s rmm(1.0000001192092896, 1.0000001192092896, 1.0) = 2.3841860752327193e-07 */
    TEST_FF_S(40, 0x34800001, NX, 0x3f800001, 0x3f800001, 0x3f800000, fmsub.s fa0, fa1, fa2, fa3, rmm)
    /* fmadd.s dyn:rne(1.0, 1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(41, 0x3f800000, NX, 0x3f800000, 0x3f800000, 0x33800000, fsrmi 0; fmadd.s fa0, fa1, fa2, fa3)
    /* fmadd.s dyn:rtz(1.0, 1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(42, 0x3f800000, NX, 0x3f800000, 0x3f800000, 0x33800000, fsrmi 1; fmadd.s fa0, fa1, fa2, fa3)
    /* fmadd.s dyn:rdn(1.0, 1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(43, 0x3f800000, NX, 0x3f800000, 0x3f800000, 0x33800000, fsrmi 2; fmadd.s fa0, fa1, fa2, fa3)
    /* fmadd.s dyn:rup(1.0, 1.0, 5.960464477539063e-08) = 1.0000001192092896 */
    TEST_FF_S(44, 0x3f800001, NX, 0x3f800000, 0x3f800000, 0x33800000, fsrmi 3; fmadd.s fa0, fa1, fa2, fa3)
    /* fmadd.s dyn:rmm(1.0, 1.0, 5.960464477539063e-08) = 1.0000001192092896 */
    TEST_FF_S(45, 0x3f800001, NX, 0x3f800000, 0x3f800000, 0x33800000, fsrmi 4; fmadd.s fa0, fa1, fa2, fa3)

    /* invalid: inf*0 (NV even with a quiet NaN addend), inf - inf */
    /* fmadd.s rne(inf, +0, 1.0) = qNaN */
    TEST_FF_S(46, 0x7fc00000, NV, 0x7f800000, 0x0, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmadd.s rne(-0, -inf, qNaN) = qNaN */
    TEST_FF_S(47, 0x7fc00000, NV, 0x80000000, 0xff800000, 0x7fc00000, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmadd.s rne(inf, 1.0, -inf) = qNaN */
    TEST_FF_S(48, 0x7fc00000, NV, 0x7f800000, 0x3f800000, 0xff800000, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmsub.s rne(inf, 1.0, inf) = qNaN */
    TEST_FF_S(49, 0x7fc00000, NV, 0x7f800000, 0x3f800000, 0x7f800000, fmsub.s fa0, fa1, fa2, fa3, rne)
    /* fmadd.s rne(inf, 1.0, inf) = inf */
    TEST_FF_S(50, 0x7f800000, 0, 0x7f800000, 0x3f800000, 0x7f800000, fmadd.s fa0, fa1, fa2, fa3, rne)

    /* NaN operands */
    /* fmadd.s rne(qNaN(payload), 1.0, 1.0) = qNaN */
    TEST_FF_S(51, 0x7fc00000, 0, 0x7fc12345, 0x3f800000, 0x3f800000, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmadd.s rne(1.0, 1.0, sNaN(payload)) = qNaN */
    TEST_FF_S(52, 0x7fc00000, NV, 0x3f800000, 0x3f800000, 0x7f800001, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fnmadd.s rne(1.0, sNaN(payload), qNaN) = qNaN */
    TEST_FF_S(53, 0x7fc00000, NV, 0x3f800000, 0x7fa00000, 0x7fc00000, fnmadd.s fa0, fa1, fa2, fa3, rne)

    /* overflow and underflow */
    /* fmadd.s rne(3.4028234663852886e+38, 2.0, -3.4028234663852886e+38) = 3.4028234663852886e+38 */
    TEST_FF_S(54, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fnmsub.s rne(1.1754943508222875e-38, 0.5, 1.401298464324817e-45) = -5.877470352812973e-39 */
    TEST_FF_S(55, 0x803fffff, 0, 0x800000, 0x3f000000, 0x1, fnmsub.s fa0, fa1, fa2, fa3, rne)
    /* fmadd.s rtz(3.4028234663852886e+38, 2.0, -3.4028234663852886e+38) = 3.4028234663852886e+38 */
    TEST_FF_S(56, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff, fmadd.s fa0, fa1, fa2, fa3, rtz)
    /* fnmsub.s rtz(1.1754943508222875e-38, 0.5, 1.401298464324817e-45) = -5.877470352812973e-39 */
    TEST_FF_S(57, 0x803fffff, 0, 0x800000, 0x3f000000, 0x1, fnmsub.s fa0, fa1, fa2, fa3, rtz)
    /* fmadd.s rdn(3.4028234663852886e+38, 2.0, -3.4028234663852886e+38) = 3.4028234663852886e+38 */
    TEST_FF_S(58, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff, fmadd.s fa0, fa1, fa2, fa3, rdn)
    /* fnmsub.s rdn(1.1754943508222875e-38, 0.5, 1.401298464324817e-45) = -5.877470352812973e-39 */
    TEST_FF_S(59, 0x803fffff, 0, 0x800000, 0x3f000000, 0x1, fnmsub.s fa0, fa1, fa2, fa3, rdn)
    /* fmadd.s rup(3.4028234663852886e+38, 2.0, -3.4028234663852886e+38) = 3.4028234663852886e+38 */
    TEST_FF_S(60, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff, fmadd.s fa0, fa1, fa2, fa3, rup)
    /* fnmsub.s rup(1.1754943508222875e-38, 0.5, 1.401298464324817e-45) = -5.877470352812973e-39 */
    TEST_FF_S(61, 0x803fffff, 0, 0x800000, 0x3f000000, 0x1, fnmsub.s fa0, fa1, fa2, fa3, rup)
    /* fmadd.s rmm(3.4028234663852886e+38, 2.0, -3.4028234663852886e+38) = 3.4028234663852886e+38 */
    TEST_FF_S(62, 0x7f7fffff, 0, 0x7f7fffff, 0x40000000, 0xff7fffff, fmadd.s fa0, fa1, fa2, fa3, rmm)
    /* fnmsub.s rmm(1.1754943508222875e-38, 0.5, 1.401298464324817e-45) = -5.877470352812973e-39 */
    TEST_FF_S(63, 0x803fffff, 0, 0x800000, 0x3f000000, 0x1, fnmsub.s fa0, fa1, fa2, fa3, rmm)
    /* fmadd.s rne(1.401298464324817e-45, 0.5, +0) = +0 */
    TEST_FF_S(64, 0x0, UF|NX, 0x1, 0x3f000000, 0x0, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmadd.s rmm(1.401298464324817e-45, 0.5, -0) = 1.401298464324817e-45 */
    TEST_FF_S(65, 0x1, UF|NX, 0x1, 0x3f000000, 0x80000000, fmadd.s fa0, fa1, fa2, fa3, rmm)

    /* tininess is detected after rounding: MINNORM - MINSUB/8 is below the smallest normal but, except toward zero or down, rounds up to it with an unbounded exponent: no UF */
    /* fmadd.s rne(1.401298464324817e-45, -0.125, 1.1754943508222875e-38) = 1.1754943508222875e-38 */
    TEST_FF_S(66, 0x800000, NX, 0x1, 0xbe000000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rne)
    /* fmadd.s rtz(1.401298464324817e-45, -0.125, 1.1754943508222875e-38) = 1.1754942106924411e-38 */
    TEST_FF_S(67, 0x7fffff, UF|NX, 0x1, 0xbe000000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rtz)
    /* fmadd.s rdn(1.401298464324817e-45, -0.125, 1.1754943508222875e-38) = 1.1754942106924411e-38 */
    TEST_FF_S(68, 0x7fffff, UF|NX, 0x1, 0xbe000000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rdn)
    /* fmadd.s rup(1.401298464324817e-45, -0.125, 1.1754943508222875e-38) = 1.1754943508222875e-38 */
    TEST_FF_S(69, 0x800000, NX, 0x1, 0xbe000000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rup)
    /* fmadd.s rmm(1.401298464324817e-45, -0.125, 1.1754943508222875e-38) = 1.1754943508222875e-38 */
    TEST_FF_S(70, 0x800000, NX, 0x1, 0xbe000000, 0x800000, fmadd.s fa0, fa1, fa2, fa3, rmm)

    /* the four fused operations: a*b+c, a*b-c, -(a*b)+c, -(a*b)-c  (d) */
    /* fmadd.d rne(2.0, 3.0, 1.0) = 7.0 */
    TEST_FF_D(71, 0x401c000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmsub.d rne(2.0, 3.0, 1.0) = 5.0 */
    TEST_FF_D(72, 0x4014000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)
    /* fnmsub.d rne(2.0, 3.0, 1.0) = -5.0 */
    TEST_FF_D(73, 0xc014000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)
    /* fnmadd.d rne(2.0, 3.0, 1.0) = -7.0 */
    TEST_FF_D(74, 0xc01c000000000000, 0, 0x4000000000000000, 0x4008000000000000, 0x3ff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)

    /* single rounding: (1+u)(1-u/2) - 1 = u/2 - u^2/2 exactly (u = ulp of 1), 0 if the product were rounded */
    /* fmadd.d rne(1.0000000000000002, 0.9999999999999999, -1.0) = 1.1102230246251563e-16 */
    TEST_FF_D(75, 0x3c9ffffffffffffe, 0, 0x3ff0000000000001, 0x3fefffffffffffff, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmsub.d rne(1.0000000000000002, 0.9999999999999999, -1.0) = 2.0 */
    TEST_FF_D(76, 0x4000000000000000, NX, 0x3ff0000000000001, 0x3fefffffffffffff, 0xbff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)
    /* fnmsub.d rne(1.0000000000000002, 0.9999999999999999, -1.0) = -2.0 */
    TEST_FF_D(77, 0xc000000000000000, NX, 0x3ff0000000000001, 0x3fefffffffffffff, 0xbff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)
    /* fnmadd.d rne(1.0000000000000002, 0.9999999999999999, -1.0) = -1.1102230246251563e-16 */
    TEST_FF_D(78, 0xbc9ffffffffffffe, 0, 0x3ff0000000000001, 0x3fefffffffffffff, 0xbff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)

    /* zero signs of exact zero results */
    /* fmadd.d rne(1.0, 1.0, -1.0) = +0 */
    TEST_FF_D(79, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmsub.d rne(1.0, 1.0, 1.0) = +0 */
    TEST_FF_D(80, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)
    /* fnmsub.d rne(1.0, 1.0, 1.0) = +0 */
    TEST_FF_D(81, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)
    /* fnmadd.d rne(1.0, 1.0, -1.0) = +0 */
    TEST_FF_D(82, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmadd.d rdn(1.0, 1.0, -1.0) = -0 */
    TEST_FF_D(83, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rdn)
    /* fmsub.d rdn(1.0, 1.0, 1.0) = -0 */
    TEST_FF_D(84, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rdn)
    /* fnmsub.d rdn(1.0, 1.0, 1.0) = -0 */
    TEST_FF_D(85, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, fnmsub.d fa0, fa1, fa2, fa3, rdn)
    /* fnmadd.d rdn(1.0, 1.0, -1.0) = -0 */
    TEST_FF_D(86, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0xbff0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rdn)
    /* fmadd.d rne(+0, 1.0, -0) = +0 */
    TEST_FF_D(87, 0x0, 0, 0x0, 0x3ff0000000000000, 0x8000000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmsub.d rne(+0, 1.0, -0) = +0 */
    TEST_FF_D(88, 0x0, 0, 0x0, 0x3ff0000000000000, 0x8000000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)
    /* fnmsub.d rne(+0, 1.0, -0) = -0 */
    TEST_FF_D(89, 0x8000000000000000, 0, 0x0, 0x3ff0000000000000, 0x8000000000000000, fnmsub.d fa0, fa1, fa2, fa3, rne)
    /* fnmadd.d rne(+0, 1.0, -0) = +0 */
    TEST_FF_D(90, 0x0, 0, 0x0, 0x3ff0000000000000, 0x8000000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)

    /* every rounding mode, including RMM ties: 1*1 + half an ulp, and its negation */
    /* fmadd.d rne(1.0, 1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(91, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fnmadd.d rne(1.0, 1.0, 1.1102230246251565e-16) = -1.0 */
    TEST_FF_D(92, 0xbff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmadd.d rne(1.0, 3.0, 1.1102230246251565e-16) = 3.0 */
    TEST_FF_D(93, 0x4008000000000000, NX, 0x3ff0000000000000, 0x4008000000000000, 0x3ca0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmsub.d rne(1.0000000000000002, 1.0000000000000002, 1.0) = 4.440892098500626e-16 */
    TEST_FF_D(94, 0x3cc0000000000000, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)
    /* fmadd.d rtz(1.0, 1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(95, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fmadd.d fa0, fa1, fa2, fa3, rtz)
    /* fnmadd.d rtz(1.0, 1.0, 1.1102230246251565e-16) = -1.0 */
    TEST_FF_D(96, 0xbff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rtz)
    /* fmadd.d rtz(1.0, 3.0, 1.1102230246251565e-16) = 3.0 */
    TEST_FF_D(97, 0x4008000000000000, NX, 0x3ff0000000000000, 0x4008000000000000, 0x3ca0000000000000, fmadd.d fa0, fa1, fa2, fa3, rtz)
    /* fmsub.d rtz(1.0000000000000002, 1.0000000000000002, 1.0) = 4.440892098500626e-16 */
    TEST_FF_D(98, 0x3cc0000000000000, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rtz)
    /* fmadd.d rdn(1.0, 1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(99, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fmadd.d fa0, fa1, fa2, fa3, rdn)
    /* fnmadd.d rdn(1.0, 1.0, 1.1102230246251565e-16) = -1.0000000000000002 */
    TEST_FF_D(100, 0xbff0000000000001, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rdn)
    /* fmadd.d rdn(1.0, 3.0, 1.1102230246251565e-16) = 3.0 */
    TEST_FF_D(101, 0x4008000000000000, NX, 0x3ff0000000000000, 0x4008000000000000, 0x3ca0000000000000, fmadd.d fa0, fa1, fa2, fa3, rdn)
    /* fmsub.d rdn(1.0000000000000002, 1.0000000000000002, 1.0) = 4.440892098500626e-16 */
    TEST_FF_D(102, 0x3cc0000000000000, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rdn)
    /* fmadd.d rup(1.0, 1.0, 1.1102230246251565e-16) = 1.0000000000000002 */
    TEST_FF_D(103, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fmadd.d fa0, fa1, fa2, fa3, rup)
    /* fnmadd.d rup(1.0, 1.0, 1.1102230246251565e-16) = -1.0 */
    TEST_FF_D(104, 0xbff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rup)
    /* fmadd.d rup(1.0, 3.0, 1.1102230246251565e-16) = 3.0000000000000004 */
    TEST_FF_D(105, 0x4008000000000001, NX, 0x3ff0000000000000, 0x4008000000000000, 0x3ca0000000000000, fmadd.d fa0, fa1, fa2, fa3, rup)
    /* fmsub.d rup(1.0000000000000002, 1.0000000000000002, 1.0) = 4.440892098500627e-16 */
    TEST_FF_D(106, 0x3cc0000000000001, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rup)
    /* fmadd.d rmm(1.0, 1.0, 1.1102230246251565e-16) = 1.0000000000000002 */
    TEST_FF_D(107, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fmadd.d fa0, fa1, fa2, fa3, rmm)
    /* fnmadd.d rmm(1.0, 1.0, 1.1102230246251565e-16) = -1.0000000000000002 */
    TEST_FF_D(108, 0xbff0000000000001, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fnmadd.d fa0, fa1, fa2, fa3, rmm)
    /* fmadd.d rmm(1.0, 3.0, 1.1102230246251565e-16) = 3.0 */
    TEST_FF_D(109, 0x4008000000000000, NX, 0x3ff0000000000000, 0x4008000000000000, 0x3ca0000000000000, fmadd.d fa0, fa1, fa2, fa3, rmm)
    /* fmsub.d rmm(1.0000000000000002, 1.0000000000000002, 1.0) = 4.440892098500627e-16 */
    TEST_FF_D(110, 0x3cc0000000000001, NX, 0x3ff0000000000001, 0x3ff0000000000001, 0x3ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rmm)
    /* fmadd.d dyn:rne(1.0, 1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(111, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fsrmi 0; fmadd.d fa0, fa1, fa2, fa3)
    /* fmadd.d dyn:rtz(1.0, 1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(112, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fsrmi 1; fmadd.d fa0, fa1, fa2, fa3)
    /* fmadd.d dyn:rdn(1.0, 1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(113, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fsrmi 2; fmadd.d fa0, fa1, fa2, fa3)
    /* fmadd.d dyn:rup(1.0, 1.0, 1.1102230246251565e-16) = 1.0000000000000002 */
    TEST_FF_D(114, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fsrmi 3; fmadd.d fa0, fa1, fa2, fa3)
    /* fmadd.d dyn:rmm(1.0, 1.0, 1.1102230246251565e-16) = 1.0000000000000002 */
    TEST_FF_D(115, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ff0000000000000, 0x3ca0000000000000, fsrmi 4; fmadd.d fa0, fa1, fa2, fa3)

    /* invalid: inf*0 (NV even with a quiet NaN addend), inf - inf */
    /* fmadd.d rne(inf, +0, 1.0) = qNaN */
    TEST_FF_D(116, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0x0, 0x3ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmadd.d rne(-0, -inf, qNaN) = qNaN */
    TEST_FF_D(117, 0x7ff8000000000000, NV, 0x8000000000000000, 0xfff0000000000000, 0x7ff8000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmadd.d rne(inf, 1.0, -inf) = qNaN */
    TEST_FF_D(118, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0x3ff0000000000000, 0xfff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmsub.d rne(inf, 1.0, inf) = qNaN */
    TEST_FF_D(119, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000, fmsub.d fa0, fa1, fa2, fa3, rne)
    /* fmadd.d rne(inf, 1.0, inf) = inf */
    TEST_FF_D(120, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)

    /* NaN operands */
    /* fmadd.d rne(qNaN(payload), 1.0, 1.0) = qNaN */
    TEST_FF_D(121, 0x7ff8000000000000, 0, 0x7ff8000000012345, 0x3ff0000000000000, 0x3ff0000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmadd.d rne(1.0, 1.0, sNaN(payload)) = qNaN */
    TEST_FF_D(122, 0x7ff8000000000000, NV, 0x3ff0000000000000, 0x3ff0000000000000, 0x7ff0000000000001, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fnmadd.d rne(1.0, sNaN(payload), qNaN) = qNaN */
    TEST_FF_D(123, 0x7ff8000000000000, NV, 0x3ff0000000000000, 0x7ff4000000000000, 0x7ff8000000000000, fnmadd.d fa0, fa1, fa2, fa3, rne)

    /* overflow and underflow */
    /* fmadd.d rne(1.7976931348623157e+308, 2.0, -1.7976931348623157e+308) = 1.7976931348623157e+308 */
    TEST_FF_D(124, 0x7fefffffffffffff, 0, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fnmsub.d rne(2.2250738585072014e-308, 0.5, 5e-324) = -1.1125369292536e-308 */
    TEST_FF_D(125, 0x8007ffffffffffff, 0, 0x10000000000000, 0x3fe0000000000000, 0x1, fnmsub.d fa0, fa1, fa2, fa3, rne)
    /* fmadd.d rtz(1.7976931348623157e+308, 2.0, -1.7976931348623157e+308) = 1.7976931348623157e+308 */
    TEST_FF_D(126, 0x7fefffffffffffff, 0, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff, fmadd.d fa0, fa1, fa2, fa3, rtz)
    /* fnmsub.d rtz(2.2250738585072014e-308, 0.5, 5e-324) = -1.1125369292536e-308 */
    TEST_FF_D(127, 0x8007ffffffffffff, 0, 0x10000000000000, 0x3fe0000000000000, 0x1, fnmsub.d fa0, fa1, fa2, fa3, rtz)
    /* fmadd.d rdn(1.7976931348623157e+308, 2.0, -1.7976931348623157e+308) = 1.7976931348623157e+308 */
    TEST_FF_D(128, 0x7fefffffffffffff, 0, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff, fmadd.d fa0, fa1, fa2, fa3, rdn)
    /* fnmsub.d rdn(2.2250738585072014e-308, 0.5, 5e-324) = -1.1125369292536e-308 */
    TEST_FF_D(129, 0x8007ffffffffffff, 0, 0x10000000000000, 0x3fe0000000000000, 0x1, fnmsub.d fa0, fa1, fa2, fa3, rdn)
    /* fmadd.d rup(1.7976931348623157e+308, 2.0, -1.7976931348623157e+308) = 1.7976931348623157e+308 */
    TEST_FF_D(130, 0x7fefffffffffffff, 0, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff, fmadd.d fa0, fa1, fa2, fa3, rup)
    /* fnmsub.d rup(2.2250738585072014e-308, 0.5, 5e-324) = -1.1125369292536e-308 */
    TEST_FF_D(131, 0x8007ffffffffffff, 0, 0x10000000000000, 0x3fe0000000000000, 0x1, fnmsub.d fa0, fa1, fa2, fa3, rup)
    /* fmadd.d rmm(1.7976931348623157e+308, 2.0, -1.7976931348623157e+308) = 1.7976931348623157e+308 */
    TEST_FF_D(132, 0x7fefffffffffffff, 0, 0x7fefffffffffffff, 0x4000000000000000, 0xffefffffffffffff, fmadd.d fa0, fa1, fa2, fa3, rmm)
    /* fnmsub.d rmm(2.2250738585072014e-308, 0.5, 5e-324) = -1.1125369292536e-308 */
    TEST_FF_D(133, 0x8007ffffffffffff, 0, 0x10000000000000, 0x3fe0000000000000, 0x1, fnmsub.d fa0, fa1, fa2, fa3, rmm)
    /* fmadd.d rne(5e-324, 0.5, +0) = +0 */
    TEST_FF_D(134, 0x0, UF|NX, 0x1, 0x3fe0000000000000, 0x0, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmadd.d rmm(5e-324, 0.5, -0) = 5e-324 */
    TEST_FF_D(135, 0x1, UF|NX, 0x1, 0x3fe0000000000000, 0x8000000000000000, fmadd.d fa0, fa1, fa2, fa3, rmm)

    /* tininess is detected after rounding: MINNORM - MINSUB/8 is below the smallest normal but, except toward zero or down, rounds up to it with an unbounded exponent: no UF */
    /* fmadd.d rne(5e-324, -0.125, 2.2250738585072014e-308) = 2.2250738585072014e-308 */
    TEST_FF_D(136, 0x10000000000000, NX, 0x1, 0xbfc0000000000000, 0x10000000000000, fmadd.d fa0, fa1, fa2, fa3, rne)
    /* fmadd.d rtz(5e-324, -0.125, 2.2250738585072014e-308) = 2.225073858507201e-308 */
    TEST_FF_D(137, 0xfffffffffffff, UF|NX, 0x1, 0xbfc0000000000000, 0x10000000000000, fmadd.d fa0, fa1, fa2, fa3, rtz)
    /* fmadd.d rdn(5e-324, -0.125, 2.2250738585072014e-308) = 2.225073858507201e-308 */
    TEST_FF_D(138, 0xfffffffffffff, UF|NX, 0x1, 0xbfc0000000000000, 0x10000000000000, fmadd.d fa0, fa1, fa2, fa3, rdn)
    /* fmadd.d rup(5e-324, -0.125, 2.2250738585072014e-308) = 2.2250738585072014e-308 */
    TEST_FF_D(139, 0x10000000000000, NX, 0x1, 0xbfc0000000000000, 0x10000000000000, fmadd.d fa0, fa1, fa2, fa3, rup)
    /* fmadd.d rmm(5e-324, -0.125, 2.2250738585072014e-308) = 2.2250738585072014e-308 */
    TEST_FF_D(140, 0x10000000000000, NX, 0x1, 0xbfc0000000000000, 0x10000000000000, fmadd.d fa0, fa1, fa2, fa3, rmm)

TEST_END
