#include "cli/run_loop.h"

#include "cli/run_monitor.h"
#include "core/log.h"
#include "core/guest_ops.h"
#include "snapsim/ops.h"

static uint64_t next_multiple(uint64_t now, uint64_t every)
{
    return every ? (now / every + 1) * every : UINT64_MAX;
}

static uint64_t min_u64(uint64_t a, uint64_t b) { return a < b ? a : b; }

/* The next instruction count at which the run must stop: a limit, a snapshot point, the end of
 * the warm-up or a periodic dump. */
static uint64_t next_stop(const struct run_loop *l, uint64_t now)
{
    const struct run_options *o = l->o;
    uint64_t stop = o->max_instructions ? o->max_instructions : UINT64_MAX;
    for (size_t i = 0; i < o->nsnapshots; i++)
        if (o->snapshots[i] > now) {
            stop = min_u64(stop, o->snapshots[i]);
            break;
        }
    stop = min_u64(stop, next_multiple(now, o->snapshot_every));
    if (!l->warm && l->warmup > now)
        stop = min_u64(stop, l->warmup);
    return min_u64(stop, next_multiple(now, l->dump_every));
}

static bool is_snapshot_point(const struct run_options *o, uint64_t n)
{
    for (size_t i = 0; i < o->nsnapshots; i++)
        if (o->snapshots[i] == n)
            return true;
    return o->snapshot_every && n % o->snapshot_every == 0;
}

void run_loop_init(struct run_loop *l, const struct run_options *o, struct machine *m,
                   const struct model *model, struct model_instance *inst, struct run_state *rs,
                   struct run_stats *stats)
{
    *l = (struct run_loop){.o = o, .m = m, .model = model, .inst = inst, .rs = rs, .stats = stats,
                           .snapshot_at = UINT64_MAX};
    const struct config *c = m->config;
    uint64_t start = l->start_instret = m->hart.instret;
    l->warmup = config_uint(c, "stats", "warmup_instructions");
    l->dump_every = config_uint(c, "stats", "dump_every");
    l->reset_on_work_begin = config_bool(c, "stats", "reset_on_work_begin");
    l->dump_on_work_end = config_bool(c, "stats", "dump_on_work_end");
    l->warm = l->warmup <= start;
    if (!start)
        return;
    /* A restored run starts part-way: say which points it can no longer reach. */
    if (o->max_instructions && o->max_instructions <= start)
        log_msg("warning: --max-instructions %llu is already passed at the restored count %llu: the run stops at once",
                (unsigned long long)o->max_instructions, (unsigned long long)start);
    for (size_t i = 0; i < o->nsnapshots; i++)
        if (o->snapshots[i] < start)
            log_msg("warning: snapshot point %llu is before the restored count %llu: skipped",
                    (unsigned long long)o->snapshots[i], (unsigned long long)start);
    if (l->warmup && l->warmup < start)
        log_msg("warning: the warm-up to %llu instructions is already passed at the restored count %llu: "
                "statistics count from %llu", (unsigned long long)l->warmup, (unsigned long long)start,
                (unsigned long long)start);
}

static void output_failed(struct run_loop *l)
{
    l->output_failed = true;
    l->cause = EXIT_CAUSE_ERROR;
}

/* One snapshot per count: a guest checkpoint at a snapshot point is the same snapshot. */
static bool take_snapshot(struct run_loop *l)
{
    if (l->snapshot_at == l->m->hart.instret)
        return true;
    if (!run_snapshot_take(l->m, l->o, l->rs, l->model)) {
        output_failed(l);
        return false;
    }
    l->snapshot_at = l->m->hart.instret;
    return true;
}

/* Work the run does at instruction count `at` when it is a stop point; false ends the run. */
static bool at_point(struct run_loop *l, uint64_t at)
{
    const struct run_options *o = l->o;
    if (!l->warm && at >= l->warmup) {
        run_stats_reset(l->stats);
        l->warm = true;
    }
    if (is_snapshot_point(o, at) && !take_snapshot(l))
        return false;
    if (l->dump_every && at % l->dump_every == 0) {
        if (!run_stats_dump(l->stats, "dump_every") || !run_stats_write(l->stats, "running", 0)) {
            output_failed(l);
            return false;
        }
    }
    if (o->max_instructions && at >= o->max_instructions) {
        log_msg("stopped after %llu instructions (--max-instructions)", (unsigned long long)at);
        l->cause = EXIT_CAUSE_MAX_INSTRUCTIONS;
        return false;
    }
    return true;
}

static bool guest_checkpoint(struct run_loop *l)
{
    if (l->o->on_checkpoint == ON_CHECKPOINT_IGNORE) {
        log_note("guest checkpoint at instruction %llu ignored (--on-checkpoint ignore)",
                 (unsigned long long)l->m->hart.instret);
        return true;
    }
    if (!take_snapshot(l))
        return false;
    log_msg("snapshot %s taken at the guest's checkpoint (instruction %llu)", l->rs->previous,
            (unsigned long long)l->m->hart.instret);
    if (l->o->on_checkpoint == ON_CHECKPOINT_EXIT) {
        l->cause = EXIT_CAUSE_CHECKPOINT;
        return false;
    }
    return true;
}

static bool out_of_memory(struct run_loop *l)
{
    log_msg("out of memory");
    l->cause = EXIT_CAUSE_ERROR;
    return false;
}

/* Carries out the guest op the model handed over; false ends the run. */
static bool guest_event(struct run_loop *l)
{
    const struct machine_event *e = &l->m->event;
    bool ended;
    switch (e->op) {
    case SNAPSIM_OP_CHECKPOINT:
        return guest_checkpoint(l);
    case SNAPSIM_OP_RESET_STATS:
        run_stats_reset(l->stats);
        return true;
    case SNAPSIM_OP_DUMP_STATS:
        return run_stats_dump(l->stats, "dump_stats") || out_of_memory(l);
    case SNAPSIM_OP_WORK_BEGIN:
        if (l->reset_on_work_begin)
            run_stats_reset(l->stats);
        return run_stats_work(l->stats, e->arg, true, &ended) || out_of_memory(l);
    case SNAPSIM_OP_WORK_END:
        if (!run_stats_work(l->stats, e->arg, false, &ended))
            return out_of_memory(l);
        if (l->dump_on_work_end && !run_stats_dump(l->stats, "work_end"))
            return out_of_memory(l);
        if (ended && l->o->work_end_exit && ++l->work_ends == l->o->work_end_exit) {
            log_msg("stopped at work_end %llu, the %llu%s (--work-end-exit)", (unsigned long long)e->arg,
                    (unsigned long long)l->work_ends, l->work_ends == 1 ? "st" : "th");
            l->cause = EXIT_CAUSE_WORK_END;
            return false;
        }
        return true;
    case SNAPSIM_OP_FAIL:
        log_msg("the guest reported a failure (code %lld) after %llu instructions", (long long)e->arg,
                (unsigned long long)l->m->hart.instret);
        l->cause = EXIT_CAUSE_FAIL;
        l->status = (e->arg & 0xff) ? (int)(e->arg & 0xff) : 1;
        return false;
    default:
        log_msg("internal error: unhandled guest op %u", e->op);
        l->cause = EXIT_CAUSE_ERROR;
        return false;
    }
}

void run_loop_run(struct run_loop *l)
{
    struct machine *m = l->m;
    l->cause = EXIT_CAUSE_COUNT;   /* not decided */
    for (;;) {
        m->halt = HALT_NONE;
        uint64_t stop = next_stop(l, m->hart.instret);
        if (l->model->poll_slice && stop > m->hart.instret && stop - m->hart.instret > l->model->poll_slice)
            stop = m->hart.instret + l->model->poll_slice;
        l->model->run(l->inst, m, stop);
        if (m->halt == HALT_EVENT) {
            if (!guest_event(l) || !at_point(l, m->hart.instret))
                break;
        } else if (m->halt != HALT_LIMIT || !at_point(l, m->hart.instret)) {
            break;
        }
        if (run_interrupted()) {
            l->cause = EXIT_CAUSE_INTERRUPTED;
            break;
        }
    }
    if (l->cause == EXIT_CAUSE_COUNT)
        l->cause = exit_cause_of_halt(m->halt);
    switch (l->cause) {
    case EXIT_CAUSE_EXIT: case EXIT_CAUSE_SIGNAL: case EXIT_CAUSE_DIFFTEST:
        l->status = m->exit_status;
        break;
    case EXIT_CAUSE_INTERRUPTED:
        log_msg("interrupted by signal %d after %llu instructions", run_interrupted(),
                (unsigned long long)m->hart.instret);
        l->status = 128 + run_interrupted();
        break;
    case EXIT_CAUSE_WATCHDOG: case EXIT_CAUSE_ERROR:
        l->status = 1;
        break;
    case EXIT_CAUSE_FAIL:
        break;
    default:
        l->status = 0;
        break;
    }
}

static void warn_unreached(const struct run_loop *l, uint64_t end)
{
    const struct run_options *o = l->o;
    const char *cause = exit_cause_name(l->cause);
    for (size_t i = 0; i < o->nsnapshots; i++)
        if (o->snapshots[i] > end)
            log_msg("warning: snapshot point %llu not reached: the run ended (%s) at %llu instructions",
                    (unsigned long long)o->snapshots[i], cause, (unsigned long long)end);
    if (!l->warm)
        log_msg("warning: the warm-up to %llu instructions is longer than the run (%s at %llu): "
                "the statistics are empty", (unsigned long long)l->warmup, cause, (unsigned long long)end);
    if (o->max_instructions && o->max_instructions > end)
        log_note("--max-instructions %llu not reached: the run ended (%s) at %llu instructions",
                 (unsigned long long)o->max_instructions, cause, (unsigned long long)end);
}

void run_loop_finish(struct run_loop *l)
{
    uint64_t end = l->m->hart.instret;
    if (!run_snapshots_wait(l->rs))   /* the outputs are final only once every snapshot is */
        output_failed(l);
    warn_unreached(l, end);
    if (!l->warm)
        run_stats_reset(l->stats);   /* nothing after the warm-up was counted */
    if (!run_stats_dump(l->stats, "end") ||
        !run_stats_write(l->stats, exit_cause_name(l->cause), l->output_failed ? 3 : l->status))
        l->output_failed = true;
    if (l->output_failed)
        l->status = 3;
    log_note("run ended: exit cause %s, status %d, after %llu instructions", exit_cause_name(l->cause),
             l->status, (unsigned long long)end);
}
