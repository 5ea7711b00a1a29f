/* ppoll: readiness comes from the host.  A timeout that expires advances the guest clock by the
 * full timeout, so with virtual time a poll that times out looks the same in every run. */
#include <poll.h>
#include <stdlib.h>

#include "linux/syscall_internal.h"

#define MAX_POLL_FDS 4096

SYSCALL(ppoll)
{
    uint64_t nfds = a[1];
    if (nfds > MAX_POLL_FDS || nfds > m->proc->rlimits[7].cur)
        return -EINVAL;
    uint64_t timeout_ns = 0;
    bool forever = a[2] == 0;
    if (!forever) {
        int rc = timespec_from_guest(m, a[2], &timeout_ns);
        if (rc != 0)
            return rc;
    }
    if (nfds == 0 && forever) {   /* pause(): only a signal ends it */
        uint64_t set;
        if (a[3]) {
            if (a[4] != 8)
                return -EINVAL;
            if (mem_read(&m->mem, a[3], &set, sizeof set) != 0)
                return -EFAULT;
            m->proc->suspend_saved_mask = m->proc->sigmask;
            m->proc->suspended = true;
            m->proc->sigmask = set & ~G_SIG_UNBLOCKABLE;
        }
        return signal_wait(m);
    }
    struct { int32_t fd; int16_t events, revents; } g;
    struct pollfd *h = calloc(nfds ? nfds : 1, sizeof *h);
    if (!h)
        return -ENOMEM;
    int64_t result = 0;
    for (uint64_t i = 0; i < nfds && result == 0; i++) {
        if (mem_read(&m->mem, a[0] + i * sizeof g, &g, sizeof g) != 0) {
            result = -EFAULT;
            break;
        }
        struct linux_fd *f = g.fd >= 0 ? fd_get(m->proc, g.fd) : NULL;
        /* Negative fds are skipped; closed ones report POLLNVAL, as the kernel does. */
        h[i] = (struct pollfd){ .fd = g.fd < 0 ? -1 : f ? f->host_fd : -1, .events = g.events };
        if (g.fd >= 0 && !f)
            h[i].revents = POLLNVAL;
    }
    if (result == 0) {
        /* POLL* bit values are the same on every Linux architecture. */
        int ms = forever ? -1 : timeout_ns / 1000000 > 60000000 ? 60000000 : (int)(timeout_ns / 1000000);
        int n = 0;
        for (uint64_t i = 0; i < nfds; i++)
            n += h[i].revents == POLLNVAL;
        if (n == 0) {
            n = poll(h, nfds, m->proc->opt.host_time ? ms : (forever ? -1 : 0));
            if (n < 0)
                result = -errno;
            else if (n == 0 && !forever && !m->proc->opt.host_time && clock_sleep_ns(m, timeout_ns))
                result = -EINTR;
        }
        for (uint64_t i = 0; i < nfds && result == 0; i++) {
            int16_t rev = h[i].revents;
            if (mem_write(&m->mem, a[0] + i * sizeof g + 6, &rev, 2) != 0)
                result = -EFAULT;
        }
        if (result == 0)
            result = n;
    }
    free(h);
    return result;
}
