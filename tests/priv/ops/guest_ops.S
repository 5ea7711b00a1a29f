/* Guest ops from U-mode on the bare machine (built for the -p and -v environments: physical
 * addresses, and Sv39 virtual ones the MMU must translate).  tests/priv/guest_ops.sh runs it
 * with --readfile and --log and compares the files it writes:
 *   before.txt  the --readfile input, read before the checkpoint
 *   cross.txt   the same, read into and written from a buffer that crosses a page boundary
 *   after.txt   the input read after the checkpoint (a restored run's own --readfile)
 * Each op's result is checked here; a failing case exits with its number. */
#include "test_macros.h"
#include "snapsim/ops.h"

#define EFAULT 14
#define INPUT_MAX 256

TEST_BEGIN
    TEST_CASE(1)            /* readfile: the whole input, some bytes */
    lla a0, buf
    li a1, INPUT_MAX
    li a2, 0
    SNAPSIM_OP SNAPSIM_OP_READFILE
    blez a0, fail
    mv s1, a0

    TEST_CASE(2)            /* writefile returns the bytes written */
    lla a0, buf
    mv a1, s1
    li a2, 0
    lla a3, name_before
    SNAPSIM_OP SNAPSIM_OP_WRITEFILE
    bne a0, s1, fail

    TEST_CASE(3)            /* a buffer that is not the caller's memory: -EFAULT */
    li a0, 0x10
    li a1, 16
    li a2, 0
    SNAPSIM_OP SNAPSIM_OP_READFILE
    CHECK_EQ(a0, -EFAULT)

    TEST_CASE(4)            /* a name that is not the caller's memory: -EFAULT */
    lla a0, buf
    mv a1, s1
    li a2, 0
    li a3, 0x10
    SNAPSIM_OP SNAPSIM_OP_WRITEFILE
    CHECK_EQ(a0, -EFAULT)

    TEST_CASE(5)            /* past the end of the input: 0 bytes */
    lla a0, buf
    li a1, INPUT_MAX
    li a2, 4096
    SNAPSIM_OP SNAPSIM_OP_READFILE
    CHECK_EQ(a0, 0)

    TEST_CASE(6)            /* across a page boundary, both ways */
    lla a0, pages
    li t0, 4093
    add a0, a0, t0
    li a1, INPUT_MAX
    li a2, 0
    SNAPSIM_OP SNAPSIM_OP_READFILE
    bne a0, s1, fail
    lla a0, pages
    li t0, 4093
    add a0, a0, t0
    mv a1, s1
    li a2, 0
    lla a3, name_cross
    SNAPSIM_OP SNAPSIM_OP_WRITEFILE
    bne a0, s1, fail

    TEST_CASE(7)            /* checkpoint returns 0, also in a run restored from it */
    SNAPSIM_OP SNAPSIM_OP_CHECKPOINT
    CHECK_EQ(a0, 0)

    TEST_CASE(8)            /* the input again: a restored run reads its own --readfile */
    lla a0, buf
    li a1, INPUT_MAX
    li a2, 0
    SNAPSIM_OP SNAPSIM_OP_READFILE
    blez a0, fail
    mv s1, a0
    lla a0, buf
    mv a1, s1
    li a2, 0
    lla a3, name_after
    SNAPSIM_OP SNAPSIM_OP_WRITEFILE
    bne a0, s1, fail
TEST_END

    .data
name_before: .asciz "before.txt"
name_cross:  .asciz "cross.txt"
name_after:  .asciz "after.txt"
    .bss
    .align 4
buf: .space INPUT_MAX
    .align 12
pages: .space 8192
