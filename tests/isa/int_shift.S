/* Shifts: register amounts use only the low 6 bits (low 5 for the *W forms), immediate amounts
 * 0..63 (0..31 for *W), logical vs arithmetic right shifts, and the *W forms' sign extension of
 * their 32-bit result — even for a logical shift by 0.  Expected values agree with qemu. */
#include "int_macros.h"

#define X 0x8123456789abcdef   /* top bit set, distinct bytes */

TEST_BEGIN
    /* sll by register */
    TEST_RR(1, sll, X, X, 0)
    TEST_RR(2, sll, 0x02468acf13579bde, X, 1)
    TEST_RR(3, sll, 0xc4d5e6f780000000, X, 31)
    TEST_RR(4, sll, 0x89abcdef00000000, X, 32)
    TEST_RR(5, sll, 0x8000000000000000, X, 63)
    TEST_RR(6, sll, X, X, 64)                      /* only the low 6 bits count */
    TEST_RR(7, sll, 0x02468acf13579bde, X, 65)
    TEST_RR(8, sll, 0x8000000000000000, X, -1)     /* -1 & 63 = 63 */
    /* srl by register */
    TEST_RR(9, srl, X, X, 0)
    TEST_RR(10, srl, 0x4091a2b3c4d5e6f7, X, 1)
    TEST_RR(11, srl, 0x102468acf, X, 31)
    TEST_RR(12, srl, 0x81234567, X, 32)
    TEST_RR(13, srl, 1, X, 63)
    TEST_RR(14, srl, X, X, 128)
    /* sra by register */
    TEST_RR(15, sra, X, X, 0)
    TEST_RR(16, sra, 0xc091a2b3c4d5e6f7, X, 1)
    TEST_RR(17, sra, 0xffffffff02468acf, X, 31)
    TEST_RR(18, sra, 0xffffffff81234567, X, 32)
    TEST_RR(19, sra, -1, X, 63)
    TEST_RR(20, sra, 0x3fffffffffffffff, 0x7fffffffffffffff, 1)
    TEST_RR(21, sra, 0, 0x7fffffffffffffff, 63)
    TEST_RR(22, sra, X, X, 0x40)
    /* immediate forms */
    TEST_RI(23, slli, X, X, 0)
    TEST_RI(24, slli, 0xc4d5e6f780000000, X, 31)
    TEST_RI(25, slli, 0x89abcdef00000000, X, 32)
    TEST_RI(26, slli, 0x8000000000000000, X, 63)
    TEST_RI(27, srli, X, X, 0)
    TEST_RI(28, srli, 0x102468acf, X, 31)
    TEST_RI(29, srli, 0x81234567, X, 32)
    TEST_RI(30, srli, 1, X, 63)
    TEST_RI(31, srai, X, X, 0)
    TEST_RI(32, srai, 0xffffffff02468acf, X, 31)
    TEST_RI(33, srai, 0xffffffff81234567, X, 32)
    TEST_RI(34, srai, -1, X, 63)
    TEST_RI(35, srai, 0, 0x7fffffffffffffff, 63)

    /* 32-bit forms: the shift amount is the low 5 bits, the upper input half is ignored,
     * and the 32-bit result is sign-extended */
    TEST_RR(36, sllw, 0xffffffff89abcdef, X, 0)
    TEST_RR(37, sllw, 0x13579bde, X, 1)
    TEST_RR(38, sllw, 0xffffffff80000000, X, 31)
    TEST_RR(39, sllw, 0xffffffff89abcdef, X, 32)   /* 32 & 31 = 0 */
    TEST_RR(40, sllw, 0x13579bde, X, 33)
    TEST_RR(41, sllw, 0xffffffff80000000, 1, 31)
    TEST_RR(42, srlw, 0xffffffff89abcdef, X, 0)    /* logical shift by 0 still sign-extends */
    TEST_RR(43, srlw, 0x44d5e6f7, X, 1)
    TEST_RR(44, srlw, 1, X, 31)
    TEST_RR(45, srlw, 0xffffffff89abcdef, X, 32)
    TEST_RR(46, srlw, 0x40000000, 0xffffffff80000000, 1)
    TEST_RR(47, srlw, 0x7fffffff, 0x00000000ffffffff, 1)
    TEST_RR(48, sraw, 0xffffffff89abcdef, X, 0)
    TEST_RR(49, sraw, 0xffffffffc4d5e6f7, X, 1)
    TEST_RR(50, sraw, -1, X, 31)
    TEST_RR(51, sraw, 0xffffffff89abcdef, X, 32)
    TEST_RR(52, sraw, 0, 0xffffffff7fffffff, 31)
    TEST_RR(53, sraw, 0x3fffffff, 0x000000007fffffff, 1)
    TEST_RI(54, slliw, 0xffffffff89abcdef, X, 0)
    TEST_RI(55, slliw, 0xffffffff80000000, X, 31)
    TEST_RI(56, slliw, 0x13579bde, X, 1)
    TEST_RI(57, slliw, 0xffffffff80000000, 0xffffffff00000001, 31)
    TEST_RI(58, srliw, 0xffffffff89abcdef, X, 0)
    TEST_RI(59, srliw, 0x44d5e6f7, X, 1)
    TEST_RI(60, srliw, 1, X, 31)
    TEST_RI(61, srliw, 0, 0xffffffff00000000, 1)
    TEST_RI(62, sraiw, 0xffffffff89abcdef, X, 0)
    TEST_RI(63, sraiw, -1, X, 31)
    TEST_RI(64, sraiw, 0xfffffffff89abcde, X, 4)
    TEST_RI(65, sraiw, 0x7ffffff, 0xffffffff7fffffff, 4)

    /* aliasing and x0 */
    TEST_RR_DEST_IS_SRC1(66, sll, 0x80, 1, 7)
    TEST_RR_DEST_IS_SRC2(67, srl, 0x10, 0x800, 7)
    TEST_RR_DEST_IS_BOTH(68, sll, 0x380, 7)        /* 7 << 7 */
    TEST_RR_DEST_IS_BOTH(69, sraw, 0xffffffff80000000, 0x80000000)  /* shift by 0 */
    TEST_RR_ZERO_SRC1(70, sra, 0, 5)
    TEST_RR_ZERO_DEST(71, sll, 1, 1)
TEST_END
