/* What one LightSSS fork costs the run, measured in the run itself (lightsss:measure).
 *
 * A shared virtual machine's speed drifts by tens of percent from one run to the next, so
 * separate runs with and without --lightsss cannot resolve a cost of a few percent.  Here the
 * run forks only at every period-th interval boundary and times (thread CPU time) each whole
 * interval by its place in the period: 0 is the interval that began with the fork, period - 1
 * the one farthest from it.  Intervals of both kinds alternate every few milliseconds, so a
 * drift slows them alike.  Per period, the fork's cost is the period's intervals together less
 * period times its last.  The medians over the periods are reported, which a preempted interval
 * does not move, with distribution-free 95 % intervals: at one fork per interval a run pays
 * its parent's cost plus a snapshot's own (its start and exit, mostly on another core).
 *
 * The figure holds when a fork's costs fall in the K - 1 intervals from it: a guest that takes
 * longer than that to rewrite the pages it writes spreads their saving (preimages.h) over the
 * last interval too, and the figure is then too low; a larger K covers it. */
#ifndef SNAPSIM_DEBUG_FORK_COST_H
#define SNAPSIM_DEBUG_FORK_COST_H

#include <stdbool.h>
#include <stdint.h>

#include <cjson/cJSON.h>

struct fork_cost;

/* period >= 2; NULL when out of memory. */
struct fork_cost *fork_cost_create(uint64_t period);
void fork_cost_free(struct fork_cost *c);

/* At interval boundary number `index` (cycle / interval): closes the interval that ends here;
 * true when this boundary forks. */
bool fork_cost_boundary(struct fork_cost *c, uint64_t index);

/* Adds "measured" to the lightsss statistics; `child_seconds` is a snapshot's own CPU time
 * (its start and exit, on whichever core), added to the parent's share. */
void fork_cost_stats(struct fork_cost *c, double child_seconds, cJSON *lightsss);

#endif
