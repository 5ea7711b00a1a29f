#include "snapshot/registry.h"
#include "snapshot/attr_sig.h"
#include "snapshot/config.h"
#include "snapshot/snap_error.h"

#include <stdlib.h>
#include <string.h>

void snap_registry_init(struct snap_registry *r) { *r = (struct snap_registry){0}; }

static void free_class(struct snap_class *c)
{
    size_t n = c->def ? c->def->nattrs : 0;
    for (size_t i = 0; i < n; i++) {
        if (c->sigs)
            attr_sig_free(c->sigs[i]);
        if (c->defaults)
            attr_free(&c->defaults[i]);
    }
    free(c->sigs);
    free(c->defaults);
    free(c->has_default);
}

void snap_registry_free(struct snap_registry *r)
{
    for (size_t i = 0; i < r->n; i++)
        free_class(&r->classes[i]);
    free(r->classes);
    snap_registry_init(r);
}

const struct snap_class *snap_registry_find(const struct snap_registry *r, const char *name)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->classes[i].def->name, name))
            return &r->classes[i];
    return NULL;
}

int snap_class_attr_index(const struct snap_class *c, const char *name)
{
    for (size_t i = 0; i < c->def->nattrs; i++)
        if (!strcmp(c->def->attrs[i].name, name))
            return (int)i;
    return -1;
}

static int check_attr(struct snap_class *c, size_t i, char *err, size_t errlen)
{
    const struct snap_attr_def *a = &c->def->attrs[i];
    if (!a->name || !snap_valid_attr_name(a->name))
        return snap_err(err, errlen, "invalid attribute name");
    for (size_t k = 0; k < i; k++)
        if (!strcmp(c->def->attrs[k].name, a->name))
            return snap_err(err, errlen, "attribute %s declared twice", a->name);
    if (!a->type || attr_sig_compile(a->type, &c->sigs[i], err, errlen))
        return a->type ? snap_err_prefix(err, errlen, "attribute %s", a->name)
                       : snap_err(err, errlen, "attribute %s has no type", a->name);
    if ((unsigned)a->category > SNAP_ATTR_PSEUDO)
        return snap_err(err, errlen, "attribute %s: bad category", a->name);
    if (snap_attr_is_saved(a) && (!a->get || !a->set))
        return snap_err(err, errlen, "attribute %s: saved attributes need a getter and a setter", a->name);
    if (a->default_value) {
        if (a->category != SNAP_ATTR_OPTIONAL)
            return snap_err(err, errlen, "attribute %s: only OPTIONAL attributes have defaults", a->name);
        if (attr_value_parse(a->default_value, strlen(a->default_value), &c->defaults[i], err, errlen) ||
            attr_sig_check(c->sigs[i], &c->defaults[i], a->name, err, errlen))
            return snap_err_prefix(err, errlen, "default of attribute %s", a->name);
        c->has_default[i] = true;
    }
    return 0;
}

int snap_registry_add(struct snap_registry *r, const struct snap_class_def *def, char *err, size_t errlen)
{
    if (!def->name || !snap_valid_class_name(def->name))
        return snap_err(err, errlen, "invalid class name '%s'", def->name ? def->name : "(null)");
    if (snap_registry_find(r, def->name))
        return snap_err(err, errlen, "class %s registered twice", def->name);
    size_t n = def->nattrs ? def->nattrs : 1;
    struct snap_class c = {.def = def, .sigs = calloc(n, sizeof *c.sigs),
                           .defaults = calloc(n, sizeof *c.defaults),
                           .has_default = calloc(n, sizeof *c.has_default)};
    if (!c.sigs || !c.defaults || !c.has_default) {
        free_class(&c);
        return snap_err(err, errlen, "out of memory");
    }
    for (size_t i = 0; i < def->nattrs; i++)
        if (check_attr(&c, i, err, errlen)) {
            free_class(&c);
            return snap_err_prefix(err, errlen, "class %s", def->name);
        }
    struct snap_class *classes = realloc(r->classes, (r->n + 1) * sizeof *classes);
    if (!classes) {
        free_class(&c);
        return snap_err(err, errlen, "out of memory");
    }
    r->classes = classes;
    r->classes[r->n++] = c;
    return 0;
}
