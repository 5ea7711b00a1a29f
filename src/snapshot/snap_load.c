#include "snapshot/attr_sig.h"
#include "snapshot/snap_error.h"
#include "snapshot/snap_objects.h"

#include <stdio.h>
#include <string.h>

static int check_object(const struct snap_registry *reg, const struct snap_cfg_object *o,
                        const struct snap_load_opts *opts, char *err, size_t errlen)
{
    const struct snap_class *cls = snap_registry_find(reg, o->class_name);
    if (!cls)
        return snap_err(err, errlen, "object %s: unknown class %s", o->name, o->class_name);
    for (size_t k = 0; k < o->nattrs; k++) {
        const struct snap_cfg_attr *a = &o->attrs[k];
        int idx = snap_class_attr_index(cls, a->name);
        const struct snap_attr_def *def = idx >= 0 ? &cls->def->attrs[idx] : NULL;
        if (!def || !snap_attr_is_saved(def)) {
            char msg[512];
            snprintf(msg, sizeof msg, "object %s: %s attribute %s for class %s", o->name,
                     def ? "unsaved (session or pseudo)" : "unknown", a->name, o->class_name);
            if (!opts || !opts->ignore_unknown_attrs)
                return snap_err(err, errlen, "%s", msg);
            if (opts->warn)
                opts->warn(opts->warn_ctx, msg);
            continue;
        }
        if (attr_sig_check(cls->sigs[idx], &a->value, a->name, err, errlen))
            return snap_err_prefix(err, errlen, "object %s", o->name);
    }
    for (size_t i = 0; i < cls->def->nattrs; i++)
        if (cls->def->attrs[i].category == SNAP_ATTR_REQUIRED &&
            !snap_cfg_object_find_attr(o, cls->def->attrs[i].name))
            return snap_err(err, errlen, "object %s: missing required attribute %s (class %s)", o->name,
                            cls->def->attrs[i].name, o->class_name);
    return 0;
}

int snap_config_validate(const struct snap_registry *reg, const struct snap_config *cfg,
                         const struct snap_load_opts *opts, char *err, size_t errlen)
{
    for (size_t i = 0; i < cfg->nobjects; i++)
        if (check_object(reg, &cfg->objects[i], opts, err, errlen))
            return -1;
    return 0;
}

static int match_instances(const struct snap_config *cfg, const struct snap_instance *inst, size_t n,
                           char *err, size_t errlen)
{
    for (size_t k = 0; k < n; k++) {
        const struct snap_cfg_object *o = snap_config_find_object(cfg, inst[k].name);
        if (!o)
            return snap_err(err, errlen, "object %s (class %s) is missing from the snapshot", inst[k].name,
                            inst[k].class_name);
        if (strcmp(o->class_name, inst[k].class_name))
            return snap_err(err, errlen, "object %s has class %s in the snapshot, expected %s", o->name,
                            o->class_name, inst[k].class_name);
    }
    for (size_t i = 0; i < cfg->nobjects; i++) {
        size_t k = 0;
        while (k < n && strcmp(inst[k].name, cfg->objects[i].name))
            k++;
        if (k == n)
            return snap_err(err, errlen, "object %s (class %s) in the snapshot has no counterpart here",
                            cfg->objects[i].name, cfg->objects[i].class_name);
    }
    return 0;
}

static int apply_attr(const struct snap_class *cls, size_t i, const struct snap_cfg_object *o,
                      void *obj, const struct snap_load_opts *opts, char *err, size_t errlen)
{
    const struct snap_attr_def *def = &cls->def->attrs[i];
    const struct snap_cfg_attr *a = snap_cfg_object_find_attr(o, def->name);
    const struct attr_value *v = a ? &a->value : cls->has_default[i] ? &cls->defaults[i] : NULL;
    if (!v)
        return 0;   /* optional without default: the object keeps its state */
    struct attr_value loaded = attr_nil();
    if (snap_raw_present(v)) {   /* setters get payloads in memory, never file references */
        loaded = attr_copy(v);
        if (!attr_ok(&loaded) || snap_raw_load(opts ? opts->paths : NULL, &loaded, opts ? opts->raw : NULL, err, errlen)) {
            if (attr_ok(&loaded) == false)
                snap_err(err, errlen, "out of memory");
            attr_free(&loaded);
            return snap_err_prefix(err, errlen, "object %s attribute %s", o->name, def->name);
        }
        v = &loaded;
    }
    int rc = def->set(obj, v, err, errlen);
    attr_free(&loaded);
    if (rc)
        return snap_err_prefix(err, errlen, "object %s attribute %s", o->name, def->name);
    return 0;
}

int snap_restore(const struct snap_registry *reg, const struct snap_config *cfg,
                 const struct snap_instance *inst, size_t n, const struct snap_load_opts *opts,
                 char *err, size_t errlen)
{
    if (snap_config_validate(reg, cfg, opts, err, errlen) || match_instances(cfg, inst, n, err, errlen))
        return -1;
    for (size_t k = 0; k < n; k++) {
        const struct snap_cfg_object *o = snap_config_find_object(cfg, inst[k].name);
        const struct snap_class *cls = snap_registry_find(reg, o->class_name);
        for (size_t i = 0; i < cls->def->nattrs; i++)
            if (snap_attr_is_saved(&cls->def->attrs[i]) &&
                apply_attr(cls, i, o, inst[k].obj, opts, err, errlen))
                return -1;
    }
    return 0;
}
