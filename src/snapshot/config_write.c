/* Config text writer: the canonical text form that the parser reads back to identical values. */
#include "snapshot/attr_float.h"
#include "snapshot/config.h"
#include "snapshot/snap_error.h"

#include <inttypes.h>
#include <string.h>

static void write_string(const char *s, size_t n, struct strbuf *out)
{
    /* Only printable ASCII stays as is, so the file is plain ASCII and every byte survives. */
    strbuf_putc(out, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': strbuf_puts(out, "\\\""); break;
        case '\\': strbuf_puts(out, "\\\\"); break;
        case '\n': strbuf_puts(out, "\\n"); break;
        case '\t': strbuf_puts(out, "\\t"); break;
        case '\r': strbuf_puts(out, "\\r"); break;
        default:
            if (c >= 0x20 && c < 0x7f)
                strbuf_putc(out, (char)c);
            else
                strbuf_printf(out, "\\x%02x", c);
        }
    }
    strbuf_putc(out, '"');
}

static int write_value(const struct attr_value *v, unsigned depth, struct strbuf *out,
                       char *err, size_t errlen)
{
    char fbuf[ATTR_FLOAT_TEXT_MAX];
    bool nested = v->kind == ATTR_LIST || v->kind == ATTR_DICT || v->kind == ATTR_DATA;
    if (nested && depth >= SNAP_MAX_DEPTH)
        return snap_err(err, errlen, "value nested deeper than the limit of %d", SNAP_MAX_DEPTH);
    switch (v->kind) {
    case ATTR_NIL: strbuf_puts(out, "NIL"); break;
    case ATTR_BOOL: strbuf_puts(out, v->b ? "TRUE" : "FALSE"); break;
    case ATTR_INT: strbuf_printf(out, "%" PRId64, v->i); break;
    case ATTR_UINT: strbuf_printf(out, "0x%" PRIx64, v->u); break;
    case ATTR_FLOAT:
        attr_float_format(v->f, fbuf);
        strbuf_puts(out, fbuf);
        break;
    case ATTR_STRING: write_string(v->str.bytes, v->str.len, out); break;
    case ATTR_OBJECT:
        if (strlen(v->str.bytes) != v->str.len || !snap_valid_object_name(v->str.bytes))
            return snap_err(err, errlen, "invalid object reference name");
        strbuf_puts(out, v->str.bytes);
        break;
    case ATTR_LIST:
        strbuf_putc(out, '(');
        for (size_t i = 0; i < v->list.n; i++) {
            if (i)
                strbuf_puts(out, ", ");
            if (write_value(&v->list.items[i], depth + 1, out, err, errlen))
                return -1;
        }
        strbuf_putc(out, ')');
        break;
    case ATTR_DICT:
        strbuf_putc(out, '{');
        for (size_t i = 0; i < v->dict.n; i++) {
            if (i)
                strbuf_puts(out, ", ");
            if (!attr_is_scalar(&v->dict.entries[i].key))
                return snap_err(err, errlen, "dictionary key is a %s, not a scalar",
                                attr_kind_name(v->dict.entries[i].key.kind));
            if (write_value(&v->dict.entries[i].key, depth + 1, out, err, errlen))
                return -1;
            strbuf_puts(out, ": ");
            if (write_value(&v->dict.entries[i].value, depth + 1, out, err, errlen))
                return -1;
        }
        strbuf_putc(out, '}');
        break;
    case ATTR_DATA:
        if (!v->data.file || !*v->data.file)
            return snap_err(err, errlen, "raw data has not been stored in a data file");
        strbuf_printf(out, "[R %" PRIu64 " ", v->data.length);
        write_string(v->data.file, strlen(v->data.file), out);
        strbuf_printf(out, " %" PRIu64, v->data.offset);
        if (v->data.stored)
            strbuf_printf(out, " %" PRIu64, v->data.stored);
        strbuf_putc(out, ']');
        break;
    default:
        return snap_err(err, errlen, "invalid value kind %d", (int)v->kind);
    }
    return 0;
}

int attr_value_write(const struct attr_value *v, struct strbuf *out, char *err, size_t errlen)
{
    if (write_value(v, 0, out, err, errlen))
        return -1;
    return out->failed ? snap_err(err, errlen, "out of memory") : 0;
}

int snap_config_write(const struct snap_config *c, struct strbuf *out, char *err, size_t errlen)
{
    strbuf_printf(out, "#%s %d\n", SNAP_FORMAT_NAME, SNAP_FORMAT_VERSION);
    for (size_t i = 0; i < c->nobjects; i++) {
        const struct snap_cfg_object *o = &c->objects[i];
        if (!snap_valid_object_name(o->name))
            return snap_err(err, errlen, "invalid object name '%s'", o->name);
        if (!snap_valid_class_name(o->class_name))
            return snap_err(err, errlen, "object %s: invalid class name '%s'", o->name, o->class_name);
        strbuf_printf(out, "\nOBJECT %s TYPE %s {\n", o->name, o->class_name);
        for (size_t k = 0; k < o->nattrs; k++) {
            const struct snap_cfg_attr *a = &o->attrs[k];
            if (!snap_valid_attr_name(a->name))
                return snap_err(err, errlen, "object %s: invalid attribute name '%s'", o->name, a->name);
            strbuf_printf(out, "    %s: ", a->name);
            if (write_value(&a->value, 0, out, err, errlen))
                return snap_err_prefix(err, errlen, "object %s attribute %s", o->name, a->name);
            strbuf_putc(out, '\n');
        }
        strbuf_puts(out, "}\n");
    }
    return out->failed ? snap_err(err, errlen, "out of memory") : 0;
}
