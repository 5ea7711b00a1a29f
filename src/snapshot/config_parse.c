/* Recursive-descent parser for config text.  Nesting is bounded by SNAP_MAX_DEPTH before each
 * descent, and every count that could grow an allocation is checked against its limit, so the
 * work and memory are proportional to the input and bounded by the limits in config.h. */
#include "snapshot/config.h"
#include "snapshot/config_lexer.h"
#include "snapshot/snap_error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct parser {
    struct lexer lx;
    size_t nvalues;
    unsigned version;       /* of the file, from its header line */
};

/* Open-addressing set of names, to find duplicates without quadratic work. */
struct name_set {
    const char **slots;
    size_t cap, n;
};

static uint64_t hash_name(const char *s)
{
    uint64_t h = 1469598103934665603ull;   /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* 1 if added, 0 if already present, -1 out of memory. */
static int name_set_add(struct name_set *set, const char *name)
{
    if (set->n * 2 >= set->cap) {
        size_t ncap = set->cap ? set->cap * 2 : 16;
        const char **slots = calloc(ncap, sizeof *slots);
        if (!slots)
            return -1;
        for (size_t i = 0; i < set->cap; i++)
            if (set->slots[i])
                for (size_t j = hash_name(set->slots[i]) & (ncap - 1);; j = (j + 1) & (ncap - 1))
                    if (!slots[j]) {
                        slots[j] = set->slots[i];
                        break;
                    }
        free(set->slots);
        set->slots = slots;
        set->cap = ncap;
    }
    for (size_t j = hash_name(name) & (set->cap - 1);; j = (j + 1) & (set->cap - 1)) {
        if (!set->slots[j]) {
            set->slots[j] = name;
            set->n++;
            return 1;
        }
        if (!strcmp(set->slots[j], name))
            return 0;
    }
}

static void name_set_free(struct name_set *set)
{
    free(set->slots);
    *set = (struct name_set){0};
}

static int next(struct parser *p) { return lexer_next(&p->lx); }

static int error_here(struct parser *p, const char *what)
{
    return lexer_error_at(&p->lx, p->lx.tok.line, p->lx.tok.col, "%s", what);
}

static bool tok_is_word(const struct token *t, const char *word)
{
    return t->kind == TOK_IDENT && t->len == strlen(word) && !memcmp(t->text, word, t->len);
}

static void tok_copy_ident(const struct token *t, char out[SNAP_MAX_NAME + 1])
{
    memcpy(out, t->text, t->len);
    out[t->len] = 0;
}

static int parse_value(struct parser *p, unsigned depth, struct attr_value *out);
static int parse_value_inner(struct parser *p, unsigned depth, struct attr_value *out);

static int enter_nested(struct parser *p, unsigned depth)
{
    if (depth >= SNAP_MAX_DEPTH)
        return error_here(p, "values nested deeper than the limit of 64");
    return 0;
}

static int expect_comma_or(struct parser *p, enum tok_kind close, const char *what)
{
    if (p->lx.tok.kind == TOK_COMMA)
        return next(p);
    if (p->lx.tok.kind == close)
        return 0;
    return lexer_error_at(&p->lx, p->lx.tok.line, p->lx.tok.col, "expected ',' or %s", what);
}

static int parse_list(struct parser *p, unsigned depth, struct attr_value *out)
{
    if (enter_nested(p, depth) || next(p))
        return -1;
    *out = attr_list(0);
    while (p->lx.tok.kind != TOK_RPAREN) {
        if (out->list.n >= SNAP_MAX_LIST_ITEMS)
            return error_here(p, "list longer than the limit of 4194304 items");
        struct attr_value item;
        if (parse_value(p, depth + 1, &item))
            return -1;
        attr_list_append(out, item);
        if (out->alloc_failed)
            return error_here(p, "out of memory");
        if (expect_comma_or(p, TOK_RPAREN, "')'"))
            return -1;
    }
    return next(p);
}

static int parse_dict(struct parser *p, unsigned depth, struct attr_value *out)
{
    if (enter_nested(p, depth) || next(p))
        return -1;
    *out = attr_dict(0);
    while (p->lx.tok.kind != TOK_RBRACE) {
        if (out->dict.n >= SNAP_MAX_LIST_ITEMS)
            return error_here(p, "dictionary larger than the limit of 4194304 entries");
        unsigned line = p->lx.tok.line, col = p->lx.tok.col;
        struct attr_value key, value;
        if (parse_value(p, depth + 1, &key))
            return -1;
        if (!attr_is_scalar(&key)) {
            attr_free(&key);
            return lexer_error_at(&p->lx, line, col, "dictionary keys must be scalars, not a %s",
                                  attr_kind_name(key.kind));
        }
        if (p->lx.tok.kind != TOK_COLON) {
            attr_free(&key);
            return error_here(p, "expected ':' after dictionary key");
        }
        if (next(p) || parse_value(p, depth + 1, &value)) {
            attr_free(&key);
            return -1;
        }
        attr_dict_put(out, key, value);
        if (out->alloc_failed)
            return error_here(p, "out of memory");
        if (expect_comma_or(p, TOK_RBRACE, "'}'"))
            return -1;
    }
    return next(p);
}

static int expect_uint(struct parser *p, const char *what, uint64_t *v)
{
    struct token *t = &p->lx.tok;
    if (t->kind == TOK_UINT)
        *v = t->u;
    else if (t->kind == TOK_INT && t->i >= 0)
        *v = (uint64_t)t->i;
    else
        return lexer_error_at(&p->lx, t->line, t->col, "expected a non-negative integer %s", what);
    return next(p);
}

/* [R length "file" offset] or, from version 2, [R length "file" offset stored]: the payload is then
 * one zstd frame of `stored` bytes at offset. */
static int parse_raw_data(struct parser *p, unsigned depth, struct attr_value *out)
{
    if (enter_nested(p, depth) || next(p))
        return -1;
    if (!tok_is_word(&p->lx.tok, "R"))
        return error_here(p, "expected 'R' after '[' (raw data is [R length \"file\" offset])");
    uint64_t length, offset;
    if (next(p) || expect_uint(p, "(raw data length)", &length))
        return -1;
    if (p->lx.tok.kind != TOK_STRING)
        return error_here(p, "expected the raw data file name as a string");
    size_t flen;
    char *file = lexer_take_string(&p->lx, &flen);
    bool bad_name = flen == 0 || strlen(file) != flen;
    unsigned line = p->lx.tok.line, col = p->lx.tok.col;
    if (bad_name) {
        free(file);
        return lexer_error_at(&p->lx, line, col, "raw data file name is empty or contains NUL");
    }
    if (next(p) || expect_uint(p, "(raw data offset)", &offset)) {
        free(file);
        return -1;
    }
    *out = attr_data_ref(file, length, offset);
    free(file);
    if (!attr_ok(out))
        return error_here(p, "out of memory");
    if (p->lx.tok.kind != TOK_RBRACKET) {
        if (p->version < 2)
            return error_here(p, "compressed raw data [R length \"file\" offset stored] needs format version 2");
        if (expect_uint(p, "(raw data stored length)", &out->data.stored))
            return -1;
        if (out->data.stored == 0)
            return error_here(p, "the stored length of compressed raw data is 0");
    }
    if (p->lx.tok.kind != TOK_RBRACKET)
        return error_here(p, "expected ']' to close raw data");
    return next(p);
}

/* On failure the partly built value is freed, so callers only free what succeeded. */
static int parse_value(struct parser *p, unsigned depth, struct attr_value *out)
{
    int rc = parse_value_inner(p, depth, out);
    if (rc)
        attr_free(out);
    return rc;
}

static int parse_value_inner(struct parser *p, unsigned depth, struct attr_value *out)
{
    struct token *t = &p->lx.tok;
    *out = attr_nil();
    if (++p->nvalues > SNAP_MAX_VALUES)
        return error_here(p, "more values than the limit of 8388608");
    switch (t->kind) {
    case TOK_INT: *out = attr_int(t->i); break;
    case TOK_UINT: *out = attr_uint(t->u); break;
    case TOK_FLOAT: *out = attr_float(t->f); break;
    case TOK_STRING: {
        size_t n;
        char *s = lexer_take_string(&p->lx, &n);
        *out = (struct attr_value){.kind = ATTR_STRING, .str = {s, n}};
        break;
    }
    case TOK_IDENT:
        if (tok_is_word(t, "TRUE") || tok_is_word(t, "FALSE")) {
            *out = attr_bool(tok_is_word(t, "TRUE"));
        } else if (tok_is_word(t, "NIL")) {
            *out = attr_nil();
        } else {
            char name[SNAP_MAX_NAME + 1];
            tok_copy_ident(t, name);
            if (!snap_valid_object_name(name))
                return lexer_error_at(&p->lx, t->line, t->col, "'%s' cannot be used as a value", name);
            *out = attr_object(name);
            if (!attr_ok(out))
                return error_here(p, "out of memory");
        }
        break;
    case TOK_LPAREN: return parse_list(p, depth, out);
    case TOK_LBRACE: return parse_dict(p, depth, out);
    case TOK_LBRACKET: return parse_raw_data(p, depth, out);
    case TOK_EOF: return error_here(p, "unexpected end of file, expected a value");
    default: return error_here(p, "expected a value");
    }
    return next(p);
}

static int expect_ident(struct parser *p, const char *what, char out[SNAP_MAX_NAME + 1])
{
    if (p->lx.tok.kind != TOK_IDENT)
        return lexer_error_at(&p->lx, p->lx.tok.line, p->lx.tok.col, "expected %s", what);
    tok_copy_ident(&p->lx.tok, out);
    return 0;
}

static int parse_object(struct parser *p, struct snap_config *c, struct name_set *objects)
{
    char name[SNAP_MAX_NAME + 1], cls[SNAP_MAX_NAME + 1], attr[SNAP_MAX_NAME + 1];
    unsigned line = p->lx.tok.line, col = p->lx.tok.col;
    if (!tok_is_word(&p->lx.tok, "OBJECT"))
        return error_here(p, "expected OBJECT");
    if (c->nobjects >= SNAP_MAX_OBJECTS)
        return error_here(p, "more objects than the limit of 65536");
    if (next(p) || expect_ident(p, "an object name after OBJECT", name))
        return -1;
    if (!snap_valid_object_name(name))
        return error_here(p, "invalid object name");
    if (next(p))
        return -1;
    if (!tok_is_word(&p->lx.tok, "TYPE"))
        return error_here(p, "expected TYPE after the object name");
    if (next(p) || expect_ident(p, "a class name after TYPE", cls) || next(p))
        return -1;
    if (p->lx.tok.kind != TOK_LBRACE)
        return error_here(p, "expected '{' after the class name");
    struct snap_cfg_object *o = snap_config_add_object(c, name, cls);
    if (!o)
        return error_here(p, "out of memory");
    int added = name_set_add(objects, o->name);
    if (added <= 0)
        return lexer_error_at(&p->lx, line, col, added ? "out of memory" : "duplicate object '%s'", name);
    if (next(p))
        return -1;

    struct name_set attrs = {0};
    int rc = 0;
    while (rc == 0 && p->lx.tok.kind != TOK_RBRACE) {
        unsigned aline = p->lx.tok.line, acol = p->lx.tok.col;
        if (p->lx.tok.kind == TOK_EOF) {
            rc = lexer_error_at(&p->lx, line, col, "object '%s' is not closed with '}'", name);
            break;
        }
        if (o->nattrs >= SNAP_MAX_ATTRS) {
            rc = error_here(p, "more attributes than the limit of 4096 in one object");
            break;
        }
        if (expect_ident(p, "an attribute name or '}'", attr)) {
            rc = -1;
            break;
        }
        if (!snap_valid_attr_name(attr)) {
            rc = error_here(p, "invalid attribute name");
            break;
        }
        if (next(p)) {
            rc = -1;
            break;
        }
        if (p->lx.tok.kind != TOK_COLON) {
            rc = error_here(p, "expected ':' after the attribute name");
            break;
        }
        struct attr_value v;
        if (next(p) || parse_value(p, 0, &v)) {
            rc = -1;
            break;
        }
        if (snap_cfg_object_add_attr(o, attr, v)) {
            rc = error_here(p, "out of memory");
            break;
        }
        added = name_set_add(&attrs, o->attrs[o->nattrs - 1].name);
        if (added <= 0)
            rc = lexer_error_at(&p->lx, aline, acol,
                                added ? "out of memory" : "duplicate attribute '%s' in object '%s'", attr, name);
    }
    name_set_free(&attrs);
    return rc ? rc : next(p);
}

/* The first line must be exactly "#SNAPSIM-CHECKPOINT <version>". */
static int parse_header(struct parser *p, struct snap_config *c)
{
    const char *buf = p->lx.buf;
    size_t len = p->lx.len, n = strlen("#" SNAP_FORMAT_NAME " ");
    if (len < n || memcmp(buf, "#" SNAP_FORMAT_NAME " ", n) != 0)
        return lexer_error_at(&p->lx, 1, 1, "not a snapsim checkpoint (the first line must be '#%s %d')",
                              SNAP_FORMAT_NAME, SNAP_FORMAT_VERSION);
    unsigned long version = 0;
    size_t i = n;
    for (; i < len && buf[i] >= '0' && buf[i] <= '9' && i < n + 9; i++)
        version = version * 10 + (unsigned long)(buf[i] - '0');
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r'))
        i++;
    if (i == n || (i < len && buf[i] != '\n'))
        return lexer_error_at(&p->lx, 1, (unsigned)i + 1, "bad format version in the header line");
    if (version < SNAP_FORMAT_MIN_VERSION || version > SNAP_FORMAT_VERSION)
        return lexer_error_at(&p->lx, 1, (unsigned)n + 1,
                              "unsupported format version %lu (this snapsim reads versions %d to %d)",
                              version, SNAP_FORMAT_MIN_VERSION, SNAP_FORMAT_VERSION);
    c->version = p->version = (unsigned)version;
    return 0;
}

int snap_config_parse(const char *text, size_t len, struct snap_config *c, char *err, size_t errlen)
{
    struct parser p = {0};
    snap_config_init(c);
    lexer_init(&p.lx, text, len, err, errlen);
    if (len > SNAP_MAX_CONFIG_BYTES)
        return snap_err(err, errlen, "config:1:1: file larger than the limit of %u bytes", SNAP_MAX_CONFIG_BYTES);
    struct name_set objects = {0};
    int rc = parse_header(&p, c);
    if (rc == 0)
        rc = next(&p);   /* the header is a comment to the lexer */
    while (rc == 0 && p.lx.tok.kind != TOK_EOF)
        rc = parse_object(&p, c, &objects);
    name_set_free(&objects);
    lexer_free(&p.lx);
    if (rc)
        snap_config_free(c);
    return rc;
}

int attr_value_parse(const char *text, size_t len, struct attr_value *out, char *err, size_t errlen)
{
    struct parser p = {0};
    *out = attr_nil();
    if (len > SNAP_MAX_CONFIG_BYTES)
        return snap_err(err, errlen, "value text too long");
    lexer_init(&p.lx, text, len, err, errlen);
    int rc = next(&p);
    if (rc == 0)
        rc = parse_value(&p, 0, out);
    if (rc == 0 && p.lx.tok.kind != TOK_EOF)
        rc = error_here(&p, "unexpected text after the value");
    lexer_free(&p.lx);
    if (rc)
        attr_free(out);
    return rc;
}

int snap_config_parse_fd(int fd, struct snap_config *c, char *err, size_t errlen)
{
    struct stat st;
    snap_config_init(c);
    if (fstat(fd, &st) != 0)
        return snap_err(err, errlen, "config: %s", strerror(errno));
    if (S_ISREG(st.st_mode) && st.st_size > (off_t)SNAP_MAX_CONFIG_BYTES)
        return snap_err(err, errlen, "config: file larger than the limit of %u bytes", SNAP_MAX_CONFIG_BYTES);
    size_t cap = 65536, len = 0;
    if (S_ISREG(st.st_mode))
        cap = (size_t)st.st_size + 1;
    char *buf = malloc(cap);
    if (!buf)
        return snap_err(err, errlen, "config: out of memory");
    for (;;) {
        if (len == cap) {
            if (cap > SNAP_MAX_CONFIG_BYTES) {
                free(buf);
                return snap_err(err, errlen, "config: file larger than the limit of %u bytes", SNAP_MAX_CONFIG_BYTES);
            }
            size_t ncap = cap * 2 > SNAP_MAX_CONFIG_BYTES ? SNAP_MAX_CONFIG_BYTES + 1u : cap * 2;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                return snap_err(err, errlen, "config: out of memory");
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            free(buf);
            return snap_err(err, errlen, "config: %s", strerror(e));
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    int rc = snap_config_parse(buf, len, c, err, errlen);
    free(buf);
    return rc;
}

int snap_config_parse_file(const char *path, struct snap_config *c, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snap_config_init(c);
        return snap_err(err, errlen, "%s: %s", path, strerror(errno));
    }
    int rc = snap_config_parse_fd(fd, c, err, errlen);
    close(fd);
    return rc;
}
