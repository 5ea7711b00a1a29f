/* The virt machine's console: the UART's transmitted bytes go to standard output, its received
 * bytes come from standard input.
 *
 * Input never blocks the simulation while the guest runs: the machine polls at fixed instruction
 * counts (VIRT_CONSOLE_POLL) and at an idle wfi.  A regular file (or an empty input such as
 * /dev/null or a closed descriptor) is always ready, so what the guest receives, and when, is
 * the same in every run; a pipe or a terminal delivers bytes as they arrive, which is not
 * reproducible. */
#ifndef SNAPSIM_PLATFORM_VIRT_CONSOLE_H
#define SNAPSIM_PLATFORM_VIRT_CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

/* Instructions between two looks at standard input (1 ms of guest time at 1 GHz, roughly). */
enum { VIRT_CONSOLE_POLL = 1u << 20 };

struct virt_console {
    int in_fd;               /* -1 once the input ended (or failed) */
    bool in_always_ready;    /* a regular file: reads never wait */
    uint64_t rx_bytes, tx_bytes;
};

void virt_console_init(struct virt_console *c, int in_fd);
/* Can input still arrive? */
static inline bool virt_console_has_input(const struct virt_console *c) { return c->in_fd >= 0; }
/* Up to max bytes of input into buf.  wait: block until a byte arrives or the input ends (the
 * guest has nothing else to do). */
unsigned virt_console_read(struct virt_console *c, uint8_t *buf, unsigned max, bool wait);
/* The input ends here, as if it had reached its end (a LightSSS replay of a recorded end). */
static inline void virt_console_end_input(struct virt_console *c) { c->in_fd = -1; }
/* The UART's sink (struct uart16550.tx). */
void virt_console_tx(void *console, uint8_t byte);

#endif
