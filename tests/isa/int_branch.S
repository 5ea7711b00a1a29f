/* Conditional branches: all six, taken and not taken, at signed/unsigned edge values, with
 * backward targets (a counted loop) and a target beyond the 4 KiB direct range (the assembler
 * inverts the branch around a jal).  Expected values agree with qemu-riscv64. */
#include "int_macros.h"

#define MIN 0x8000000000000000
#define MAX 0x7fffffffffffffff

TEST_BEGIN
    TEST_BR_TAKEN(1, beq, 0, 0)
    TEST_BR_TAKEN(2, beq, -1, -1)
    TEST_BR_NOT_TAKEN(3, beq, 0, 1)
    TEST_BR_NOT_TAKEN(4, beq, 0x100000000, 0)          /* differ only above bit 31 */
    TEST_BR_NOT_TAKEN(5, beq, MIN, 0)
    TEST_BR_TAKEN(6, bne, 0, 1)
    TEST_BR_TAKEN(7, bne, 0x100000000, 0)
    TEST_BR_NOT_TAKEN(8, bne, MIN, MIN)
    TEST_BR_NOT_TAKEN(9, bne, 0, 0)

    TEST_BR_TAKEN(10, blt, -1, 0)
    TEST_BR_TAKEN(11, blt, MIN, MAX)
    TEST_BR_TAKEN(12, blt, MIN, -1)
    TEST_BR_TAKEN(13, blt, 0xffffffff, 0x100000000)    /* 64-bit compare, not 32 */
    TEST_BR_NOT_TAKEN(14, blt, 0, -1)
    TEST_BR_NOT_TAKEN(15, blt, MAX, MIN)
    TEST_BR_NOT_TAKEN(16, blt, 5, 5)
    TEST_BR_TAKEN(17, bge, 0, -1)
    TEST_BR_TAKEN(18, bge, 5, 5)
    TEST_BR_TAKEN(19, bge, MAX, MIN)
    TEST_BR_TAKEN(20, bge, MIN, MIN)
    TEST_BR_NOT_TAKEN(21, bge, -1, 0)
    TEST_BR_NOT_TAKEN(22, bge, MIN, MAX)

    TEST_BR_TAKEN(23, bltu, 0, -1)
    TEST_BR_TAKEN(24, bltu, MAX, MIN)
    TEST_BR_TAKEN(25, bltu, 0xffffffff, 0x100000000)
    TEST_BR_NOT_TAKEN(26, bltu, -1, 0)
    TEST_BR_NOT_TAKEN(27, bltu, MIN, MAX)
    TEST_BR_NOT_TAKEN(28, bltu, 7, 7)
    TEST_BR_TAKEN(29, bgeu, -1, 0)
    TEST_BR_TAKEN(30, bgeu, 7, 7)
    TEST_BR_TAKEN(31, bgeu, MIN, MAX)
    TEST_BR_TAKEN(32, bgeu, 0, 0)
    TEST_BR_NOT_TAKEN(33, bgeu, 0, -1)
    TEST_BR_NOT_TAKEN(34, bgeu, MAX, MIN)

    /* pseudo-instructions comparing with x0 (beqz/bnez/bltz/bgez/blez/bgtz) */
    TEST_CASE(35)
    li a1, -3
    bltz a1, 1f
    j fail
1:  bgez a1, fail
    blez a1, 2f
    j fail
2:  bgtz a1, fail
    bnez a1, 3f
    j fail
3:  beqz a1, fail
    TEST_CASE(36)
    li a1, 0
    bltz a1, fail
    bgtz a1, fail
    bnez a1, fail
    bgez a1, 4f
    j fail
4:
    /* a backward branch: count down from 100, summing */
    TEST_CASE(37)
    li a1, 100
    li a0, 0
5:  add a0, a0, a1
    addi a1, a1, -1
    bnez a1, 5b
    CHECK_EQ(a0, 5050)

    /* a target more than 4 KiB away, in both directions */
    TEST_CASE(38)
    li a1, 1
    li a2, 1
    beq a1, a2, far_forward
    j fail
far_back:
    TEST_CASE(40)
    j after_far
    .skip 5000
far_forward:
    TEST_CASE(39)
    li a1, 3
    li a2, 4
    blt a1, a2, far_back
    j fail
after_far:
    /* the branch's own registers are only read */
    TEST_CASE(41)
    li a1, 9
    bne a1, a1, fail
    CHECK_EQ(a1, 9)
TEST_END
