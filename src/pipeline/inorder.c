/* The in-order pipeline's cycle loop and the movement of instructions between stages (see
 * pipeline.h for the representation).  Each cycle processes the stages oldest first:
 *
 *   Cm   commits instructions whose Mem work is done, in order (architectural effects here)
 *   Mem  loads read memory (after any overlapping older store has committed); D-cache timing
 *   Ex   takes forwarded operands, computes, resolves branches (a misprediction flushes the
 *        younger instructions and redirects fetch for the next cycle)
 *   Is   reads the register file; with forwarding off it waits for producers to commit
 *   D/F  latency-one stages; the fetch unit fills F1 (fetch.c)
 *
 * CPI stack rule: a cycle that commits at least one instruction counts as "base".  A cycle that
 * commits nothing is charged to the reason the oldest uncommitted instruction is not at commit:
 * if Mem holds it, a memory access still in progress (dcache); otherwise the reason carried by the
 * bubble in front of commit.  Bubbles are labelled where they form — a stage that ends a cycle
 * empty inherits the label of the stage behind it if that one is empty too, else the reason that
 * stage's oldest instruction could not move (Ex busy with a multi-cycle operation: structural;
 * operand not available in Is, or a load waiting for an older store to the same bytes: data
 * hazard; Mem access in progress: dcache).  The fetch unit labels its own empty cycles: waiting
 * for the I-cache (ifetch), the redirect cycle after a misprediction (branch_mispredict, also put
 * on every stage the flush emptied), stopped behind a serializing instruction (structural). */
#include <inttypes.h>
#include <string.h>

#include "core/log.h"
#include "debug/events.h"
#include "debug/model_assert.h"
#include "pipeline/pipeline.h"

/* A value no correct computation here is likely to produce: using a result before its time
 * shows up as a wrong value. */
#define PIPE_POISON 0xbadc0ffee0ddf00dull

/* Tells the tracing sinks that `in` entered stage `to` (-1: none) from `from` (-1: none). */
static void trace_insn(struct model_instance *p, enum insn_ev_kind kind, const struct pinst *in,
                       int from, int to)
{
    struct insn_event ev = { kind, p->now, in->trace_id, in->seq, in->pc, &in->d.in,
                             from < 0 ? NULL : p->stage_name[from], to < 0 ? NULL : p->stage_name[to] };
    event_emit_insn(p->m->events, p->m, &ev);
}

static void move_to(struct model_instance *p, struct pinst *in, unsigned k)
{
    if (pipe_traced(p))
        trace_insn(p, IEV_MOVE, in, in->stage, (int)k);
    in->stage = (uint8_t)k;
}

struct pinst *pipe_new_insn(struct model_instance *p, uint64_t pc, const struct pdec *d)
{
    unsigned f1 = p->nstages - 1;
    uint64_t seq = p->first[p->nstages]++;
    struct pinst *in = pipe_at(p, seq);
    in->d = *d;
    in->seq = seq;
    in->pc = pc;
    in->next_pc = in->pred_next = pc + d->in.len;
    in->fault = PF_NONE;
    in->fflags = 0;
    in->result = in->pending = PIPE_POISON;
    in->ready = p->now + 1;
    in->result_cycle = UINT64_MAX;
    in->stage = (uint8_t)f1;
    in->trace_id = p->fetched++;
    if (pipe_traced(p))
        trace_insn(p, IEV_FETCH, in, -1, (int)f1);
    return in;
}

/* Why stage k has nothing to hand on this cycle (k is the stage behind an empty one; the
 * fetch unit labels the first fetch stage's bubbles itself). */
static uint8_t why_behind(const struct model_instance *p, unsigned k)
{
    if (!pipe_occupancy(p, k))
        return p->bubble[k];
    return k == ST_MEM ? WHY_DCACHE : WHY_STRUCTURAL;
}

static void note_bubble(struct model_instance *p, unsigned k, uint8_t why)
{
    if (!pipe_occupancy(p, k))
        p->bubble[k] = why;
}

/* The register-writer table, rebuilt from the instructions that have passed Is. */
static void rebuild_writers(struct model_instance *p)
{
    memset(p->last_writer, 0, sizeof p->last_writer);
    for (uint64_t s = p->first[ST_MEM]; s < p->first[ST_IS + 1]; s++) {
        const struct pinst *in = pipe_at(p, s);
        if (in->d.dst)
            p->last_writer[in->d.dst] = s;
    }
}

/* Removes every instruction from seq `from` on (wrong path, or a run ending). */
static void squash_from(struct model_instance *p, uint64_t from, uint8_t why)
{
    uint64_t end = p->first[p->nstages];
    if (pipe_traced(p))
        for (uint64_t s = from; s < end; s++)
            trace_insn(p, IEV_FLUSH, pipe_at(p, s), pipe_at(p, s)->stage, -1);
    for (unsigned k = 0; k <= p->nstages; k++)
        if (p->first[k] > from)
            p->first[k] = from;
    for (unsigned k = ST_IS; k < p->nstages; k++)
        p->bubble[k] = why;
    rebuild_writers(p);
}

/* Trace: instructions committed last cycle leave the commit stage. */
static void leave_commit(struct model_instance *p)
{
    if (pipe_traced(p))
        for (uint64_t s = p->first[ST_CM]; s < p->first[ST_MEM]; s++)
            trace_insn(p, IEV_RETIRE, pipe_at(p, s), ST_CM, -1);
    p->first[ST_CM] = p->first[ST_MEM];
}

/* Results whose cycle has come become visible to the bypass network and the commit stage. */
static void publish_results(struct model_instance *p)
{
    for (uint64_t s = p->first[ST_MEM]; s < p->first[ST_IS]; s++) {
        struct pinst *in = pipe_at(p, s);
        if (in->result_cycle <= p->now)
            in->result = in->pending;
    }
}

enum cycle_end { CYCLE_GO, CYCLE_LIMIT, CYCLE_HALTED };

/* A trap or interrupt at the oldest instruction (system mode): it and everything younger leave
 * without retiring, and fetch goes to the handler next cycle. */
static void restart_at_commit(struct model_instance *p, const struct pinst *oldest)
{
    p->cnt.flushes += p->first[p->nstages] - oldest->seq;
    squash_from(p, oldest->seq, WHY_BRANCH);
    pipe_redirect(p, p->commit_pc, p->now + 1, WHY_BRANCH);
}

static enum cycle_end commit_stage(struct model_instance *p, struct machine *m, uint64_t stop_at)
{
    enum cycle_end end = CYCLE_GO;
    unsigned n = 0;
    while (n < p->prm.commit_width && pipe_occupancy(p, ST_MEM)) {
        struct pinst *in = pipe_at(p, p->first[ST_MEM]);
        if (in->ready > p->now)
            break;
        if (m->hart.instret == stop_at) {
            end = CYCLE_LIMIT;
            break;
        }
        if (model_assert(m, in->pc == p->commit_pc, p->now, p->commit_pc,
                         "the instruction at commit is the next in program order")) {
            end = CYCLE_HALTED;
            break;
        }
        if (p->system && pipe_system_interrupt(p, m, in)) {
            restart_at_commit(p, in);
            break;
        }
        enum commit_outcome o = p->system ? pipe_commit_system(p, m, in) : pipe_commit_one(p, m, in);
        if (o == COMMIT_RESTART) {
            restart_at_commit(p, in);
            break;
        }
        if (o == COMMIT_HALTED) {
            if (in->d.kind == PK_ECALL) {   /* exit (or a fatal signal) in the call: it retired */
                m->hart.pc = p->commit_pc;
                p->first[ST_MEM]++;
                move_to(p, in, ST_CM);
                n++;
            }                               /* else a fault: the commit stage set the pc */
            end = CYCLE_HALTED;
            break;
        }
        p->first[ST_MEM]++;
        move_to(p, in, ST_CM);
        in->result_cycle = p->now;
        n++;
        p->note.commits = n;
        p->note.commit_pc = in->pc;
        if (m->halt != HALT_NONE) {   /* a debugging sink stopped the run (a DiffTest mismatch) */
            end = CYCLE_HALTED;
            break;
        }
        if (o == COMMIT_SERIALIZED)   /* fetch stopped behind it: resume after it, next cycle */
            pipe_redirect(p, p->commit_pc, p->now + 1, WHY_STRUCTURAL);
        if (m->hart.instret == stop_at) {
            end = CYCLE_LIMIT;
            break;
        }
    }
    p->cnt.cycles++;
    p->cnt.cpi[n ? WHY_BASE : why_behind(p, ST_MEM)]++;
    return end;
}

/* True if an older store or atomic still waiting to commit writes any byte `in` reads. */
static bool waits_for_store(struct model_instance *p, const struct pinst *in)
{
    uint64_t lo = in->addr, hi = in->addr + in->d.msize;
    for (uint64_t s = p->first[ST_MEM]; s < in->seq; s++) {
        const struct pinst *o = pipe_at(p, s);
        if ((o->d.kind == PK_STORE || o->d.kind == PK_ATOMIC) && o->addr < hi &&
            lo < o->addr + o->d.msize)
            return true;
    }
    return false;
}

static void mem_stage(struct model_instance *p, struct machine *m)
{
    unsigned n = 0;
    uint8_t why = WHY_BASE;
    while (n < p->cap[ST_MEM] && pipe_occupancy(p, ST_MEM) < p->cap[ST_MEM]) {
        if (!pipe_occupancy(p, ST_EX)) {
            why = p->bubble[ST_EX];
            break;
        }
        struct pinst *in = pipe_at(p, p->first[ST_EX]);
        if (in->ready > p->now) {
            why = WHY_STRUCTURAL;
            break;
        }
        unsigned kind = in->d.kind, latency = 1;
        if (kind == PK_LOAD && in->fault == PF_NONE && waits_for_store(p, in)) {
            why = WHY_DATA;
            break;
        }
        p->first[ST_EX]++;
        move_to(p, in, ST_MEM);
        if (in->fault == PF_NONE) {
            if (kind == PK_LOAD) {
                /* System mode: the load reads at commit (a device read has side effects, and
                 * the translation may walk page tables that older stores still change); here
                 * only its cache timing, at the virtual address. */
                if (!p->system)
                    pipe_load(m, in);
                if (in->fault == PF_NONE)
                    latency = memsys_load(&p->ms, in->addr, in->d.msize);
                p->note.dcache_miss |= latency > 1;
            } else if (kind == PK_STORE) {
                if (!p->system && !mem_access_ok(&m->mem, in->addr, in->d.msize, MEM_W))
                    in->fault = PF_STORE;
                else
                    latency = memsys_store(&p->ms, in->addr, in->d.msize);
            } else if (kind == PK_ATOMIC) {
                /* Timing only: the access itself happens at commit. */
                bool lr = in->d.in.op == OP_LR_W || in->d.in.op == OP_LR_D;
                latency = lr ? memsys_load(&p->ms, in->addr, in->d.msize)
                             : memsys_store(&p->ms, in->addr, in->d.msize);
            }
        }
        in->ready = p->now + latency;
        if (kind == PK_LOAD && !p->system)   /* in system mode at commit, as atomics */
            in->result_cycle = in->ready;
        n++;
    }
    note_bubble(p, ST_MEM, why);
}

static bool is_control(unsigned kind) { return kind == PK_BRANCH || kind == PK_JAL || kind == PK_JALR; }

/* Result available only at commit (atomics, CSRs, system calls) or after Mem (loads). */
static bool late_result(unsigned kind)
{
    return kind == PK_LOAD || kind == PK_ATOMIC || kind == PK_CSR || kind == PK_ECALL;
}

/* Faults injected into the execute stage's results (debug/inject.h).  Ex only ever holds
 * correct-path instructions that will retire unless something older faults, so the retire number
 * it computes is the one the instruction commits as. */
static void inject_execute(struct model_instance *p, struct pinst *in, uint64_t retire_number)
{
    if (in->d.kind == PK_ALU && in->d.dst && inject_due(&p->inj, INJ_ALU_BITFLIP, retire_number)) {
        in->pending ^= 1ull << p->inj.bit;
        inject_applied(&p->inj, retire_number, in->pc);
    } else if (is_control(in->d.kind) && inject_due(&p->inj, INJ_BRANCH_TARGET, retire_number)) {
        in->next_pc += 4;
        inject_applied(&p->inj, retire_number, in->pc);
    } else if (in->d.kind == PK_ALU && inject_due(&p->inj, INJ_LOST_WAKEUP, retire_number)) {
        in->ready = in->result_cycle = UINT64_MAX;
        inject_applied(&p->inj, retire_number, in->pc);
    }
}

static void ex_stage(struct model_instance *p, struct machine *m)
{
    unsigned n = 0;
    uint8_t why = WHY_BASE;
    while (n < p->cap[ST_EX] && pipe_occupancy(p, ST_EX) < p->cap[ST_EX]) {
        if (!pipe_occupancy(p, ST_IS)) {
            why = p->bubble[ST_IS];
            break;
        }
        struct pinst *in = pipe_at(p, p->first[ST_IS]);
        if (in->ready > p->now) {
            why = WHY_STRUCTURAL;
            break;
        }
        /* The bypass network: a pending operand comes from its producer's record once the
         * producer has the value, or from the register file once it has committed. */
        uint64_t retire_number = m->hart.instret + (in->seq - p->first[ST_MEM]) + 1;
        bool wait = false;
        for (unsigned j = 0; j < 3; j++) {
            uint64_t pr = in->producer[j];
            if (!pr)
                continue;
            if (pr < p->first[ST_MEM]) {
                in->val[j] = p->rf[in->d.src[j]];
            } else {
                const struct pinst *q = pipe_at(p, pr);
                if (q->result_cycle > p->now) {
                    wait = true;
                    break;
                }
                in->val[j] = q->result;
                if (inject_due(&p->inj, INJ_STALE_FORWARD, retire_number) &&
                    p->rf[in->d.src[j]] != q->result) {
                    in->val[j] = p->rf[in->d.src[j]];
                    inject_applied(&p->inj, retire_number, in->pc);
                }
            }
            in->producer[j] = 0;
        }
        if (wait) {
            why = WHY_DATA;
            if (!n)
                p->cnt.data_stalls++;
            break;
        }
        p->first[ST_IS]++;
        move_to(p, in, ST_EX);
        unsigned latency = pipe_execute(&p->prm, in, m->hart.frm);
        in->ready = p->now + latency;
        if (!late_result(in->d.kind))
            in->result_cycle = in->ready;
        if (p->inj.kind != INJ_NONE)
            inject_execute(p, in, retire_number);
        p->cnt.issued++;
        n++;
        if (is_control(in->d.kind)) {
            bool taken = in->next_pc != in->pc + in->d.in.len;
            bool redirect = bpred_update(&p->bp, in->pc, &in->d.in, &in->pred, taken, in->next_pc);
            p->note.resolved = true;
            p->note.res_pc = in->pc;
            p->note.res_target = in->next_pc;
            if (redirect || in->next_pc != in->pred_next) {
                p->note.mispredicted = p->note.flushed = true;
                p->cnt.flushes += p->first[p->nstages] - (in->seq + 1);
                if (p->first[p->nstages] > in->seq + 1 &&   /* wrong-path work to keep */
                    inject_due(&p->inj, INJ_LOST_FLUSH, retire_number))
                    inject_applied(&p->inj, retire_number, in->pc);
                else
                    squash_from(p, in->seq + 1, WHY_BRANCH);
                pipe_redirect(p, in->next_pc, p->now + 1, WHY_BRANCH);
                return;
            }
        }
    }
    note_bubble(p, ST_EX, why);
}

static void is_stage(struct model_instance *p)
{
    unsigned n = 0, src = ST_IS + 1;
    uint8_t why = WHY_BASE;
    while (n < p->cap[ST_IS] && pipe_occupancy(p, ST_IS) < p->cap[ST_IS]) {
        if (!pipe_occupancy(p, src)) {
            why = why_behind(p, src);
            break;
        }
        struct pinst *in = pipe_at(p, p->first[src]);
        if (in->ready > p->now) {
            why = WHY_STRUCTURAL;
            break;
        }
        bool wait = false;
        for (unsigned j = 0; j < 3; j++) {
            unsigned r = in->d.src[j];
            in->producer[j] = 0;
            in->val[j] = 0;
            if (!r)
                continue;
            uint64_t w = p->last_writer[r];
            if (w >= p->first[ST_MEM]) {        /* the producer has not committed */
                if (!p->prm.forwarding) {
                    wait = true;
                    break;
                }
                in->producer[j] = w;
            } else {
                in->val[j] = p->rf[r];
            }
        }
        if (wait) {
            why = WHY_DATA;
            if (!n)
                p->cnt.data_stalls++;
            break;
        }
        if (in->d.dst)
            p->last_writer[in->d.dst] = in->seq;
        p->first[src]++;
        move_to(p, in, ST_IS);
        in->ready = p->now + 1;
        n++;
    }
    note_bubble(p, ST_IS, why);
}

/* Decode and fetch stages after the first: one cycle each. */
static void front_stage(struct model_instance *p, unsigned k)
{
    unsigned n = 0, src = k + 1;
    while (n < p->cap[k] && pipe_occupancy(p, k) < p->cap[k] && pipe_occupancy(p, src)) {
        struct pinst *in = pipe_at(p, p->first[src]);
        if (in->ready > p->now)
            break;
        p->first[src]++;
        move_to(p, in, k);
        in->ready = p->now + 1;
        n++;
    }
    if (k == p->nstages - 1 - p->prm.fetch_stages)   /* the first decode stage */
        p->cnt.decoded += n;
    note_bubble(p, k, why_behind(p, src));
}

/* Ends a run: the younger in-flight work is dropped (a later run refetches it) and, unless the
 * guest ended, the hart's pc names the next instruction to commit.  `simulated` tells whether
 * the current cycle was simulated. */
static void end_run(struct model_instance *p, struct machine *m, bool simulated)
{
    if (simulated)
        p->now++;
    m->cycles = p->cycle_base + p->now;   /* current wherever the run stops (snapshots record it) */
    leave_commit(p);
    squash_from(p, p->first[ST_MEM], WHY_IFETCH);
    if (m->halt != HALT_EXIT && m->halt != HALT_SIGNAL)
        m->hart.pc = p->commit_pc;
}

void pipe_run(struct model_instance *p, struct machine *m, uint64_t stop_at)
{
    if (m->hart.instret >= stop_at) {
        m->halt = HALT_LIMIT;
        return;
    }
    p->m = m;
    /* The machine may have been restored or run by another model since the last run. */
    p->rf[0] = 0;
    for (unsigned r = 1; r < PREG_F; r++)
        p->rf[r] = m->hart.x[r];
    for (unsigned r = 0; r < 32; r++)
        p->rf[PREG_F + r] = m->hart.f[r];
    memset(p->last_writer, 0, sizeof p->last_writer);
    p->commit_pc = m->hart.pc;
    p->last_commit_cycle = p->now;
    for (unsigned k = 0; k < p->nstages; k++)
        p->bubble[k] = WHY_IFETCH;
    pipe_redirect(p, m->hart.pc, p->now, WHY_IFETCH);

    for (;;) {
        if (p->prm.max_cycles && p->now >= p->prm.max_cycles) {
            log_msg("stopped after %" PRIu64 " cycles (pipeline:max_cycles)", p->now);
            m->halt = HALT_STOPPED;
            m->exit_status = 0;
            end_run(p, m, false);
            return;
        }
        if (machine_stop_requested) {   /* SIGINT/SIGTERM: end here, as at a stop point */
            m->halt = HALT_INTERRUPTED;
            end_run(p, m, false);
            return;
        }
        uint64_t first_at_start[PIPE_MAX_STAGES + 1];
        bool cycle_events = m->events && event_bus_cycle_due(m->events, p->now);
        if (cycle_events) {
            memcpy(first_at_start, p->first, sizeof first_at_start);
            memset(&p->note, 0, sizeof p->note);
        }
        leave_commit(p);
        publish_results(p);
        enum cycle_end e = commit_stage(p, m, stop_at);
        if (e != CYCLE_GO) {
            if (e == CYCLE_LIMIT)
                m->halt = HALT_LIMIT;
            end_run(p, m, true);
            return;
        }
        mem_stage(p, m);
        ex_stage(p, m);
        is_stage(p);
        for (unsigned k = ST_IS + 1; k + 1 < p->nstages; k++)
            front_stage(p, k);
        pipe_fetch(p, m);
        if (cycle_events) {
            pipe_emit_cycle(p, m, first_at_start);
            if (m->halt != HALT_NONE) {   /* a debugging sink ended the run */
                end_run(p, m, true);
                return;
            }
        }
        p->now++;
        if (p->prm.watchdog_cycles && p->now - p->last_commit_cycle >= p->prm.watchdog_cycles) {
            log_msg("watchdog: no instruction retired for %" PRIu64 " cycles (cycle %" PRIu64
                    ", next pc 0x%" PRIx64 ")", p->now - p->last_commit_cycle, p->now, p->commit_pc);
            if (event_fail(m->events, m, p->now, p->commit_pc, HALT_WATCHDOG, 1)) {
                end_run(p, m, false);
                return;
            }
        }
    }
}
