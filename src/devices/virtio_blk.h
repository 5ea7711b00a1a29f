/* virtio-mmio (version 2, "modern") block device with one split virtqueue, as the kernel's
 * virtio_mmio and virtio_blk drivers use it.
 *
 * Requests are served synchronously when the driver writes QueueNotify: every new chain of the
 * available ring is read from guest RAM through the dma window, performed on the disk image
 * (read, write, flush, get-id; anything else answers UNSUPP), and put on the used ring; then
 * InterruptStatus bit 0 is set and the interrupt line (a PLIC source) raised, unless the driver
 * asked for no interrupts.  So no request is ever in flight between two bus accesses, and the
 * device's snapshot state is its registers and the ring position (last_avail).
 *
 * A driver error (a descriptor outside RAM, a malformed chain, a bad queue size) sets the
 * DEVICE_NEEDS_RESET status bit and stops the queue, as the specification allows. */
#ifndef SNAPSIM_DEVICES_VIRTIO_BLK_H
#define SNAPSIM_DEVICES_VIRTIO_BLK_H

#include <stdbool.h>
#include <stdint.h>

#include "devices/disk_image.h"
#include "devices/dma.h"
#include "devices/irq_line.h"
#include "platform/mmio.h"

enum {
    VIRTIO_MMIO_SIZE = 0x1000,
    VIRTIO_BLK_QUEUE_MAX = 128,
    VIRTIO_BLK_ID_BYTES = 20,
    /* status bits */
    VIRTIO_STATUS_ACKNOWLEDGE = 1, VIRTIO_STATUS_DRIVER = 2, VIRTIO_STATUS_DRIVER_OK = 4,
    VIRTIO_STATUS_FEATURES_OK = 8, VIRTIO_STATUS_NEEDS_RESET = 0x40, VIRTIO_STATUS_FAILED = 0x80,
};
/* offered features: SEG_MAX (2), RO (5, read-only disks), BLK_SIZE (6), FLUSH (9), VERSION_1 (32) */
#define VIRTIO_BLK_F_SEG_MAX   (1ull << 2)
#define VIRTIO_BLK_F_RO        (1ull << 5)
#define VIRTIO_BLK_F_BLK_SIZE  (1ull << 6)
#define VIRTIO_BLK_F_FLUSH     (1ull << 9)
#define VIRTIO_F_VERSION_1     (1ull << 32)

struct virtio_blk {
    /* guest-visible registers */
    uint32_t status;
    uint32_t device_features_sel, driver_features_sel;
    uint64_t driver_features;
    uint32_t queue_sel;              /* only queue 0 exists */
    uint32_t queue_num;
    bool queue_ready;
    uint64_t desc_addr, avail_addr, used_addr;
    uint16_t last_avail;             /* next available-ring entry to serve */
    uint16_t used_idx;               /* the used ring's idx as last written */
    uint32_t interrupt_status;
    /* configuration (not state) */
    uint64_t features;               /* what the device offers */
    char id[VIRTIO_BLK_ID_BYTES];    /* the get-id answer, NUL-padded */
    struct disk_image *disk;
    struct dev_dma dma;
    struct irq_line irq;
};

/* read_only offers VIRTIO_BLK_F_RO and answers writes with IOERR. */
void virtio_blk_init(struct virtio_blk *v, struct disk_image *disk, bool read_only, const char *id,
                     struct dev_dma dma, struct irq_line irq);
struct mmio_region virtio_blk_region(struct virtio_blk *v, const char *name, uint64_t base);
/* Drives the interrupt line from interrupt_status (after a restore). */
void virtio_blk_update_irq(struct virtio_blk *v);

#endif
