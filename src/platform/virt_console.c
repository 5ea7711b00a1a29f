#include "platform/virt_console.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

void virt_console_init(struct virt_console *c, int in_fd)
{
    struct stat st;
    *c = (struct virt_console){ .in_fd = -1 };
    if (in_fd < 0 || fstat(in_fd, &st) != 0)
        return;   /* no input at all: the guest receives nothing */
    c->in_fd = in_fd;
    c->in_always_ready = S_ISREG(st.st_mode);
}

static void input_ended(struct virt_console *c) { c->in_fd = -1; }

unsigned virt_console_read(struct virt_console *c, uint8_t *buf, unsigned max, bool wait)
{
    if (c->in_fd < 0 || max == 0)
        return 0;
    if (!c->in_always_ready) {
        /* What the guest printed so far is on the terminal before it waits for an answer. */
        fflush(stdout);
        struct pollfd p = { .fd = c->in_fd, .events = POLLIN };
        /* An interrupted wait (SIGINT) returns: the run loop then ends the run. */
        if (poll(&p, 1, wait ? -1 : 0) <= 0)
            return 0;
    }
    ssize_t got;
    do
        got = read(c->in_fd, buf, max);
    while (got < 0 && errno == EINTR);
    if (got <= 0) {
        input_ended(c);
        return 0;
    }
    c->rx_bytes += (uint64_t)got;
    return (unsigned)got;
}

void virt_console_tx(void *console, uint8_t byte)
{
    struct virt_console *c = console;
    c->tx_bytes++;
    putchar(byte);
}
