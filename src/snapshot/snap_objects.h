/* Saving instances into a config and restoring a config into instances, via the registry.
 *
 * The caller names its instances in a table: the machine integration would pass
 *   {{"cpu0", "rv64-hart", &m->hart}, {"mem0", "memory-image", &img}, {"proc", "linux-process", p}}.
 * Restoring requires the config to hold exactly the objects of the table, each of the same
 * class. */
#ifndef SNAPSIM_SNAPSHOT_SNAP_OBJECTS_H
#define SNAPSIM_SNAPSHOT_SNAP_OBJECTS_H

#include <stdbool.h>
#include <stddef.h>

#include "snapshot/config.h"
#include "snapshot/raw_data.h"
#include "snapshot/registry.h"
#include "snapshot/snap_paths.h"

struct snap_instance {
    const char *name;        /* object name in the config */
    const char *class_name;  /* a registered class */
    void *obj;               /* passed to the class's getters and setters */
};

/* Builds a config from the instances: every REQUIRED and OPTIONAL attribute, in class table
 * order, each checked against its signature (a getter returning a wrongly shaped value is a bug
 * reported as an error).  Raw-data payloads are stored through `raw` (NULL: raw data is an error). */
int snap_capture(const struct snap_registry *reg, const struct snap_instance *inst, size_t n,
                 struct snap_raw_writer *raw, struct snap_config *out, char *err, size_t errlen);

struct snap_load_opts {
    /* Unknown attributes are an error unless this is set; then they are reported through
     * warn (if given) and ignored.  Unknown classes and objects are always errors. */
    bool ignore_unknown_attrs;
    void (*warn)(void *ctx, const char *msg);
    void *warn_ctx;
    /* Where raw-data references are resolved (its ancestors set from the snapshot's chain);
     * NULL when the config must not contain raw data. */
    const struct snap_paths *paths;
    struct snap_raw_loading *raw;   /* optional: inflation budget and who is told of payloads */
};

/* Checks a config against the registry without touching any instance: known classes, no unknown
 * attributes (see opts), every value matching its signature, no missing REQUIRED attribute.
 * Messages name the object and attribute: "object cpu0: missing required attribute pc". */
int snap_config_validate(const struct snap_registry *reg, const struct snap_config *cfg,
                         const struct snap_load_opts *opts, char *err, size_t errlen);

/* Validates, checks the config's objects against the instance table, then calls the setters:
 * instances in table order, attributes in class table order, absent OPTIONAL attributes with
 * their default.  A setter failing stops the restore: the instances are then partly restored
 * and the caller must discard them. */
int snap_restore(const struct snap_registry *reg, const struct snap_config *cfg,
                 const struct snap_instance *inst, size_t n, const struct snap_load_opts *opts,
                 char *err, size_t errlen);

#endif
