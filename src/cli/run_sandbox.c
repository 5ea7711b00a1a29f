/* The sandbox of `snapsim run` (cli/sandbox.h): which directory trees a confined run may write.
 *
 * A restored run is confined by default, right before the restore changes its first host file;
 * --sandbox confines any run before its program is loaded.  The trees are the current
 * directory, the snapshot's own parent directory (restore), every --allow-path and
 * --sandbox-allow directory, the --log directory and the directories of the run's outputs
 * (snapshots, statistics), which are created first if needed. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/run.h"
#include "cli/sandbox.h"

#define MAX_TREES 256

/* The existing directory part of an output path ("." for a bare name); empty if none exists. */
static void output_dir(const char *path, char *dir, size_t size)
{
    snprintf(dir, size, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, size, ".");
    else
        *(slash == dir ? slash + 1 : slash) = 0;
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        dir[0] = 0;
}

bool run_sandbox_enter(const struct run_options *o, const struct config *cfg, const char *const *roots,
                       size_t nroots, char *err, size_t errlen)
{
    const char *trees[MAX_TREES];
    static char outs[2][PATH_MAX];
    size_t n = 0;
    if (nroots + o->nallow_paths + o->nsandbox_allow + 5 > MAX_TREES) {
        snprintf(err, errlen, "sandbox: more than %d directories to allow", MAX_TREES);
        return false;
    }
    for (size_t i = 0; i < nroots; i++)
        trees[n++] = roots[i];
    trees[n++] = ".";
    for (size_t i = 0; i < o->nallow_paths; i++)
        trees[n++] = o->allow_paths[i];
    for (size_t i = 0; i < o->nsandbox_allow; i++)
        trees[n++] = o->sandbox_allow[i];
    if (o->log_dir)
        trees[n++] = o->log_dir;
    if (o->replace_changed)
        trees[n++] = o->replace_changed;
    if (o->nsnapshots || o->snapshot_every || o->on_checkpoint != ON_CHECKPOINT_IGNORE) {
        const char *base = config_string(cfg, "mainmem", "filename");
        if (*base && !run_make_parent_dirs(base)) {
            snprintf(err, errlen, "cannot create the directory of %s: %s", base, strerror(errno));
            return false;
        }
        output_dir(*base ? base : "./mainmem.raw", outs[0], sizeof outs[0]);
        if (outs[0][0])
            trees[n++] = outs[0];
    }
    output_dir(config_string(cfg, "stats", "output_filename"), outs[1], sizeof outs[1]);
    if (outs[1][0])
        trees[n++] = outs[1];
    return sandbox_confine(trees, n, err, errlen) == 0;
}
