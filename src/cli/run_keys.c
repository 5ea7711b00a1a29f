/* Configuration keys of the run itself, the same for every model: the statistics window and
 * its dumps. */
#include "cli/run_keys.h"

const struct config_key run_config_keys[] = {
    { "stats", "warmup_instructions", CONFIG_UINT, "0", 0, UINT64_MAX, NULL,
      "statistics count from the program's Nth retired instruction on (absolute, as snapshot names; caches and predictors warm before)" },
    { "stats", "dump_every", CONFIG_UINT, "0", 0, UINT64_MAX, NULL,
      "append a statistics dump and rewrite the statistics file every N retired instructions (absolute counts; 0 = never)" },
    { "stats", "reset_on_work_begin", CONFIG_BOOL, "false", 0, 0, NULL,
      "a guest work_begin also restarts the statistics (reset_stats)" },
    { "stats", "dump_on_work_end", CONFIG_BOOL, "false", 0, 0, NULL,
      "a guest work_end also appends a statistics dump (dump_stats)" },
};
const size_t run_config_nkeys = sizeof run_config_keys / sizeof run_config_keys[0];
