/* The commit stage's architectural work: register and memory writes, atomics, CSRs, system calls,
 * fence.i and faults.  Everything older has committed when an instruction gets here, so the
 * register file holds exactly the state the fast model would have before it. */
#include <signal.h>
#include <string.h>

#include "debug/events.h"
#include "debug/step_record.h"
#include "isa/fpu.h"
#include "isa/semantics.h"
#include "pipeline/pipeline.h"

static void write_reg(struct model_instance *p, struct machine *m, unsigned r, uint64_t v)
{
    if (!r)
        return;
    p->rf[r] = v;
    if (r < PREG_F)
        m->hart.x[r] = v;
    else
        m->hart.f[r - PREG_F] = v;
}

/* The encoding at pc for fault reports (0 if it cannot be read), as the fast model reports it. */
static uint32_t encoding_at(const struct machine *m, uint64_t pc, unsigned len)
{
    if (len != 2 && len != 4)
        len = 2;
    return mem_access_ok(&m->mem, pc, len, MEM_R) ? (uint32_t)mem_load(&m->mem, pc, len) : 0;
}

/* A fault of the instruction at commit: true if a guest handler takes it, else the guest is
 * killed with the fast model's messages. */
/* The signal Linux raises for a fault. */
static int fault_signal(enum pfault f)
{
    static const int fault_signals[] = {
        [PF_FETCH] = SIGSEGV, [PF_EBREAK] = SIGTRAP, [PF_LOAD] = SIGSEGV, [PF_STORE] = SIGSEGV,
        [PF_MISALIGNED_ATOMIC] = SIGBUS,
    };
    return (unsigned)f < sizeof fault_signals / sizeof fault_signals[0] && fault_signals[f]
           ? fault_signals[f] : SIGILL;
}

static bool raise_fault(struct machine *m, const struct pinst *in, enum pfault f)
{
    unsigned long long addr = (unsigned long long)in->addr;
    m->hart.pc = in->pc;
    bool data = f == PF_LOAD || f == PF_STORE || f == PF_MISALIGNED_ATOMIC;
    int sig = fault_signal(f);
    if (linux_signal_fault(m, sig, data ? in->addr : in->pc))
        return true;
    switch (f) {
    case PF_FETCH:
        machine_kill(m, SIGSEGV, "instruction fetch from unmapped or non-executable memory");
        break;
    case PF_EBREAK:
        machine_kill(m, SIGTRAP, "breakpoint (ebreak)");
        break;
    case PF_LOAD:
        machine_kill(m, SIGSEGV, "load from unmapped or unreadable address 0x%llx", addr);
        break;
    case PF_STORE:
        machine_kill(m, SIGSEGV, "store to unmapped or read-only address 0x%llx", addr);
        break;
    case PF_MISALIGNED_ATOMIC:
        machine_kill(m, SIGBUS, "misaligned atomic access 0x%llx", addr);
        break;
    default: {
        unsigned len = in->d.in.len ? in->d.in.len : insn_length((uint16_t)encoding_at(m, in->pc, 2));
        machine_kill(m, SIGILL, "illegal instruction 0x%0*x", len == 2 ? 4 : 8,
                     encoding_at(m, in->pc, len));
        break;
    }
    }
    return false;
}

/* LR, SC and AMOs, in the fast model's order of checks. */
static enum pfault atomic(struct machine *m, struct pinst *in)
{
    struct guest_mem *mem = &m->mem;
    struct hart *h = &m->hart;
    enum op op = (enum op)in->d.in.op;
    unsigned size = in->d.msize;
    uint64_t addr = in->addr;
    if (addr & (size - 1))
        return PF_MISALIGNED_ATOMIC;
    if (op == OP_LR_W || op == OP_LR_D) {
        if (!mem_access_ok(mem, addr, size, MEM_R))
            return PF_LOAD;
        in->result = load_extend(op, mem_load(mem, addr, size));
        h->reservation = addr;
        h->reservation_valid = true;
    } else if (op == OP_SC_W || op == OP_SC_D) {
        if (!mem_access_ok(mem, addr, size, MEM_W))
            return PF_STORE;
        bool ok = h->reservation_valid && h->reservation == addr;
        if (ok)
            mem_store(mem, addr, size, in->val[1]);
        h->reservation_valid = false;
        in->result = !ok;
    } else {
        if (!mem_access_ok(mem, addr, size, MEM_R | MEM_W) || !mem_access_ok(mem, addr, size, MEM_W))
            return PF_STORE;
        uint64_t old = load_extend(size == 4 ? OP_LW : OP_LD, mem_load(mem, addr, size));
        mem_store(mem, addr, size, amo_op(op, old, in->val[1]));
        in->result = old;
    }
    return PF_NONE;
}

/* csrrw/s/c[i]: false if the CSR access is illegal. */
static bool csr(struct model_instance *p, struct machine *m, struct pinst *in)
{
    const struct insn *i = &in->d.in;
    bool imm_form = i->op >= OP_CSRRWI;
    uint64_t operand = imm_form ? i->rs1 : p->rf[i->rs1];
    /* csrrs/csrrc with x0 or a zero immediate only read: no write side effects. */
    bool write = i->op == OP_CSRRW || i->op == OP_CSRRWI || i->rs1 != 0;
    m->hart.pc = in->pc;
    m->cycles = p->cycle_base + p->now;
    return machine_csr_access(m, (unsigned)i->imm, i->op, operand, write, &in->result);
}

void pipe_retire(struct model_instance *p, struct machine *m, const struct pinst *in)
{
    m->hart.instret++;
    m->op_count[in->d.in.op]++;
    p->commit_pc = in->next_pc;
    p->cnt.retires++;
    p->last_commit_cycle = p->now;
}

/* Reports the instruction's architectural effects, as this model performed them, to the debugging
 * sinks.  `stored` tells whether a store or atomic wrote memory. */
static void begin_event(struct model_instance *p, const struct machine *m, const struct pinst *in,
                        struct commit_event *ev)
{
    const struct insn *i = &in->d.in;
    memset(ev, 0, sizeof *ev);
    ev->instret = m->hart.instret;
    ev->cycle = p->now;
    ev->pc = in->pc;
    ev->next_pc = p->commit_pc;
    ev->insn = i->raw;
    ev->len = (uint8_t)(i->len ? i->len : insn_length((uint16_t)i->raw));
    ev->fflags = m->hart.fflags;
}

/* A faulting instruction: it did not retire; the guest died of `sig` or a handler took it. */
static void emit_fault(struct model_instance *p, struct machine *m, const struct pinst *in, int sig)
{
    struct commit_event ev;
    begin_event(p, m, in, &ev);
    ev.exception = sig;
    ev.next_pc = in->pc;
    event_emit_commit(m->events, m, &ev);
}

static void emit_commit(struct model_instance *p, struct machine *m, const struct pinst *in, bool stored)
{
    const struct insn *i = &in->d.in;
    struct commit_event ev;
    begin_event(p, m, in, &ev);
    if (m->halt == HALT_SIGNAL && in->d.kind != PK_ECALL) {
        emit_fault(p, m, in, m->exit_status - 128);
        return;
    }
    ev.rd = in->d.dst;
    ev.rd_value = in->d.dst ? in->result : 0;
    ev.size = in->d.msize;
    ev.addr = in->addr;
    uint64_t mask = step_size_mask(in->d.msize);
    switch ((enum pkind)in->d.kind) {
    case PK_LOAD:
        ev.mem = EV_MEM_LOAD;
        ev.load_value = in->result;
        break;
    case PK_STORE:
        ev.mem = stored ? EV_MEM_STORE : EV_MEM_NONE;
        ev.store_data = in->val[1] & mask;
        break;
    case PK_ATOMIC: {
        enum op op = (enum op)i->op;
        if (op == OP_LR_W || op == OP_LR_D) {
            ev.mem = EV_MEM_LOAD;
            ev.load_value = in->result;
        } else if (op == OP_SC_W || op == OP_SC_D) {
            ev.mem = in->result == 0 ? EV_MEM_STORE : EV_MEM_NONE;
            ev.store_data = in->val[1] & mask;
        } else {
            ev.mem = EV_MEM_LOAD | EV_MEM_STORE;
            ev.load_value = in->result;
            ev.store_data = mem_load(&m->mem, in->addr, in->d.msize) & mask;
        }
        break;
    }
    case PK_CSR:
        if (i->op == OP_CSRRW || i->op == OP_CSRRWI || i->rs1 != 0) {
            ev.csr_write = true;
            ev.csr = (uint16_t)i->imm;
            ev.csr_value = step_csr_value(m, (unsigned)i->imm);
        }
        break;
    case PK_ECALL:
        ev.rd = 0;
        ev.syscall = true;
        ev.syscall_result = m->hart.x[10];
        if (m->hart.pc != in->pc)      /* the call moved the pc (execve, a signal return) */
            ev.next_pc = m->hart.pc;
        break;
    default:
        break;
    }
    event_emit_commit(m->events, m, &ev);
}

enum commit_outcome pipe_commit_one(struct model_instance *p, struct machine *m, struct pinst *in)
{
    bool stored = true;
    enum pfault f = (enum pfault)in->fault;
    if (f == PF_NONE)
        f = (enum pfault)in->d.fault;
    if (f == PF_NONE) {
        switch ((enum pkind)in->d.kind) {
        case PK_STORE:
            if (inject_due(&p->inj, INJ_DROP_STORE, m->hart.instret + 1)) {
                inject_applied(&p->inj, m->hart.instret + 1, in->pc);
                stored = false;
            } else {
                mem_store(&m->mem, in->addr, in->d.msize, in->val[1]);
            }
            break;
        case PK_ATOMIC:
            f = atomic(m, in);
            break;
        case PK_CSR:
            if (!csr(p, m, in))
                f = PF_ILLEGAL;
            break;
        case PK_ECALL: {
            m->hart.pc = in->pc;
            pipe_retire(p, m, in);           /* a system call sees itself retired, as on the fast model */
            m->cycles = p->cycle_base + p->now;
            uint64_t args[7];
            memcpy(args, &m->hart.x[10], sizeof args);
            if (!event_syscall_before(m->events, m))   /* a LightSSS replay may deliver it */
                linux_syscall(m);
            event_syscall_after(m->events, m, args);
            p->commit_pc = m->hart.pc;  /* after the ecall, a signal handler, or rt_sigreturn's pc */
            for (unsigned r = 1; r < PREG_F; r++)
                p->rf[r] = m->hart.x[r];
            for (unsigned r = 0; r < 32; r++)
                p->rf[PREG_F + r] = m->hart.f[r];
            if (event_bus_wants_commits(m->events))
                emit_commit(p, m, in, false);
            return m->halt != HALT_NONE ? COMMIT_HALTED : COMMIT_SERIALIZED;
        }
        case PK_FENCEI:
            pipe_decode_cache_flush(p);
            break;
        default:
            break;
        }
    }
    if (f != PF_NONE) {
        if (raise_fault(m, in, f) && m->halt == HALT_NONE) {
            /* A guest handler runs: the run ends here (the fault did not retire) and resumes at
             * the handler, with the registers the frame set up (linux_run_model). */
            p->commit_pc = m->hart.pc;
            m->halt = HALT_LIMIT;
        }
        if (event_bus_wants_commits(m->events))
            emit_fault(p, m, in, m->halt == HALT_SIGNAL ? m->exit_status - 128 : fault_signal(f));
        return COMMIT_HALTED;
    }
    write_reg(p, m, in->d.dst, in->result);
    m->hart.fflags |= in->fflags;
    pipe_retire(p, m, in);
    if (event_bus_wants_commits(m->events))
        emit_commit(p, m, in, stored);
    switch ((enum pkind)in->d.kind) {
    case PK_CSR: case PK_FENCEI:
        return COMMIT_SERIALIZED;
    default:
        return COMMIT_OK;
    }
}
