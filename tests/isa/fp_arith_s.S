/* Single-precision fadd/fsub/fmul/fdiv/fsqrt: rounding modes, ties, signed zeros, NaNs, flags.
 * Expected values agree with qemu-riscv64 (the reference). */
#include "test_macros.h"

TEST_BEGIN

    /* basic results, exact and inexact */
    /* fadd.s rne(1.0, 2.0) = 3.0 */
    TEST_FF_S(1, 0x40400000, 0, 0x3f800000, 0x40000000, 0x0, fadd.s fa0, fa1, fa2, rne)
    /* fsub.s rne(1.0, 3.0) = -2.0 */
    TEST_FF_S(2, 0xc0000000, 0, 0x3f800000, 0x40400000, 0x0, fsub.s fa0, fa1, fa2, rne)
    /* fmul.s rne(-3.0, 0.5) = -1.5 */
    TEST_FF_S(3, 0xbfc00000, 0, 0xc0400000, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rne)
    /* fdiv.s rne(1.0, 3.0) = 0.3333333432674408 */
    TEST_FF_S(4, 0x3eaaaaab, NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne)
    /* fsqrt.s rne(10.0) = 3.1622776985168457 */
    TEST_FF_S(5, 0x404a62c2, NX, 0x41200000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)

    /* every rounding mode, static: 1/3, -1/3, sqrt(2)=sqrt(TWO), 10/3 */
    /* fdiv.s rne(1.0, 3.0) = 0.3333333432674408 */
    TEST_FF_S(6, 0x3eaaaaab, NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne)
    /* fdiv.s rne(-1.0, 3.0) = -0.3333333432674408 */
    TEST_FF_S(7, 0xbeaaaaab, NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne)
    /* fsqrt.s rne(2.0) = 1.4142135381698608 */
    TEST_FF_S(8, 0x3fb504f3, NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)
    /* fdiv.s rtz(1.0, 3.0) = 0.3333333134651184 */
    TEST_FF_S(9, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rtz)
    /* fdiv.s rtz(-1.0, 3.0) = -0.3333333134651184 */
    TEST_FF_S(10, 0xbeaaaaaa, NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rtz)
    /* fsqrt.s rtz(2.0) = 1.4142135381698608 */
    TEST_FF_S(11, 0x3fb504f3, NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rtz)
    /* fdiv.s rdn(1.0, 3.0) = 0.3333333134651184 */
    TEST_FF_S(12, 0x3eaaaaaa, NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rdn)
    /* fdiv.s rdn(-1.0, 3.0) = -0.3333333432674408 */
    TEST_FF_S(13, 0xbeaaaaab, NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rdn)
    /* fsqrt.s rdn(2.0) = 1.4142135381698608 */
    TEST_FF_S(14, 0x3fb504f3, NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rdn)
    /* fdiv.s rup(1.0, 3.0) = 0.3333333432674408 */
    TEST_FF_S(15, 0x3eaaaaab, NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rup)
    /* fdiv.s rup(-1.0, 3.0) = -0.3333333134651184 */
    TEST_FF_S(16, 0xbeaaaaaa, NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rup)
    /* fsqrt.s rup(2.0) = 1.4142136573791504 */
    TEST_FF_S(17, 0x3fb504f4, NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rup)
    /* fdiv.s rmm(1.0, 3.0) = 0.3333333432674408 */
    TEST_FF_S(18, 0x3eaaaaab, NX, 0x3f800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rmm)
    /* fdiv.s rmm(-1.0, 3.0) = -0.3333333432674408 */
    TEST_FF_S(19, 0xbeaaaaab, NX, 0xbf800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rmm)
    /* fsqrt.s rmm(2.0) = 1.4142135381698608 */
    TEST_FF_S(20, 0x3fb504f3, NX, 0x40000000, 0x0, 0x0, fsqrt.s fa0, fa1, rmm)

    /* ties: 1 + half an ulp, 1+ulp + half an ulp, and negated; RMM rounds ties away from zero */
    /* fadd.s rne(1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(21, 0x3f800000, NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rne)
    /* fadd.s rne(1.0000001192092896, 5.960464477539063e-08) = 1.000000238418579 */
    TEST_FF_S(22, 0x3f800002, NX, 0x3f800001, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rne)
    /* fsub.s rne(-1.0, 5.960464477539063e-08) = -1.0 */
    TEST_FF_S(23, 0xbf800000, NX, 0xbf800000, 0x33800000, 0x0, fsub.s fa0, fa1, fa2, rne)
    /* fadd.s rtz(1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(24, 0x3f800000, NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rtz)
    /* fadd.s rtz(1.0000001192092896, 5.960464477539063e-08) = 1.0000001192092896 */
    TEST_FF_S(25, 0x3f800001, NX, 0x3f800001, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rtz)
    /* fsub.s rtz(-1.0, 5.960464477539063e-08) = -1.0 */
    TEST_FF_S(26, 0xbf800000, NX, 0xbf800000, 0x33800000, 0x0, fsub.s fa0, fa1, fa2, rtz)
    /* fadd.s rdn(1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(27, 0x3f800000, NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rdn)
    /* fadd.s rdn(1.0000001192092896, 5.960464477539063e-08) = 1.0000001192092896 */
    TEST_FF_S(28, 0x3f800001, NX, 0x3f800001, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rdn)
    /* fsub.s rdn(-1.0, 5.960464477539063e-08) = -1.0000001192092896 */
    TEST_FF_S(29, 0xbf800001, NX, 0xbf800000, 0x33800000, 0x0, fsub.s fa0, fa1, fa2, rdn)
    /* fadd.s rup(1.0, 5.960464477539063e-08) = 1.0000001192092896 */
    TEST_FF_S(30, 0x3f800001, NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rup)
    /* fadd.s rup(1.0000001192092896, 5.960464477539063e-08) = 1.000000238418579 */
    TEST_FF_S(31, 0x3f800002, NX, 0x3f800001, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rup)
    /* fsub.s rup(-1.0, 5.960464477539063e-08) = -1.0 */
    TEST_FF_S(32, 0xbf800000, NX, 0xbf800000, 0x33800000, 0x0, fsub.s fa0, fa1, fa2, rup)
    /* fadd.s rmm(1.0, 5.960464477539063e-08) = 1.0000001192092896 */
    TEST_FF_S(33, 0x3f800001, NX, 0x3f800000, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rmm)
    /* fadd.s rmm(1.0000001192092896, 5.960464477539063e-08) = 1.000000238418579 */
    TEST_FF_S(34, 0x3f800002, NX, 0x3f800001, 0x33800000, 0x0, fadd.s fa0, fa1, fa2, rmm)
    /* fsub.s rmm(-1.0, 5.960464477539063e-08) = -1.0000001192092896 */
    TEST_FF_S(35, 0xbf800001, NX, 0xbf800000, 0x33800000, 0x0, fsub.s fa0, fa1, fa2, rmm)

    /* ties in the subnormal range: min_subnormal * 0.5 and 3*min_subnormal / 2 */
    /* fmul.s rne(1.401298464324817e-45, 0.5) = +0 */
    TEST_FF_S(36, 0x0, UF|NX, 0x1, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rne)
    /* fdiv.s rne(4.203895392974451e-45, 2.0) = 2.802596928649634e-45 */
    TEST_FF_S(37, 0x2, UF|NX, 0x3, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rne)
    /* fmul.s rtz(1.401298464324817e-45, 0.5) = +0 */
    TEST_FF_S(38, 0x0, UF|NX, 0x1, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rtz)
    /* fdiv.s rtz(4.203895392974451e-45, 2.0) = 1.401298464324817e-45 */
    TEST_FF_S(39, 0x1, UF|NX, 0x3, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rtz)
    /* fmul.s rdn(1.401298464324817e-45, 0.5) = +0 */
    TEST_FF_S(40, 0x0, UF|NX, 0x1, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rdn)
    /* fdiv.s rdn(4.203895392974451e-45, 2.0) = 1.401298464324817e-45 */
    TEST_FF_S(41, 0x1, UF|NX, 0x3, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rdn)
    /* fmul.s rup(1.401298464324817e-45, 0.5) = 1.401298464324817e-45 */
    TEST_FF_S(42, 0x1, UF|NX, 0x1, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rup)
    /* fdiv.s rup(4.203895392974451e-45, 2.0) = 2.802596928649634e-45 */
    TEST_FF_S(43, 0x2, UF|NX, 0x3, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rup)
    /* fmul.s rmm(1.401298464324817e-45, 0.5) = 1.401298464324817e-45 */
    TEST_FF_S(44, 0x1, UF|NX, 0x1, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rmm)
    /* fdiv.s rmm(4.203895392974451e-45, 2.0) = 2.802596928649634e-45 */
    TEST_FF_S(45, 0x2, UF|NX, 0x3, 0x40000000, 0x0, fdiv.s fa0, fa1, fa2, rmm)

    /* the same through the dynamic rounding mode (frm) */
    /* fadd.s dyn:rne(1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(46, 0x3f800000, NX, 0x3f800000, 0x33800000, 0x0, fsrmi 0; fadd.s fa0, fa1, fa2)
    /* fdiv.s dyn:rne(-1.0, 3.0) = -0.3333333432674408 */
    TEST_FF_S(47, 0xbeaaaaab, NX, 0xbf800000, 0x40400000, 0x0, fsrmi 0; fdiv.s fa0, fa1, fa2)
    /* fadd.s dyn:rtz(1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(48, 0x3f800000, NX, 0x3f800000, 0x33800000, 0x0, fsrmi 1; fadd.s fa0, fa1, fa2)
    /* fdiv.s dyn:rtz(-1.0, 3.0) = -0.3333333134651184 */
    TEST_FF_S(49, 0xbeaaaaaa, NX, 0xbf800000, 0x40400000, 0x0, fsrmi 1; fdiv.s fa0, fa1, fa2)
    /* fadd.s dyn:rdn(1.0, 5.960464477539063e-08) = 1.0 */
    TEST_FF_S(50, 0x3f800000, NX, 0x3f800000, 0x33800000, 0x0, fsrmi 2; fadd.s fa0, fa1, fa2)
    /* fdiv.s dyn:rdn(-1.0, 3.0) = -0.3333333432674408 */
    TEST_FF_S(51, 0xbeaaaaab, NX, 0xbf800000, 0x40400000, 0x0, fsrmi 2; fdiv.s fa0, fa1, fa2)
    /* fadd.s dyn:rup(1.0, 5.960464477539063e-08) = 1.0000001192092896 */
    TEST_FF_S(52, 0x3f800001, NX, 0x3f800000, 0x33800000, 0x0, fsrmi 3; fadd.s fa0, fa1, fa2)
    /* fdiv.s dyn:rup(-1.0, 3.0) = -0.3333333134651184 */
    TEST_FF_S(53, 0xbeaaaaaa, NX, 0xbf800000, 0x40400000, 0x0, fsrmi 3; fdiv.s fa0, fa1, fa2)
    /* fadd.s dyn:rmm(1.0, 5.960464477539063e-08) = 1.0000001192092896 */
    TEST_FF_S(54, 0x3f800001, NX, 0x3f800000, 0x33800000, 0x0, fsrmi 4; fadd.s fa0, fa1, fa2)
    /* fdiv.s dyn:rmm(-1.0, 3.0) = -0.3333333432674408 */
    TEST_FF_S(55, 0xbeaaaaab, NX, 0xbf800000, 0x40400000, 0x0, fsrmi 4; fdiv.s fa0, fa1, fa2)

    /* signed zeros: x - x is +0 except when rounding down */
    /* fsub.s rne(1.0, 1.0) = +0 */
    TEST_FF_S(56, 0x0, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rne)
    /* fsub.s rtz(1.0, 1.0) = +0 */
    TEST_FF_S(57, 0x0, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rtz)
    /* fsub.s rdn(1.0, 1.0) = -0 */
    TEST_FF_S(58, 0x80000000, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rdn)
    /* fsub.s rup(1.0, 1.0) = +0 */
    TEST_FF_S(59, 0x0, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rup)
    /* fsub.s rmm(1.0, 1.0) = +0 */
    TEST_FF_S(60, 0x0, 0, 0x3f800000, 0x3f800000, 0x0, fsub.s fa0, fa1, fa2, rmm)
    /* fadd.s rne(-0, -0) = -0 */
    TEST_FF_S(61, 0x80000000, 0, 0x80000000, 0x80000000, 0x0, fadd.s fa0, fa1, fa2, rne)
    /* fadd.s rne(-0, +0) = +0 */
    TEST_FF_S(62, 0x0, 0, 0x80000000, 0x0, 0x0, fadd.s fa0, fa1, fa2, rne)
    /* fmul.s rne(-0, 1.0) = -0 */
    TEST_FF_S(63, 0x80000000, 0, 0x80000000, 0x3f800000, 0x0, fmul.s fa0, fa1, fa2, rne)
    /* fsqrt.s rne(-0) = -0 */
    TEST_FF_S(64, 0x80000000, 0, 0x80000000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)

    /* invalid operations give the canonical NaN with NV */
    /* fadd.s rne(inf, -inf) = qNaN */
    TEST_FF_S(65, 0x7fc00000, NV, 0x7f800000, 0xff800000, 0x0, fadd.s fa0, fa1, fa2, rne)
    /* fsub.s rne(inf, inf) = qNaN */
    TEST_FF_S(66, 0x7fc00000, NV, 0x7f800000, 0x7f800000, 0x0, fsub.s fa0, fa1, fa2, rne)
    /* fmul.s rne(+0, -inf) = qNaN */
    TEST_FF_S(67, 0x7fc00000, NV, 0x0, 0xff800000, 0x0, fmul.s fa0, fa1, fa2, rne)
    /* fdiv.s rne(+0, -0) = qNaN */
    TEST_FF_S(68, 0x7fc00000, NV, 0x0, 0x80000000, 0x0, fdiv.s fa0, fa1, fa2, rne)
    /* fdiv.s rne(inf, -inf) = qNaN */
    TEST_FF_S(69, 0x7fc00000, NV, 0x7f800000, 0xff800000, 0x0, fdiv.s fa0, fa1, fa2, rne)
    /* fsqrt.s rne(-1.0) = qNaN */
    TEST_FF_S(70, 0x7fc00000, NV, 0xbf800000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)
    /* fsqrt.s rne(-1.401298464324817e-45) = qNaN */
    TEST_FF_S(71, 0x7fc00000, NV, 0x80000001, 0x0, 0x0, fsqrt.s fa0, fa1, rne)

    /* division by zero */
    /* fdiv.s rne(1.0, +0) = inf */
    TEST_FF_S(72, 0x7f800000, DZ, 0x3f800000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne)
    /* fdiv.s rne(1.0, -0) = -inf */
    TEST_FF_S(73, 0xff800000, DZ, 0x3f800000, 0x80000000, 0x0, fdiv.s fa0, fa1, fa2, rne)
    /* fdiv.s rne(inf, +0) = inf */
    TEST_FF_S(74, 0x7f800000, 0, 0x7f800000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne)

    /* NaN operands: always the canonical NaN; NV only for a signalling NaN */
    /* fadd.s rne(qNaN(payload), 1.0) = qNaN */
    TEST_FF_S(75, 0x7fc00000, 0, 0x7fc12345, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rne)
    /* fadd.s rne(1.0, -qNaN) = qNaN */
    TEST_FF_S(76, 0x7fc00000, 0, 0x3f800000, 0xffc00000, 0x0, fadd.s fa0, fa1, fa2, rne)
    /* fmul.s rne(sNaN(payload), 1.0) = qNaN */
    TEST_FF_S(77, 0x7fc00000, NV, 0x7f800001, 0x3f800000, 0x0, fmul.s fa0, fa1, fa2, rne)
    /* fsub.s rne(qNaN, sNaN(payload)) = qNaN */
    TEST_FF_S(78, 0x7fc00000, NV, 0x7fc00000, 0x7fa00000, 0x0, fsub.s fa0, fa1, fa2, rne)
    /* fdiv.s rne(sNaN(payload), +0) = qNaN */
    TEST_FF_S(79, 0x7fc00000, NV, 0x7fa00000, 0x0, 0x0, fdiv.s fa0, fa1, fa2, rne)
    /* fsqrt.s rne(sNaN(payload)) = qNaN */
    TEST_FF_S(80, 0x7fc00000, NV, 0x7f800001, 0x0, 0x0, fsqrt.s fa0, fa1, rne)
    /* fsqrt.s rne(-qNaN) = qNaN */
    TEST_FF_S(81, 0x7fc00000, 0, 0xffc00000, 0x0, 0x0, fsqrt.s fa0, fa1, rne)
    /* fmul.s rne(qNaN, inf) = qNaN */
    TEST_FF_S(82, 0x7fc00000, 0, 0x7fc00000, 0x7f800000, 0x0, fmul.s fa0, fa1, fa2, rne)

    /* overflow: infinity or the largest finite value, by rounding mode and sign */
    /* fmul.s rne(3.4028234663852886e+38, 2.0) = inf */
    TEST_FF_S(83, 0x7f800000, OF|NX, 0x7f7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rne)
    /* fmul.s rne(-3.4028234663852886e+38, 2.0) = -inf */
    TEST_FF_S(84, 0xff800000, OF|NX, 0xff7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rne)
    /* fmul.s rtz(3.4028234663852886e+38, 2.0) = 3.4028234663852886e+38 */
    TEST_FF_S(85, 0x7f7fffff, OF|NX, 0x7f7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rtz)
    /* fmul.s rtz(-3.4028234663852886e+38, 2.0) = -3.4028234663852886e+38 */
    TEST_FF_S(86, 0xff7fffff, OF|NX, 0xff7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rtz)
    /* fmul.s rdn(3.4028234663852886e+38, 2.0) = 3.4028234663852886e+38 */
    TEST_FF_S(87, 0x7f7fffff, OF|NX, 0x7f7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rdn)
    /* fmul.s rdn(-3.4028234663852886e+38, 2.0) = -inf */
    TEST_FF_S(88, 0xff800000, OF|NX, 0xff7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rdn)
    /* fmul.s rup(3.4028234663852886e+38, 2.0) = inf */
    TEST_FF_S(89, 0x7f800000, OF|NX, 0x7f7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rup)
    /* fmul.s rup(-3.4028234663852886e+38, 2.0) = -3.4028234663852886e+38 */
    TEST_FF_S(90, 0xff7fffff, OF|NX, 0xff7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rup)
    /* fmul.s rmm(3.4028234663852886e+38, 2.0) = inf */
    TEST_FF_S(91, 0x7f800000, OF|NX, 0x7f7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rmm)
    /* fmul.s rmm(-3.4028234663852886e+38, 2.0) = -inf */
    TEST_FF_S(92, 0xff800000, OF|NX, 0xff7fffff, 0x40000000, 0x0, fmul.s fa0, fa1, fa2, rmm)
    /* fadd.s rne(3.4028234663852886e+38, 1.0) = 3.4028234663852886e+38 */
    TEST_FF_S(93, 0x7f7fffff, NX, 0x7f7fffff, 0x3f800000, 0x0, fadd.s fa0, fa1, fa2, rne)
    /* fadd.s rne(inf, 3.4028234663852886e+38) = inf */
    TEST_FF_S(94, 0x7f800000, 0, 0x7f800000, 0x7f7fffff, 0x0, fadd.s fa0, fa1, fa2, rne)

    /* underflow: tiny and inexact; an exact subnormal raises nothing */
    /* fmul.s rne(1.1754943508222875e-38, 0.5) = 5.877471754111438e-39 */
    TEST_FF_S(95, 0x400000, 0, 0x800000, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rne)
    /* fdiv.s rne(1.1754943508222875e-38, 3.0) = 3.9183149698404465e-39 */
    TEST_FF_S(96, 0x2aaaab, UF|NX, 0x800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rne)
    /* fmul.s rne(1.401298464324817e-45, 1.401298464324817e-45) = +0 */
    TEST_FF_S(97, 0x0, UF|NX, 0x1, 0x1, 0x0, fmul.s fa0, fa1, fa2, rne)
    /* fmul.s rtz(1.1754943508222875e-38, 0.5) = 5.877471754111438e-39 */
    TEST_FF_S(98, 0x400000, 0, 0x800000, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rtz)
    /* fdiv.s rtz(1.1754943508222875e-38, 3.0) = 3.918313568541982e-39 */
    TEST_FF_S(99, 0x2aaaaa, UF|NX, 0x800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rtz)
    /* fmul.s rtz(1.401298464324817e-45, 1.401298464324817e-45) = +0 */
    TEST_FF_S(100, 0x0, UF|NX, 0x1, 0x1, 0x0, fmul.s fa0, fa1, fa2, rtz)
    /* fmul.s rdn(1.1754943508222875e-38, 0.5) = 5.877471754111438e-39 */
    TEST_FF_S(101, 0x400000, 0, 0x800000, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rdn)
    /* fdiv.s rdn(1.1754943508222875e-38, 3.0) = 3.918313568541982e-39 */
    TEST_FF_S(102, 0x2aaaaa, UF|NX, 0x800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rdn)
    /* fmul.s rdn(1.401298464324817e-45, 1.401298464324817e-45) = +0 */
    TEST_FF_S(103, 0x0, UF|NX, 0x1, 0x1, 0x0, fmul.s fa0, fa1, fa2, rdn)
    /* fmul.s rup(1.1754943508222875e-38, 0.5) = 5.877471754111438e-39 */
    TEST_FF_S(104, 0x400000, 0, 0x800000, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rup)
    /* fdiv.s rup(1.1754943508222875e-38, 3.0) = 3.9183149698404465e-39 */
    TEST_FF_S(105, 0x2aaaab, UF|NX, 0x800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rup)
    /* fmul.s rup(1.401298464324817e-45, 1.401298464324817e-45) = 1.401298464324817e-45 */
    TEST_FF_S(106, 0x1, UF|NX, 0x1, 0x1, 0x0, fmul.s fa0, fa1, fa2, rup)
    /* fmul.s rmm(1.1754943508222875e-38, 0.5) = 5.877471754111438e-39 */
    TEST_FF_S(107, 0x400000, 0, 0x800000, 0x3f000000, 0x0, fmul.s fa0, fa1, fa2, rmm)
    /* fdiv.s rmm(1.1754943508222875e-38, 3.0) = 3.9183149698404465e-39 */
    TEST_FF_S(108, 0x2aaaab, UF|NX, 0x800000, 0x40400000, 0x0, fdiv.s fa0, fa1, fa2, rmm)
    /* fmul.s rmm(1.401298464324817e-45, 1.401298464324817e-45) = +0 */
    TEST_FF_S(109, 0x0, UF|NX, 0x1, 0x1, 0x0, fmul.s fa0, fa1, fa2, rmm)
    /* fsub.s rne(1.1754943508222875e-38, 1.401298464324817e-45) = 1.1754942106924411e-38 */
    TEST_FF_S(110, 0x7fffff, 0, 0x800000, 0x1, 0x0, fsub.s fa0, fa1, fa2, rne)
    /* fsub.s rne(1.401298464324817e-45, 1.401298464324817e-45) = +0 */
    TEST_FF_S(111, 0x0, 0, 0x1, 0x1, 0x0, fsub.s fa0, fa1, fa2, rne)

    /* just below the smallest normal: MINNORM * (1 - ulp/2) is tiny in every mode */
    /* fmul.s rne(1.1754943508222875e-38, 0.9999999403953552) = 1.1754943508222875e-38 */
    TEST_FF_S(112, 0x800000, UF|NX, 0x800000, 0x3f7fffff, 0x0, fmul.s fa0, fa1, fa2, rne)
    /* fmul.s rtz(1.1754943508222875e-38, 0.9999999403953552) = 1.1754942106924411e-38 */
    TEST_FF_S(113, 0x7fffff, UF|NX, 0x800000, 0x3f7fffff, 0x0, fmul.s fa0, fa1, fa2, rtz)
    /* fmul.s rdn(1.1754943508222875e-38, 0.9999999403953552) = 1.1754942106924411e-38 */
    TEST_FF_S(114, 0x7fffff, UF|NX, 0x800000, 0x3f7fffff, 0x0, fmul.s fa0, fa1, fa2, rdn)
    /* fmul.s rup(1.1754943508222875e-38, 0.9999999403953552) = 1.1754943508222875e-38 */
    TEST_FF_S(115, 0x800000, UF|NX, 0x800000, 0x3f7fffff, 0x0, fmul.s fa0, fa1, fa2, rup)
    /* fmul.s rmm(1.1754943508222875e-38, 0.9999999403953552) = 1.1754943508222875e-38 */
    TEST_FF_S(116, 0x800000, UF|NX, 0x800000, 0x3f7fffff, 0x0, fmul.s fa0, fa1, fa2, rmm)

TEST_END
