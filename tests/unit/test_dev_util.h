/* Shared by the device unit tests: a fake machine around the devices -- a bus, a clock the test
 * sets, the harts' interrupt lines as a mip word each, a small RAM for DMA -- and helpers for
 * bus accesses that must succeed. */
#ifndef SNAPSIM_TEST_DEV_UTIL_H
#define SNAPSIM_TEST_DEV_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "devices/dma.h"
#include "platform/mmio.h"

enum { FAKE_HARTS = 4, FAKE_RAM_BASE = 0x80000000, FAKE_RAM_SIZE = 1 << 20 };

struct fake_machine {
    struct mmio_bus bus;
    struct mmio_host host;
    uint64_t now;
    uint64_t mip[FAKE_HARTS];
    unsigned irq_calls;
    uint8_t ram[FAKE_RAM_SIZE];
};

static void fake_set_irq(void *ctx, unsigned hart, unsigned bit, bool level)
{
    struct fake_machine *m = ctx;
    assert_true(hart < FAKE_HARTS);
    m->mip[hart] = level ? m->mip[hart] | 1ull << bit : m->mip[hart] & ~(1ull << bit);
    m->irq_calls++;
}

static uint64_t fake_now(void *ctx) { return ((struct fake_machine *)ctx)->now; }

static bool fake_ram_range(uint64_t pa, size_t n)
{
    return pa >= FAKE_RAM_BASE && pa - FAKE_RAM_BASE <= FAKE_RAM_SIZE && n <= FAKE_RAM_SIZE - (pa - FAKE_RAM_BASE);
}

static bool fake_dma_read(void *ctx, uint64_t pa, void *buf, size_t n)
{
    if (!fake_ram_range(pa, n))
        return false;
    memcpy(buf, ((struct fake_machine *)ctx)->ram + (pa - FAKE_RAM_BASE), n);
    return true;
}

static bool fake_dma_write(void *ctx, uint64_t pa, const void *buf, size_t n)
{
    if (!fake_ram_range(pa, n))
        return false;
    memcpy(((struct fake_machine *)ctx)->ram + (pa - FAKE_RAM_BASE), buf, n);
    return true;
}

static inline void fake_init(struct fake_machine *m)
{
    memset(m, 0, sizeof *m);
    m->host = (struct mmio_host){ m, fake_set_irq, fake_now };
}

static inline struct dev_dma fake_dma(struct fake_machine *m)
{
    return (struct dev_dma){ fake_dma_read, fake_dma_write, m };
}

static inline void fake_add(struct fake_machine *m, struct mmio_region r) { assert_true(mmio_bus_add(&m->bus, &r)); }

static inline uint64_t rd(struct fake_machine *m, uint64_t pa, unsigned size)
{
    uint64_t v = 0xdeadbeef;
    assert_true(mmio_bus_read(&m->bus, pa, size, &v));
    return v;
}

static inline void wr(struct fake_machine *m, uint64_t pa, unsigned size, uint64_t v)
{
    assert_true(mmio_bus_write(&m->bus, pa, size, v));
}

static inline uint8_t *ram_at(struct fake_machine *m, uint64_t pa) { return m->ram + (pa - FAKE_RAM_BASE); }

#endif
