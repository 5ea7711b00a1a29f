/* Fences: every fence form is accepted and has no visible effect in a single hart, the pause
 * hint is a no-op, and fence.i makes stores to instruction memory visible to instruction
 * fetch: code written into an RWX mapping (mmap system call) runs, is rewritten in place, and
 * the new code runs after fence.i.  Expected values agree with qemu-riscv64. */
#include "int_macros.h"

#define SYS_MMAP 222
#define PROT_RWX 7
#define MAP_PRIVATE_ANON 0x22

/* addi a0, a0, imm and ret, encoded */
#define ADDI_A0(imm) ((((imm) & 0xfff) << 20) | (10 << 15) | (10 << 7) | 0x13)
#define RET 0x00008067

TEST_BEGIN
    TEST_CASE(1)
    li a0, 5
    fence
    fence rw, rw
    fence r, r
    fence w, w
    fence iorw, iorw
    fence i, o
    fence.tso
    .word 0x0100000f                /* pause (a fence hint): must do nothing */
    fence.i
    CHECK_EQ(a0, 5)

    /* an RWX page */
    TEST_CASE(2)
    li a0, 0
    li a1, 4096
    li a2, PROT_RWX
    li a3, MAP_PRIVATE_ANON
    li a4, -1
    li a5, 0
    li a7, SYS_MMAP
    ecall
    li t0, -4096
    bgeu a0, t0, fail               /* -errno */
    mv s0, a0

    TEST_CASE(3)                    /* write addi a0, a0, 1; ret and call it */
    li t0, ADDI_A0(1)
    sw t0, 0(s0)
    li t0, RET
    sw t0, 4(s0)
    fence.i
    li a0, 10
    jalr ra, 0(s0)
    CHECK_EQ(a0, 11)

    TEST_CASE(4)                    /* rewrite the immediate in place */
    li t0, ADDI_A0(-100)
    sw t0, 0(s0)
    fence.i
    li a0, 10
    jalr ra, 0(s0)
    CHECK_EQ(a0, -90)

    TEST_CASE(5)                    /* several rewrites, each executed once */
    li s1, 0                        /* accumulated result */
    li s2, 1                        /* immediate */
1:  li t0, (10 << 15) | (10 << 7) | 0x13
    slli t1, s2, 20
    or t0, t0, t1
    sw t0, 0(s0)
    fence.i
    mv a0, s1
    jalr ra, 0(s0)
    mv s1, a0
    addi s2, s2, 1
    li t0, 21
    bne s2, t0, 1b
    CHECK_EQ(s1, 210)               /* 1 + 2 + ... + 20 */

    TEST_CASE(6)                    /* a longer body: a0 = a0 * 2 + 1 three times, then ret */
    li t0, (10 << 20) | (10 << 15) | (10 << 7) | 0x33   /* add a0, a0, a0 */
    li t1, ADDI_A0(1)
    sw t0, 0(s0)
    sw t1, 4(s0)
    sw t0, 8(s0)
    sw t1, 12(s0)
    sw t0, 16(s0)
    sw t1, 20(s0)
    li t0, RET
    sw t0, 24(s0)
    fence.i
    li a0, 1
    jalr ra, 0(s0)
    CHECK_EQ(a0, 15)

    TEST_CASE(7)                    /* compressed code written at run time: c.addi a0, 5; c.jr ra */
    li t0, 0x80820515               /* 0x0515 = c.addi a0, 5, 0x8082 = c.jr ra */
    sw t0, 0(s0)
    fence.i
    li a0, 1
    jalr ra, 0(s0)
    CHECK_EQ(a0, 6)
TEST_END
