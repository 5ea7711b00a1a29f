/* The statistics of a run: a window that starts when the run starts (after a restore), at the
 * end of a warm-up or at a guest reset_stats, and ends at each dump; the work regions the guest
 * brackets with work_begin/work_end; the dumps so far.
 *
 * The file (stats:output_filename, by default LOGDIR/stats.json) is one JSON object: the keys of
 * the last dump at the top level (as the seed system writes them), then "work", "dumps" — an
 * array with one object per dump, in order, each with the same keys as the top level — and
 * "config", the resolved configuration.  pandas.json_normalize(stats["dumps"]) gives one row per
 * dump.  Counters cover the window [begin_instret, end_instret) in absolute retired-instruction
 * counts of the program; "ipc" is instructions / cycle of that window. */
#ifndef SNAPSIM_CLI_STATS_H
#define SNAPSIM_CLI_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"

/* Counts of one work region id (all its work_begin..work_end pairs). */
struct work_counts {
    uint64_t id, regions, instructions, cycles;
    bool open;
    uint64_t begin_instret, begin_cycle;
};

struct run_stats {
    const struct model *model;
    struct model_instance *inst;
    struct machine *m;
    uint64_t begin_instret, begin_cycle;
    uint64_t op_base[OP_COUNT];
    struct work_counts *work;
    size_t nwork;
    cJSON *dumps;          /* array of dump objects */
    cJSON *config;         /* resolved configuration (owned), or NULL */
    const char *path;      /* "" = no statistics file */
    double start_seconds;
    double start_cpu_seconds; /* the process's CPU time then (begin_cpu_host_seconds) */
};

/* The window starts now (the model's own counters are as it was created or restored). */
void run_stats_init(struct run_stats *s, const struct model *model, struct model_instance *inst,
                    struct machine *m, const char *path, cJSON *config);
void run_stats_free(struct run_stats *s);
/* Restarts the window here: the model's counters too (model->reset_stats). */
void run_stats_reset(struct run_stats *s);
/* Appends a dump of the window so far; `why` is its dump_cause ("dump_stats", "end"...). */
bool run_stats_dump(struct run_stats *s, const char *why);
/* A guest work_begin/work_end for region `id`; false if out of memory.  *ended is set to true
 * when a work_end closed an open region. */
bool run_stats_work(struct run_stats *s, uint64_t id, bool begin, bool *ended);
/* Writes the file (atomically: a temporary file renamed into place) with the last dump at the
 * top level and `exit_cause`/`exit_status`.  True if there is no file to write. */
bool run_stats_write(struct run_stats *s, const char *exit_cause, int exit_status);

/* Can `path` be created and written?  Checked before the run starts; logs why not. */
bool stats_path_writable(const char *path);

#endif
