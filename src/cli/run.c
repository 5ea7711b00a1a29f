/* `snapsim run`: set up a machine from a program (or a snapshot), drive the chosen model to the
 * requested stop points, and report. */
#include "cli/run.h"

#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checkpoint/checkpoint.h"
#include "cli/guest_env.h"
#include "cli/options.h"
#include "cli/run_config.h"
#include "cli/run_fork.h"
#include "cli/run_keys.h"
#include "cli/run_loop.h"
#include "cli/run_monitor.h"
#include "cli/snapshot_fork.h"
#include "cli/stats.h"
#include "core/config.h"
#include "core/log.h"
#include "core/model.h"
#include "core/guest_ops.h"
#include "linux/process.h"
#include "platform/virt_machine.h"
#include "priv/system.h"

/* Builds the configuration: machine keys, the model's keys and preset, then the user's. */
bool run_build_config(struct config *cfg, const struct model *model, const char *const *assignments,
                      size_t n)
{
    char err[2048];
    config_init(cfg);
    config_register(cfg, machine_config_keys, machine_config_nkeys);
    config_register(cfg, run_config_keys, run_config_nkeys);
    config_register(cfg, snapshot_fork_keys, snapshot_fork_nkeys);
    for (size_t t = 0; t < model->nkey_tables; t++)
        config_register(cfg, model->key_tables[t].keys, *model->key_tables[t].count);
    if (model->preset && !config_apply_preset(cfg, model->preset, model->npreset, err, sizeof err)) {
        log_msg("internal error in preset %s: %s", model->name, err);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (!config_set(cfg, assignments[i], err, sizeof err)) {
            log_msg("%s", err);
            return false;
        }
    }
    return true;
}

const struct model *run_find_model(const char *name)
{
    const struct model *model = model_find(name);
    if (!model) {
        char names[512] = "";
        for (const struct model *const *m = all_models; *m; m++) {
            strncat(names, " ", sizeof names - strlen(names) - 1);
            strncat(names, (*m)->name, sizeof names - strlen(names) - 1);
        }
        log_msg("unknown model '%s'; available:%s", name, names);
    }
    return model;
}

/* The statistics file (stats:output_filename, else LOGDIR/stats.json) is checked writable and
 * config.json written into the output directory; false (exit status 3) if either fails. */
static bool prepare_outputs(const struct run_options *o, const struct config *cfg, const struct model *model,
                            int argc, char **argv, char **env, char **stats_path, cJSON **config_json)
{
    const char *path = config_string(cfg, "stats", "output_filename");
    char buf[4096];
    if (!*path && o->log_dir) {
        snprintf(buf, sizeof buf, "%s/stats.json", o->log_dir);
        path = buf;
    }
    if (!(*stats_path = strdup(path)) || !(*config_json = run_config_json(cfg, model, o, argc, argv, env))) {
        log_msg("out of memory");
        return false;
    }
    if (**stats_path && !stats_path_writable(*stats_path))
        return false;
    if (!o->log_dir)
        return true;
    snprintf(buf, sizeof buf, "%s/config.json", o->log_dir);
    char *text = cJSON_Print(*config_json);
    FILE *f = text ? fopen(buf, "w") : NULL;
    bool ok = f && fputs(text, f) >= 0 && fputc('\n', f) != EOF;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok)
        log_msg("cannot write %s: %s", buf, text ? strerror(errno) : "out of memory");
    free(text);
    return ok;
}

int run_main(int argc, char **argv)
{
    /* One malloc arena for every thread.  A thread's own arena keeps the top of its heap when
     * malloc_trim trims (glibc trims only the main arena's), so the megabyte the restore's
     * second loader thread once used would stay resident, and each fork (LightSSS snapshots,
     * background snapshots) would copy its page tables and each snapshot's exit tear them down
     * again: about half of what such a fork copies.  The threads allocate little. */
    mallopt(M_ARENA_MAX, 1);
    struct run_options o;
    int rc = run_options_parse(&o, argc, argv);
    if (rc != 0) {
        run_options_free(&o);
        return rc == 1 ? 0 : 2;
    }
    int status = 2;
    struct config cfg;
    struct machine m;
    struct run_state rs = { 0 };
    char **env = NULL;
    struct model_instance *inst = NULL;
    bool machine_ready = false, stats_ready = false;
    struct run_stats stats;
    struct run_fork fork_ctx = {0};
    int death_signal = 0;   /* the guest died by it: so does a forked guest process's host process */
    char *stats_path = NULL;
    cJSON *config_json = NULL;
    config_init(&cfg);

    if (o.log_dir && !log_open_dir(o.log_dir)) {
        status = 3;
        goto out;
    }
    const struct model *model = run_find_model(o.model);
    if (!model || !run_build_config(&cfg, model, o.config, o.nconfig) || !guest_config_check(&cfg))
        goto out;
    bool system_mode = o.bare || o.virt;
    for (size_t i = 0; i < o.nmodel_settings; i++) {
        char err[2048];
        if (!config_set(&cfg, o.model_settings[i], err, sizeof err)) {
            log_msg("model %s does not support this option: %s", model->name, err);
            goto out;
        }
    }
    /* A system machine is built to the snapshot's shape before the restore: its disk or none,
     * and its RAM size unless the user sets one (a value the configuration refuses is left for
     * the restore's checks to report). */
    struct machine_snapshot_facts facts = {0};
    if (system_mode && o.restore)
        machine_snapshot_facts(o.restore, &facts);
    if (system_mode && o.restore && !config_user_set(&cfg, "system", "ram_size")) {
        char size[32], ignored[256];
        snprintf(size, sizeof size, "%llu", (unsigned long long)facts.ram_size);
        if (facts.ram_size)
            config_set_key(&cfg, "system:ram_size", size, false, ignored, sizeof ignored);
    }
    if ((system_mode ? machine_init_system(&m, &cfg) : machine_init(&m, &cfg)) != 0) {
        log_msg("cannot reserve guest memory");
        goto out;
    }
    machine_ready = true;

    if (o.readfile && access(o.readfile, R_OK) != 0) {
        log_msg("cannot read --readfile %s: %s", o.readfile, strerror(errno));
        goto out;
    }
    if (o.restore) {
        if (!run_restore(&m, &o, &facts, &rs))
            goto out;
    } else {
        char why[4096];
        if (o.sandbox && !run_sandbox_enter(&o, &cfg, NULL, 0, why, sizeof why)) {
            log_msg("%s", why);
            goto out;
        }
        env = guest_env_build(&o, config_bool(&cfg, "linux", "host_env"));
        rs.env = env;
        char path[4096], err[1024];
        const char *program = o.virt ? NULL : guest_program_path(o.program, path, sizeof path);
        struct virt_software sw = { o.bios, o.kernel, o.initrd, o.disk, o.append };
        if (!env || (o.virt ? virt_machine_create(&m, &sw, err, sizeof err)
                     : o.bare ? bare_load(&m, program, err, sizeof err)
                              : linux_load(&m, program, o.argc, o.argv, env, err, sizeof err)) != 0) {
            fprintf(stderr, "%s\n", env ? err : "snapsim: out of memory");
            goto out;
        }
        if (o.load_persistent && machine_load_persistent(m.sys->virt, o.load_persistent, o.image_paths,
                                                         o.nimage_paths, err, sizeof err) != 0) {
            log_msg("cannot load persistent state: %s", err);
            goto out;
        }
    }
    /* Every output is checked (or written) before the run starts. */
    if (!prepare_outputs(&o, &cfg, model, argc, argv, env, &stats_path, &config_json) ||
        !run_snapshots_prepare(&m, &o, &rs)) {
        status = 3;
        goto out;
    }
    struct guest_ops_env ops_env = {.readfile = o.readfile, .output_dir = o.log_dir};
    m.ops_env = &ops_env;

    char err[1024];
    inst = model->create(&m, &cfg, err, sizeof err);
    if (!inst) {
        log_msg("%s", err);
        goto out;
    }
    if (!debug_wrap(&model, &inst, &m, &cfg, &o.debug))   /* DiffTest, commit logs (src/debug) */
        goto out;
    run_stats_init(&stats, model, inst, &m, stats_path, config_json);
    stats_ready = true;
    struct run_loop loop;
    struct progress progress;
    run_loop_init(&loop, &o, &m, model, inst, &rs, &stats);
    run_signals_install();
    progress_start(&progress, o.progress, &m, model, inst, o.max_instructions);
    fork_ctx = (struct run_fork){ .o = &o, .rs = &rs, .stats = &stats, .progress = &progress };
    run_fork_install(&fork_ctx);
    run_loop_run(&loop);
    progress_stop(&progress);
    run_signals_restore();
    run_loop_finish(&loop);
    status = loop.status;
    if (loop.cause == EXIT_CAUSE_SIGNAL)
        death_signal = m.exit_status - 128;
    else if (loop.cause == EXIT_CAUSE_INTERRUPTED)
        death_signal = run_interrupted();

out:
    if (stats_ready)
        run_stats_free(&stats);
    else
        cJSON_Delete(config_json);
    free(stats_path);
    if (inst)
        model->destroy(inst);
    run_snapshots_finish(&rs);
    if (machine_ready)
        machine_destroy(&m);
    free(env);
    config_free(&cfg);
    run_options_free(&o);
    run_fork_free(&fork_ctx);
    log_close();
    linux_forked_child_end(death_signal);
    return status;
}
