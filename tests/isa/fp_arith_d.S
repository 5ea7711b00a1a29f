/* Double-precision fadd/fsub/fmul/fdiv/fsqrt: rounding modes, ties, signed zeros, NaNs, flags.
 * Expected values agree with qemu-riscv64 (the reference). */
#include "test_macros.h"

TEST_BEGIN

    /* basic results, exact and inexact */
    /* fadd.d rne(1.0, 2.0) = 3.0 */
    TEST_FF_D(1, 0x4008000000000000, 0, 0x3ff0000000000000, 0x4000000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)
    /* fsub.d rne(1.0, 3.0) = -2.0 */
    TEST_FF_D(2, 0xc000000000000000, 0, 0x3ff0000000000000, 0x4008000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)
    /* fmul.d rne(-3.0, 0.5) = -1.5 */
    TEST_FF_D(3, 0xbff8000000000000, 0, 0xc008000000000000, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)
    /* fdiv.d rne(1.0, 3.0) = 0.3333333333333333 */
    TEST_FF_D(4, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)
    /* fsqrt.d rne(10.0) = 3.1622776601683795 */
    TEST_FF_D(5, 0x40094c583ada5b53, NX, 0x4024000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)

    /* every rounding mode, static: 1/3, -1/3, sqrt(2)=sqrt(TWO), 10/3 */
    /* fdiv.d rne(1.0, 3.0) = 0.3333333333333333 */
    TEST_FF_D(6, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)
    /* fdiv.d rne(-1.0, 3.0) = -0.3333333333333333 */
    TEST_FF_D(7, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)
    /* fsqrt.d rne(2.0) = 1.4142135623730951 */
    TEST_FF_D(8, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)
    /* fdiv.d rtz(1.0, 3.0) = 0.3333333333333333 */
    TEST_FF_D(9, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz)
    /* fdiv.d rtz(-1.0, 3.0) = -0.3333333333333333 */
    TEST_FF_D(10, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz)
    /* fsqrt.d rtz(2.0) = 1.414213562373095 */
    TEST_FF_D(11, 0x3ff6a09e667f3bcc, NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rtz)
    /* fdiv.d rdn(1.0, 3.0) = 0.3333333333333333 */
    TEST_FF_D(12, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn)
    /* fdiv.d rdn(-1.0, 3.0) = -0.33333333333333337 */
    TEST_FF_D(13, 0xbfd5555555555556, NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn)
    /* fsqrt.d rdn(2.0) = 1.414213562373095 */
    TEST_FF_D(14, 0x3ff6a09e667f3bcc, NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rdn)
    /* fdiv.d rup(1.0, 3.0) = 0.33333333333333337 */
    TEST_FF_D(15, 0x3fd5555555555556, NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup)
    /* fdiv.d rup(-1.0, 3.0) = -0.3333333333333333 */
    TEST_FF_D(16, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup)
    /* fsqrt.d rup(2.0) = 1.4142135623730951 */
    TEST_FF_D(17, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rup)
    /* fdiv.d rmm(1.0, 3.0) = 0.3333333333333333 */
    TEST_FF_D(18, 0x3fd5555555555555, NX, 0x3ff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rmm)
    /* fdiv.d rmm(-1.0, 3.0) = -0.3333333333333333 */
    TEST_FF_D(19, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rmm)
    /* fsqrt.d rmm(2.0) = 1.4142135623730951 */
    TEST_FF_D(20, 0x3ff6a09e667f3bcd, NX, 0x4000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rmm)

    /* ties: 1 + half an ulp, 1+ulp + half an ulp, and negated; RMM rounds ties away from zero */
    /* fadd.d rne(1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(21, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)
    /* fadd.d rne(1.0000000000000002, 1.1102230246251565e-16) = 1.0000000000000004 */
    TEST_FF_D(22, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)
    /* fsub.d rne(-1.0, 1.1102230246251565e-16) = -1.0 */
    TEST_FF_D(23, 0xbff0000000000000, NX, 0xbff0000000000000, 0x3ca0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)
    /* fadd.d rtz(1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(24, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz)
    /* fadd.d rtz(1.0000000000000002, 1.1102230246251565e-16) = 1.0000000000000002 */
    TEST_FF_D(25, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rtz)
    /* fsub.d rtz(-1.0, 1.1102230246251565e-16) = -1.0 */
    TEST_FF_D(26, 0xbff0000000000000, NX, 0xbff0000000000000, 0x3ca0000000000000, 0x0, fsub.d fa0, fa1, fa2, rtz)
    /* fadd.d rdn(1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(27, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn)
    /* fadd.d rdn(1.0000000000000002, 1.1102230246251565e-16) = 1.0000000000000002 */
    TEST_FF_D(28, 0x3ff0000000000001, NX, 0x3ff0000000000001, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rdn)
    /* fsub.d rdn(-1.0, 1.1102230246251565e-16) = -1.0000000000000002 */
    TEST_FF_D(29, 0xbff0000000000001, NX, 0xbff0000000000000, 0x3ca0000000000000, 0x0, fsub.d fa0, fa1, fa2, rdn)
    /* fadd.d rup(1.0, 1.1102230246251565e-16) = 1.0000000000000002 */
    TEST_FF_D(30, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rup)
    /* fadd.d rup(1.0000000000000002, 1.1102230246251565e-16) = 1.0000000000000004 */
    TEST_FF_D(31, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rup)
    /* fsub.d rup(-1.0, 1.1102230246251565e-16) = -1.0 */
    TEST_FF_D(32, 0xbff0000000000000, NX, 0xbff0000000000000, 0x3ca0000000000000, 0x0, fsub.d fa0, fa1, fa2, rup)
    /* fadd.d rmm(1.0, 1.1102230246251565e-16) = 1.0000000000000002 */
    TEST_FF_D(33, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rmm)
    /* fadd.d rmm(1.0000000000000002, 1.1102230246251565e-16) = 1.0000000000000004 */
    TEST_FF_D(34, 0x3ff0000000000002, NX, 0x3ff0000000000001, 0x3ca0000000000000, 0x0, fadd.d fa0, fa1, fa2, rmm)
    /* fsub.d rmm(-1.0, 1.1102230246251565e-16) = -1.0000000000000002 */
    TEST_FF_D(35, 0xbff0000000000001, NX, 0xbff0000000000000, 0x3ca0000000000000, 0x0, fsub.d fa0, fa1, fa2, rmm)

    /* ties in the subnormal range: min_subnormal * 0.5 and 3*min_subnormal / 2 */
    /* fmul.d rne(5e-324, 0.5) = +0 */
    TEST_FF_D(36, 0x0, UF|NX, 0x1, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)
    /* fdiv.d rne(1.5e-323, 2.0) = 1e-323 */
    TEST_FF_D(37, 0x2, UF|NX, 0x3, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)
    /* fmul.d rtz(5e-324, 0.5) = +0 */
    TEST_FF_D(38, 0x0, UF|NX, 0x1, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rtz)
    /* fdiv.d rtz(1.5e-323, 2.0) = 5e-324 */
    TEST_FF_D(39, 0x1, UF|NX, 0x3, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz)
    /* fmul.d rdn(5e-324, 0.5) = +0 */
    TEST_FF_D(40, 0x0, UF|NX, 0x1, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rdn)
    /* fdiv.d rdn(1.5e-323, 2.0) = 5e-324 */
    TEST_FF_D(41, 0x1, UF|NX, 0x3, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn)
    /* fmul.d rup(5e-324, 0.5) = 5e-324 */
    TEST_FF_D(42, 0x1, UF|NX, 0x1, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rup)
    /* fdiv.d rup(1.5e-323, 2.0) = 1e-323 */
    TEST_FF_D(43, 0x2, UF|NX, 0x3, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup)
    /* fmul.d rmm(5e-324, 0.5) = 5e-324 */
    TEST_FF_D(44, 0x1, UF|NX, 0x1, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rmm)
    /* fdiv.d rmm(1.5e-323, 2.0) = 1e-323 */
    TEST_FF_D(45, 0x2, UF|NX, 0x3, 0x4000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rmm)

    /* the same through the dynamic rounding mode (frm) */
    /* fadd.d dyn:rne(1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(46, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fsrmi 0; fadd.d fa0, fa1, fa2)
    /* fdiv.d dyn:rne(-1.0, 3.0) = -0.3333333333333333 */
    TEST_FF_D(47, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fsrmi 0; fdiv.d fa0, fa1, fa2)
    /* fadd.d dyn:rtz(1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(48, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fsrmi 1; fadd.d fa0, fa1, fa2)
    /* fdiv.d dyn:rtz(-1.0, 3.0) = -0.3333333333333333 */
    TEST_FF_D(49, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fsrmi 1; fdiv.d fa0, fa1, fa2)
    /* fadd.d dyn:rdn(1.0, 1.1102230246251565e-16) = 1.0 */
    TEST_FF_D(50, 0x3ff0000000000000, NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fsrmi 2; fadd.d fa0, fa1, fa2)
    /* fdiv.d dyn:rdn(-1.0, 3.0) = -0.33333333333333337 */
    TEST_FF_D(51, 0xbfd5555555555556, NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fsrmi 2; fdiv.d fa0, fa1, fa2)
    /* fadd.d dyn:rup(1.0, 1.1102230246251565e-16) = 1.0000000000000002 */
    TEST_FF_D(52, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fsrmi 3; fadd.d fa0, fa1, fa2)
    /* fdiv.d dyn:rup(-1.0, 3.0) = -0.3333333333333333 */
    TEST_FF_D(53, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fsrmi 3; fdiv.d fa0, fa1, fa2)
    /* fadd.d dyn:rmm(1.0, 1.1102230246251565e-16) = 1.0000000000000002 */
    TEST_FF_D(54, 0x3ff0000000000001, NX, 0x3ff0000000000000, 0x3ca0000000000000, 0x0, fsrmi 4; fadd.d fa0, fa1, fa2)
    /* fdiv.d dyn:rmm(-1.0, 3.0) = -0.3333333333333333 */
    TEST_FF_D(55, 0xbfd5555555555555, NX, 0xbff0000000000000, 0x4008000000000000, 0x0, fsrmi 4; fdiv.d fa0, fa1, fa2)

    /* signed zeros: x - x is +0 except when rounding down */
    /* fsub.d rne(1.0, 1.0) = +0 */
    TEST_FF_D(56, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)
    /* fsub.d rtz(1.0, 1.0) = +0 */
    TEST_FF_D(57, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rtz)
    /* fsub.d rdn(1.0, 1.0) = -0 */
    TEST_FF_D(58, 0x8000000000000000, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rdn)
    /* fsub.d rup(1.0, 1.0) = +0 */
    TEST_FF_D(59, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rup)
    /* fsub.d rmm(1.0, 1.0) = +0 */
    TEST_FF_D(60, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rmm)
    /* fadd.d rne(-0, -0) = -0 */
    TEST_FF_D(61, 0x8000000000000000, 0, 0x8000000000000000, 0x8000000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)
    /* fadd.d rne(-0, +0) = +0 */
    TEST_FF_D(62, 0x0, 0, 0x8000000000000000, 0x0, 0x0, fadd.d fa0, fa1, fa2, rne)
    /* fmul.d rne(-0, 1.0) = -0 */
    TEST_FF_D(63, 0x8000000000000000, 0, 0x8000000000000000, 0x3ff0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)
    /* fsqrt.d rne(-0) = -0 */
    TEST_FF_D(64, 0x8000000000000000, 0, 0x8000000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)

    /* invalid operations give the canonical NaN with NV */
    /* fadd.d rne(inf, -inf) = qNaN */
    TEST_FF_D(65, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0xfff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)
    /* fsub.d rne(inf, inf) = qNaN */
    TEST_FF_D(66, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0x7ff0000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)
    /* fmul.d rne(+0, -inf) = qNaN */
    TEST_FF_D(67, 0x7ff8000000000000, NV, 0x0, 0xfff0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)
    /* fdiv.d rne(+0, -0) = qNaN */
    TEST_FF_D(68, 0x7ff8000000000000, NV, 0x0, 0x8000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)
    /* fdiv.d rne(inf, -inf) = qNaN */
    TEST_FF_D(69, 0x7ff8000000000000, NV, 0x7ff0000000000000, 0xfff0000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)
    /* fsqrt.d rne(-1.0) = qNaN */
    TEST_FF_D(70, 0x7ff8000000000000, NV, 0xbff0000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)
    /* fsqrt.d rne(-5e-324) = qNaN */
    TEST_FF_D(71, 0x7ff8000000000000, NV, 0x8000000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rne)

    /* division by zero */
    /* fdiv.d rne(1.0, +0) = inf */
    TEST_FF_D(72, 0x7ff0000000000000, DZ, 0x3ff0000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne)
    /* fdiv.d rne(1.0, -0) = -inf */
    TEST_FF_D(73, 0xfff0000000000000, DZ, 0x3ff0000000000000, 0x8000000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)
    /* fdiv.d rne(inf, +0) = inf */
    TEST_FF_D(74, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne)

    /* NaN operands: always the canonical NaN; NV only for a signalling NaN */
    /* fadd.d rne(qNaN(payload), 1.0) = qNaN */
    TEST_FF_D(75, 0x7ff8000000000000, 0, 0x7ff8000000012345, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)
    /* fadd.d rne(1.0, -qNaN) = qNaN */
    TEST_FF_D(76, 0x7ff8000000000000, 0, 0x3ff0000000000000, 0xfff8000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)
    /* fmul.d rne(sNaN(payload), 1.0) = qNaN */
    TEST_FF_D(77, 0x7ff8000000000000, NV, 0x7ff0000000000001, 0x3ff0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)
    /* fsub.d rne(qNaN, sNaN(payload)) = qNaN */
    TEST_FF_D(78, 0x7ff8000000000000, NV, 0x7ff8000000000000, 0x7ff4000000000000, 0x0, fsub.d fa0, fa1, fa2, rne)
    /* fdiv.d rne(sNaN(payload), +0) = qNaN */
    TEST_FF_D(79, 0x7ff8000000000000, NV, 0x7ff4000000000000, 0x0, 0x0, fdiv.d fa0, fa1, fa2, rne)
    /* fsqrt.d rne(sNaN(payload)) = qNaN */
    TEST_FF_D(80, 0x7ff8000000000000, NV, 0x7ff0000000000001, 0x0, 0x0, fsqrt.d fa0, fa1, rne)
    /* fsqrt.d rne(-qNaN) = qNaN */
    TEST_FF_D(81, 0x7ff8000000000000, 0, 0xfff8000000000000, 0x0, 0x0, fsqrt.d fa0, fa1, rne)
    /* fmul.d rne(qNaN, inf) = qNaN */
    TEST_FF_D(82, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0x7ff0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)

    /* overflow: infinity or the largest finite value, by rounding mode and sign */
    /* fmul.d rne(1.7976931348623157e+308, 2.0) = inf */
    TEST_FF_D(83, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)
    /* fmul.d rne(-1.7976931348623157e+308, 2.0) = -inf */
    TEST_FF_D(84, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)
    /* fmul.d rtz(1.7976931348623157e+308, 2.0) = 1.7976931348623157e+308 */
    TEST_FF_D(85, 0x7fefffffffffffff, OF|NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rtz)
    /* fmul.d rtz(-1.7976931348623157e+308, 2.0) = -1.7976931348623157e+308 */
    TEST_FF_D(86, 0xffefffffffffffff, OF|NX, 0xffefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rtz)
    /* fmul.d rdn(1.7976931348623157e+308, 2.0) = 1.7976931348623157e+308 */
    TEST_FF_D(87, 0x7fefffffffffffff, OF|NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rdn)
    /* fmul.d rdn(-1.7976931348623157e+308, 2.0) = -inf */
    TEST_FF_D(88, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rdn)
    /* fmul.d rup(1.7976931348623157e+308, 2.0) = inf */
    TEST_FF_D(89, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rup)
    /* fmul.d rup(-1.7976931348623157e+308, 2.0) = -1.7976931348623157e+308 */
    TEST_FF_D(90, 0xffefffffffffffff, OF|NX, 0xffefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rup)
    /* fmul.d rmm(1.7976931348623157e+308, 2.0) = inf */
    TEST_FF_D(91, 0x7ff0000000000000, OF|NX, 0x7fefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rmm)
    /* fmul.d rmm(-1.7976931348623157e+308, 2.0) = -inf */
    TEST_FF_D(92, 0xfff0000000000000, OF|NX, 0xffefffffffffffff, 0x4000000000000000, 0x0, fmul.d fa0, fa1, fa2, rmm)
    /* fadd.d rne(1.7976931348623157e+308, 1.0) = 1.7976931348623157e+308 */
    TEST_FF_D(93, 0x7fefffffffffffff, NX, 0x7fefffffffffffff, 0x3ff0000000000000, 0x0, fadd.d fa0, fa1, fa2, rne)
    /* fadd.d rne(inf, 1.7976931348623157e+308) = inf */
    TEST_FF_D(94, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x7fefffffffffffff, 0x0, fadd.d fa0, fa1, fa2, rne)

    /* underflow: tiny and inexact; an exact subnormal raises nothing */
    /* fmul.d rne(2.2250738585072014e-308, 0.5) = 1.1125369292536007e-308 */
    TEST_FF_D(95, 0x8000000000000, 0, 0x10000000000000, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rne)
    /* fdiv.d rne(2.2250738585072014e-308, 3.0) = 7.41691286169067e-309 */
    TEST_FF_D(96, 0x5555555555555, UF|NX, 0x10000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rne)
    /* fmul.d rne(5e-324, 5e-324) = +0 */
    TEST_FF_D(97, 0x0, UF|NX, 0x1, 0x1, 0x0, fmul.d fa0, fa1, fa2, rne)
    /* fmul.d rtz(2.2250738585072014e-308, 0.5) = 1.1125369292536007e-308 */
    TEST_FF_D(98, 0x8000000000000, 0, 0x10000000000000, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rtz)
    /* fdiv.d rtz(2.2250738585072014e-308, 3.0) = 7.41691286169067e-309 */
    TEST_FF_D(99, 0x5555555555555, UF|NX, 0x10000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rtz)
    /* fmul.d rtz(5e-324, 5e-324) = +0 */
    TEST_FF_D(100, 0x0, UF|NX, 0x1, 0x1, 0x0, fmul.d fa0, fa1, fa2, rtz)
    /* fmul.d rdn(2.2250738585072014e-308, 0.5) = 1.1125369292536007e-308 */
    TEST_FF_D(101, 0x8000000000000, 0, 0x10000000000000, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rdn)
    /* fdiv.d rdn(2.2250738585072014e-308, 3.0) = 7.41691286169067e-309 */
    TEST_FF_D(102, 0x5555555555555, UF|NX, 0x10000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rdn)
    /* fmul.d rdn(5e-324, 5e-324) = +0 */
    TEST_FF_D(103, 0x0, UF|NX, 0x1, 0x1, 0x0, fmul.d fa0, fa1, fa2, rdn)
    /* fmul.d rup(2.2250738585072014e-308, 0.5) = 1.1125369292536007e-308 */
    TEST_FF_D(104, 0x8000000000000, 0, 0x10000000000000, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rup)
    /* fdiv.d rup(2.2250738585072014e-308, 3.0) = 7.416912861690675e-309 */
    TEST_FF_D(105, 0x5555555555556, UF|NX, 0x10000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rup)
    /* fmul.d rup(5e-324, 5e-324) = 5e-324 */
    TEST_FF_D(106, 0x1, UF|NX, 0x1, 0x1, 0x0, fmul.d fa0, fa1, fa2, rup)
    /* fmul.d rmm(2.2250738585072014e-308, 0.5) = 1.1125369292536007e-308 */
    TEST_FF_D(107, 0x8000000000000, 0, 0x10000000000000, 0x3fe0000000000000, 0x0, fmul.d fa0, fa1, fa2, rmm)
    /* fdiv.d rmm(2.2250738585072014e-308, 3.0) = 7.41691286169067e-309 */
    TEST_FF_D(108, 0x5555555555555, UF|NX, 0x10000000000000, 0x4008000000000000, 0x0, fdiv.d fa0, fa1, fa2, rmm)
    /* fmul.d rmm(5e-324, 5e-324) = +0 */
    TEST_FF_D(109, 0x0, UF|NX, 0x1, 0x1, 0x0, fmul.d fa0, fa1, fa2, rmm)
    /* fsub.d rne(2.2250738585072014e-308, 5e-324) = 2.225073858507201e-308 */
    TEST_FF_D(110, 0xfffffffffffff, 0, 0x10000000000000, 0x1, 0x0, fsub.d fa0, fa1, fa2, rne)
    /* fsub.d rne(5e-324, 5e-324) = +0 */
    TEST_FF_D(111, 0x0, 0, 0x1, 0x1, 0x0, fsub.d fa0, fa1, fa2, rne)

    /* just below the smallest normal: MINNORM * (1 - ulp/2) is tiny in every mode */
    /* fmul.d rne(2.2250738585072014e-308, 0.9999999999999999) = 2.2250738585072014e-308 */
    TEST_FF_D(112, 0x10000000000000, UF|NX, 0x10000000000000, 0x3fefffffffffffff, 0x0, fmul.d fa0, fa1, fa2, rne)
    /* fmul.d rtz(2.2250738585072014e-308, 0.9999999999999999) = 2.225073858507201e-308 */
    TEST_FF_D(113, 0xfffffffffffff, UF|NX, 0x10000000000000, 0x3fefffffffffffff, 0x0, fmul.d fa0, fa1, fa2, rtz)
    /* fmul.d rdn(2.2250738585072014e-308, 0.9999999999999999) = 2.225073858507201e-308 */
    TEST_FF_D(114, 0xfffffffffffff, UF|NX, 0x10000000000000, 0x3fefffffffffffff, 0x0, fmul.d fa0, fa1, fa2, rdn)
    /* fmul.d rup(2.2250738585072014e-308, 0.9999999999999999) = 2.2250738585072014e-308 */
    TEST_FF_D(115, 0x10000000000000, UF|NX, 0x10000000000000, 0x3fefffffffffffff, 0x0, fmul.d fa0, fa1, fa2, rup)
    /* fmul.d rmm(2.2250738585072014e-308, 0.9999999999999999) = 2.2250738585072014e-308 */
    TEST_FF_D(116, 0x10000000000000, UF|NX, 0x10000000000000, 0x3fefffffffffffff, 0x0, fmul.d fa0, fa1, fa2, rmm)

TEST_END
