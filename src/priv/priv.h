/* The privileged architecture (machine and supervisor levels of the RISC-V privileged spec), defined
 * once for every model: privilege modes, the CSRs' rules, trap entry and return, interrupt
 * selection.  The state itself is struct priv_state in core/hart.h; these functions are the only
 * code that gives it meaning. */
#ifndef SNAPSIM_PRIV_PRIV_H
#define SNAPSIM_PRIV_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/hart.h"

enum { PRIV_U = 0, PRIV_S = 1, PRIV_M = 3 };

/* mstatus fields. */
#define MSTATUS_SIE   (1ull << 1)
#define MSTATUS_MIE   (1ull << 3)
#define MSTATUS_SPIE  (1ull << 5)
#define MSTATUS_MPIE  (1ull << 7)
#define MSTATUS_SPP   (1ull << 8)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP   (3ull << MSTATUS_MPP_SHIFT)
#define MSTATUS_FS_SHIFT 13
#define MSTATUS_FS    (3ull << MSTATUS_FS_SHIFT)
#define MSTATUS_FS_DIRTY MSTATUS_FS
#define MSTATUS_MPRV  (1ull << 17)
#define MSTATUS_SUM   (1ull << 18)
#define MSTATUS_MXR   (1ull << 19)
#define MSTATUS_TVM   (1ull << 20)
#define MSTATUS_TW    (1ull << 21)
#define MSTATUS_TSR   (1ull << 22)
#define MSTATUS_UXL   (3ull << 32)
#define MSTATUS_SXL   (3ull << 34)
#define MSTATUS_SD    (1ull << 63)
/* UXL = SXL = 2 (64-bit), read-only. */
#define MSTATUS_XL_64 (2ull << 32 | 2ull << 34)

/* Interrupt numbers (bits of mip/mie) and their masks. */
enum { IRQ_SSI = 1, IRQ_MSI = 3, IRQ_STI = 5, IRQ_MTI = 7, IRQ_SEI = 9, IRQ_MEI = 11 };
#define MIP_SSIP (1ull << IRQ_SSI)
#define MIP_MSIP (1ull << IRQ_MSI)
#define MIP_STIP (1ull << IRQ_STI)
#define MIP_MTIP (1ull << IRQ_MTI)
#define MIP_SEIP (1ull << IRQ_SEI)
#define MIP_MEIP (1ull << IRQ_MEI)
#define MIP_S_BITS (MIP_SSIP | MIP_STIP | MIP_SEIP)
#define MIP_ALL (MIP_S_BITS | MIP_MSIP | MIP_MTIP | MIP_MEIP)

/* Exception causes (mcause/scause without the interrupt bit). */
enum {
    CAUSE_FETCH_MISALIGNED = 0, CAUSE_FETCH_ACCESS = 1, CAUSE_ILLEGAL = 2, CAUSE_BREAKPOINT = 3,
    CAUSE_LOAD_MISALIGNED = 4, CAUSE_LOAD_ACCESS = 5, CAUSE_STORE_MISALIGNED = 6,
    CAUSE_STORE_ACCESS = 7, CAUSE_ECALL_U = 8, CAUSE_ECALL_S = 9, CAUSE_ECALL_M = 11,
    CAUSE_FETCH_PAGE = 12, CAUSE_LOAD_PAGE = 13, CAUSE_STORE_PAGE = 15,
};
#define CAUSE_INTERRUPT (1ull << 63)

/* satp. */
#define SATP_MODE_SHIFT 60
enum { SATP_BARE = 0, SATP_SV39 = 8, SATP_SV48 = 9 };
#define SATP_PPN_MASK ((1ull << 44) - 1)

/* CSR numbers beyond the user-level ones in core/hart.h. */
enum {
    CSR_SSTATUS = 0x100, CSR_SIE = 0x104, CSR_STVEC = 0x105, CSR_SCOUNTEREN = 0x106,
    CSR_SENVCFG = 0x10a, CSR_SSCRATCH = 0x140, CSR_SEPC = 0x141, CSR_SCAUSE = 0x142,
    CSR_STVAL = 0x143, CSR_SIP = 0x144, CSR_SATP = 0x180,
    CSR_MSTATUS = 0x300, CSR_MISA = 0x301, CSR_MEDELEG = 0x302, CSR_MIDELEG = 0x303,
    CSR_MIE = 0x304, CSR_MTVEC = 0x305, CSR_MCOUNTEREN = 0x306, CSR_MENVCFG = 0x30a,
    CSR_MCOUNTINHIBIT = 0x320, CSR_MSCRATCH = 0x340, CSR_MEPC = 0x341, CSR_MCAUSE = 0x342,
    CSR_MTVAL = 0x343, CSR_MIP = 0x344, CSR_PMPCFG0 = 0x3a0, CSR_PMPADDR0 = 0x3b0,
    CSR_MCYCLE = 0xb00, CSR_MINSTRET = 0xb02,
    CSR_MVENDORID = 0xf11, CSR_MARCHID = 0xf12, CSR_MIMPID = 0xf13, CSR_MHARTID = 0xf14,
    CSR_MCONFIGPTR = 0xf15,
};

/* misa: RV64 with I, M, A, F, D, C, S and U. */
#define PRIV_MISA (2ull << 62 | 1u << ('I' - 'A') | 1u << ('M' - 'A') | 1u << ('A' - 'A') | \
                   1u << ('F' - 'A') | 1u << ('D' - 'A') | 1u << ('C' - 'A') | \
                   1u << ('S' - 'A') | 1u << ('U' - 'A'))

/* The clocks a counter CSR reads, taken by the caller from the machine and model. */
struct priv_clock {
    uint64_t cycle;   /* the model's cycles */
    uint64_t time;    /* the machine's timebase (deterministic) */
};

/* Resets the privileged state as at power-on: M-mode, everything off, FS off. */
void priv_reset(struct hart *h, uint64_t hartid);

/* Executes a CSR instruction's access (op is OP_CSRRW ... OP_CSRRCI) at the hart's privilege.
 * False for an illegal instruction: unknown CSR, too little privilege, a write to a read-only
 * CSR, FP CSRs with mstatus.FS off, a counter disabled by m/scounteren, satp under TVM. */
bool priv_csr_access(struct hart *h, const struct priv_clock *clk, unsigned csr, unsigned op,
                     uint64_t operand, bool do_write, uint64_t *old);

/* A CSR's value as a read would see it, without the access checks and with no side effect
 * (for reports: the value a CSR write left); false for a CSR this hart does not have. */
bool priv_csr_peek(const struct hart *h, const struct priv_clock *clk, unsigned csr, uint64_t *v);

/* Enters the trap handler for `cause` (CAUSE_INTERRUPT set for interrupts) taken at h->pc,
 * delegated to S-mode by medeleg/mideleg when the hart is not in M-mode. */
void priv_trap(struct hart *h, uint64_t cause, uint64_t tval);

/* The interrupt to take now (its cause with CAUSE_INTERRUPT), or 0: the pending and enabled
 * one of highest priority, MEI > MSI > MTI > SEI > SSI > STI, with the global enables of the
 * privilege it goes to. */
uint64_t priv_pending_interrupt(const struct hart *h);

/* mret / sret: false when illegal at this privilege (sret in U, or in S with TSR); otherwise
 * the mode, the interrupt enables and h->pc are those of the trapped context. */
bool priv_mret(struct hart *h);
bool priv_sret(struct hart *h);
/* Is wfi / sfence.vma legal at this privilege (TW, TVM)? */
bool priv_wfi_legal(const struct hart *h);
bool priv_sfence_legal(const struct hart *h);
/* Are FP instructions enabled (mstatus.FS not Off)?  After one, priv_fp_dirty marks the state. */
static inline bool priv_fp_enabled(const struct hart *h) { return (h->priv.mstatus & MSTATUS_FS) != 0; }
static inline void priv_fp_dirty(struct hart *h) { h->priv.mstatus |= MSTATUS_FS_DIRTY; }

/* Every cached translation of this hart is stale (satp changed, sfence.vma, PMP). */
static inline void priv_flush_translations(struct hart *h) { h->priv.xlate_epoch++; }

/* The privilege loads and stores are checked with: MPP when mstatus.MPRV is set in M-mode. */
static inline unsigned priv_data_mode(const struct hart *h)
{
    if ((h->priv.mstatus & MSTATUS_MPRV) && h->priv.mode == PRIV_M)
        return (unsigned)((h->priv.mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    return h->priv.mode;
}

/* Checks restored privileged state: a one-line reason in why and false if it is not a state the
 * hart could be in (privilege 2, a reserved satp mode, reserved mtvec mode bits ...). */
bool priv_state_valid(const struct priv_state *p, char *why, size_t len);

#endif
