/* The parsed form of a snapshot's `config` file: a list of objects, each with a class name and
 * an ordered list of named attribute values.  It is what the text parser produces, what the text
 * writer consumes, and what the class registry saves into and restores from.
 *
 * Text syntax (docs/snapshot-format.md has the grammar):
 *
 *   #SNAPSIM-CHECKPOINT 2
 *   OBJECT cpu0 TYPE rv64-hart {
 *       pc: 0x10a4c
 *       x: (0x0, 0x3ffffff0)
 *   }
 */
#ifndef SNAPSIM_SNAPSHOT_CONFIG_H
#define SNAPSIM_SNAPSHOT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "snapshot/attr_value.h"
#include "snapshot/strbuf.h"

#define SNAP_FORMAT_NAME    "SNAPSIM-CHECKPOINT"
#define SNAP_FORMAT_VERSION 2       /* what the writer writes */
#define SNAP_FORMAT_MIN_VERSION 1   /* the oldest version the reader reads (no compressed raw data) */

/* Limits the parser enforces so hostile files fail cleanly instead of exhausting the host. */
#define SNAP_MAX_CONFIG_BYTES  (64u << 20)   /* config file size */
#define SNAP_MAX_DEPTH         64            /* nesting of lists, dictionaries and raw data */
#define SNAP_MAX_STRING_BYTES  (16u << 20)   /* one decoded string */
#define SNAP_MAX_LIST_ITEMS    (1u << 22)    /* items of one list or entries of one dictionary */
#define SNAP_MAX_VALUES        (1u << 23)    /* values in the whole file */
#define SNAP_MAX_OBJECTS       65536
#define SNAP_MAX_ATTRS         4096          /* attributes of one object */
#define SNAP_MAX_NAME          255           /* object, class and attribute names */

struct snap_cfg_attr {
    char *name;
    struct attr_value value;
};

struct snap_cfg_object {
    char *name;
    char *class_name;
    struct snap_cfg_attr *attrs;
    size_t nattrs, cap;
};

struct snap_config {
    unsigned version;
    struct snap_cfg_object *objects;
    size_t nobjects, cap;
};

void snap_config_init(struct snap_config *c);
void snap_config_free(struct snap_config *c);

/* Appends an object; NULL when memory ran out.  Names are copied. */
struct snap_cfg_object *snap_config_add_object(struct snap_config *c, const char *name,
                                               const char *class_name);
/* Appends an attribute, taking ownership of value (freed on failure too); 0 or -1. */
int snap_cfg_object_add_attr(struct snap_cfg_object *o, const char *name, struct attr_value value);

struct snap_cfg_object *snap_config_find_object(const struct snap_config *c, const char *name);
struct snap_cfg_attr *snap_cfg_object_find_attr(const struct snap_cfg_object *o, const char *name);

/* Names: object and class names are [A-Za-z_][A-Za-z0-9_-]*, attribute names [A-Za-z_][A-Za-z0-9_]*,
 * at most SNAP_MAX_NAME bytes; an object name may not be a keyword. */
bool snap_valid_object_name(const char *s);
bool snap_valid_class_name(const char *s);
bool snap_valid_attr_name(const char *s);

/* Parses config text.  Errors are one line "config:LINE:COL: message".  On failure c is left
 * empty (freed and re-initialised). */
int snap_config_parse(const char *text, size_t len, struct snap_config *c, char *err, size_t errlen);
/* Reads and parses a config file (refusing files over SNAP_MAX_CONFIG_BYTES). */
int snap_config_parse_fd(int fd, struct snap_config *c, char *err, size_t errlen);
int snap_config_parse_file(const char *path, struct snap_config *c, char *err, size_t errlen);

/* Parses a single value in config syntax (used for documented defaults and by tools). */
int attr_value_parse(const char *text, size_t len, struct attr_value *out, char *err, size_t errlen);

/* Appends the text form of a value / a whole config.  -1 when something cannot be written
 * (an invalid object name, raw data that has no file yet, nesting deeper than SNAP_MAX_DEPTH). */
int attr_value_write(const struct attr_value *v, struct strbuf *out, char *err, size_t errlen);
int snap_config_write(const struct snap_config *c, struct strbuf *out, char *err, size_t errlen);

#endif
