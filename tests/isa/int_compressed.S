/* The C extension, written with explicit c.* mnemonics so every form is really 16 bits:
 * immediates (c.li/c.lui/c.addi/c.addiw/c.addi16sp/c.addi4spn), shifts and logic on the
 * x8..x15 registers, c.mv/c.add, the .w arithmetic, loads/stores relative to a register and to
 * sp (integer and double), and the control transfers c.j/c.jr/c.jalr/c.beqz/c.bnez.
 * Expected values agree with qemu-riscv64. */
#include "int_macros.h"

TEST_BEGIN
    /* c.li: 6-bit signed immediate */
    TEST_CASE(1)
    c.li a0, -32
    CHECK_EQ(a0, -32)
    TEST_CASE(2)
    c.li a0, 31
    CHECK_EQ(a0, 31)
    /* c.lui: 6-bit signed upper immediate, sign-extended to 64 bits */
    TEST_CASE(3)
    c.lui a0, 0x1f
    CHECK_EQ(a0, 0x1f000)
    TEST_CASE(4)
    c.lui a0, 0xfffe0               /* -32 << 12 */
    CHECK_EQ(a0, 0xfffffffffffe0000)
    TEST_CASE(5)
    c.lui a0, 1
    CHECK_EQ(a0, 0x1000)
    /* c.addi / c.addiw */
    TEST_CASE(6)
    li a0, 100
    c.addi a0, -32
    CHECK_EQ(a0, 68)
    TEST_CASE(7)
    li a0, 0x7fffffff
    c.addiw a0, 1
    CHECK_EQ(a0, 0xffffffff80000000)
    TEST_CASE(8)
    li a0, 0x1234567880000000
    c.addiw a0, 0                   /* sext.w */
    CHECK_EQ(a0, 0xffffffff80000000)
    TEST_CASE(9)
    li a0, 0xffffffff00000000
    c.addiw a0, -1
    CHECK_EQ(a0, -1)
    TEST_CASE(10)
    c.nop
    CHECK_EQ(a0, -1)
    /* shifts: c.slli on any register, c.srli/c.srai on x8..x15, amounts up to 63 */
    TEST_CASE(11)
    li a0, 0x8123456789abcdef
    c.srai a0, 63
    CHECK_EQ(a0, -1)
    TEST_CASE(12)
    li a0, 0x8123456789abcdef
    c.srli a0, 32
    CHECK_EQ(a0, 0x81234567)
    TEST_CASE(13)
    li a0, 0x8123456789abcdef
    c.srai a0, 4
    CHECK_EQ(a0, 0xf8123456789abcde)
    TEST_CASE(14)
    li t3, 0x8123456789abcdef
    c.slli t3, 32
    CHECK_EQ(t3, 0x89abcdef00000000)
    TEST_CASE(15)
    li t3, 1
    c.slli t3, 63
    CHECK_EQ(t3, 0x8000000000000000)
    /* c.andi: 6-bit signed immediate */
    TEST_CASE(16)
    li a0, 0x123456789abcdef0
    c.andi a0, -32
    CHECK_EQ(a0, 0x123456789abcdee0)
    TEST_CASE(17)
    li a0, 0x123456789abcdef7
    c.andi a0, 15
    CHECK_EQ(a0, 7)
    /* register-register: c.mv, c.add (any registers), c.and/or/xor/sub/addw/subw (x8..x15) */
    TEST_CASE(18)
    li t4, 0x55
    c.mv a0, t4
    CHECK_EQ(a0, 0x55)
    TEST_CASE(19)
    li t4, 0x7fffffffffffffff
    li a0, 1
    c.add a0, t4
    CHECK_EQ(a0, 0x8000000000000000)
    TEST_CASE(20)
    li a0, 0xff00
    li a1, 0x0ff0
    c.and a0, a1
    CHECK_EQ(a0, 0x0f00)
    TEST_CASE(21)
    li a0, 0xff00
    c.or a0, a1
    CHECK_EQ(a0, 0xfff0)
    TEST_CASE(22)
    li a0, 0xff00
    c.xor a0, a1
    CHECK_EQ(a0, 0xf0f0)
    TEST_CASE(23)
    li a0, 0
    c.sub a0, a1
    CHECK_EQ(a0, -0x0ff0)
    TEST_CASE(24)
    li a0, 0x7fffffff
    li a1, 1
    c.addw a0, a1
    CHECK_EQ(a0, 0xffffffff80000000)
    TEST_CASE(25)
    li a0, 0x100000000
    c.subw a0, a1
    CHECK_EQ(a0, -1)
    TEST_CASE(26)
    li s0, 0x1111111122222222
    li s1, 0x3333333344444444
    c.addw s0, s1
    CHECK_EQ(s0, 0x66666666)

    /* stack-relative: c.addi16sp, c.addi4spn, c.sdsp/c.ldsp, c.swsp/c.lwsp, c.fsdsp/c.fldsp */
    TEST_CASE(27)
    mv s1, sp
    c.addi16sp sp, -64
    sub t0, s1, sp
    CHECK_EQ(t0, 64)
    TEST_CASE(28)
    c.addi4spn a0, sp, 16
    sub t0, a0, sp
    CHECK_EQ(t0, 16)
    TEST_CASE(29)
    li t0, 0x0123456789abcdef
    c.sdsp t0, 8(sp)
    c.ldsp t1, 8(sp)
    CHECK_EQ(t1, 0x0123456789abcdef)
    TEST_CASE(30)
    li t0, 0x80000001
    c.swsp t0, 16(sp)
    c.lwsp t1, 16(sp)               /* sign-extends */
    CHECK_EQ(t1, 0xffffffff80000001)
    TEST_CASE(31)
    li t0, 0x400921fb54442d18       /* pi */
    fmv.d.x ft0, t0
    c.fsdsp ft0, 24(sp)
    c.fldsp ft1, 24(sp)
    fmv.x.d t1, ft1
    CHECK_EQ(t1, 0x400921fb54442d18)
    /* register-relative on x8..x15: c.sw/c.lw, c.sd/c.ld, c.fsd/c.fld */
    TEST_CASE(32)
    mv a1, sp
    li a2, 0xfedcba98
    c.sw a2, 32(a1)
    c.lw a3, 32(a1)
    CHECK_EQ(a3, 0xfffffffffedcba98)
    TEST_CASE(33)
    li a2, 0x1122334455667788
    c.sd a2, 40(a1)
    c.ld a3, 40(a1)
    CHECK_EQ(a3, 0x1122334455667788)
    TEST_CASE(34)
    c.lw a3, 44(a1)                 /* upper half of that doubleword */
    CHECK_EQ(a3, 0x11223344)
    TEST_CASE(35)
    fmv.d.x fa0, a2
    c.fsd fa0, 48(a1)
    c.fld fa1, 48(a1)
    fmv.x.d a3, fa1
    CHECK_EQ(a3, 0x1122334455667788)
    TEST_CASE(36)
    c.addi16sp sp, 64
    bne sp, s1, fail

    /* control transfers */
    TEST_CASE(37)
    c.j 1f
    j fail
1:  li a0, 0
    c.beqz a0, 2f
    j fail
2:  c.bnez a0, fail
    li a0, -1
    c.bnez a0, 3f
    j fail
3:  c.beqz a0, fail
    TEST_CASE(38)                   /* c.jalr links ra = pc + 2 */
    lla t0, ret_here
    c.jalr t0
4:  lla t1, 4b
    bne ra, t1, fail
    CHECK_EQ(a0, 0x42)
    TEST_CASE(39)                   /* c.jr, no link */
    lla t0, 5f
    li ra, 0
    c.jr t0
    j fail
5:  CHECK_EQ(ra, 0)
    TEST_CASE(40)                   /* a backward c.bnez loop */
    li a0, 10
    li a1, 0
6:  c.add a1, a0
    c.addi a0, -1
    c.bnez a0, 6b
    CHECK_EQ(a1, 55)
TEST_END

ret_here:                           /* a0 = (30 + 3) * 2 = 0x42 */
    c.li a0, 30
    c.addi a0, 3
    c.add a0, a0
    c.jr ra
