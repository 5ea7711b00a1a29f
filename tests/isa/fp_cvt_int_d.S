/* Conversions between double and integers: rounding, saturation, flags.
 * Expected values agree with qemu-riscv64 (the reference). */
#include "test_macros.h"

TEST_BEGIN

    /* float to integer (d): rounding of fractions in every mode */
    /* fcvt.w.d rne(2.5) = 0x2 */
    TEST_FX_D(1, 0x2, NX, 0x4004000000000000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rtz(2.5) = 0x2 */
    TEST_FX_D(2, 0x2, NX, 0x4004000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rdn(2.5) = 0x2 */
    TEST_FX_D(3, 0x2, NX, 0x4004000000000000, 0x0, fcvt.w.d a0, fa1, rdn)
    /* fcvt.w.d rup(2.5) = 0x3 */
    TEST_FX_D(4, 0x3, NX, 0x4004000000000000, 0x0, fcvt.w.d a0, fa1, rup)
    /* fcvt.w.d rmm(2.5) = 0x3 */
    TEST_FX_D(5, 0x3, NX, 0x4004000000000000, 0x0, fcvt.w.d a0, fa1, rmm)
    /* fcvt.w.d rne(-2.5) = 0xfffffffffffffffe */
    TEST_FX_D(6, 0xfffffffffffffffe, NX, 0xc004000000000000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rtz(-2.5) = 0xfffffffffffffffe */
    TEST_FX_D(7, 0xfffffffffffffffe, NX, 0xc004000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rdn(-2.5) = 0xfffffffffffffffd */
    TEST_FX_D(8, 0xfffffffffffffffd, NX, 0xc004000000000000, 0x0, fcvt.w.d a0, fa1, rdn)
    /* fcvt.w.d rup(-2.5) = 0xfffffffffffffffe */
    TEST_FX_D(9, 0xfffffffffffffffe, NX, 0xc004000000000000, 0x0, fcvt.w.d a0, fa1, rup)
    /* fcvt.w.d rmm(-2.5) = 0xfffffffffffffffd */
    TEST_FX_D(10, 0xfffffffffffffffd, NX, 0xc004000000000000, 0x0, fcvt.w.d a0, fa1, rmm)
    /* fcvt.w.d rne(0.5) = 0x0 */
    TEST_FX_D(11, 0x0, NX, 0x3fe0000000000000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rtz(0.5) = 0x0 */
    TEST_FX_D(12, 0x0, NX, 0x3fe0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rdn(0.5) = 0x0 */
    TEST_FX_D(13, 0x0, NX, 0x3fe0000000000000, 0x0, fcvt.w.d a0, fa1, rdn)
    /* fcvt.w.d rup(0.5) = 0x1 */
    TEST_FX_D(14, 0x1, NX, 0x3fe0000000000000, 0x0, fcvt.w.d a0, fa1, rup)
    /* fcvt.w.d rmm(0.5) = 0x1 */
    TEST_FX_D(15, 0x1, NX, 0x3fe0000000000000, 0x0, fcvt.w.d a0, fa1, rmm)
    /* fcvt.w.d rne(-0.5) = 0x0 */
    TEST_FX_D(16, 0x0, NX, 0xbfe0000000000000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rtz(-0.5) = 0x0 */
    TEST_FX_D(17, 0x0, NX, 0xbfe0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rdn(-0.5) = 0xffffffffffffffff */
    TEST_FX_D(18, 0xffffffffffffffff, NX, 0xbfe0000000000000, 0x0, fcvt.w.d a0, fa1, rdn)
    /* fcvt.w.d rup(-0.5) = 0x0 */
    TEST_FX_D(19, 0x0, NX, 0xbfe0000000000000, 0x0, fcvt.w.d a0, fa1, rup)
    /* fcvt.w.d rmm(-0.5) = 0xffffffffffffffff */
    TEST_FX_D(20, 0xffffffffffffffff, NX, 0xbfe0000000000000, 0x0, fcvt.w.d a0, fa1, rmm)
    /* fcvt.w.d rne(1.75) = 0x2 */
    TEST_FX_D(21, 0x2, NX, 0x3ffc000000000000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rtz(1.75) = 0x1 */
    TEST_FX_D(22, 0x1, NX, 0x3ffc000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rdn(1.75) = 0x1 */
    TEST_FX_D(23, 0x1, NX, 0x3ffc000000000000, 0x0, fcvt.w.d a0, fa1, rdn)
    /* fcvt.w.d rup(1.75) = 0x2 */
    TEST_FX_D(24, 0x2, NX, 0x3ffc000000000000, 0x0, fcvt.w.d a0, fa1, rup)
    /* fcvt.w.d rmm(1.75) = 0x2 */
    TEST_FX_D(25, 0x2, NX, 0x3ffc000000000000, 0x0, fcvt.w.d a0, fa1, rmm)
    /* fcvt.w.d rne(-1.25) = 0xffffffffffffffff */
    TEST_FX_D(26, 0xffffffffffffffff, NX, 0xbff4000000000000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rtz(-1.25) = 0xffffffffffffffff */
    TEST_FX_D(27, 0xffffffffffffffff, NX, 0xbff4000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rdn(-1.25) = 0xfffffffffffffffe */
    TEST_FX_D(28, 0xfffffffffffffffe, NX, 0xbff4000000000000, 0x0, fcvt.w.d a0, fa1, rdn)
    /* fcvt.w.d rup(-1.25) = 0xffffffffffffffff */
    TEST_FX_D(29, 0xffffffffffffffff, NX, 0xbff4000000000000, 0x0, fcvt.w.d a0, fa1, rup)
    /* fcvt.w.d rmm(-1.25) = 0xffffffffffffffff */
    TEST_FX_D(30, 0xffffffffffffffff, NX, 0xbff4000000000000, 0x0, fcvt.w.d a0, fa1, rmm)

    /* saturation at every boundary; NV replaces NX when out of range */
    /* fcvt.w.d rtz(2147483647.0) = 0x7fffffff */
    TEST_FX_D(31, 0x7fffffff, 0, 0x41dfffffffc00000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(2147483648.0) = 0x7fffffff */
    TEST_FX_D(32, 0x7fffffff, NV, 0x41e0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(-2147483648.0) = 0xffffffff80000000 */
    TEST_FX_D(33, 0xffffffff80000000, 0, 0xc1e0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(-2147483649.0) = 0xffffffff80000000 */
    TEST_FX_D(34, 0xffffffff80000000, NV, 0xc1e0000000200000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(4294967296.0) = 0x7fffffff */
    TEST_FX_D(35, 0x7fffffff, NV, 0x41f0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(4294967295.0) = 0x7fffffff */
    TEST_FX_D(36, 0x7fffffff, NV, 0x41efffffffe00000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(9.223372036854776e+18) = 0x7fffffff */
    TEST_FX_D(37, 0x7fffffff, NV, 0x43e0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(-9.223372036854776e+18) = 0xffffffff80000000 */
    TEST_FX_D(38, 0xffffffff80000000, NV, 0xc3e0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(1.8446744073709552e+19) = 0x7fffffff */
    TEST_FX_D(39, 0x7fffffff, NV, 0x43f0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(-1.0) = 0xffffffffffffffff */
    TEST_FX_D(40, 0xffffffffffffffff, 0, 0xbff0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(-0.5) = 0x0 */
    TEST_FX_D(41, 0x0, NX, 0xbfe0000000000000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(-0.9) = 0x0 */
    TEST_FX_D(42, 0x0, NX, 0xbfeccccccccccccd, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(1e+30) = 0x7fffffff */
    TEST_FX_D(43, 0x7fffffff, NV, 0x46293e5939a08cea, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rtz(-1e+30) = 0xffffffff80000000 */
    TEST_FX_D(44, 0xffffffff80000000, NV, 0xc6293e5939a08cea, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.w.d rne(inf) = 0x7fffffff */
    TEST_FX_D(45, 0x7fffffff, NV, 0x7ff0000000000000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rne(-inf) = 0xffffffff80000000 */
    TEST_FX_D(46, 0xffffffff80000000, NV, 0xfff0000000000000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rne(qNaN) = 0x7fffffff */
    TEST_FX_D(47, 0x7fffffff, NV, 0x7ff8000000000000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rne(-qNaN) = 0x7fffffff */
    TEST_FX_D(48, 0x7fffffff, NV, 0xfff8000000000000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rne(sNaN(payload)) = 0x7fffffff */
    TEST_FX_D(49, 0x7fffffff, NV, 0x7ff0000000000001, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rne(-0) = 0x0 */
    TEST_FX_D(50, 0x0, 0, 0x8000000000000000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.w.d rne(5e-324) = 0x0 */
    TEST_FX_D(51, 0x0, NX, 0x1, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.wu.d rtz(2147483647.0) = 0x7fffffff */
    TEST_FX_D(52, 0x7fffffff, 0, 0x41dfffffffc00000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(2147483648.0) = 0xffffffff80000000 */
    TEST_FX_D(53, 0xffffffff80000000, 0, 0x41e0000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(-2147483648.0) = 0x0 */
    TEST_FX_D(54, 0x0, NV, 0xc1e0000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(-2147483649.0) = 0x0 */
    TEST_FX_D(55, 0x0, NV, 0xc1e0000000200000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(4294967296.0) = 0xffffffffffffffff */
    TEST_FX_D(56, 0xffffffffffffffff, NV, 0x41f0000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(4294967295.0) = 0xffffffffffffffff */
    TEST_FX_D(57, 0xffffffffffffffff, 0, 0x41efffffffe00000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(9.223372036854776e+18) = 0xffffffffffffffff */
    TEST_FX_D(58, 0xffffffffffffffff, NV, 0x43e0000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(-9.223372036854776e+18) = 0x0 */
    TEST_FX_D(59, 0x0, NV, 0xc3e0000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(1.8446744073709552e+19) = 0xffffffffffffffff */
    TEST_FX_D(60, 0xffffffffffffffff, NV, 0x43f0000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(-1.0) = 0x0 */
    TEST_FX_D(61, 0x0, NV, 0xbff0000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(-0.5) = 0x0 */
    TEST_FX_D(62, 0x0, NX, 0xbfe0000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(-0.9) = 0x0 */
    TEST_FX_D(63, 0x0, NX, 0xbfeccccccccccccd, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(1e+30) = 0xffffffffffffffff */
    TEST_FX_D(64, 0xffffffffffffffff, NV, 0x46293e5939a08cea, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(-1e+30) = 0x0 */
    TEST_FX_D(65, 0x0, NV, 0xc6293e5939a08cea, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.wu.d rne(inf) = 0xffffffffffffffff */
    TEST_FX_D(66, 0xffffffffffffffff, NV, 0x7ff0000000000000, 0x0, fcvt.wu.d a0, fa1, rne)
    /* fcvt.wu.d rne(-inf) = 0x0 */
    TEST_FX_D(67, 0x0, NV, 0xfff0000000000000, 0x0, fcvt.wu.d a0, fa1, rne)
    /* fcvt.wu.d rne(qNaN) = 0xffffffffffffffff */
    TEST_FX_D(68, 0xffffffffffffffff, NV, 0x7ff8000000000000, 0x0, fcvt.wu.d a0, fa1, rne)
    /* fcvt.wu.d rne(-qNaN) = 0xffffffffffffffff */
    TEST_FX_D(69, 0xffffffffffffffff, NV, 0xfff8000000000000, 0x0, fcvt.wu.d a0, fa1, rne)
    /* fcvt.wu.d rne(sNaN(payload)) = 0xffffffffffffffff */
    TEST_FX_D(70, 0xffffffffffffffff, NV, 0x7ff0000000000001, 0x0, fcvt.wu.d a0, fa1, rne)
    /* fcvt.wu.d rne(-0) = 0x0 */
    TEST_FX_D(71, 0x0, 0, 0x8000000000000000, 0x0, fcvt.wu.d a0, fa1, rne)
    /* fcvt.wu.d rne(5e-324) = 0x0 */
    TEST_FX_D(72, 0x0, NX, 0x1, 0x0, fcvt.wu.d a0, fa1, rne)
    /* fcvt.l.d rtz(2147483647.0) = 0x7fffffff */
    TEST_FX_D(73, 0x7fffffff, 0, 0x41dfffffffc00000, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(2147483648.0) = 0x80000000 */
    TEST_FX_D(74, 0x80000000, 0, 0x41e0000000000000, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(-2147483648.0) = 0xffffffff80000000 */
    TEST_FX_D(75, 0xffffffff80000000, 0, 0xc1e0000000000000, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(-2147483649.0) = 0xffffffff7fffffff */
    TEST_FX_D(76, 0xffffffff7fffffff, 0, 0xc1e0000000200000, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(4294967296.0) = 0x100000000 */
    TEST_FX_D(77, 0x100000000, 0, 0x41f0000000000000, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(4294967295.0) = 0xffffffff */
    TEST_FX_D(78, 0xffffffff, 0, 0x41efffffffe00000, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(9.223372036854776e+18) = 0x7fffffffffffffff */
    TEST_FX_D(79, 0x7fffffffffffffff, NV, 0x43e0000000000000, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(-9.223372036854776e+18) = 0x8000000000000000 */
    TEST_FX_D(80, 0x8000000000000000, 0, 0xc3e0000000000000, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(1.8446744073709552e+19) = 0x7fffffffffffffff */
    TEST_FX_D(81, 0x7fffffffffffffff, NV, 0x43f0000000000000, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(-1.0) = 0xffffffffffffffff */
    TEST_FX_D(82, 0xffffffffffffffff, 0, 0xbff0000000000000, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(-0.5) = 0x0 */
    TEST_FX_D(83, 0x0, NX, 0xbfe0000000000000, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(-0.9) = 0x0 */
    TEST_FX_D(84, 0x0, NX, 0xbfeccccccccccccd, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(1e+30) = 0x7fffffffffffffff */
    TEST_FX_D(85, 0x7fffffffffffffff, NV, 0x46293e5939a08cea, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rtz(-1e+30) = 0x8000000000000000 */
    TEST_FX_D(86, 0x8000000000000000, NV, 0xc6293e5939a08cea, 0x0, fcvt.l.d a0, fa1, rtz)
    /* fcvt.l.d rne(inf) = 0x7fffffffffffffff */
    TEST_FX_D(87, 0x7fffffffffffffff, NV, 0x7ff0000000000000, 0x0, fcvt.l.d a0, fa1, rne)
    /* fcvt.l.d rne(-inf) = 0x8000000000000000 */
    TEST_FX_D(88, 0x8000000000000000, NV, 0xfff0000000000000, 0x0, fcvt.l.d a0, fa1, rne)
    /* fcvt.l.d rne(qNaN) = 0x7fffffffffffffff */
    TEST_FX_D(89, 0x7fffffffffffffff, NV, 0x7ff8000000000000, 0x0, fcvt.l.d a0, fa1, rne)
    /* fcvt.l.d rne(-qNaN) = 0x7fffffffffffffff */
    TEST_FX_D(90, 0x7fffffffffffffff, NV, 0xfff8000000000000, 0x0, fcvt.l.d a0, fa1, rne)
    /* fcvt.l.d rne(sNaN(payload)) = 0x7fffffffffffffff */
    TEST_FX_D(91, 0x7fffffffffffffff, NV, 0x7ff0000000000001, 0x0, fcvt.l.d a0, fa1, rne)
    /* fcvt.l.d rne(-0) = 0x0 */
    TEST_FX_D(92, 0x0, 0, 0x8000000000000000, 0x0, fcvt.l.d a0, fa1, rne)
    /* fcvt.l.d rne(5e-324) = 0x0 */
    TEST_FX_D(93, 0x0, NX, 0x1, 0x0, fcvt.l.d a0, fa1, rne)
    /* fcvt.lu.d rtz(2147483647.0) = 0x7fffffff */
    TEST_FX_D(94, 0x7fffffff, 0, 0x41dfffffffc00000, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(2147483648.0) = 0x80000000 */
    TEST_FX_D(95, 0x80000000, 0, 0x41e0000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(-2147483648.0) = 0x0 */
    TEST_FX_D(96, 0x0, NV, 0xc1e0000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(-2147483649.0) = 0x0 */
    TEST_FX_D(97, 0x0, NV, 0xc1e0000000200000, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(4294967296.0) = 0x100000000 */
    TEST_FX_D(98, 0x100000000, 0, 0x41f0000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(4294967295.0) = 0xffffffff */
    TEST_FX_D(99, 0xffffffff, 0, 0x41efffffffe00000, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(9.223372036854776e+18) = 0x8000000000000000 */
    TEST_FX_D(100, 0x8000000000000000, 0, 0x43e0000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(-9.223372036854776e+18) = 0x0 */
    TEST_FX_D(101, 0x0, NV, 0xc3e0000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(1.8446744073709552e+19) = 0xffffffffffffffff */
    TEST_FX_D(102, 0xffffffffffffffff, NV, 0x43f0000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(-1.0) = 0x0 */
    TEST_FX_D(103, 0x0, NV, 0xbff0000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(-0.5) = 0x0 */
    TEST_FX_D(104, 0x0, NX, 0xbfe0000000000000, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(-0.9) = 0x0 */
    TEST_FX_D(105, 0x0, NX, 0xbfeccccccccccccd, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(1e+30) = 0xffffffffffffffff */
    TEST_FX_D(106, 0xffffffffffffffff, NV, 0x46293e5939a08cea, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rtz(-1e+30) = 0x0 */
    TEST_FX_D(107, 0x0, NV, 0xc6293e5939a08cea, 0x0, fcvt.lu.d a0, fa1, rtz)
    /* fcvt.lu.d rne(inf) = 0xffffffffffffffff */
    TEST_FX_D(108, 0xffffffffffffffff, NV, 0x7ff0000000000000, 0x0, fcvt.lu.d a0, fa1, rne)
    /* fcvt.lu.d rne(-inf) = 0x0 */
    TEST_FX_D(109, 0x0, NV, 0xfff0000000000000, 0x0, fcvt.lu.d a0, fa1, rne)
    /* fcvt.lu.d rne(qNaN) = 0xffffffffffffffff */
    TEST_FX_D(110, 0xffffffffffffffff, NV, 0x7ff8000000000000, 0x0, fcvt.lu.d a0, fa1, rne)
    /* fcvt.lu.d rne(-qNaN) = 0xffffffffffffffff */
    TEST_FX_D(111, 0xffffffffffffffff, NV, 0xfff8000000000000, 0x0, fcvt.lu.d a0, fa1, rne)
    /* fcvt.lu.d rne(sNaN(payload)) = 0xffffffffffffffff */
    TEST_FX_D(112, 0xffffffffffffffff, NV, 0x7ff0000000000001, 0x0, fcvt.lu.d a0, fa1, rne)
    /* fcvt.lu.d rne(-0) = 0x0 */
    TEST_FX_D(113, 0x0, 0, 0x8000000000000000, 0x0, fcvt.lu.d a0, fa1, rne)
    /* fcvt.lu.d rne(5e-324) = 0x0 */
    TEST_FX_D(114, 0x0, NX, 0x1, 0x0, fcvt.lu.d a0, fa1, rne)

    /* rounding that pushes a value out of range, or into range */
    /* fcvt.w.d rne(2147483647.5) = 0x7fffffff */
    TEST_FX_D(115, 0x7fffffff, NV, 0x41dfffffffe00000, 0x0, fcvt.w.d a0, fa1, rne)
    /* fcvt.wu.d rne(4294967295.5) = 0xffffffffffffffff */
    TEST_FX_D(116, 0xffffffffffffffff, NV, 0x41effffffff00000, 0x0, fcvt.wu.d a0, fa1, rne)
    /* fcvt.w.d rtz(2147483647.5) = 0x7fffffff */
    TEST_FX_D(117, 0x7fffffff, NX, 0x41dfffffffe00000, 0x0, fcvt.w.d a0, fa1, rtz)
    /* fcvt.wu.d rtz(4294967295.5) = 0xffffffffffffffff */
    TEST_FX_D(118, 0xffffffffffffffff, NX, 0x41effffffff00000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.w.d rdn(2147483647.5) = 0x7fffffff */
    TEST_FX_D(119, 0x7fffffff, NX, 0x41dfffffffe00000, 0x0, fcvt.w.d a0, fa1, rdn)
    /* fcvt.wu.d rdn(4294967295.5) = 0xffffffffffffffff */
    TEST_FX_D(120, 0xffffffffffffffff, NX, 0x41effffffff00000, 0x0, fcvt.wu.d a0, fa1, rdn)
    /* fcvt.w.d rup(2147483647.5) = 0x7fffffff */
    TEST_FX_D(121, 0x7fffffff, NV, 0x41dfffffffe00000, 0x0, fcvt.w.d a0, fa1, rup)
    /* fcvt.wu.d rup(4294967295.5) = 0xffffffffffffffff */
    TEST_FX_D(122, 0xffffffffffffffff, NV, 0x41effffffff00000, 0x0, fcvt.wu.d a0, fa1, rup)
    /* fcvt.w.d rmm(2147483647.5) = 0x7fffffff */
    TEST_FX_D(123, 0x7fffffff, NV, 0x41dfffffffe00000, 0x0, fcvt.w.d a0, fa1, rmm)
    /* fcvt.wu.d rmm(4294967295.5) = 0xffffffffffffffff */
    TEST_FX_D(124, 0xffffffffffffffff, NV, 0x41effffffff00000, 0x0, fcvt.wu.d a0, fa1, rmm)
    /* fcvt.wu.d rne(-0.5) = 0x0 */
    TEST_FX_D(125, 0x0, NX, 0xbfe0000000000000, 0x0, fcvt.wu.d a0, fa1, rne)
    /* fcvt.lu.d dyn:rne(-0.75) = 0x0 */
    TEST_FX_D(126, 0x0, NV, 0xbfe8000000000000, 0x0, fsrmi 0; fcvt.lu.d a0, fa1)
    /* fcvt.wu.d rtz(-0.5) = 0x0 */
    TEST_FX_D(127, 0x0, NX, 0xbfe0000000000000, 0x0, fcvt.wu.d a0, fa1, rtz)
    /* fcvt.lu.d dyn:rtz(-0.75) = 0x0 */
    TEST_FX_D(128, 0x0, NX, 0xbfe8000000000000, 0x0, fsrmi 1; fcvt.lu.d a0, fa1)
    /* fcvt.wu.d rdn(-0.5) = 0x0 */
    TEST_FX_D(129, 0x0, NV, 0xbfe0000000000000, 0x0, fcvt.wu.d a0, fa1, rdn)
    /* fcvt.lu.d dyn:rdn(-0.75) = 0x0 */
    TEST_FX_D(130, 0x0, NV, 0xbfe8000000000000, 0x0, fsrmi 2; fcvt.lu.d a0, fa1)
    /* fcvt.wu.d rup(-0.5) = 0x0 */
    TEST_FX_D(131, 0x0, NX, 0xbfe0000000000000, 0x0, fcvt.wu.d a0, fa1, rup)
    /* fcvt.lu.d dyn:rup(-0.75) = 0x0 */
    TEST_FX_D(132, 0x0, NX, 0xbfe8000000000000, 0x0, fsrmi 3; fcvt.lu.d a0, fa1)
    /* fcvt.wu.d rmm(-0.5) = 0x0 */
    TEST_FX_D(133, 0x0, NV, 0xbfe0000000000000, 0x0, fcvt.wu.d a0, fa1, rmm)
    /* fcvt.lu.d dyn:rmm(-0.75) = 0x0 */
    TEST_FX_D(134, 0x0, NV, 0xbfe8000000000000, 0x0, fsrmi 4; fcvt.lu.d a0, fa1)

    /* integer to float (d): rounding per mode */
    /* fcvt.d.w(0x0) = +0 */
    TEST_XF_D(135, 0x0, 0, 0x0, fcvt.d.w fa0, a1)
    /* fcvt.d.w(0x1) = 1.0 */
    TEST_XF_D(136, 0x3ff0000000000000, 0, 0x1, fcvt.d.w fa0, a1)
    /* fcvt.d.w(0xffffffffffffffff) = -1.0 */
    TEST_XF_D(137, 0xbff0000000000000, 0, 0xffffffffffffffff, fcvt.d.w fa0, a1)
    /* fcvt.d.w(0x7fffffff) = 2147483647.0 */
    TEST_XF_D(138, 0x41dfffffffc00000, 0, 0x7fffffff, fcvt.d.w fa0, a1)
    /* fcvt.d.w(0x80000000) = -2147483648.0 */
    TEST_XF_D(139, 0xc1e0000000000000, 0, 0x80000000, fcvt.d.w fa0, a1)
    /* fcvt.d.w(0xffffffff) = -1.0 */
    TEST_XF_D(140, 0xbff0000000000000, 0, 0xffffffff, fcvt.d.w fa0, a1)
    /* fcvt.d.w(0x7fffffffffffffff) = -1.0 */
    TEST_XF_D(141, 0xbff0000000000000, 0, 0x7fffffffffffffff, fcvt.d.w fa0, a1)
    /* fcvt.d.w(0x8000000000000000) = +0 */
    TEST_XF_D(142, 0x0, 0, 0x8000000000000000, fcvt.d.w fa0, a1)
    /* fcvt.d.w(0xffffffffffffffff) = -1.0 */
    TEST_XF_D(143, 0xbff0000000000000, 0, 0xffffffffffffffff, fcvt.d.w fa0, a1)
    /* fcvt.d.w(0x20000000000001) = 1.0 */
    TEST_XF_D(144, 0x3ff0000000000000, 0, 0x20000000000001, fcvt.d.w fa0, a1)
    /* fcvt.d.w(0x40000000000002) = 2.0 */
    TEST_XF_D(145, 0x4000000000000000, 0, 0x40000000000002, fcvt.d.w fa0, a1)
    /* fcvt.d.w(0xfffffffffefffffd) = -16777219.0 */
    TEST_XF_D(146, 0xc170000030000000, 0, 0xfffffffffefffffd, fcvt.d.w fa0, a1)
    /* fcvt.d.wu(0x0) = +0 */
    TEST_XF_D(147, 0x0, 0, 0x0, fcvt.d.wu fa0, a1)
    /* fcvt.d.wu(0x1) = 1.0 */
    TEST_XF_D(148, 0x3ff0000000000000, 0, 0x1, fcvt.d.wu fa0, a1)
    /* fcvt.d.wu(0xffffffffffffffff) = 4294967295.0 */
    TEST_XF_D(149, 0x41efffffffe00000, 0, 0xffffffffffffffff, fcvt.d.wu fa0, a1)
    /* fcvt.d.wu(0x7fffffff) = 2147483647.0 */
    TEST_XF_D(150, 0x41dfffffffc00000, 0, 0x7fffffff, fcvt.d.wu fa0, a1)
    /* fcvt.d.wu(0x80000000) = 2147483648.0 */
    TEST_XF_D(151, 0x41e0000000000000, 0, 0x80000000, fcvt.d.wu fa0, a1)
    /* fcvt.d.wu(0xffffffff) = 4294967295.0 */
    TEST_XF_D(152, 0x41efffffffe00000, 0, 0xffffffff, fcvt.d.wu fa0, a1)
    /* fcvt.d.wu(0x7fffffffffffffff) = 4294967295.0 */
    TEST_XF_D(153, 0x41efffffffe00000, 0, 0x7fffffffffffffff, fcvt.d.wu fa0, a1)
    /* fcvt.d.wu(0x8000000000000000) = +0 */
    TEST_XF_D(154, 0x0, 0, 0x8000000000000000, fcvt.d.wu fa0, a1)
    /* fcvt.d.wu(0xffffffffffffffff) = 4294967295.0 */
    TEST_XF_D(155, 0x41efffffffe00000, 0, 0xffffffffffffffff, fcvt.d.wu fa0, a1)
    /* fcvt.d.wu(0x20000000000001) = 1.0 */
    TEST_XF_D(156, 0x3ff0000000000000, 0, 0x20000000000001, fcvt.d.wu fa0, a1)
    /* fcvt.d.wu(0x40000000000002) = 2.0 */
    TEST_XF_D(157, 0x4000000000000000, 0, 0x40000000000002, fcvt.d.wu fa0, a1)
    /* fcvt.d.wu(0xfffffffffefffffd) = 4278190077.0 */
    TEST_XF_D(158, 0x41efdfffffa00000, 0, 0xfffffffffefffffd, fcvt.d.wu fa0, a1)
    /* fcvt.d.l rne(0x0) = +0 */
    TEST_XF_D(159, 0x0, 0, 0x0, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0x1) = 1.0 */
    TEST_XF_D(160, 0x3ff0000000000000, 0, 0x1, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0xffffffffffffffff) = -1.0 */
    TEST_XF_D(161, 0xbff0000000000000, 0, 0xffffffffffffffff, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0x7fffffff) = 2147483647.0 */
    TEST_XF_D(162, 0x41dfffffffc00000, 0, 0x7fffffff, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0x80000000) = 2147483648.0 */
    TEST_XF_D(163, 0x41e0000000000000, 0, 0x80000000, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0xffffffff) = 4294967295.0 */
    TEST_XF_D(164, 0x41efffffffe00000, 0, 0xffffffff, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0x7fffffffffffffff) = 9.223372036854776e+18 */
    TEST_XF_D(165, 0x43e0000000000000, NX, 0x7fffffffffffffff, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0x8000000000000000) = -9.223372036854776e+18 */
    TEST_XF_D(166, 0xc3e0000000000000, 0, 0x8000000000000000, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0xffffffffffffffff) = -1.0 */
    TEST_XF_D(167, 0xbff0000000000000, 0, 0xffffffffffffffff, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0x20000000000001) = 9007199254740992.0 */
    TEST_XF_D(168, 0x4340000000000000, NX, 0x20000000000001, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0x40000000000002) = 1.8014398509481984e+16 */
    TEST_XF_D(169, 0x4350000000000000, NX, 0x40000000000002, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0xfffffffffefffffd) = -16777219.0 */
    TEST_XF_D(170, 0xc170000030000000, 0, 0xfffffffffefffffd, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.lu rne(0x0) = +0 */
    TEST_XF_D(171, 0x0, 0, 0x0, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu rne(0x1) = 1.0 */
    TEST_XF_D(172, 0x3ff0000000000000, 0, 0x1, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu rne(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_D(173, 0x43f0000000000000, NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu rne(0x7fffffff) = 2147483647.0 */
    TEST_XF_D(174, 0x41dfffffffc00000, 0, 0x7fffffff, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu rne(0x80000000) = 2147483648.0 */
    TEST_XF_D(175, 0x41e0000000000000, 0, 0x80000000, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu rne(0xffffffff) = 4294967295.0 */
    TEST_XF_D(176, 0x41efffffffe00000, 0, 0xffffffff, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu rne(0x7fffffffffffffff) = 9.223372036854776e+18 */
    TEST_XF_D(177, 0x43e0000000000000, NX, 0x7fffffffffffffff, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu rne(0x8000000000000000) = 9.223372036854776e+18 */
    TEST_XF_D(178, 0x43e0000000000000, 0, 0x8000000000000000, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu rne(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_D(179, 0x43f0000000000000, NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu rne(0x20000000000001) = 9007199254740992.0 */
    TEST_XF_D(180, 0x4340000000000000, NX, 0x20000000000001, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu rne(0x40000000000002) = 1.8014398509481984e+16 */
    TEST_XF_D(181, 0x4350000000000000, NX, 0x40000000000002, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu rne(0xfffffffffefffffd) = 1.8446744073692774e+19 */
    TEST_XF_D(182, 0x43efffffffffe000, NX, 0xfffffffffefffffd, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.l rne(0x20000000000001) = 9007199254740992.0 */
    TEST_XF_D(183, 0x4340000000000000, NX, 0x20000000000001, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.l rne(0xffdfffffffffffff) = -9007199254740992.0 */
    TEST_XF_D(184, 0xc340000000000000, NX, 0xffdfffffffffffff, fcvt.d.l fa0, a1, rne)
    /* fcvt.d.lu rne(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_D(185, 0x43f0000000000000, NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rne)
    /* fcvt.d.lu dyn:rne(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_D(186, 0x43f0000000000000, NX, 0xffffffffffffffff, fsrmi 0; fcvt.d.lu fa0, a1)
    /* fcvt.d.l rtz(0x20000000000001) = 9007199254740992.0 */
    TEST_XF_D(187, 0x4340000000000000, NX, 0x20000000000001, fcvt.d.l fa0, a1, rtz)
    /* fcvt.d.l rtz(0xffdfffffffffffff) = -9007199254740992.0 */
    TEST_XF_D(188, 0xc340000000000000, NX, 0xffdfffffffffffff, fcvt.d.l fa0, a1, rtz)
    /* fcvt.d.lu rtz(0xffffffffffffffff) = 1.844674407370955e+19 */
    TEST_XF_D(189, 0x43efffffffffffff, NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rtz)
    /* fcvt.d.lu dyn:rtz(0xffffffffffffffff) = 1.844674407370955e+19 */
    TEST_XF_D(190, 0x43efffffffffffff, NX, 0xffffffffffffffff, fsrmi 1; fcvt.d.lu fa0, a1)
    /* fcvt.d.l rdn(0x20000000000001) = 9007199254740992.0 */
    TEST_XF_D(191, 0x4340000000000000, NX, 0x20000000000001, fcvt.d.l fa0, a1, rdn)
    /* fcvt.d.l rdn(0xffdfffffffffffff) = -9007199254740994.0 */
    TEST_XF_D(192, 0xc340000000000001, NX, 0xffdfffffffffffff, fcvt.d.l fa0, a1, rdn)
    /* fcvt.d.lu rdn(0xffffffffffffffff) = 1.844674407370955e+19 */
    TEST_XF_D(193, 0x43efffffffffffff, NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rdn)
    /* fcvt.d.lu dyn:rdn(0xffffffffffffffff) = 1.844674407370955e+19 */
    TEST_XF_D(194, 0x43efffffffffffff, NX, 0xffffffffffffffff, fsrmi 2; fcvt.d.lu fa0, a1)
    /* fcvt.d.l rup(0x20000000000001) = 9007199254740994.0 */
    TEST_XF_D(195, 0x4340000000000001, NX, 0x20000000000001, fcvt.d.l fa0, a1, rup)
    /* fcvt.d.l rup(0xffdfffffffffffff) = -9007199254740992.0 */
    TEST_XF_D(196, 0xc340000000000000, NX, 0xffdfffffffffffff, fcvt.d.l fa0, a1, rup)
    /* fcvt.d.lu rup(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_D(197, 0x43f0000000000000, NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rup)
    /* fcvt.d.lu dyn:rup(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_D(198, 0x43f0000000000000, NX, 0xffffffffffffffff, fsrmi 3; fcvt.d.lu fa0, a1)
    /* fcvt.d.l rmm(0x20000000000001) = 9007199254740994.0 */
    TEST_XF_D(199, 0x4340000000000001, NX, 0x20000000000001, fcvt.d.l fa0, a1, rmm)
    /* fcvt.d.l rmm(0xffdfffffffffffff) = -9007199254740994.0 */
    TEST_XF_D(200, 0xc340000000000001, NX, 0xffdfffffffffffff, fcvt.d.l fa0, a1, rmm)
    /* fcvt.d.lu rmm(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_D(201, 0x43f0000000000000, NX, 0xffffffffffffffff, fcvt.d.lu fa0, a1, rmm)
    /* fcvt.d.lu dyn:rmm(0xffffffffffffffff) = 1.8446744073709552e+19 */
    TEST_XF_D(202, 0x43f0000000000000, NX, 0xffffffffffffffff, fsrmi 4; fcvt.d.lu fa0, a1)

TEST_END
