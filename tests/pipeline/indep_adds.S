/* Eight independent adds (no source is written in the loop), the loop counter first so the
 * branch's operand is old by the time the branch issues. */
#include "ubench.h"
#define ITERATIONS 2000
BENCH_BEGIN
    li t0, ITERATIONS
    li a1, 3
LOOP_ALIGN
loop:
    addi t0, t0, -1
    add a2, a1, a1
    add a3, a1, a1
    add a4, a1, a1
    add a5, a1, a1
    add a6, a1, a1
    add a7, a1, a1
    add s2, a1, a1
    add s3, a1, a1
    bnez t0, loop
BENCH_END
