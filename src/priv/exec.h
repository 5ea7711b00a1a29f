/* One instruction's architectural effect on a system-mode hart, for every model: the shared
 * semantics (isa/semantics.h, isa/fpu.h) on the hart's registers, memory through the caller's
 * TLB (priv/access.h), CSRs, atomics with the reservation, and the privileged instructions.  A
 * model calls priv_execute where the instruction takes effect (the fast model at once, a
 * pipeline at commit), so the rules exist once.  Inline (in a header) because the fast model's
 * loop runs it for every instruction: as a call in another file it ran about 12% slower. */
#ifndef SNAPSIM_PRIV_EXEC_H
#define SNAPSIM_PRIV_EXEC_H

#include "isa/fpu.h"
#include "isa/semantics.h"
#include "core/guest_ops.h"
#include "platform/virt_machine.h"
#include "priv/access.h"
#include "priv/guest_ops.h"
#include "priv/priv.h"

static inline bool illegal(struct priv_cpu *c, const struct insn *in)
{
    return priv_fail(c, CAUSE_ILLEGAL, in->raw);
}

static inline bool exec_fp(struct priv_cpu *c, const struct insn *in)
{
    struct hart *h = c->h;
    if (!priv_fp_enabled(h))
        return illegal(c, in);
    enum op_class cls = op_class(in->op);
    uint64_t a = cls == CLASS_X2F ? h->x[in->rs1] : h->f[in->rs1];
    uint64_t r;
    if (!fpu_execute(in->op, a, h->f[in->rs2], h->f[in->rs3], in->rm, h->frm, &r, &h->fflags))
        return illegal(c, in);
    if (cls == CLASS_FCMP || cls == CLASS_F2X)
        h->x[in->rd] = r;
    else
        h->f[in->rd] = r;
    priv_fp_dirty(h);
    return true;
}

static inline bool exec_atomic(struct priv_cpu *c, const struct insn *in)
{
    struct hart *h = c->h;
    unsigned size = mem_op_size(in->op);
    uint64_t va = h->x[in->rs1], pa, old;
    enum op_class cls = op_class(in->op);
    if (cls == CLASS_LR) {
        if (!priv_atomic_pa(c, va, size, MMU_LOAD, &pa) || !priv_load(c, va, size, &old))
            return false;
        h->x[in->rd] = load_extend(in->op, old);
        h->reservation = pa;
        h->reservation_valid = true;
        return true;
    }
    if (!priv_atomic_pa(c, va, size, MMU_STORE, &pa))
        return false;
    if (cls == CLASS_SC) {
        bool ok = h->reservation_valid && h->reservation == pa;
        if (ok && !priv_store(c, va, size, h->x[in->rs2]))
            return false;
        h->reservation_valid = false;
        h->x[in->rd] = !ok;
        return true;
    }
    if (!priv_load(c, va, size, &old))
        return false;
    old = load_extend(size == 4 ? OP_LW : OP_LD, old);
    if (!priv_store(c, va, size, amo_op(in->op, old, h->x[in->rs2])))
        return false;
    h->x[in->rd] = old;
    return true;
}

static inline bool exec_csr(struct priv_cpu *c, const struct insn *in)
{
    struct hart *h = c->h;
    bool imm_form = in->op >= OP_CSRRWI;
    uint64_t operand = imm_form ? in->rs1 : h->x[in->rs1];
    bool write = in->op == OP_CSRRW || in->op == OP_CSRRWI || in->rs1 != 0;
    struct priv_clock clk = { machine_cycles(c->m), machine_time(c->m) };
    uint64_t old;
    if (!priv_csr_access(h, &clk, (unsigned)in->imm, in->op, operand, write, &old))
        return illegal(c, in);
    h->x[in->rd] = old;
    return true;
}

/* The privileged and system instructions; *next_pc is where the hart goes on. */
static inline bool exec_system(struct priv_cpu *c, const struct insn *in, uint64_t *next_pc)
{
    struct hart *h = c->h;
    switch (in->op) {
    case OP_FENCE: case OP_FENCE_I:
        return true;   /* one hart, and decoded code is keyed by its encoding */
    case OP_ECALL:
        if (h->priv.mode == PRIV_U && guest_op_number(h->x[17])) {
            h->x[10] = (uint64_t)priv_guest_op(c);   /* a snapsim op, not a system call */
            return true;
        }
        return priv_fail(c, h->priv.mode == PRIV_U ? CAUSE_ECALL_U
                        : h->priv.mode == PRIV_S ? CAUSE_ECALL_S : CAUSE_ECALL_M, 0);
    case OP_EBREAK:
        return priv_fail(c, CAUSE_BREAKPOINT, h->pc);
    case OP_MRET: case OP_SRET:
        if (!(in->op == OP_MRET ? priv_mret(h) : priv_sret(h)))
            return illegal(c, in);
        *next_pc = h->pc;
        return true;
    case OP_WFI:
        /* On the bare machine time follows retired instructions, so waiting is retiring: wfi is a
         * nop that lets the interrupt check at the next boundary see whatever became pending.
         * The virt machine moves its clock on to the next timer deadline instead. */
        if (!priv_wfi_legal(h))
            return illegal(c, in);
        if (c->m->sys->virt)
            virt_machine_idle(c->m);
        return true;
    case OP_SFENCE_VMA:
        if (!priv_sfence_legal(h))
            return illegal(c, in);
        priv_flush_translations(h);
        return true;
    default:
        return illegal(c, in);
    }
}

/* Executes one decoded instruction at h->pc; *next_pc (preset to the fall-through) is where the
 * hart goes on.  False, with c->exc set, if it traps (the caller takes the trap); a trapping
 * instruction writes no register, and a store or AMO that faults writes no memory. */
static inline bool priv_execute(struct priv_cpu *c, const struct insn *in, uint64_t *next_pc)
{
    struct hart *h = c->h;
    uint64_t *x = h->x;
    uint64_t pc = h->pc, v;
    /* x[32] is the sink for writes to x0 (see core/hart.h); decoders leave rd 0 for x0. */
    switch (op_class(in->op)) {
    case CLASS_R:
        x[in->rd] = int_op(in->op, x[in->rs1], x[in->rs2]);
        break;
    case CLASS_R1: case CLASS_I:
        x[in->rd] = int_op(in->op, x[in->rs1], (uint64_t)in->imm);
        break;
    case CLASS_U:
        x[in->rd] = in->op == OP_AUIPC ? pc + (uint64_t)in->imm : (uint64_t)in->imm;
        break;
    case CLASS_J:
        x[in->rd] = pc + in->len;
        *next_pc = pc + (uint64_t)in->imm;
        break;
    case CLASS_JR: {
        uint64_t target = (x[in->rs1] + (uint64_t)in->imm) & ~1ull;
        x[in->rd] = pc + in->len;
        *next_pc = target;
        break;
    }
    case CLASS_B:
        if (branch_taken(in->op, x[in->rs1], x[in->rs2]))
            *next_pc = pc + (uint64_t)in->imm;
        break;
    case CLASS_LD:
        if (!priv_load(c, x[in->rs1] + (uint64_t)in->imm, mem_op_size(in->op), &v))
            return false;
        x[in->rd] = load_extend(in->op, v);
        break;
    case CLASS_ST:
        return priv_store(c, x[in->rs1] + (uint64_t)in->imm, mem_op_size(in->op), x[in->rs2]);
    case CLASS_FLD:
        if (!priv_fp_enabled(h))
            return illegal(c, in);
        if (!priv_load(c, x[in->rs1] + (uint64_t)in->imm, in->op == OP_FLW ? 4 : 8, &v))
            return false;
        h->f[in->rd] = in->op == OP_FLW ? f32_box((uint32_t)v) : v;
        priv_fp_dirty(h);
        break;
    case CLASS_FST:
        if (!priv_fp_enabled(h))
            return illegal(c, in);
        return priv_store(c, x[in->rs1] + (uint64_t)in->imm, in->op == OP_FSW ? 4 : 8, h->f[in->rs2]);
    case CLASS_CSR: case CLASS_CSRI:
        return exec_csr(c, in);
    case CLASS_AMO: case CLASS_LR: case CLASS_SC:
        return exec_atomic(c, in);
    case CLASS_F3: case CLASS_F4: case CLASS_F1: case CLASS_FCMP: case CLASS_F2X: case CLASS_X2F:
        return exec_fp(c, in);
    case CLASS_VMA: case CLASS_SYS:
        return exec_system(c, in, next_pc);
    }
    return true;
}

#endif
