/* Four loads per iteration, each used DISTANCE instructions later (1: the next instruction;
 * 2: one independent instruction between).  All load the same L1-resident word. */
#include "ubench.h"
#define ITERATIONS 2000
#ifndef DISTANCE
#error "build with -DDISTANCE=1 or -DDISTANCE=2"
#endif
BENCH_BEGIN
    li t0, ITERATIONS
    la a1, word
LOOP_ALIGN
loop:
#if DISTANCE == 1
    ld a2, 0(a1)
    add a3, a3, a2
    ld a4, 0(a1)
    add a5, a5, a4
    ld a2, 0(a1)
    add a3, a3, a2
    ld a4, 0(a1)
    add a5, a5, a4
#else
    ld a2, 0(a1)
    ld a4, 0(a1)
    add a3, a3, a2
    add a5, a5, a4
    ld a2, 0(a1)
    ld a4, 0(a1)
    add a3, a3, a2
    add a5, a5, a4
#endif
    addi t0, t0, -1
    bnez t0, loop
BENCH_END
    .data
    .balign 8
word: .dword 7
