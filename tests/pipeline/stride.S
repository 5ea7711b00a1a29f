/* PASSES sweeps over a 4 KiB array, one load per 16-byte block: with the default geometry the
 * array fits the 8 KiB L2 but not the 512-byte L1 D-cache, so after the first sweep every load
 * misses L1 and hits L2. */
#include "ubench.h"
#define PASSES 20
#define BLOCKS 256
#define STRIDE 16
BENCH_BEGIN
    li s0, PASSES
outer:
    la a1, array
    li t0, BLOCKS
LOOP_ALIGN
loop:
    ld a2, 0(a1)
    addi a1, a1, STRIDE
    addi t0, t0, -1
    bnez t0, loop
    addi s0, s0, -1
    bnez s0, outer
BENCH_END
    .bss
    .balign 64
array: .space BLOCKS * STRIDE
