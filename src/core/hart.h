/* Architectural state of one RISC-V hart: what every model executes on and what a snapshot
 * saves.  Model-private state (caches, predictors, latches, TLBs) never lives here.  A user-mode
 * (Linux) machine uses only the user-level part; a system-mode machine also the privileged
 * part, whose meaning is defined in src/priv. */
#ifndef SNAPSIM_CORE_HART_H
#define SNAPSIM_CORE_HART_H

#include <stdbool.h>
#include <stdint.h>

/* Privileged state: the privilege mode and the machine- and supervisor-level CSRs, stored as
 * their architectural values (sstatus, sip and sie are views of mstatus, mip and mie). */
struct priv_state {
    uint8_t mode;            /* PRIV_U 0, PRIV_S 1, PRIV_M 3 */
    uint64_t mstatus, mip, mie, medeleg, mideleg;
    uint64_t mtvec, mepc, mcause, mtval, mscratch;
    uint64_t stvec, sepc, scause, stval, sscratch, satp;
    uint64_t mcounteren, scounteren, mcountinhibit, menvcfg, senvcfg;
    uint64_t mhartid;
    uint64_t cycle_offset, instret_offset;   /* mcycle/minstret = clock + offset (written values) */
    uint8_t pmpcfg[16];
    uint64_t pmpaddr[16];
    /* Not architectural: bumped whenever cached translations may be stale (satp, sfence.vma,
     * PMP writes), so every model's TLB knows to flush without being told. */
    uint64_t xlate_epoch;
};

struct hart {
    /* x[0] always reads 0.  x[32] is a write sink: the fast model retargets writes to x0 there
     * so its handlers need no branch; it is not architectural state. */
    uint64_t x[33];
    uint64_t f[32];          /* raw bits; single-precision values are NaN-boxed */
    uint64_t pc;
    uint64_t instret;        /* retired instructions since the program started */
    uint32_t fflags;         /* accrued exception flags: NV DZ OF UF NX (bits 4..0) */
    uint32_t frm;            /* dynamic rounding mode */
    uint64_t reservation;    /* LR/SC reserved address, valid when reservation_valid */
    bool reservation_valid;
    struct priv_state priv;  /* system mode only; zero in a user-mode machine */
};

enum { FFLAG_NX = 1, FFLAG_UF = 2, FFLAG_OF = 4, FFLAG_DZ = 8, FFLAG_NV = 16 };

/* User-level CSR numbers snapsim implements. */
enum {
    CSR_FFLAGS = 0x001, CSR_FRM = 0x002, CSR_FCSR = 0x003,
    CSR_CYCLE = 0xc00, CSR_TIME = 0xc01, CSR_INSTRET = 0xc02,
};

#endif
