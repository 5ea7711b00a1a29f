/* Sv39 paging in S-mode: translation through 4 KiB pages and a megapage, the accessed and dirty
 * bits set by the hardware, page faults with the faulting address in mtval/stval, SUM, MXR,
 * MPRV, sfence.vma, non-canonical addresses, and page faults delegated to S-mode.
 *
 * Layout: RAM 0x80000000-0x801fffff is one identity megapage (S, RWX), where this code runs;
 * test pages live at virtual 0x40000000 + 4 KiB * N (pt_l0 entry N):
 *   0  page_a  R W      A and D clear
 *   1  page_a  R        A
 *   2  not valid
 *   3  page_a  R W U    A D
 *   4  page_a  X        A  (execute-only)
 *   5  page_b  R W      A D */
#include "priv_macros.h"

#define VA(n) (0x40000000 + 0x1000 * (n))

/* reg = the PTE of physical `label` with `flags`; clobbers t0. */
#define PTE_OF(reg, label, flags) lla reg, label; srli reg, reg, 12; slli reg, reg, 10; ori reg, reg, flags;

PTEST_BEGIN
    lla a0, pt_root
    PTE_OF(t1, pt_l1, PTE_V)
    sd t1, 16(a0)                       /* root[2]: 0x80000000.. */
    PTE_OF(t1, pt_l1b, PTE_V)
    sd t1, 8(a0)                        /* root[1]: 0x40000000.. */
    li t1, ((0x80000000 >> 12) << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D
    lla t2, pt_l1
    sd t1, 0(t2)
    PTE_OF(t1, pt_l0, PTE_V)
    lla t2, pt_l1b
    sd t1, 0(t2)
    lla a1, pt_l0
    PTE_OF(t1, page_a, PTE_V | PTE_R | PTE_W)
    sd t1, 0(a1)
    PTE_OF(t1, page_a, PTE_V | PTE_R | PTE_A)
    sd t1, 8(a1)
    PTE_OF(t1, page_a, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)
    sd t1, 24(a1)
    PTE_OF(t1, page_a, PTE_V | PTE_X | PTE_A)
    sd t1, 32(a1)
    PTE_OF(t1, page_b, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
    sd t1, 40(a1)
    li t1, 0x1234
    lla t2, page_a
    sd t1, 0(t2)
    li t1, 0x5678
    lla t2, page_b
    sd t1, 0(t2)
    srli t1, a0, 12
    li t2, SATP_SV39
    or t1, t1, t2
    csrw satp, t1
    sfence.vma

    TEST_CASE(1)                        /* a load sets A, not D */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    li t1, VA(0)
    ld a2, 0(t1)
    BACK_TO_M(2)
    CHECK_EQ(a2, 0x1234)
    ld t1, 0(a1)
    andi t1, t1, PTE_A | PTE_D
    CHECK_EQ(t1, PTE_A)

    TEST_CASE(2)                        /* a store sets D */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    li t1, VA(0)
    li t2, 0x4321
    sd t2, 8(t1)
    BACK_TO_M(2)
    ld t1, 0(a1)
    andi t1, t1, PTE_A | PTE_D
    CHECK_EQ(t1, PTE_A | PTE_D)
    lla t1, page_a
    ld t1, 8(t1)
    CHECK_EQ(t1, 0x4321)

    TEST_CASE(3)                        /* an invalid PTE: load page fault, mtval = address */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    li t1, VA(2) + 16
    ld a2, 0(t1)
2:  CHECK_EQ(s2, CAUSE_LOAD_PAGE)
    CHECK_EQ(s4, VA(2) + 16)

    TEST_CASE(4)                        /* a store to a read-only page: store page fault */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    li t1, VA(1)
    sd zero, 0(t1)
2:  CHECK_EQ(s2, CAUSE_STORE_PAGE)
    CHECK_EQ(s4, VA(1))
    TEST_CASE(5)                        /* ... and an AMO too */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    li t1, VA(1)
    amoadd.d a2, zero, (t1)
2:  CHECK_EQ(s2, CAUSE_STORE_PAGE)

    TEST_CASE(6)                        /* a user page from S: only with SUM */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    li t1, VA(3)
    ld a2, 0(t1)
2:  CHECK_EQ(s2, CAUSE_LOAD_PAGE)
    li t1, MSTATUS_SUM
    csrs mstatus, t1
    ENTER_MODE(MSTATUS_MPP_S, 3)
    li t1, VA(3)
    ld a2, 0(t1)
    BACK_TO_M(4)
    CHECK_EQ(a2, 0x1234)
    li t1, MSTATUS_SUM
    csrc mstatus, t1

    TEST_CASE(7)                        /* an execute-only page is readable only with MXR */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    li t1, VA(4)
    ld a2, 0(t1)
2:  CHECK_EQ(s2, CAUSE_LOAD_PAGE)
    li t1, MSTATUS_MXR
    csrs mstatus, t1
    ENTER_MODE(MSTATUS_MPP_S, 3)
    li t1, VA(4)
    ld a2, 0(t1)
    BACK_TO_M(4)
    CHECK_EQ(a2, 0x1234)
    li t1, MSTATUS_MXR
    csrc mstatus, t1

    TEST_CASE(8)                        /* fetching from a page without X: fetch page fault */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    li t1, VA(0)
    jr t1
2:  CHECK_EQ(s2, CAUSE_FETCH_PAGE)
    CHECK_EQ(s4, VA(0))
    CHECK_EQ(s3, VA(0))

    TEST_CASE(9)                        /* M-mode with MPRV and MPP = S loads through the tables */
    li t1, MSTATUS_MPRV | MSTATUS_MPP_S
    csrs mstatus, t1
    li t1, VA(5)
    ld a2, 0(t1)
    li t1, MSTATUS_MPRV | MSTATUS_MPP
    csrc mstatus, t1
    CHECK_EQ(a2, 0x5678)

    TEST_CASE(10)                       /* a changed PTE is seen after sfence.vma */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    li t1, VA(1)
    ld a2, 0(t1)                        /* cached: page_a */
    BACK_TO_M(2)
    CHECK_EQ(a2, 0x1234)
    PTE_OF(t1, page_b, PTE_V | PTE_R | PTE_A)
    sd t1, 8(a1)
    ENTER_MODE(MSTATUS_MPP_S, 3)
    sfence.vma
    li t1, VA(1)
    ld a2, 0(t1)
    BACK_TO_M(4)
    CHECK_EQ(a2, 0x5678)

    TEST_CASE(11)                       /* a non-canonical address (bit 38 not copied above) */
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    li t1, 0x0000004000000000
    ld a2, 0(t1)
2:  CHECK_EQ(s2, CAUSE_LOAD_PAGE)

    TEST_CASE(12)                       /* page faults delegated: S-mode's handler gets them */
    li t1, 1 << CAUSE_LOAD_PAGE
    csrw medeleg, t1
    ENTER_MODE(MSTATUS_MPP_S, 1)
    EXPECT_TRAP(2f)
    li t1, VA(2)
    ld a2, 0(t1)
2:  CHECK_EQ(s2, CAUSE_LOAD_PAGE)       /* recorded by record_trap_s, still in S-mode */
    CHECK_EQ(s4, VA(2))
    BACK_TO_M(3)
    CHECK_EQ(s2, CAUSE_ECALL_S)
    csrw medeleg, zero
    csrw satp, zero
PTEST_END

    .data
    .align 12
pt_root: .fill 512, 8, 0
pt_l1:   .fill 512, 8, 0
pt_l1b:  .fill 512, 8, 0
pt_l0:   .fill 512, 8, 0
page_a:  .fill 512, 8, 0
page_b:  .fill 512, 8, 0
