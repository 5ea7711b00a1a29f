/* Run-level configuration keys (stats:warmup_instructions, stats:dump_every, ...). */
#ifndef SNAPSIM_CLI_RUN_KEYS_H
#define SNAPSIM_CLI_RUN_KEYS_H

#include <stddef.h>

#include "core/config.h"

extern const struct config_key run_config_keys[];
extern const size_t run_config_nkeys;

#endif
