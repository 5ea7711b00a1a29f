/* The pipeline's per-cycle debugging event (debug/events.h): each stage's oldest instruction,
 * whether it stalled or was flushed, fetch, branch prediction and resolution, cache misses and
 * commits.  Only built while a sink listens to cycles. */
#include <string.h>

#include "debug/events.h"
#include "pipeline/pipeline.h"

void pipe_emit_cycle(struct model_instance *p, struct machine *m, const uint64_t *first)
{
    struct event_bus *bus = m->events;
    event_emit_alarm(bus, m, p->now);
    if (!event_bus_wants_cycles(bus))
        return;
    struct cycle_event ev;
    memset(&ev, 0, sizeof ev);
    ev.cycle = p->now;
    ev.nstages = p->nstages < EV_MAX_STAGES ? p->nstages : EV_MAX_STAGES;
    for (unsigned k = 0; k < ev.nstages; k++) {
        struct stage_state *st = &ev.stage[k];
        st->name = p->stage_name[k];
        st->valid = pipe_occupancy(p, k) > 0;
        if (st->valid) {
            const struct pinst *in = pipe_at(p, p->first[k]);
            st->pc = in->pc;
            st->insn = in->d.in.raw;
            /* Its oldest instruction was here when the cycle began and did not move on. */
            st->stall = k != ST_CM && p->first[k] == first[k] && first[k] < first[k + 1];
        }
        st->flush = p->note.flushed && k >= ST_IS;
    }
    ev.fetch_pc = p->fetch_pc;
    ev.predict_valid = p->note.predicted;
    ev.predict_pc = p->note.pred_pc;
    ev.predict_target = p->note.pred_target;
    ev.resolve_valid = p->note.resolved;
    ev.mispredict = p->note.mispredicted;
    ev.resolve_pc = p->note.res_pc;
    ev.resolve_target = p->note.res_target;
    ev.icache_miss = p->note.icache_miss;
    ev.dcache_miss = p->note.dcache_miss;
    ev.commits = p->note.commits;
    ev.commit_pc = p->note.commit_pc;
    event_emit_cycle(bus, m, &ev);
}
