/* Trap entry, interrupt selection and trap return (mret, sret), and the checks of the other
 * privileged instructions. */
#include <stdio.h>

#include "priv/priv.h"

void priv_reset(struct hart *h, uint64_t hartid)
{
    h->priv = (struct priv_state){ .mode = PRIV_M, .mstatus = MSTATUS_XL_64, .mhartid = hartid };
    h->reservation_valid = false;
}

static uint64_t set_field(uint64_t reg, uint64_t mask, uint64_t value)
{
    return (reg & ~mask) | ((value * (mask & ~(mask << 1))) & mask);
}

static uint64_t vector_target(uint64_t tvec, uint64_t cause)
{
    uint64_t base = tvec & ~3ull;
    if ((tvec & 3) == 1 && (cause & CAUSE_INTERRUPT))
        return base + 4 * (cause & 63);
    return base;
}

void priv_trap(struct hart *h, uint64_t cause, uint64_t tval)
{
    struct priv_state *p = &h->priv;
    uint64_t code = cause & 63;
    uint64_t deleg = (cause & CAUSE_INTERRUPT) ? p->mideleg : p->medeleg;
    if (p->mode <= PRIV_S && ((deleg >> code) & 1)) {
        p->scause = cause;
        p->sepc = h->pc;
        p->stval = tval;
        uint64_t s = p->mstatus;
        s = set_field(s, MSTATUS_SPP, p->mode);
        s = set_field(s, MSTATUS_SPIE, (s & MSTATUS_SIE) != 0);
        p->mstatus = s & ~MSTATUS_SIE;
        p->mode = PRIV_S;
        h->pc = vector_target(p->stvec, cause);
    } else {
        p->mcause = cause;
        p->mepc = h->pc;
        p->mtval = tval;
        uint64_t s = p->mstatus;
        s = set_field(s, MSTATUS_MPP, p->mode);
        s = set_field(s, MSTATUS_MPIE, (s & MSTATUS_MIE) != 0);
        p->mstatus = s & ~MSTATUS_MIE;
        p->mode = PRIV_M;
        h->pc = vector_target(p->mtvec, cause);
    }
}

/* Highest-priority interrupt among `bits`: the spec's order, not the bit order. */
static uint64_t highest(uint64_t bits)
{
    static const unsigned order[] = { IRQ_MEI, IRQ_MSI, IRQ_MTI, IRQ_SEI, IRQ_SSI, IRQ_STI };
    for (unsigned i = 0; i < sizeof order / sizeof order[0]; i++)
        if ((bits >> order[i]) & 1)
            return CAUSE_INTERRUPT | order[i];
    return 0;
}

uint64_t priv_pending_interrupt(const struct hart *h)
{
    const struct priv_state *p = &h->priv;
    uint64_t pending = p->mip & p->mie;
    if (!pending)
        return 0;
    /* An interrupt for a more privileged level is always enabled below it; at its own level
     * only with the global enable; it is never taken from a more privileged level. */
    bool m_on = p->mode < PRIV_M || (p->mstatus & MSTATUS_MIE);
    bool s_on = p->mode < PRIV_S || (p->mode == PRIV_S && (p->mstatus & MSTATUS_SIE));
    uint64_t m_bits = m_on ? pending & ~p->mideleg : 0;
    if (m_bits)
        return highest(m_bits);
    return s_on ? highest(pending & p->mideleg) : 0;
}

bool priv_mret(struct hart *h)
{
    struct priv_state *p = &h->priv;
    if (p->mode != PRIV_M)
        return false;
    uint64_t s = p->mstatus;
    unsigned to = (unsigned)((s & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    s = set_field(s, MSTATUS_MIE, (s & MSTATUS_MPIE) != 0);
    s |= MSTATUS_MPIE;
    s &= ~MSTATUS_MPP;           /* MPP becomes U, the least-privileged mode */
    if (to != PRIV_M)
        s &= ~MSTATUS_MPRV;
    p->mstatus = s;
    p->mode = (uint8_t)to;
    h->pc = p->mepc;
    return true;
}

bool priv_sret(struct hart *h)
{
    struct priv_state *p = &h->priv;
    if (p->mode == PRIV_U || (p->mode == PRIV_S && (p->mstatus & MSTATUS_TSR)))
        return false;
    uint64_t s = p->mstatus;
    unsigned to = (s & MSTATUS_SPP) ? PRIV_S : PRIV_U;
    s = set_field(s, MSTATUS_SIE, (s & MSTATUS_SPIE) != 0);
    s |= MSTATUS_SPIE;
    s &= ~MSTATUS_SPP;
    s &= ~MSTATUS_MPRV;          /* sret always returns below M */
    p->mstatus = s;
    p->mode = (uint8_t)to;
    h->pc = p->sepc;
    return true;
}

bool priv_wfi_legal(const struct hart *h)
{
    /* With S-mode present, wfi in U-mode is illegal; in S-mode TW makes it so. */
    if (h->priv.mode == PRIV_U)
        return false;
    return h->priv.mode == PRIV_M || !(h->priv.mstatus & MSTATUS_TW);
}

bool priv_sfence_legal(const struct hart *h)
{
    if (h->priv.mode == PRIV_U)
        return false;
    return h->priv.mode == PRIV_M || !(h->priv.mstatus & MSTATUS_TVM);
}

bool priv_state_valid(const struct priv_state *p, char *why, size_t len)
{
    unsigned satp_mode = (unsigned)(p->satp >> SATP_MODE_SHIFT);
    unsigned mpp = (unsigned)((p->mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT);
    if (p->mode != PRIV_U && p->mode != PRIV_S && p->mode != PRIV_M)
        snprintf(why, len, "privilege mode %u is not U (0), S (1) or M (3)", p->mode);
    else if (satp_mode != SATP_BARE && satp_mode != SATP_SV39 && satp_mode != SATP_SV48)
        snprintf(why, len, "satp mode %u is not Bare, Sv39 or Sv48", satp_mode);
    else if ((p->mtvec & 3) > 1 || (p->stvec & 3) > 1)
        snprintf(why, len, "mtvec/stvec mode bits %llu/%llu are reserved",
                 (unsigned long long)(p->mtvec & 3), (unsigned long long)(p->stvec & 3));
    else if (mpp == 2)
        snprintf(why, len, "mstatus.MPP is the reserved value 2");
    else if ((p->mstatus & (MSTATUS_UXL | MSTATUS_SXL)) != MSTATUS_XL_64)
        snprintf(why, len, "mstatus.UXL/SXL are not 64-bit");
    else if ((p->mepc | p->sepc) & 1)
        snprintf(why, len, "mepc/sepc is odd");
    else if (p->mip & ~MIP_ALL || p->mie & ~MIP_ALL || p->mideleg & ~MIP_S_BITS)
        snprintf(why, len, "mip/mie/mideleg has bits of interrupts the hart does not have");
    else
        return true;
    return false;
}
