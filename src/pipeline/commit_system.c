/* The commit stage on a system-mode machine (--machine bare): each instruction takes its
 * architectural effect through the shared privileged layer (priv/exec.h: memory through this
 * model's TLB, CSRs, atomics, mret/sret/wfi/sfence.vma), and an instruction that traps becomes
 * priv_trap without retiring.  Interrupts are taken at the commit boundary, before the oldest
 * instruction commits.  The values the pipeline computed early (ALU, multiply, FP, jumps,
 * branch targets) must agree with the architectural ones: a disagreement is a timing-model bug
 * (an operand forwarded too early) and ends the run.  With debugging sinks listening, each
 * retired instruction and each trap becomes a commit event (debug/priv_record.h), made as the
 * fast model makes it. */
#include <inttypes.h>

#include "core/log.h"
#include "debug/priv_record.h"
#include "platform/virt_machine.h"
#include "priv/access.h"
#include "priv/exec.h"
#include "priv/priv.h"
#include "pipeline/pipeline.h"

/* Kinds whose result and next pc the pipeline computes in Ex, before commit. */
static bool computed_early(unsigned kind)
{
    switch (kind) {
    case PK_ALU: case PK_MUL: case PK_DIV: case PK_FPU: case PK_FDIV:
    case PK_BRANCH: case PK_JAL: case PK_JALR:
        return true;
    default:
        return false;
    }
}

static uint64_t arch_reg(const struct hart *h, unsigned r)
{
    return r < PREG_F ? h->x[r] : h->f[r - PREG_F];
}

/* Takes a trap at the hart's pc: an exception of `in` (NULL: its fetch failed) or an interrupt. */
static enum commit_outcome take_trap(struct model_instance *p, struct machine *m, const struct insn *in,
                                     uint64_t cause, uint64_t tval)
{
    if (event_bus_wants_commits(m->events)) {
        struct commit_event ev;
        priv_record_trap(m, in, cause, tval, &ev);
        ev.cycle = p->now;
        event_emit_commit(m->events, m, &ev);
    }
    priv_trap(&m->hart, cause, tval);
    p->commit_pc = m->hart.pc;
    return COMMIT_RESTART;
}

/* The pipeline computed a value the architecture does not give (a timing-model bug, or a fault
 * injected on purpose): the debugging sinks hear what the pipeline computed, so DiffTest reports
 * the field.  True if a sink stopped the run. */
static bool report_early(struct machine *m, const struct pinst *in, struct commit_event *ev)
{
    if (in->d.dst)
        ev->rd_value = in->result;
    ev->next_pc = in->next_pc;
    event_emit_commit(m->events, m, ev);
    return m->halt != HALT_NONE;
}

/* The virt machine's next event (a timer deadline, a console poll) is given as an instruction
 * count at one instruction per cycle, computed from machine_cycles: its distance from the
 * current instret is a number of cycles, which this model counts itself. */
static bool event_due(struct model_instance *p, const struct machine *m)
{
    uint64_t at = m->sys->event_at;
    if (at != p->event_seen) {
        uint64_t ahead = at > m->hart.instret ? at - m->hart.instret : 0;
        p->event_cycle = m->cycles + ahead < m->cycles ? UINT64_MAX : m->cycles + ahead;
        p->event_seen = at;
    }
    return m->cycles >= p->event_cycle;
}

bool pipe_system_interrupt(struct model_instance *p, struct machine *m, const struct pinst *oldest)
{
    struct hart *h = &m->hart;
    m->cycles = p->cycle_base + p->now;
    if (m->sys->virt && event_due(p, m)) {
        virt_machine_tick(m);   /* sets the next event_at */
        p->event_seen = ~m->sys->event_at;   /* a tick may leave it unchanged: reread it */
    }
    if (!(h->priv.mip & h->priv.mie))
        return false;
    uint64_t irq = priv_pending_interrupt(h);
    if (!irq)
        return false;
    h->pc = oldest->pc;
    p->sys_counts.interrupts++;
    take_trap(p, m, NULL, irq, 0);
    return true;
}

enum commit_outcome pipe_commit_system(struct model_instance *p, struct machine *m, struct pinst *in)
{
    struct hart *h = &m->hart;
    struct priv_cpu c = priv_cpu_of(m, &p->tlb);
    h->pc = in->pc;
    m->cycles = p->cycle_base + p->now;   /* what the cycle and time CSRs read */
    uint64_t next_pc = in->pc + in->d.in.len;
    bool ok, dropped = false;
    bool fetched = in->d.fault != PF_FETCH;
    struct priv_record rec;
    if (!fetched) {
        /* Fetched under the state of its time; the fetch is repeated now that everything older
         * has committed, and either traps or (the state changed) fetch starts over here. */
        uint32_t raw;
        if (priv_fetch(&c, in->pc, &raw)) {
            p->commit_pc = in->pc;
            return COMMIT_RESTART;
        }
        ok = false;
    } else {
        uint64_t slept = m->cycle_offset;
        if (event_bus_wants_commits(m->events))
            priv_record_begin(&rec, m, &in->d.in);
        if (in->d.kind == PK_STORE && inject_due(&p->inj, INJ_DROP_STORE, m->hart.instret + 1)) {
            inject_applied(&p->inj, m->hart.instret + 1, in->pc);
            dropped = ok = true;   /* the store retires without writing memory */
        } else {
            ok = in->d.in.op != OP_ILLEGAL ? priv_execute(&c, &in->d.in, &next_pc)
                                           : priv_fail(&c, CAUSE_ILLEGAL, in->d.in.raw);
        }
        /* A wfi on the virt machine lets the clock jump to the timer deadline (cycle_offset):
         * this model's clock jumps with it. */
        p->cycle_base += m->cycle_offset - slept;
        m->cycles = p->cycle_base + p->now;
    }
    if (!ok) {
        p->sys_counts.exceptions++;
        return take_trap(p, m, fetched ? &in->d.in : NULL, c.exc.cause, c.exc.tval);
    }
    struct commit_event ev;
    /* Before x0 is cleared: a load into x0 left its value there. */
    if (event_bus_wants_commits(m->events)) {
        priv_record_retired(&rec, m, &in->d.in, next_pc, &ev);
        ev.cycle = p->now;
        if (dropped)
            ev.mem = EV_MEM_NONE;
    }
    h->x[0] = 0;
    unsigned dst = in->d.dst, kind = in->d.kind;
    uint64_t value = dst ? arch_reg(h, dst) : 0;
    if (computed_early(kind) && ((dst && in->result != value) || next_pc != in->next_pc)) {
        if (event_bus_wants_commits(m->events) && report_early(m, in, &ev))
            return COMMIT_HALTED;
        log_msg("pipeline: the instruction at pc 0x%" PRIx64 " computed 0x%" PRIx64 " (next pc 0x%"
                PRIx64 ") where the architecture gives 0x%" PRIx64 " (next pc 0x%" PRIx64 ")",
                in->pc, in->result, in->next_pc, value, next_pc);
        m->halt = HALT_ERROR;
        m->exit_status = 1;
        return COMMIT_HALTED;
    }
    if (dst)
        p->rf[dst] = value;
    if (kind == PK_ECALL)   /* a guest op retired (priv/guest_ops.c): its result is in a0 */
        p->rf[10] = h->x[10];
    in->result = value;
    in->next_pc = next_pc;
    pipe_retire(p, m, in);
    p->sys_counts.mode_insns[h->priv.mode & 3]++;
    if (event_bus_wants_commits(m->events))
        event_emit_commit(m->events, m, &ev);
    if (m->sys->mem.watch_hit)
        htif_tohost(m);
    /* Serializing instructions stopped fetch behind them (fetch.c); mret, sret, wfi and
     * sfence.vma are predecoded as such, so nothing younger was fetched under the old state. */
    return kind == PK_CSR || kind == PK_ECALL || kind == PK_FENCEI || kind == PK_FAULT
           ? COMMIT_SERIALIZED : COMMIT_OK;
}

void pipe_system_stats(const struct model_instance *p, const struct machine *m, cJSON *core)
{
    priv_stats_json(&p->tlb, &p->sys_counts, m, core);
}
