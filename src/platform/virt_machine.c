/* The virt machine's devices on the bus, their interrupt, DMA and console glue, and the clock
 * that drives the timer. */
#include "platform/virt_machine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "core/machine.h"
#include "debug/events.h"
#include "devices/virt_layout.h"
#include "platform/virt_boot.h"
#include "priv/priv.h"
#include "priv/system.h"

/* ---- the clock: machine_time() counts timebase ticks from the model's cycles ---- */

/* The hart's instret at which machine_time() first reaches t (the current one if it has), at
 * one instruction per cycle: exact for the fast model; a model that counts its own cycles reads
 * the distance event_at - instret as cycles (pipeline/commit_system.c). */
static uint64_t instret_at_time(const struct machine *m, uint64_t t)
{
    unsigned __int128 cycles = ((unsigned __int128)t * m->core_hz + VIRT_TIMEBASE_HZ - 1) / VIRT_TIMEBASE_HZ;
    unsigned __int128 now = machine_cycles(m);
    if (cycles <= now)
        return m->hart.instret;
    unsigned __int128 at = m->hart.instret + (cycles - now);
    return at > UINT64_MAX ? UINT64_MAX : (uint64_t)at;
}

static uint64_t host_now(void *ctx) { return machine_time(((struct virt_machine *)ctx)->m); }

static void host_set_irq(void *ctx, unsigned hart, unsigned mip_bit, bool level)
{
    struct machine *m = ((struct virt_machine *)ctx)->m;
    (void)hart;   /* one hart */
    if (level)
        m->hart.priv.mip |= 1ull << mip_bit;
    else
        m->hart.priv.mip &= ~(1ull << mip_bit);
}

/* When the hart must next come back to the machine: the timer deadline, the console poll. */
static void schedule(struct virt_machine *v)
{
    struct machine *m = v->m;
    uint64_t deadline = clint_next_deadline(&v->clint);
    uint64_t at = deadline == UINT64_MAX ? UINT64_MAX : instret_at_time(m, deadline);
    if (virt_console_has_input(&v->console)) {
        uint64_t poll = m->hart.instret + VIRT_CONSOLE_POLL;
        if (poll < at)
            at = poll;
    }
    m->sys->event_at = at;
}

/* Fills the UART's receive FIFO from the console input, once the guest's driver takes input by
 * interrupt (IER's received-data bit): firmware and drivers flush the receiver when they start
 * (OpenSBI reads RBR once, Linux clears the FIFO), which would lose what arrived before. */
static void console_input(struct machine *m, struct virt_machine *v, bool wait)
{
    unsigned max = uart_rx_room(&v->uart);
    if (!(v->uart.ier & UART_IER_RDI) || !virt_console_has_input(&v->console) || max == 0)
        return;
    uint8_t buf[UART_RX_FIFO];
    int got;
    /* A LightSSS replay takes the bytes the parent read at this point; the parent records them. */
    if (event_device_input_replay(m->events, m, buf, max, &got)) {
        if (got < 0)
            virt_console_end_input(&v->console);
    } else {
        got = (int)virt_console_read(&v->console, buf, max, wait);
        event_device_input_record(m->events, m, buf, virt_console_has_input(&v->console) ? got : -1);
    }
    for (int i = 0; i < got; i++)
        uart_rx_push(&v->uart, buf[i]);
}

void virt_machine_tick(struct machine *m)
{
    struct virt_machine *v = m->sys->virt;
    clint_tick(&v->clint);
    console_input(m, v, false);
    schedule(v);
}

void virt_machine_idle(struct machine *m)
{
    struct virt_machine *v = m->sys->virt;
    struct priv_state *p = &m->hart.priv;
    if (p->mip & p->mie)
        return;   /* wfi completes at once */
    v->idle_wfi++;
    uint64_t deadline = clint_next_deadline(&v->clint);
    if (deadline != UINT64_MAX && (p->mie & MIP_MTIP)) {
        uint64_t now = machine_time(m), cycles = instret_at_time(m, deadline) - m->hart.instret;
        /* The cycles pass without instructions: the guest's clocks see the time it slept (a
         * model that counts its own cycles folds cycle_offset's growth into its count). */
        m->cycle_offset += cycles;
        if (m->counts_cycles)
            m->cycles += cycles;
        v->idle_ticks += deadline - now;
    } else if (virt_console_has_input(&v->console) && (v->uart.ier & UART_IER_RDI)) {
        console_input(m, v, !machine_stop_requested);
    } else {
        log_msg("the hart waits (wfi at pc 0x%llx after %llu instructions) for an interrupt that "
                "cannot come: no timer is set and no console input can arrive",
                (unsigned long long)m->hart.pc, (unsigned long long)m->hart.instret);
        m->halt = HALT_ERROR;
        m->exit_status = 1;
        return;
    }
    virt_machine_tick(m);
}

/* ---- device glue ---- */

static bool clint_bus_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    struct virt_machine *v = dev;
    struct mmio_region r = clint_region(&v->clint, "clint", VIRT_CLINT_BASE);
    return r.read(r.dev, off, size, val);
}

/* A write may move the timer deadline (mtimecmp, mtime): the next event is recomputed. */
static bool clint_bus_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    struct virt_machine *v = dev;
    struct mmio_region r = clint_region(&v->clint, "clint", VIRT_CLINT_BASE);
    bool ok = r.write(r.dev, off, size, val);
    schedule(v);
    return ok;
}

static bool dma_read(void *ctx, uint64_t pa, void *buf, size_t n)
{
    const uint8_t *host = sysmem_ram(&((struct machine *)ctx)->sys->mem, pa, n);
    if (host)
        memcpy(buf, host, n);
    return host != NULL;
}

static bool dma_write(void *ctx, uint64_t pa, const void *buf, size_t n)
{
    struct system *sys = ((struct machine *)ctx)->sys;
    uint8_t *host = sysmem_ram(&sys->mem, pa, n);
    if (host) {
        memcpy(host, buf, n);
        if (sys->dma_written)
            sys->dma_written(sys->dma_written_ctx, pa, n);
    }
    return host != NULL;
}

static void test_stop(void *ctx, enum sifive_test_stop how, unsigned status)
{
    struct machine *m = ctx;
    if (how == SIFIVE_TEST_RESET)
        log_note("the guest asked for a reset: the virt machine powers off instead");
    machine_exit(m, how == SIFIVE_TEST_FAIL ? (int)(status ? status : 1) : 0);
}

/* The devices and their wiring to each other and to the machine (interrupt lines, DMA, console);
 * the disk's content is opened by the caller. */
static bool init_devices(struct virt_machine *v, bool has_disk)
{
    struct machine *m = v->m;
    v->host = (struct mmio_host){ v, host_set_irq, host_now };
    if (!clint_init(&v->clint, 1, &v->host) || !plic_init(&v->plic, 1, &v->host))
        return false;
    uart_init(&v->uart, (struct irq_line){ plic_set_source, &v->plic, VIRT_UART0_IRQ }, virt_console_tx,
              &v->console);
    v->test = (struct sifive_test){ test_stop, m };
    v->has_disk = has_disk;
    if (has_disk)   /* writes stay in memory (the image object's dirty blocks): the file is never written */
        virtio_blk_init(&v->blk, &v->disk, false, "snapsim-disk0", (struct dev_dma){ dma_read, dma_write, m },
                        (struct irq_line){ plic_set_source, &v->plic, VIRT_VIRTIO0_IRQ });
    return true;
}

static int map_devices(struct virt_machine *v, char *err, size_t errlen)
{
    struct mmio_bus *bus = &v->m->sys->mem.bus;
    struct mmio_region regions[5] = {
        sifive_test_region(&v->test, "test0", VIRT_TEST_BASE),
        { "clint0", VIRT_CLINT_BASE, CLINT_MMIO_SIZE, v, clint_bus_read, clint_bus_write },
        plic_region(&v->plic, "plic0", VIRT_PLIC_BASE),
        uart_region(&v->uart, "uart0", VIRT_UART0_BASE),
    };
    size_t n = 4;
    if (v->has_disk)
        regions[n++] = virtio_blk_region(&v->blk, "virtio0", VIRT_VIRTIO0_BASE);
    for (size_t i = 0; i < n; i++)
        if (!mmio_bus_add(bus, &regions[i])) {
            snprintf(err, errlen, "snapsim: internal error: bus region %s", regions[i].name);
            return -1;
        }
    return 0;
}

static struct virt_machine *new_machine(struct machine *m, bool has_disk)
{
    struct virt_machine *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->m = m;
    virt_console_init(&v->console, STDIN_FILENO);
    if (!init_devices(v, has_disk)) {   /* one hart: cannot happen */
        free(v);
        return NULL;
    }
    return v;
}

int virt_machine_create(struct machine *m, const struct virt_software *sw, char *err, size_t errlen)
{
    struct virt_machine *v = new_machine(m, sw->disk != NULL);
    if (!v) {
        snprintf(err, errlen, "snapsim: out of memory");
        return -1;
    }
    m->sys->virt = v;   /* machine_destroy frees it from here on */
    if (sw->disk && disk_image_open(&v->disk, sw->disk, err, errlen) != 0) {
        v->has_disk = false;   /* nothing to close */
        return -1;
    }
    if (sw->disk && !(v->disk_path = realpath(sw->disk, NULL))) {
        snprintf(err, errlen, "snapsim: %s: cannot resolve the disk's path", sw->disk);
        return -1;
    }
    if (map_devices(v, err, errlen) != 0 || virt_boot_load(m, sw, v->has_disk, err, errlen) != 0)
        return -1;
    schedule(v);
    return 0;
}

int virt_machine_create_for_restore(struct machine *m, bool has_disk, char *err, size_t errlen)
{
    struct virt_machine *v = new_machine(m, has_disk);
    if (!v) {
        snprintf(err, errlen, "snapsim: out of memory");
        return -1;
    }
    v->disk_pending = has_disk;
    m->sys->virt = v;
    priv_reset(&m->hart, 0);   /* a system-mode hart, for the snapshot's privileged state */
    return map_devices(v, err, errlen);
}

struct virt_machine *virt_machine_scratch(bool has_disk)
{
    struct virt_machine *v = new_machine(NULL, has_disk);
    if (v)
        v->console.in_fd = -1;   /* never read: the scratch machine only checks values */
    return v;
}

void virt_machine_resume(struct machine *m)
{
    struct virt_machine *v = m->sys->virt;
    uart_update_irq(&v->uart);
    if (v->has_disk)
        virtio_blk_update_irq(&v->blk);
    plic_update(&v->plic);
    clint_tick(&v->clint);
    schedule(v);
}

void virt_machine_free(struct virt_machine *v)
{
    if (!v)
        return;
    if (v->has_disk && !v->disk_pending)
        disk_image_close(&v->disk);
    free(v->disk_path);
    fflush(stdout);
    free(v);
}

void virt_machine_stats(const struct virt_machine *v, cJSON *core)
{
    cJSON_AddNumberToObject(core, "wfi_waits", (double)v->idle_wfi);
    cJSON_AddNumberToObject(core, "wfi_skipped_ticks", (double)v->idle_ticks);
    cJSON_AddNumberToObject(core, "console_tx_bytes", (double)v->console.tx_bytes);
    cJSON_AddNumberToObject(core, "console_rx_bytes", (double)v->console.rx_bytes);
    if (v->has_disk)
        cJSON_AddNumberToObject(core, "disk_dirty_blocks", (double)v->disk.ndirty);
}
