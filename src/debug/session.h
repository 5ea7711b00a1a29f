/* The debugging wrapper around a model: the event bus on the machine and the sinks the command
 * line asked for (DiffTest, commit logs, waveform, LightSSS).  `snapsim run` calls debug_wrap() once the
 * model instance exists; when nothing was asked for the model runs unwrapped. */
#ifndef SNAPSIM_DEBUG_SESSION_H
#define SNAPSIM_DEBUG_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"
#include "core/machine.h"
#include "core/model.h"

struct debug_options {
    bool difftest;             /* --difftest */
    const char *commit_log;    /* --commit-log FILE (with --difftest also FILE.ref) */
    const char *wave;          /* --wave FILE (VCD) */
    const char *window;        /* --trace-window [insn:|cycle:]A-B */
    bool lightsss;             /* --lightsss, --enable-fork */
    const char *log_dir;       /* --log DIR: where a LightSSS replay writes (default .) */
};

/* Keys of the debugging tools (difftest:), registered by the detailed models. */
extern const struct config_key debug_config_keys[];
extern const size_t debug_config_nkeys;

/* Replaces *model and *inst by a wrapper that runs the model with the requested sinks attached
 * (the wrapper owns the original instance from then on).  False after a one-line message. */
bool debug_wrap(const struct model **model, struct model_instance **inst, struct machine *m,
                const struct config *cfg, const struct debug_options *o);

#endif
