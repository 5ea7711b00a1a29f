/* Zbc carry-less products: low, high and reversed halves of the 128-bit product.  Expected
 * values agree with qemu. */
#include "int_macros.h"

    .option arch, +zbc

#define X 0x8123456789abcdef

TEST_BEGIN
    /* clmul */
    TEST_RR(1, clmul, 0x0, 0x0, 0x0)
    TEST_RR(2, clmul, 0x0, 0x0, 0x8000000000000000)
    TEST_RR(3, clmul, 0x1, 0x1, 0x1)
    TEST_RR(4, clmul, 0x8123456789abcdef, 0x1, 0x8123456789abcdef)
    TEST_RR(5, clmul, 0x5555555555555555, 0xffffffffffffffff, 0xffffffffffffffff)
    TEST_RR(6, clmul, 0x0, 0x8000000000000000, 0x0)
    TEST_RR(7, clmul, 0x0, 0x8000000000000000, 0x8000000000000000)
    TEST_RR(8, clmul, 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1)
    TEST_RR(9, clmul, 0xe13cdd789944a5, 0x7fffffffffffffff, 0x8123456789abcdef)
    TEST_RR(10, clmul, 0x55555555, 0xffffffff, 0xffffffffffffffff)
    TEST_RR(11, clmul, 0x0, 0x8123456789abcdef, 0x0)
    TEST_RR(12, clmul, 0x8000000000000000, 0x8123456789abcdef, 0x8000000000000000)
    TEST_RR_DEST_IS_SRC1(13, clmul, 0x87e8da36bc53618d, 0x8123456789abcdef, 0x7)
    TEST_RR_DEST_IS_SRC2(14, clmul, 0x87e8da36bc53618d, 0x8123456789abcdef, 0x7)
    TEST_RR_DEST_IS_BOTH(15, clmul, 0x4041444550515455, 0x8123456789abcdef)
    TEST_RR_ZERO_SRC1(16, clmul, 0x0, 0x7)
    TEST_RR_ZERO_DEST(17, clmul, 0x8123456789abcdef, 0x7)
    /* clmulh */
    TEST_RR(18, clmulh, 0x0, 0x0, 0x0)
    TEST_RR(19, clmulh, 0x0, 0x0, 0x8000000000000000)
    TEST_RR(20, clmulh, 0x0, 0x1, 0x1)
    TEST_RR(21, clmulh, 0x0, 0x1, 0x8123456789abcdef)
    TEST_RR(22, clmulh, 0x5555555555555555, 0xffffffffffffffff, 0xffffffffffffffff)
    TEST_RR(23, clmulh, 0x0, 0x8000000000000000, 0x0)
    TEST_RR(24, clmulh, 0x4000000000000000, 0x8000000000000000, 0x8000000000000000)
    TEST_RR(25, clmulh, 0x0, 0x7fffffffffffffff, 0x1)
    TEST_RR(26, clmulh, 0x3f8f619143b35dad, 0x7fffffffffffffff, 0x8123456789abcdef)
    TEST_RR(27, clmulh, 0x55555555, 0xffffffff, 0xffffffffffffffff)
    TEST_RR(28, clmulh, 0x0, 0x8123456789abcdef, 0x0)
    TEST_RR(29, clmulh, 0x4091a2b3c4d5e6f7, 0x8123456789abcdef, 0x8000000000000000)
    TEST_RR_DEST_IS_SRC1(30, clmulh, 0x3, 0x8123456789abcdef, 0x7)
    TEST_RR_DEST_IS_SRC2(31, clmulh, 0x3, 0x8123456789abcdef, 0x7)
    TEST_RR_DEST_IS_BOTH(32, clmulh, 0x4001040510111415, 0x8123456789abcdef)
    TEST_RR_ZERO_SRC1(33, clmulh, 0x0, 0x7)
    TEST_RR_ZERO_DEST(34, clmulh, 0x8123456789abcdef, 0x7)
    /* clmulr */
    TEST_RR(35, clmulr, 0x0, 0x0, 0x0)
    TEST_RR(36, clmulr, 0x0, 0x0, 0x8000000000000000)
    TEST_RR(37, clmulr, 0x0, 0x1, 0x1)
    TEST_RR(38, clmulr, 0x1, 0x1, 0x8123456789abcdef)
    TEST_RR(39, clmulr, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffffff, 0xffffffffffffffff)
    TEST_RR(40, clmulr, 0x0, 0x8000000000000000, 0x0)
    TEST_RR(41, clmulr, 0x8000000000000000, 0x8000000000000000, 0x8000000000000000)
    TEST_RR(42, clmulr, 0x0, 0x7fffffffffffffff, 0x1)
    TEST_RR(43, clmulr, 0x7f1ec3228766bb5a, 0x7fffffffffffffff, 0x8123456789abcdef)
    TEST_RR(44, clmulr, 0xaaaaaaaa, 0xffffffff, 0xffffffffffffffff)
    TEST_RR(45, clmulr, 0x0, 0x8123456789abcdef, 0x0)
    TEST_RR(46, clmulr, 0x8123456789abcdef, 0x8123456789abcdef, 0x8000000000000000)
    TEST_RR_DEST_IS_SRC1(47, clmulr, 0x7, 0x8123456789abcdef, 0x7)
    TEST_RR_DEST_IS_SRC2(48, clmulr, 0x7, 0x8123456789abcdef, 0x7)
    TEST_RR_DEST_IS_BOTH(49, clmulr, 0x8002080a2022282a, 0x8123456789abcdef)
    TEST_RR_ZERO_SRC1(50, clmulr, 0x0, 0x7)
    TEST_RR_ZERO_DEST(51, clmulr, 0x8123456789abcdef, 0x7)
TEST_END
