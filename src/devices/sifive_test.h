/* The SiFive test device ("finisher") of QEMU's virt machine: a 32-bit write to offset 0 with
 * 0x5555 in the low half powers the machine off (exit status 0), 0x3333 fails it with the exit
 * status in the high half, 0x7777 resets it; other values are ignored.  A 16-bit write of the code
 * alone (as OpenSBI's system reset does) counts too, with exit status 0.  OpenSBI's system reset
 * and Linux's syscon-poweroff both use it.  The device holds no state of its own: the stop is
 * reported to the machine through the callback. */
#ifndef SNAPSIM_DEVICES_SIFIVE_TEST_H
#define SNAPSIM_DEVICES_SIFIVE_TEST_H

#include <stdint.h>

#include "platform/mmio.h"

enum { SIFIVE_TEST_MMIO_SIZE = 0x1000 };
enum sifive_test_stop { SIFIVE_TEST_PASS, SIFIVE_TEST_FAIL, SIFIVE_TEST_RESET };

struct sifive_test {
    void (*stop)(void *ctx, enum sifive_test_stop how, unsigned exit_status);
    void *ctx;
};

struct mmio_region sifive_test_region(struct sifive_test *t, const char *name, uint64_t base);

#endif
