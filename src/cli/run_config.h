/* config.json: the resolved configuration of a run — every key's value and where it came from
 * (default, preset, --config, option), the run's options, model, version, command line, guest
 * program/argv/env, the --readfile input, and the host. */
#ifndef SNAPSIM_CLI_RUN_CONFIG_H
#define SNAPSIM_CLI_RUN_CONFIG_H

#include <cjson/cJSON.h>

#include "cli/options.h"
#include "core/config.h"
#include "core/model.h"

/* `args` are the arguments of `snapsim run`; `env` the guest environment (NULL when restored). */
cJSON *run_config_json(const struct config *cfg, const struct model *model,
                       const struct run_options *o, int nargs, char *const *args, char *const *env);

#endif
