/* Eight dependent multiplies (a chain through a0), then the loop counter. */
#include "ubench.h"
#define ITERATIONS 1000
BENCH_BEGIN
    li t0, ITERATIONS
    li a0, 1
    li a1, 3
LOOP_ALIGN
loop:
    mul a0, a0, a1
    mul a0, a0, a1
    mul a0, a0, a1
    mul a0, a0, a1
    mul a0, a0, a1
    mul a0, a0, a1
    mul a0, a0, a1
    mul a0, a0, a1
    addi t0, t0, -1
    bnez t0, loop
BENCH_END
