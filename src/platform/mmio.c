/* A linear search is right here: a virt machine has a handful of regions, and device accesses are
 * rare next to RAM accesses, which never reach the bus. */
#include "platform/mmio.h"

bool mmio_bus_add(struct mmio_bus *bus, const struct mmio_region *r)
{
    if (bus->count == MMIO_MAX_REGIONS || r->size == 0 || r->base + r->size < r->base)
        return false;
    for (size_t i = 0; i < bus->count; i++) {
        const struct mmio_region *o = &bus->region[i];
        if (r->base < o->base + o->size && o->base < r->base + r->size)
            return false;
    }
    bus->region[bus->count++] = *r;
    return true;
}

const struct mmio_region *mmio_bus_find(const struct mmio_bus *bus, uint64_t pa, unsigned size)
{
    for (size_t i = 0; i < bus->count; i++) {
        const struct mmio_region *r = &bus->region[i];
        if (pa >= r->base && pa - r->base < r->size && size <= r->size - (pa - r->base))
            return r;
    }
    return NULL;
}

bool mmio_bus_read(const struct mmio_bus *bus, uint64_t pa, unsigned size, uint64_t *val)
{
    const struct mmio_region *r = mmio_bus_find(bus, pa, size);
    return r && r->read && r->read(r->dev, pa - r->base, size, val);
}

bool mmio_bus_write(const struct mmio_bus *bus, uint64_t pa, unsigned size, uint64_t val)
{
    const struct mmio_region *r = mmio_bus_find(bus, pa, size);
    return r && r->write && r->write(r->dev, pa - r->base, size, val);
}
