/* DiffTest's system-mode reference and what it takes from the model (see difftest_system.h). */
#include "debug/difftest_system.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "debug/priv_record.h"
#include "debug/step_record.h"
#include "fast/fast_system.h"
#include "priv/priv.h"
#include "priv/system.h"

struct difftest_system {
    struct machine *model;
    struct machine ref;
    struct system sys;
    struct fast_system *fast;
    uint64_t device_value;      /* what the model's device load got, for the mirror */
};

/* A mirror of one of the model's devices: loads answer what the model's load got. */
static bool mirror_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    (void)off;
    const struct difftest_system *ds = dev;
    *val = ds->device_value & step_size_mask(size);
    return true;
}

static bool mirror_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    (void)dev, (void)off, (void)size, (void)val;
    return true;
}

/* Makes the reference's RAM equal to the model's, touching only the pages either has in memory:
 * a page neither ever wrote is zero in both, and most of a large RAM is such pages (a copy of the
 * whole of it cost a quarter of a second of kernel time for a test of a few hundred instructions). */
static void copy_ram(uint8_t *to, const uint8_t *from, uint64_t size)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE), chunk = 1024;   /* pages per mincore call */
    unsigned char in_from[1024], in_to[1024];
    for (uint64_t off = 0; off < size; off += chunk * page) {
        size_t len = size - off < chunk * page ? (size_t)(size - off) : chunk * page;
        if (mincore((void *)(from + off), len, in_from) != 0 || mincore(to + off, len, in_to) != 0) {
            memcpy(to + off, from + off, len);   /* cannot tell: copy it all */
            continue;
        }
        for (size_t k = 0; k * page < len; k++) {
            size_t at = k * page, n = len - at < page ? len - at : page;
            if (in_from[k] & 1)
                memcpy(to + off + at, from + off + at, n);
            else if (in_to[k] & 1)
                memset(to + off + at, 0, n);
        }
    }
}

/* A device of the model wrote RAM (DMA): the reference's RAM gets the same bytes. */
static void take_dma(void *ctx, uint64_t pa, size_t n)
{
    struct difftest_system *ds = ctx;
    const uint8_t *from = sysmem_ram(&ds->model->sys->mem, pa, n);
    uint8_t *to = sysmem_ram(&ds->sys.mem, pa, n);
    if (from && to)
        memcpy(to, from, n);
}

struct difftest_system *difftest_system_create(struct machine *m, char *err, size_t errlen)
{
    const struct sysmem *mem = &m->sys->mem;
    struct difftest_system *ds = calloc(1, sizeof *ds);
    if (!ds || sysmem_init(&ds->sys.mem, mem->ram_base, mem->ram_size) != 0 ||
        !(ds->fast = fast_system_new())) {
        snprintf(err, errlen, "difftest: out of memory for the reference machine");
        difftest_system_destroy(ds);
        return NULL;
    }
    copy_ram(ds->sys.mem.ram, mem->ram, mem->ram_size);
    for (size_t i = 0; i < mem->bus.count; i++) {
        struct mmio_region r = mem->bus.region[i];
        r.dev = ds;
        r.read = mirror_read;
        r.write = mirror_write;
        mmio_bus_add(&ds->sys.mem.bus, &r);
    }
    /* No watch on tohost (the model carries HTIF commands out), no devices to tick. */
    ds->sys.tohost_pa = m->sys->tohost_pa;
    ds->sys.fromhost_pa = m->sys->fromhost_pa;
    ds->sys.event_at = UINT64_MAX;
    ds->ref.sys = &ds->sys;
    ds->ref.hart = m->hart;
    ds->ref.cycle_offset = m->cycle_offset;
    ds->ref.core_hz = m->core_hz;
    ds->ref.quiet = true;
    ds->model = m;
    m->sys->dma_written = take_dma;
    m->sys->dma_written_ctx = ds;
    return ds;
}

void difftest_system_destroy(struct difftest_system *ds)
{
    if (!ds)
        return;
    if (ds->model && ds->model->sys->dma_written_ctx == ds)
        ds->model->sys->dma_written = NULL;
    fast_system_free(ds->fast);
    sysmem_destroy(&ds->sys.mem);
    free(ds);
}

struct machine *difftest_system_machine(struct difftest_system *ds) { return &ds->ref; }

void difftest_system_adopt(struct difftest_system *ds, const struct machine *m)
{
    ds->ref.hart = m->hart;
    ds->ref.halt = HALT_NONE;
    copy_ram(ds->sys.mem.ram, m->sys->mem.ram, m->sys->mem.ram_size);
    priv_flush_translations(&ds->ref.hart);
}

/* CSRs whose value the model's timing or devices decide: cycle, time, mcycle, mip, sip. */
static bool timing_csr(uint32_t raw)
{
    unsigned csr = raw >> 20;
    bool csr_op = (raw & 0x7f) == 0x73 && ((raw >> 12) & 3) != 0;
    return csr_op && (csr == CSR_CYCLE || csr == CSR_TIME || csr == CSR_MCYCLE || csr == CSR_MIP ||
                      csr == CSR_SIP);
}

/* The HTIF words as the model's HTIF left them (it clears tohost, may set fromhost): taken
 * before each step, since the model carries a command out after reporting the store. */
static void take_htif(struct difftest_system *ds, const struct machine *m)
{
    const uint64_t pas[2] = { m->sys->tohost_pa, m->sys->fromhost_pa };
    for (unsigned i = 0; i < 2; i++) {
        const uint8_t *from = pas[i] ? sysmem_ram(&m->sys->mem, pas[i], 8) : NULL;
        uint8_t *to = pas[i] ? sysmem_ram(&ds->sys.mem, pas[i], 8) : NULL;
        if (from && to)
            memcpy(to, from, 8);
    }
}

void difftest_system_step(struct difftest_system *ds, struct machine *m, const struct commit_event *mine,
                          struct commit_event *ref)
{
    struct hart *h = &ds->ref.hart;
    if (mine->trap && (mine->cause & CAUSE_INTERRUPT)) {
        h->priv.mip = m->hart.priv.mip;
        priv_record_trap(&ds->ref, NULL, mine->cause, 0, ref);
        priv_trap(h, mine->cause, 0);
    } else if (mine->syscall && h->pc == mine->pc) {
        /* A guest op ran once, in the model (a checkpoint, the files it read or wrote). */
        *ref = *mine;
        difftest_system_adopt(ds, m);
        h->pc = mine->next_pc;   /* the model's commit stage keeps its own pc */
    } else {
        ds->device_value = mine->load_value;
        take_htif(ds, m);
        fast_system_step(ds->fast, &ds->ref, ref);
        if (!ref->trap && timing_csr(ref->insn) && ref->rd == mine->rd) {
            if (ref->rd) {
                h->x[ref->rd] = mine->rd_value;
                ref->rd_value = mine->rd_value;
            }
            if (ref->csr_write && mine->csr_write)
                ref->csr_value = mine->csr_value;
        }
    }
    h->priv.mip = m->hart.priv.mip;
    ref->cycle = mine->cycle;
}
