/* Macros for the self-checking RV64 assembly tests in tests/isa/ (built with
 * riscv64-linux-gnu-gcc -static -nostdlib -march=rv64gc, so this file is run through the C
 * preprocessor).
 *
 * A program is
 *
 *     #include "test_macros.h"
 *     TEST_BEGIN
 *         TEST_CASE(1)
 *         ...instructions...; CHECK_EQ(a0, 42)
 *         TEST_CASE(2)
 *         ...
 *     TEST_END
 *
 * It exits with status 0 when every check passes, else with the number of the failing case.
 * Exit statuses are 8 bits, so case numbers run from 1 to 255 (enforced at assembly time).
 *
 * Register conventions: TESTNUM (s11) holds the current case number and t5/t6 are scratch for
 * the CHECK macros; tests must not rely on these across a CHECK.  The floating-point macros also
 * use t0 and t1, load their operands into fa1..fa3 and a1, and leave the result in fa0 or a0.
 * gp is never set up, so tests must not use it (hence TESTNUM is not gp). */
#ifndef SNAPSIM_TESTS_ISA_TEST_MACROS_H
#define SNAPSIM_TESTS_ISA_TEST_MACROS_H

#define TESTNUM s11

#define SYS_EXIT 93

/* ---- program structure ---- */

/* No relaxation: the tests never set up gp, so the linker must not turn address loads into
 * gp-relative ones.  The same source also builds for the bare machine's test environments
 * (tests/priv/env, with TEST_ENTRY=test_main), whose start-up code enters the test in U-mode
 * and turns the exit system call into an HTIF exit. */
#ifndef TEST_ENTRY
#define TEST_ENTRY _start
#endif
#define TEST_BEGIN            \
    .option norelax;          \
    .text;                    \
    .globl TEST_ENTRY;        \
    TEST_ENTRY:               \
    li TESTNUM, 0;

#define TEST_CASE(n)                                          \
    .if (n) < 1 || (n) > 255;                                 \
    .error "test case numbers must be in 1..255";             \
    .endif;                                                   \
    li TESTNUM, n;

/* Exits with 0 after the last case; FAIL exits with the case number. */
#define TEST_END              \
    li a0, 0;                 \
    li a7, SYS_EXIT;          \
    ecall;                    \
fail:                         \
    mv a0, TESTNUM;           \
    li a7, SYS_EXIT;          \
    ecall;

/* ---- checks (branch to fail on mismatch) ---- */

#define CHECK_EQ(reg, value)  \
    li t6, value;             \
    bne reg, t6, fail;

/* The accrued exception flags, then cleared for the next case. */
#define CHECK_FFLAGS(value)   \
    csrrw t5, fflags, zero;   \
    li t6, value;             \
    bne t5, t6, fail;

/* ---- floating point ---- */

/* Flag values, as in fflags. */
#define NX 0x01
#define UF 0x02
#define OF 0x04
#define DZ 0x08
#define NV 0x10

/* A single NaN-boxed in a 64-bit f register. */
#define BOX(bits32) (0xffffffff00000000 | (bits32))

/* f register loaders: a single (boxed), a double, or any raw 64-bit pattern. */
#define FLOAD_S(freg, bits32) li t0, BOX(bits32); fmv.d.x freg, t0;
#define FLOAD_D(freg, bits64) li t0, bits64; fmv.d.x freg, t0;

/* Checks an f register's full 64 bits, so single results are also checked for boxing. */
#define CHECK_F_S(freg, bits32) fmv.x.d t1, freg; CHECK_EQ(t1, BOX(bits32))
#define CHECK_F_D(freg, bits64) fmv.x.d t1, freg; CHECK_EQ(t1, bits64)

/* One FP case: operands a, b, c go to fa1, fa2, fa3 (or a to a1 for int-to-float); the
 * instruction (the variadic tail, so it may contain commas) must write fa0 or a0; then the
 * result and the flags it raised are checked.  Naming: TEST_<operands><result>_<format>, with
 * F = f register, X = x register, R = raw 64-bit f operands.  fflags is cleared first. */
#define FP_SETUP csrw fflags, zero;

#define TEST_FF_S(n, result, flags, a, b, c, ...) \
    TEST_CASE(n) FLOAD_S(fa1, a) FLOAD_S(fa2, b) FLOAD_S(fa3, c) FP_SETUP __VA_ARGS__; \
    CHECK_F_S(fa0, result) CHECK_FFLAGS(flags)
#define TEST_FF_D(n, result, flags, a, b, c, ...) \
    TEST_CASE(n) FLOAD_D(fa1, a) FLOAD_D(fa2, b) FLOAD_D(fa3, c) FP_SETUP __VA_ARGS__; \
    CHECK_F_D(fa0, result) CHECK_FFLAGS(flags)
#define TEST_FX_S(n, result, flags, a, b, ...) \
    TEST_CASE(n) FLOAD_S(fa1, a) FLOAD_S(fa2, b) FP_SETUP __VA_ARGS__; \
    CHECK_EQ(a0, result) CHECK_FFLAGS(flags)
#define TEST_FX_D(n, result, flags, a, b, ...) \
    TEST_CASE(n) FLOAD_D(fa1, a) FLOAD_D(fa2, b) FP_SETUP __VA_ARGS__; \
    CHECK_EQ(a0, result) CHECK_FFLAGS(flags)
#define TEST_XF_S(n, result, flags, a, ...) \
    TEST_CASE(n) li a1, a; FP_SETUP __VA_ARGS__; CHECK_F_S(fa0, result) CHECK_FFLAGS(flags)
#define TEST_XF_D(n, result, flags, a, ...) \
    TEST_CASE(n) li a1, a; FP_SETUP __VA_ARGS__; CHECK_F_D(fa0, result) CHECK_FFLAGS(flags)
/* Raw 64-bit operands (e.g. improperly boxed singles), result checked as 64 bits. */
#define TEST_RF(n, result, flags, a, b, ...) \
    TEST_CASE(n) FLOAD_D(fa1, a) FLOAD_D(fa2, b) FP_SETUP __VA_ARGS__; \
    CHECK_F_D(fa0, result) CHECK_FFLAGS(flags)
#define TEST_RX(n, result, flags, a, b, ...) \
    TEST_CASE(n) FLOAD_D(fa1, a) FLOAD_D(fa2, b) FP_SETUP __VA_ARGS__; \
    CHECK_EQ(a0, result) CHECK_FFLAGS(flags)

#endif
