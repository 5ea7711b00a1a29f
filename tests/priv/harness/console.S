/* M-mode program that writes "ok\n" through the HTIF console and exits with status 0. */
#include "env.h"

    .option norelax
    .text
    .globl test_main
test_main:
    lla s0, message
    lla s1, tohost
    lla s2, fromhost
1:  lbu a0, 0(s0)
    beqz a0, 3f
    li t0, (1 << 56) | (1 << 48)   /* device 1 (console), command 1 (putchar) */
    or t0, t0, a0
    sd t0, 0(s1)
2:  ld t1, 0(s2)                   /* the host answers in fromhost */
    beqz t1, 2b
    sd zero, 0(s2)
    addi s0, s0, 1
    j 1b
3:  li a0, 0
    ENV_EXIT(a0)

    .data
message: .asciz "ok\n"
