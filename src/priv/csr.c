/* The CSR file of a system-mode hart: which CSRs exist, who may read and write them, and which
 * bits of each are writable (WARL fields keep legal values). */
#include "isa/insn.h"
#include "priv/pmp.h"
#include "priv/priv.h"

/* Writable bits. */
#define MSTATUS_WRITABLE (MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP | \
                          MSTATUS_MPP | MSTATUS_FS | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR | \
                          MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define SSTATUS_VISIBLE  (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_FS | MSTATUS_SUM | \
                          MSTATUS_MXR | MSTATUS_UXL | MSTATUS_SD)
#define SSTATUS_WRITABLE (SSTATUS_VISIBLE & MSTATUS_WRITABLE)
/* Exceptions S-mode may handle: all but ecall from M-mode and the reserved causes. */
#define MEDELEG_WRITABLE 0xb3ffull
/* M-mode software may raise the supervisor interrupts; the machine ones come from devices. */
#define MIP_WRITABLE MIP_S_BITS
#define ENVCFG_WRITABLE 1ull   /* FIOM */
#define PMPADDR_WRITABLE ((1ull << 54) - 1)
#define COUNTER_CSRS 32

static uint64_t status_read(const struct priv_state *p, uint64_t visible)
{
    uint64_t s = p->mstatus;
    if ((s & MSTATUS_FS) == MSTATUS_FS_DIRTY)
        s |= MSTATUS_SD;
    return s & visible;
}

static void status_write(struct hart *h, uint64_t value, uint64_t writable)
{
    struct priv_state *p = &h->priv;
    /* MPP is WARL: the reserved value 2 leaves it as it was. */
    if ((writable & MSTATUS_MPP) && ((value & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT) == 2)
        value = (value & ~MSTATUS_MPP) | (p->mstatus & MSTATUS_MPP);
    uint64_t old = p->mstatus;
    p->mstatus = (old & ~writable) | (value & writable);
    /* Translations cache permissions computed with SUM, MXR and MPRV. */
    if ((old ^ p->mstatus) & (MSTATUS_MPRV | MSTATUS_MPP | MSTATUS_SUM | MSTATUS_MXR))
        priv_flush_translations(h);
}

/* Counters (cycle, time, instret, hpmcounterN) below M-mode need the enables of every level
 * above. */
static bool counter_enabled(const struct priv_state *p, unsigned index)
{
    if (p->mode < PRIV_M && !((p->mcounteren >> index) & 1))
        return false;
    if (p->mode < PRIV_S && !((p->scounteren >> index) & 1))
        return false;
    return true;
}

static bool counter_read(const struct hart *h, const struct priv_clock *clk, unsigned index,
                         uint64_t *value)
{
    switch (index) {
    case 0: *value = clk->cycle + h->priv.cycle_offset; return true;
    case 1: *value = clk->time; return true;
    case 2: *value = h->instret + h->priv.instret_offset; return true;
    default: *value = 0; return true;   /* hpmcounter3..31: present, counting nothing */
    }
}

static bool fp_csr(unsigned csr) { return csr == CSR_FFLAGS || csr == CSR_FRM || csr == CSR_FCSR; }

/* Reads a CSR; false if it does not exist for this hart. */
static bool csr_read(const struct hart *h, const struct priv_clock *clk, unsigned csr, uint64_t *v)
{
    const struct priv_state *p = &h->priv;
    if (csr >= CSR_CYCLE && csr < CSR_CYCLE + COUNTER_CSRS)
        return counter_read(h, clk, csr - CSR_CYCLE, v);
    if (csr >= CSR_MCYCLE && csr < CSR_MCYCLE + COUNTER_CSRS && csr != CSR_MCYCLE + 1)
        return counter_read(h, clk, csr - CSR_MCYCLE, v);
    if (csr >= 0x323 && csr <= 0x33f) {   /* mhpmevent3..31: no events to select */
        *v = 0;
        return true;
    }
    if (csr >= CSR_PMPCFG0 && csr < CSR_PMPCFG0 + 16)
        return pmp_cfg_read(p, csr - CSR_PMPCFG0, v);
    if (csr >= CSR_PMPADDR0 && csr < CSR_PMPADDR0 + 64) {
        unsigned i = csr - CSR_PMPADDR0;
        *v = i < PMP_ENTRIES ? p->pmpaddr[i] : 0;
        return true;
    }
    switch (csr) {
    case CSR_FFLAGS: *v = h->fflags; return true;
    case CSR_FRM: *v = h->frm; return true;
    case CSR_FCSR: *v = (uint64_t)h->frm << 5 | h->fflags; return true;
    case CSR_SSTATUS: *v = status_read(p, SSTATUS_VISIBLE); return true;
    case CSR_SIE: *v = p->mie & p->mideleg; return true;
    case CSR_STVEC: *v = p->stvec; return true;
    case CSR_SCOUNTEREN: *v = p->scounteren; return true;
    case CSR_SENVCFG: *v = p->senvcfg; return true;
    case CSR_SSCRATCH: *v = p->sscratch; return true;
    case CSR_SEPC: *v = p->sepc; return true;
    case CSR_SCAUSE: *v = p->scause; return true;
    case CSR_STVAL: *v = p->stval; return true;
    case CSR_SIP: *v = p->mip & p->mideleg; return true;
    case CSR_SATP: *v = p->satp; return true;
    case CSR_MSTATUS: *v = status_read(p, ~0ull); return true;
    case CSR_MISA: *v = PRIV_MISA; return true;
    case CSR_MEDELEG: *v = p->medeleg; return true;
    case CSR_MIDELEG: *v = p->mideleg; return true;
    case CSR_MIE: *v = p->mie; return true;
    case CSR_MTVEC: *v = p->mtvec; return true;
    case CSR_MCOUNTEREN: *v = p->mcounteren; return true;
    case CSR_MENVCFG: *v = p->menvcfg; return true;
    case CSR_MCOUNTINHIBIT: *v = p->mcountinhibit; return true;
    case CSR_MSCRATCH: *v = p->mscratch; return true;
    case CSR_MEPC: *v = p->mepc; return true;
    case CSR_MCAUSE: *v = p->mcause; return true;
    case CSR_MTVAL: *v = p->mtval; return true;
    case CSR_MIP: *v = p->mip; return true;
    case CSR_MVENDORID: case CSR_MARCHID: case CSR_MIMPID: case CSR_MCONFIGPTR: *v = 0; return true;
    case CSR_MHARTID: *v = p->mhartid; return true;
    default: return false;
    }
}

bool priv_csr_peek(const struct hart *h, const struct priv_clock *clk, unsigned csr, uint64_t *v)
{
    return csr_read(h, clk, csr, v);
}

/* A trap vector: the reserved modes 2 and 3 become direct. */
static uint64_t tvec_legal(uint64_t v) { return (v & 3) > 1 ? v & ~3ull : v; }

static void satp_write(struct hart *h, uint64_t v)
{
    unsigned mode = (unsigned)(v >> SATP_MODE_SHIFT);
    if (mode != SATP_BARE && mode != SATP_SV39 && mode != SATP_SV48)
        return;   /* an unsupported mode: the write has no effect */
    /* No ASIDs (ASIDLEN 0): the ASID field reads 0 and every satp write flushes. */
    h->priv.satp = (uint64_t)mode << SATP_MODE_SHIFT | (v & SATP_PPN_MASK);
    priv_flush_translations(h);
}

static void csr_write(struct hart *h, const struct priv_clock *clk, unsigned csr, uint64_t v)
{
    struct priv_state *p = &h->priv;
    if (csr == CSR_MCYCLE) {
        p->cycle_offset = v - clk->cycle;
        return;
    }
    if (csr == CSR_MINSTRET) {
        /* The value the next instruction reads: this one still retires after the write. */
        p->instret_offset = v - h->instret - 1;
        return;
    }
    if (csr >= CSR_PMPCFG0 && csr < CSR_PMPCFG0 + 16) {
        pmp_cfg_write(h, csr - CSR_PMPCFG0, v);
        return;
    }
    if (csr >= CSR_PMPADDR0 && csr < CSR_PMPADDR0 + 64) {
        pmp_addr_write(h, csr - CSR_PMPADDR0, v & PMPADDR_WRITABLE);
        return;
    }
    switch (csr) {
    case CSR_FFLAGS: h->fflags = v & 0x1f; break;
    case CSR_FRM: h->frm = v & 7; break;
    case CSR_FCSR: h->fflags = v & 0x1f; h->frm = (v >> 5) & 7; break;
    case CSR_SSTATUS: status_write(h, v, SSTATUS_WRITABLE); break;
    case CSR_SIE: p->mie = (p->mie & ~p->mideleg) | (v & p->mideleg & MIP_ALL); break;
    case CSR_STVEC: p->stvec = tvec_legal(v); break;
    case CSR_SCOUNTEREN: p->scounteren = v & 0xffffffffu; break;
    case CSR_SENVCFG: p->senvcfg = v & ENVCFG_WRITABLE; break;
    case CSR_SSCRATCH: p->sscratch = v; break;
    case CSR_SEPC: p->sepc = v & ~1ull; break;
    case CSR_SCAUSE: p->scause = v; break;
    case CSR_STVAL: p->stval = v; break;
    case CSR_SIP:   /* S-mode may only clear or set its software interrupt */
        p->mip = (p->mip & ~(p->mideleg & MIP_SSIP)) | (v & p->mideleg & MIP_SSIP);
        break;
    case CSR_SATP: satp_write(h, v); break;
    case CSR_MSTATUS: status_write(h, v, MSTATUS_WRITABLE); break;
    case CSR_MISA: break;   /* WARL: the extensions cannot be turned off */
    case CSR_MEDELEG: p->medeleg = v & MEDELEG_WRITABLE; break;
    case CSR_MIDELEG: p->mideleg = v & MIP_S_BITS; break;
    case CSR_MIE: p->mie = v & MIP_ALL; break;
    case CSR_MTVEC: p->mtvec = tvec_legal(v); break;
    case CSR_MCOUNTEREN: p->mcounteren = v & 0xffffffffu; break;
    case CSR_MENVCFG: p->menvcfg = v & ENVCFG_WRITABLE; break;
    case CSR_MCOUNTINHIBIT: p->mcountinhibit = v & 0xfffffffdu; break;   /* no bit for time */
    case CSR_MSCRATCH: p->mscratch = v; break;
    case CSR_MEPC: p->mepc = v & ~1ull; break;
    case CSR_MCAUSE: p->mcause = v; break;
    case CSR_MTVAL: p->mtval = v; break;
    case CSR_MIP: p->mip = (p->mip & ~MIP_WRITABLE) | (v & MIP_WRITABLE); break;
    default: break;   /* hpm counters and events: writes are ignored */
    }
}

bool priv_csr_access(struct hart *h, const struct priv_clock *clk, unsigned csr, unsigned op,
                     uint64_t operand, bool do_write, uint64_t *old)
{
    const struct priv_state *p = &h->priv;
    /* The number encodes the lowest privilege (bits 9:8) and read-only (bits 11:10 = 3). */
    if (p->mode < ((csr >> 8) & 3))
        return false;
    if (do_write && (csr >> 10) == 3)
        return false;
    if (fp_csr(csr) && !priv_fp_enabled(h))
        return false;
    if (csr >= CSR_CYCLE && csr < CSR_CYCLE + COUNTER_CSRS && !counter_enabled(p, csr - CSR_CYCLE))
        return false;
    if (csr == CSR_SATP && p->mode == PRIV_S && (p->mstatus & MSTATUS_TVM))
        return false;
    uint64_t value;
    if (!csr_read(h, clk, csr, &value))
        return false;
    if (do_write) {
        uint64_t nv = op == OP_CSRRW || op == OP_CSRRWI ? operand
                    : op == OP_CSRRS || op == OP_CSRRSI ? value | operand
                    : value & ~operand;
        csr_write(h, clk, csr, nv);
        if (fp_csr(csr))
            priv_fp_dirty(h);
    }
    *old = value;
    return true;
}
