/* The virt machine: QEMU virt's devices around a system-mode hart, so that Debian's OpenSBI
 * (generic platform) and a stock Linux kernel boot unmodified.
 *
 * struct virt_machine owns the devices (CLINT, PLIC, NS16550A UART, virtio-mmio block device on
 * a disk image, SiFive test device) and their glue to the machine: the bus regions in
 * m->sys->mem.bus, interrupt lines into the hart's mip, a DMA window onto RAM, the console
 * (UART TX to standard output, RX from standard input, virt_console.c) and the clock.  The hart
 * and RAM stay in struct machine / struct system; m->sys->virt points here.
 *
 * Time: mtime is the machine's deterministic clock, machine_time() (derived from retired
 * instructions, never the host clock).  The interpreter calls virt_machine_tick when the hart's
 * instret reaches m->sys->event_at (the next timer deadline or console poll), and
 * virt_machine_idle for a wfi with nothing pending, which moves the clock on to the next
 * deadline instead of retiring empty instructions. */
#ifndef SNAPSIM_PLATFORM_VIRT_MACHINE_H
#define SNAPSIM_PLATFORM_VIRT_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#include "devices/clint.h"
#include "devices/disk_image.h"
#include "devices/plic.h"
#include "devices/sifive_test.h"
#include "devices/uart16550.h"
#include "devices/virtio_blk.h"
#include "platform/mmio.h"
#include "platform/virt_console.h"

struct machine;

/* What the machine boots (the paths of --bios, --kernel, --initrd, --disk, --append). */
struct virt_software {
    const char *bios;       /* raw firmware at RAM's base (OpenSBI fw_jump.bin) */
    const char *kernel;     /* raw kernel Image at VIRT_KERNEL_BASE; NULL: firmware alone */
    const char *initrd;     /* NULL: none */
    const char *disk;       /* virtio-blk's base image, never written; NULL: no disk */
    const char *append;     /* the kernel command line (chosen/bootargs); NULL: none */
};

/* Debian's OpenSBI for QEMU virt (package opensbi), the default --bios. */
#define VIRT_DEFAULT_BIOS "/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin"
/* Where fw_jump jumps to (OpenSBI generic's FW_JUMP_ADDR on RV64), as QEMU loads -kernel. */
#define VIRT_KERNEL_BASE 0x80200000ull

struct virt_machine {
    struct machine *m;
    struct mmio_host host;
    struct clint clint;
    struct plic plic;
    struct uart16550 uart;
    struct sifive_test test;
    struct disk_image disk;
    struct virtio_blk blk;
    bool has_disk;
    bool disk_pending;          /* a restore has yet to load the disk's content */
    char *disk_path;            /* the real path of the disk's base image (NULL: none or restored) */
    struct virt_console console;
    /* statistics */
    uint64_t idle_wfi;          /* wfi instructions that waited for an interrupt */
    uint64_t idle_ticks;        /* timebase ticks skipped while waiting */
};

/* Builds the devices of a system-mode machine (machine_init_system) and loads its software:
 * firmware, kernel, initrd and device tree in RAM, the hart reset at RAM's base with a0 = hart
 * id and a1 = the device tree's address.  0, or -1 with a one-line reason in err. */
int virt_machine_create(struct machine *m, const struct virt_software *sw, char *err, size_t errlen);
void virt_machine_free(struct virt_machine *v);

/* Restoring a snapshot of the virt machine: the devices on the bus, wired as virt_machine_create
 * wires them, but no software loaded and (has_disk) a disk whose content the restore loads
 * (then clearing disk_pending); the hart is reset to a system-mode hart for the snapshot's state. */
int virt_machine_create_for_restore(struct machine *m, bool has_disk, char *err, size_t errlen);
/* After the devices' state was restored: drives every interrupt line from it and schedules the
 * next event (event_at), so that the run continues as the saved one would have. */
void virt_machine_resume(struct machine *m);
/* Devices alone, wired to no machine (NULL when memory ran out), for `snapshot verify` to check a
 * snapshot's device values against; freed with virt_machine_free. */
struct virt_machine *virt_machine_scratch(bool has_disk);

/* The hart reached m->sys->event_at: brings the timer interrupt up to date, polls the console
 * and sets the next event_at. */
void virt_machine_tick(struct machine *m);
/* A wfi retires with no enabled interrupt pending: the clock moves on to the next timer
 * deadline (or the run waits for console input); when nothing can ever wake the hart the run
 * ends with an error. */
void virt_machine_idle(struct machine *m);
/* The statistics of the devices and the clock (stats.json's core object). */
void virt_machine_stats(const struct virt_machine *v, cJSON *core);

#endif
