/* Snapshots written in the background, as Redis's BGSAVE: the simulator forks, the child (a
 * copy-on-write image of the machine at the snapshot point) writes the snapshot with the same
 * capture as a synchronous one and exits, and the simulation goes on after the fork alone.
 *
 * The snapshot still appears atomically (the capture writes a temporary directory and renames
 * it).  The parent does at fork time what a completed capture does to the run's own state: it
 * clears the dirty bits of guest memory and links the next incremental snapshot to this one.
 * At most snapshot:jobs children are in flight (the oldest is waited for beyond that), all are
 * waited for before the run's outputs are final, and a child's failure is reported by the
 * parent with the snapshot's name.  Children die with the parent (PR_SET_PDEATHSIG), ignore
 * SIGINT and SIGTERM (the parent ends cleanly on those and waits for them) and write nothing
 * but the snapshot. */
#ifndef SNAPSIM_CLI_SNAPSHOT_FORK_H
#define SNAPSIM_CLI_SNAPSHOT_FORK_H

#include <stdbool.h>
#include <stddef.h>

#include "checkpoint/checkpoint.h"
#include "core/config.h"
#include "core/machine.h"

struct snapshot_jobs;

/* The configuration keys (snapshot:background, snapshot:jobs), registered for every run. */
extern const struct config_key snapshot_fork_keys[];
extern const size_t snapshot_fork_nkeys;

/* The job table, or NULL when snapshot:background is off (or out of memory: synchronous). */
struct snapshot_jobs *snapshot_jobs_create(const struct config *cfg);

/* Why this snapshot must be captured synchronously, or NULL if a child can write it: a child
 * captures later than the snapshot point, so nothing it reads outside its own memory may change
 * in between (host files the guest holds open for writing or changed, shared file mappings,
 * open directories and devices share their state with the running parent).  Regular files open
 * for reading (and a regular file as standard input) do not stop it: their positions are
 * recorded at fork time and the child captures from descriptors of its own. */
const char *snapshot_fork_obstacle(const struct machine *m);

/* Before a capture (in a child or not): an incremental one waits for the children still writing
 * its ancestors, so that it never names a snapshot that then fails as its parent, and references
 * the saved file contents they stored.  False if one of them failed (reported). */
bool snapshot_jobs_settle(struct snapshot_jobs *j, const struct ckpt_chain *chain,
                          const struct ckpt_capture_opts *opts);

/* Writes the snapshot `path` in a child: true once forked (the parent's chain and dirty bits
 * are updated as a completed capture would); false if fork failed (nothing changed: capture
 * synchronously) or an earlier child's failure was found (reported; the run must end). */
bool snapshot_jobs_start(struct snapshot_jobs *j, struct machine *m, const char *path,
                         struct ckpt_chain *chain, const struct ckpt_capture_opts *opts, bool *forked);

/* Waits for every child; false if one failed (each failure reported with its snapshot). */
bool snapshot_jobs_wait(struct snapshot_jobs *j);

/* Waits for the children and frees the table. */
void snapshot_jobs_destroy(struct snapshot_jobs *j);

#endif
