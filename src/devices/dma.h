/* A device's window onto guest physical memory (RAM only, never other devices), for bus-master
 * devices such as virtio that read and write rings and buffers the driver placed there.  Each
 * call is all or nothing: false (nothing copied) when any byte lies outside RAM. */
#ifndef SNAPSIM_DEVICES_DMA_H
#define SNAPSIM_DEVICES_DMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct dev_dma {
    bool (*read)(void *ctx, uint64_t pa, void *buf, size_t n);
    bool (*write)(void *ctx, uint64_t pa, const void *buf, size_t n);
    void *ctx;
};

#endif
