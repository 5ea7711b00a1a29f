/* Injected faults: configuration and the log line naming where one struck (see inject.h). */
#include "debug/inject.h"

#include <string.h>

#include "core/log.h"

static const char *const kind_names[] = { "none", "alu_bitflip", "drop_store", "branch_target",
                                          "stale_forward", "lost_flush", "lost_wakeup" };

const struct config_key inject_config_keys[] = {
    { "inject", "kind", CONFIG_ENUM, "none", 0, 0,
      "none alu_bitflip drop_store branch_target stale_forward lost_flush lost_wakeup",
      "corrupt the detailed model on purpose (never the DiffTest reference)" },
    { "inject", "instruction", CONFIG_UINT, "1", 1, UINT64_MAX, NULL,
      "the first eligible instruction retiring as this number or later takes the fault" },
    { "inject", "bit", CONFIG_UINT, "0", 0, 63, NULL, "the result bit alu_bitflip flips" },
};
const size_t inject_config_nkeys = sizeof inject_config_keys / sizeof inject_config_keys[0];

void inject_from_config(struct inject *j, const struct config *c)
{
    memset(j, 0, sizeof *j);
    const char *kind = config_string(c, "inject", "kind");
    for (size_t k = 0; k < sizeof kind_names / sizeof kind_names[0]; k++)
        if (strcmp(kind, kind_names[k]) == 0)
            j->kind = (enum inject_kind)k;
    j->at = config_uint(c, "inject", "instruction");
    j->bit = (unsigned)config_uint(c, "inject", "bit");
}

void inject_applied(struct inject *j, uint64_t retire_number, uint64_t pc)
{
    j->done = true;
    log_msg("inject: %s applied to instruction %llu at pc 0x%llx", kind_names[j->kind],
            (unsigned long long)retire_number, (unsigned long long)pc);
}
