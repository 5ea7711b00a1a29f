/* The fast model's system-mode interpreter: a privileged hart on physical memory and devices
 * (priv/), one instruction at a time.  The user-mode interpreter (fast.c) is not touched by it. */
#ifndef SNAPSIM_FAST_FAST_SYSTEM_H
#define SNAPSIM_FAST_FAST_SYSTEM_H

#include <stdint.h>

#include <cjson/cJSON.h>

#include "core/machine.h"
#include "debug/events.h"

struct fast_system;

struct fast_system *fast_system_new(void);
void fast_system_free(struct fast_system *s);
/* Runs until m->halt is set or m->hart.instret reaches stop_at exactly (then HALT_LIMIT). */
void fast_system_run(struct fast_system *s, struct machine *m, uint64_t stop_at);
/* DiffTest's reference: one instruction at the hart's pc, retired or trapping (the trap taken),
 * described in *ev.  It takes no interrupt and calls no device tick or HTIF command: whatever
 * the timing decides, the reference is told (debug/difftest_system.c). */
void fast_system_step(struct fast_system *s, struct machine *m, struct commit_event *ev);
/* Statistics since the model was created into stats.json's core object: TLB misses and page
 * walks, interrupts and exceptions taken, instructions per privilege, the virt machine's. */
void fast_system_stats(const struct fast_system *s, const struct machine *m, cJSON *core);

#endif
