/* Loads and stores of every width: sign and zero extension, negative offsets, misaligned
 * addresses (which user-mode Linux must complete, in hardware or by emulation), an access that
 * straddles a page boundary, and stores that must leave neighbouring bytes alone.
 * Expected values agree with qemu-riscv64. */
#include "int_macros.h"

TEST_BEGIN
    /* aligned loads, sign vs zero extension: bytes 80 7f 01 fe 12 34 56 78 ... */
    TEST_LOAD(1, lb, 0xffffffffffffff80, pattern, 0)
    TEST_LOAD(2, lbu, 0x80, pattern, 0)
    TEST_LOAD(3, lb, 0x7f, pattern, 1)
    TEST_LOAD(4, lbu, 0xfe, pattern, 3)
    TEST_LOAD(5, lh, 0x7f80, pattern, 0)
    TEST_LOAD(6, lh, 0xfffffffffffffe01, pattern, 2)
    TEST_LOAD(7, lhu, 0xfe01, pattern, 2)
    TEST_LOAD(8, lw, 0xfffffffffe017f80, pattern, 0)
    TEST_LOAD(9, lwu, 0xfe017f80, pattern, 0)
    TEST_LOAD(10, lw, 0x78563412, pattern, 4)
    TEST_LOAD(11, lwu, 0x78563412, pattern, 4)
    TEST_LOAD(12, ld, 0x78563412fe017f80, pattern, 0)
    TEST_LOAD(13, ld, 0x44332211f0debc9a, pattern, 8)

    /* negative offsets from a base past the data */
    TEST_LOAD(14, lb, 0xffffffffffffff80, pattern + 16, -16)
    TEST_LOAD(15, ld, 0x44332211f0debc9a, pattern + 16, -8)
    TEST_LOAD(16, lhu, 0x4433, pattern + 2048, -2034)

    /* misaligned loads */
    TEST_LOAD(17, lh, 0x017f, pattern, 1)
    TEST_LOAD(18, lhu, 0x9a78, pattern, 7)
    TEST_LOAD(19, lh, 0xffffffffffff9a78, pattern, 7)
    TEST_LOAD(20, lw, 0x12fe017f, pattern, 1)
    TEST_LOAD(21, lw, 0xffffffff9a785634, pattern, 5)
    TEST_LOAD(22, lwu, 0x9a785634, pattern, 5)
    TEST_LOAD(23, lw, 0xffffffffdebc9a78, pattern, 7)
    TEST_LOAD(24, ld, 0xdebc9a78563412fe, pattern, 3)
    TEST_LOAD(25, ld, 0x2211f0debc9a7856, pattern, 6)

    /* stores write exactly their width */
    TEST_CASE(26)
    lla a1, scratch
    li a2, -1
    sd a2, 0(a1)
    sd a2, 8(a1)
    sb zero, 3(a1)
    ld a0, 0(a1)
    CHECK_EQ(a0, 0xffffffff00ffffff)
    TEST_CASE(27)
    li a2, 0x1234
    sh a2, 4(a1)
    ld a0, 0(a1)
    CHECK_EQ(a0, 0xffff123400ffffff)
    TEST_CASE(28)
    li a2, 0xaabbccdd11223344     /* sw keeps only the low 32 bits */
    sw a2, 8(a1)
    ld a0, 8(a1)
    CHECK_EQ(a0, 0xffffffff11223344)
    TEST_CASE(29)
    sd zero, 0(a1)
    li a2, 0x0102030405060708
    sd a2, 0(a1)
    lbu a0, 0(a1)
    CHECK_EQ(a0, 0x08)                /* little-endian */
    TEST_CASE(30)
    lbu a0, 7(a1)
    CHECK_EQ(a0, 0x01)

    /* misaligned stores, then read back aligned */
    TEST_CASE(31)
    sd zero, 0(a1)
    sd zero, 8(a1)
    li a2, 0x8899aabb
    sw a2, 3(a1)
    ld a0, 0(a1)
    CHECK_EQ(a0, 0x8899aabb000000)
    TEST_CASE(32)
    li a2, 0x1122334455667788
    sd a2, 5(a1)
    ld a0, 0(a1)
    CHECK_EQ(a0, 0x667788aabb000000)
    TEST_CASE(33)
    ld a0, 8(a1)
    CHECK_EQ(a0, 0x0000001122334455)
    TEST_CASE(34)
    li a2, 0xcafe
    sh a2, 1(a1)
    lhu a0, 1(a1)
    CHECK_EQ(a0, 0xcafe)
    TEST_CASE(35)
    ld a0, 0(a1)
    CHECK_EQ(a0, 0x667788aabbcafe00)

    /* a misaligned doubleword across a page boundary: bytes 4093..4100 of the page pair */
    TEST_CASE(36)
    lla a1, two_pages
    li t0, 4093
    add a1, a1, t0
    li a2, 0x0807060504030201
    sd a2, 0(a1)
    ld a0, 0(a1)
    CHECK_EQ(a0, 0x0807060504030201)
    TEST_CASE(37)
    lla a3, two_pages
    li t0, 4096
    add a3, a3, t0
    lbu a0, 0(a3)                     /* first byte of the second page */
    CHECK_EQ(a0, 0x04)
    TEST_CASE(38)
    lw a0, -4(a3)                     /* last word of the first page: 03 02 01 00 */
    CHECK_EQ(a0, 0x03020100)
    TEST_CASE(39)
    lw a0, -2(a3)
    CHECK_EQ(a0, 0x05040302)

    /* loading into x0 discards the value; the base register may be the destination */
    TEST_CASE(40)
    lla a1, pattern
    ld zero, 0(a1)
    CHECK_EQ(zero, 0)
    TEST_CASE(41)
    lla a1, pattern
    ld a1, 8(a1)
    CHECK_EQ(a1, 0x44332211f0debc9a)

    /* store x0 */
    TEST_CASE(42)
    lla a1, scratch
    li a2, -1
    sd a2, 0(a1)
    sw zero, 2(a1)
    ld a0, 0(a1)
    CHECK_EQ(a0, 0xffff00000000ffff)
TEST_END

    .data
    .balign 8
pattern:
    .byte 0x80, 0x7f, 0x01, 0xfe, 0x12, 0x34, 0x56, 0x78
    .byte 0x9a, 0xbc, 0xde, 0xf0, 0x11, 0x22, 0x33, 0x44
    .balign 8
scratch:
    .dword 0, 0, 0

    .bss
    .balign 4096
two_pages:
    .skip 8192
