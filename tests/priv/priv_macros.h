/* Macros for the privileged tests in tests/priv/*.S (run in the M-mode environment, see
 * env/env.h).  A test is
 *
 *     #include "priv_macros.h"
 *     PTEST_BEGIN
 *         TEST_CASE(1)
 *         EXPECT_TRAP(1f)        the next trap is recorded and the test resumes in M-mode at 1f
 *         csrr a0, 0x7c0         ...something that traps
 *     1:  CHECK_EQ(s2, CAUSE_ILLEGAL)
 *     PTEST_END
 *
 * A trap taken to M-mode (record_trap_m) leaves mcause in s2, mepc in s3, mtval in s4 and the
 * mstatus of the handler (MPP: the mode trapped from) in s6; a trap delegated to S-mode
 * (stvec = record_trap_s) the S-mode equivalents, resuming in S-mode.  Either resumes with
 * interrupts of its level disabled (MIE / SIE 0), so a pending interrupt is not taken again.  s2 is -1 until a trap
 * comes.  TESTNUM (s11), t5 and t6 are the macros' registers. */
#ifndef SNAPSIM_TESTS_PRIV_MACROS_H
#define SNAPSIM_TESTS_PRIV_MACROS_H

#include "env.h"

#define TESTNUM s11

#define PTEST_BEGIN                 \
    .option norelax;                \
    .text;                          \
    .globl test_main;               \
test_main:                          \
    lla t0, record_trap_m;           \
    csrw mtvec, t0;                 \
    lla t0, record_trap_s;           \
    csrw stvec, t0;                 \
    li TESTNUM, 0;

#define TEST_CASE(n) li TESTNUM, n;

#define CHECK_EQ(reg, value) li t6, value; bne reg, t6, fail;
#define CHECK_CSR(csr, value) csrr t5, csr; CHECK_EQ(t5, value)
/* The mode a recorded M-mode trap came from (MPP of s6). */
#define CHECK_FROM_MODE(mpp_bits) li t6, MSTATUS_MPP; and t5, s6, t6; CHECK_EQ(t5, mpp_bits)

#define EXPECT_TRAP(label) lla s5, label; li s2, -1;

/* From M-mode, continues after it in the mode whose MPP bits are given (0 U, MSTATUS_MPP_S,
 * MSTATUS_MPP for M); n is a local label number (n: is defined there). */
#define ENTER_MODE(mpp_bits, n)     \
    li t0, MSTATUS_MPP;             \
    csrc mstatus, t0;               \
    li t0, mpp_bits;                \
    csrs mstatus, t0;               \
    lla t0, n##f;                    \
    csrw mepc, t0;                  \
    mret;                           \
n:

/* From any mode: back to M-mode after it through an ecall the handler records (s2 is then
 * the ecall's cause). */
#define BACK_TO_M(n) EXPECT_TRAP(n##f) ecall; n:

#define PTEST_END                   \
    li a0, 0;                       \
    ENV_EXIT(a0)                    \
fail:                               \
    mv a0, TESTNUM;                 \
    ENV_EXIT(a0)                    \
    .align 2;                       \
record_trap_m:                      \
    csrr s2, mcause;                \
    csrr s3, mepc;                  \
    csrr s4, mtval;                 \
    csrr s6, mstatus;               \
    li t6, MSTATUS_MPP;             \
    csrs mstatus, t6;               \
    li t6, MSTATUS_MPIE;            \
    csrc mstatus, t6;               \
    csrw mepc, s5;                  \
    mret;                           \
    .align 2;                       \
record_trap_s:                      \
    csrr s2, scause;                \
    csrr s3, sepc;                  \
    csrr s4, stval;                 \
    csrr s6, sstatus;               \
    li t6, MSTATUS_SPP;             \
    csrs sstatus, t6;               \
    li t6, MSTATUS_SPIE;            \
    csrc sstatus, t6;               \
    csrw sepc, s5;                  \
    sret;

#endif
