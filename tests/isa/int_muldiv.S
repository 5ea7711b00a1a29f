/* The M extension: low and high products (signed, unsigned, signed x unsigned), division and
 * remainder with the defined results for division by zero (quotient all ones, remainder the
 * dividend) and overflow (MIN / -1 = MIN, remainder 0), and the *W forms, which use the low 32
 * bits of the operands and sign-extend the 32-bit result.  Expected values agree with qemu. */
#include "int_macros.h"

#define MIN 0x8000000000000000
#define MAX 0x7fffffffffffffff
#define MIN32 0xffffffff80000000

TEST_BEGIN
    TEST_RR(1, mul, 21, 3, 7)
    TEST_RR(2, mul, 1, -1, -1)
    TEST_RR(3, mul, -21, 3, -7)
    TEST_RR(4, mul, MIN, MIN, -1)
    TEST_RR(5, mul, 0, 0x100000000, 0x100000000)
    TEST_RR(6, mul, 0xfffffffe00000001, 0xffffffff, 0xffffffff)
    TEST_RR(7, mulh, 0x4000000000000000, MIN, MIN)
    TEST_RR(8, mulh, 0, -1, -1)
    TEST_RR(9, mulh, -1, -1, 1)
    TEST_RR(10, mulh, 0x3fffffffffffffff, MAX, MAX)
    TEST_RR(11, mulh, 0xc000000000000000, MIN, MAX)
    TEST_RR(12, mulh, 0, 0x100000000, 0x7fffffff)
    TEST_RR(13, mulh, 1, 0x100000000, 0x100000000)
    TEST_RR(14, mulhu, 0xfffffffffffffffe, -1, -1)
    TEST_RR(15, mulhu, 0x4000000000000000, MIN, MIN)
    TEST_RR(16, mulhu, 0, -1, 1)
    TEST_RR(17, mulhu, 1, 0x100000000, 0x100000000)
    TEST_RR(18, mulhsu, -1, -1, -1)           /* -1 * (2^64 - 1) */
    TEST_RR(19, mulhsu, MIN, MIN, -1)          /* -2^63 * (2^64 - 1) */
    TEST_RR(20, mulhsu, 1, 2, -1)              /* 2 * (2^64 - 1) */
    TEST_RR(21, mulhsu, -1, -1, 1)
    TEST_RR(22, mulhsu, 0, 1, MIN)
    TEST_RR(23, mulhsu, 0xc000000000000000, MIN, MIN)  /* -2^63 * 2^63 = -2^126 */

    TEST_RR(24, div, 3, 7, 2)
    TEST_RR(25, div, -3, -7, 2)               /* rounds toward zero */
    TEST_RR(26, div, -3, 7, -2)
    TEST_RR(27, div, 3, -7, -2)
    TEST_RR(28, div, -1, 7, 0)                /* divide by zero */
    TEST_RR(29, div, -1, MIN, 0)
    TEST_RR(30, div, MIN, MIN, -1)            /* overflow */
    TEST_RR(31, div, -MAX, MAX, -1)
    TEST_RR(32, divu, 3, 7, 2)
    TEST_RR(33, divu, 0xffffffffffffffff, 7, 0)
    TEST_RR(34, divu, MAX, -1, 2)
    TEST_RR(35, divu, 0, MIN, -1)
    TEST_RR(36, divu, 1, -1, -1)
    TEST_RR(37, rem, 1, 7, 2)
    TEST_RR(38, rem, -1, -7, 2)               /* sign of the dividend */
    TEST_RR(39, rem, 1, 7, -2)
    TEST_RR(40, rem, -1, -7, -2)
    TEST_RR(41, rem, 7, 7, 0)                 /* remainder by zero = dividend */
    TEST_RR(42, rem, MIN, MIN, 0)
    TEST_RR(43, rem, 0, MIN, -1)              /* overflow case */
    TEST_RR(44, remu, 1, 7, 2)
    TEST_RR(45, remu, 5, -1, 10)
    TEST_RR(46, remu, -7, -7, 0)
    TEST_RR(47, remu, MAX, MAX, MIN)

    /* 32-bit forms */
    TEST_RR(48, mulw, -2, 0x7fffffff, 2)
    TEST_RR(49, mulw, 15, 0x100000003, 0x500000005)
    TEST_RR(50, mulw, MIN32, 0x10000, 0x8000)
    TEST_RR(51, mulw, 1, -1, -1)
    TEST_RR(52, divw, 3, 7, 2)
    TEST_RR(53, divw, -3, -7, 2)
    TEST_RR(54, divw, 3, 0xffffffff00000007, 2)   /* upper halves ignored */
    TEST_RR(55, divw, -1, 7, 0)
    TEST_RR(56, divw, -1, 7, 0x100000000)         /* low 32 bits of the divisor are zero */
    TEST_RR(57, divw, MIN32, 0x80000000, -1)      /* overflow */
    TEST_RR(58, divuw, -1, 0xffffffff, 1)         /* 32-bit result sign-extended */
    TEST_RR(59, divuw, -1, 7, 0)
    TEST_RR(60, divuw, MIN32, 0x80000000, 1)
    TEST_RR(61, divuw, 0x7fffffff, -1, 2)
    TEST_RR(62, divuw, 0, 5, -1)
    TEST_RR(63, remw, -1, -7, 2)
    TEST_RR(64, remw, 0, 0x80000000, -1)          /* overflow case */
    TEST_RR(65, remw, MIN32, 0x80000000, 0)       /* dividend, sign-extended */
    TEST_RR(66, remw, 7, 0x1234567800000007, 0)
    TEST_RR(67, remw, 1, 7, 0xffffffff00000002)
    TEST_RR(68, remuw, -5, 0xfffffffb, 0)
    TEST_RR(69, remuw, 5, 0x80000005, 0x10)
    TEST_RR(70, remuw, 0, 0xffffffff, 3)
    TEST_RR(71, remuw, MIN32, 0x80000000, 0x80000001)

    /* aliasing */
    TEST_RR_DEST_IS_SRC1(72, mul, 143, 13, 11)
    TEST_RR_DEST_IS_SRC2(73, div, 4, 49, 11)
    TEST_RR_DEST_IS_BOTH(74, mulhu, 0, 13)
    TEST_RR_DEST_IS_BOTH(75, rem, 0, -13)
    TEST_RR_DEST_IS_BOTH(76, divu, 1, -13)
    TEST_RR_ZERO_DEST(77, div, 1, 0)
    TEST_RR_ZERO_SRC1(78, div, 0, 5)
TEST_END
