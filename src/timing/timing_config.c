/* Configuration keys of the timing components; defaults follow the seed system's Oroblanco
 * scripts (16x2x16 B L1s, 32x16x16 B L2, latencies 1 / 5 / 25). */
#include "timing/timing_config.h"

#include "timing/bpred.h"
#include "timing/cache.h"

#define SETS(c, f, d, what) \
    { c, f, CONFIG_UINT, d, 1, CACHE_MAX_LINES, NULL, "number of sets of the " what " (power of two)" }
#define WAYS(c, f, d, what) \
    { c, f, CONFIG_UINT, d, 1, 64, NULL, "associativity of the " what " (power of two)" }
#define BLOCK(c, f, d, what) \
    { c, f, CONFIG_UINT, d, CACHE_MIN_BLOCK, CACHE_MAX_BLOCK, NULL, \
      "block size in bytes of the " what " (power of two)" }
#define POLICY(c, f, what) \
    { c, f, CONFIG_ENUM, "lru", 0, 0, "lru random", "replacement policy of the " what }
#define LATENCY(c, f, d, what) \
    { c, f, CONFIG_UINT, d, 1, 1000, NULL, "hit latency in cycles of the " what }

const struct config_key timing_config_keys[] = {
    SETS("fetch", "l1ic_nsets", "16", "L1 instruction cache"),
    WAYS("fetch", "l1ic_nways", "2", "L1 instruction cache"),
    BLOCK("fetch", "l1ic_nbytesperblock", "16", "L1 instruction cache"),
    POLICY("fetch", "l1ic_evictionpolicy", "L1 instruction cache"),
    LATENCY("fetch", "l1ic_hitlatency", "1", "L1 instruction cache"),

    SETS("lsu", "l1dc_nsets", "16", "L1 data cache"),
    WAYS("lsu", "l1dc_nways", "2", "L1 data cache"),
    BLOCK("lsu", "l1dc_nbytesperblock", "16", "L1 data cache"),
    POLICY("lsu", "l1dc_evictionpolicy", "L1 data cache"),
    LATENCY("lsu", "l1dc_hitlatency", "1", "L1 data cache"),

    SETS("l2", "nsets", "32", "unified L2 cache"),
    WAYS("l2", "nways", "16", "unified L2 cache"),
    BLOCK("l2", "nbytesperblock", "16", "unified L2 cache"),
    POLICY("l2", "evictionpolicy", "unified L2 cache"),
    LATENCY("l2", "hitlatency", "5", "unified L2 cache (added to the L1's on an L1 miss)"),

    { "mainmem", "peek_latency_in_cycles", CONFIG_UINT, "25", 1, 100000, NULL,
      "cycles main memory adds to an access that misses in L2" },

    { "brpred", "predictor_type", CONFIG_ENUM, "btb2bit", 0, 0,
      "none static btb2bit bimodal gshare", "branch direction predictor" },
    { "brpred", "predictor_entries", CONFIG_UINT, "32", 1, BPRED_MAX_COUNTERS, NULL,
      "btb2bit: BTB entries; bimodal/gshare: 2-bit counters (power of two)" },
    { "brpred", "btac_entries", CONFIG_UINT, "64", 1, BTB_MAX_ENTRIES, NULL,
      "target buffer entries for bimodal/gshare (power of two)" },
    { "brpred", "btb_nways", CONFIG_UINT, "0", 0, BTB_MAX_ENTRIES, NULL,
      "associativity of the BTB/BTAC (power of two; 0 = fully associative)" },
    { "brpred", "btb_evictionpolicy", CONFIG_ENUM, "lru", 0, 0, "lru random",
      "replacement policy of the BTB/BTAC" },
    { "brpred", "history_bits", CONFIG_UINT, "8", 0, BPRED_MAX_HISTORY_BITS, NULL,
      "gshare global history length in branches" },
    { "brpred", "ras_entries", CONFIG_UINT, "8", 0, RAS_MAX_ENTRIES, NULL,
      "return-address stack depth (0 = none)" },
};

const size_t timing_config_nkeys = sizeof timing_config_keys / sizeof timing_config_keys[0];
