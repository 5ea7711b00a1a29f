/* Single-precision fmin/fmax, feq/flt/fle, fclass and sign injection.
 * Expected values agree with qemu-riscv64 (the reference). */
#include "test_macros.h"

TEST_BEGIN

    /* fmin/fmax (s): a NaN operand is ignored, two NaNs give the canonical NaN, -0 < +0 */
    /* fmin.s(1.0, 2.0) = 1.0 */
    TEST_FF_S(1, 0x3f800000, 0, 0x3f800000, 0x40000000, 0x0, fmin.s fa0, fa1, fa2)
    /* fmin.s(-1.0, 1.0) = -1.0 */
    TEST_FF_S(2, 0xbf800000, 0, 0xbf800000, 0x3f800000, 0x0, fmin.s fa0, fa1, fa2)
    /* fmin.s(-0, +0) = -0 */
    TEST_FF_S(3, 0x80000000, 0, 0x80000000, 0x0, 0x0, fmin.s fa0, fa1, fa2)
    /* fmin.s(+0, -0) = -0 */
    TEST_FF_S(4, 0x80000000, 0, 0x0, 0x80000000, 0x0, fmin.s fa0, fa1, fa2)
    /* fmin.s(qNaN, 1.0) = 1.0 */
    TEST_FF_S(5, 0x3f800000, 0, 0x7fc00000, 0x3f800000, 0x0, fmin.s fa0, fa1, fa2)
    /* fmin.s(-1.0, qNaN(payload)) = -1.0 */
    TEST_FF_S(6, 0xbf800000, 0, 0xbf800000, 0x7fc12345, 0x0, fmin.s fa0, fa1, fa2)
    /* fmin.s(sNaN(payload), 1.0) = 1.0 */
    TEST_FF_S(7, 0x3f800000, NV, 0x7f800001, 0x3f800000, 0x0, fmin.s fa0, fa1, fa2)
    /* fmin.s(qNaN, -qNaN) = qNaN */
    TEST_FF_S(8, 0x7fc00000, 0, 0x7fc00000, 0xffc00000, 0x0, fmin.s fa0, fa1, fa2)
    /* fmin.s(sNaN(payload), qNaN) = qNaN */
    TEST_FF_S(9, 0x7fc00000, NV, 0x7f800001, 0x7fc00000, 0x0, fmin.s fa0, fa1, fa2)
    /* fmin.s(-inf, 3.4028234663852886e+38) = -inf */
    TEST_FF_S(10, 0xff800000, 0, 0xff800000, 0x7f7fffff, 0x0, fmin.s fa0, fa1, fa2)
    /* fmin.s(inf, -3.4028234663852886e+38) = -3.4028234663852886e+38 */
    TEST_FF_S(11, 0xff7fffff, 0, 0x7f800000, 0xff7fffff, 0x0, fmin.s fa0, fa1, fa2)
    /* fmin.s(1.401298464324817e-45, -1.401298464324817e-45) = -1.401298464324817e-45 */
    TEST_FF_S(12, 0x80000001, 0, 0x1, 0x80000001, 0x0, fmin.s fa0, fa1, fa2)
    /* fmax.s(1.0, 2.0) = 2.0 */
    TEST_FF_S(13, 0x40000000, 0, 0x3f800000, 0x40000000, 0x0, fmax.s fa0, fa1, fa2)
    /* fmax.s(-1.0, 1.0) = 1.0 */
    TEST_FF_S(14, 0x3f800000, 0, 0xbf800000, 0x3f800000, 0x0, fmax.s fa0, fa1, fa2)
    /* fmax.s(-0, +0) = +0 */
    TEST_FF_S(15, 0x0, 0, 0x80000000, 0x0, 0x0, fmax.s fa0, fa1, fa2)
    /* fmax.s(+0, -0) = +0 */
    TEST_FF_S(16, 0x0, 0, 0x0, 0x80000000, 0x0, fmax.s fa0, fa1, fa2)
    /* fmax.s(qNaN, 1.0) = 1.0 */
    TEST_FF_S(17, 0x3f800000, 0, 0x7fc00000, 0x3f800000, 0x0, fmax.s fa0, fa1, fa2)
    /* fmax.s(-1.0, qNaN(payload)) = -1.0 */
    TEST_FF_S(18, 0xbf800000, 0, 0xbf800000, 0x7fc12345, 0x0, fmax.s fa0, fa1, fa2)
    /* fmax.s(sNaN(payload), 1.0) = 1.0 */
    TEST_FF_S(19, 0x3f800000, NV, 0x7f800001, 0x3f800000, 0x0, fmax.s fa0, fa1, fa2)
    /* fmax.s(qNaN, -qNaN) = qNaN */
    TEST_FF_S(20, 0x7fc00000, 0, 0x7fc00000, 0xffc00000, 0x0, fmax.s fa0, fa1, fa2)
    /* fmax.s(sNaN(payload), qNaN) = qNaN */
    TEST_FF_S(21, 0x7fc00000, NV, 0x7f800001, 0x7fc00000, 0x0, fmax.s fa0, fa1, fa2)
    /* fmax.s(-inf, 3.4028234663852886e+38) = 3.4028234663852886e+38 */
    TEST_FF_S(22, 0x7f7fffff, 0, 0xff800000, 0x7f7fffff, 0x0, fmax.s fa0, fa1, fa2)
    /* fmax.s(inf, -3.4028234663852886e+38) = inf */
    TEST_FF_S(23, 0x7f800000, 0, 0x7f800000, 0xff7fffff, 0x0, fmax.s fa0, fa1, fa2)
    /* fmax.s(1.401298464324817e-45, -1.401298464324817e-45) = 1.401298464324817e-45 */
    TEST_FF_S(24, 0x1, 0, 0x1, 0x80000001, 0x0, fmax.s fa0, fa1, fa2)

    /* feq is quiet (NV only for a signalling NaN); flt/fle signal on any NaN */
    /* feq.s(1.0, 1.0) = 0x1 */
    TEST_FX_S(25, 0x1, 0, 0x3f800000, 0x3f800000, feq.s a0, fa1, fa2)
    /* feq.s(1.0, 2.0) = 0x0 */
    TEST_FX_S(26, 0x0, 0, 0x3f800000, 0x40000000, feq.s a0, fa1, fa2)
    /* feq.s(2.0, 1.0) = 0x0 */
    TEST_FX_S(27, 0x0, 0, 0x40000000, 0x3f800000, feq.s a0, fa1, fa2)
    /* feq.s(-0, +0) = 0x1 */
    TEST_FX_S(28, 0x1, 0, 0x80000000, 0x0, feq.s a0, fa1, fa2)
    /* feq.s(+0, -0) = 0x1 */
    TEST_FX_S(29, 0x1, 0, 0x0, 0x80000000, feq.s a0, fa1, fa2)
    /* feq.s(-1.0, -3.0) = 0x0 */
    TEST_FX_S(30, 0x0, 0, 0xbf800000, 0xc0400000, feq.s a0, fa1, fa2)
    /* feq.s(qNaN, 1.0) = 0x0 */
    TEST_FX_S(31, 0x0, 0, 0x7fc00000, 0x3f800000, feq.s a0, fa1, fa2)
    /* feq.s(1.0, qNaN(payload)) = 0x0 */
    TEST_FX_S(32, 0x0, 0, 0x3f800000, 0x7fc12345, feq.s a0, fa1, fa2)
    /* feq.s(sNaN(payload), 1.0) = 0x0 */
    TEST_FX_S(33, 0x0, NV, 0x7f800001, 0x3f800000, feq.s a0, fa1, fa2)
    /* feq.s(qNaN, qNaN) = 0x0 */
    TEST_FX_S(34, 0x0, 0, 0x7fc00000, 0x7fc00000, feq.s a0, fa1, fa2)
    /* feq.s(-inf, inf) = 0x0 */
    TEST_FX_S(35, 0x0, 0, 0xff800000, 0x7f800000, feq.s a0, fa1, fa2)
    /* feq.s(-1.401298464324817e-45, 1.401298464324817e-45) = 0x0 */
    TEST_FX_S(36, 0x0, 0, 0x80000001, 0x1, feq.s a0, fa1, fa2)
    /* flt.s(1.0, 1.0) = 0x0 */
    TEST_FX_S(37, 0x0, 0, 0x3f800000, 0x3f800000, flt.s a0, fa1, fa2)
    /* flt.s(1.0, 2.0) = 0x1 */
    TEST_FX_S(38, 0x1, 0, 0x3f800000, 0x40000000, flt.s a0, fa1, fa2)
    /* flt.s(2.0, 1.0) = 0x0 */
    TEST_FX_S(39, 0x0, 0, 0x40000000, 0x3f800000, flt.s a0, fa1, fa2)
    /* flt.s(-0, +0) = 0x0 */
    TEST_FX_S(40, 0x0, 0, 0x80000000, 0x0, flt.s a0, fa1, fa2)
    /* flt.s(+0, -0) = 0x0 */
    TEST_FX_S(41, 0x0, 0, 0x0, 0x80000000, flt.s a0, fa1, fa2)
    /* flt.s(-1.0, -3.0) = 0x0 */
    TEST_FX_S(42, 0x0, 0, 0xbf800000, 0xc0400000, flt.s a0, fa1, fa2)
    /* flt.s(qNaN, 1.0) = 0x0 */
    TEST_FX_S(43, 0x0, NV, 0x7fc00000, 0x3f800000, flt.s a0, fa1, fa2)
    /* flt.s(1.0, qNaN(payload)) = 0x0 */
    TEST_FX_S(44, 0x0, NV, 0x3f800000, 0x7fc12345, flt.s a0, fa1, fa2)
    /* flt.s(sNaN(payload), 1.0) = 0x0 */
    TEST_FX_S(45, 0x0, NV, 0x7f800001, 0x3f800000, flt.s a0, fa1, fa2)
    /* flt.s(qNaN, qNaN) = 0x0 */
    TEST_FX_S(46, 0x0, NV, 0x7fc00000, 0x7fc00000, flt.s a0, fa1, fa2)
    /* flt.s(-inf, inf) = 0x1 */
    TEST_FX_S(47, 0x1, 0, 0xff800000, 0x7f800000, flt.s a0, fa1, fa2)
    /* flt.s(-1.401298464324817e-45, 1.401298464324817e-45) = 0x1 */
    TEST_FX_S(48, 0x1, 0, 0x80000001, 0x1, flt.s a0, fa1, fa2)
    /* fle.s(1.0, 1.0) = 0x1 */
    TEST_FX_S(49, 0x1, 0, 0x3f800000, 0x3f800000, fle.s a0, fa1, fa2)
    /* fle.s(1.0, 2.0) = 0x1 */
    TEST_FX_S(50, 0x1, 0, 0x3f800000, 0x40000000, fle.s a0, fa1, fa2)
    /* fle.s(2.0, 1.0) = 0x0 */
    TEST_FX_S(51, 0x0, 0, 0x40000000, 0x3f800000, fle.s a0, fa1, fa2)
    /* fle.s(-0, +0) = 0x1 */
    TEST_FX_S(52, 0x1, 0, 0x80000000, 0x0, fle.s a0, fa1, fa2)
    /* fle.s(+0, -0) = 0x1 */
    TEST_FX_S(53, 0x1, 0, 0x0, 0x80000000, fle.s a0, fa1, fa2)
    /* fle.s(-1.0, -3.0) = 0x0 */
    TEST_FX_S(54, 0x0, 0, 0xbf800000, 0xc0400000, fle.s a0, fa1, fa2)
    /* fle.s(qNaN, 1.0) = 0x0 */
    TEST_FX_S(55, 0x0, NV, 0x7fc00000, 0x3f800000, fle.s a0, fa1, fa2)
    /* fle.s(1.0, qNaN(payload)) = 0x0 */
    TEST_FX_S(56, 0x0, NV, 0x3f800000, 0x7fc12345, fle.s a0, fa1, fa2)
    /* fle.s(sNaN(payload), 1.0) = 0x0 */
    TEST_FX_S(57, 0x0, NV, 0x7f800001, 0x3f800000, fle.s a0, fa1, fa2)
    /* fle.s(qNaN, qNaN) = 0x0 */
    TEST_FX_S(58, 0x0, NV, 0x7fc00000, 0x7fc00000, fle.s a0, fa1, fa2)
    /* fle.s(-inf, inf) = 0x1 */
    TEST_FX_S(59, 0x1, 0, 0xff800000, 0x7f800000, fle.s a0, fa1, fa2)
    /* fle.s(-1.401298464324817e-45, 1.401298464324817e-45) = 0x1 */
    TEST_FX_S(60, 0x1, 0, 0x80000001, 0x1, fle.s a0, fa1, fa2)

    /* fclass: one bit per kind of value */
    /* fclass.s(-inf) = 0x1 */
    TEST_FX_S(61, 0x1, 0, 0xff800000, 0x0, fclass.s a0, fa1)
    /* fclass.s(-1.0) = 0x2 */
    TEST_FX_S(62, 0x2, 0, 0xbf800000, 0x0, fclass.s a0, fa1)
    /* fclass.s(-1.401298464324817e-45) = 0x4 */
    TEST_FX_S(63, 0x4, 0, 0x80000001, 0x0, fclass.s a0, fa1)
    /* fclass.s(-0) = 0x8 */
    TEST_FX_S(64, 0x8, 0, 0x80000000, 0x0, fclass.s a0, fa1)
    /* fclass.s(+0) = 0x10 */
    TEST_FX_S(65, 0x10, 0, 0x0, 0x0, fclass.s a0, fa1)
    /* fclass.s(1.401298464324817e-45) = 0x20 */
    TEST_FX_S(66, 0x20, 0, 0x1, 0x0, fclass.s a0, fa1)
    /* fclass.s(1.1754942106924411e-38) = 0x20 */
    TEST_FX_S(67, 0x20, 0, 0x7fffff, 0x0, fclass.s a0, fa1)
    /* fclass.s(1.0) = 0x40 */
    TEST_FX_S(68, 0x40, 0, 0x3f800000, 0x0, fclass.s a0, fa1)
    /* fclass.s(3.4028234663852886e+38) = 0x40 */
    TEST_FX_S(69, 0x40, 0, 0x7f7fffff, 0x0, fclass.s a0, fa1)
    /* fclass.s(inf) = 0x80 */
    TEST_FX_S(70, 0x80, 0, 0x7f800000, 0x0, fclass.s a0, fa1)
    /* fclass.s(sNaN(payload)) = 0x100 */
    TEST_FX_S(71, 0x100, 0, 0x7f800001, 0x0, fclass.s a0, fa1)
    /* fclass.s(sNaN(payload)) = 0x100 */
    TEST_FX_S(72, 0x100, 0, 0x7fa00000, 0x0, fclass.s a0, fa1)
    /* fclass.s(qNaN) = 0x200 */
    TEST_FX_S(73, 0x200, 0, 0x7fc00000, 0x0, fclass.s a0, fa1)
    /* fclass.s(-qNaN) = 0x200 */
    TEST_FX_S(74, 0x200, 0, 0xffc00000, 0x0, fclass.s a0, fa1)
    /* fclass.s(qNaN(payload)) = 0x200 */
    TEST_FX_S(75, 0x200, 0, 0x7fc12345, 0x0, fclass.s a0, fa1)

    /* sign injection: pure bit operations, no flags even for signalling NaNs */
    /* fsgnj.s(1.0, -1.0) = -1.0 */
    TEST_FF_S(76, 0xbf800000, 0, 0x3f800000, 0xbf800000, 0x0, fsgnj.s fa0, fa1, fa2)
    /* fsgnj.s(-1.0, 1.0) = 1.0 */
    TEST_FF_S(77, 0x3f800000, 0, 0xbf800000, 0x3f800000, 0x0, fsgnj.s fa0, fa1, fa2)
    /* fsgnj.s(-1.0, -3.0) = -1.0 */
    TEST_FF_S(78, 0xbf800000, 0, 0xbf800000, 0xc0400000, 0x0, fsgnj.s fa0, fa1, fa2)
    /* fsgnj.s(sNaN(payload), -1.0) = -sNaN(payload) */
    TEST_FF_S(79, 0xff800001, 0, 0x7f800001, 0xbf800000, 0x0, fsgnj.s fa0, fa1, fa2)
    /* fsgnj.s(-qNaN, +0) = qNaN */
    TEST_FF_S(80, 0x7fc00000, 0, 0xffc00000, 0x0, 0x0, fsgnj.s fa0, fa1, fa2)
    /* fsgnj.s(inf, -0) = -inf */
    TEST_FF_S(81, 0xff800000, 0, 0x7f800000, 0x80000000, 0x0, fsgnj.s fa0, fa1, fa2)
    /* fsgnjn.s(1.0, -1.0) = 1.0 */
    TEST_FF_S(82, 0x3f800000, 0, 0x3f800000, 0xbf800000, 0x0, fsgnjn.s fa0, fa1, fa2)
    /* fsgnjn.s(-1.0, 1.0) = -1.0 */
    TEST_FF_S(83, 0xbf800000, 0, 0xbf800000, 0x3f800000, 0x0, fsgnjn.s fa0, fa1, fa2)
    /* fsgnjn.s(-1.0, -3.0) = 1.0 */
    TEST_FF_S(84, 0x3f800000, 0, 0xbf800000, 0xc0400000, 0x0, fsgnjn.s fa0, fa1, fa2)
    /* fsgnjn.s(sNaN(payload), -1.0) = sNaN(payload) */
    TEST_FF_S(85, 0x7f800001, 0, 0x7f800001, 0xbf800000, 0x0, fsgnjn.s fa0, fa1, fa2)
    /* fsgnjn.s(-qNaN, +0) = -qNaN */
    TEST_FF_S(86, 0xffc00000, 0, 0xffc00000, 0x0, 0x0, fsgnjn.s fa0, fa1, fa2)
    /* fsgnjn.s(inf, -0) = inf */
    TEST_FF_S(87, 0x7f800000, 0, 0x7f800000, 0x80000000, 0x0, fsgnjn.s fa0, fa1, fa2)
    /* fsgnjx.s(1.0, -1.0) = -1.0 */
    TEST_FF_S(88, 0xbf800000, 0, 0x3f800000, 0xbf800000, 0x0, fsgnjx.s fa0, fa1, fa2)
    /* fsgnjx.s(-1.0, 1.0) = -1.0 */
    TEST_FF_S(89, 0xbf800000, 0, 0xbf800000, 0x3f800000, 0x0, fsgnjx.s fa0, fa1, fa2)
    /* fsgnjx.s(-1.0, -3.0) = 1.0 */
    TEST_FF_S(90, 0x3f800000, 0, 0xbf800000, 0xc0400000, 0x0, fsgnjx.s fa0, fa1, fa2)
    /* fsgnjx.s(sNaN(payload), -1.0) = -sNaN(payload) */
    TEST_FF_S(91, 0xff800001, 0, 0x7f800001, 0xbf800000, 0x0, fsgnjx.s fa0, fa1, fa2)
    /* fsgnjx.s(-qNaN, +0) = -qNaN */
    TEST_FF_S(92, 0xffc00000, 0, 0xffc00000, 0x0, 0x0, fsgnjx.s fa0, fa1, fa2)
    /* fsgnjx.s(inf, -0) = -inf */
    TEST_FF_S(93, 0xff800000, 0, 0x7f800000, 0x80000000, 0x0, fsgnjx.s fa0, fa1, fa2)

TEST_END
