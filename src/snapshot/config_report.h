/* Human-readable views of parsed configs: the `snapshot info` listing and an attribute-level diff. */
#ifndef SNAPSIM_SNAPSHOT_CONFIG_REPORT_H
#define SNAPSIM_SNAPSHOT_CONFIG_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "snapshot/config.h"
#include "snapshot/registry.h"

/* Lists objects and attributes with a short rendering of each value; with a registry, adds the
 * class and attribute descriptions and marks attributes the registry does not know. */
void snap_config_info(const struct snap_config *c, const struct snap_registry *reg, FILE *out);

/* Prints one line per difference ("+ object", "- object", "~ cpu0.pc: 0x1 -> 0x2", list
 * elements as "~ cpu0.x[5]: ...") and returns the number of differences. */
size_t snap_config_diff(const struct snap_config *a, const struct snap_config *b, FILE *out);

#endif
