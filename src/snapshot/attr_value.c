#include "snapshot/attr_value.h"

#include "core/array.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[ATTR_KIND_COUNT] = {
    [ATTR_NIL] = "nil",       [ATTR_INT] = "integer", [ATTR_UINT] = "integer",
    [ATTR_BOOL] = "boolean",  [ATTR_STRING] = "string", [ATTR_FLOAT] = "float",
    [ATTR_OBJECT] = "object", [ATTR_LIST] = "list",   [ATTR_DICT] = "dictionary",
    [ATTR_DATA] = "data",
};

const char *attr_kind_name(enum attr_kind k)
{
    return (unsigned)k < ATTR_KIND_COUNT ? kind_names[k] : "invalid";
}

struct attr_value attr_nil(void) { return (struct attr_value){.kind = ATTR_NIL}; }
struct attr_value attr_int(int64_t v) { return (struct attr_value){.kind = ATTR_INT, .i = v}; }
struct attr_value attr_uint(uint64_t v) { return (struct attr_value){.kind = ATTR_UINT, .u = v}; }
struct attr_value attr_bool(bool v) { return (struct attr_value){.kind = ATTR_BOOL, .b = v}; }
struct attr_value attr_float(double v) { return (struct attr_value){.kind = ATTR_FLOAT, .f = v}; }

static struct attr_value bytes_value(enum attr_kind kind, const void *bytes, size_t len)
{
    struct attr_value v = {.kind = kind};
    v.str.bytes = malloc(len + 1);   /* NUL-terminated so names can be used as C strings */
    if (!v.str.bytes)
        return (struct attr_value){.kind = ATTR_NIL, .alloc_failed = true};
    if (len)
        memcpy(v.str.bytes, bytes, len);
    v.str.bytes[len] = 0;
    v.str.len = len;
    return v;
}

struct attr_value attr_string_n(const void *bytes, size_t len) { return bytes_value(ATTR_STRING, bytes, len); }
struct attr_value attr_string(const char *s) { return bytes_value(ATTR_STRING, s, strlen(s)); }
struct attr_value attr_object(const char *name) { return bytes_value(ATTR_OBJECT, name, strlen(name)); }

struct attr_value attr_list(size_t n)
{
    struct attr_value v = {.kind = ATTR_LIST};
    if (n && !(v.list.items = calloc(n, sizeof *v.list.items)))
        v.alloc_failed = true;
    else
        v.list.cap = n;
    return v;
}

struct attr_value attr_dict(size_t n)
{
    struct attr_value v = {.kind = ATTR_DICT};
    if (n && !(v.dict.entries = calloc(n, sizeof *v.dict.entries)))
        v.alloc_failed = true;
    else
        v.dict.cap = n;
    return v;
}

void attr_list_append(struct attr_value *list, struct attr_value item)
{
    if (!array_reserve((void **)&list->list.items, &list->list.cap, list->list.n + 1,
                       sizeof *list->list.items, 4)) {
        list->alloc_failed = true;
        attr_free(&item);
        return;
    }
    list->list.items[list->list.n++] = item;
}

void attr_dict_put(struct attr_value *dict, struct attr_value key, struct attr_value value)
{
    if (!array_reserve((void **)&dict->dict.entries, &dict->dict.cap, dict->dict.n + 1,
                       sizeof *dict->dict.entries, 4)) {
        dict->alloc_failed = true;
        attr_free(&key);
        attr_free(&value);
        return;
    }
    dict->dict.entries[dict->dict.n++] = (struct attr_dict_entry){key, value};
}

struct attr_value attr_list_of_uints(const uint64_t *v, size_t n)
{
    struct attr_value l = attr_list(n);
    for (size_t i = 0; i < n && !l.alloc_failed; i++)
        attr_list_append(&l, attr_uint(v[i]));
    return l;
}

struct attr_value attr_data(const void *payload, uint64_t len)
{
    struct attr_value v = {.kind = ATTR_DATA};
    v.data.length = len;
    if (len > SIZE_MAX || !(v.data.payload = malloc(len ? (size_t)len : 1)))
        return (struct attr_value){.kind = ATTR_NIL, .alloc_failed = true};
    if (len)
        memcpy(v.data.payload, payload, (size_t)len);
    return v;
}

struct attr_value attr_data_ref(const char *file, uint64_t length, uint64_t offset)
{
    struct attr_value v = {.kind = ATTR_DATA};
    v.data.length = length;
    v.data.offset = offset;
    if (!(v.data.file = strdup(file)))
        return (struct attr_value){.kind = ATTR_NIL, .alloc_failed = true};
    return v;
}

bool attr_ok(const struct attr_value *v)
{
    if (v->alloc_failed)
        return false;
    if (v->kind == ATTR_LIST)
        for (size_t i = 0; i < v->list.n; i++)
            if (!attr_ok(&v->list.items[i]))
                return false;
    if (v->kind == ATTR_DICT)
        for (size_t i = 0; i < v->dict.n; i++)
            if (!attr_ok(&v->dict.entries[i].key) || !attr_ok(&v->dict.entries[i].value))
                return false;
    return true;
}

void attr_free(struct attr_value *v)
{
    switch (v->kind) {
    case ATTR_STRING:
    case ATTR_OBJECT:
        free(v->str.bytes);
        break;
    case ATTR_LIST:
        for (size_t i = 0; i < v->list.n; i++)
            attr_free(&v->list.items[i]);
        free(v->list.items);
        break;
    case ATTR_DICT:
        for (size_t i = 0; i < v->dict.n; i++) {
            attr_free(&v->dict.entries[i].key);
            attr_free(&v->dict.entries[i].value);
        }
        free(v->dict.entries);
        break;
    case ATTR_DATA:
        free(v->data.file);
        free(v->data.payload);
        break;
    default:
        break;
    }
    *v = attr_nil();
}

struct attr_value attr_copy(const struct attr_value *v)
{
    struct attr_value c;
    switch (v->kind) {
    case ATTR_STRING:
    case ATTR_OBJECT:
        return bytes_value(v->kind, v->str.bytes, v->str.len);
    case ATTR_LIST:
        c = attr_list(v->list.n);
        for (size_t i = 0; i < v->list.n; i++)
            attr_list_append(&c, attr_copy(&v->list.items[i]));
        return c;
    case ATTR_DICT:
        c = attr_dict(v->dict.n);
        for (size_t i = 0; i < v->dict.n; i++)
            attr_dict_put(&c, attr_copy(&v->dict.entries[i].key), attr_copy(&v->dict.entries[i].value));
        return c;
    case ATTR_DATA:
        if (v->data.payload) {
            c = attr_data(v->data.payload, v->data.length);
            c.data.offset = v->data.offset;
        } else {
            c = (struct attr_value){.kind = ATTR_DATA, .data = {.length = v->data.length,
                                                                .offset = v->data.offset}};
        }
        if (c.kind == ATTR_DATA)
            c.data.stored = v->data.stored;
        if (c.kind == ATTR_DATA && v->data.file && !(c.data.file = strdup(v->data.file)))
            c.alloc_failed = true;
        return c;
    default:
        return *v;
    }
}

bool attr_equal(const struct attr_value *a, const struct attr_value *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case ATTR_NIL: return true;
    case ATTR_INT: return a->i == b->i;
    case ATTR_UINT: return a->u == b->u;
    case ATTR_BOOL: return a->b == b->b;
    case ATTR_FLOAT: return memcmp(&a->f, &b->f, sizeof a->f) == 0;
    case ATTR_STRING:
    case ATTR_OBJECT:
        return a->str.len == b->str.len && memcmp(a->str.bytes, b->str.bytes, a->str.len) == 0;
    case ATTR_LIST:
        if (a->list.n != b->list.n)
            return false;
        for (size_t i = 0; i < a->list.n; i++)
            if (!attr_equal(&a->list.items[i], &b->list.items[i]))
                return false;
        return true;
    case ATTR_DICT:
        if (a->dict.n != b->dict.n)
            return false;
        for (size_t i = 0; i < a->dict.n; i++)
            if (!attr_equal(&a->dict.entries[i].key, &b->dict.entries[i].key) ||
                !attr_equal(&a->dict.entries[i].value, &b->dict.entries[i].value))
                return false;
        return true;
    case ATTR_DATA:
        if (a->data.length != b->data.length)
            return false;
        if (a->data.payload && b->data.payload)
            return memcmp(a->data.payload, b->data.payload, (size_t)a->data.length) == 0;
        return a->data.offset == b->data.offset && a->data.stored == b->data.stored && a->data.file && b->data.file &&
               strcmp(a->data.file, b->data.file) == 0;
    default:
        return false;
    }
}

bool attr_is_integer(const struct attr_value *v) { return v->kind == ATTR_INT || v->kind == ATTR_UINT; }

bool attr_is_scalar(const struct attr_value *v)
{
    switch (v->kind) {
    case ATTR_NIL: case ATTR_INT: case ATTR_UINT: case ATTR_BOOL:
    case ATTR_STRING: case ATTR_FLOAT: case ATTR_OBJECT:
        return true;
    default:
        return false;
    }
}

bool attr_get_u64(const struct attr_value *v, uint64_t *out)
{
    if (v->kind == ATTR_UINT) {
        *out = v->u;
        return true;
    }
    if (v->kind == ATTR_INT && v->i >= 0) {
        *out = (uint64_t)v->i;
        return true;
    }
    return false;
}

bool attr_get_i64(const struct attr_value *v, int64_t *out)
{
    if (v->kind == ATTR_INT) {
        *out = v->i;
        return true;
    }
    if (v->kind == ATTR_UINT && v->u <= (uint64_t)INT64_MAX) {
        *out = (int64_t)v->u;
        return true;
    }
    return false;
}
