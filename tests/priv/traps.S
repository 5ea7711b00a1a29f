/* Exceptions and trap return: ecall causes from each mode, breakpoints, mepc/mtval, the
 * interrupt-enable stack of mret and sret, the privilege checks of mret/sret/wfi (TSR, TW),
 * and delegation to S-mode by medeleg. */
#include "priv_macros.h"

PTEST_BEGIN
    TEST_CASE(1)                        /* ecall from M: cause 11, mepc at the ecall */
    EXPECT_TRAP(1f)
2:  ecall
1:  CHECK_EQ(s2, CAUSE_ECALL_M)
    lla t0, 2b
    bne s3, t0, fail
    CHECK_FROM_MODE(MSTATUS_MPP)

    TEST_CASE(2)                        /* ecall from S and from U */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    BACK_TO_M(2)
    CHECK_EQ(s2, CAUSE_ECALL_S)
    CHECK_FROM_MODE(MSTATUS_MPP_S)
    ENTER_MODE(0, 3)
    BACK_TO_M(4)
    CHECK_EQ(s2, CAUSE_ECALL_U)
    CHECK_FROM_MODE(0)

    TEST_CASE(3)                        /* ebreak and c.ebreak: cause 3, mtval = pc */
    EXPECT_TRAP(1f)
2:  ebreak
1:  CHECK_EQ(s2, CAUSE_BREAKPOINT)
    lla t0, 2b
    bne s3, t0, fail
    bne s4, t0, fail
    EXPECT_TRAP(1f)
2:  c.ebreak
1:  CHECK_EQ(s2, CAUSE_BREAKPOINT)
    lla t0, 2b
    bne s3, t0, fail

    TEST_CASE(4)                        /* an illegal instruction: mtval holds its encoding */
    EXPECT_TRAP(1f)
    .word 0xffffffff
1:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    CHECK_EQ(s4, 0xffffffff)

    TEST_CASE(5)                        /* the trap stacks MIE into MPIE and clears MIE */
    csrsi mstatus, MSTATUS_MIE
    EXPECT_TRAP(1f)
    ecall
1:  andi a0, s6, MSTATUS_MIE | MSTATUS_MPIE
    CHECK_EQ(a0, MSTATUS_MPIE)
    csrr a0, mstatus                    /* record_trap_m's mret: MIE = MPIE (cleared), MPIE = 1 */
    andi a0, a0, MSTATUS_MIE | MSTATUS_MPIE
    CHECK_EQ(a0, MSTATUS_MPIE)

    TEST_CASE(6)                        /* mret: MIE = MPIE, MPIE = 1, MPP = U, MPRV cleared below M */
    li t0, MSTATUS_MPIE | MSTATUS_MPRV
    csrs mstatus, t0
    ENTER_MODE(MSTATUS_MPP_S, 1)
    BACK_TO_M(2)
    li t0, MSTATUS_MPRV
    and a0, s6, t0
    CHECK_EQ(a0, 0)
    andi a0, s6, MSTATUS_MPIE           /* the ecall stacked MIE (1 after the mret) */
    CHECK_EQ(a0, MSTATUS_MPIE)
    ENTER_MODE(MSTATUS_MPP, 3)          /* mret to M: MPP becomes U */
    csrr a0, mstatus
    li t0, MSTATUS_MPP
    and a0, a0, t0
    CHECK_EQ(a0, 0)

    TEST_CASE(7)                        /* mret in S-mode is illegal */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    mret
2:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    CHECK_FROM_MODE(MSTATUS_MPP_S)

    TEST_CASE(8)                        /* sret in U-mode is illegal, in S with TSR too */
    ENTER_MODE(0, 1)
    EXPECT_TRAP(2f)
    sret
2:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    li t0, MSTATUS_TSR
    csrs mstatus, t0
    ENTER_MODE(MSTATUS_MPP_S, 3)
    EXPECT_TRAP(4f)
    sret
4:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    li t0, MSTATUS_TSR
    csrc mstatus, t0

    TEST_CASE(9)                        /* sret from M to S: SIE = SPIE, SPP = U */
    li t0, MSTATUS_SPP | MSTATUS_SPIE
    csrs mstatus, t0
    csrci mstatus, MSTATUS_SIE
    lla t0, 1f
    csrw sepc, t0
    sret
1:  BACK_TO_M(2)
    CHECK_FROM_MODE(MSTATUS_MPP_S)
    andi a0, s6, MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP
    CHECK_EQ(a0, MSTATUS_SIE | MSTATUS_SPIE)

    TEST_CASE(10)                       /* wfi: fine in M and S, illegal in U and in S with TW */
    wfi
    ENTER_MODE(MSTATUS_MPP_S, 1)
    wfi
    BACK_TO_M(2)
    ENTER_MODE(0, 3)
    EXPECT_TRAP(4f)
    wfi
4:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    li t0, MSTATUS_TW
    csrs mstatus, t0
    ENTER_MODE(MSTATUS_MPP_S, 5)
    EXPECT_TRAP(6f)
    wfi
6:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    li t0, MSTATUS_TW
    csrc mstatus, t0

    TEST_CASE(11)                       /* medeleg sends U's ecall to S-mode (stvec), SPP = U */
    li t0, 1 << CAUSE_ECALL_U
    csrw medeleg, t0
    ENTER_MODE(0, 1)
    EXPECT_TRAP(2f)
3:  ecall
2:  CHECK_EQ(s2, CAUSE_ECALL_U)         /* recorded by record_trap_s, now in S-mode */
    lla t0, 3b
    bne s3, t0, fail
    andi a0, s6, MSTATUS_SPP
    CHECK_EQ(a0, 0)
    csrr a0, sstatus                    /* S-mode can read sstatus: we are in S */
    BACK_TO_M(4)
    CHECK_EQ(s2, CAUSE_ECALL_S)         /* ecall from S is not delegated */

    TEST_CASE(12)                       /* delegated exceptions taken in M-mode stay in M */
    li t0, 1 << CAUSE_BREAKPOINT
    csrw medeleg, t0
    EXPECT_TRAP(1f)
    ebreak
1:  CHECK_EQ(s2, CAUSE_BREAKPOINT)
    CHECK_FROM_MODE(MSTATUS_MPP)
    csrw medeleg, zero
PTEST_END
