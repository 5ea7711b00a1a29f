/* Whole-snapshot verification: the config parses (and, given a registry, matches the classes),
 * every raw-data reference lies inside its file, and every memory image of every
 * `memory-image` object — including the ancestor files of an incremental chain — has a valid
 * footer and index and every frame decompresses to a page matching its checksum. */
#ifndef SNAPSIM_SNAPSHOT_SNAP_VERIFY_H
#define SNAPSIM_SNAPSHOT_SNAP_VERIFY_H

#include <stddef.h>

#include "snapshot/registry.h"

#define SNAP_MEMORY_IMAGE_CLASS "memory-image"
#define SNAP_CONFIG_FILE        "config"

struct snap_problems {
    char **msgs;   /* one line each */
    size_t n;
};

/* Returns the number of problems found (0: the snapshot is sound).  reg may be NULL. */
size_t snap_verify(const char *snapshot_dir, const struct snap_registry *reg, struct snap_problems *out);
void snap_problems_add(struct snap_problems *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void snap_problems_free(struct snap_problems *p);

#endif
