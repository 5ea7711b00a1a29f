/* jal and jalr: link values (pc + 4, or pc + 2 for the compressed forms), jalr adding its
 * offset and clearing bit 0 of the target, rd == rs1 (target read before the link is written),
 * x0 as the link register, and calls/returns through a recursive function using the stack.
 * Expected values agree with qemu-riscv64. */
#include "int_macros.h"

TEST_BEGIN
    .option push
    .option norvc      /* 4-byte jal/jalr here, so link values are exactly pc + 4 */

    /* jal: link = address of the next instruction */
    TEST_CASE(1)
    jal a0, 1f
2:  j fail
1:  lla a1, 2b
    bne a0, a1, fail

    /* jal with x0 links nothing (j) */
    TEST_CASE(2)
    li a0, 5
    jal zero, 3f
    j fail
3:  CHECK_EQ(a0, 5)

    /* jalr: target = rs1 + offset, bit 0 cleared; link = pc + 4 */
    TEST_CASE(3)
    lla a1, target_a
    jalr a0, 0(a1)
4:  /* target_a returns here through a0 */
    CHECK_EQ(a2, 0xa)
    lla a3, 4b
    bne a0, a3, fail

    TEST_CASE(4)
    lla a1, target_a
    addi a1, a1, 1          /* odd address: bit 0 is ignored */
    li a2, 0
    jalr a0, 0(a1)
    CHECK_EQ(a2, 0xa)

    TEST_CASE(5)
    lla a1, target_a
    addi a1, a1, -100
    li a2, 0
    jalr a0, 100(a1)        /* positive offset */
    CHECK_EQ(a2, 0xa)

    TEST_CASE(6)
    lla a1, target_a
    addi a1, a1, 2000
    li a2, 0
    jalr a0, -1999(a1)      /* negative, odd offset: target_a + 1, bit 0 cleared */
    CHECK_EQ(a2, 0xa)

    TEST_CASE(7)            /* rd == rs1: jump to the old value, then write the link */
    lla a0, target_a
    li a2, 0
    jalr a0, 0(a0)
5:  CHECK_EQ(a2, 0xa)
    lla a3, 5b
    bne a0, a3, fail

    TEST_CASE(8)            /* jalr x0: plain indirect jump, no link */
    lla a1, 6f
    li a0, 77
    jalr zero, 0(a1)
    j fail
6:  CHECK_EQ(a0, 77)
    .option pop

    /* compressed forms: c.jalr links ra with pc + 2, c.jr jumps without a link */
    TEST_CASE(9)
    lla a1, target_b
    li a2, 0
    c.jalr a1
7:  CHECK_EQ(a2, 0xb)
    lla a3, 7b
    bne ra, a3, fail

    TEST_CASE(10)
    lla a1, 8f
    c.jr a1
    j fail
8:
    /* call/ret through a recursive function: sum(n) = n + sum(n - 1) */
    TEST_CASE(11)
    li a0, 50
    call sum_recursive
    CHECK_EQ(a0, 1275)

    TEST_CASE(12)           /* tail: jump through a register computed from a table */
    lla a1, jump_table
    ld a1, 16(a1)
    jr a1
    j fail
table_target_0:
    j fail
table_target_1:
    j fail
table_target_2:
    TEST_CASE(13)
    li a0, 0
TEST_END

/* Returns through a0 (the link) with a2 = 0xa; keeps ra intact for the caller. */
    .option push
    .option norvc
target_a:
    li a2, 0xa
    jalr zero, 0(a0)
    .option pop

target_b:
    li a2, 0xb
    ret

/* a0 = a0 + (a0 - 1) + ... + 1, recursively, saving ra and a0 on the stack */
sum_recursive:
    beqz a0, 1f
    addi sp, sp, -16
    sd ra, 8(sp)
    sd a0, 0(sp)
    addi a0, a0, -1
    call sum_recursive
    ld t0, 0(sp)
    ld ra, 8(sp)
    addi sp, sp, 16
    add a0, a0, t0
1:  ret

    .section .rodata
    .balign 8
jump_table:
    .dword table_target_0, table_target_1, table_target_2
