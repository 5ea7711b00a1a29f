/* Predecoding for the pipeline: operand registers, destination and execution kind of each
 * instruction (from its class in isa/ops.def), cached per pc until code changes. */
#include <stdlib.h>
#include <string.h>

#include "isa/semantics.h"
#include "pipeline/pipeline.h"
#include "priv/access.h"

static uint8_t xreg(unsigned r) { return (uint8_t)r; }   /* x0 maps to 0, "no register" */
static uint8_t freg(unsigned r) { return (uint8_t)(PREG_F + r); }

static enum pkind int_kind(enum op op)
{
    switch (op) {
    case OP_MUL: case OP_MULH: case OP_MULHSU: case OP_MULHU: case OP_MULW:
    case OP_CLMUL: case OP_CLMULH: case OP_CLMULR:
        return PK_MUL;
    case OP_DIV: case OP_DIVU: case OP_REM: case OP_REMU: case OP_DIVW: case OP_DIVUW:
    case OP_REMW: case OP_REMUW:
        return PK_DIV;
    default:
        return PK_ALU;
    }
}

static enum pkind fp_kind(enum op op)
{
    switch (op) {
    case OP_FDIV_S: case OP_FDIV_D: case OP_FSQRT_S: case OP_FSQRT_D:
        return PK_FDIV;
    default:
        return PK_FPU;
    }
}

void pipe_predecode(const struct insn *in, struct pdec *d)
{
    memset(d, 0, sizeof *d);
    d->in = *in;
    enum op op = (enum op)in->op;
    switch (op_class(op)) {
    case CLASS_R:
        d->kind = int_kind(op), d->src[0] = xreg(in->rs1), d->src[1] = xreg(in->rs2), d->dst = xreg(in->rd);
        break;
    case CLASS_I:
    case CLASS_R1:
        d->kind = PK_ALU, d->src[0] = xreg(in->rs1), d->dst = xreg(in->rd);
        break;
    case CLASS_U:
        d->kind = PK_ALU, d->dst = xreg(in->rd);
        break;
    case CLASS_J:
        d->kind = PK_JAL, d->dst = xreg(in->rd);
        break;
    case CLASS_JR:
        d->kind = PK_JALR, d->src[0] = xreg(in->rs1), d->dst = xreg(in->rd);
        break;
    case CLASS_B:
        d->kind = PK_BRANCH, d->src[0] = xreg(in->rs1), d->src[1] = xreg(in->rs2);
        break;
    case CLASS_LD:
        d->kind = PK_LOAD, d->src[0] = xreg(in->rs1), d->dst = xreg(in->rd);
        break;
    case CLASS_ST:
        d->kind = PK_STORE, d->src[0] = xreg(in->rs1), d->src[1] = xreg(in->rs2);
        break;
    case CLASS_FLD:
        d->kind = PK_LOAD, d->src[0] = xreg(in->rs1), d->dst = freg(in->rd);
        break;
    case CLASS_FST:
        d->kind = PK_STORE, d->src[0] = xreg(in->rs1), d->src[1] = freg(in->rs2);
        break;
    case CLASS_CSR:
    case CLASS_CSRI:
        /* Serializing: reads its operand at commit, when everything older has committed. */
        d->kind = PK_CSR, d->dst = xreg(in->rd);
        break;
    case CLASS_AMO:
    case CLASS_SC:
        d->kind = PK_ATOMIC, d->src[0] = xreg(in->rs1), d->src[1] = xreg(in->rs2), d->dst = xreg(in->rd);
        break;
    case CLASS_LR:
        d->kind = PK_ATOMIC, d->src[0] = xreg(in->rs1), d->dst = xreg(in->rd);
        break;
    case CLASS_F3:
        d->kind = fp_kind(op), d->src[0] = freg(in->rs1), d->src[1] = freg(in->rs2), d->dst = freg(in->rd);
        break;
    case CLASS_F4:
        d->kind = PK_FPU, d->src[0] = freg(in->rs1), d->src[1] = freg(in->rs2),
        d->src[2] = freg(in->rs3), d->dst = freg(in->rd);
        break;
    case CLASS_F1:
        d->kind = fp_kind(op), d->src[0] = freg(in->rs1), d->dst = freg(in->rd);
        break;
    case CLASS_FCMP:
        d->kind = PK_FPU, d->src[0] = freg(in->rs1), d->src[1] = freg(in->rs2), d->dst = xreg(in->rd);
        break;
    case CLASS_F2X:
        d->kind = PK_FPU, d->src[0] = freg(in->rs1), d->dst = xreg(in->rd);
        break;
    case CLASS_X2F:
        d->kind = PK_FPU, d->src[0] = xreg(in->rs1), d->dst = freg(in->rd);
        break;
    case CLASS_VMA:   /* privileged (sfence.vma): illegal in user mode */
        d->kind = PK_FAULT, d->fault = PF_ILLEGAL;
        break;
    case CLASS_SYS:
        switch (op) {
        case OP_ECALL: d->kind = PK_ECALL; break;
        case OP_FENCE_I: d->kind = PK_FENCEI; break;
        case OP_FENCE: d->kind = PK_NOP; break;
        case OP_EBREAK: d->kind = PK_FAULT, d->fault = PF_EBREAK; break;
        default: d->kind = PK_FAULT, d->fault = PF_ILLEGAL; break;
        }
        break;
    }
    if (d->kind == PK_LOAD || d->kind == PK_STORE || d->kind == PK_ATOMIC)
        d->msize = (uint8_t)mem_op_size(op);
}

void pipe_decode_cache_flush(struct model_instance *p)
{
    for (size_t i = 0; i < PIPE_DECODE_CACHE; i++)
        p->dcache[i].pc = UINT64_MAX;   /* pcs are even: never a real tag */
}

static const struct pdec *fetch_fault(struct pdec *d, uint32_t raw)
{
    memset(d, 0, sizeof *d);
    d->in.op = OP_ILLEGAL;
    d->in.raw = raw;
    d->kind = PK_FAULT;
    d->fault = PF_FETCH;
    return d;
}

static void decode_into(struct decode_slot *slot, uint32_t raw)
{
    struct insn in;
    if (!insn_decode(raw, &in)) {
        in.op = OP_ILLEGAL;
        in.raw = raw;
    }
    pipe_predecode(&in, &slot->d);
}

const struct pdec *pipe_decode_at(struct model_instance *p, const struct machine *m, uint64_t pc,
                                  struct pdec *scratch)
{
    if (p->dcache_epoch != m->mem.code_epoch) {
        pipe_decode_cache_flush(p);
        p->dcache_epoch = m->mem.code_epoch;
    }
    struct decode_slot *slot = &p->dcache[(pc >> 1) & (PIPE_DECODE_CACHE - 1)];
    if (slot->pc == pc)
        return &slot->d;

    /* Unfetchable code is not cached: the mapping may change without the code changing. */
    if (!mem_access_ok(&m->mem, pc, 2, MEM_X))
        return fetch_fault(scratch, 0);
    uint16_t lo = (uint16_t)mem_load(&m->mem, pc, 2);
    uint32_t raw = lo;
    if (insn_length(lo) == 4) {
        if (!mem_access_ok(&m->mem, pc + 2, 2, MEM_X))
            return fetch_fault(scratch, lo);
        raw |= (uint32_t)mem_load(&m->mem, pc + 2, 2) << 16;
    }
    decode_into(slot, raw);
    slot->pc = pc;
    return &slot->d;
}

const struct pdec *pipe_decode_system(struct model_instance *p, struct machine *m, uint64_t pc,
                                      struct pdec *scratch)
{
    struct priv_cpu c = priv_cpu_of(m, &p->tlb);
    uint32_t raw;
    if (!priv_fetch(&c, pc, &raw))
        return fetch_fault(scratch, 0);
    /* The tag is the encoding itself (below 2^32, never the empty slot's UINT64_MAX). */
    struct decode_slot *slot = &p->dcache[(raw ^ (raw >> 12) ^ (raw >> 20)) & (PIPE_DECODE_CACHE - 1)];
    if (slot->pc != raw) {
        decode_into(slot, raw);
        slot->pc = raw;
    }
    return &slot->d;
}
