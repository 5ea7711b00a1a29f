/* The virt machine's boot, as QEMU's virt machine does it: the firmware at RAM's base, the
 * kernel at VIRT_KERNEL_BASE, the initrd above it, a generated device tree near the top of RAM,
 * and the hart in M-mode at RAM's base with a0 = hart id, a1 = the device tree's address. */
#ifndef SNAPSIM_PLATFORM_VIRT_BOOT_H
#define SNAPSIM_PLATFORM_VIRT_BOOT_H

#include <stdbool.h>
#include <stddef.h>

struct machine;
struct virt_software;

/* 0, or -1 with a one-line reason in err (a file missing, unreadable, or not fitting in RAM). */
int virt_boot_load(struct machine *m, const struct virt_software *sw, bool has_disk, char *err, size_t errlen);

#endif
