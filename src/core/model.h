/* The interface every execution model implements: the fast functional model and the pipeline
 * models alike.  A model runs on a struct machine and keeps its private state to itself. */
#ifndef SNAPSIM_CORE_MODEL_H
#define SNAPSIM_CORE_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "core/config.h"
#include "core/machine.h"

struct model_instance;

/* A table of configuration keys; its length is read through a pointer because tables defined in
 * other files have no compile-time size here. */
struct model_key_table {
    const struct config_key *keys;
    const size_t *count;
};

struct model {
    const char *name;
    const char *aliases;                 /* space-separated, may be NULL */
    const char *summary;                 /* one line for --help */
    const struct model_key_table *key_tables; /* model-specific configuration keys */
    size_t nkey_tables;
    const struct config_override *preset; /* default overrides that make this preset */
    size_t npreset;

    struct model_instance *(*create)(struct machine *m, const struct config *c, char *err, size_t errlen);
    /* Runs until m->halt is set or m->hart.instret reaches stop_at exactly (then HALT_LIMIT). */
    void (*run)(struct model_instance *self, struct machine *m, uint64_t stop_at);
    /* Adds model statistics: `top` is the whole stats object, `core` the object of core "0". */
    void (*stats)(struct model_instance *self, const struct machine *m, cJSON *top, cJSON *core);
    /* Starts the statistics afresh: from now on `stats` counts from this point (the end of a
     * warm-up, a guest reset_stats).  Called between runs. */
    void (*reset_stats)(struct model_instance *self, const struct machine *m);
    /* Optional: brings m->op_count up to date, for a model that keeps its per-op counts
     * elsewhere while it runs (the fast model counts executions per block).  Called before
     * anything reads op_count, between runs. */
    void (*sync_stats)(struct model_instance *self, struct machine *m);
    /* The model's clock: cycles simulated by this instance so far (the fast model has no timing
     * and counts one cycle per retired instruction). */
    uint64_t (*cycles)(const struct model_instance *self, const struct machine *m);
    void (*destroy)(struct model_instance *self);
    /* Non-zero for a model that cannot poll machine_stop_requested itself: the run loop stops it
     * at least every poll_slice instructions to look (its stops are exact and change nothing). */
    uint64_t poll_slice;
};

/* Looks a model up by name or alias; NULL if unknown. */
const struct model *model_find(const char *name);
/* All models, NULL-terminated (for --help and error messages). */
extern const struct model *const all_models[];

#endif
