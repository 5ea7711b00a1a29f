/* A guest op on a mispredicted path must have no effect: the taken branch below is predicted
 * not taken the first time (pompia has no predictor, oroblanco's BTB is cold), so the pipeline
 * fetches the ecall after it — work_begin(99), its arguments already in place — before the
 * branch resolves, and flushes it.  Only region 5 may appear in the statistics. */
#include "snapsim/ops.h"

    .text
    .globl _start
_start:
    li a0, 99
    li a7, SNAPSIM_OP_BASE + SNAPSIM_OP_WORK_BEGIN
    li t0, 1
    bnez t0, 1f
    ecall
    ecall
1:
    li a0, 5
    SNAPSIM_OP SNAPSIM_OP_WORK_BEGIN
    li a0, 5
    SNAPSIM_OP SNAPSIM_OP_WORK_END
    li a0, 0
    li a7, 93
    ecall
