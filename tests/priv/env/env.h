/* The bare-machine test environments (tests/priv/env): constants shared by the start-up code
 * (crt.S) and the privileged tests.  Built with one of
 *
 *   -DENV_PHYSICAL  the "-p" environment: the test runs in U-mode, no paging
 *   -DENV_VIRTUAL   the "-v" environment: the test runs in U-mode under Sv39 paging
 *   -DENV_MACHINE   the test runs in M-mode and sets up whatever it tests itself
 *
 * The test's entry is test_main.  In U-mode it ends as a Linux program does, `ecall` with
 * a7 = 93 and the status in a0, which the environment's M-mode handler turns into an HTIF exit;
 * in M-mode it stores to tohost itself (ENV_EXIT).  A trap the environment does not expect ends
 * the run with status ENV_UNEXPECTED_TRAP. */
#ifndef SNAPSIM_TESTS_PRIV_ENV_H
#define SNAPSIM_TESTS_PRIV_ENV_H

#define ENV_UNEXPECTED_TRAP 254

#define MSTATUS_SIE   0x2
#define MSTATUS_MIE   0x8
#define MSTATUS_SPIE  0x20
#define MSTATUS_MPIE  0x80
#define MSTATUS_SPP   0x100
#define MSTATUS_MPP   0x1800
#define MSTATUS_MPP_S 0x800
#define MSTATUS_FS    0x6000
#define MSTATUS_FS_INITIAL 0x2000
#define MSTATUS_MPRV  0x20000
#define MSTATUS_SUM   0x40000
#define MSTATUS_MXR   0x80000
#define MSTATUS_TVM   0x100000
#define MSTATUS_TW    0x200000
#define MSTATUS_TSR   0x400000

#define SATP_SV39 (8 << 60)

#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_X 0x08
#define PTE_U 0x10
#define PTE_A 0x40
#define PTE_D 0x80

#define CAUSE_ILLEGAL 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_LOAD_MISALIGNED 4
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_STORE_MISALIGNED 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_ECALL_U 8
#define CAUSE_ECALL_S 9
#define CAUSE_ECALL_M 11
#define CAUSE_FETCH_PAGE 12
#define CAUSE_LOAD_PAGE 13
#define CAUSE_STORE_PAGE 15
#define CAUSE_IRQ (1 << 63)

#define MIP_SSIP_BIT 0x2
#define MIP_STIP_BIT 0x20

/* Ends the run from M-mode with the status in `reg` (0 = pass). */
#define ENV_EXIT(reg)          \
    slli reg, reg, 1;          \
    ori reg, reg, 1;           \
    lla t6, tohost;             \
    sd reg, 0(t6);             \
99: j 99b;

#endif
