/* The A extension, single hart: every AMO in .w and .d form (old value returned in rd —
 * sign-extended from 32 bits for .w — and the memory updated, with the neighbouring word of a
 * .w left alone), signed/unsigned min/max, the ordering-bit variants, rd == x0 and rd == rs2,
 * and LR/SC as far as the spec guarantees: a paired LR/SC succeeds (rd = 0), an SC with no
 * reservation fails (rd != 0, memory unchanged), and any SC ends the reservation.
 * Expected values agree with qemu-riscv64. */
#include "int_macros.h"

/* mem (a 64-bit doubleword) starts as `init`; rd = inst(rs2 = operand, (mem)); checks rd and
 * the whole doubleword afterwards. */
#define TEST_AMO(n, inst, old, init, operand, after) \
    TEST_CASE(n) lla a1, amo_mem; li t0, init; sd t0, 0(a1); li a2, operand; \
    inst a0, a2, (a1); CHECK_EQ(a0, old) ld t0, 0(a1); CHECK_EQ(t0, after)

#define HI 0x5555555500000000   /* the neighbour of a .w operand */

TEST_BEGIN
    /* 32-bit: old value sign-extended, upper word untouched */
    TEST_AMO(1, amoswap.w, 0xffffffff80000000, HI | 0x80000000, 5, HI | 5)
    TEST_AMO(2, amoswap.w, 7, HI | 7, 0xffffffff12345678, HI | 0x12345678)
    TEST_AMO(3, amoadd.w, 0x7fffffff, HI | 0x7fffffff, 1, HI | 0x80000000)
    TEST_AMO(4, amoadd.w, -1, HI | 0xffffffff, 1, HI)               /* carry stays in 32 bits */
    TEST_AMO(5, amoand.w, 0xfffffffff0f0f0f0, HI | 0xf0f0f0f0, 0xffff0000, HI | 0xf0f00000)
    TEST_AMO(6, amoor.w, 0x0f0f0f0f, HI | 0x0f0f0f0f, 0xf0000000, HI | 0xff0f0f0f)
    TEST_AMO(7, amoxor.w, -1, HI | 0xffffffff, 0x0000ffff, HI | 0xffff0000)
    TEST_AMO(8, amomin.w, -5, HI | 0xfffffffb, 3, HI | 0xfffffffb)
    TEST_AMO(9, amomin.w, 3, HI | 3, -5, HI | 0xfffffffb)
    TEST_AMO(10, amomin.w, 3, HI | 3, 0x00000001fffffffe, HI | 0xfffffffe) /* rs2 low 32 = -2 */
    TEST_AMO(11, amomax.w, -5, HI | 0xfffffffb, 3, HI | 3)
    TEST_AMO(12, amomax.w, 0x7fffffff, HI | 0x7fffffff, 0x80000000, HI | 0x7fffffff)
    TEST_AMO(13, amominu.w, -5, HI | 0xfffffffb, 3, HI | 3)
    TEST_AMO(14, amominu.w, 3, HI | 3, 0xfffffffb, HI | 3)
    TEST_AMO(15, amomaxu.w, 3, HI | 3, 0xfffffffb, HI | 0xfffffffb)
    TEST_AMO(16, amomaxu.w, 0xffffffff80000000, HI | 0x80000000, 0x7fffffff, HI | 0x80000000)

    /* 64-bit */
    TEST_AMO(17, amoswap.d, 0x8000000000000000, 0x8000000000000000, 5, 5)
    TEST_AMO(18, amoadd.d, 0x7fffffffffffffff, 0x7fffffffffffffff, 1, 0x8000000000000000)
    TEST_AMO(19, amoadd.d, 0xffffffff, 0xffffffff, 1, 0x100000000)    /* carry into bit 32 */
    TEST_AMO(20, amoand.d, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0x0f000f000f000f00)
    TEST_AMO(21, amoor.d, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xfff0fff0fff0fff0)
    TEST_AMO(22, amoxor.d, 0xff00ff00ff00ff00, 0xff00ff00ff00ff00, 0x0ff00ff00ff00ff0, 0xf0f0f0f0f0f0f0f0)
    TEST_AMO(23, amomin.d, -1, -1, 1, -1)
    TEST_AMO(24, amomin.d, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000)
    TEST_AMO(25, amomax.d, -1, -1, 1, 1)
    TEST_AMO(26, amomax.d, 0x8000000000000000, 0x8000000000000000, 0x7fffffffffffffff, 0x7fffffffffffffff)
    TEST_AMO(27, amominu.d, -1, -1, 1, 1)
    TEST_AMO(28, amominu.d, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x8000000000000000, 0x7fffffffffffffff)
    TEST_AMO(29, amomaxu.d, -1, -1, 1, -1)
    TEST_AMO(30, amomaxu.d, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x8000000000000000, 0x8000000000000000)
    TEST_AMO(31, amomaxu.d, 0xffffffff, 0xffffffff, 0x100000000, 0x100000000)  /* not a 32-bit compare */

    /* ordering bits do not change the result */
    TEST_AMO(32, amoadd.w.aq, 10, HI | 10, 5, HI | 15)
    TEST_AMO(33, amoadd.w.rl, 10, HI | 10, 5, HI | 15)
    TEST_AMO(34, amoadd.w.aqrl, 10, HI | 10, 5, HI | 15)
    TEST_AMO(35, amoswap.d.aq, 10, 10, 5, 5)
    TEST_AMO(36, amoswap.d.rl, 10, 10, 5, 5)
    TEST_AMO(37, amoswap.d.aqrl, 10, 10, 5, 5)

    /* rd = x0: memory still updated */
    TEST_CASE(38)
    lla a1, amo_mem
    li t0, 100
    sd t0, 0(a1)
    li a2, 23
    amoadd.d zero, a2, (a1)
    CHECK_EQ(zero, 0)
    ld t0, 0(a1)
    CHECK_EQ(t0, 123)
    /* rd = rs2: the operand is read before the old value is written back */
    TEST_CASE(39)
    li a2, 7
    amoswap.d a2, a2, (a1)
    CHECK_EQ(a2, 123)
    ld t0, 0(a1)
    CHECK_EQ(t0, 7)
    TEST_CASE(40)
    li a2, 3
    amoadd.w a2, a2, (a1)
    CHECK_EQ(a2, 7)
    lw t0, 0(a1)
    CHECK_EQ(t0, 10)
    /* an AMO on the upper word of the doubleword */
    TEST_CASE(41)
    li t0, 0x0000000100000002
    sd t0, 0(a1)
    li a2, 0x10
    amoor.w a0, a2, (a1)
    addi a3, a1, 4
    amoadd.w a0, a2, (a3)
    CHECK_EQ(a0, 1)
    ld t0, 0(a1)
    CHECK_EQ(t0, 0x0000001100000012)

    /* LR/SC */
    TEST_CASE(42)               /* no reservation yet: sc fails and does not write */
    lla a1, lr_mem
    li t0, 1000
    sd t0, 0(a1)
    li a2, 2000
    sc.d a0, a2, (a1)
    beqz a0, fail
    ld t0, 0(a1)
    CHECK_EQ(t0, 1000)
    TEST_CASE(43)               /* lr then sc: success, rd = 0 */
    lr.d a0, (a1)
    CHECK_EQ(a0, 1000)
    li a2, 2000
    sc.d a3, a2, (a1)
    CHECK_EQ(a3, 0)
    ld t0, 0(a1)
    CHECK_EQ(t0, 2000)
    TEST_CASE(44)               /* the successful sc ended the reservation */
    li a2, 3000
    sc.d a3, a2, (a1)
    beqz a3, fail
    ld t0, 0(a1)
    CHECK_EQ(t0, 2000)
    TEST_CASE(45)               /* lr.w sign-extends; sc.w writes 32 bits only */
    li t0, 0x1234567880000000
    sd t0, 0(a1)
    lr.w a0, (a1)
    CHECK_EQ(a0, 0xffffffff80000000)
    li a2, 0xffffffff00000042
    sc.w a3, a2, (a1)
    CHECK_EQ(a3, 0)
    ld t0, 0(a1)
    CHECK_EQ(t0, 0x1234567800000042)
    TEST_CASE(46)
    li a2, 0x99
    sc.w a3, a2, (a1)
    beqz a3, fail
    ld t0, 0(a1)
    CHECK_EQ(t0, 0x1234567800000042)
    TEST_CASE(47)               /* the usual retry loop: atomic add of 1, 100 times */
    sd zero, 0(a1)
    li a4, 100
1:  lr.d.aq t0, (a1)
    addi t0, t0, 1
    sc.d.rl t1, t0, (a1)
    bnez t1, 1b
    addi a4, a4, -1
    bnez a4, 1b
    ld t0, 0(a1)
    CHECK_EQ(t0, 100)
    TEST_CASE(48)               /* compare-and-swap built from lr.w/sc.w, failing compare */
    li t0, 5
    sw t0, 0(a1)
    li a2, 6                    /* expected */
    li a3, 9                    /* desired */
2:  lr.w.aqrl a0, (a1)
    bne a0, a2, 3f
    sc.w.aqrl t1, a3, (a1)
    bnez t1, 2b
3:  CHECK_EQ(a0, 5)
    lw t0, 0(a1)
    CHECK_EQ(t0, 5)
TEST_END

    .data
    .balign 8
amo_mem:
    .dword 0
lr_mem:
    .dword 0
