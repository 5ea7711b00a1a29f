/* The debugging wrapper model (see session.h). */
#include "debug/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "debug/commit_log.h"
#include "debug/difftest.h"
#include "debug/events.h"
#include "debug/kanata.h"
#include "debug/lightsss.h"
#include "debug/vcd.h"
#include "debug/window.h"

const struct config_key debug_config_keys[] = {
    { "difftest", "history", CONFIG_UINT, "32", 1, 100000, NULL,
      "commits of both sides shown after a DiffTest mismatch" },
    { "lightsss", "interval", CONFIG_UINT, "1000000", 0, UINT64_MAX, NULL,
      "cycles between fork snapshots (--lightsss)" },
    { "lightsss", "slots", CONFIG_UINT, "2", 0, 64, NULL, "fork snapshots kept (the oldest replays)" },
    { "lightsss", "window", CONFIG_UINT, "0", 0, UINT64_MAX, NULL,
      "cycles before the failure the replay records (0 = from the snapshot on)" },
    { "lightsss", "after", CONFIG_UINT, "20", 0, 1000000, NULL,
      "cycles past the failure the replay goes on recording" },
    { "lightsss", "check_memory", CONFIG_BOOL, "false", 0, 0, NULL,
      "hash guest memory at every fork and check the woken snapshot's copy against it "
      "(slow: a check of snapsim itself)" },
    { "lightsss", "measure", CONFIG_UINT, "0", 0, 64, NULL,
      "K >= 2: fork at every K-th interval only and report in stats.json what a fork costs this "
      "run, from the CPU time of the intervals after a fork and of those without (0 = off)" },
};
const size_t debug_config_nkeys = sizeof debug_config_keys / sizeof debug_config_keys[0];

/* The wrapper's instance: the wrapped model and its sinks. */
struct model_instance {
    struct model self;               /* the wrapper, named like the model it wraps */
    const struct model *inner;
    struct model_instance *inner_inst;
    struct machine *m;
    struct event_bus bus;
    struct difftest *dt;
    struct commit_log *log, *ref_log;
    struct vcd *wave;
    struct kanata *trace;            /* pipeline:trace_filename */
    struct lightsss *ls;
    struct commit_log *replay_log, *replay_ref_log;   /* a LightSSS replay's artefacts */
    struct vcd *replay_wave;
    struct kanata *replay_trace;
};

static void inner_run(void *ctx, struct machine *m, uint64_t stop_at)
{
    struct model_instance *w = ctx;
    w->inner->run(w->inner_inst, m, stop_at);
}

static const struct commit_event *dt_failure(void *ctx)
{
    struct model_instance *w = ctx;
    return w->dt && difftest_failed(w->dt) ? difftest_failure(w->dt) : NULL;
}

static void wrapped_run(struct model_instance *w, struct machine *m, uint64_t stop_at)
{
    if (w->ls)
        lightsss_run(w->ls, m, stop_at, inner_run, w, dt_failure);
    else
        inner_run(w, m, stop_at);
}

/* LightSSS child, on waking: the parent's writers go quiet (sinks off, files detached). */
static void replay_silence(void *ctx)
{
    struct model_instance *w = ctx;
    commit_log_detach(w->log);
    commit_log_detach(w->ref_log);
    vcd_detach(w->wave);
    kanata_detach(w->trace);
    event_bus_remove(&w->bus, w->log);
    event_bus_remove(&w->bus, w->wave);
    event_bus_remove(&w->bus, w->trace);
    if (w->dt) {
        difftest_set_reference_sink(w->dt, NULL);
        /* Test hook: make the replay differ from the run it repeats. */
        const char *diverge = getenv("SNAPSIM_TEST_LIGHTSSS_DIVERGE");
        if (diverge && strcmp(diverge, "memory") != 0)   /* "memory": lightsss.c's own hook */
            difftest_perturb(w->dt);
    }
}

static struct commit_log *replay_log(const char *dir, const char *name)
{
    char path[4200], err[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return commit_log_open(path, NULL, err, sizeof err);
}

/* LightSSS child, at the start of the window: every output on. */
static void replay_start(void *ctx, struct machine *m, const char *dir)
{
    (void)m;
    struct model_instance *w = ctx;
    char path[4200], err[1024];
    w->replay_log = replay_log(dir, "lightsss.commits");
    if (w->replay_log)
        event_bus_add(&w->bus, commit_log_sink(w->replay_log));
    if (w->dt) {
        w->replay_ref_log = replay_log(dir, "lightsss.commits.ref");
        if (w->replay_ref_log) {
            struct event_sink s = commit_log_sink(w->replay_ref_log);
            difftest_set_reference_sink(w->dt, &s);
        }
    }
    snprintf(path, sizeof path, "%s/lightsss.vcd", dir);
    w->replay_wave = vcd_open(path, NULL, err, sizeof err);
    if (w->replay_wave)
        event_bus_add(&w->bus, vcd_sink(w->replay_wave));
    snprintf(path, sizeof path, "%s/lightsss.kanata", dir);
    w->replay_trace = kanata_open(path, NULL, err, sizeof err);
    if (w->replay_trace)
        event_bus_add(&w->bus, kanata_sink(w->replay_trace));
}

static void replay_finish(void *ctx)
{
    struct model_instance *w = ctx;
    commit_log_close(w->replay_log);
    commit_log_close(w->replay_ref_log);
    vcd_close(w->replay_wave);
    kanata_close(w->replay_trace);
}

static void wrapped_stats(struct model_instance *w, const struct machine *m, cJSON *top, cJSON *core)
{
    if (w->inner->stats)
        w->inner->stats(w->inner_inst, m, top, core);
    if (w->dt)
        difftest_stats(w->dt, top);
    if (w->ls)
        lightsss_stats(w->ls, top);
}

static void wrapped_reset_stats(struct model_instance *w, const struct machine *m)
{
    if (w->inner->reset_stats)
        w->inner->reset_stats(w->inner_inst, m);
}

static void wrapped_sync_stats(struct model_instance *w, struct machine *m)
{
    w->inner->sync_stats(w->inner_inst, m);
}

static uint64_t wrapped_cycles(const struct model_instance *w, const struct machine *m)
{
    return w->inner->cycles ? w->inner->cycles(w->inner_inst, m) : m->hart.instret;
}

static void wrapped_destroy(struct model_instance *w)
{
    if (w->inner_inst)
        w->inner->destroy(w->inner_inst);
    commit_log_close(w->log);
    commit_log_close(w->ref_log);
    vcd_close(w->wave);
    kanata_close(w->trace);
    lightsss_destroy(w->ls);
    difftest_destroy(w->dt);
    if (w->m)
        w->m->events = NULL;
    free(w);
}

static bool is_detailed(const struct model *model)
{
    return model != model_find("fast");
}

static bool open_logs(struct model_instance *w, const struct debug_options *o,
                      const struct debug_window *win)
{
    char err[1024];
    if (!o->commit_log)
        return true;
    w->log = commit_log_open(o->commit_log, win, err, sizeof err);
    if (!w->log) {
        log_msg("%s", err);
        return false;
    }
    event_bus_add(&w->bus, commit_log_sink(w->log));
    if (!w->dt)
        return true;
    char path[4096];
    snprintf(path, sizeof path, "%s.ref", o->commit_log);
    w->ref_log = commit_log_open(path, win, err, sizeof err);
    if (!w->ref_log) {
        log_msg("%s", err);
        return false;
    }
    struct event_sink s = commit_log_sink(w->ref_log);
    difftest_set_reference_sink(w->dt, &s);
    return true;
}

/* The Kanata trace a pipeline model's configuration asks for ("" or no such key: none). */
static const char *pipeline_trace(const struct config *cfg)
{
    for (size_t i = 0; i < cfg->nkeys; i++)
        if (strcmp(cfg->keys[i]->component, "pipeline") == 0 &&
            strcmp(cfg->keys[i]->field, "trace_filename") == 0)
            return config_string(cfg, "pipeline", "trace_filename");
    return "";
}

bool debug_wrap(const struct model **model, struct model_instance **inst, struct machine *m,
                const struct config *cfg, const struct debug_options *o)
{
    const char *trace = pipeline_trace(cfg);
    if (!o->difftest && !o->commit_log && !o->wave && !o->lightsss && !*trace)
        return true;
    struct debug_window win = { .from = 0, .to = UINT64_MAX };
    if (o->window && !window_parse(&win, o->window)) {
        log_msg("--trace-window needs [insn:|cycle:]FROM-TO with FROM < TO, got '%s'", o->window);
        return false;
    }
    if (o->difftest && !is_detailed(*model)) {
        log_msg("--difftest checks a detailed model against the fast model; choose one with --model "
                "(pompia, oroblanco, inorder)");
        return false;
    }
    struct model_instance *w = calloc(1, sizeof *w);
    if (!w) {
        log_msg("out of memory");
        return false;
    }
    w->self = **model;
    w->self.run = wrapped_run;
    w->self.stats = wrapped_stats;
    w->self.reset_stats = (*model)->reset_stats ? wrapped_reset_stats : NULL;
    w->self.sync_stats = (*model)->sync_stats ? wrapped_sync_stats : NULL;
    w->self.cycles = (*model)->cycles ? wrapped_cycles : NULL;
    w->self.destroy = wrapped_destroy;
    w->inner = *model;
    char err[1024];
    if (o->difftest) {
        w->dt = difftest_create(m, cfg, err, sizeof err);
        if (!w->dt) {
            log_msg("%s", err);
            wrapped_destroy(w);
            return false;
        }
        event_bus_add(&w->bus, difftest_sink(w->dt));
    }
    if (o->wave) {
        if (!is_detailed(*model)) {
            log_msg("--wave needs a model with a pipeline (pompia, oroblanco, inorder)");
            wrapped_destroy(w);
            return false;
        }
        w->wave = vcd_open(o->wave, &win, err, sizeof err);
        if (!w->wave) {
            log_msg("%s", err);
            wrapped_destroy(w);
            return false;
        }
        event_bus_add(&w->bus, vcd_sink(w->wave));
    }
    if (!open_logs(w, o, &win)) {
        wrapped_destroy(w);
        return false;
    }
    if (*trace) {
        w->trace = kanata_open(trace, &win, err, sizeof err);
        if (!w->trace) {
            log_msg("%s", err);
            wrapped_destroy(w);
            return false;
        }
        event_bus_add(&w->bus, kanata_sink(w->trace));
    }
    if (o->lightsss) {
        struct lightsss_outputs out = { replay_start, replay_silence, replay_finish, w, w->dt != NULL };
        if (!is_detailed(*model)) {
            log_msg("--lightsss forks at cycle boundaries: choose a pipeline model with --model "
                    "(pompia, oroblanco, inorder)");
            wrapped_destroy(w);
            return false;
        }
        w->ls = lightsss_create(cfg, o->log_dir ? o->log_dir : ".", &out);
        if (!w->ls) {
            wrapped_destroy(w);
            return false;
        }
        lightsss_attach(w->ls, &w->bus);
    }
    w->inner_inst = *inst;
    w->m = m;
    m->events = &w->bus;
    *model = &w->self;
    *inst = w;
    return true;
}
