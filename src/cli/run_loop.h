/* The run loop of `snapsim run`: drives the model from stop point to stop point (limits,
 * snapshot points, the end of the warm-up, periodic dumps), carries out the guest ops the model
 * hands over (HALT_EVENT), and decides the run's exit cause and status.
 *
 * Every instruction count is the program's absolute retired-instruction count (what snapshot
 * names use), also in a restored run; points already passed at the start or never reached are
 * warned about. */
#ifndef SNAPSIM_CLI_RUN_LOOP_H
#define SNAPSIM_CLI_RUN_LOOP_H

#include <stdbool.h>
#include <stdint.h>

#include "cli/exit_cause.h"
#include "cli/run.h"
#include "cli/stats.h"

struct run_loop {
    const struct run_options *o;
    struct machine *m;
    const struct model *model;
    struct model_instance *inst;
    struct run_state *rs;
    struct run_stats *stats;
    uint64_t start_instret;
    uint64_t warmup;                 /* stats:warmup_instructions (absolute; 0 = none) */
    bool warm;                       /* the warm-up is over (or there is none) */
    uint64_t dump_every;             /* stats:dump_every */
    bool reset_on_work_begin, dump_on_work_end;
    uint64_t work_ends;              /* work_end ops that closed a region */
    uint64_t snapshot_at;            /* count of the last snapshot taken (UINT64_MAX: none) */
    enum exit_cause cause;
    int status;
    bool output_failed;              /* an output could not be written: status 3 */
};

/* Reads the loop's settings and warns about points already passed. */
void run_loop_init(struct run_loop *l, const struct run_options *o, struct machine *m,
                   const struct model *model, struct model_instance *inst, struct run_state *rs,
                   struct run_stats *stats);
/* Runs to the end; sets cause and status. */
void run_loop_run(struct run_loop *l);
/* Warns about points the run never reached, writes the final dump and the statistics file. */
void run_loop_finish(struct run_loop *l);

#endif
