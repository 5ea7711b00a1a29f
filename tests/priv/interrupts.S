/* Interrupts raised by M-mode software through mip (SSIP, STIP): taken at an instruction
 * boundary once enabled, their priority, the global enables per mode, delegation with
 * mideleg, vectored mtvec, and wfi with an interrupt pending. */
#include "priv_macros.h"

PTEST_BEGIN
    TEST_CASE(1)                        /* pending and enabled, but MIE off in M: not taken */
    li t0, MIP_SSIP_BIT
    csrs mie, t0
    csrs mip, t0
    EXPECT_TRAP(1f)
    nop
    j 2f
1:  j fail
2:  CHECK_EQ(s2, -1)

    TEST_CASE(2)                        /* MIE on: taken at once, cause SSI with the interrupt bit */
    EXPECT_TRAP(1f)
    csrsi mstatus, MSTATUS_MIE
    j fail
1:  CHECK_EQ(s2, CAUSE_IRQ | 1)
    csrci mstatus, MSTATUS_MIE
    li t0, MIP_SSIP_BIT
    csrc mip, t0

    TEST_CASE(3)                        /* SSI comes before STI */
    li t0, MIP_SSIP_BIT | MIP_STIP_BIT
    csrs mie, t0
    csrs mip, t0
    EXPECT_TRAP(1f)
    csrsi mstatus, MSTATUS_MIE
1:  CHECK_EQ(s2, CAUSE_IRQ | 1)
    li t0, MIP_SSIP_BIT
    csrc mip, t0
    EXPECT_TRAP(1f)
    csrsi mstatus, MSTATUS_MIE
1:  CHECK_EQ(s2, CAUSE_IRQ | 5)
    csrci mstatus, MSTATUS_MIE
    li t0, MIP_STIP_BIT
    csrc mip, t0

    TEST_CASE(4)                        /* an M-level interrupt is always enabled in S-mode */
    li t0, MIP_SSIP_BIT
    csrs mip, t0
    EXPECT_TRAP(2f)                     /* taken right after the mret */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    j fail
2:  CHECK_EQ(s2, CAUSE_IRQ | 1)
    CHECK_FROM_MODE(MSTATUS_MPP_S)

    TEST_CASE(5)                        /* delegated: never taken in M, in S only with SIE */
    li t0, MIP_SSIP_BIT
    csrw mideleg, t0
    csrsi mstatus, MSTATUS_MIE
    EXPECT_TRAP(1f)
    nop
    j 2f
1:  j fail
2:  csrci mstatus, MSTATUS_MIE
    ENTER_MODE(MSTATUS_MPP_S, 3)
    nop                                 /* SIE is off: still not taken */
    EXPECT_TRAP(4f)
    csrsi sstatus, MSTATUS_SIE
    j fail
4:  CHECK_EQ(s2, CAUSE_IRQ | 1)         /* recorded by record_trap_s */
    csrr a0, scause
    csrci sstatus, MSTATUS_SIE
    li t0, MIP_SSIP_BIT
    csrc sip, t0                        /* S-mode clears its own software interrupt */
    BACK_TO_M(5)
    CHECK_EQ(s2, CAUSE_ECALL_S)

    TEST_CASE(6)                        /* delegated and pending in U-mode: taken to S regardless of SIE */
    li t0, MIP_SSIP_BIT
    csrs mip, t0
    EXPECT_TRAP(2f)
    ENTER_MODE(0, 1)
    j fail
2:  CHECK_EQ(s2, CAUSE_IRQ | 1)
    andi a0, s6, MSTATUS_SPP
    CHECK_EQ(a0, 0)
    li t0, MIP_SSIP_BIT
    csrc sip, t0
    BACK_TO_M(3)
    csrw mideleg, zero

    TEST_CASE(7)                        /* vectored mtvec: interrupts go to base + 4 * cause */
    lla t0, vector_table
    ori t0, t0, 1
    csrw mtvec, t0
    li a0, 0
    li t0, MIP_STIP_BIT
    csrs mip, t0
    csrsi mstatus, MSTATUS_MIE
    nop
    CHECK_EQ(a0, 5)                     /* vector 5 ran */
    lla t0, record_trap_m
    csrw mtvec, t0

    TEST_CASE(8)                        /* wfi with an interrupt pending falls through to it */
    li t0, MIP_SSIP_BIT
    csrs mip, t0
    EXPECT_TRAP(1f)
    wfi
    csrsi mstatus, MSTATUS_MIE
    j fail
1:  CHECK_EQ(s2, CAUSE_IRQ | 1)
    csrci mstatus, MSTATUS_MIE
    csrw mip, zero
    csrw mie, zero
    j 9f

    .align 6
vector_table:                           /* one 4-byte jump per cause */
    .option push
    .option norvc
    .rept 5
    j fail
    .endr
    .option pop
    li a0, 5                            /* entry 5: STI */
    li t0, MIP_STIP_BIT
    csrc mip, t0
    li t0, MSTATUS_MPIE
    csrc mstatus, t0
    mret
9:
PTEST_END
