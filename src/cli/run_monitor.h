/* What watches a run from outside the model: SIGINT/SIGTERM (the model stops at the next block
 * or cycle, statistics are written, the exit status is 128 + the signal) and the progress line
 * on stderr.  The progress thread only reads the instruction and cycle counts, so it cannot
 * change the simulated run. */
#ifndef SNAPSIM_CLI_RUN_MONITOR_H
#define SNAPSIM_CLI_RUN_MONITOR_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"

/* Installs the handlers (a second signal kills the simulator at once, as usual). */
void run_signals_install(void);
void run_signals_restore(void);
/* The signal that interrupted the run, or 0. */
int run_interrupted(void);

struct progress {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool running, stop, tty, wanted, printed;
    const struct machine *m;
    const struct model *model;
    struct model_instance *inst;
    uint64_t limit;          /* --max-instructions, for the ETA (0 = unknown) */
    uint64_t start_instret;
    double start_seconds;
};

/* Starts the progress line (every second) if `wanted` or stderr is a terminal. */
void progress_start(struct progress *p, bool wanted, const struct machine *m, const struct model *model,
                    struct model_instance *inst, uint64_t limit);
/* Prints the last line (with --progress, or after a periodic one) and stops the thread (no-op
 * if it was not started). */
void progress_stop(struct progress *p);

#endif
