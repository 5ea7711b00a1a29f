/* Commit events from before/after states of one functional step (see step_record.h). */
#include "debug/step_record.h"

#include <string.h>

#include "core/hart.h"
#include "core/machine.h"
#include "isa/fpu.h"
#include "isa/semantics.h"

static bool reads_f_rs1(enum op_class c)
{
    return c == CLASS_F3 || c == CLASS_F4 || c == CLASS_F1 || c == CLASS_FCMP || c == CLASS_F2X;
}

void step_record_begin(struct step_record *r, const struct machine *m)
{
    const struct hart *h = &m->hart;
    memset(r, 0, sizeof *r);
    r->pc = h->pc;
    uint32_t raw = 0;
    r->fetched = mem_access_ok(&m->mem, h->pc, 2, MEM_X);
    if (r->fetched) {
        raw = (uint32_t)mem_load(&m->mem, h->pc, 2);
        if (insn_length((uint16_t)raw) == 4) {
            r->fetched = mem_access_ok(&m->mem, h->pc, 4, MEM_X);
            if (r->fetched)
                raw = (uint32_t)mem_load(&m->mem, h->pc, 4);
        }
    }
    insn_decode(raw, &r->in);
    r->in.raw = raw;
    enum op_class c = op_class((enum op)r->in.op);
    r->rs1 = reads_f_rs1(c) ? h->f[r->in.rs1] : h->x[r->in.rs1];
    r->rs2 = c == CLASS_FST || c == CLASS_F3 || c == CLASS_F4 || c == CLASS_FCMP ? h->f[r->in.rs2]
                                                                                 : h->x[r->in.rs2];
    if (c == CLASS_AMO) {
        unsigned size = mem_op_size((enum op)r->in.op);
        if (mem_access_ok(&m->mem, r->rs1, size, MEM_R))
            r->mem_before = load_extend(size == 4 ? OP_LW : OP_LD, mem_load(&m->mem, r->rs1, size));
    }
    if (c == CLASS_SC)
        r->reserved = h->reservation_valid && h->reservation == r->rs1;
}

uint64_t step_csr_value(const struct machine *m, unsigned csr)
{
    switch (csr) {
    case CSR_FFLAGS: return m->hart.fflags;
    case CSR_FRM: return m->hart.frm;
    case CSR_FCSR: return (uint64_t)m->hart.frm << 5 | m->hart.fflags;
    default: return 0;
    }
}

void step_record_end(const struct step_record *r, const struct machine *m, struct commit_event *ev)
{
    const struct hart *h = &m->hart;
    const struct insn *in = &r->in;
    enum op op = (enum op)in->op;
    enum op_class c = op_class(op);
    memset(ev, 0, sizeof *ev);
    ev->pc = r->pc;
    ev->insn = in->raw;
    ev->len = (uint8_t)(in->len ? in->len : insn_length((uint16_t)in->raw));
    ev->instret = h->instret;
    ev->cycle = h->instret;
    ev->fflags = h->fflags;
    if (m->halt == HALT_SIGNAL && h->pc == r->pc) {   /* it faulted: nothing retired */
        ev->exception = m->exit_status - 128;
        ev->next_pc = r->pc;
        return;
    }
    ev->next_pc = h->pc;
    if (op_class_writes_x(c) && in->rd) {
        ev->rd = in->rd;
        ev->rd_value = h->x[in->rd];
    } else if (op_class_writes_f(c)) {
        ev->rd = (uint8_t)(EV_REG_F + in->rd);
        ev->rd_value = h->f[in->rd];
    }
    unsigned size = mem_op_size(op);
    switch (c) {
    case CLASS_LD: case CLASS_FLD: case CLASS_LR: {
        ev->mem = EV_MEM_LOAD;
        ev->addr = c == CLASS_LR ? r->rs1 : r->rs1 + (uint64_t)in->imm;
        ev->size = (uint8_t)size;
        uint64_t v = mem_load(&m->mem, ev->addr, size);
        ev->load_value = op == OP_FLW ? f32_box((uint32_t)v) : op == OP_FLD ? v : load_extend(op, v);
        break;
    }
    case CLASS_ST: case CLASS_FST:
        ev->mem = EV_MEM_STORE;
        ev->addr = r->rs1 + (uint64_t)in->imm;
        ev->size = (uint8_t)size;
        ev->store_data = r->rs2 & step_size_mask(size);
        break;
    case CLASS_SC:
        if (r->reserved) {
            ev->mem = EV_MEM_STORE;
            ev->addr = r->rs1;
            ev->size = (uint8_t)size;
            ev->store_data = r->rs2 & step_size_mask(size);
        }
        break;
    case CLASS_AMO:
        ev->mem = EV_MEM_LOAD | EV_MEM_STORE;
        ev->addr = r->rs1;
        ev->size = (uint8_t)size;
        ev->load_value = r->mem_before;
        ev->store_data = mem_load(&m->mem, ev->addr, size) & step_size_mask(size);
        break;
    case CLASS_CSR: case CLASS_CSRI:
        if (op == OP_CSRRW || op == OP_CSRRWI || in->rs1 != 0) {
            ev->csr_write = true;
            ev->csr = (uint16_t)in->imm;
            ev->csr_value = step_csr_value(m, (unsigned)in->imm);
        }
        break;
    default:
        break;
    }
    if (op == OP_ECALL) {
        ev->syscall = true;
        ev->syscall_result = h->x[10];
    }
}
