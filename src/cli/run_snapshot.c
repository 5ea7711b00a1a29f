/* Snapshot steps of `snapsim run`: capture at instruction counts, restore.
 *
 * Snapshots are named <mainmem:filename>.<instret, 15 digits>.snapshot; the base name defaults to
 * LOGDIR/mainmem.raw (./mainmem.raw without --log) and its directory is created if needed.  The
 * first snapshot of a run is standalone, later ones are incremental on the previous one unless
 * --independent-snapshots is given.  A restored run chains its snapshots to the restored snapshot
 * when they are written into the same directory (siblings stay movable as a tree), otherwise
 * its first snapshot is standalone.
 *
 * Snapshots are written by a forked child (snapshot_fork.c) unless snapshot:background is off or
 * the guest's host-file state could change under the child; then the run waits for the capture.
 *
 * Set SNAPSIM_SNAPSHOT_VERBOSE=1 to get one line per snapshot taken or restored with its timing. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "checkpoint/checkpoint.h"
#include "cli/run.h"
#include "cli/snapshot_fork.h"
#include "core/log.h"
#include "linux/process.h"
#include "platform/virt_machine.h"

static bool verbose(void)
{
    const char *v = getenv("SNAPSIM_SNAPSHOT_VERBOSE");
    return v && *v && strcmp(v, "0") != 0;
}

static void warn_line(const char *msg) { log_msg("%s", msg); }

static struct ckpt_chain *chain_of(struct run_state *rs)
{
    if (!rs->chain)
        rs->chain = calloc(1, sizeof *rs->chain);
    return rs->chain;
}

struct confine_ctx {
    const struct run_options *o;
    const struct config *cfg;
};

static int confine(void *ctx, const char *const *dirs, size_t n, char *err, size_t errlen)
{
    const struct confine_ctx *c = ctx;
    return run_sandbox_enter(c->o, c->cfg, dirs, n, err, errlen) ? 0 : -1;
}

bool run_restore(struct machine *m, const struct run_options *o, const struct machine_snapshot_facts *facts,
                 struct run_state *rs)
{
    struct confine_ctx cc = {o, m->config};
    struct ckpt_restore_opts ro = {.allow = o->allow_paths, .nallow = o->nallow_paths,
                                   .force = o->force_restore, .replace_dir = o->replace_changed, .warn = warn_line,
                                   .confine = o->no_sandbox ? NULL : confine, .confine_ctx = &cc,
                                   .image_path = o->image_paths, .nimage_path = o->nimage_paths};
    struct ckpt_chain *chain = chain_of(rs);
    struct ckpt_stats st;
    char err[2048];
    if (!chain) {
        log_msg("out of memory");
        return false;
    }
    if (o->virt && virt_machine_create_for_restore(m, facts->has_disk, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return false;
    }
    if (ckpt_restore(m, o->restore, &ro, chain, &st, err, sizeof err) != 0) {
        log_msg("cannot restore %s: %s", o->restore, err);
        return false;
    }
    if (verbose())
        log_msg("restored %s: instret %llu, %llu pages (%.1f MiB mapped), chain of %llu, %.1f ms", o->restore,
                (unsigned long long)m->hart.instret, (unsigned long long)st.pages,
                (double)st.mapped_bytes / (1 << 20), (unsigned long long)st.chain_length, st.seconds * 1e3);
    return true;
}

bool run_make_parent_dirs(const char *path)
{
    char dir[PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
        return false;
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        return true;
    *slash = 0;
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        if (mkdir(dir, 0777) != 0 && errno != EEXIST)
            return false;
        *p = '/';
    }
    return mkdir(dir, 0777) == 0 || errno == EEXIST;
}

const char *run_split_path(const char *path, char *dir, size_t size)
{
    snprintf(dir, size, "%s", path);
    char *slash = strrchr(dir, '/');
    const char *name = slash ? path + (slash - dir) + 1 : path;
    if (!slash)
        snprintf(dir, size, ".");
    else
        *(slash == dir ? slash + 1 : slash) = 0;
    return name;
}

/* Is the restored snapshot (chain->dirs[0]) in the directory new snapshots go to? */
static bool same_directory(const char *snapshot_dir, const char *base)
{
    char dir[PATH_MAX];
    run_split_path(base, dir, sizeof dir);
    char *real = realpath(dir, NULL);
    const char *last = strrchr(snapshot_dir, '/');
    bool same = real && last && strlen(real) == (size_t)(last - snapshot_dir) &&
                !strncmp(real, snapshot_dir, (size_t)(last - snapshot_dir));
    free(real);
    return same;
}

static const char *snapshot_base(const struct machine *m, const struct run_options *o, char *buf, size_t size)
{
    const char *base = config_string(m->config, "mainmem", "filename");
    if (*base)
        return base;
    snprintf(buf, size, "%s/mainmem.raw", o->log_dir ? o->log_dir : ".");
    return buf;
}

static bool name_taken(const char *base, uint64_t n)
{
    char path[PATH_MAX];
    struct stat st;
    if (ckpt_snapshot_name(path, sizeof path, base, n) || lstat(path, &st) != 0)
        return false;
    log_msg("%s already exists; --replace-snapshots replaces it, or choose another mainmem:filename", path);
    return true;
}

/* Is a snapshot of every-N point past `from` already in the directory of base? */
static bool periodic_name_taken(const char *base, uint64_t every, uint64_t from)
{
    char dir[PATH_MAX];
    const char *name = run_split_path(base, dir, sizeof dir);
    DIR *d = opendir(dir);
    size_t len = strlen(name);
    bool taken = false;
    for (struct dirent *e; d && !taken && (e = readdir(d));) {
        char *end;
        if (strncmp(e->d_name, name, len) || e->d_name[len] != '.')
            continue;
        unsigned long long n = strtoull(e->d_name + len + 1, &end, 10);
        if (end == e->d_name + len + 16 && !strcmp(end, ".snapshot") && n > from && n % every == 0)
            taken = name_taken(base, n);
    }
    if (d)
        closedir(d);
    return taken;
}

static bool run_snapshot_names_free(const struct machine *m, const struct run_options *o, uint64_t from)
{
    char buf[PATH_MAX];
    const char *base = snapshot_base(m, o, buf, sizeof buf);
    if (o->replace_snapshots)
        return true;
    for (size_t i = 0; i < o->nsnapshots; i++)
        if ((o->snapshots[i] > from || (o->snapshots[i] == from && !o->restore)) && name_taken(base, o->snapshots[i]))
            return false;
    return !o->snapshot_every || !periodic_name_taken(base, o->snapshot_every, from);
}

bool run_snapshots_prepare(struct machine *m, const struct run_options *o, struct run_state *rs)
{
    if (!o->nsnapshots && !o->snapshot_every && o->on_checkpoint == ON_CHECKPOINT_IGNORE)
        return true;   /* no snapshot can be asked for (guest checkpoints included) */
    char buf[PATH_MAX];
    const char *base = snapshot_base(m, o, buf, sizeof buf);
    /* Refused before the first instruction runs, not when the point is reached. */
    if (!run_snapshot_names_free(m, o, m->hart.instret))
        return false;
    rs->jobs = snapshot_jobs_create(m->config);
    if (!(rs->base = strdup(base)) || !chain_of(rs)) {
        log_msg("out of memory");
        return false;
    }
    if (!run_make_parent_dirs(rs->base)) {
        log_msg("cannot create the directory of %s: %s", rs->base, strerror(errno));
        return false;
    }
    if (rs->chain->n && (o->independent_snapshots || !same_directory(rs->chain->dirs[0], rs->base)))
        ckpt_chain_free(rs->chain);
    /* A snapshot at the current count (0 for a fresh run) is taken before anything runs. */
    for (size_t i = 0; i < o->nsnapshots; i++)
        if (o->snapshots[i] == m->hart.instret && !o->restore && !run_snapshot_take(m, o, rs, NULL))
            return false;
    return true;
}

bool run_snapshot_take(struct machine *m, const struct run_options *o, struct run_state *rs,
                       const struct model *model)
{
    char path[PATH_MAX], err[2048];
    if (m->proc && !linux_snapshot_allowed(m->proc, err, sizeof err)) {
        log_msg("no snapshot at instruction %llu: %s", (unsigned long long)m->hart.instret, err);
        return false;
    }
    if (ckpt_snapshot_name(path, sizeof path, rs->base, m->hart.instret)) {
        log_msg("snapshot name too long: %s", rs->base);
        return false;
    }
    struct ckpt_run_info info = {.model = model ? model->name : o->model, .program = o->program,
                                 .argv = o->argv, .argc = o->argc, .restored_from = o->restore,
                                 .env = rs->env};
    struct ckpt_capture_opts co = {.independent = o->independent_snapshots, .replace = o->replace_snapshots,
                                   .info = &info};
    bool forked = false;
    const char *obstacle = rs->jobs ? snapshot_fork_obstacle(m) : NULL;
    if (rs->jobs && obstacle && verbose())
        log_msg("snapshot %s is written synchronously: %s", path, obstacle);
    if (rs->jobs && obstacle && !snapshot_jobs_settle(rs->jobs, rs->chain, &co))
        return false;   /* an earlier background snapshot failed (reported) */
    if (rs->jobs && !obstacle && !snapshot_jobs_start(rs->jobs, m, path, rs->chain, &co, &forked))
        return false;   /* an earlier background snapshot failed (reported) */
    if (!forked) {
        struct ckpt_stats st;
        if (ckpt_capture(m, path, rs->chain, &co, &st, err, sizeof err) != 0) {
            log_msg("cannot write snapshot %s: %s", path, err);
            return false;
        }
        run_snapshot_log(path, &st, -1);
    }
    free(rs->previous);
    rs->previous = strdup(path);
    return true;
}

void run_snapshot_log(const char *path, const struct ckpt_stats *st, double stall)
{
    if (!verbose())
        return;
    char how[96] = "";
    if (stall >= 0)
        snprintf(how, sizeof how, ", in the background after a %.3f ms stall", stall * 1e3);
    log_msg("snapshot %s: %llu pages stored, %llu zero, %.1f MiB page file, %.1f MiB of saved files "
            "(%.1f MiB shared with ancestors), chain of %llu, %.1f ms%s", path,
            (unsigned long long)st->pages, (unsigned long long)st->zero_pages, (double)st->page_bytes / (1 << 20),
            (double)st->raw_bytes / (1 << 20), (double)st->shared_bytes / (1 << 20),
            (unsigned long long)st->chain_length, st->seconds * 1e3, how);
}

bool run_snapshots_wait(struct run_state *rs)
{
    return snapshot_jobs_wait(rs->jobs);
}

void run_snapshots_finish(struct run_state *rs)
{
    snapshot_jobs_destroy(rs->jobs);
    if (rs->chain) {
        ckpt_chain_free(rs->chain);
        free(rs->chain);
    }
    free(rs->base);
    free(rs->previous);
    *rs = (struct run_state){0};
}
