/* Access faults and misaligned accesses on physical memory, PMP as OpenSBI programs it (TOR and
 * NAPOT entries for S/U, locked entries for M), and mstatus.FS: FP instructions illegal when
 * off, the state marked dirty (and SD set) when written. */
#include "priv_macros.h"

PTEST_BEGIN
    TEST_CASE(1)                        /* misaligned loads and stores are done in hardware */
    lla t1, buffer
    li t2, 0x1122334455667788
    sd t2, 3(t1)
    ld a0, 3(t1)
    CHECK_EQ(a0, 0x1122334455667788)
    lw a0, 5(t1)
    CHECK_EQ(a0, 0x33445566)

    TEST_CASE(2)                        /* misaligned atomics trap: AMO as a store, LR as a load */
    EXPECT_TRAP(1f)
    amoadd.w a0, zero, (t1)             /* t1 + 0 is aligned: no trap */
    addi t2, t1, 2
    amoadd.w a0, zero, (t2)
1:  CHECK_EQ(s2, CAUSE_STORE_MISALIGNED)
    bne s4, t2, fail                    /* mtval: the misaligned address */
    EXPECT_TRAP(1f)
    lr.d a0, (t2)
1:  CHECK_EQ(s2, CAUSE_LOAD_MISALIGNED)

    TEST_CASE(3)                        /* nothing at a physical address: access faults */
    EXPECT_TRAP(1f)
    li t2, 0x1000
    ld a0, 0(t2)
1:  CHECK_EQ(s2, CAUSE_LOAD_ACCESS)
    CHECK_EQ(s4, 0x1000)
    EXPECT_TRAP(1f)
    sw zero, 0(t2)
1:  CHECK_EQ(s2, CAUSE_STORE_ACCESS)
    EXPECT_TRAP(1f)
    jr t2
1:  CHECK_EQ(s2, 1)                     /* instruction access fault */
    CHECK_EQ(s4, 0x1000)

    TEST_CASE(4)                        /* S-mode with no PMP entry matching: access fault */
    csrw pmpcfg0, zero
    EXPECT_TRAP(2f)
    ENTER_MODE(MSTATUS_MPP_S, 1)        /* the first fetch in S-mode faults */
    j fail
2:  CHECK_EQ(s2, 1)
    CHECK_FROM_MODE(MSTATUS_MPP_S)

    TEST_CASE(5)
    /* entry 0: TOR [0, buffer) RWX; entry 1: NAPOT 4 KiB at buffer, read-only */
    lla t1, buffer
    srli t2, t1, 2
    csrw pmpaddr0, t2
    ori t2, t2, 0x1ff                   /* NAPOT: 4 KiB = 2^(9+3) */
    csrw pmpaddr1, t2
    li t2, (0x19 << 8) | 0x0f           /* entry 1 NAPOT|R, entry 0 TOR|RWX */
    csrw pmpcfg0, t2
    ENTER_MODE(MSTATUS_MPP_S, 3)
    lla t1, buffer
    ld a0, 0(t1)                        /* readable */
    EXPECT_TRAP(4f)
    sd zero, 0(t1)
4:  CHECK_EQ(s2, CAUSE_STORE_ACCESS)
    CHECK_FROM_MODE(MSTATUS_MPP_S)

    TEST_CASE(6)                        /* beyond both entries: no match, a fault for S */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    lla t1, buffer
    li t2, 8192
    add t1, t1, t2
    ld a0, 0(t1)
2:  CHECK_EQ(s2, CAUSE_LOAD_ACCESS)

    TEST_CASE(7)                        /* M-mode ignores unlocked entries, obeys locked ones */
    lla t1, buffer
    sd zero, 0(t1)
    li t2, 0x80 << 8                    /* lock entry 1 (read-only) */
    csrs pmpcfg0, t2
    EXPECT_TRAP(1f)
    sd zero, 0(t1)
1:  CHECK_EQ(s2, CAUSE_STORE_ACCESS)
    CHECK_FROM_MODE(MSTATUS_MPP)
    li t2, 0xff << 8                    /* a locked entry cannot be changed */
    csrc pmpcfg0, t2
    csrr a0, pmpcfg0
    srli a0, a0, 8
    andi a0, a0, 0xff
    CHECK_EQ(a0, 0x99)

    TEST_CASE(8)                        /* FS off: FP instructions and fcsr are illegal */
    li t2, MSTATUS_FS
    csrc mstatus, t2
    EXPECT_TRAP(1f)
    fadd.d fa0, fa1, fa2
1:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    EXPECT_TRAP(1f)
    csrr a0, fflags
1:  CHECK_EQ(s2, CAUSE_ILLEGAL)
    EXPECT_TRAP(1f)
    fld fa0, 0(t1)
1:  CHECK_EQ(s2, CAUSE_ILLEGAL)

    TEST_CASE(9)                        /* FS initial: an FP write makes it dirty, and SD reads 1 */
    li t2, MSTATUS_FS_INITIAL
    csrs mstatus, t2
    csrr a0, mstatus
    bltz a0, fail                       /* SD is clear while FS is not dirty */
    fmv.d.x fa0, zero
    csrr a0, mstatus
    li t2, MSTATUS_FS
    and a1, a0, t2
    CHECK_EQ(a1, MSTATUS_FS)
    bgez a0, fail
PTEST_END

    .data
    .align 12
buffer: .fill 1024, 8, 0
