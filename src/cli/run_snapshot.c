/* Snapshot steps of `snapsim run` (capture at instruction counts, restore). */
#include <stdlib.h>

#include "cli/run.h"
#include "core/log.h"

bool run_restore(struct machine *m, const struct run_options *o, struct run_state *rs)
{
    (void)m, (void)rs;
    log_msg("cannot restore %s: snapshots are not supported yet", o->restore);
    return false;
}

bool run_snapshots_prepare(struct machine *m, const struct run_options *o, struct run_state *rs)
{
    (void)m, (void)rs;
    if (o->nsnapshots || o->snapshot_every) {
        log_msg("snapshots are not supported yet");
        return false;
    }
    return true;
}

bool run_snapshot_take(struct machine *m, const struct run_options *o, struct run_state *rs,
                       const struct model *model)
{
    (void)m, (void)o, (void)rs, (void)model;
    return false;
}

void run_snapshots_finish(struct run_state *rs)
{
    free(rs->base);
    free(rs->previous);
}
