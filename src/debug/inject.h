/* Faults injected into a detailed model on purpose (`--config inject:...`), so that DiffTest and
 * LightSSS can be seen catching a buggy model.  The model asks inject_due() at the points where
 * it could go wrong; the first eligible instruction retiring as number `inject:instruction` or
 * later takes the fault, once.  The reference machine never sees any of this. */
#ifndef SNAPSIM_DEBUG_INJECT_H
#define SNAPSIM_DEBUG_INJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/config.h"

enum inject_kind {
    INJ_NONE,
    INJ_ALU_BITFLIP,     /* flip bit inject:bit of an integer ALU result (rd != x0) */
    INJ_DROP_STORE,      /* a store commits without writing memory */
    INJ_BRANCH_TARGET,   /* a branch or jump resolves to its target + 4 */
    INJ_STALE_FORWARD,   /* an operand that should be forwarded comes from the stale register file */
    INJ_LOST_FLUSH,      /* a mispredicted branch or jump redirects fetch but leaves the wrong-path
                            instructions behind it in the pipeline (a model assertion catches
                            the first at commit) */
    INJ_LOST_WAKEUP,     /* an ALU result never becomes ready: nothing retires (the watchdog) */
};

struct inject {
    enum inject_kind kind;
    uint64_t at;          /* retired-instruction number from which the fault may strike */
    unsigned bit;
    bool done;
};

extern const struct config_key inject_config_keys[];
extern const size_t inject_config_nkeys;

void inject_from_config(struct inject *j, const struct config *c);

static inline bool inject_due(const struct inject *j, enum inject_kind k, uint64_t retire_number)
{
    return j->kind == k && !j->done && retire_number >= j->at;
}

/* Records that the fault struck (once) and says where in the log. */
void inject_applied(struct inject *j, uint64_t retire_number, uint64_t pc);

#endif
