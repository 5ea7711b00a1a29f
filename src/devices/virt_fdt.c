#include "devices/virt_fdt.h"

#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "devices/clint.h"
#include "devices/plic.h"
#include "devices/sifive_test.h"
#include "devices/uart16550.h"
#include "devices/virt_layout.h"
#include "devices/virtio_blk.h"
#include "snapshot/snap_error.h"

/* phandles: fixed numbers, so the blob is the same for the same configuration */
enum { PH_TEST = 1, PH_PLIC = 2, PH_CPU0 = 0x10 };
static uint32_t ph_cpu(unsigned h) { return PH_CPU0 + 2 * h; }
static uint32_t ph_intc(unsigned h) { return PH_CPU0 + 2 * h + 1; }

struct w {
    void *fdt;
    int rc;                        /* the first libfdt error */
};

static void chk(struct w *w, int rc) { if (!w->rc && rc) w->rc = rc; }
static void begin(struct w *w, const char *name) { chk(w, fdt_begin_node(w->fdt, name)); }
static void end(struct w *w) { chk(w, fdt_end_node(w->fdt)); }
static void str(struct w *w, const char *name, const char *v) { chk(w, fdt_property_string(w->fdt, name, v)); }
static void u32(struct w *w, const char *name, uint32_t v) { chk(w, fdt_property_u32(w->fdt, name, v)); }
static void empty(struct w *w, const char *name) { chk(w, fdt_property(w->fdt, name, NULL, 0)); }
/* A string list: the strings with their NULs, given as one literal "a\0b" (sizeof includes the
 * final NUL). */
static void strs(struct w *w, const char *name, const char *v, size_t len) { chk(w, fdt_property(w->fdt, name, v, (int)len)); }
#define STRS(w, name, lit) strs(w, name, lit, sizeof lit)

static void cells(struct w *w, const char *name, const uint32_t *v, size_t n)
{
    fdt32_t be[32];
    for (size_t i = 0; i < n; i++)
        be[i] = cpu_to_fdt32(v[i]);
    chk(w, fdt_property(w->fdt, name, be, (int)(n * sizeof be[0])));
}

static void reg(struct w *w, uint64_t base, uint64_t size)
{
    uint32_t r[4] = { (uint32_t)(base >> 32), (uint32_t)base, (uint32_t)(size >> 32), (uint32_t)size };
    cells(w, "reg", r, 4);
}

static void node_name(char *buf, size_t n, const char *what, uint64_t addr)
{
    snprintf(buf, n, "%s@%llx", what, (unsigned long long)addr);
}

static void cpus(struct w *w, const struct virt_fdt_config *cfg)
{
    char name[32];
    begin(w, "cpus");
    u32(w, "#address-cells", 1);
    u32(w, "#size-cells", 0);
    u32(w, "timebase-frequency", VIRT_TIMEBASE_HZ);
    for (unsigned h = 0; h < cfg->nharts; h++) {
        node_name(name, sizeof name, "cpu", h);
        begin(w, name);
        u32(w, "phandle", ph_cpu(h));
        str(w, "device_type", "cpu");
        u32(w, "reg", h);
        str(w, "status", "okay");
        str(w, "compatible", "riscv");
        str(w, "riscv,isa", cfg->isa);
        str(w, "mmu-type", cfg->mmu);
        begin(w, "interrupt-controller");
        u32(w, "#interrupt-cells", 1);
        empty(w, "interrupt-controller");
        str(w, "compatible", "riscv,cpu-intc");
        u32(w, "phandle", ph_intc(h));
        end(w);
        end(w);
    }
    begin(w, "cpu-map");
    begin(w, "cluster0");
    for (unsigned h = 0; h < cfg->nharts; h++) {
        snprintf(name, sizeof name, "core%u", h);
        begin(w, name);
        u32(w, "cpu", ph_cpu(h));
        end(w);
    }
    end(w);
    end(w);
    end(w);
}

/* interrupts-extended: for each hart, (its intc, a) and (its intc, b). */
static void irqs_per_hart(struct w *w, const struct virt_fdt_config *cfg, uint32_t a, uint32_t b)
{
    uint32_t v[4 * PLIC_MAX_HARTS];
    for (unsigned h = 0; h < cfg->nharts; h++) {
        v[4 * h] = ph_intc(h), v[4 * h + 1] = a;
        v[4 * h + 2] = ph_intc(h), v[4 * h + 3] = b;
    }
    cells(w, "interrupts-extended", v, 4 * cfg->nharts);
}

static void soc(struct w *w, const struct virt_fdt_config *cfg)
{
    char name[40];
    begin(w, "soc");
    u32(w, "#address-cells", 2);
    u32(w, "#size-cells", 2);
    str(w, "compatible", "simple-bus");
    empty(w, "ranges");

    node_name(name, sizeof name, "test", VIRT_TEST_BASE);
    begin(w, name);
    u32(w, "phandle", PH_TEST);
    reg(w, VIRT_TEST_BASE, SIFIVE_TEST_MMIO_SIZE);
    STRS(w, "compatible", "sifive,test1\0sifive,test0\0syscon");
    end(w);

    node_name(name, sizeof name, "serial", VIRT_UART0_BASE);
    begin(w, name);
    u32(w, "interrupts", VIRT_UART0_IRQ);
    u32(w, "interrupt-parent", PH_PLIC);
    u32(w, "clock-frequency", VIRT_UART_CLOCK_HZ);
    reg(w, VIRT_UART0_BASE, UART_MMIO_SIZE);
    str(w, "compatible", "ns16550a");
    end(w);

    if (cfg->has_disk) {
        node_name(name, sizeof name, "virtio_mmio", VIRT_VIRTIO0_BASE);
        begin(w, name);
        u32(w, "interrupts", VIRT_VIRTIO0_IRQ);
        u32(w, "interrupt-parent", PH_PLIC);
        reg(w, VIRT_VIRTIO0_BASE, VIRTIO_MMIO_SIZE);
        str(w, "compatible", "virtio,mmio");
        end(w);
    }

    node_name(name, sizeof name, "plic", VIRT_PLIC_BASE);
    begin(w, name);
    u32(w, "phandle", PH_PLIC);
    u32(w, "riscv,ndev", PLIC_NSOURCES - 1);
    reg(w, VIRT_PLIC_BASE, PLIC_MMIO_SIZE);
    irqs_per_hart(w, cfg, MIP_MEIP_BIT, MIP_SEIP_BIT);
    empty(w, "interrupt-controller");
    STRS(w, "compatible", "sifive,plic-1.0.0\0riscv,plic0");
    u32(w, "#address-cells", 0);
    u32(w, "#interrupt-cells", 1);
    end(w);

    node_name(name, sizeof name, "clint", VIRT_CLINT_BASE);
    begin(w, name);
    irqs_per_hart(w, cfg, MIP_MSIP_BIT, MIP_MTIP_BIT);
    reg(w, VIRT_CLINT_BASE, CLINT_MMIO_SIZE);
    STRS(w, "compatible", "sifive,clint0\0riscv,clint0");
    end(w);

    end(w);
}

/* The syscon nodes through which Linux powers off and reboots with the test device. */
static void syscon(struct w *w, const char *node, const char *compatible, uint32_t value)
{
    begin(w, node);
    u32(w, "value", value);
    u32(w, "offset", 0);
    u32(w, "regmap", PH_TEST);
    str(w, "compatible", compatible);
    end(w);
}

size_t virt_fdt_build(const struct virt_fdt_config *cfg, void *buf, size_t bufsize, char *err, size_t errlen)
{
    if (cfg->nharts == 0 || cfg->nharts > PLIC_MAX_HARTS) {
        snap_err(err, errlen, "the virt machine has 1 to %d harts, not %u", PLIC_MAX_HARTS, cfg->nharts);
        return 0;
    }
    if (cfg->initrd_end < cfg->initrd_start) {
        snap_err(err, errlen, "the initrd ends before it starts");
        return 0;
    }
    struct w w = { buf, fdt_create(buf, bufsize > INT32_MAX ? INT32_MAX : (int)bufsize) };
    chk(&w, fdt_finish_reservemap(buf));
    begin(&w, "");
    u32(&w, "#address-cells", 2);
    u32(&w, "#size-cells", 2);
    str(&w, "compatible", "riscv-virtio");
    str(&w, "model", "riscv-virtio,qemu");

    begin(&w, "chosen");
    if (cfg->initrd_start != cfg->initrd_end) {
        uint32_t s[2] = { (uint32_t)(cfg->initrd_start >> 32), (uint32_t)cfg->initrd_start };
        uint32_t e[2] = { (uint32_t)(cfg->initrd_end >> 32), (uint32_t)cfg->initrd_end };
        cells(&w, "linux,initrd-end", e, 2);
        cells(&w, "linux,initrd-start", s, 2);
    }
    if (cfg->bootargs)
        str(&w, "bootargs", cfg->bootargs);
    str(&w, "stdout-path", "/soc/serial@10000000");
    end(&w);

    syscon(&w, "poweroff", "syscon-poweroff", 0x5555);
    syscon(&w, "reboot", "syscon-reboot", 0x7777);

    char name[40];
    node_name(name, sizeof name, "memory", VIRT_RAM_BASE);
    begin(&w, name);
    str(&w, "device_type", "memory");
    reg(&w, VIRT_RAM_BASE, cfg->ram_size);
    end(&w);

    cpus(&w, cfg);
    soc(&w, cfg);
    end(&w);
    chk(&w, fdt_finish(buf));
    if (w.rc) {
        snap_err(err, errlen, "device tree: %s", fdt_strerror(w.rc));
        return 0;
    }
    return fdt_totalsize(buf);
}
