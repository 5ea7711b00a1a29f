/* The execute and memory stages' computations, on operand values that reached the instruction
 * through the register file or the forwarding network.  Semantics come from isa/semantics.h and
 * isa/fpu.h, shared with the fast model. */
#include "isa/fpu.h"
#include "isa/semantics.h"
#include "pipeline/pipeline.h"

static uint64_t alu_result(const struct pinst *in)
{
    const struct insn *i = &in->d.in;
    enum op op = (enum op)i->op;
    switch (op_class(op)) {
    case CLASS_R: return int_op(op, in->val[0], in->val[1]);
    case CLASS_I: case CLASS_R1: return int_op(op, in->val[0], (uint64_t)i->imm);   /* R1: imm 0 */
    default: return op == OP_AUIPC ? in->pc + (uint64_t)i->imm : (uint64_t)i->imm;   /* lui */
    }
}

unsigned pipe_execute(const struct pipe_params *prm, struct pinst *in, unsigned frm)
{
    const struct insn *i = &in->d.in;
    enum op op = (enum op)i->op;
    in->next_pc = in->pc + i->len;
    switch ((enum pkind)in->d.kind) {
    case PK_ALU:
        in->pending = alu_result(in);
        return 1;
    case PK_MUL:
        in->pending = int_op(op, in->val[0], in->val[1]);
        return prm->mul_latency;
    case PK_DIV:
        in->pending = int_op(op, in->val[0], in->val[1]);
        return prm->div_latency;
    case PK_BRANCH:
        if (branch_taken(op, in->val[0], in->val[1]))
            in->next_pc = in->pc + (uint64_t)i->imm;
        return 1;
    case PK_JAL:
        in->pending = in->pc + i->len;
        in->next_pc = in->pc + (uint64_t)i->imm;
        return 1;
    case PK_JALR:
        in->pending = in->pc + i->len;
        in->next_pc = (in->val[0] + (uint64_t)i->imm) & ~1ull;
        return 1;
    case PK_LOAD:
    case PK_STORE:
        in->addr = in->val[0] + (uint64_t)i->imm;
        return 1;
    case PK_ATOMIC:
        in->addr = in->val[0];
        return 1;
    case PK_FPU:
    case PK_FDIV: {
        uint64_t r;
        uint32_t flags = 0;
        if (!fpu_execute(op, in->val[0], in->val[1], in->val[2], i->rm, frm, &r, &flags)) {
            in->fault = PF_ILLEGAL;     /* reserved rounding mode */
            return 1;
        }
        in->pending = r;
        in->fflags = flags;
        return in->d.kind == PK_FDIV ? prm->fdiv_latency : prm->fpu_latency;
    }
    default:   /* nop, serializing instructions (at commit), faults */
        return 1;
    }
}

void pipe_load(const struct machine *m, struct pinst *in)
{
    unsigned size = in->d.msize;
    if (!mem_access_ok(&m->mem, in->addr, size, MEM_R)) {
        in->fault = PF_LOAD;
        in->pending = 0;
        return;
    }
    uint64_t v = mem_load(&m->mem, in->addr, size);
    switch ((enum op)in->d.in.op) {
    case OP_FLW: in->pending = f32_box((uint32_t)v); break;
    case OP_FLD: in->pending = v; break;
    default: in->pending = load_extend((enum op)in->d.in.op, v); break;
    }
}
