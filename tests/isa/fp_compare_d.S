/* Double-precision fmin/fmax, feq/flt/fle, fclass and sign injection.
 * Expected values agree with qemu-riscv64 (the reference). */
#include "test_macros.h"

TEST_BEGIN

    /* fmin/fmax (d): a NaN operand is ignored, two NaNs give the canonical NaN, -0 < +0 */
    /* fmin.d(1.0, 2.0) = 1.0 */
    TEST_FF_D(1, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0x4000000000000000, 0x0, fmin.d fa0, fa1, fa2)
    /* fmin.d(-1.0, 1.0) = -1.0 */
    TEST_FF_D(2, 0xbff0000000000000, 0, 0xbff0000000000000, 0x3ff0000000000000, 0x0, fmin.d fa0, fa1, fa2)
    /* fmin.d(-0, +0) = -0 */
    TEST_FF_D(3, 0x8000000000000000, 0, 0x8000000000000000, 0x0, 0x0, fmin.d fa0, fa1, fa2)
    /* fmin.d(+0, -0) = -0 */
    TEST_FF_D(4, 0x8000000000000000, 0, 0x0, 0x8000000000000000, 0x0, fmin.d fa0, fa1, fa2)
    /* fmin.d(qNaN, 1.0) = 1.0 */
    TEST_FF_D(5, 0x3ff0000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x0, fmin.d fa0, fa1, fa2)
    /* fmin.d(-1.0, qNaN(payload)) = -1.0 */
    TEST_FF_D(6, 0xbff0000000000000, 0, 0xbff0000000000000, 0x7ff8000000012345, 0x0, fmin.d fa0, fa1, fa2)
    /* fmin.d(sNaN(payload), 1.0) = 1.0 */
    TEST_FF_D(7, 0x3ff0000000000000, NV, 0x7ff0000000000001, 0x3ff0000000000000, 0x0, fmin.d fa0, fa1, fa2)
    /* fmin.d(qNaN, -qNaN) = qNaN */
    TEST_FF_D(8, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0xfff8000000000000, 0x0, fmin.d fa0, fa1, fa2)
    /* fmin.d(sNaN(payload), qNaN) = qNaN */
    TEST_FF_D(9, 0x7ff8000000000000, NV, 0x7ff0000000000001, 0x7ff8000000000000, 0x0, fmin.d fa0, fa1, fa2)
    /* fmin.d(-inf, 1.7976931348623157e+308) = -inf */
    TEST_FF_D(10, 0xfff0000000000000, 0, 0xfff0000000000000, 0x7fefffffffffffff, 0x0, fmin.d fa0, fa1, fa2)
    /* fmin.d(inf, -1.7976931348623157e+308) = -1.7976931348623157e+308 */
    TEST_FF_D(11, 0xffefffffffffffff, 0, 0x7ff0000000000000, 0xffefffffffffffff, 0x0, fmin.d fa0, fa1, fa2)
    /* fmin.d(5e-324, -5e-324) = -5e-324 */
    TEST_FF_D(12, 0x8000000000000001, 0, 0x1, 0x8000000000000001, 0x0, fmin.d fa0, fa1, fa2)
    /* fmax.d(1.0, 2.0) = 2.0 */
    TEST_FF_D(13, 0x4000000000000000, 0, 0x3ff0000000000000, 0x4000000000000000, 0x0, fmax.d fa0, fa1, fa2)
    /* fmax.d(-1.0, 1.0) = 1.0 */
    TEST_FF_D(14, 0x3ff0000000000000, 0, 0xbff0000000000000, 0x3ff0000000000000, 0x0, fmax.d fa0, fa1, fa2)
    /* fmax.d(-0, +0) = +0 */
    TEST_FF_D(15, 0x0, 0, 0x8000000000000000, 0x0, 0x0, fmax.d fa0, fa1, fa2)
    /* fmax.d(+0, -0) = +0 */
    TEST_FF_D(16, 0x0, 0, 0x0, 0x8000000000000000, 0x0, fmax.d fa0, fa1, fa2)
    /* fmax.d(qNaN, 1.0) = 1.0 */
    TEST_FF_D(17, 0x3ff0000000000000, 0, 0x7ff8000000000000, 0x3ff0000000000000, 0x0, fmax.d fa0, fa1, fa2)
    /* fmax.d(-1.0, qNaN(payload)) = -1.0 */
    TEST_FF_D(18, 0xbff0000000000000, 0, 0xbff0000000000000, 0x7ff8000000012345, 0x0, fmax.d fa0, fa1, fa2)
    /* fmax.d(sNaN(payload), 1.0) = 1.0 */
    TEST_FF_D(19, 0x3ff0000000000000, NV, 0x7ff0000000000001, 0x3ff0000000000000, 0x0, fmax.d fa0, fa1, fa2)
    /* fmax.d(qNaN, -qNaN) = qNaN */
    TEST_FF_D(20, 0x7ff8000000000000, 0, 0x7ff8000000000000, 0xfff8000000000000, 0x0, fmax.d fa0, fa1, fa2)
    /* fmax.d(sNaN(payload), qNaN) = qNaN */
    TEST_FF_D(21, 0x7ff8000000000000, NV, 0x7ff0000000000001, 0x7ff8000000000000, 0x0, fmax.d fa0, fa1, fa2)
    /* fmax.d(-inf, 1.7976931348623157e+308) = 1.7976931348623157e+308 */
    TEST_FF_D(22, 0x7fefffffffffffff, 0, 0xfff0000000000000, 0x7fefffffffffffff, 0x0, fmax.d fa0, fa1, fa2)
    /* fmax.d(inf, -1.7976931348623157e+308) = inf */
    TEST_FF_D(23, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0xffefffffffffffff, 0x0, fmax.d fa0, fa1, fa2)
    /* fmax.d(5e-324, -5e-324) = 5e-324 */
    TEST_FF_D(24, 0x1, 0, 0x1, 0x8000000000000001, 0x0, fmax.d fa0, fa1, fa2)

    /* feq is quiet (NV only for a signalling NaN); flt/fle signal on any NaN */
    /* feq.d(1.0, 1.0) = 0x1 */
    TEST_FX_D(25, 0x1, 0, 0x3ff0000000000000, 0x3ff0000000000000, feq.d a0, fa1, fa2)
    /* feq.d(1.0, 2.0) = 0x0 */
    TEST_FX_D(26, 0x0, 0, 0x3ff0000000000000, 0x4000000000000000, feq.d a0, fa1, fa2)
    /* feq.d(2.0, 1.0) = 0x0 */
    TEST_FX_D(27, 0x0, 0, 0x4000000000000000, 0x3ff0000000000000, feq.d a0, fa1, fa2)
    /* feq.d(-0, +0) = 0x1 */
    TEST_FX_D(28, 0x1, 0, 0x8000000000000000, 0x0, feq.d a0, fa1, fa2)
    /* feq.d(+0, -0) = 0x1 */
    TEST_FX_D(29, 0x1, 0, 0x0, 0x8000000000000000, feq.d a0, fa1, fa2)
    /* feq.d(-1.0, -3.0) = 0x0 */
    TEST_FX_D(30, 0x0, 0, 0xbff0000000000000, 0xc008000000000000, feq.d a0, fa1, fa2)
    /* feq.d(qNaN, 1.0) = 0x0 */
    TEST_FX_D(31, 0x0, 0, 0x7ff8000000000000, 0x3ff0000000000000, feq.d a0, fa1, fa2)
    /* feq.d(1.0, qNaN(payload)) = 0x0 */
    TEST_FX_D(32, 0x0, 0, 0x3ff0000000000000, 0x7ff8000000012345, feq.d a0, fa1, fa2)
    /* feq.d(sNaN(payload), 1.0) = 0x0 */
    TEST_FX_D(33, 0x0, NV, 0x7ff0000000000001, 0x3ff0000000000000, feq.d a0, fa1, fa2)
    /* feq.d(qNaN, qNaN) = 0x0 */
    TEST_FX_D(34, 0x0, 0, 0x7ff8000000000000, 0x7ff8000000000000, feq.d a0, fa1, fa2)
    /* feq.d(-inf, inf) = 0x0 */
    TEST_FX_D(35, 0x0, 0, 0xfff0000000000000, 0x7ff0000000000000, feq.d a0, fa1, fa2)
    /* feq.d(-5e-324, 5e-324) = 0x0 */
    TEST_FX_D(36, 0x0, 0, 0x8000000000000001, 0x1, feq.d a0, fa1, fa2)
    /* flt.d(1.0, 1.0) = 0x0 */
    TEST_FX_D(37, 0x0, 0, 0x3ff0000000000000, 0x3ff0000000000000, flt.d a0, fa1, fa2)
    /* flt.d(1.0, 2.0) = 0x1 */
    TEST_FX_D(38, 0x1, 0, 0x3ff0000000000000, 0x4000000000000000, flt.d a0, fa1, fa2)
    /* flt.d(2.0, 1.0) = 0x0 */
    TEST_FX_D(39, 0x0, 0, 0x4000000000000000, 0x3ff0000000000000, flt.d a0, fa1, fa2)
    /* flt.d(-0, +0) = 0x0 */
    TEST_FX_D(40, 0x0, 0, 0x8000000000000000, 0x0, flt.d a0, fa1, fa2)
    /* flt.d(+0, -0) = 0x0 */
    TEST_FX_D(41, 0x0, 0, 0x0, 0x8000000000000000, flt.d a0, fa1, fa2)
    /* flt.d(-1.0, -3.0) = 0x0 */
    TEST_FX_D(42, 0x0, 0, 0xbff0000000000000, 0xc008000000000000, flt.d a0, fa1, fa2)
    /* flt.d(qNaN, 1.0) = 0x0 */
    TEST_FX_D(43, 0x0, NV, 0x7ff8000000000000, 0x3ff0000000000000, flt.d a0, fa1, fa2)
    /* flt.d(1.0, qNaN(payload)) = 0x0 */
    TEST_FX_D(44, 0x0, NV, 0x3ff0000000000000, 0x7ff8000000012345, flt.d a0, fa1, fa2)
    /* flt.d(sNaN(payload), 1.0) = 0x0 */
    TEST_FX_D(45, 0x0, NV, 0x7ff0000000000001, 0x3ff0000000000000, flt.d a0, fa1, fa2)
    /* flt.d(qNaN, qNaN) = 0x0 */
    TEST_FX_D(46, 0x0, NV, 0x7ff8000000000000, 0x7ff8000000000000, flt.d a0, fa1, fa2)
    /* flt.d(-inf, inf) = 0x1 */
    TEST_FX_D(47, 0x1, 0, 0xfff0000000000000, 0x7ff0000000000000, flt.d a0, fa1, fa2)
    /* flt.d(-5e-324, 5e-324) = 0x1 */
    TEST_FX_D(48, 0x1, 0, 0x8000000000000001, 0x1, flt.d a0, fa1, fa2)
    /* fle.d(1.0, 1.0) = 0x1 */
    TEST_FX_D(49, 0x1, 0, 0x3ff0000000000000, 0x3ff0000000000000, fle.d a0, fa1, fa2)
    /* fle.d(1.0, 2.0) = 0x1 */
    TEST_FX_D(50, 0x1, 0, 0x3ff0000000000000, 0x4000000000000000, fle.d a0, fa1, fa2)
    /* fle.d(2.0, 1.0) = 0x0 */
    TEST_FX_D(51, 0x0, 0, 0x4000000000000000, 0x3ff0000000000000, fle.d a0, fa1, fa2)
    /* fle.d(-0, +0) = 0x1 */
    TEST_FX_D(52, 0x1, 0, 0x8000000000000000, 0x0, fle.d a0, fa1, fa2)
    /* fle.d(+0, -0) = 0x1 */
    TEST_FX_D(53, 0x1, 0, 0x0, 0x8000000000000000, fle.d a0, fa1, fa2)
    /* fle.d(-1.0, -3.0) = 0x0 */
    TEST_FX_D(54, 0x0, 0, 0xbff0000000000000, 0xc008000000000000, fle.d a0, fa1, fa2)
    /* fle.d(qNaN, 1.0) = 0x0 */
    TEST_FX_D(55, 0x0, NV, 0x7ff8000000000000, 0x3ff0000000000000, fle.d a0, fa1, fa2)
    /* fle.d(1.0, qNaN(payload)) = 0x0 */
    TEST_FX_D(56, 0x0, NV, 0x3ff0000000000000, 0x7ff8000000012345, fle.d a0, fa1, fa2)
    /* fle.d(sNaN(payload), 1.0) = 0x0 */
    TEST_FX_D(57, 0x0, NV, 0x7ff0000000000001, 0x3ff0000000000000, fle.d a0, fa1, fa2)
    /* fle.d(qNaN, qNaN) = 0x0 */
    TEST_FX_D(58, 0x0, NV, 0x7ff8000000000000, 0x7ff8000000000000, fle.d a0, fa1, fa2)
    /* fle.d(-inf, inf) = 0x1 */
    TEST_FX_D(59, 0x1, 0, 0xfff0000000000000, 0x7ff0000000000000, fle.d a0, fa1, fa2)
    /* fle.d(-5e-324, 5e-324) = 0x1 */
    TEST_FX_D(60, 0x1, 0, 0x8000000000000001, 0x1, fle.d a0, fa1, fa2)

    /* fclass: one bit per kind of value */
    /* fclass.d(-inf) = 0x1 */
    TEST_FX_D(61, 0x1, 0, 0xfff0000000000000, 0x0, fclass.d a0, fa1)
    /* fclass.d(-1.0) = 0x2 */
    TEST_FX_D(62, 0x2, 0, 0xbff0000000000000, 0x0, fclass.d a0, fa1)
    /* fclass.d(-5e-324) = 0x4 */
    TEST_FX_D(63, 0x4, 0, 0x8000000000000001, 0x0, fclass.d a0, fa1)
    /* fclass.d(-0) = 0x8 */
    TEST_FX_D(64, 0x8, 0, 0x8000000000000000, 0x0, fclass.d a0, fa1)
    /* fclass.d(+0) = 0x10 */
    TEST_FX_D(65, 0x10, 0, 0x0, 0x0, fclass.d a0, fa1)
    /* fclass.d(5e-324) = 0x20 */
    TEST_FX_D(66, 0x20, 0, 0x1, 0x0, fclass.d a0, fa1)
    /* fclass.d(2.225073858507201e-308) = 0x20 */
    TEST_FX_D(67, 0x20, 0, 0xfffffffffffff, 0x0, fclass.d a0, fa1)
    /* fclass.d(1.0) = 0x40 */
    TEST_FX_D(68, 0x40, 0, 0x3ff0000000000000, 0x0, fclass.d a0, fa1)
    /* fclass.d(1.7976931348623157e+308) = 0x40 */
    TEST_FX_D(69, 0x40, 0, 0x7fefffffffffffff, 0x0, fclass.d a0, fa1)
    /* fclass.d(inf) = 0x80 */
    TEST_FX_D(70, 0x80, 0, 0x7ff0000000000000, 0x0, fclass.d a0, fa1)
    /* fclass.d(sNaN(payload)) = 0x100 */
    TEST_FX_D(71, 0x100, 0, 0x7ff0000000000001, 0x0, fclass.d a0, fa1)
    /* fclass.d(sNaN(payload)) = 0x100 */
    TEST_FX_D(72, 0x100, 0, 0x7ff4000000000000, 0x0, fclass.d a0, fa1)
    /* fclass.d(qNaN) = 0x200 */
    TEST_FX_D(73, 0x200, 0, 0x7ff8000000000000, 0x0, fclass.d a0, fa1)
    /* fclass.d(-qNaN) = 0x200 */
    TEST_FX_D(74, 0x200, 0, 0xfff8000000000000, 0x0, fclass.d a0, fa1)
    /* fclass.d(qNaN(payload)) = 0x200 */
    TEST_FX_D(75, 0x200, 0, 0x7ff8000000012345, 0x0, fclass.d a0, fa1)

    /* sign injection: pure bit operations, no flags even for signalling NaNs */
    /* fsgnj.d(1.0, -1.0) = -1.0 */
    TEST_FF_D(76, 0xbff0000000000000, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fsgnj.d fa0, fa1, fa2)
    /* fsgnj.d(-1.0, 1.0) = 1.0 */
    TEST_FF_D(77, 0x3ff0000000000000, 0, 0xbff0000000000000, 0x3ff0000000000000, 0x0, fsgnj.d fa0, fa1, fa2)
    /* fsgnj.d(-1.0, -3.0) = -1.0 */
    TEST_FF_D(78, 0xbff0000000000000, 0, 0xbff0000000000000, 0xc008000000000000, 0x0, fsgnj.d fa0, fa1, fa2)
    /* fsgnj.d(sNaN(payload), -1.0) = -sNaN(payload) */
    TEST_FF_D(79, 0xfff0000000000001, 0, 0x7ff0000000000001, 0xbff0000000000000, 0x0, fsgnj.d fa0, fa1, fa2)
    /* fsgnj.d(-qNaN, +0) = qNaN */
    TEST_FF_D(80, 0x7ff8000000000000, 0, 0xfff8000000000000, 0x0, 0x0, fsgnj.d fa0, fa1, fa2)
    /* fsgnj.d(inf, -0) = -inf */
    TEST_FF_D(81, 0xfff0000000000000, 0, 0x7ff0000000000000, 0x8000000000000000, 0x0, fsgnj.d fa0, fa1, fa2)
    /* fsgnjn.d(1.0, -1.0) = 1.0 */
    TEST_FF_D(82, 0x3ff0000000000000, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fsgnjn.d fa0, fa1, fa2)
    /* fsgnjn.d(-1.0, 1.0) = -1.0 */
    TEST_FF_D(83, 0xbff0000000000000, 0, 0xbff0000000000000, 0x3ff0000000000000, 0x0, fsgnjn.d fa0, fa1, fa2)
    /* fsgnjn.d(-1.0, -3.0) = 1.0 */
    TEST_FF_D(84, 0x3ff0000000000000, 0, 0xbff0000000000000, 0xc008000000000000, 0x0, fsgnjn.d fa0, fa1, fa2)
    /* fsgnjn.d(sNaN(payload), -1.0) = sNaN(payload) */
    TEST_FF_D(85, 0x7ff0000000000001, 0, 0x7ff0000000000001, 0xbff0000000000000, 0x0, fsgnjn.d fa0, fa1, fa2)
    /* fsgnjn.d(-qNaN, +0) = -qNaN */
    TEST_FF_D(86, 0xfff8000000000000, 0, 0xfff8000000000000, 0x0, 0x0, fsgnjn.d fa0, fa1, fa2)
    /* fsgnjn.d(inf, -0) = inf */
    TEST_FF_D(87, 0x7ff0000000000000, 0, 0x7ff0000000000000, 0x8000000000000000, 0x0, fsgnjn.d fa0, fa1, fa2)
    /* fsgnjx.d(1.0, -1.0) = -1.0 */
    TEST_FF_D(88, 0xbff0000000000000, 0, 0x3ff0000000000000, 0xbff0000000000000, 0x0, fsgnjx.d fa0, fa1, fa2)
    /* fsgnjx.d(-1.0, 1.0) = -1.0 */
    TEST_FF_D(89, 0xbff0000000000000, 0, 0xbff0000000000000, 0x3ff0000000000000, 0x0, fsgnjx.d fa0, fa1, fa2)
    /* fsgnjx.d(-1.0, -3.0) = 1.0 */
    TEST_FF_D(90, 0x3ff0000000000000, 0, 0xbff0000000000000, 0xc008000000000000, 0x0, fsgnjx.d fa0, fa1, fa2)
    /* fsgnjx.d(sNaN(payload), -1.0) = -sNaN(payload) */
    TEST_FF_D(91, 0xfff0000000000001, 0, 0x7ff0000000000001, 0xbff0000000000000, 0x0, fsgnjx.d fa0, fa1, fa2)
    /* fsgnjx.d(-qNaN, +0) = -qNaN */
    TEST_FF_D(92, 0xfff8000000000000, 0, 0xfff8000000000000, 0x0, 0x0, fsgnjx.d fa0, fa1, fa2)
    /* fsgnjx.d(inf, -0) = -inf */
    TEST_FF_D(93, 0xfff0000000000000, 0, 0x7ff0000000000000, 0x8000000000000000, 0x0, fsgnjx.d fa0, fa1, fa2)

TEST_END
