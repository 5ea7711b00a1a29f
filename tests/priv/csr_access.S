/* CSR rules: identification registers, read-only fields, WARL fields, illegal instructions for
 * unknown CSRs, writes to read-only CSRs and accesses from too low a privilege, the counter
 * enables, and sstatus/sie/sip as views of the machine registers. */
#include "priv_macros.h"

PTEST_BEGIN
    TEST_CASE(1)                        /* misa: RV64 IMAFDC with S and U */
    csrr a0, misa
    srli a1, a0, 62
    CHECK_EQ(a1, 2)
    li t0, (1 << ('S' - 'A')) | (1 << ('U' - 'A')) | (1 << ('I' - 'A')) | (1 << ('C' - 'A'))
    and a1, a0, t0
    CHECK_EQ(a1, (1 << ('S' - 'A')) | (1 << ('U' - 'A')) | (1 << ('I' - 'A')) | (1 << ('C' - 'A')))
    TEST_CASE(2)
    CHECK_CSR(mhartid, 0)
    CHECK_CSR(mvendorid, 0)

    TEST_CASE(3)                        /* UXL and SXL are 2 (64-bit) and read-only */
    csrr a0, mstatus
    srli a0, a0, 32
    andi a0, a0, 0xf
    CHECK_EQ(a0, 0xa)

    TEST_CASE(4)                        /* a write to a read-only CSR is illegal; mtval = encoding */
    EXPECT_TRAP(1f)
    csrw mhartid, zero
1:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    lwu a0, 0(s3)
    CHECK_EQ(s4, 0xf1401073)
    bne a0, s4, fail

    TEST_CASE(5)                        /* an unknown CSR is illegal */
    EXPECT_TRAP(1f)
    csrr a0, 0x7c0
1:  CHECK_EQ(s2, CAUSE_ILLEGAL)

    TEST_CASE(6)                        /* csrr of a read-only CSR is fine */
    EXPECT_TRAP(1f)
    csrr a0, mimpid
    j 2f
1:  j fail
2:  CHECK_EQ(s2, -1)

    TEST_CASE(7)                        /* MPP is WARL: the reserved 2 leaves it unchanged */
    li t0, MSTATUS_MPP
    csrc mstatus, t0
    li t0, 0x1000
    csrs mstatus, t0
    csrr a0, mstatus
    li t0, MSTATUS_MPP
    and a0, a0, t0
    CHECK_EQ(a0, 0)

    TEST_CASE(8)                        /* satp: an unsupported mode (Sv57) is ignored */
    csrw satp, zero
    li t0, (10 << 60) | 0x1234
    csrw satp, t0
    CHECK_CSR(satp, 0)
    li t0, (8 << 60) | 0x80123
    csrw satp, t0
    CHECK_CSR(satp, (8 << 60) | 0x80123)
    csrw satp, zero

    TEST_CASE(9)                        /* mtvec's reserved mode 2 becomes direct; mepc is even */
    csrr s7, mtvec
    li t0, 0x80001002
    csrw mtvec, t0
    csrr a0, mtvec
    csrw mtvec, s7
    andi a0, a0, 3
    CHECK_EQ(a0, 0)
    li t0, 0x80001003
    csrw mepc, t0
    CHECK_CSR(mepc, 0x80001002)

    TEST_CASE(10)                       /* delegable exceptions and interrupts */
    li t0, -1
    csrw medeleg, t0
    CHECK_CSR(medeleg, 0xb3ff)
    csrw mideleg, t0
    CHECK_CSR(mideleg, 0x222)
    csrw medeleg, zero
    csrw mideleg, zero

    TEST_CASE(11)                       /* sstatus shows SIE of mstatus; sie is mie under mideleg */
    csrsi sstatus, MSTATUS_SIE
    csrr a0, mstatus
    andi a0, a0, MSTATUS_SIE
    CHECK_EQ(a0, MSTATUS_SIE)
    csrci sstatus, MSTATUS_SIE
    li t0, 0x222
    csrw mie, t0
    CHECK_CSR(sie, 0)
    li t0, 0x20
    csrw mideleg, t0
    CHECK_CSR(sie, 0x20)
    csrw mie, zero
    csrw mideleg, zero
    csrr a0, sstatus                    /* MPP, MIE, MPIE are not visible */
    li t0, MSTATUS_MPP | MSTATUS_MIE | MSTATUS_MPIE
    and a0, a0, t0
    CHECK_EQ(a0, 0)

    TEST_CASE(12)                       /* U-mode may not touch machine or supervisor CSRs */
    ENTER_MODE(0, 1)
    EXPECT_TRAP(2f)
    csrr a0, mstatus
2:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    CHECK_FROM_MODE(0)
    TEST_CASE(13)
    ENTER_MODE(0, 1)
    EXPECT_TRAP(2f)
    csrr a0, sscratch
2:  CHECK_EQ(s2, CAUSE_ILLEGAL)

    TEST_CASE(14)                       /* S-mode may not touch machine CSRs, may its own */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    csrw sscratch, 5
    csrr a0, sscratch
    EXPECT_TRAP(2f)
    csrr a1, mscratch
2:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    CHECK_FROM_MODE(MSTATUS_MPP_S)
    CHECK_EQ(a0, 5)

    TEST_CASE(15)                       /* counters below M need mcounteren (and scounteren for U) */
    csrw mcounteren, zero
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    csrr a0, cycle
2:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    TEST_CASE(16)
    li t0, 7
    csrw mcounteren, t0
    csrw scounteren, zero
    ENTER_MODE(MSTATUS_MPP_S, 1)
    csrr a0, instret                    /* S: allowed by mcounteren */
    BACK_TO_M(2)
    CHECK_EQ(s2, CAUSE_ECALL_S)
    ENTER_MODE(0, 4)
    EXPECT_TRAP(3f)
    csrr a0, time                       /* U: scounteren is 0 */
3:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    CHECK_FROM_MODE(0)

    TEST_CASE(17)                       /* satp under TVM is illegal in S-mode */
    li t0, MSTATUS_TVM
    csrs mstatus, t0
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    csrr a0, satp
2:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    li t0, MSTATUS_TVM
    csrc mstatus, t0

    TEST_CASE(18)                       /* minstret and mcycle are writable, instret follows */
    li t0, 1000
    csrw minstret, t0
    csrr a0, minstret
    CHECK_EQ(a0, 1000)
    csrr a0, instret
    CHECK_EQ(a0, 1003)                  /* three instructions later (li, bne and csrr) */

    TEST_CASE(19)                       /* PMP: odd pmpcfg are not in RV64; unlocked entries
                                         * read back, W without R is not kept */
    EXPECT_TRAP(1f)
    csrr a0, 0x3a1
1:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    li t0, 0x12345
    csrw pmpaddr3, t0
    CHECK_CSR(pmpaddr3, 0x12345)
    csrr s7, pmpcfg0
    li t0, 0x0a << 24                   /* entry 3: TOR, W only */
    csrs pmpcfg0, t0
    csrr a0, pmpcfg0
    srli a0, a0, 24
    andi a0, a0, 0xff
    CHECK_EQ(a0, 0x08)
    csrw pmpcfg0, s7
PTEST_END
