#include "snapshot/attr_sig.h"
#include "snapshot/snap_error.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum sig_kind {
    SIG_INT, SIG_BOOL, SIG_STRING, SIG_FLOAT, SIG_OBJECT, SIG_DATA, SIG_NIL, SIG_ANY,
    SIG_REPEAT,   /* list of sub[0], length in [min, max] */
    SIG_TUPLE,    /* list matching sub[0..nsub) one to one */
    SIG_DICT,     /* keys sub[0], values sub[1] */
    SIG_ALT,      /* any of sub[0..nsub) */
};

struct attr_sig {
    enum sig_kind kind;
    size_t min, max;
    struct attr_sig **sub;
    size_t nsub;
    char *text;   /* the signature source of this node, for messages */
};

#define SIG_MAX_DEPTH 16

static const char scalar_letters[] = "ibsfodna";
static const enum sig_kind scalar_kinds[] = {SIG_INT, SIG_BOOL, SIG_STRING, SIG_FLOAT,
                                             SIG_OBJECT, SIG_DATA, SIG_NIL, SIG_ANY};

struct sig_parser {
    const char *text, *p;
    char *err;
    size_t errlen;
};

void attr_sig_free(struct attr_sig *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nsub; i++)
        attr_sig_free(s->sub[i]);
    free(s->sub);
    free(s->text);
    free(s);
}

static int fail(struct sig_parser *sp, const char *msg)
{
    return snap_err(sp->err, sp->errlen, "signature \"%s\" at offset %d: %s", sp->text,
                    (int)(sp->p - sp->text), msg);
}

static struct attr_sig *new_node(enum sig_kind kind, const char *start, const char *end)
{
    struct attr_sig *s = calloc(1, sizeof *s);
    if (s && !(s->text = strndup(start, (size_t)(end - start)))) {
        free(s);
        s = NULL;
    }
    if (s)
        s->kind = kind;
    return s;
}

static int add_sub(struct attr_sig *s, struct attr_sig *sub)
{
    struct attr_sig **p = realloc(s->sub, (s->nsub + 1) * sizeof *p);
    if (!p) {
        attr_sig_free(sub);
        return -1;
    }
    s->sub = p;
    s->sub[s->nsub++] = sub;
    return 0;
}

static bool parse_count(struct sig_parser *sp, size_t *v)
{
    if (*sp->p < '0' || *sp->p > '9')
        return false;
    size_t n = 0;
    while (*sp->p >= '0' && *sp->p <= '9') {
        if (n > (SIZE_MAX - 9) / 10)
            return false;
        n = n * 10 + (size_t)(*sp->p++ - '0');
    }
    *v = n;
    return true;
}

static struct attr_sig *parse_alt(struct sig_parser *sp, int depth);

static struct attr_sig *parse_list(struct sig_parser *sp, int depth, const char *start)
{
    struct attr_sig *s = new_node(SIG_TUPLE, start, start);
    if (!s)
        return NULL;
    while (*sp->p && *sp->p != ']' && *sp->p != '*' && *sp->p != '+' &&
           !(*sp->p == '{' && sp->p[1] >= '0' && sp->p[1] <= '9')) {
        struct attr_sig *e = parse_alt(sp, depth + 1);
        if (!e || add_sub(s, e)) {
            attr_sig_free(s);
            return NULL;
        }
    }
    char c = *sp->p;
    if (c == '*' || c == '+' || c == '{') {
        if (s->nsub != 1) {
            fail(sp, "a repeat count needs exactly one element type");
            attr_sig_free(s);
            return NULL;
        }
        s->kind = SIG_REPEAT;
        s->min = c == '+';
        s->max = SIZE_MAX;
        sp->p++;
        if (c == '{') {
            if (!parse_count(sp, &s->min)) {
                fail(sp, "expected a count");
                attr_sig_free(s);
                return NULL;
            }
            s->max = s->min;
            if (*sp->p == ':' && (sp->p++, !parse_count(sp, &s->max))) {
                fail(sp, "expected a maximum count");
                attr_sig_free(s);
                return NULL;
            }
            if (*sp->p != '}' || s->max < s->min) {
                fail(sp, "bad count range");
                attr_sig_free(s);
                return NULL;
            }
            sp->p++;
        }
    } else if (s->nsub == 0) {
        fail(sp, "empty list type");
        attr_sig_free(s);
        return NULL;
    }
    if (*sp->p != ']') {
        fail(sp, "expected ']'");
        attr_sig_free(s);
        return NULL;
    }
    sp->p++;
    return s;
}

static struct attr_sig *parse_unit(struct sig_parser *sp, int depth)
{
    const char *start = sp->p;
    if (depth > SIG_MAX_DEPTH) {
        fail(sp, "nested too deeply");
        return NULL;
    }
    const char *letter = *sp->p ? strchr(scalar_letters, *sp->p) : NULL;
    struct attr_sig *s = NULL;
    if (letter) {
        sp->p++;
        s = new_node(scalar_kinds[letter - scalar_letters], start, sp->p);
    } else if (*sp->p == '[') {
        sp->p++;
        s = parse_list(sp, depth, start);
    } else if (*sp->p == '{') {
        sp->p++;
        s = new_node(SIG_DICT, start, start);
        struct attr_sig *k = s ? parse_alt(sp, depth + 1) : NULL;
        if (!k || add_sub(s, k) || *sp->p != ':') {
            if (k)
                fail(sp, "expected ':' in dictionary type");
            attr_sig_free(s);
            return NULL;
        }
        sp->p++;
        struct attr_sig *v = parse_alt(sp, depth + 1);
        if (!v || add_sub(s, v) || *sp->p != '}') {
            if (v)
                fail(sp, "expected '}' to close dictionary type");
            attr_sig_free(s);
            return NULL;
        }
        sp->p++;
    } else {
        fail(sp, *sp->p ? "unknown type letter" : "unexpected end");
        return NULL;
    }
    if (s && !s->text[0]) {   /* compound: record its full text now that its end is known */
        free(s->text);
        s->text = strndup(start, (size_t)(sp->p - start));
        if (!s->text) {
            attr_sig_free(s);
            return NULL;
        }
    }
    return s;
}

static struct attr_sig *parse_alt(struct sig_parser *sp, int depth)
{
    const char *start = sp->p;
    struct attr_sig *first = parse_unit(sp, depth);
    if (!first || *sp->p != '|')
        return first;
    struct attr_sig *alt = new_node(SIG_ALT, start, start);
    if (!alt || add_sub(alt, first)) {
        attr_sig_free(alt);
        return NULL;
    }
    while (*sp->p == '|') {
        sp->p++;
        struct attr_sig *u = parse_unit(sp, depth);
        if (!u || add_sub(alt, u)) {
            attr_sig_free(alt);
            return NULL;
        }
    }
    free(alt->text);
    if (!(alt->text = strndup(start, (size_t)(sp->p - start)))) {
        attr_sig_free(alt);
        return NULL;
    }
    return alt;
}

int attr_sig_compile(const char *text, struct attr_sig **out, char *err, size_t errlen)
{
    struct sig_parser sp = {text, text, err, errlen};
    if (err && errlen)
        err[0] = 0;
    *out = parse_alt(&sp, 0);
    if (*out && *sp.p) {
        fail(&sp, "unexpected text after the type");
        attr_sig_free(*out);
        *out = NULL;
    }
    if (!*out && err && errlen && !err[0])
        snap_err(err, errlen, "out of memory compiling signature \"%s\"", text);
    return *out ? 0 : -1;
}

static const char *describe(const struct attr_value *v, char *buf, size_t n)
{
    if (v->kind == ATTR_LIST)
        snprintf(buf, n, "list of %zu items", v->list.n);
    else
        snprintf(buf, n, "%s", attr_kind_name(v->kind));
    return buf;
}

static const char *const scalar_names[] = {
    [SIG_INT] = "integer", [SIG_BOOL] = "boolean", [SIG_STRING] = "string", [SIG_FLOAT] = "float",
    [SIG_OBJECT] = "object", [SIG_DATA] = "data", [SIG_NIL] = "nil",
};

static int check(const struct attr_sig *s, const struct attr_value *v, char *path, size_t plen,
                 char *err, size_t errlen)
{
    static const enum attr_kind scalar_value_kind[] = {
        [SIG_BOOL] = ATTR_BOOL, [SIG_STRING] = ATTR_STRING, [SIG_FLOAT] = ATTR_FLOAT,
        [SIG_OBJECT] = ATTR_OBJECT, [SIG_DATA] = ATTR_DATA, [SIG_NIL] = ATTR_NIL,
    };
    char got[48];
    size_t len = strlen(path);
    switch (s->kind) {
    case SIG_ANY:
        return 0;
    case SIG_INT:
        if (attr_is_integer(v))
            return 0;
        return snap_err(err, errlen, "%s: expected integer, got %s", path, describe(v, got, sizeof got));
    case SIG_BOOL: case SIG_STRING: case SIG_FLOAT: case SIG_OBJECT: case SIG_DATA: case SIG_NIL:
        if (v->kind == scalar_value_kind[s->kind])
            return 0;
        return snap_err(err, errlen, "%s: expected %s, got %s", path, scalar_names[s->kind],
                        describe(v, got, sizeof got));
    case SIG_REPEAT:
    case SIG_TUPLE: {
        if (v->kind != ATTR_LIST)
            return snap_err(err, errlen, "%s: expected %s, got %s", path, s->text, describe(v, got, sizeof got));
        size_t min = s->kind == SIG_TUPLE ? s->nsub : s->min, max = s->kind == SIG_TUPLE ? s->nsub : s->max;
        if (v->list.n < min || v->list.n > max)
            return snap_err(err, errlen, "%s: expected %s, got a list of %zu items", path, s->text, v->list.n);
        for (size_t i = 0; i < v->list.n; i++) {
            snprintf(path + len, plen - len, "[%zu]", i);
            if (check(s->kind == SIG_TUPLE ? s->sub[i] : s->sub[0], &v->list.items[i], path, plen, err, errlen))
                return -1;
        }
        path[len] = 0;
        return 0;
    }
    case SIG_DICT:
        if (v->kind != ATTR_DICT)
            return snap_err(err, errlen, "%s: expected %s, got %s", path, s->text, describe(v, got, sizeof got));
        for (size_t i = 0; i < v->dict.n; i++) {
            snprintf(path + len, plen - len, "{#%zu key}", i);
            if (check(s->sub[0], &v->dict.entries[i].key, path, plen, err, errlen))
                return -1;
            snprintf(path + len, plen - len, "{#%zu}", i);
            if (check(s->sub[1], &v->dict.entries[i].value, path, plen, err, errlen))
                return -1;
        }
        path[len] = 0;
        return 0;
    case SIG_ALT:
        for (size_t i = 0; i < s->nsub; i++)
            if (check(s->sub[i], v, path, plen, NULL, 0) == 0) {
                path[len] = 0;
                return 0;
            }
        path[len] = 0;
        return snap_err(err, errlen, "%s: expected %s, got %s", path, s->text, describe(v, got, sizeof got));
    }
    return snap_err(err, errlen, "%s: bad signature", path);
}

int attr_sig_check(const struct attr_sig *s, const struct attr_value *v, const char *what,
                   char *err, size_t errlen)
{
    char path[256];
    snprintf(path, sizeof path, "%s", what);
    return check(s, v, path, sizeof path, err, errlen);
}
