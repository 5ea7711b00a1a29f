/* The flattened device tree of the virt machine (libfdt), with QEMU virt's node names, layout
 * and properties for every device snapsim has: memory@80000000, cpus (riscv,isa, mmu-type,
 * timebase-frequency, each cpu's interrupt-controller), soc with clint@2000000, plic@c000000,
 * serial@10000000, virtio_mmio@10001000 and test@100000, the syscon poweroff and reboot nodes,
 * and chosen (bootargs, stdout-path, linux,initrd-start/end). */
#ifndef SNAPSIM_DEVICES_VIRT_FDT_H
#define SNAPSIM_DEVICES_VIRT_FDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct virt_fdt_config {
    unsigned nharts;              /* 1..PLIC_MAX_HARTS */
    uint64_t ram_size;
    const char *isa;              /* e.g. "rv64imafdc_zicsr_zifencei_zba_zbb_zbc_zbs" */
    const char *mmu;              /* "riscv,sv39" or "riscv,sv48" */
    const char *bootargs;         /* NULL: none */
    uint64_t initrd_start, initrd_end;   /* physical; both 0: no initrd */
    bool has_disk;                /* the virtio_mmio node */
};

/* Writes the tree into buf (a finished, packed blob).  Returns its size, or 0 with a one-line
 * message (a bad configuration or a buffer too small). */
size_t virt_fdt_build(const struct virt_fdt_config *cfg, void *buf, size_t bufsize, char *err, size_t errlen);

#endif
