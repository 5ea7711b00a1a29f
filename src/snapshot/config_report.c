#include "snapshot/config_report.h"

#include <string.h>

#define SHORT_VALUE 72   /* longer renderings are cut with "..." */

static void render(const struct attr_value *v, char *buf, size_t n)
{
    struct strbuf sb = {0};
    char err[128];
    if (attr_value_write(v, &sb, err, sizeof err) != 0 || !sb.data)
        snprintf(buf, n, "<%s>", attr_kind_name(v->kind));
    else if (sb.len > SHORT_VALUE)
        snprintf(buf, n, "%.*s...", SHORT_VALUE - 3, sb.data);
    else
        snprintf(buf, n, "%s", sb.data);
    strbuf_free(&sb);
}

void snap_config_info(const struct snap_config *c, const struct snap_registry *reg, FILE *out)
{
    char val[SHORT_VALUE + 8];
    fprintf(out, "format %s version %u, %zu objects\n", SNAP_FORMAT_NAME, c->version, c->nobjects);
    for (size_t i = 0; i < c->nobjects; i++) {
        const struct snap_cfg_object *o = &c->objects[i];
        const struct snap_class *cls = reg ? snap_registry_find(reg, o->class_name) : NULL;
        fprintf(out, "%s (%s)%s%s\n", o->name, o->class_name, cls && cls->def->desc ? ": " : "",
                cls && cls->def->desc ? cls->def->desc : reg ? "  [unknown class]" : "");
        for (size_t k = 0; k < o->nattrs; k++) {
            const struct snap_cfg_attr *a = &o->attrs[k];
            int idx = cls ? snap_class_attr_index(cls, a->name) : -1;
            render(&a->value, val, sizeof val);
            fprintf(out, "  %-20s %s", a->name, val);
            if (a->value.kind == ATTR_LIST)
                fprintf(out, "  [%zu items]", a->value.list.n);
            if (idx >= 0 && cls->def->attrs[idx].desc)
                fprintf(out, "  # %s", cls->def->attrs[idx].desc);
            else if (cls)
                fprintf(out, "  [unknown attribute]");
            fputc('\n', out);
        }
    }
}

static size_t diff_value(const char *obj, const char *attr, const struct attr_value *a,
                         const struct attr_value *b, FILE *out)
{
    char va[SHORT_VALUE + 8], vb[SHORT_VALUE + 8];
    if (attr_equal(a, b))
        return 0;
    if (a->kind == ATTR_LIST && b->kind == ATTR_LIST && a->list.n == b->list.n) {
        size_t n = 0;
        for (size_t i = 0; i < a->list.n; i++)
            if (!attr_equal(&a->list.items[i], &b->list.items[i])) {
                render(&a->list.items[i], va, sizeof va);
                render(&b->list.items[i], vb, sizeof vb);
                fprintf(out, "~ %s.%s[%zu]: %s -> %s\n", obj, attr, i, va, vb);
                n++;
            }
        return n;
    }
    render(a, va, sizeof va);
    render(b, vb, sizeof vb);
    fprintf(out, "~ %s.%s: %s -> %s\n", obj, attr, va, vb);
    return 1;
}

size_t snap_config_diff(const struct snap_config *a, const struct snap_config *b, FILE *out)
{
    size_t n = 0;
    for (size_t i = 0; i < a->nobjects; i++) {
        const struct snap_cfg_object *oa = &a->objects[i];
        const struct snap_cfg_object *ob = snap_config_find_object(b, oa->name);
        if (!ob) {
            fprintf(out, "- object %s (%s)\n", oa->name, oa->class_name);
            n++;
            continue;
        }
        if (strcmp(oa->class_name, ob->class_name)) {
            fprintf(out, "~ object %s: class %s -> %s\n", oa->name, oa->class_name, ob->class_name);
            n++;
            continue;
        }
        for (size_t k = 0; k < oa->nattrs; k++) {
            const struct snap_cfg_attr *aa = &oa->attrs[k], *ab = snap_cfg_object_find_attr(ob, aa->name);
            if (!ab) {
                fprintf(out, "- %s.%s\n", oa->name, aa->name);
                n++;
            } else {
                n += diff_value(oa->name, aa->name, &aa->value, &ab->value, out);
            }
        }
        for (size_t k = 0; k < ob->nattrs; k++)
            if (!snap_cfg_object_find_attr(oa, ob->attrs[k].name)) {
                fprintf(out, "+ %s.%s\n", ob->name, ob->attrs[k].name);
                n++;
            }
    }
    for (size_t i = 0; i < b->nobjects; i++)
        if (!snap_config_find_object(a, b->objects[i].name)) {
            fprintf(out, "+ object %s (%s)\n", b->objects[i].name, b->objects[i].class_name);
            n++;
        }
    return n;
}
