/* The physical bus of a full-system machine: what lies beside RAM.  A device is a region of
 * physical addresses with read and write callbacks; the bus finds the region an access falls in.
 * Harts see devices only through this interface, so a model's memory path needs no knowledge of
 * any device, and a device needs none of any model.
 *
 * Interrupts go the other way: a device drives a level on an interrupt line of a hart (a bit of
 * mip, e.g. MTIP = 7, SEIP = 9, MEIP = 11) through the machine's irq callback.  Time is the
 * machine's deterministic clock (derived from retired instructions or model cycles, never the host
 * clock), so a run's device behaviour is the same on any machine and across snapshot/restore. */
#ifndef SNAPSIM_PLATFORM_MMIO_H
#define SNAPSIM_PLATFORM_MMIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct mmio_region {
    const char *name;        /* the device's object name in snapshots, e.g. "uart0" */
    uint64_t base, size;     /* physical address range [base, base + size) */
    void *dev;
    /* size is 1, 2, 4 or 8 and off is within the region; return false for an access fault. */
    bool (*read)(void *dev, uint64_t off, unsigned size, uint64_t *val);
    bool (*write)(void *dev, uint64_t off, unsigned size, uint64_t val);
};

/* What devices may call on the machine they are part of. */
struct mmio_host {
    void *ctx;
    void (*set_irq)(void *ctx, unsigned hart, unsigned mip_bit, bool level);
    uint64_t (*now)(void *ctx);          /* machine time in timebase ticks */
};

enum { MMIO_MAX_REGIONS = 32 };

struct mmio_bus {
    struct mmio_region region[MMIO_MAX_REGIONS];
    size_t count;
};

/* Adds a region; false if it overlaps another or the bus is full. */
bool mmio_bus_add(struct mmio_bus *bus, const struct mmio_region *r);
/* The region holding [pa, pa + size), or NULL. */
const struct mmio_region *mmio_bus_find(const struct mmio_bus *bus, uint64_t pa, unsigned size);
/* False when no region holds the access or the device refuses it (an access fault for the hart). */
bool mmio_bus_read(const struct mmio_bus *bus, uint64_t pa, unsigned size, uint64_t *val);
bool mmio_bus_write(const struct mmio_bus *bus, uint64_t pa, unsigned size, uint64_t val);

#endif
