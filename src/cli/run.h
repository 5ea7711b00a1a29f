/* `snapsim run` and the snapshot steps it drives. */
#ifndef SNAPSIM_CLI_RUN_H
#define SNAPSIM_CLI_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/options.h"
#include "core/config.h"
#include "core/machine.h"
#include "core/model.h"

struct ckpt_stats;

struct ckpt_chain;

/* Snapshot bookkeeping of one run (previous snapshot of an incremental chain, base name...). */
struct run_state {
    char *base;            /* mainmem:filename */
    char *previous;        /* directory of the last snapshot written, for incremental chains */
    struct ckpt_chain *chain;  /* ancestors of the next incremental snapshot (checkpoint.h) */
    char *const *env;      /* the guest environment the program started with (NULL on restore) */
    struct snapshot_jobs *jobs;   /* snapshots being written in the background (snapshot_fork.h) */
};

int run_main(int argc, char **argv);

const struct model *run_find_model(const char *name);
bool run_build_config(struct config *cfg, const struct model *model, const char *const *assignments,
                      size_t n);

/* Implemented by the snapshot front end (cli/run_snapshot.c).  run_restore's facts are the
 * snapshot's shape as run_main read it to build the machine (zero for a Linux process). */
struct machine_snapshot_facts;
bool run_restore(struct machine *m, const struct run_options *o, const struct machine_snapshot_facts *facts,
                 struct run_state *rs);
bool run_snapshots_prepare(struct machine *m, const struct run_options *o, struct run_state *rs);
bool run_snapshot_take(struct machine *m, const struct run_options *o, struct run_state *rs,
                       const struct model *model);
/* Waits for the snapshots written in the background; false if one failed (reported). */
bool run_snapshots_wait(struct run_state *rs);
void run_snapshots_finish(struct run_state *rs);
/* The SNAPSIM_SNAPSHOT_VERBOSE line of a written snapshot; stall: how long a background
 * capture held up the run (negative: written synchronously). */
void run_snapshot_log(const char *path, const struct ckpt_stats *st, double stall);
/* The last component of path; dir gets the directory part ("." if none, "/" at the root). */
const char *run_split_path(const char *path, char *dir, size_t size);
/* mkdir -p of the directory part of path. */
bool run_make_parent_dirs(const char *path);

/* Confines the run's writes to the allowed trees (cli/run_sandbox.c); false with a message. */
bool run_sandbox_enter(const struct run_options *o, const struct config *cfg, const char *const *roots,
                       size_t nroots, char *err, size_t errlen);

#endif
