/* Integer register-register and register-immediate ALU instructions of RV64I, including the
 * 32-bit *W forms (which sign-extend their 32-bit result), immediate sign extension, lui/auipc,
 * and x0 as source and destination.  Expected values agree with qemu-riscv64. */
#include "int_macros.h"

TEST_BEGIN
    /* add / sub */
    TEST_RR(1, add, 2, 1, 1)
    TEST_RR(2, add, 0x8000000000000000, 0x7fffffffffffffff, 1)
    TEST_RR(3, add, 0, -1, 1)
    TEST_RR(4, add, 0x100000000, 0xffffffff, 1)
    TEST_RR(5, add, 0xfffffffffffffffe, 0xffffffffffffffff, 0xffffffffffffffff)
    TEST_RR(6, sub, -1, 0, 1)
    TEST_RR(7, sub, 0x7fffffffffffffff, 0x8000000000000000, 1)
    TEST_RR(8, sub, 0x8000000000000000, 0, 0x8000000000000000)
    TEST_RR(9, sub, 0x00000000ffffffff, 0x100000000, 1)

    /* logical */
    TEST_RR(10, and, 0x0f000f000f000f00, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f)
    TEST_RR(11, or, 0xff0fff0fff0fff0f, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f)
    TEST_RR(12, xor, 0xf00ff00ff00ff00f, 0xff00ff00ff00ff00, 0x0f0f0f0f0f0f0f0f)
    TEST_RR(13, xor, 0, 0x123456789abcdef0, 0x123456789abcdef0)

    /* set-less-than, signed and unsigned, at the edges */
    TEST_RR(14, slt, 1, -1, 1)
    TEST_RR(15, slt, 0, 1, -1)
    TEST_RR(16, slt, 0, 5, 5)
    TEST_RR(17, slt, 1, 0x8000000000000000, 0x7fffffffffffffff)
    TEST_RR(18, slt, 0, 0x7fffffffffffffff, 0x8000000000000000)
    TEST_RR(19, sltu, 0, -1, 1)
    TEST_RR(20, sltu, 1, 1, -1)
    TEST_RR(21, sltu, 0, 0, 0)
    TEST_RR(22, sltu, 1, 0x7fffffffffffffff, 0x8000000000000000)
    TEST_RR_ZERO_SRC1(23, sltu, 1, 5)   /* snez */
    TEST_RR_ZERO_SRC1(24, sltu, 0, 0)

    /* immediates are 12-bit signed: -2048..2047, sign-extended to 64 bits */
    TEST_RI(25, addi, 2047, 0, 2047)
    TEST_RI(26, addi, -2048, 0, -2048)
    TEST_RI(27, addi, -1, 0, -1)
    TEST_RI(28, addi, 0x8000000000000000, 0x7fffffffffffffff, 1)
    TEST_RI(29, addi, 0x7fffffffffffffff, 0x8000000000000000, -1)
    TEST_RI(30, andi, 0x123456789abcdef0, 0x123456789abcdef0, -1)
    TEST_RI(31, andi, 0x6f0, 0x123456789abcdef0, 0x7ff)
    TEST_RI(32, andi, 0x123456789abcd800, 0x123456789abcdef0, -2048)
    TEST_RI(33, ori, 0xfffffffffffff800, 0, -2048)
    TEST_RI(34, ori, 0x123456789abcdeff, 0x123456789abcdef0, 0x0f)
    TEST_RI(35, xori, 0xedcba9876543210f, 0x123456789abcdef0, -1)   /* not */
    TEST_RI(36, xori, 0x123456789abcd90f, 0x123456789abcdef0, 0x7ff)
    TEST_RI(37, slti, 0, 0, -1)
    TEST_RI(38, slti, 1, -2, -1)
    TEST_RI(39, slti, 1, 0x8000000000000000, -2048)
    TEST_RI(40, slti, 0, 2047, 2047)
    TEST_RI(41, sltiu, 1, 5, -1)        /* -1 compares as 2^64-1 */
    TEST_RI(42, sltiu, 1, 0, 1)         /* seqz */
    TEST_RI(43, sltiu, 0, 7, 1)
    TEST_RI(44, sltiu, 0, -1, -1)

    /* 32-bit forms: operate on the low 32 bits, sign-extend the result */
    TEST_RR(45, addw, 0xffffffff80000000, 0x7fffffff, 1)
    TEST_RR(46, addw, 0, 0xffffffff, 1)
    TEST_RR(47, addw, 15, 0x123456780000000a, 0xabcdef0000000005)
    TEST_RR(48, addw, 0x7fffffff, 0x80000000, -1)
    TEST_RR(49, subw, -1, 0, 1)
    TEST_RR(50, subw, 0x7fffffff, 0x80000000, 1)
    TEST_RR(51, subw, 0xffffffff80000000, 0x7fffffff, -1)
    TEST_RR(52, subw, 0, 0x1111111100000000, 0x2222222200000000)
    TEST_RI(53, addiw, 0xffffffff80000000, 0x7fffffff, 1)
    TEST_RI(54, addiw, 0xffffffff80000000, 0x80000000, 0)                /* sext.w */
    TEST_RI(55, addiw, 0x7fffffff, 0xffffffff7fffffff, 0)
    TEST_RI(56, addiw, 0xfffffffffffff800, 0x5555555500000000, -2048)
    TEST_RI(57, addiw, 0x7ffff7ff, 0x7fffffff, -2048)

    /* source and destination registers aliased */
    TEST_RR_DEST_IS_SRC1(58, add, 30, 13, 17)
    TEST_RR_DEST_IS_SRC2(59, sub, -4, 13, 17)
    TEST_RR_DEST_IS_BOTH(60, add, 26, 13)
    TEST_RR_DEST_IS_BOTH(61, sub, 0, 13)
    TEST_RI_DEST_IS_SRC(62, addi, 14, 13, 1)
    TEST_RR_DEST_IS_BOTH(63, subw, 0, 0x80000000)
    TEST_RR_DEST_IS_BOTH(64, sltu, 0, 5)

    /* x0 */
    TEST_RR_ZERO_DEST(65, add, 5, 6)
    TEST_RR_ZERO_DEST(66, addw, 5, 6)
    TEST_CASE(67)
    addi zero, zero, 123
    CHECK_EQ(zero, 0)
    TEST_RR_ZERO_SRC1(68, sub, -9, 9)
    TEST_CASE(69)
    li a1, 77
    add a0, a1, zero
    CHECK_EQ(a0, 77)

    /* lui: 20-bit upper immediate, sign-extended from bit 31 on RV64 */
    TEST_CASE(70)
    lui a0, 0x80000
    CHECK_EQ(a0, 0xffffffff80000000)
    TEST_CASE(71)
    lui a0, 0x7ffff
    CHECK_EQ(a0, 0x7ffff000)
    TEST_CASE(72)
    lui a0, 0xfffff
    CHECK_EQ(a0, 0xfffffffffffff000)
    TEST_CASE(73)
    lui a0, 0
    CHECK_EQ(a0, 0)
    TEST_CASE(74)           /* lui + addiw: the usual 32-bit constant, with the borrow */
    lui a0, 0x12346
    addiw a0, a0, -0x88
    CHECK_EQ(a0, 0x12345f78)

    /* auipc: pc-relative; auipc is never compressed, so neighbours are 4 bytes apart */
    TEST_CASE(75)
    .option push
    .option norvc
1:  auipc a0, 0
    auipc a1, 0
    auipc a2, 1
    auipc a3, 0xfffff
    .option pop
    sub t0, a1, a0
    CHECK_EQ(t0, 4)
    TEST_CASE(76)
    sub t0, a2, a0
    CHECK_EQ(t0, 4096 + 8)
    TEST_CASE(77)
    sub t0, a3, a0
    CHECK_EQ(t0, 12 - 4096)
    TEST_CASE(78)           /* auipc agrees with the link address jal computes */
    jal a4, 2f
2:  auipc a5, 0
    bne a4, a5, fail
    TEST_CASE(79)           /* auipc 0x80000: upper bits are sign-extended before adding */
    .option push
    .option norvc
3:  auipc a0, 0x80000
    auipc a1, 0
    .option pop
    addi a1, a1, -4
    sub t0, a0, a1
    CHECK_EQ(t0, 0xffffffff80000000)

    /* full 64-bit constants through li (lui/addi/slli sequences) */
    TEST_CASE(80)
    li a0, 0x123456789abcdef0
    srli a1, a0, 32
    CHECK_EQ(a1, 0x12345678)
    TEST_CASE(81)
    li a0, 0x8000000000000001
    addi a0, a0, -1
    slli a0, a0, 0
    CHECK_EQ(a0, 0x8000000000000000)
TEST_END
