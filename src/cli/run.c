/* `snapsim run`: set up a machine from a program (or a snapshot), drive the chosen model to the
 * requested stop points, and report. */
#include "cli/run.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/options.h"
#include "cli/stats.h"
#include "core/config.h"
#include "core/log.h"
#include "core/model.h"
#include "linux/process.h"

extern char **environ;

/* Builds the configuration: machine keys, the model's keys and preset, then the user's. */
bool run_build_config(struct config *cfg, const struct model *model, const char *const *assignments,
                      size_t n)
{
    char err[2048];
    config_init(cfg);
    config_register(cfg, machine_config_keys, machine_config_nkeys);
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

/* The guest environment: the host's (as qemu-user), edited by --clear-env, -U and -E. */
static char **build_env(const struct run_options *o)
{
    size_t n = 0;
    if (!o->clear_env)
        while (environ[n])
            n++;
    char **env = calloc(n + o->nenv_set + 1, sizeof *env);
    if (!env)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        bool unset = false;
        for (size_t u = 0; u < o->nenv_unset; u++) {
            size_t len = strlen(o->env_unset[u]);
            if (strncmp(environ[i], o->env_unset[u], len) == 0 && environ[i][len] == '=')
                unset = true;
        }
        if (!unset)
            env[k++] = environ[i];
    }
    for (size_t s = 0; s < o->nenv_set; s++) {
        size_t name_len = (size_t)(strchr(o->env_set[s], '=') - o->env_set[s]);
        size_t j = 0;
        while (j < k && !(strncmp(env[j], o->env_set[s], name_len + 1) == 0))
            j++;
        env[j] = (char *)o->env_set[s];
        if (j == k)
            k++;
    }
    env[k] = NULL;
    return env;
}

/* A program name without '/' is looked up among the bundled examples, then in PATH. */
static const char *resolve_program(const char *name, char *buf, size_t size)
{
    if (strchr(name, '/'))
        return name;
    const char *bundled = getenv("SNAPSIM_GUEST_DIR");
    if (!bundled)
        bundled = SNAPSIM_GUEST_DIR;
    snprintf(buf, size, "%s/%s", bundled, name);
    if (access(buf, F_OK) == 0)
        return buf;
    const char *path = getenv("PATH");
    for (const char *p = path; p && *p;) {
        const char *e = strchr(p, ':');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        snprintf(buf, size, "%.*s/%s", (int)len, p, name);
        if (len && access(buf, X_OK) == 0)
            return buf;
        p = e ? e + 1 : p + len;
    }
    return name;   /* the loader reports it missing */
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The next instruction count at which the run must stop: a limit or a snapshot point. */
static uint64_t next_stop(const struct run_options *o, const struct run_state *rs, uint64_t now)
{
    uint64_t stop = o->max_instructions ? o->max_instructions : UINT64_MAX;
    for (size_t i = 0; i < o->nsnapshots; i++)
        if (o->snapshots[i] > now) {
            if (o->snapshots[i] < stop)
                stop = o->snapshots[i];
            break;
        }
    if (o->snapshot_every) {
        uint64_t next = (now / o->snapshot_every + 1) * o->snapshot_every;
        if (next > now && next < stop)
            stop = next;
    }
    (void)rs;
    return stop;
}

static bool is_snapshot_point(const struct run_options *o, uint64_t n)
{
    for (size_t i = 0; i < o->nsnapshots; i++)
        if (o->snapshots[i] == n)
            return true;
    return o->snapshot_every && n % o->snapshot_every == 0;
}

int run_main(int argc, char **argv)
{
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
    bool machine_ready = false;
    config_init(&cfg);

    if (o.log_dir && !log_open_dir(o.log_dir))
        goto out;
    const struct model *model = run_find_model(o.model);
    if (!model || !run_build_config(&cfg, model, o.config, o.nconfig))
        goto out;
    for (size_t i = 0; i < o.nmodel_settings; i++) {
        char err[2048];
        if (!config_set(&cfg, o.model_settings[i], err, sizeof err)) {
            log_msg("model %s does not support this option: %s", model->name, err);
            goto out;
        }
    }
    if (machine_init(&m, &cfg) != 0) {
        log_msg("cannot reserve guest memory");
        goto out;
    }
    machine_ready = true;

    if (o.restore) {
        if (!run_restore(&m, &o, &rs))
            goto out;
    } else {
        env = build_env(&o);
        char path[4096], err[1024];
        const char *program = resolve_program(o.program, path, sizeof path);
        if (!env || linux_load(&m, program, o.argc, o.argv, env, err, sizeof err) != 0) {
            fprintf(stderr, "%s\n", env ? err : "snapsim: out of memory");
            goto out;
        }
    }
    if (!run_snapshots_prepare(&m, &o, &rs))
        goto out;

    char err[1024];
    inst = model->create(&m, &cfg, err, sizeof err);
    if (!inst) {
        log_msg("%s", err);
        goto out;
    }
    if (!debug_wrap(&model, &inst, &m, &cfg, &o.debug))   /* DiffTest, commit logs (src/debug) */
        goto out;
    double start = now_seconds();
    for (;;) {
        uint64_t stop = next_stop(&o, &rs, m.hart.instret);
        m.halt = HALT_NONE;
        model->run(inst, &m, stop);
        if (m.halt != HALT_LIMIT)
            break;
        if (is_snapshot_point(&o, m.hart.instret) && !run_snapshot_take(&m, &o, &rs, model))
            goto out;
        if (o.max_instructions && m.hart.instret >= o.max_instructions) {
            log_msg("stopped after %llu instructions (--max-instructions)",
                    (unsigned long long)m.hart.instret);
            m.exit_status = 0;
            break;
        }
    }
    double seconds = now_seconds() - start;
    status = m.halt == HALT_ERROR ? (m.exit_status ? m.exit_status : 1) : m.exit_status;
    const char *stats_path = config_string(&cfg, "stats", "output_filename");
    if (*stats_path && !stats_write(stats_path, model, inst, &m, seconds) && status == 0)
        status = 1;

out:
    if (inst)
        model->destroy(inst);
    run_snapshots_finish(&rs);
    if (machine_ready)
        machine_destroy(&m);
    free(env);
    config_free(&cfg);
    run_options_free(&o);
    log_close();
    return status;
}
