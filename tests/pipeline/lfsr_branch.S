/* A branch decided by the low bit of a 32-bit Galois LFSR (taps 0x80200003): about half taken,
 * in no pattern a 2-bit predictor can learn. */
#include "ubench.h"
#define ITERATIONS 5000
BENCH_BEGIN
    li t0, ITERATIONS
    li s0, 0x1234567
    li s1, 0x80200003
LOOP_ALIGN
loop:
    andi t2, s0, 1
    srli s0, s0, 1
    beqz t2, skip
    xor s0, s0, s1
skip:
    addi t0, t0, -1
    bnez t0, loop
BENCH_END
