/* Restoring a snapshot into a fresh machine.  Order matters for hostile input: every value is
 * checked (ckpt_stage, the phase `snapshot verify` runs too) before any region is mapped, any
 * page decompressed or any host file touched. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checkpoint/ckpt_internal.h"
#include "checkpoint/machine_snapshot.h"
#include "checkpoint/memory_image.h"
#include "checkpoint/restore_check.h"
#include "snapshot/config.h"
#include "snapshot/page_chain.h"
#include "snapshot/snap_error.h"
#include "snapshot/snap_objects.h"
#include "snapshot/snap_paths.h"
#include "snapshot/snap_verify.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int add_root(struct ckpt_roots *r, const char *dir, char *err, size_t errlen)
{
    char *real = realpath(dir, NULL);
    if (!real)
        return snap_err(err, errlen, "allowed directory %s: %s", dir, strerror(errno));
    char **d = realloc(r->dirs, (r->n + 1) * sizeof *d);
    if (!d) {
        free(real);
        return snap_err(err, errlen, "out of memory");
    }
    r->dirs = d;
    r->dirs[r->n++] = real;
    return 0;
}

static void free_roots(struct ckpt_roots *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->dirs[i]);
    free(r->dirs);
}

/* Host directories the snapshot may name: its own parent tree (where it was taken), the current
 * directory tree, and what the user allowed. */
static int build_roots(struct ckpt_roots *roots, const struct snap_paths *paths, const struct ckpt_restore_opts *o,
                       char *err, size_t errlen)
{
    if (add_root(roots, paths->parent, err, errlen) || add_root(roots, ".", err, errlen))
        return -1;
    for (size_t i = 0; o && i < o->nallow; i++)
        if (add_root(roots, o->allow[i], err, errlen))
            return -1;
    return 0;
}

static int chain_from_paths(struct ckpt_chain *chain, const struct snap_paths *paths, char *err, size_t errlen)
{
    *chain = (struct ckpt_chain){.dirs = calloc(paths->nancestors + 1, sizeof(char *))};
    if (!chain->dirs)
        return snap_err(err, errlen, "out of memory");
    const char *src[] = {paths->dir};
    for (size_t i = 0; i <= paths->nancestors; i++) {
        chain->dirs[i] = strdup(i == 0 ? src[0] : paths->ancestors[i - 1]);
        if (!chain->dirs[i]) {
            ckpt_chain_free(chain);
            return snap_err(err, errlen, "out of memory");
        }
        chain->n++;
    }
    return 0;
}

int ckpt_restore(struct machine *m, const char *path, const struct ckpt_restore_opts *opts,
                 struct ckpt_chain *chain, struct ckpt_stats *stats, char *err, size_t errlen)
{
    if (m->sys)
        return machine_restore(m, path, opts, chain, stats, err, errlen);
    double t0 = now();
    struct ckpt_staged s;
    struct ckpt_roots roots = {0};
    uint64_t loaded = 0;
    int rc = -1;
    struct ckpt_stage_target t = {.hart = &m->hart, .proc = m->proc, .mem = &m->mem, .capacity = m->mem.capacity,
                                  .allow = opts ? opts->allow : NULL, .nallow = opts ? opts->nallow : 0};
    if (ckpt_stage(&s, path, &t, err, errlen) || build_roots(&roots, &s.paths, opts, err, errlen))
        goto out;
    m->cycle_offset = s.cp.has_cycles ? s.cp.cycles - m->hart.instret : 0;
    /* Everything below applies checked values; what can still fail is the host's doing. */
    if (ckpt_map_regions(&m->mem, &s.cm, err, errlen) || ckpt_load_pages(&m->mem, &s.pages, &loaded, err, errlen))
        goto out;
    if (opts && opts->confine &&
        opts->confine(opts->confine_ctx, (const char *const *)roots.dirs, roots.n, err, errlen))
        goto out;
    if (ckpt_files_restore(&s.cp, &roots, opts, err, errlen))
        goto out;
    ckpt_clear_dirty(&m->mem);
    m->mem.code_epoch++;
    if (chain && chain_from_paths(chain, &s.paths, err, errlen))
        goto out;
    if (chain) {
        chain->payloads = s.payloads;
        s.payloads = (struct ckpt_payloads){0};
    }
    if (stats)
        *stats = (struct ckpt_stats){.pages = loaded, .mapped_bytes = m->mem.mapped_bytes,
                                     .chain_length = s.paths.nancestors, .seconds = now() - t0};
    rc = 0;
out:
    free_roots(&roots);
    ckpt_staged_free(&s);
    return rc;
}
