/* The HTIF host interface as riscv-tests and riscv-arch-test use it: the guest writes a command
 * to the 64-bit word `tohost`.  An odd value ends the run, (code << 1) | 1 with code 0 for pass;
 * device 1 command 1 writes the low byte to the console and answers in `fromhost`. */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "core/machine.h"
#include "priv/system.h"

enum { HTIF_DEV_CONSOLE = 1, HTIF_CONSOLE_PUTCHAR = 1 };

static uint64_t read_word(const struct sysmem *mem, uint64_t pa)
{
    uint64_t v = 0;
    sysmem_read(mem, pa, 8, &v);
    return v;
}

void htif_tohost(struct machine *m)
{
    struct sysmem *mem = &m->sys->mem;
    mem->watch_hit = false;
    uint64_t cmd = read_word(mem, m->sys->tohost_pa);
    if (cmd == 0)
        return;
    unsigned dev = (unsigned)(cmd >> 56), what = (unsigned)(cmd >> 48) & 0xff;
    if (dev == 0 && (cmd & 1)) {
        /* Exit statuses are 8 bits: a failing test number above 255 must not read as a pass. */
        uint64_t code = (cmd << 8) >> 9;
        machine_exit(m, code > 255 ? 255 : (int)code);
    } else if (dev == HTIF_DEV_CONSOLE && what == HTIF_CONSOLE_PUTCHAR) {
        putchar((int)(cmd & 0xff));
        if (m->sys->fromhost_pa)
            sysmem_write(mem, m->sys->fromhost_pa, 8, (uint64_t)dev << 56 | (uint64_t)what << 48);
    } else {
        /* The proxy system calls (a pointer to a block of arguments) are not provided. */
        log_msg("unsupported HTIF command 0x%016llx written to tohost", (unsigned long long)cmd);
        m->halt = HALT_ERROR;
        m->exit_status = 1;
    }
    sysmem_write(mem, m->sys->tohost_pa, 8, 0);
    mem->watch_hit = false;
}
