#include "snapshot/attr_sig.h"
#include "snapshot/snap_error.h"
#include "snapshot/snap_objects.h"

static int capture_object(const struct snap_class *cls, const struct snap_instance *in,
                          struct snap_raw_writer *raw, struct snap_cfg_object *o, char *err, size_t errlen)
{
    for (size_t i = 0; i < cls->def->nattrs; i++) {
        const struct snap_attr_def *a = &cls->def->attrs[i];
        if (!snap_attr_is_saved(a))
            continue;
        struct attr_value v = attr_nil();
        if (a->get(in->obj, &v) != 0) {
            attr_free(&v);
            return snap_err(err, errlen, "object %s attribute %s: getter failed", in->name, a->name);
        }
        if (!attr_ok(&v)) {
            attr_free(&v);
            return snap_err(err, errlen, "object %s attribute %s: out of memory", in->name, a->name);
        }
        if (attr_sig_check(cls->sigs[i], &v, a->name, err, errlen) ||
            (snap_raw_present(&v) && !raw && snap_err(err, errlen, "raw data without a data file")) ||
            (raw && snap_raw_store(raw, &v, err, errlen))) {
            attr_free(&v);
            return snap_err_prefix(err, errlen, "object %s", in->name);
        }
        if (snap_cfg_object_add_attr(o, a->name, v))
            return snap_err(err, errlen, "out of memory");
    }
    return 0;
}

int snap_capture(const struct snap_registry *reg, const struct snap_instance *inst, size_t n,
                 struct snap_raw_writer *raw, struct snap_config *out, char *err, size_t errlen)
{
    snap_config_init(out);
    for (size_t k = 0; k < n; k++) {
        const struct snap_class *cls = snap_registry_find(reg, inst[k].class_name);
        int rc;
        if (!cls)
            rc = snap_err(err, errlen, "object %s: unknown class %s", inst[k].name, inst[k].class_name);
        else if (!snap_valid_object_name(inst[k].name))
            rc = snap_err(err, errlen, "invalid object name '%s'", inst[k].name);
        else if (snap_config_find_object(out, inst[k].name))
            rc = snap_err(err, errlen, "object %s listed twice", inst[k].name);
        else {
            struct snap_cfg_object *o = snap_config_add_object(out, inst[k].name, inst[k].class_name);
            rc = o ? capture_object(cls, &inst[k], raw, o, err, errlen) : snap_err(err, errlen, "out of memory");
        }
        if (rc) {
            snap_config_free(out);
            return -1;
        }
    }
    return 0;
}
