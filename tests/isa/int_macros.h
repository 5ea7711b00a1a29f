/* Integer helpers for the tests/isa/int_*.S programs, on top of the shared test_macros.h
 * (TEST_BEGIN/TEST_CASE/CHECK_EQ/TEST_END; TESTNUM is s11, t5/t6 are the checks' scratch).
 *
 * Operands go to a1 (and a2), the result to a0, so a test line reads like the instruction's
 * definition:  TEST_RR(3, add, 0x8000000000000000, 0x7fffffffffffffff, 1)  */
#ifndef SNAPSIM_TESTS_ISA_INT_MACROS_H
#define SNAPSIM_TESTS_ISA_INT_MACROS_H

#include "test_macros.h"

/* gp is never set up in these bare programs, so the linker must not relax lla/la of data into
 * gp-relative addressing (it would, for data near __global_pointer$). */
    .option norelax

/* rd = inst(rs1, rs2) */
#define TEST_RR(n, inst, result, v1, v2) \
    TEST_CASE(n) li a1, v1; li a2, v2; inst a0, a1, a2; CHECK_EQ(a0, result)

/* rd = inst(rs1, imm) */
#define TEST_RI(n, inst, result, v1, imm) \
    TEST_CASE(n) li a1, v1; inst a0, a1, imm; CHECK_EQ(a0, result)

/* rd = inst(rs1), the unary bit-manipulation operations */
#define TEST_R1(n, inst, result, v1) \
    TEST_CASE(n) li a1, v1; inst a0, a1; CHECK_EQ(a0, result)
#define TEST_R1_DEST_IS_SRC(n, inst, result, v1) \
    TEST_CASE(n) li a1, v1; inst a1, a1; CHECK_EQ(a1, result)
#define TEST_R1_ZERO_SRC(n, inst, result) \
    TEST_CASE(n) inst a0, zero; CHECK_EQ(a0, result)

/* The destination is also a source: the instruction must read before it writes. */
#define TEST_RR_DEST_IS_SRC1(n, inst, result, v1, v2) \
    TEST_CASE(n) li a1, v1; li a2, v2; inst a1, a1, a2; CHECK_EQ(a1, result)
#define TEST_RR_DEST_IS_SRC2(n, inst, result, v1, v2) \
    TEST_CASE(n) li a1, v1; li a2, v2; inst a2, a1, a2; CHECK_EQ(a2, result)
#define TEST_RR_DEST_IS_BOTH(n, inst, result, v1) \
    TEST_CASE(n) li a1, v1; inst a1, a1, a1; CHECK_EQ(a1, result)
#define TEST_RI_DEST_IS_SRC(n, inst, result, v1, imm) \
    TEST_CASE(n) li a1, v1; inst a1, a1, imm; CHECK_EQ(a1, result)

/* x0 as a source reads zero; x0 as the destination stays zero. */
#define TEST_RR_ZERO_SRC1(n, inst, result, v2) \
    TEST_CASE(n) li a2, v2; inst a0, zero, a2; CHECK_EQ(a0, result)
#define TEST_RR_ZERO_DEST(n, inst, v1, v2) \
    TEST_CASE(n) li a1, v1; li a2, v2; inst zero, a1, a2; CHECK_EQ(zero, 0)

/* Branches: the taken form must reach its target, the not-taken form must fall through. */
#define TEST_BR_TAKEN(n, inst, v1, v2) \
    TEST_CASE(n) li a1, v1; li a2, v2; inst a1, a2, 1f; j fail; 1:
#define TEST_BR_NOT_TAKEN(n, inst, v1, v2) \
    TEST_CASE(n) li a1, v1; li a2, v2; inst a1, a2, fail;

/* Loads from a labelled address plus an offset (may be misaligned). */
#define TEST_LOAD(n, inst, result, base, offset) \
    TEST_CASE(n) lla a1, base; inst a0, offset(a1); CHECK_EQ(a0, result)

#endif
