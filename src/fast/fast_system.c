/* The fast model in system mode: each instruction fetched through the MMU, decoded (through a
 * cache keyed by its encoding, so self-modifying code needs no invalidation), and executed with
 * the shared semantics (isa/semantics.h, isa/fpu.h) and privileged rules (priv/).  Exceptions
 * and interrupts become traps at instruction boundaries; the instruction that traps does not
 * retire. */
#include "fast/fast_system.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "debug/events.h"
#include "debug/priv_record.h"
#include "isa/fpu.h"
#include "isa/semantics.h"
#include "platform/virt_machine.h"
#include "priv/access.h"
#include "priv/exec.h"
#include "priv/priv.h"
#include "priv/priv_stats.h"
#include "priv/system.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* Decoded instructions by encoding: a Linux boot runs tens of thousands of distinct encodings, and
 * at 4096 entries decoding took 7% of it (16384: 512 KiB). */
enum { DECODE_CACHE = 16384 };
/* Traps in a row without an instruction retiring: a trap vector that itself faults (mtvec
 * unset, its page unmapped) would loop forever without the instruction count ever reaching a
 * stop, so the run ends there.  Real handlers retire an instruction long before this many. */
enum { TRAP_LOOP_LIMIT = 1000 };

struct decoded {
    uint32_t raw;
    bool valid;
    struct insn in;
};

struct fast_system {
    struct priv_tlb tlb;
    struct decoded dc[DECODE_CACHE];
    struct priv_counts counts;        /* statistics since the model was created */
};

struct fast_system *fast_system_new(void)
{
    return calloc(1, sizeof(struct fast_system));
}

void fast_system_free(struct fast_system *s) { free(s); }

void fast_system_stats(const struct fast_system *s, const struct machine *m, cJSON *core)
{
    priv_stats_json(&s->tlb, &s->counts, m, core);
}

/* ---- fetch and decode ---- */

static const struct insn *decode(struct fast_system *s, uint32_t raw)
{
    struct decoded *d = &s->dc[(raw ^ (raw >> 12) ^ (raw >> 20)) % DECODE_CACHE];
    if (!d->valid || d->raw != raw) {
        insn_decode(raw, &d->in);
        d->raw = raw;
        d->valid = true;
    }
    return &d->in;
}

static void trap_loop(struct machine *m, const struct priv_exc *e)
{
    log_msg("the hart traps without retiring an instruction: cause %llu at pc 0x%llx (tval 0x%llx) "
            "after %llu instructions; is the trap vector (mtvec 0x%llx, stvec 0x%llx) set up?",
            (unsigned long long)e->cause, (unsigned long long)m->hart.pc, (unsigned long long)e->tval,
            (unsigned long long)m->hart.instret, (unsigned long long)m->hart.priv.mtvec,
            (unsigned long long)m->hart.priv.stvec);
    m->halt = HALT_ERROR;
    m->exit_status = 1;
}

/* Hands a commit event to the debugging sinks (a reporting run only). */
static void report(struct machine *m, const struct commit_event *ev)
{
    event_emit_commit(m->events, m, ev);
}

static void report_trap(struct machine *m, const struct insn *in, uint64_t cause, uint64_t tval)
{
    struct commit_event ev;
    priv_record_trap(m, in, cause, tval, &ev);
    report(m, &ev);
}

/* Fetches, decodes and executes the instruction at the hart's pc and retires it; false if it
 * traps (c->exc holds the trap, not yet taken; *decoded is the instruction, NULL if its fetch
 * failed).  With `reporting` the retired instruction's commit event goes to *ev. */
static inline __attribute__((always_inline)) bool execute_one(struct fast_system *s, struct priv_cpu *c,
                                                              bool reporting, const struct insn **decoded,
                                                              struct commit_event *ev)
{
    struct machine *m = c->m;
    struct hart *h = c->h;
    uint32_t raw;
    *decoded = NULL;
    if (!priv_fetch(c, h->pc, &raw))
        return false;
    const struct insn *in = *decoded = decode(s, raw);
    uint64_t next_pc = h->pc + in->len;
    struct priv_record rec;
    if (reporting)
        priv_record_begin(&rec, m, in);
    if (!(in->op != OP_ILLEGAL ? priv_execute(c, in, &next_pc) : priv_fail(c, CAUSE_ILLEGAL, in->raw)))
        return false;
    if (reporting)   /* before x0 is cleared: a load into x0 left its value there */
        priv_record_retired(&rec, m, in, next_pc, ev);
    s->counts.mode_insns[h->priv.mode & 3]++;
    h->x[0] = 0;
    h->pc = next_pc;
    h->instret++;
    m->op_count[in->op]++;
    return true;
}

/* The run loop.  Instantiated twice (always inlined with a constant `reporting`): an ordinary
 * run pays nothing for the debugging sinks, a reporting one (a commit log) makes each retired
 * instruction and each trap a commit event, as the pipelines' system commit stage does. */
static inline __attribute__((always_inline)) void run_loop(struct fast_system *s, struct machine *m,
                                                           uint64_t stop_at, bool reporting)
{
    struct hart *h = &m->hart;
    struct system *sys = m->sys;
    struct priv_cpu c = priv_cpu_of(m, &s->tlb);
    unsigned traps_in_a_row = 0;
    while (m->halt == HALT_NONE) {
        if (unlikely(h->instret >= stop_at || h->instret >= sys->event_at)) {
            if (h->instret >= stop_at) {
                m->halt = HALT_LIMIT;
                break;
            }
            virt_machine_tick(m);   /* sets the next event_at */
        }
        if (unlikely(h->priv.mip & h->priv.mie)) {
            uint64_t irq = priv_pending_interrupt(h);
            if (irq) {
                s->counts.interrupts++;
                if (reporting)
                    report_trap(m, NULL, irq, 0);
                priv_trap(h, irq, 0);
                continue;
            }
        }
        const struct insn *in;
        struct commit_event ev;
        if (unlikely(!execute_one(s, &c, reporting, &in, &ev))) {
            if (++traps_in_a_row >= TRAP_LOOP_LIMIT) {
                trap_loop(m, &c.exc);
                break;
            }
            s->counts.exceptions++;
            if (reporting)
                report_trap(m, in, c.exc.cause, c.exc.tval);
            priv_trap(h, c.exc.cause, c.exc.tval);
            continue;
        }
        traps_in_a_row = 0;
        if (reporting)
            report(m, &ev);
        if (unlikely(c.mem->watch_hit))
            htif_tohost(m);
    }
}

/* With two callers in this file the compiler stops inlining priv_execute, and the ordinary
 * loop ran about 40% slower: `flatten` inlines it there again; the reporting loop may call it. */
static __attribute__((noinline, flatten)) void run_plain(struct fast_system *s, struct machine *m, uint64_t stop_at)
{
    run_loop(s, m, stop_at, false);
}

static __attribute__((noinline, cold)) void run_reporting(struct fast_system *s, struct machine *m,
                                                          uint64_t stop_at)
{
    run_loop(s, m, stop_at, true);
}

void fast_system_run(struct fast_system *s, struct machine *m, uint64_t stop_at)
{
    if (unlikely(event_bus_wants_commits(m->events)))   /* a sink reads commit events */
        run_reporting(s, m, stop_at);
    else
        run_plain(s, m, stop_at);
}

void fast_system_step(struct fast_system *s, struct machine *m, struct commit_event *ev)
{
    struct priv_cpu c = priv_cpu_of(m, &s->tlb);
    const struct insn *in;
    if (execute_one(s, &c, true, &in, ev))
        return;
    s->counts.exceptions++;
    priv_record_trap(m, in, c.exc.cause, c.exc.tval, ev);
    priv_trap(&m->hart, c.exc.cause, c.exc.tval);
}
