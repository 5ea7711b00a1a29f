#include "devices/sifive_test.h"

static bool test_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    (void)dev, (void)off, (void)size;
    *val = 0;
    return true;
}

static bool test_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    struct sifive_test *t = dev;
    /* OpenSBI writes the code alone, 16 bits wide (writew); the status needs a 32-bit write. */
    if (off != 0 || size < 2)
        return true;
    unsigned code = (unsigned)(val & 0xffff), status = (unsigned)(val >> 16 & 0xffff);
    if (code == 0x5555)
        t->stop(t->ctx, SIFIVE_TEST_PASS, 0);
    else if (code == 0x3333)
        t->stop(t->ctx, SIFIVE_TEST_FAIL, status);
    else if (code == 0x7777)
        t->stop(t->ctx, SIFIVE_TEST_RESET, 0);
    return true;
}

struct mmio_region sifive_test_region(struct sifive_test *t, const char *name, uint64_t base)
{
    return (struct mmio_region){ name, base, SIFIVE_TEST_MMIO_SIZE, t, test_read, test_write };
}
