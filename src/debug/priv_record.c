/* System-machine commit events from the hart before and after one instruction (see priv_record.h). */
#include "debug/priv_record.h"

#include <string.h>

#include "debug/step_record.h"
#include "isa/semantics.h"
#include "priv/priv.h"

void priv_record_begin(struct priv_record *r, const struct machine *m, const struct insn *in)
{
    const struct hart *h = &m->hart;
    r->pc = h->pc;
    r->mode = (uint8_t)h->priv.mode;
    r->base = h->x[in->rs1];
    r->data = op_class(in->op) == CLASS_FST ? h->f[in->rs2] : h->x[in->rs2];
}

static void begin_event(const struct machine *m, uint64_t pc, uint8_t mode, const struct insn *in,
                        struct commit_event *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->instret = m->hart.instret;
    ev->cycle = m->hart.instret;   /* a pipeline puts its own cycle here */
    ev->pc = pc;
    ev->next_pc = pc;
    if (in) {
        ev->insn = in->raw;
        ev->len = (uint8_t)(in->len ? in->len : insn_length((uint16_t)in->raw));
    }
    ev->fflags = m->hart.fflags;
    ev->priv = mode;
}

void priv_record_retired(const struct priv_record *r, const struct machine *m, const struct insn *in,
                         uint64_t next_pc, struct commit_event *ev)
{
    const struct hart *h = &m->hart;
    enum op op = (enum op)in->op;
    enum op_class c = op_class(op);
    begin_event(m, r->pc, r->mode, in, ev);
    ev->next_pc = next_pc;
    /* The instruction retired after the event is made: count it, as a user-mode event does. */
    ev->instret = h->instret + 1;
    ev->cycle = ev->instret;
    uint64_t written = c == CLASS_FLD ? h->f[in->rd] : h->x[in->rd];
    if (op_class_writes_x(c) && in->rd) {
        ev->rd = in->rd;
        ev->rd_value = written;
    } else if (op_class_writes_f(c)) {
        ev->rd = (uint8_t)(EV_REG_F + in->rd);
        ev->rd_value = h->f[in->rd];
    }
    unsigned size = c == CLASS_FLD || c == CLASS_FST ? (op == OP_FLW || op == OP_FSW ? 4 : 8)
                                                     : mem_op_size(op);
    uint64_t mask = step_size_mask(size);
    switch (c) {
    case CLASS_LD: case CLASS_FLD: case CLASS_LR:
        ev->mem = EV_MEM_LOAD;
        ev->addr = c == CLASS_LR ? r->base : r->base + (uint64_t)in->imm;
        ev->load_value = written;
        break;
    case CLASS_ST: case CLASS_FST:
        ev->mem = EV_MEM_STORE;
        ev->addr = r->base + (uint64_t)in->imm;
        ev->store_data = r->data & mask;
        break;
    case CLASS_SC:
        ev->addr = r->base;
        if (written == 0) {   /* it stored */
            ev->mem = EV_MEM_STORE;
            ev->store_data = r->data & mask;
        }
        break;
    case CLASS_AMO:
        ev->mem = EV_MEM_LOAD | EV_MEM_STORE;
        ev->addr = r->base;
        ev->load_value = written;
        ev->store_data = amo_op(op, written, r->data) & mask;
        break;
    case CLASS_CSR: case CLASS_CSRI:
        if (op == OP_CSRRW || op == OP_CSRRWI || in->rs1 != 0) {
            struct priv_clock clk = { machine_cycles(m), machine_time(m) };
            ev->csr_write = true;
            ev->csr = (uint16_t)in->imm;
            priv_csr_peek(h, &clk, (unsigned)in->imm, &ev->csr_value);
        }
        break;
    default:
        break;
    }
    if (ev->mem)
        ev->size = (uint8_t)size;
    if (op == OP_ECALL) {   /* it retired: a snapsim op from U-mode, its result in a0 */
        ev->syscall = true;
        ev->syscall_result = h->x[10];
    }
}

void priv_record_trap(const struct machine *m, const struct insn *in, uint64_t cause, uint64_t tval,
                      struct commit_event *ev)
{
    begin_event(m, m->hart.pc, (uint8_t)m->hart.priv.mode, in, ev);
    ev->trap = true;
    ev->cause = cause;
    ev->tval = tval;
}
