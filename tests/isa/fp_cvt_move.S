/* fcvt.s.d/fcvt.d.s, NaN-boxing of single operands, fmv moves.
 * Expected values agree with qemu-riscv64 (the reference). */
#include "test_macros.h"

TEST_BEGIN

    /* fcvt.s.d rounds (every mode), fcvt.d.s is exact; NaNs become canonical */
    /* fcvt.s.d rne(0x3fd5555555555555) = 0xffffffff3eaaaaab */
    TEST_RF(1, 0xffffffff3eaaaaab, NX, 0x3fd5555555555555, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.s.d rne(0xbff0000010000000) = 0xffffffffbf800000 */
    TEST_RF(2, 0xffffffffbf800000, NX, 0xbff0000010000000, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.s.d rne(0x7e37e43c8800759c) = 0xffffffff7f800000 */
    TEST_RF(3, 0xffffffff7f800000, OF|NX, 0x7e37e43c8800759c, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.s.d rne(0x36a8000000000000) = 0xffffffff00000002 */
    TEST_RF(4, 0xffffffff00000002, UF|NX, 0x36a8000000000000, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.s.d rtz(0x3fd5555555555555) = 0xffffffff3eaaaaaa */
    TEST_RF(5, 0xffffffff3eaaaaaa, NX, 0x3fd5555555555555, 0x0, fcvt.s.d fa0, fa1, rtz)
    /* fcvt.s.d rtz(0xbff0000010000000) = 0xffffffffbf800000 */
    TEST_RF(6, 0xffffffffbf800000, NX, 0xbff0000010000000, 0x0, fcvt.s.d fa0, fa1, rtz)
    /* fcvt.s.d rtz(0x7e37e43c8800759c) = 0xffffffff7f7fffff */
    TEST_RF(7, 0xffffffff7f7fffff, OF|NX, 0x7e37e43c8800759c, 0x0, fcvt.s.d fa0, fa1, rtz)
    /* fcvt.s.d rtz(0x36a8000000000000) = 0xffffffff00000001 */
    TEST_RF(8, 0xffffffff00000001, UF|NX, 0x36a8000000000000, 0x0, fcvt.s.d fa0, fa1, rtz)
    /* fcvt.s.d rdn(0x3fd5555555555555) = 0xffffffff3eaaaaaa */
    TEST_RF(9, 0xffffffff3eaaaaaa, NX, 0x3fd5555555555555, 0x0, fcvt.s.d fa0, fa1, rdn)
    /* fcvt.s.d rdn(0xbff0000010000000) = 0xffffffffbf800001 */
    TEST_RF(10, 0xffffffffbf800001, NX, 0xbff0000010000000, 0x0, fcvt.s.d fa0, fa1, rdn)
    /* fcvt.s.d rdn(0x7e37e43c8800759c) = 0xffffffff7f7fffff */
    TEST_RF(11, 0xffffffff7f7fffff, OF|NX, 0x7e37e43c8800759c, 0x0, fcvt.s.d fa0, fa1, rdn)
    /* fcvt.s.d rdn(0x36a8000000000000) = 0xffffffff00000001 */
    TEST_RF(12, 0xffffffff00000001, UF|NX, 0x36a8000000000000, 0x0, fcvt.s.d fa0, fa1, rdn)
    /* fcvt.s.d rup(0x3fd5555555555555) = 0xffffffff3eaaaaab */
    TEST_RF(13, 0xffffffff3eaaaaab, NX, 0x3fd5555555555555, 0x0, fcvt.s.d fa0, fa1, rup)
    /* fcvt.s.d rup(0xbff0000010000000) = 0xffffffffbf800000 */
    TEST_RF(14, 0xffffffffbf800000, NX, 0xbff0000010000000, 0x0, fcvt.s.d fa0, fa1, rup)
    /* fcvt.s.d rup(0x7e37e43c8800759c) = 0xffffffff7f800000 */
    TEST_RF(15, 0xffffffff7f800000, OF|NX, 0x7e37e43c8800759c, 0x0, fcvt.s.d fa0, fa1, rup)
    /* fcvt.s.d rup(0x36a8000000000000) = 0xffffffff00000002 */
    TEST_RF(16, 0xffffffff00000002, UF|NX, 0x36a8000000000000, 0x0, fcvt.s.d fa0, fa1, rup)
    /* fcvt.s.d rmm(0x3fd5555555555555) = 0xffffffff3eaaaaab */
    TEST_RF(17, 0xffffffff3eaaaaab, NX, 0x3fd5555555555555, 0x0, fcvt.s.d fa0, fa1, rmm)
    /* fcvt.s.d rmm(0xbff0000010000000) = 0xffffffffbf800001 */
    TEST_RF(18, 0xffffffffbf800001, NX, 0xbff0000010000000, 0x0, fcvt.s.d fa0, fa1, rmm)
    /* fcvt.s.d rmm(0x7e37e43c8800759c) = 0xffffffff7f800000 */
    TEST_RF(19, 0xffffffff7f800000, OF|NX, 0x7e37e43c8800759c, 0x0, fcvt.s.d fa0, fa1, rmm)
    /* fcvt.s.d rmm(0x36a8000000000000) = 0xffffffff00000002 */
    TEST_RF(20, 0xffffffff00000002, UF|NX, 0x36a8000000000000, 0x0, fcvt.s.d fa0, fa1, rmm)
    /* fcvt.s.d rne(0x7ff8000000012345) = 0xffffffff7fc00000 */
    TEST_RF(21, 0xffffffff7fc00000, 0, 0x7ff8000000012345, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.s.d rne(0x7ff0000000000001) = 0xffffffff7fc00000 */
    TEST_RF(22, 0xffffffff7fc00000, NV, 0x7ff0000000000001, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.s.d rne(0xfff0000000000000) = 0xffffffffff800000 */
    TEST_RF(23, 0xffffffffff800000, 0, 0xfff0000000000000, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.s.d rne(0x8000000000000000) = 0xffffffff80000000 */
    TEST_RF(24, 0xffffffff80000000, 0, 0x8000000000000000, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.s.d rne(0x1) = 0xffffffff00000000 */
    TEST_RF(25, 0xffffffff00000000, UF|NX, 0x1, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.s.d rne(0x3690000000000000) = 0xffffffff00000000 */
    TEST_RF(26, 0xffffffff00000000, UF|NX, 0x3690000000000000, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.s.d rne(0x380ffffff0000000) = 0xffffffff00800000 */
    TEST_RF(27, 0xffffffff00800000, NX, 0x380ffffff0000000, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.s.d rne(0x7fefffffffffffff) = 0xffffffff7f800000 */
    TEST_RF(28, 0xffffffff7f800000, OF|NX, 0x7fefffffffffffff, 0x0, fcvt.s.d fa0, fa1, rne)
    /* fcvt.d.s(0xffffffff3f800000) = 0x3ff0000000000000 */
    TEST_RF(29, 0x3ff0000000000000, 0, 0xffffffff3f800000, 0x0, fcvt.d.s fa0, fa1)
    /* fcvt.d.s(0xffffffff00000001) = 0x36a0000000000000 */
    TEST_RF(30, 0x36a0000000000000, 0, 0xffffffff00000001, 0x0, fcvt.d.s fa0, fa1)
    /* fcvt.d.s(0xffffffff007fffff) = 0x380fffffc0000000 */
    TEST_RF(31, 0x380fffffc0000000, 0, 0xffffffff007fffff, 0x0, fcvt.d.s fa0, fa1)
    /* fcvt.d.s(0xffffffff7f7fffff) = 0x47efffffe0000000 */
    TEST_RF(32, 0x47efffffe0000000, 0, 0xffffffff7f7fffff, 0x0, fcvt.d.s fa0, fa1)
    /* fcvt.d.s(0xffffffffff800000) = 0xfff0000000000000 */
    TEST_RF(33, 0xfff0000000000000, 0, 0xffffffffff800000, 0x0, fcvt.d.s fa0, fa1)
    /* fcvt.d.s(0xffffffff80000000) = 0x8000000000000000 */
    TEST_RF(34, 0x8000000000000000, 0, 0xffffffff80000000, 0x0, fcvt.d.s fa0, fa1)
    /* fcvt.d.s(0xffffffff7fc12345) = 0x7ff8000000000000 */
    TEST_RF(35, 0x7ff8000000000000, 0, 0xffffffff7fc12345, 0x0, fcvt.d.s fa0, fa1)
    /* fcvt.d.s(0xffffffff7f800001) = 0x7ff8000000000000 */
    TEST_RF(36, 0x7ff8000000000000, NV, 0xffffffff7f800001, 0x0, fcvt.d.s fa0, fa1)

    /* improperly NaN-boxed singles read as the canonical NaN */
    /* fcvt.d.s(0x3f800000) = 0x7ff8000000000000 */
    TEST_RF(37, 0x7ff8000000000000, 0, 0x3f800000, 0x0, fcvt.d.s fa0, fa1)
    /* fadd.s rne(0x3f800000, 0xffffffff3f800000) = 0xffffffff7fc00000 */
    TEST_RF(38, 0xffffffff7fc00000, 0, 0x3f800000, 0xffffffff3f800000, fadd.s fa0, fa1, fa2, rne)
    /* fsgnj.s(0xffffffff3f800000, 0x3f800000) = 0xffffffff3f800000 */
    TEST_RF(39, 0xffffffff3f800000, 0, 0xffffffff3f800000, 0x3f800000, fsgnj.s fa0, fa1, fa2)
    /* fsgnjn.s(0x3f800000, 0xffffffff3f800000) = 0xffffffffffc00000 */
    TEST_RF(40, 0xffffffffffc00000, 0, 0x3f800000, 0xffffffff3f800000, fsgnjn.s fa0, fa1, fa1)
    /* fmin.s(0x3f800000, 0xffffffff3f800000) = 0xffffffff3f800000 */
    TEST_RF(41, 0xffffffff3f800000, 0, 0x3f800000, 0xffffffff3f800000, fmin.s fa0, fa1, fa2)
    /* feq.s(0x3f800000, 0xffffffff3f800000) = 0x0 */
    TEST_RX(42, 0x0, 0, 0x3f800000, 0xffffffff3f800000, feq.s a0, fa1, fa1)
    /* fclass.s(0x3f800000) = 0x200 */
    TEST_RX(43, 0x200, 0, 0x3f800000, 0x0, fclass.s a0, fa1)
    /* fcvt.w.s rne(0x3f800000) = 0x7fffffff */
    TEST_RX(44, 0x7fffffff, NV, 0x3f800000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fmv.x.w(0x3f800000) = 0x3f800000 */
    TEST_RX(45, 0x3f800000, 0, 0x3f800000, 0x0, fmv.x.w a0, fa1)
    /* fcvt.d.s(0x7fffffff3f800000) = 0x7ff8000000000000 */
    TEST_RF(46, 0x7ff8000000000000, 0, 0x7fffffff3f800000, 0x0, fcvt.d.s fa0, fa1)
    /* fadd.s rne(0x7fffffff3f800000, 0xffffffff3f800000) = 0xffffffff7fc00000 */
    TEST_RF(47, 0xffffffff7fc00000, 0, 0x7fffffff3f800000, 0xffffffff3f800000, fadd.s fa0, fa1, fa2, rne)
    /* fsgnj.s(0xffffffff3f800000, 0x7fffffff3f800000) = 0xffffffff3f800000 */
    TEST_RF(48, 0xffffffff3f800000, 0, 0xffffffff3f800000, 0x7fffffff3f800000, fsgnj.s fa0, fa1, fa2)
    /* fsgnjn.s(0x7fffffff3f800000, 0xffffffff3f800000) = 0xffffffffffc00000 */
    TEST_RF(49, 0xffffffffffc00000, 0, 0x7fffffff3f800000, 0xffffffff3f800000, fsgnjn.s fa0, fa1, fa1)
    /* fmin.s(0x7fffffff3f800000, 0xffffffff3f800000) = 0xffffffff3f800000 */
    TEST_RF(50, 0xffffffff3f800000, 0, 0x7fffffff3f800000, 0xffffffff3f800000, fmin.s fa0, fa1, fa2)
    /* feq.s(0x7fffffff3f800000, 0xffffffff3f800000) = 0x0 */
    TEST_RX(51, 0x0, 0, 0x7fffffff3f800000, 0xffffffff3f800000, feq.s a0, fa1, fa1)
    /* fclass.s(0x7fffffff3f800000) = 0x200 */
    TEST_RX(52, 0x200, 0, 0x7fffffff3f800000, 0x0, fclass.s a0, fa1)
    /* fcvt.w.s rne(0x7fffffff3f800000) = 0x7fffffff */
    TEST_RX(53, 0x7fffffff, NV, 0x7fffffff3f800000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fmv.x.w(0x7fffffff3f800000) = 0x3f800000 */
    TEST_RX(54, 0x3f800000, 0, 0x7fffffff3f800000, 0x0, fmv.x.w a0, fa1)
    /* fcvt.d.s(0xfffffffe3f800000) = 0x7ff8000000000000 */
    TEST_RF(55, 0x7ff8000000000000, 0, 0xfffffffe3f800000, 0x0, fcvt.d.s fa0, fa1)
    /* fadd.s rne(0xfffffffe3f800000, 0xffffffff3f800000) = 0xffffffff7fc00000 */
    TEST_RF(56, 0xffffffff7fc00000, 0, 0xfffffffe3f800000, 0xffffffff3f800000, fadd.s fa0, fa1, fa2, rne)
    /* fsgnj.s(0xffffffff3f800000, 0xfffffffe3f800000) = 0xffffffff3f800000 */
    TEST_RF(57, 0xffffffff3f800000, 0, 0xffffffff3f800000, 0xfffffffe3f800000, fsgnj.s fa0, fa1, fa2)
    /* fsgnjn.s(0xfffffffe3f800000, 0xffffffff3f800000) = 0xffffffffffc00000 */
    TEST_RF(58, 0xffffffffffc00000, 0, 0xfffffffe3f800000, 0xffffffff3f800000, fsgnjn.s fa0, fa1, fa1)
    /* fmin.s(0xfffffffe3f800000, 0xffffffff3f800000) = 0xffffffff3f800000 */
    TEST_RF(59, 0xffffffff3f800000, 0, 0xfffffffe3f800000, 0xffffffff3f800000, fmin.s fa0, fa1, fa2)
    /* feq.s(0xfffffffe3f800000, 0xffffffff3f800000) = 0x0 */
    TEST_RX(60, 0x0, 0, 0xfffffffe3f800000, 0xffffffff3f800000, feq.s a0, fa1, fa1)
    /* fclass.s(0xfffffffe3f800000) = 0x200 */
    TEST_RX(61, 0x200, 0, 0xfffffffe3f800000, 0x0, fclass.s a0, fa1)
    /* fcvt.w.s rne(0xfffffffe3f800000) = 0x7fffffff */
    TEST_RX(62, 0x7fffffff, NV, 0xfffffffe3f800000, 0x0, fcvt.w.s a0, fa1, rne)
    /* fmv.x.w(0xfffffffe3f800000) = 0x3f800000 */
    TEST_RX(63, 0x3f800000, 0, 0xfffffffe3f800000, 0x0, fmv.x.w a0, fa1)

    /* moves: fmv.x.w sign-extends without unboxing, fmv.w.x boxes, the D moves copy */
    /* fmv.x.w(0x3f800000) = 0x3f800000 */
    TEST_RX(64, 0x3f800000, 0, 0x3f800000, 0x0, fmv.x.w a0, fa1)
    /* fmv.x.w(0xbf800000) = 0xffffffffbf800000 */
    TEST_RX(65, 0xffffffffbf800000, 0, 0xbf800000, 0x0, fmv.x.w a0, fa1)
    /* fmv.x.w(0x7fc00001) = 0x7fc00001 */
    TEST_RX(66, 0x7fc00001, 0, 0x7fc00001, 0x0, fmv.x.w a0, fa1)
    /* fmv.x.w(0x12345678ffc00000) = 0xffffffffffc00000 */
    TEST_RX(67, 0xffffffffffc00000, 0, 0x12345678ffc00000, 0x0, fmv.x.w a0, fa1)
    /* fmv.x.w(0x80000000) = 0xffffffff80000000 */
    TEST_RX(68, 0xffffffff80000000, 0, 0x80000000, 0x0, fmv.x.w a0, fa1)
    /* fmv.w.x(0x3f800000) = 1.0 */
    TEST_XF_S(69, 0x3f800000, 0, 0x3f800000, fmv.w.x fa0, a1)
    /* fmv.w.x(0xffffffff80000001) = -1.401298464324817e-45 */
    TEST_XF_S(70, 0x80000001, 0, 0xffffffff80000001, fmv.w.x fa0, a1)
    /* fmv.w.x(0x1234567800000000) = +0 */
    TEST_XF_S(71, 0x0, 0, 0x1234567800000000, fmv.w.x fa0, a1)
    /* fmv.x.d(0x7ff0000000000001) = 0x7ff0000000000001 */
    TEST_RX(72, 0x7ff0000000000001, 0, 0x7ff0000000000001, 0x0, fmv.x.d a0, fa1)
    /* fmv.d.x(0x7ff0000000000001) = sNaN(payload) */
    TEST_XF_D(73, 0x7ff0000000000001, 0, 0x7ff0000000000001, fmv.d.x fa0, a1)
    /* fmv.x.d(0xffffffff3f800000) = 0xffffffff3f800000 */
    TEST_RX(74, 0xffffffff3f800000, 0, 0xffffffff3f800000, 0x0, fmv.x.d a0, fa1)
    /* fmv.d.x(0xffffffff3f800000) = -qNaN(payload) */
    TEST_XF_D(75, 0xffffffff3f800000, 0, 0xffffffff3f800000, fmv.d.x fa0, a1)
    /* fmv.x.d(0x0) = 0x0 */
    TEST_RX(76, 0x0, 0, 0x0, 0x0, fmv.x.d a0, fa1)
    /* fmv.d.x(0x0) = +0 */
    TEST_XF_D(77, 0x0, 0, 0x0, fmv.d.x fa0, a1)

TEST_END
