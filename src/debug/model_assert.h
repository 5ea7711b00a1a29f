/* Internal consistency checks of a detailed model (e.g. a pipeline invariant).  A failing check
 * does not abort the simulator: it is logged once per run with the cycle and pc and fails the run
 * like a DiffTest mismatch (halt HALT_ERROR, exit status MODEL_ASSERT_EXIT_STATUS), through
 * event_fail, so that LightSSS wakes its oldest snapshot and replays up to the failed check.
 *
 *     if (model_assert(m, in->pc == p->commit_pc, p->now, p->commit_pc, "commits in program order"))
 *         return stop;
 *
 * model_assert is true when the run stops there; in a LightSSS replay recording past the failure
 * it is false and the model goes on as its bug leads it. */
#ifndef SNAPSIM_DEBUG_MODEL_ASSERT_H
#define SNAPSIM_DEBUG_MODEL_ASSERT_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define MODEL_ASSERT_EXIT_STATUS 1

#define model_assert(m, cond, cycle, pc, what) \
    (!(cond) && model_assert_failed((m), (cycle), (pc), (what)))

/* Records the failed check `what` and fails the run; true if it stops. */
bool model_assert_failed(struct machine *m, uint64_t cycle, uint64_t pc, const char *what);

#endif
