/* A supervisor-mode payload for the virt machine's firmware (OpenSBI fw_jump), loaded as
 * --kernel at 0x80200000: it checks what the firmware and the machine hand over (a0 = hart id,
 * a1 = a device tree), prints through the SBI console, takes a timer interrupt set through the
 * SBI timer (the CLINT under OpenSBI; the wfi that waits for it skips the time), reads one byte
 * of console input from the UART itself (fed from standard input once its received-data
 * interrupt is enabled) and powers the machine off through SBI system reset (the SiFive test
 * device).  Any check that fails ends with exit status 3 through
 * the SBI system-failure reset. */
#define SBI_LEGACY_PUTCHAR 1
#define SBI_TIME  0x54494D45
#define SBI_SRST  0x53525354
#define TIMER_TICKS 10000
#define UART_BASE 0x10000000
#define UART_IER  1
#define UART_LSR  5
#define INPUT_TRIES 4000000         /* LSR reads: a few of the machine's console polls */

    .section .text.entry, "ax"
    .globl _start
_start:
    mv s0, a0
    mv s1, a1
    lla sp, stack_top
    lla t0, trap
    csrw stvec, t0
    lla a0, msg_hello
    call puts
    bnez s0, fail                 /* one hart, hart 0 */
    lwu t0, 0(s1)                 /* the device tree's magic, 0xd00dfeed big-endian */
    li t1, 0xedfe0dd0
    bne t0, t1, fail
    lla a0, msg_dtb
    call puts

    /* A timer interrupt TIMER_TICKS timebase ticks from now. */
    li s3, 0
    rdtime s2
    li t0, TIMER_TICKS
    add a0, s2, t0
    li a7, SBI_TIME
    li a6, 0
    ecall
    li t0, 1 << 5                 /* sie.STIE */
    csrs sie, t0
    csrsi sstatus, 2              /* sstatus.SIE */
1:  wfi
    beqz s3, 1b
    csrci sstatus, 2
    rdtime t0
    sub t0, t0, s2
    li t1, TIMER_TICKS
    bltu t0, t1, fail             /* the interrupt came no earlier than asked */
    lla a0, msg_timer
    call puts

    /* One byte of console input; none after many tries is reported too. */
    li s4, UART_BASE
    li t0, 1                      /* IER: received-data interrupt (the PLIC leaves it masked) */
    sb t0, UART_IER(s4)
    li s5, INPUT_TRIES
2:  lbu t0, UART_LSR(s4)
    andi t0, t0, 1                /* LSR.DR */
    bnez t0, 3f
    addi s5, s5, -1
    bnez s5, 2b
    lla a0, msg_no_input
    call puts
    j 4f
3:  lbu s6, 0(s4)                 /* RBR */
    lla a0, msg_input
    call puts
    mv a0, s6
    li a7, SBI_LEGACY_PUTCHAR
    ecall
    li a0, '\n'
    li a7, SBI_LEGACY_PUTCHAR
    ecall

4:  lla a0, msg_bye
    call puts
    li a0, 0                      /* shutdown */
    li a1, 0                      /* no reason */
    li a7, SBI_SRST
    li a6, 0
    ecall
    j fail

fail:
    lla a0, msg_fail
    call puts
    li a0, 0                      /* shutdown */
    li a1, 1                      /* system failure */
    li a7, SBI_SRST
    li a6, 0
    ecall
5:  j 5b

/* The timer interrupt: note it and switch the timer off. */
    .balign 4
trap:
    csrr t0, scause
    bgez t0, fail                 /* an exception */
    li s3, 1
    li a0, -1
    li a7, SBI_TIME
    li a6, 0
    ecall
    sret

puts:                             /* a0: a NUL-terminated string */
    mv t2, a0
6:  lbu a0, 0(t2)
    beqz a0, 7f
    li a7, SBI_LEGACY_PUTCHAR
    ecall
    addi t2, t2, 1
    j 6b
7:  ret

    .section .rodata
msg_hello:    .asciz "payload: started in S-mode\n"
msg_dtb:      .asciz "payload: hart 0, device tree at a1\n"
msg_timer:    .asciz "payload: timer interrupt after the time asked\n"
msg_input:    .asciz "payload: console input: "
msg_no_input: .asciz "payload: no console input\n"
msg_bye:      .asciz "payload: powering off\n"
msg_fail:     .asciz "payload: FAILED\n"

    .bss
    .balign 16
    .space 4096
stack_top:
