/* Attribute values: the tagged tree every snapshot attribute is made of.
 *
 * A value owns everything it points to; attr_free releases the whole tree.  Constructors return
 * the value by copy and never fail except for allocation (then the value is ATTR_NIL and
 * attr_ok() is false), so tables of values can be built without error plumbing. */
#ifndef SNAPSIM_SNAPSHOT_ATTR_VALUE_H
#define SNAPSIM_SNAPSHOT_ATTR_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum attr_kind {
    ATTR_NIL,
    ATTR_INT,      /* signed 64-bit; written as signed decimal */
    ATTR_UINT,     /* unsigned 64-bit; written as hexadecimal 0x... */
    ATTR_BOOL,
    ATTR_STRING,   /* arbitrary bytes, may contain NUL */
    ATTR_FLOAT,    /* IEEE double, kept bit-exact (NaN payloads, -0.0) */
    ATTR_OBJECT,   /* reference to another object by name */
    ATTR_LIST,
    ATTR_DICT,
    ATTR_DATA,     /* raw data: payload in a data file of the snapshot */
    ATTR_KIND_COUNT
};

struct attr_value;
struct attr_dict_entry;

struct attr_value {
    enum attr_kind kind;
    union {
        int64_t i;
        uint64_t u;
        bool b;
        double f;
        struct { char *bytes; size_t len; } str;      /* STRING and OBJECT (name, NUL-terminated too) */
        struct { struct attr_value *items; size_t n, cap; } list;
        struct { struct attr_dict_entry *entries; size_t n, cap; } dict;
        struct {
            char *file;          /* checkpoint-path reference, e.g. "%0%/raw"; NULL if not yet stored */
            uint64_t length;
            uint64_t offset;
            uint64_t stored;     /* 0: `length` plain bytes at offset; else one zstd frame of this size */
            uint8_t *payload;    /* the bytes, when loaded or about to be saved; NULL otherwise */
        } data;
    };
    bool alloc_failed;           /* set by constructors when memory ran out */
};

struct attr_dict_entry {
    struct attr_value key;   /* a scalar: integer, bool, string, float, object or nil */
    struct attr_value value;
};

struct attr_value attr_nil(void);
struct attr_value attr_int(int64_t v);
struct attr_value attr_uint(uint64_t v);
struct attr_value attr_bool(bool v);
struct attr_value attr_float(double v);
/* Copies the bytes. */
struct attr_value attr_string(const char *s);
struct attr_value attr_string_n(const void *bytes, size_t len);
struct attr_value attr_object(const char *name);
/* An empty list/dict with room for n items; fill with attr_list_append / attr_dict_put. */
struct attr_value attr_list(size_t n);
struct attr_value attr_dict(size_t n);
/* A list of n integers (ATTR_UINT), the common case of register files and arrays. */
struct attr_value attr_list_of_uints(const uint64_t *v, size_t n);
/* Raw data: copies `len` payload bytes (to be stored in a data file when saved). */
struct attr_value attr_data(const void *payload, uint64_t len);
/* Raw data reference as read from a config: file, length, offset, no payload. */
struct attr_value attr_data_ref(const char *file, uint64_t length, uint64_t offset);

/* Takes ownership of item (it must not be freed by the caller afterwards). */
void attr_list_append(struct attr_value *list, struct attr_value item);
void attr_dict_put(struct attr_value *dict, struct attr_value key, struct attr_value value);

/* True when the value and everything in it was built without running out of memory. */
bool attr_ok(const struct attr_value *v);

void attr_free(struct attr_value *v);   /* leaves *v as ATTR_NIL */
struct attr_value attr_copy(const struct attr_value *v);
/* Structural equality; floats compare by bit pattern, raw data by reference (file/length/offset)
 * and, when both have payloads, by payload bytes. */
bool attr_equal(const struct attr_value *a, const struct attr_value *b);

bool attr_is_integer(const struct attr_value *v);   /* INT or UINT */
bool attr_is_scalar(const struct attr_value *v);    /* allowed as a dictionary key */
/* Integer conversions with range checks; false when the value is not an integer or out of range. */
bool attr_get_u64(const struct attr_value *v, uint64_t *out);
bool attr_get_i64(const struct attr_value *v, int64_t *out);

/* "integer", "string", "list", ... for messages. */
const char *attr_kind_name(enum attr_kind k);

#endif
