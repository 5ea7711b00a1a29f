/* Snapshot classes of the virt machine's devices (src/devices): every guest-visible register
 * and queue as typed attributes.  Restoring refuses values a device could never hold (a FIFO
 * longer than the hardware's, a priority above 7, a queue size that is not a power of two...),
 * so a restored device behaves exactly as the saved one.  The connections (interrupt lines,
 * host sinks, the disk, RAM access) are the machine's: a restore sets state only, and the
 * machine then re-drives the interrupt lines (uart_update_irq, clint_tick, plic_update,
 * virtio_blk_update_irq).  The SiFive test device has no state and no class. */
#ifndef SNAPSIM_CHECKPOINT_DEVICE_CLASS_H
#define SNAPSIM_CHECKPOINT_DEVICE_CLASS_H

#include <stddef.h>

#include "snapshot/registry.h"

extern const struct snap_class_def ckpt_uart_class;      /* "ns16550a": struct uart16550 */
extern const struct snap_class_def ckpt_clint_class;     /* "clint": struct clint */
extern const struct snap_class_def ckpt_plic_class;      /* "plic": struct plic */
extern const struct snap_class_def ckpt_virtio_blk_class; /* "virtio-mmio-blk": struct virtio_blk */

/* Adds the four classes to reg; 0, or -1 with a message. */
int ckpt_device_classes_add(struct snap_registry *reg, char *err, size_t errlen);

#endif
