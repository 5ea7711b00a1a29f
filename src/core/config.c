/* Configuration registry: typed component:field keys, presets and command-line assignments. */
#include "core/config.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void config_init(struct config *c) { memset(c, 0, sizeof *c); }

void config_free(struct config *c)
{
    for (size_t i = 0; i < c->nkeys; i++)
        free(c->values[i]);
    memset(c, 0, sizeof *c);
}

static int find_key(const struct config *c, const char *component, size_t clen, const char *field)
{
    for (size_t i = 0; i < c->nkeys; i++)
        if (strlen(c->keys[i]->component) == clen &&
            strncmp(c->keys[i]->component, component, clen) == 0 &&
            strcmp(c->keys[i]->field, field) == 0)
            return (int)i;
    return -1;
}

void config_register(struct config *c, const struct config_key *keys, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct config_key *k = &keys[i];
        if (find_key(c, k->component, strlen(k->component), k->field) >= 0)
            continue;
        if (c->nkeys == CONFIG_MAX_KEYS) {
            fprintf(stderr, "snapsim: internal error: too many configuration keys\n");
            abort();
        }
        c->keys[c->nkeys] = k;
        c->values[c->nkeys] = strdup(k->default_value ? k->default_value : "");
        c->nkeys++;
    }
}

bool config_copy(struct config *dst, const struct config *src)
{
    config_init(dst);
    for (size_t i = 0; i < src->nkeys; i++) {
        dst->keys[i] = src->keys[i];
        dst->set_by_user[i] = src->set_by_user[i];
        if (!(dst->values[i] = strdup(src->values[i]))) {
            dst->nkeys = i;
            config_free(dst);
            return false;
        }
    }
    dst->nkeys = src->nkeys;
    return true;
}

bool config_parse_uint(const char *s, uint64_t *out)
{
    if (!s || !isdigit((unsigned char)*s))   /* no sign, no leading blanks */
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || *end)
        return false;
    *out = v;
    return true;
}

static bool parse_bool(const char *s, bool *out)
{
    static const char *yes[] = { "1", "true", "yes", "on" }, *no[] = { "0", "false", "no", "off" };
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(s, yes[i]) == 0)
            return *out = true, true;
        if (strcasecmp(s, no[i]) == 0)
            return *out = false, true;
    }
    return false;
}

static bool enum_has(const char *choices, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = choices; *p;) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && strncmp(p, word, n) == 0)
            return true;
        if (!e)
            break;
        p = e + 1;
    }
    return false;
}

static bool validate(const struct config_key *k, const char *value, char *err, size_t errlen)
{
    uint64_t u;
    bool b;
    switch (k->type) {
    case CONFIG_UINT:
        if (!config_parse_uint(value, &u)) {
            snprintf(err, errlen, "%s:%s: '%s' is not an unsigned integer", k->component, k->field, value);
            return false;
        }
        if (u < k->min || u > k->max) {
            snprintf(err, errlen, "%s:%s: %s is out of range [%" PRIu64 ", %" PRIu64 "]",
                     k->component, k->field, value, k->min, k->max);
            return false;
        }
        return true;
    case CONFIG_BOOL:
        if (!parse_bool(value, &b)) {
            snprintf(err, errlen, "%s:%s: '%s' is not a boolean (use 1/0, true/false, yes/no, on/off)",
                     k->component, k->field, value);
            return false;
        }
        return true;
    case CONFIG_ENUM:
        if (!enum_has(k->choices, value)) {
            snprintf(err, errlen, "%s:%s: '%s' is not one of: %s", k->component, k->field, value, k->choices);
            return false;
        }
        return true;
    case CONFIG_STRING:
        return true;
    }
    return false;
}

/* Appends the valid keys of a component (or all components) to err, for "unknown key" errors. */
static void list_keys(const struct config *c, const char *component, size_t clen, char *err, size_t errlen)
{
    size_t used = strlen(err);
    bool any = false;
    for (size_t i = 0; i < c->nkeys && used + 1 < errlen; i++) {
        const struct config_key *k = c->keys[i];
        if (clen && (strlen(k->component) != clen || strncmp(k->component, component, clen) != 0))
            continue;
        int n = snprintf(err + used, errlen - used, "%s%s:%s", any ? " " : "", k->component, k->field);
        if (n < 0)
            break;
        used += (size_t)n;
        any = true;
    }
    if (used >= errlen && errlen > 4)
        strcpy(err + errlen - 4, "...");
}

bool config_set_key(struct config *c, const char *key, const char *value, bool user, char *err,
                    size_t errlen)
{
    const char *colon = strchr(key, ':');
    if (!colon) {
        snprintf(err, errlen, "bad configuration key '%s': expected component:field", key);
        return false;
    }
    size_t clen = (size_t)(colon - key);
    int i = find_key(c, key, clen, colon + 1);
    if (i < 0) {
        bool component_known = false;
        for (size_t j = 0; j < c->nkeys; j++)
            if (strlen(c->keys[j]->component) == clen && strncmp(c->keys[j]->component, key, clen) == 0)
                component_known = true;
        snprintf(err, errlen, "unknown configuration key '%s'; valid keys: ", key);
        list_keys(c, key, component_known ? clen : 0, err, errlen);
        return false;
    }
    if (!validate(c->keys[i], value, err, errlen))
        return false;
    char *copy = strdup(value);
    if (!copy) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    free(c->values[i]);
    c->values[i] = copy;
    c->set_by_user[i] = c->set_by_user[i] || user;
    return true;
}

bool config_set(struct config *c, const char *assignment, char *err, size_t errlen)
{
    const char *first = strchr(assignment, ':');
    const char *second = first ? strchr(first + 1, ':') : NULL;
    if (!second) {
        snprintf(err, errlen, "bad configuration '%s': expected component:field:value", assignment);
        return false;
    }
    char key[128];
    size_t klen = (size_t)(second - assignment);
    if (klen >= sizeof key) {
        snprintf(err, errlen, "bad configuration '%s': key too long", assignment);
        return false;
    }
    memcpy(key, assignment, klen);
    key[klen] = 0;
    return config_set_key(c, key, second + 1, true, err, errlen);
}

bool config_apply_preset(struct config *c, const struct config_override *o, size_t n, char *err,
                         size_t errlen)
{
    for (size_t i = 0; i < n; i++)
        if (!config_set_key(c, o[i].key, o[i].value, false, err, errlen))
            return false;
    return true;
}

static const char *value_of(const struct config *c, const char *component, const char *field,
                            enum config_type type)
{
    int i = find_key(c, component, strlen(component), field);
    if (i < 0 || c->keys[i]->type != type) {
        fprintf(stderr, "snapsim: internal error: configuration key %s:%s not registered as used\n",
                component, field);
        abort();
    }
    return c->values[i];
}

bool config_user_set(const struct config *c, const char *component, const char *field)
{
    int i = find_key(c, component, strlen(component), field);
    return i >= 0 && c->set_by_user[i];
}

uint64_t config_uint(const struct config *c, const char *component, const char *field)
{
    uint64_t v = 0;
    config_parse_uint(value_of(c, component, field, CONFIG_UINT), &v);
    return v;
}

bool config_bool(const struct config *c, const char *component, const char *field)
{
    bool v = false;
    parse_bool(value_of(c, component, field, CONFIG_BOOL), &v);
    return v;
}

const char *config_string(const struct config *c, const char *component, const char *field)
{
    int i = find_key(c, component, strlen(component), field);
    if (i < 0 || (c->keys[i]->type != CONFIG_STRING && c->keys[i]->type != CONFIG_ENUM)) {
        fprintf(stderr, "snapsim: internal error: configuration key %s:%s not registered as string\n",
                component, field);
        abort();
    }
    return c->values[i];
}

void config_print(const struct config *c, FILE *out)
{
    for (size_t i = 0; i < c->nkeys; i++) {
        const struct config_key *k = c->keys[i];
        char key[96], range[96];
        snprintf(key, sizeof key, "%s:%s", k->component, k->field);
        switch (k->type) {
        case CONFIG_UINT: snprintf(range, sizeof range, "%" PRIu64 "..%" PRIu64, k->min, k->max); break;
        case CONFIG_BOOL: snprintf(range, sizeof range, "boolean"); break;
        case CONFIG_ENUM: snprintf(range, sizeof range, "%s", k->choices); break;
        case CONFIG_STRING: snprintf(range, sizeof range, "string"); break;
        }
        fprintf(out, "%-34s %-20s [%s]\n    %s\n", key, *c->values[i] ? c->values[i] : "\"\"", range, k->help);
    }
}
