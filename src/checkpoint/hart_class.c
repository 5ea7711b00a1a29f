/* The rv64-hart class: the architectural state of the hart (core/hart.h). */
#include <string.h>

#include "checkpoint/ckpt_internal.h"
#include "core/hart.h"
#include "core/memory.h"
#include "priv/priv_attrs.h"
#include "snapshot/snap_error.h"

#define H(o) ((struct hart *)(o))

static int get_pc(void *o, struct attr_value *v) { *v = attr_uint(H(o)->pc); return 0; }
static int set_pc(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t pc;
    /* A system-mode hart (its privileged state reset: mstatus holds the XLEN fields) runs at any
     * address, a kernel's at sign-extended virtual ones; a process stays below the limit. */
    bool system = H(o)->priv.mstatus != 0;
    if (!attr_get_u64(v, &pc) || (!system && pc >= GUEST_VA_LIMIT))
        return snap_err(err, errlen, "pc beyond the guest address space (limit 0x%llx)",
                        (unsigned long long)GUEST_VA_LIMIT);
    if (pc & 1)
        return snap_err(err, errlen, "pc 0x%llx is not 2-byte aligned", (unsigned long long)pc);
    H(o)->pc = pc;
    return 0;
}

static int get_x(void *o, struct attr_value *v) { *v = attr_list_of_uints(H(o)->x, 32); return 0; }
static int set_x(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t x[32];
    for (int i = 0; i < 32; i++)
        if (!attr_get_u64(&v->list.items[i], &x[i]) && !attr_get_i64(&v->list.items[i], (int64_t *)&x[i]))
            return snap_err(err, errlen, "x[%d]: not a 64-bit value", i);
    if (x[0] != 0)
        return snap_err(err, errlen, "x[0] must be 0");
    for (int i = 0; i < 32; i++)
        H(o)->x[i] = x[i];
    return 0;
}

static int get_f(void *o, struct attr_value *v) { *v = attr_list_of_uints(H(o)->f, 32); return 0; }
static int set_f(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t f[32];
    for (int i = 0; i < 32; i++)
        if (!attr_get_u64(&v->list.items[i], &f[i]) && !attr_get_i64(&v->list.items[i], (int64_t *)&f[i]))
            return snap_err(err, errlen, "f[%d]: not a 64-bit value", i);
    for (int i = 0; i < 32; i++)
        H(o)->f[i] = f[i];
    return 0;
}

static int get_fcsr(void *o, struct attr_value *v)
{
    *v = attr_uint((uint64_t)H(o)->frm << 5 | H(o)->fflags);
    return 0;
}
static int set_fcsr(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t fcsr;
    if (!attr_get_u64(v, &fcsr) || fcsr > 0xff)
        return snap_err(err, errlen, "fcsr must fit in 8 bits (frm << 5 | fflags)");
    H(o)->fflags = fcsr & 0x1f;
    H(o)->frm = (uint32_t)(fcsr >> 5);
    return 0;
}

static int get_instret(void *o, struct attr_value *v) { *v = attr_uint(H(o)->instret); return 0; }
static int set_instret(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    if (!attr_get_u64(v, &H(o)->instret))
        return snap_err(err, errlen, "instret must be a non-negative 64-bit count");
    return 0;
}

/* The LR/SC reservation: the reserved address, or NIL when there is none. */
static int get_reservation(void *o, struct attr_value *v)
{
    *v = H(o)->reservation_valid ? attr_uint(H(o)->reservation) : attr_nil();
    return 0;
}
static int set_reservation(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t a = 0;
    if (v->kind != ATTR_NIL && (!attr_get_u64(v, &a) || a >= GUEST_VA_LIMIT))
        return snap_err(err, errlen, "reservation beyond the guest address space");
    H(o)->reservation_valid = v->kind != ATTR_NIL;
    H(o)->reservation = a;
    return 0;
}

/* Inspection only: the time CSR as the fast model reads it (one cycle per instruction at the
 * default 1 GHz, 10 MHz timebase); cycle-level models count their own cycles. */
static int get_time(void *o, struct attr_value *v) { *v = attr_uint(H(o)->instret / 100); return 0; }

/* The privileged state (system mode; NIL for a user-mode hart): priv/priv_attrs.c. */
static int get_priv(void *o, struct attr_value *v) { return priv_attr_get(&H(o)->priv, v); }
static int set_priv(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    return priv_attr_set(&H(o)->priv, v, err, errlen);
}

static const struct snap_attr_def hart_attrs[] = {
    {"pc", "i", SNAP_ATTR_REQUIRED, NULL, get_pc, set_pc, "program counter of the next instruction"},
    {"x", "[i{32}]", SNAP_ATTR_REQUIRED, NULL, get_x, set_x, "integer registers x0..x31 (x0 is 0)"},
    {"f", "[i{32}]", SNAP_ATTR_REQUIRED, NULL, get_f, set_f, "floating-point registers f0..f31, raw bits"},
    {"fcsr", "i", SNAP_ATTR_REQUIRED, NULL, get_fcsr, set_fcsr, "floating-point CSR: frm << 5 | fflags"},
    {"reservation", "i|n", SNAP_ATTR_OPTIONAL, "NIL", get_reservation, set_reservation,
     "LR/SC reserved address, NIL when none"},
    {"instret", "i", SNAP_ATTR_REQUIRED, NULL, get_instret, set_instret,
     "instructions retired since the program started (the fast model's cycle CSR)"},
    {"time", "i", SNAP_ATTR_PSEUDO, NULL, get_time, NULL, "the time CSR, derived from instret"},
    {"priv", PRIV_ATTR_SIG, SNAP_ATTR_OPTIONAL, NULL, get_priv, set_priv,
     "privilege mode and machine/supervisor CSRs by name (system mode), NIL at user level"},
};

const struct snap_class_def ckpt_hart_class = {
    "rv64-hart", "one RV64GC hart at user level", hart_attrs, sizeof hart_attrs / sizeof hart_attrs[0]};

/* The register attributes a saved thread carries, in the order of CKPT_HART_REGS_TYPE. */
static const char *const regs_attrs[] = {"pc", "x", "f", "fcsr", "reservation"};
enum { NREGS_ATTRS = sizeof regs_attrs / sizeof regs_attrs[0] };

static const struct snap_attr_def *hart_attr(const char *name)
{
    for (size_t i = 0; i < sizeof hart_attrs / sizeof hart_attrs[0]; i++)
        if (strcmp(hart_attrs[i].name, name) == 0)
            return &hart_attrs[i];
    return NULL;
}

struct attr_value ckpt_hart_regs_get(struct hart *h)
{
    struct attr_value t = attr_list(NREGS_ATTRS);
    for (size_t i = 0; i < NREGS_ATTRS; i++) {
        struct attr_value v = attr_nil();
        hart_attr(regs_attrs[i])->get(h, &v);
        attr_list_append(&t, v);
    }
    return t;
}

int ckpt_hart_regs_set(struct hart *h, const struct attr_value *v, char *err, size_t errlen)
{
    for (size_t i = 0; i < NREGS_ATTRS; i++)
        if (hart_attr(regs_attrs[i])->set(h, &v->list.items[i], err, errlen))
            return snap_err_prefix(err, errlen, "%s", regs_attrs[i]);
    return 0;
}
