/* A detailed model's failed internal check (see model_assert.h). */
#include "debug/model_assert.h"

#include <inttypes.h>

#include "core/log.h"
#include "core/machine.h"
#include "debug/events.h"

bool model_assert_failed(struct machine *m, uint64_t cycle, uint64_t pc, const char *what)
{
    /* Once: a replay running on past it may fail the same check every cycle. */
    log_once("model-assert", "model assertion failed at cycle %" PRIu64 " (next pc 0x%" PRIx64
             "): %s", cycle, pc, what);
    return event_fail(m->events, m, cycle, pc, HALT_ERROR, MODEL_ASSERT_EXIT_STATUS);
}
