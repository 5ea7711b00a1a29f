/* LightSSS: fork()-based snapshots of the whole simulator, and automatic replay of a failure
 * with every debugging output on.
 *
 * Every lightsss:interval cycles the simulator forks; the child is a copy-on-write snapshot that
 * sleeps on a pipe (a process's guest memory is left out of the fork and kept for it by the
 * parent: preimages.h).  lightsss:slots children are kept, the oldest beyond that killed.  Children
 * die with the parent (PR_SET_PDEATHSIG, getppid check, EOF on the pipe) and are reaped without
 * blocking.  When the run fails (a DiffTest mismatch, the watchdog: a model reports it through
 * event_fail, which records the failure point's state; or any other failing halt) the oldest
 * child is woken with the failure point.  It re-runs silently to `failure - lightsss:window`
 * cycles (window 0: from its own start), then with a VCD, a Kanata trace and the commit logs of
 * the model and of DiffTest's reference on, to the failure; there it checks that it reached the
 * architectural state the parent recorded ("replay verified", or "replay diverged"), records
 * lightsss:after more cycles (the model runs on past the failure) and exits.  The parent waits, names the artefacts and exits with the
 * failure's status.  A child writes nothing the parent writes: its standard output and error
 * go to /dev/null and it never returns to the run loop. */
#ifndef SNAPSIM_DEBUG_LIGHTSSS_H
#define SNAPSIM_DEBUG_LIGHTSSS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "core/config.h"
#include "debug/events.h"

struct machine;
struct lightsss;

/* What a woken child turns on: the wrapper's outputs for the replay window. */
struct lightsss_outputs {
    void (*start)(void *ctx, struct machine *m, const char *dir);   /* open the artefacts */
    void (*silence)(void *ctx);       /* stop writing the parent's outputs (child, on waking) */
    void (*finish)(void *ctx);        /* close the artefacts */
    void *ctx;
    bool difftest;                    /* a reference commit log is written too */
};

/* Validates lightsss:* (and that `dir`, the artefact directory, is writable); NULL after a
 * one-line message. */
struct lightsss *lightsss_create(const struct config *cfg, const char *dir,
                                 const struct lightsss_outputs *out);
/* Kills and reaps the children (the parent's normal end). */
void lightsss_destroy(struct lightsss *l);

/* Sets the bus's cycle alarm: forks at the interval boundaries and, in a replaying child,
 * starts the outputs at the window. */
void lightsss_attach(struct lightsss *l, struct event_bus *bus);

/* The wrapper's run: runs `run` to stop_at, and on a failure replays it in the oldest child.  In
 * a child this never returns. */
void lightsss_run(struct lightsss *l, struct machine *m, uint64_t stop_at,
                  void (*run)(void *ctx, struct machine *m, uint64_t stop_at), void *ctx,
                  const struct commit_event *(*failure)(void *ctx));

void lightsss_stats(const struct lightsss *l, cJSON *top);

#endif
