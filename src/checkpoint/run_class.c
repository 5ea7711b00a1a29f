/* The snapsim-run class: where a snapshot came from.  Everything here is informational: restoring
 * checks the types and ignores the values (the restoring command line chooses the model and its
 * configuration), so `snapshot diff --ignore-informational` skips this object. */
#include <stdio.h>
#include <string.h>

#include "checkpoint/ckpt_internal.h"
#include "snapshot/snap_error.h"
#include "version.h"

#define R(o) ((struct ckpt_run *)(o))

static int get_instret(void *o, struct attr_value *v) { *v = attr_uint(R(o)->instret); return 0; }
static int get_version(void *o, struct attr_value *v) { (void)o; *v = attr_string(SNAPSIM_VERSION); return 0; }
static int get_host_time(void *o, struct attr_value *v) { *v = attr_int(R(o)->host_time); return 0; }

static const char *or_empty(const char *s) { return s ? s : ""; }

static int get_model(void *o, struct attr_value *v)
{
    *v = attr_string(or_empty(R(o)->info ? R(o)->info->model : NULL));
    return 0;
}

static int get_program(void *o, struct attr_value *v)
{
    *v = attr_string(or_empty(R(o)->info ? R(o)->info->program : NULL));
    return 0;
}

static int get_restored_from(void *o, struct attr_value *v)
{
    const char *s = R(o)->info ? R(o)->info->restored_from : NULL;
    *v = s ? attr_string(s) : attr_nil();
    return 0;
}

static int get_argv(void *o, struct attr_value *v)
{
    const struct ckpt_run_info *info = R(o)->info;
    int n = info && info->argv ? info->argc : 0;
    *v = attr_list((size_t)n);
    for (int i = 0; i < n; i++)
        attr_list_append(v, attr_string(info->argv[i]));
    return 0;
}

static int get_env(void *o, struct attr_value *v)
{
    char *const *env = R(o)->info ? R(o)->info->env : NULL;
    size_t n = 0;
    while (env && env[n])
        n++;
    *v = attr_list(n);
    for (size_t i = 0; i < n; i++)
        attr_list_append(v, attr_string(env[i]));
    return 0;
}

/* Every configuration key with its value, as "component:field" -> text. */
static int get_config(void *o, struct attr_value *v)
{
    const struct config *c = R(o)->config;
    *v = attr_dict(c ? c->nkeys : 0);
    for (size_t i = 0; c && i < c->nkeys; i++) {
        char key[256];
        snprintf(key, sizeof key, "%s:%s", c->keys[i]->component, c->keys[i]->field);
        attr_dict_put(v, attr_string(key), attr_string(or_empty(c->values[i])));
    }
    return 0;
}

/* Informational values are accepted as they are. */
static int set_ignore(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    (void)o, (void)v, (void)err, (void)errlen;
    return 0;
}

#define INFO(name, type, desc) {#name, type, SNAP_ATTR_OPTIONAL, NULL, get_##name, set_ignore, desc}

static const struct snap_attr_def run_attrs[] = {
    INFO(instret, "i", "instructions retired when the snapshot was taken"),
    INFO(version, "s", "snapsim version that wrote the snapshot"),
    INFO(model, "s", "model that ran up to the snapshot"),
    INFO(config, "{s:s}", "configuration of that run (component:field -> value)"),
    INFO(program, "s", "program the run started"),
    INFO(argv, "[s*]", "its arguments"),
    INFO(env, "[s*]", "the guest environment it started with (empty when restored or unknown)"),
    INFO(restored_from, "s|n", "snapshot that run was itself restored from"),
    INFO(host_time, "i", "host time of capture (seconds since the epoch)"),
};

const struct snap_class_def ckpt_run_class = {
    "snapsim-run", "the run a snapshot was taken in (informational)", run_attrs,
    sizeof run_attrs / sizeof run_attrs[0]};
