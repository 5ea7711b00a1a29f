/* Classes and attributes: how components describe their snapshot state.
 *
 * A component declares a class — a name and a static table of attributes, each with a type
 * signature (attr_sig.h), a category, a getter and a setter.  The generic code then saves any set
 * of named instances to a config and restores a config into instances, checking every value
 * against its signature before any setter runs.
 *
 *   static const struct snap_attr_def hart_attrs[] = {
 *       {"pc", "i", SNAP_ATTR_REQUIRED, NULL, get_pc, set_pc, "program counter"},
 *       {"x", "[i{32}]", SNAP_ATTR_REQUIRED, NULL, get_x, set_x, "integer registers x0..x31"},
 *       {"fcsr", "i", SNAP_ATTR_OPTIONAL, "0x0", get_fcsr, set_fcsr, "float control/status"},
 *   };
 *   static const struct snap_class_def hart_class = {"rv64-hart", "one RV64 hart", hart_attrs, 3};
 */
#ifndef SNAPSIM_SNAPSHOT_REGISTRY_H
#define SNAPSIM_SNAPSHOT_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "snapshot/attr_value.h"

enum snap_attr_category {
    SNAP_ATTR_REQUIRED,   /* always saved; restoring fails if it is missing */
    SNAP_ATTR_OPTIONAL,   /* saved; when missing, the default (if any) is applied */
    SNAP_ATTR_SESSION,    /* run-time only (statistics, host handles): never saved */
    SNAP_ATTR_PSEUDO,     /* computed from other state, for inspection: never saved */
};

struct snap_attr_def {
    const char *name;
    const char *type;                 /* signature, e.g. "i", "[i{32}]", "{s:i}" */
    enum snap_attr_category category;
    /* OPTIONAL only: the value (config syntax) to set when the attribute is absent; NULL means
     * "leave the object as it is". */
    const char *default_value;
    /* Fills *out (which the caller frees); 0, or nonzero on failure. */
    int (*get)(void *obj, struct attr_value *out);
    /* Applies a value already checked against `type`; validates ranges itself and returns 0,
     * or -1 with a one-line message. */
    int (*set)(void *obj, const struct attr_value *v, char *err, size_t errlen);
    const char *desc;                 /* one line */
};

struct snap_class_def {
    const char *name;                 /* e.g. "rv64-hart" */
    const char *desc;
    const struct snap_attr_def *attrs;
    size_t nattrs;
};

struct attr_sig;

/* A registered class: the definition plus compiled signatures and parsed defaults. */
struct snap_class {
    const struct snap_class_def *def;
    struct attr_sig **sigs;             /* per attribute */
    struct attr_value *defaults;        /* per attribute; ATTR_NIL with no default */
    bool *has_default;
};

struct snap_registry {
    struct snap_class *classes;
    size_t n;
};

void snap_registry_init(struct snap_registry *r);
void snap_registry_free(struct snap_registry *r);
/* Checks the definition (valid unique names, signatures compile, defaults parse and match their
 * signature, getters/setters present for saved attributes) and adds it.  The definition must
 * outlive the registry.  Adding a class with an existing name is an error. */
int snap_registry_add(struct snap_registry *r, const struct snap_class_def *def, char *err, size_t errlen);
const struct snap_class *snap_registry_find(const struct snap_registry *r, const char *name);
/* Index of the attribute in the class table, or -1. */
int snap_class_attr_index(const struct snap_class *c, const char *name);

static inline bool snap_attr_is_saved(const struct snap_attr_def *a)
{
    return a->category == SNAP_ATTR_REQUIRED || a->category == SNAP_ATTR_OPTIONAL;
}

#endif
