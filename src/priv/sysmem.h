/* The physical address space of a system-mode machine: RAM at a fixed base and the mmio bus
 * (platform/mmio.h) for everything else.  Physical accesses are made only after translation and
 * PMP (priv/mmu.h). */
#ifndef SNAPSIM_PRIV_SYSMEM_H
#define SNAPSIM_PRIV_SYSMEM_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "platform/mmio.h"

#define SYSMEM_RAM_BASE 0x80000000ull

struct sysmem {
    uint8_t *ram;
    uint64_t ram_base, ram_size;
    struct mmio_bus bus;
    /* A RAM address whose stores the machine must see at once (HTIF tohost); 0 = none. */
    uint64_t watch_pa;
    bool watch_hit;
};

/* Reserves `size` bytes of zeroed RAM at `base`; 0 or a negative errno. */
int sysmem_init(struct sysmem *s, uint64_t base, uint64_t size);
void sysmem_destroy(struct sysmem *s);

/* Host address of [pa, pa + size) if it is all RAM, else NULL. */
static inline uint8_t *sysmem_ram(const struct sysmem *s, uint64_t pa, uint64_t size)
{
    uint64_t off = pa - s->ram_base;
    if (off < s->ram_size && size <= s->ram_size - off)
        return s->ram + off;
    return NULL;
}

/* A store the machine watches went to RAM at pa. */
static inline void sysmem_note_store(struct sysmem *s, uint64_t pa, unsigned size)
{
    if (__builtin_expect(s->watch_pa != 0 && pa < s->watch_pa + 8 && pa + size > s->watch_pa, 0))
        s->watch_hit = true;
}

/* Loads and stores of 1, 2, 4 or 8 bytes at a physical address: RAM, else a device on the bus.
 * False for an access fault (nothing there, or the device refused). */
bool sysmem_read(const struct sysmem *s, uint64_t pa, unsigned size, uint64_t *v);
bool sysmem_write(struct sysmem *s, uint64_t pa, unsigned size, uint64_t v);

#endif
