/* The classes of a system-mode machine's snapshot beside the hart and the memory image:
 * phys-memory (where RAM lies), htif (the bare machine's host interface) and machine-clock. */
#include "checkpoint/machine_snapshot.h"
#include "snapshot/snap_error.h"

/* The bounds of system:ram_size (core/machine.c). */
#define RAM_MIN (1ull << 20)
#define RAM_MAX (1ull << 36)

#define RAM(o) ((struct machine_ram *)(o))
#define HTIF(o) ((struct machine_htif *)(o))
#define CLOCK(o) ((struct machine_clock *)(o))

static int get_base(void *o, struct attr_value *v) { *v = attr_uint(RAM(o)->base); return 0; }
static int set_base(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t b;
    if (!attr_get_u64(v, &b) || b % GUEST_PAGE_SIZE || b > UINT64_MAX - RAM_MAX)
        return snap_err(err, errlen, "RAM base must be a page-aligned physical address");
    RAM(o)->base = b;
    return 0;
}

static int get_size(void *o, struct attr_value *v) { *v = attr_uint(RAM(o)->size); return 0; }
static int set_size(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t s;
    if (!attr_get_u64(v, &s) || s % GUEST_PAGE_SIZE || s < RAM_MIN || s > RAM_MAX)
        return snap_err(err, errlen, "RAM size must be whole pages from %llu bytes to %llu GiB",
                        (unsigned long long)RAM_MIN, (unsigned long long)(RAM_MAX >> 30));
    RAM(o)->size = s;
    return 0;
}

static const struct snap_attr_def ram_attrs[] = {
    {"base", "i", SNAP_ATTR_REQUIRED, NULL, get_base, set_base, "physical address of the first RAM byte"},
    {"size", "i", SNAP_ATTR_REQUIRED, NULL, get_size, set_size, "bytes of RAM (whole 4 KiB pages)"},
    {"image", "o", SNAP_ATTR_REQUIRED, NULL, ckpt_get_image_ref, ckpt_set_image_ref,
     "the memory-image object holding RAM (page number = physical address >> 12)"},
};
const struct snap_class_def ckpt_phys_memory_class = {
    "phys-memory", "physical RAM of a system-mode machine", ram_attrs, sizeof ram_attrs / sizeof ram_attrs[0]};

/* tohost and fromhost are 64-bit words; whether they lie in RAM is checked with the RAM's
 * extent (machine_stage). */
static int set_word(uint64_t *dst, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t a;
    if (!attr_get_u64(v, &a) || a % 8)
        return snap_err(err, errlen, "not an 8-byte aligned physical address (0 for none)");
    *dst = a;
    return 0;
}
static int get_tohost(void *o, struct attr_value *v) { *v = attr_uint(HTIF(o)->tohost); return 0; }
static int set_tohost(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    return set_word(&HTIF(o)->tohost, v, err, errlen);
}
static int get_fromhost(void *o, struct attr_value *v) { *v = attr_uint(HTIF(o)->fromhost); return 0; }
static int set_fromhost(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    return set_word(&HTIF(o)->fromhost, v, err, errlen);
}

static const struct snap_attr_def htif_attrs[] = {
    {"tohost", "i", SNAP_ATTR_REQUIRED, NULL, get_tohost, set_tohost,
     "physical address of the tohost word the guest writes commands to, 0 if none"},
    {"fromhost", "i", SNAP_ATTR_REQUIRED, NULL, get_fromhost, set_fromhost,
     "physical address of the fromhost word replies go to, 0 if none"},
};
const struct snap_class_def ckpt_htif_class = {
    "htif", "the HTIF host interface (its words themselves are in RAM)", htif_attrs,
    sizeof htif_attrs / sizeof htif_attrs[0]};

static int get_cycles(void *o, struct attr_value *v) { *v = attr_uint(CLOCK(o)->cycles); return 0; }
static int set_cycles(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    if (!attr_get_u64(v, &CLOCK(o)->cycles))
        return snap_err(err, errlen, "cycles must be a non-negative 64-bit count");
    return 0;
}

static const struct snap_attr_def clock_attrs[] = {
    {"cycles", "i", SNAP_ATTR_REQUIRED, NULL, get_cycles, set_cycles,
     "the guest's cycle count (the cycle CSR; the time CSR derives from it); a restore continues it"},
};
const struct snap_class_def ckpt_clock_class = {
    "machine-clock", "the cycle count of a system-mode machine", clock_attrs,
    sizeof clock_attrs / sizeof clock_attrs[0]};

void machine_instances(struct snap_instance inst[MACHINE_NOBJECTS], struct hart *hart, struct machine_ram *ram,
                       struct ckpt_image *img, struct machine_htif *htif, struct machine_clock *clock,
                       struct ckpt_run *run)
{
    inst[0] = (struct snap_instance){"cpu0", ckpt_hart_class.name, hart};
    inst[1] = (struct snap_instance){"ram", ckpt_phys_memory_class.name, ram};
    inst[2] = (struct snap_instance){"mem0", ckpt_image_class.name, img};
    inst[3] = (struct snap_instance){"htif", ckpt_htif_class.name, htif};
    inst[4] = (struct snap_instance){"clock", ckpt_clock_class.name, clock};
    inst[5] = (struct snap_instance){"run", ckpt_run_class.name, run};
}
