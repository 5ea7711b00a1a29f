/* Configuration keys of the shared timing components (caches, memory latency, branch predictor).
 * A pipeline model registers this table, then calls memsys_init_from_config and
 * bpred_init_from_config.  Range checks happen here; power-of-two checks happen at init. */
#ifndef SNAPSIM_TIMING_TIMING_CONFIG_H
#define SNAPSIM_TIMING_TIMING_CONFIG_H

#include <stddef.h>

#include "core/config.h"

extern const struct config_key timing_config_keys[];
extern const size_t timing_config_nkeys;

#endif
