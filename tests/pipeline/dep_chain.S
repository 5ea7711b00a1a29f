/* Eight dependent adds (a chain through a0, also across iterations), then the loop counter. */
#include "ubench.h"
#define ITERATIONS 2000
BENCH_BEGIN
    li t0, ITERATIONS
    li a0, 0
    li a1, 3
LOOP_ALIGN
loop:
    add a0, a0, a1
    add a0, a0, a1
    add a0, a0, a1
    add a0, a0, a1
    add a0, a0, a1
    add a0, a0, a1
    add a0, a0, a1
    add a0, a0, a1
    addi t0, t0, -1
    bnez t0, loop
BENCH_END
