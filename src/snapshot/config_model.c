#include "snapshot/config.h"

#include "core/array.h"

#include <stdlib.h>
#include <string.h>

void snap_config_init(struct snap_config *c)
{
    *c = (struct snap_config){.version = SNAP_FORMAT_VERSION};
}

static void free_object(struct snap_cfg_object *o)
{
    for (size_t i = 0; i < o->nattrs; i++) {
        free(o->attrs[i].name);
        attr_free(&o->attrs[i].value);
    }
    free(o->attrs);
    free(o->name);
    free(o->class_name);
}

void snap_config_free(struct snap_config *c)
{
    for (size_t i = 0; i < c->nobjects; i++)
        free_object(&c->objects[i]);
    free(c->objects);
    snap_config_init(c);
}

struct snap_cfg_object *snap_config_add_object(struct snap_config *c, const char *name,
                                               const char *class_name)
{
    if (!array_reserve((void **)&c->objects, &c->cap, c->nobjects + 1, sizeof *c->objects, 8))
        return NULL;
    struct snap_cfg_object o = {.name = strdup(name), .class_name = strdup(class_name)};
    if (!o.name || !o.class_name) {
        free_object(&o);
        return NULL;
    }
    c->objects[c->nobjects] = o;
    return &c->objects[c->nobjects++];
}

int snap_cfg_object_add_attr(struct snap_cfg_object *o, const char *name, struct attr_value value)
{
    char *copy = strdup(name);
    if (!copy || !array_reserve((void **)&o->attrs, &o->cap, o->nattrs + 1, sizeof *o->attrs, 8)) {
        free(copy);
        attr_free(&value);
        return -1;
    }
    o->attrs[o->nattrs++] = (struct snap_cfg_attr){copy, value};
    return 0;
}

struct snap_cfg_object *snap_config_find_object(const struct snap_config *c, const char *name)
{
    for (size_t i = 0; i < c->nobjects; i++)
        if (!strcmp(c->objects[i].name, name))
            return &c->objects[i];
    return NULL;
}

struct snap_cfg_attr *snap_cfg_object_find_attr(const struct snap_cfg_object *o, const char *name)
{
    for (size_t i = 0; i < o->nattrs; i++)
        if (!strcmp(o->attrs[i].name, name))
            return &o->attrs[i];
    return NULL;
}

static bool is_alpha(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_'; }
static bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

static bool valid_name(const char *s, bool dash_ok)
{
    size_t n = strlen(s);
    if (n == 0 || n > SNAP_MAX_NAME || !is_alpha(s[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!is_alpha(s[i]) && !is_digit(s[i]) && !(dash_ok && s[i] == '-'))
            return false;
    return true;
}

/* Words that the value syntax gives a meaning, so they cannot name an object. */
static const char *const keywords[] = {"OBJECT", "TYPE", "TRUE", "FALSE", "NIL", "R", "inf", "nan"};

bool snap_valid_object_name(const char *s)
{
    if (!valid_name(s, true))
        return false;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (!strcmp(s, keywords[i]))
            return false;
    return true;
}

bool snap_valid_class_name(const char *s) { return valid_name(s, true); }
bool snap_valid_attr_name(const char *s) { return valid_name(s, false); }
