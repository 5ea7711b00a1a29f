/* The statistics file: JSON in the seed system's shape. */
#ifndef SNAPSIM_CLI_STATS_H
#define SNAPSIM_CLI_STATS_H

#include <stdbool.h>

#include "core/model.h"

/* Writes statistics of the run to `path` (atomically: a temporary file renamed into place).
 * False with a logged message on failure. */
bool stats_write(const char *path, const struct model *model, struct model_instance *inst,
                 const struct machine *m, double host_seconds);

#endif
