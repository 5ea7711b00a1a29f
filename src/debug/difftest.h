/* DiffTest: lock-step comparison of a detailed model with the fast model as reference.
 *
 * The reference is a second machine, a copy of the detailed model's taken when the run starts
 * (after the program is loaded or a snapshot restored).  Per commit event it runs one instruction
 * and the two commits are compared field by field.  A system call runs only in the detailed
 * model; the reference takes its results (registers and the memory the call wrote), as DiffTest
 * syncs non-deterministic events, so both see one process.  The first mismatch stops the run with
 * DIFFTEST_EXIT_STATUS and one report naming the field, both values, the instruction, its number
 * and cycle, followed by the last `difftest:history` commits of both sides. */
#ifndef SNAPSIM_DEBUG_DIFFTEST_H
#define SNAPSIM_DEBUG_DIFFTEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "core/config.h"
#include "debug/events.h"

struct machine;
struct difftest;

/* The exit status of a run that DiffTest stopped. */
#define DIFFTEST_EXIT_STATUS 4

/* Copies m into a reference machine; NULL with a message in err on failure. */
struct difftest *difftest_create(struct machine *m, const struct config *cfg, char *err,
                                 size_t errlen);
void difftest_destroy(struct difftest *d);

/* The commit sink (debug/events.h) that compares; on a mismatch it reports and stops the run. */
struct event_sink difftest_sink(struct difftest *d);

/* The reference's own commits also go to `sink` (e.g. its commit log); NULL: none. */
void difftest_set_reference_sink(struct difftest *d, const struct event_sink *sink);

bool difftest_failed(const struct difftest *d);
/* The first mismatching commit of the model (valid once difftest_failed). */
const struct commit_event *difftest_failure(const struct difftest *d);

/* Test hook: moves the reference's pc, so that the next commit mismatches. */
void difftest_perturb(struct difftest *d);

/* Adds "difftest": {"compared": N, "mismatch": 0|1} to the statistics. */
void difftest_stats(const struct difftest *d, cJSON *top);

#endif
