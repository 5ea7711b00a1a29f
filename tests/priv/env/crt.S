/* Start-up code and M-mode trap handler of the bare-machine test environments (see env.h). */
#include "env.h"

    .option norelax
    .section .text.init, "ax", @progbits
    .globl _start
_start:
    lla sp, env_stack_top      /* the tests' stack, as a Linux process has one */
    lla t0, env_trap
    csrw mtvec, t0
    /* S- and U-mode may use all of memory: one NAPOT entry over the whole address space. */
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f
    csrw pmpcfg0, t0
    csrw medeleg, zero
    csrw mideleg, zero
    csrw mie, zero
    li t0, -1
    csrw mcounteren, t0
    csrw scounteren, t0
#if defined(ENV_VIRTUAL)
    /* Sv39 with one gigapage mapping RAM at its own address for U-mode; A and D are left
     * clear for the hardware to set. */
    lla t0, env_page_root
    srli t0, t0, 12
    li t1, SATP_SV39
    or t0, t0, t1
    csrw satp, t0
    sfence.vma
#endif
    li t0, MSTATUS_FS_INITIAL
    csrw mstatus, t0          /* MPP = U, interrupts off, FP on */
    fscsr zero
#if defined(ENV_MACHINE)
    j test_main
#else
    lla t0, test_main
    csrw mepc, t0
    mret
#endif

    /* The environment's handler: an ecall from U-mode with a7 = 93 exits with a0; anything
     * else is a trap the test did not expect. */
    .align 2
env_trap:
    csrr t5, mcause
    li t6, CAUSE_ECALL_U
    bne t5, t6, 1f
    li t6, 93
    bne a7, t6, 1f
    ENV_EXIT(a0)
1:  li a0, ENV_UNEXPECTED_TRAP
    ENV_EXIT(a0)

    .section .tohost, "aw", @progbits
    .align 6
    .globl tohost
tohost: .dword 0
    .align 6
    .globl fromhost
fromhost: .dword 0

    .bss
    .align 4
    .space 8192
env_stack_top:

#if defined(ENV_VIRTUAL)
    .data
    .align 12
env_page_root:
    .dword 0
    .dword 0
    .dword ((0x80000000 >> 12) << 10) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_U
    .fill 509, 8, 0
#endif
