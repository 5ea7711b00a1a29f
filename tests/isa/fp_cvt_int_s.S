/* Conversions between single and integers: rounding, saturation, flags.
 * Expected values agree with qemu-riscv64 (the reference). */
#include "test_macros.h"

TEST_BEGIN

    /* float to integer (s): rounding of fractions in every mode */
    /* fcvt.w.s rne(2.5) = 0x2 */
    TEST_FX_S(1, 0x2, NX, 0x40200000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rtz(2.5) = 0x2 */
    TEST_FX_S(2, 0x2, NX, 0x40200000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rdn(2.5) = 0x2 */
    TEST_FX_S(3, 0x2, NX, 0x40200000, 0x0, fcvt.w.s a0, fa1, rdn)
    /* fcvt.w.s rup(2.5) = 0x3 */
    TEST_FX_S(4, 0x3, NX, 0x40200000, 0x0, fcvt.w.s a0, fa1, rup)
    /* fcvt.w.s rmm(2.5) = 0x3 */
    TEST_FX_S(5, 0x3, NX, 0x40200000, 0x0, fcvt.w.s a0, fa1, rmm)
    /* fcvt.w.s rne(-2.5) = 0xfffffffffffffffe */
    TEST_FX_S(6, 0xfffffffffffffffe, NX, 0xc0200000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rtz(-2.5) = 0xfffffffffffffffe */
    TEST_FX_S(7, 0xfffffffffffffffe, NX, 0xc0200000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rdn(-2.5) = 0xfffffffffffffffd */
    TEST_FX_S(8, 0xfffffffffffffffd, NX, 0xc0200000, 0x0, fcvt.w.s a0, fa1, rdn)
    /* fcvt.w.s rup(-2.5) = 0xfffffffffffffffe */
    TEST_FX_S(9, 0xfffffffffffffffe, NX, 0xc0200000, 0x0, fcvt.w.s a0, fa1, rup)
    /* fcvt.w.s rmm(-2.5) = 0xfffffffffffffffd */
    TEST_FX_S(10, 0xfffffffffffffffd, NX, 0xc0200000, 0x0, fcvt.w.s a0, fa1, rmm)
    /* fcvt.w.s rne(0.5) = 0x0 */
    TEST_FX_S(11, 0x0, NX, 0x3f000000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rtz(0.5) = 0x0 */
    TEST_FX_S(12, 0x0, NX, 0x3f000000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rdn(0.5) = 0x0 */
    TEST_FX_S(13, 0x0, NX, 0x3f000000, 0x0, fcvt.w.s a0, fa1, rdn)
    /* fcvt.w.s rup(0.5) = 0x1 */
    TEST_FX_S(14, 0x1, NX, 0x3f000000, 0x0, fcvt.w.s a0, fa1, rup)
    /* fcvt.w.s rmm(0.5) = 0x1 */
    TEST_FX_S(15, 0x1, NX, 0x3f000000, 0x0, fcvt.w.s a0, fa1, rmm)
    /* fcvt.w.s rne(-0.5) = 0x0 */
    TEST_FX_S(16, 0x0, NX, 0xbf000000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rtz(-0.5) = 0x0 */
    TEST_FX_S(17, 0x0, NX, 0xbf000000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rdn(-0.5) = 0xffffffffffffffff */
    TEST_FX_S(18, 0xffffffffffffffff, NX, 0xbf000000, 0x0, fcvt.w.s a0, fa1, rdn)
    /* fcvt.w.s rup(-0.5) = 0x0 */
    TEST_FX_S(19, 0x0, NX, 0xbf000000, 0x0, fcvt.w.s a0, fa1, rup)
    /* fcvt.w.s rmm(-0.5) = 0xffffffffffffffff */
    TEST_FX_S(20, 0xffffffffffffffff, NX, 0xbf000000, 0x0, fcvt.w.s a0, fa1, rmm)
    /* fcvt.w.s rne(1.75) = 0x2 */
    TEST_FX_S(21, 0x2, NX, 0x3fe00000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rtz(1.75) = 0x1 */
    TEST_FX_S(22, 0x1, NX, 0x3fe00000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rdn(1.75) = 0x1 */
    TEST_FX_S(23, 0x1, NX, 0x3fe00000, 0x0, fcvt.w.s a0, fa1, rdn)
    /* fcvt.w.s rup(1.75) = 0x2 */
    TEST_FX_S(24, 0x2, NX, 0x3fe00000, 0x0, fcvt.w.s a0, fa1, rup)
    /* fcvt.w.s rmm(1.75) = 0x2 */
    TEST_FX_S(25, 0x2, NX, 0x3fe00000, 0x0, fcvt.w.s a0, fa1, rmm)
    /* fcvt.w.s rne(-1.25) = 0xffffffffffffffff */
    TEST_FX_S(26, 0xffffffffffffffff, NX, 0xbfa00000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rtz(-1.25) = 0xffffffffffffffff */
    TEST_FX_S(27, 0xffffffffffffffff, NX, 0xbfa00000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rdn(-1.25) = 0xfffffffffffffffe */
    TEST_FX_S(28, 0xfffffffffffffffe, NX, 0xbfa00000, 0x0, fcvt.w.s a0, fa1, rdn)
    /* fcvt.w.s rup(-1.25) = 0xffffffffffffffff */
    TEST_FX_S(29, 0xffffffffffffffff, NX, 0xbfa00000, 0x0, fcvt.w.s a0, fa1, rup)
    /* fcvt.w.s rmm(-1.25) = 0xffffffffffffffff */
    TEST_FX_S(30, 0xffffffffffffffff, NX, 0xbfa00000, 0x0, fcvt.w.s a0, fa1, rmm)

    /* saturation at every boundary; NV replaces NX when out of range */
    /* fcvt.w.s rtz(2147483520.0) = 0x7fffff80 */
    TEST_FX_S(31, 0x7fffff80, 0, 0x4effffff, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(2147483648.0) = 0x7fffffff */
    TEST_FX_S(32, 0x7fffffff, NV, 0x4f000000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(-2147483648.0) = 0xffffffff80000000 */
    TEST_FX_S(33, 0xffffffff80000000, 0, 0xcf000000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(-2147483904.0) = 0xffffffff80000000 */
    TEST_FX_S(34, 0xffffffff80000000, NV, 0xcf000001, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(4294967296.0) = 0x7fffffff */
    TEST_FX_S(35, 0x7fffffff, NV, 0x4f800000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(4294967040.0) = 0x7fffffff */
    TEST_FX_S(36, 0x7fffffff, NV, 0x4f7fffff, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(9.223372036854776e+18) = 0x7fffffff */
    TEST_FX_S(37, 0x7fffffff, NV, 0x5f000000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(-9.223372036854776e+18) = 0xffffffff80000000 */
    TEST_FX_S(38, 0xffffffff80000000, NV, 0xdf000000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(1.8446744073709552e+19) = 0x7fffffff */
    TEST_FX_S(39, 0x7fffffff, NV, 0x5f800000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(-1.0) = 0xffffffffffffffff */
    TEST_FX_S(40, 0xffffffffffffffff, 0, 0xbf800000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(-0.5) = 0x0 */
    TEST_FX_S(41, 0x0, NX, 0xbf000000, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(-0.8999999761581421) = 0x0 */
    TEST_FX_S(42, 0x0, NX, 0xbf666666, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(1.0000000150474662e+30) = 0x7fffffff */
    TEST_FX_S(43, 0x7fffffff, NV, 0x7149f2ca, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rtz(-1.0000000150474662e+30) = 0xffffffff80000000 */
    TEST_FX_S(44, 0xffffffff80000000, NV, 0xf149f2ca, 0x0, fcvt.w.s a0, fa1, rtz)
    /* fcvt.w.s rne(inf) = 0x7fffffff */
    TEST_FX_S(45, 0x7fffffff, NV, 0x7f800000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rne(-inf) = 0xffffffff80000000 */
    TEST_FX_S(46, 0xffffffff80000000, NV, 0xff800000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rne(qNaN) = 0x7fffffff */
    TEST_FX_S(47, 0x7fffffff, NV, 0x7fc00000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rne(-qNaN) = 0x7fffffff */
    TEST_FX_S(48, 0x7fffffff, NV, 0xffc00000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rne(sNaN(payload)) = 0x7fffffff */
    TEST_FX_S(49, 0x7fffffff, NV, 0x7f800001, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rne(-0) = 0x0 */
    TEST_FX_S(50, 0x0, 0, 0x80000000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.w.s rne(1.401298464324817e-45) = 0x0 */
    TEST_FX_S(51, 0x0, NX, 0x1, 0x0, fcvt.w.s a0, fa1, rne)
    /* fcvt.wu.s rtz(2147483520.0) = 0x7fffff80 */
    TEST_FX_S(52, 0x7fffff80, 0, 0x4effffff, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(2147483648.0) = 0xffffffff80000000 */
    TEST_FX_S(53, 0xffffffff80000000, 0, 0x4f000000, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(-2147483648.0) = 0x0 */
    TEST_FX_S(54, 0x0, NV, 0xcf000000, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(-2147483904.0) = 0x0 */
    TEST_FX_S(55, 0x0, NV, 0xcf000001, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(4294967296.0) = 0xffffffffffffffff */
    TEST_FX_S(56, 0xffffffffffffffff, NV, 0x4f800000, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(4294967040.0) = 0xffffffffffffff00 */
    TEST_FX_S(57, 0xffffffffffffff00, 0, 0x4f7fffff, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(9.223372036854776e+18) = 0xffffffffffffffff */
    TEST_FX_S(58, 0xffffffffffffffff, NV, 0x5f000000, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(-9.223372036854776e+18) = 0x0 */
    TEST_FX_S(59, 0x0, NV, 0xdf000000, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(1.8446744073709552e+19) = 0xffffffffffffffff */
    TEST_FX_S(60, 0xffffffffffffffff, NV, 0x5f800000, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(-1.0) = 0x0 */
    TEST_FX_S(61, 0x0, NV, 0xbf800000, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(-0.5) = 0x0 */
    TEST_FX_S(62, 0x0, NX, 0xbf000000, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(-0.8999999761581421) = 0x0 */
    TEST_FX_S(63, 0x0, NX, 0xbf666666, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(1.0000000150474662e+30) = 0xffffffffffffffff */
    TEST_FX_S(64, 0xffffffffffffffff, NV, 0x7149f2ca, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rtz(-1.0000000150474662e+30) = 0x0 */
    TEST_FX_S(65, 0x0, NV, 0xf149f2ca, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.wu.s rne(inf) = 0xffffffffffffffff */
    TEST_FX_S(66, 0xffffffffffffffff, NV, 0x7f800000, 0x0, fcvt.wu.s a0, fa1, rne)
    /* fcvt.wu.s rne(-inf) = 0x0 */
    TEST_FX_S(67, 0x0, NV, 0xff800000, 0x0, fcvt.wu.s a0, fa1, rne)
    /* fcvt.wu.s rne(qNaN) = 0xffffffffffffffff */
    TEST_FX_S(68, 0xffffffffffffffff, NV, 0x7fc00000, 0x0, fcvt.wu.s a0, fa1, rne)
    /* fcvt.wu.s rne(-qNaN) = 0xffffffffffffffff */
    TEST_FX_S(69, 0xffffffffffffffff, NV, 0xffc00000, 0x0, fcvt.wu.s a0, fa1, rne)
    /* fcvt.wu.s rne(sNaN(payload)) = 0xffffffffffffffff */
    TEST_FX_S(70, 0xffffffffffffffff, NV, 0x7f800001, 0x0, fcvt.wu.s a0, fa1, rne)
    /* fcvt.wu.s rne(-0) = 0x0 */
    TEST_FX_S(71, 0x0, 0, 0x80000000, 0x0, fcvt.wu.s a0, fa1, rne)
    /* fcvt.wu.s rne(1.401298464324817e-45) = 0x0 */
    TEST_FX_S(72, 0x0, NX, 0x1, 0x0, fcvt.wu.s a0, fa1, rne)
    /* fcvt.l.s rtz(2147483520.0) = 0x7fffff80 */
    TEST_FX_S(73, 0x7fffff80, 0, 0x4effffff, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(2147483648.0) = 0x80000000 */
    TEST_FX_S(74, 0x80000000, 0, 0x4f000000, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(-2147483648.0) = 0xffffffff80000000 */
    TEST_FX_S(75, 0xffffffff80000000, 0, 0xcf000000, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(-2147483904.0) = 0xffffffff7fffff00 */
    TEST_FX_S(76, 0xffffffff7fffff00, 0, 0xcf000001, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(4294967296.0) = 0x100000000 */
    TEST_FX_S(77, 0x100000000, 0, 0x4f800000, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(4294967040.0) = 0xffffff00 */
    TEST_FX_S(78, 0xffffff00, 0, 0x4f7fffff, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(9.223372036854776e+18) = 0x7fffffffffffffff */
    TEST_FX_S(79, 0x7fffffffffffffff, NV, 0x5f000000, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(-9.223372036854776e+18) = 0x8000000000000000 */
    TEST_FX_S(80, 0x8000000000000000, 0, 0xdf000000, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(1.8446744073709552e+19) = 0x7fffffffffffffff */
    TEST_FX_S(81, 0x7fffffffffffffff, NV, 0x5f800000, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(-1.0) = 0xffffffffffffffff */
    TEST_FX_S(82, 0xffffffffffffffff, 0, 0xbf800000, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(-0.5) = 0x0 */
    TEST_FX_S(83, 0x0, NX, 0xbf000000, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(-0.8999999761581421) = 0x0 */
    TEST_FX_S(84, 0x0, NX, 0xbf666666, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(1.0000000150474662e+30) = 0x7fffffffffffffff */
    TEST_FX_S(85, 0x7fffffffffffffff, NV, 0x7149f2ca, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rtz(-1.0000000150474662e+30) = 0x8000000000000000 */
    TEST_FX_S(86, 0x8000000000000000, NV, 0xf149f2ca, 0x0, fcvt.l.s a0, fa1, rtz)
    /* fcvt.l.s rne(inf) = 0x7fffffffffffffff */
    TEST_FX_S(87, 0x7fffffffffffffff, NV, 0x7f800000, 0x0, fcvt.l.s a0, fa1, rne)
    /* fcvt.l.s rne(-inf) = 0x8000000000000000 */
    TEST_FX_S(88, 0x8000000000000000, NV, 0xff800000, 0x0, fcvt.l.s a0, fa1, rne)
    /* fcvt.l.s rne(qNaN) = 0x7fffffffffffffff */
    TEST_FX_S(89, 0x7fffffffffffffff, NV, 0x7fc00000, 0x0, fcvt.l.s a0, fa1, rne)
    /* fcvt.l.s rne(-qNaN) = 0x7fffffffffffffff */
    TEST_FX_S(90, 0x7fffffffffffffff, NV, 0xffc00000, 0x0, fcvt.l.s a0, fa1, rne)
    /* fcvt.l.s rne(sNaN(payload)) = 0x7fffffffffffffff */
    TEST_FX_S(91, 0x7fffffffffffffff, NV, 0x7f800001, 0x0, fcvt.l.s a0, fa1, rne)
    /* fcvt.l.s rne(-0) = 0x0 */
    TEST_FX_S(92, 0x0, 0, 0x80000000, 0x0, fcvt.l.s a0, fa1, rne)
    /* fcvt.l.s rne(1.401298464324817e-45) = 0x0 */
    TEST_FX_S(93, 0x0, NX, 0x1, 0x0, fcvt.l.s a0, fa1, rne)
    /* fcvt.lu.s rtz(2147483520.0) = 0x7fffff80 */
    TEST_FX_S(94, 0x7fffff80, 0, 0x4effffff, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(2147483648.0) = 0x80000000 */
    TEST_FX_S(95, 0x80000000, 0, 0x4f000000, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(-2147483648.0) = 0x0 */
    TEST_FX_S(96, 0x0, NV, 0xcf000000, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(-2147483904.0) = 0x0 */
    TEST_FX_S(97, 0x0, NV, 0xcf000001, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(4294967296.0) = 0x100000000 */
    TEST_FX_S(98, 0x100000000, 0, 0x4f800000, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(4294967040.0) = 0xffffff00 */
    TEST_FX_S(99, 0xffffff00, 0, 0x4f7fffff, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(9.223372036854776e+18) = 0x8000000000000000 */
    TEST_FX_S(100, 0x8000000000000000, 0, 0x5f000000, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(-9.223372036854776e+18) = 0x0 */
    TEST_FX_S(101, 0x0, NV, 0xdf000000, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(1.8446744073709552e+19) = 0xffffffffffffffff */
    TEST_FX_S(102, 0xffffffffffffffff, NV, 0x5f800000, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(-1.0) = 0x0 */
    TEST_FX_S(103, 0x0, NV, 0xbf800000, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(-0.5) = 0x0 */
    TEST_FX_S(104, 0x0, NX, 0xbf000000, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(-0.8999999761581421) = 0x0 */
    TEST_FX_S(105, 0x0, NX, 0xbf666666, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(1.0000000150474662e+30) = 0xffffffffffffffff */
    TEST_FX_S(106, 0xffffffffffffffff, NV, 0x7149f2ca, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rtz(-1.0000000150474662e+30) = 0x0 */
    TEST_FX_S(107, 0x0, NV, 0xf149f2ca, 0x0, fcvt.lu.s a0, fa1, rtz)
    /* fcvt.lu.s rne(inf) = 0xffffffffffffffff */
    TEST_FX_S(108, 0xffffffffffffffff, NV, 0x7f800000, 0x0, fcvt.lu.s a0, fa1, rne)
    /* fcvt.lu.s rne(-inf) = 0x0 */
    TEST_FX_S(109, 0x0, NV, 0xff800000, 0x0, fcvt.lu.s a0, fa1, rne)
    /* fcvt.lu.s rne(qNaN) = 0xffffffffffffffff */
    TEST_FX_S(110, 0xffffffffffffffff, NV, 0x7fc00000, 0x0, fcvt.lu.s a0, fa1, rne)
    /* fcvt.lu.s rne(-qNaN) = 0xffffffffffffffff */
    TEST_FX_S(111, 0xffffffffffffffff, NV, 0xffc00000, 0x0, fcvt.lu.s a0, fa1, rne)
    /* fcvt.lu.s rne(sNaN(payload)) = 0xffffffffffffffff */
    TEST_FX_S(112, 0xffffffffffffffff, NV, 0x7f800001, 0x0, fcvt.lu.s a0, fa1, rne)
    /* fcvt.lu.s rne(-0) = 0x0 */
    TEST_FX_S(113, 0x0, 0, 0x80000000, 0x0, fcvt.lu.s a0, fa1, rne)
    /* fcvt.lu.s rne(1.401298464324817e-45) = 0x0 */
    TEST_FX_S(114, 0x0, NX, 0x1, 0x0, fcvt.lu.s a0, fa1, rne)

    /* rounding that pushes a value out of range, or into range */
    /* fcvt.wu.s rne(-0.5) = 0x0 */
    TEST_FX_S(115, 0x0, NX, 0xbf000000, 0x0, fcvt.wu.s a0, fa1, rne)
    /* fcvt.lu.s dyn:rne(-0.75) = 0x0 */
    TEST_FX_S(116, 0x0, NV, 0xbf400000, 0x0, fsrmi 0; fcvt.lu.s a0, fa1)
    /* fcvt.wu.s rtz(-0.5) = 0x0 */
    TEST_FX_S(117, 0x0, NX, 0xbf000000, 0x0, fcvt.wu.s a0, fa1, rtz)
    /* fcvt.lu.s dyn:rtz(-0.75) = 0x0 */
    TEST_FX_S(118, 0x0, NX, 0xbf400000, 0x0, fsrmi 1; fcvt.lu.s a0, fa1)
    /* fcvt.wu.s rdn(-0.5) = 0x0 */
    TEST_FX_S(119, 0x0, NV, 0xbf000000, 0x0, fcvt.wu.s a0, fa1, rdn)
    /* fcvt.lu.s dyn:rdn(-0.75) = 0x0 */
    TEST_FX_S(120, 0x0, NV, 0xbf400000, 0x0, fsrmi 2; fcvt.lu.s a0, fa1)
    /* fcvt.wu.s rup(-0.5) = 0x0 */
    TEST_FX_S(121, 0x0, NX, 0xbf000000, 0x0, fcvt.wu.s a0, fa1, rup)
    /* fcvt.lu.s dyn:rup(-0.75) = 0x0 */
    TEST_FX_S(122, 0x0, NX, 0xbf400000, 0x0, fsrmi 3; fcvt.lu.s a0, fa1)
    /* fcvt.wu.s rmm(-0.5) = 0x0 */
    TEST_FX_S(123, 0x0, NV, 0xbf000000, 0x0, fcvt.wu.s a0, fa1, rmm)
    /* fcvt.lu.s dyn:rmm(-0.75) = 0x0 */
    TEST_FX_S(124, 0x0, NV, 0xbf400000, 0x0, fsrmi 4; fcvt.lu.s a0, fa1)

    /* integer to float (s): rounding per mode */
    /* fcvt.s.w rne(0x0) = +0 */
    TEST_XF_S(125, 0x0, 0, 0x0, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.w rne(0x1) = 1.0 */
    TEST_XF_S(126, 0x3f800000, 0, 0x1, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.w rne(0xffffffffffffffff) = -1.0 */
    TEST_XF_S(127, 0xbf800000, 0, 0xffffffffffffffff, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.w rne(0x7fffffff) = 2147483648.0 */
    TEST_XF_S(128, 0x4f000000, NX, 0x7fffffff, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.w rne(0x80000000) = -2147483648.0 */
    TEST_XF_S(129, 0xcf000000, 0, 0x80000000, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.w rne(0xffffffff) = -1.0 */
    TEST_XF_S(130, 0xbf800000, 0, 0xffffffff, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.w rne(0x7fffffffffffffff) = -1.0 */
    TEST_XF_S(131, 0xbf800000, 0, 0x7fffffffffffffff, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.w rne(0x8000000000000000) = +0 */
    TEST_XF_S(132, 0x0, 0, 0x8000000000000000, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.w rne(0xffffffffffffffff) = -1.0 */
    TEST_XF_S(133, 0xbf800000, 0, 0xffffffffffffffff, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.w rne(0x1000001) = 16777216.0 */
    TEST_XF_S(134, 0x4b800000, NX, 0x1000001, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.w rne(0x2000002) = 33554432.0 */
    TEST_XF_S(135, 0x4c000000, NX, 0x2000002, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.w rne(0xfffffffffefffffd) = -16777220.0 */
    TEST_XF_S(136, 0xcb800002, NX, 0xfffffffffefffffd, fcvt.s.w fa0, a1, rne)
    /* fcvt.s.wu rne(0x0) = +0 */
    TEST_XF_S(137, 0x0, 0, 0x0, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.wu rne(0x1) = 1.0 */
    TEST_XF_S(138, 0x3f800000, 0, 0x1, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.wu rne(0xffffffffffffffff) = 4294967296.0 */
    TEST_XF_S(139, 0x4f800000, NX, 0xffffffffffffffff, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.wu rne(0x7fffffff) = 2147483648.0 */
    TEST_XF_S(140, 0x4f000000, NX, 0x7fffffff, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.wu rne(0x80000000) = 2147483648.0 */
    TEST_XF_S(141, 0x4f000000, 0, 0x80000000, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.wu rne(0xffffffff) = 4294967296.0 */
    TEST_XF_S(142, 0x4f800000, NX, 0xffffffff, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.wu rne(0x7fffffffffffffff) = 4294967296.0 */
    TEST_XF_S(143, 0x4f800000, NX, 0x7fffffffffffffff, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.wu rne(0x8000000000000000) = +0 */
    TEST_XF_S(144, 0x0, 0, 0x8000000000000000, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.wu rne(0xffffffffffffffff) = 4294967296.0 */
    TEST_XF_S(145, 0x4f800000, NX, 0xffffffffffffffff, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.wu rne(0x1000001) = 16777216.0 */
    TEST_XF_S(146, 0x4b800000, NX, 0x1000001, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.wu rne(0x2000002) = 33554432.0 */
    TEST_XF_S(147, 0x4c000000, NX, 0x2000002, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.wu rne(0xfffffffffefffffd) = 4278190080.0 */
    TEST_XF_S(148, 0x4f7f0000, NX, 0xfffffffffefffffd, fcvt.s.wu fa0, a1, rne)
    /* fcvt.s.l rne(0x0) = +0 */
    TEST_XF_S(149, 0x0, 0, 0x0, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0x1) = 1.0 */
    TEST_XF_S(150, 0x3f800000, 0, 0x1, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0xffffffffffffffff) = -1.0 */
    TEST_XF_S(151, 0xbf800000, 0, 0xffffffffffffffff, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0x7fffffff) = 2147483648.0 */
    TEST_XF_S(152, 0x4f000000, NX, 0x7fffffff, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0x80000000) = 2147483648.0 */
    TEST_XF_S(153, 0x4f000000, 0, 0x80000000, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0xffffffff) = 4294967296.0 */
    TEST_XF_S(154, 0x4f800000, NX, 0xffffffff, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0x7fffffffffffffff) = 9.223372036854776e+18 */
    TEST_XF_S(155, 0x5f000000, NX, 0x7fffffffffffffff, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0x8000000000000000) = -9.223372036854776e+18 */
    TEST_XF_S(156, 0xdf000000, 0, 0x8000000000000000, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0xffffffffffffffff) = -1.0 */
    TEST_XF_S(157, 0xbf800000, 0, 0xffffffffffffffff, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0x1000001) = 16777216.0 */
    TEST_XF_S(158, 0x4b800000, NX, 0x1000001, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0x2000002) = 33554432.0 */
    TEST_XF_S(159, 0x4c000000, NX, 0x2000002, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0xfffffffffefffffd) = -16777220.0 */
    TEST_XF_S(160, 0xcb800002, NX, 0xfffffffffefffffd, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.lu rne(0x0) = +0 */
    TEST_XF_S(161, 0x0, 0, 0x0, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.lu rne(0x1) = 1.0 */
    TEST_XF_S(162, 0x3f800000, 0, 0x1, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.lu rne(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_S(163, 0x5f800000, NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.lu rne(0x7fffffff) = 2147483648.0 */
    TEST_XF_S(164, 0x4f000000, NX, 0x7fffffff, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.lu rne(0x80000000) = 2147483648.0 */
    TEST_XF_S(165, 0x4f000000, 0, 0x80000000, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.lu rne(0xffffffff) = 4294967296.0 */
    TEST_XF_S(166, 0x4f800000, NX, 0xffffffff, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.lu rne(0x7fffffffffffffff) = 9.223372036854776e+18 */
    TEST_XF_S(167, 0x5f000000, NX, 0x7fffffffffffffff, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.lu rne(0x8000000000000000) = 9.223372036854776e+18 */
    TEST_XF_S(168, 0x5f000000, 0, 0x8000000000000000, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.lu rne(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_S(169, 0x5f800000, NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.lu rne(0x1000001) = 16777216.0 */
    TEST_XF_S(170, 0x4b800000, NX, 0x1000001, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.lu rne(0x2000002) = 33554432.0 */
    TEST_XF_S(171, 0x4c000000, NX, 0x2000002, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.lu rne(0xfffffffffefffffd) = 1.8446744073709552e+19 */
    TEST_XF_S(172, 0x5f800000, NX, 0xfffffffffefffffd, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.l rne(0x1000001) = 16777216.0 */
    TEST_XF_S(173, 0x4b800000, NX, 0x1000001, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.l rne(0xfffffffffeffffff) = -16777216.0 */
    TEST_XF_S(174, 0xcb800000, NX, 0xfffffffffeffffff, fcvt.s.l fa0, a1, rne)
    /* fcvt.s.lu rne(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_S(175, 0x5f800000, NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rne)
    /* fcvt.s.w dyn:rne(0x7fffffff) = 2147483648.0 */
    TEST_XF_S(176, 0x4f000000, NX, 0x7fffffff, fsrmi 0; fcvt.s.w fa0, a1)
    /* fcvt.s.l rtz(0x1000001) = 16777216.0 */
    TEST_XF_S(177, 0x4b800000, NX, 0x1000001, fcvt.s.l fa0, a1, rtz)
    /* fcvt.s.l rtz(0xfffffffffeffffff) = -16777216.0 */
    TEST_XF_S(178, 0xcb800000, NX, 0xfffffffffeffffff, fcvt.s.l fa0, a1, rtz)
    /* fcvt.s.lu rtz(0xffffffffffffffff) = 1.8446742974197924e+19 */
    TEST_XF_S(179, 0x5f7fffff, NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rtz)
    /* fcvt.s.w dyn:rtz(0x7fffffff) = 2147483520.0 */
    TEST_XF_S(180, 0x4effffff, NX, 0x7fffffff, fsrmi 1; fcvt.s.w fa0, a1)
    /* fcvt.s.l rdn(0x1000001) = 16777216.0 */
    TEST_XF_S(181, 0x4b800000, NX, 0x1000001, fcvt.s.l fa0, a1, rdn)
    /* fcvt.s.l rdn(0xfffffffffeffffff) = -16777218.0 */
    TEST_XF_S(182, 0xcb800001, NX, 0xfffffffffeffffff, fcvt.s.l fa0, a1, rdn)
    /* fcvt.s.lu rdn(0xffffffffffffffff) = 1.8446742974197924e+19 */
    TEST_XF_S(183, 0x5f7fffff, NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rdn)
    /* fcvt.s.w dyn:rdn(0x7fffffff) = 2147483520.0 */
    TEST_XF_S(184, 0x4effffff, NX, 0x7fffffff, fsrmi 2; fcvt.s.w fa0, a1)
    /* fcvt.s.l rup(0x1000001) = 16777218.0 */
    TEST_XF_S(185, 0x4b800001, NX, 0x1000001, fcvt.s.l fa0, a1, rup)
    /* fcvt.s.l rup(0xfffffffffeffffff) = -16777216.0 */
    TEST_XF_S(186, 0xcb800000, NX, 0xfffffffffeffffff, fcvt.s.l fa0, a1, rup)
    /* fcvt.s.lu rup(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_S(187, 0x5f800000, NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rup)
    /* fcvt.s.w dyn:rup(0x7fffffff) = 2147483648.0 */
    TEST_XF_S(188, 0x4f000000, NX, 0x7fffffff, fsrmi 3; fcvt.s.w fa0, a1)
    /* fcvt.s.l rmm(0x1000001) = 16777218.0 */
    TEST_XF_S(189, 0x4b800001, NX, 0x1000001, fcvt.s.l fa0, a1, rmm)
    /* fcvt.s.l rmm(0xfffffffffeffffff) = -16777218.0 */
    TEST_XF_S(190, 0xcb800001, NX, 0xfffffffffeffffff, fcvt.s.l fa0, a1, rmm)
    /* fcvt.s.lu rmm(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_S(191, 0x5f800000, NX, 0xffffffffffffffff, fcvt.s.lu fa0, a1, rmm)
    /* fcvt.s.w dyn:rmm(0x7fffffff) = 2147483648.0 */
    TEST_XF_S(192, 0x4f000000, NX, 0x7fffffff, fsrmi 4; fcvt.s.w fa0, a1)

TEST_END
