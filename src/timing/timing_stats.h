/* Statistics of the timing components as JSON objects (for a model's stats callback, which
 * decides where in the stats tree they go, e.g. core "0" -> "fetch" -> "l1ic"). */
#ifndef SNAPSIM_TIMING_TIMING_STATS_H
#define SNAPSIM_TIMING_TIMING_STATS_H

#include <cjson/cJSON.h>

#include "timing/bpred.h"
#include "timing/cache.h"
#include "timing/memsys.h"

/* Each returns a new object (NULL if out of memory) holding the component's counters. */
cJSON *cache_stats_json(const struct cache *c);
cJSON *memsys_stats_json(const struct memsys *ms);   /* request counts, write-backs, mem reads */
cJSON *bpred_stats_json(const struct bpred *bp);

#endif
