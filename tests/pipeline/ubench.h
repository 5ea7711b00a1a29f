/* Macros for the pipeline microbenchmarks (bare programs: _start, no libc; run through the C
 * preprocessor).  Every instruction is 4 bytes (.option norvc) and every loop starts on a
 * 64-byte boundary, so the cache blocks each loop occupies — and therefore the timing derived
 * in check_timing.py — do not depend on the assembler's choices. */
#ifndef SNAPSIM_TESTS_PIPELINE_UBENCH_H
#define SNAPSIM_TESTS_PIPELINE_UBENCH_H

#define SYS_EXIT 93

#define BENCH_BEGIN      \
    .option norvc;       \
    .text;               \
    .globl _start;       \
    _start:

#define LOOP_ALIGN .balign 64

#define BENCH_END        \
    li a0, 0;            \
    li a7, SYS_EXIT;     \
    ecall;

#endif
