/* What `snapsim run` does when the guest forks (linux_fork_hooks): the parent finishes its
 * background snapshots first; the child (another host process) writes its own statistics file
 * and nothing else of the parent's -- no snapshots, no progress line. */
#ifndef SNAPSIM_CLI_RUN_FORK_H
#define SNAPSIM_CLI_RUN_FORK_H

#include "cli/options.h"
#include "cli/run.h"
#include "cli/run_monitor.h"
#include "cli/stats.h"

struct run_fork {
    struct run_options *o;
    struct run_state *rs;
    struct run_stats *stats;
    struct progress *progress;
    char *stats_path;        /* the child's statistics file (owned), or NULL */
};

/* Installs the hooks for this run (ctx must live until the run ends). */
void run_fork_install(struct run_fork *ctx);
void run_fork_free(struct run_fork *ctx);

/* The statistics file of guest process `pid` forked by the process writing `path`: ".PID"
 * inserted before a ".json" ending (else appended), so "stats.json" becomes "stats.1001.json"
 * and that one's child writes "stats.1001.1002.json".  NULL if out of memory. */
char *run_fork_stats_path(const char *path, int pid);

#endif
