/* User-mode CSRs: the cycle/instret/time counters (readable, instret strictly increasing
 * across retired instructions, cycle and time never decreasing) and the floating-point CSRs —
 * fcsr as the concatenation of frm and fflags, the read-modify-write forms
 * csrrw/csrrs/csrrc and their immediate variants returning the old value, and FP instructions
 * accruing flags.  Expected values agree with qemu-riscv64. */
#include "int_macros.h"

TEST_BEGIN
    /* counters */
    TEST_CASE(1)
    rdinstret a0
    addi t0, zero, 1
    addi t0, t0, 1
    addi t0, t0, 1
    rdinstret a1
    bleu a1, a0, fail
    TEST_CASE(2)
    rdcycle a0
    li t0, 200
1:  addi t0, t0, -1
    bnez t0, 1b
    rdcycle a1
    bltu a1, a0, fail
    TEST_CASE(3)
    rdtime a0
    rdtime a1
    bltu a1, a0, fail
    TEST_CASE(4)                    /* csrr spelling of the same counter */
    csrr a0, instret
    csrrs a1, instret, zero
    bleu a1, a0, fail
    TEST_CASE(5)                    /* a loop of 1000 iterations retires at least 2000 */
    rdinstret a0
    li t0, 1000
2:  addi t0, t0, -1
    bnez t0, 2b
    rdinstret a1
    sub a1, a1, a0
    li t1, 2000
    bltu a1, t1, fail

    /* fcsr = frm << 5 | fflags; bits above 7 read as zero */
    TEST_CASE(6)
    csrw fcsr, zero
    frcsr a0
    CHECK_EQ(a0, 0)
    TEST_CASE(7)
    li t0, 0xff
    csrrw a0, fcsr, t0              /* returns the old value */
    CHECK_EQ(a0, 0)
    TEST_CASE(8)
    frcsr a0
    CHECK_EQ(a0, 0xff)
    TEST_CASE(9)
    frrm a0
    CHECK_EQ(a0, 7)
    TEST_CASE(10)
    frflags a0
    CHECK_EQ(a0, 0x1f)
    TEST_CASE(11)
    li t0, 0x3ff
    fscsr t0
    frcsr a0
    CHECK_EQ(a0, 0xff)
    TEST_CASE(12)                   /* writing frm leaves fflags alone */
    li t0, 2
    fsrm a0, t0                     /* swap: a0 = old frm */
    CHECK_EQ(a0, 7)
    TEST_CASE(13)
    frcsr a0
    CHECK_EQ(a0, (2 << 5) | 0x1f)
    TEST_CASE(14)                   /* writing fflags leaves frm alone */
    li t0, 0x05
    fsflags a0, t0
    CHECK_EQ(a0, 0x1f)
    TEST_CASE(15)
    frcsr a0
    CHECK_EQ(a0, (2 << 5) | 0x05)
    TEST_CASE(16)                   /* set and clear bits */
    li t0, 0x12
    csrrs a0, fflags, t0
    CHECK_EQ(a0, 0x05)
    TEST_CASE(17)
    frflags a0
    CHECK_EQ(a0, 0x17)
    TEST_CASE(18)
    li t0, 0x03
    csrrc a0, fflags, t0
    CHECK_EQ(a0, 0x17)
    TEST_CASE(19)
    frflags a0
    CHECK_EQ(a0, 0x14)
    TEST_CASE(20)                   /* immediate forms */
    csrrwi a0, fflags, 0x1
    CHECK_EQ(a0, 0x14)
    TEST_CASE(21)
    csrrsi a0, fflags, 0x8
    CHECK_EQ(a0, 0x1)
    TEST_CASE(22)
    csrrci a0, fflags, 0x1
    CHECK_EQ(a0, 0x9)
    TEST_CASE(23)
    frflags a0
    CHECK_EQ(a0, 0x8)
    TEST_CASE(24)
    csrrwi a0, frm, 4
    CHECK_EQ(a0, 2)
    TEST_CASE(25)
    frcsr a0
    CHECK_EQ(a0, (4 << 5) | 0x8)
    TEST_CASE(26)                   /* csrrs/csrrc with x0 or 0 only read */
    csrrs a0, fcsr, zero
    csrrci a1, fcsr, 0
    bne a0, a1, fail
    CHECK_EQ(a1, (4 << 5) | 0x8)
    TEST_CASE(27)                   /* fflags only keeps 5 bits */
    li t0, 0xff
    csrw fflags, t0
    frcsr a0
    CHECK_EQ(a0, (4 << 5) | 0x1f)

    /* FP operations accrue flags and use frm when the instruction says dyn */
    TEST_CASE(28)
    csrw fcsr, zero
    li t0, 0x3ff0000000000000       /* 1.0 */
    fmv.d.x ft0, t0
    fmv.d.x ft1, zero
    fdiv.d ft2, ft0, ft1            /* 1/0: divide by zero */
    frflags a0
    CHECK_EQ(a0, 0x08)
    TEST_CASE(29)
    li t0, 0x4008000000000000       /* 3.0 */
    fmv.d.x ft1, t0
    fdiv.d ft2, ft0, ft1            /* 1/3: inexact, accrued on top */
    frflags a0
    CHECK_EQ(a0, 0x09)
    TEST_CASE(30)
    fsrmi 3                         /* round up */
    fdiv.d ft2, ft0, ft1, dyn
    fmv.x.d a0, ft2
    CHECK_EQ(a0, 0x3fd5555555555556)
    TEST_CASE(31)
    fsrmi 2                         /* round down */
    fdiv.d ft2, ft0, ft1, dyn
    fmv.x.d a0, ft2
    CHECK_EQ(a0, 0x3fd5555555555555)
    TEST_CASE(32)
    fsrmi 0
    fsflagsi 0
    frcsr a0
    CHECK_EQ(a0, 0)
TEST_END
