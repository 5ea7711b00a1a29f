/* Saving and restoring struct priv_state as one snapshot attribute. */
#include "priv/priv_attrs.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "priv/priv.h"

/* The 64-bit CSRs, by their architectural names (mcycle_offset and minstret_offset are what
 * makes mcycle and minstret read back what was written). */
#define PRIV_FIELDS(X) \
    X(mstatus) X(mip) X(mie) X(medeleg) X(mideleg) X(mtvec) X(mepc) X(mcause) X(mtval) \
    X(mscratch) X(stvec) X(sepc) X(scause) X(stval) X(sscratch) X(satp) X(mcounteren) \
    X(scounteren) X(mcountinhibit) X(menvcfg) X(senvcfg) X(mhartid)

static const struct { const char *name; size_t offset; } fields[] = {
#define FIELD(f) { #f, offsetof(struct priv_state, f) },
    PRIV_FIELDS(FIELD)
#undef FIELD
    { "mcycle_offset", offsetof(struct priv_state, cycle_offset) },
    { "minstret_offset", offsetof(struct priv_state, instret_offset) },
};
enum { NFIELDS = sizeof fields / sizeof fields[0] };
/* Keys beyond the fields: "mode", pmpcfg0 and pmpcfg2 (the RV64 CSRs), pmpaddr0..15. */
enum { NKEYS = NFIELDS + 1 + 2 + 16 };

static uint64_t *field(struct priv_state *p, size_t i) { return (uint64_t *)(void *)((char *)p + fields[i].offset); }

static bool user_mode_hart(const struct priv_state *p)
{
    /* A system-mode hart always has UXL/SXL set in mstatus; a user-mode one has no state. */
    return p->mstatus == 0 && p->mode == 0;
}

int priv_attr_get(const struct priv_state *p, struct attr_value *out)
{
    if (user_mode_hart(p)) {
        *out = attr_nil();
        return 0;
    }
    struct priv_state copy = *p;
    struct attr_value d = attr_dict(NKEYS);
    attr_dict_put(&d, attr_string("mode"), attr_uint(p->mode));
    for (size_t i = 0; i < NFIELDS; i++)
        attr_dict_put(&d, attr_string(fields[i].name), attr_uint(*field(&copy, i)));
    for (unsigned c = 0; c < 2; c++) {
        uint64_t v = 0;
        for (unsigned b = 0; b < 8; b++)
            v |= (uint64_t)p->pmpcfg[c * 8 + b] << (8 * b);
        attr_dict_put(&d, attr_string(c ? "pmpcfg2" : "pmpcfg0"), attr_uint(v));
    }
    for (unsigned e = 0; e < 16; e++) {
        char name[16];
        snprintf(name, sizeof name, "pmpaddr%u", e);
        attr_dict_put(&d, attr_string(name), attr_uint(p->pmpaddr[e]));
    }
    *out = d;
    return attr_ok(out) ? 0 : -1;
}

/* The key's index: 0 "mode", 1.. the fields, then pmpcfg0, pmpcfg2, pmpaddr0..15; -1 if
 * unknown. */
static int key_index(const char *key)
{
    if (!strcmp(key, "mode"))
        return 0;
    for (size_t i = 0; i < NFIELDS; i++)
        if (!strcmp(key, fields[i].name))
            return 1 + (int)i;
    if (!strcmp(key, "pmpcfg0"))
        return 1 + NFIELDS;
    if (!strcmp(key, "pmpcfg2"))
        return 2 + NFIELDS;
    for (unsigned e = 0; e < 16; e++) {
        char name[16];
        snprintf(name, sizeof name, "pmpaddr%u", e);
        if (!strcmp(key, name))
            return 3 + NFIELDS + (int)e;
    }
    return -1;
}

static void key_name(int k, char *buf, size_t len)
{
    if (k == 0)
        snprintf(buf, len, "mode");
    else if (k <= NFIELDS)
        snprintf(buf, len, "%s", fields[k - 1].name);
    else if (k <= NFIELDS + 2)
        snprintf(buf, len, "pmpcfg%d", (k - NFIELDS - 1) * 2);
    else
        snprintf(buf, len, "pmpaddr%d", k - NFIELDS - 3);
}

static void put_key(struct priv_state *s, int k, uint64_t v)
{
    if (k == 0)
        s->mode = v > 255 ? 255 : (uint8_t)v;   /* out of range: refused by the validity check */
    else if (k <= NFIELDS)
        *field(s, (size_t)k - 1) = v;
    else if (k <= NFIELDS + 2)
        for (unsigned b = 0; b < 8; b++)
            s->pmpcfg[(k - NFIELDS - 1) * 8 + b] = (uint8_t)(v >> (8 * b));
    else
        s->pmpaddr[k - NFIELDS - 3] = v;
}

int priv_attr_set(struct priv_state *p, const struct attr_value *v, char *err, size_t errlen)
{
    if (v->kind == ATTR_NIL) {
        *p = (struct priv_state){ 0 };
        return 0;
    }
    struct priv_state s = { 0 };
    bool seen[NKEYS] = { false };
    for (size_t i = 0; i < v->dict.n; i++) {
        const struct attr_dict_entry *en = &v->dict.entries[i];
        const char *key = en->key.str.bytes;
        int k = key_index(key);
        uint64_t value;
        if (k < 0) {
            snprintf(err, errlen, "priv: unknown CSR '%s'", key);
            return -1;
        }
        if (seen[k]) {
            snprintf(err, errlen, "priv: '%s' given twice", key);
            return -1;
        }
        if (!attr_get_u64(&en->value, &value)) {
            snprintf(err, errlen, "priv: %s is not a 64-bit value", key);
            return -1;
        }
        seen[k] = true;
        put_key(&s, k, value);
    }
    for (int k = 0; k < NKEYS; k++)
        if (!seen[k]) {
            char name[24];
            key_name(k, name, sizeof name);
            snprintf(err, errlen, "priv: '%s' is missing", name);
            return -1;
        }
    char why[160];
    if (!priv_state_valid(&s, why, sizeof why)) {
        snprintf(err, errlen, "priv: %s", why);
        return -1;
    }
    s.xlate_epoch = p->xlate_epoch + 1;   /* whatever a model cached is stale now */
    *p = s;
    return 0;
}
