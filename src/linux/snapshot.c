/* What a snapshot needs from the Linux layer: host file state turned into plain data (file
 * positions, shared mappings written back) and, on restore, host descriptors recreated. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linux/syscall_internal.h"

void linux_snapshot_prepare(struct machine *m)
{
    struct linux_process *p = m->proc;
    shared_map_flush(m);
    for (int i = 0; i < LINUX_MAX_FDS; i++) {
        struct linux_fd *f = &p->fds[i];
        if (f->host_fd >= 0)
            f->offset = f->passthrough ? -1 : lseek(f->host_fd, 0, SEEK_CUR);
    }
}

/* Reopens path with the guest's flags minus those that only make sense at creation. */
static int reopen(const char *path, int guest_flags)
{
    int flags = guest_flags & ~(G_O_CREAT | G_O_EXCL | G_O_TRUNC | G_O_TMPFILE);
    return open(path, open_flags_to_host(flags) | O_CLOEXEC);
}

/* After a failed restore: forgets the entries from fd `from` and shared map `from_map` on, whose
 * host descriptors are stale numbers from another process and must never be closed. */
static bool abandon(struct linux_process *p, int from, unsigned from_map)
{
    for (int i = from; i < LINUX_MAX_FDS; i++) {
        struct linux_fd *f = &p->fds[i];
        if (f->host_fd >= 0 && !f->passthrough) {
            free(f->path);
            *f = (struct linux_fd){ .host_fd = -1 };
        }
    }
    for (unsigned i = from_map; i < p->nshared; i++)
        free(p->shared[i].path);
    if (p->nshared > from_map)
        p->nshared = from_map;
    return false;
}

bool linux_snapshot_reopen(struct linux_process *p, char *err, size_t errlen)
{
    for (int i = 0; i < LINUX_MAX_FDS; i++) {
        struct linux_fd *f = &p->fds[i];
        if (f->host_fd < 0)
            continue;
        if (f->passthrough)
            continue;   /* host_fd is 0, 1 or 2: the simulator's own stdio */
        if (!f->path || f->path[0] != '/' || proc_self_entry(p, f->path)) {
            snprintf(err, errlen, "snapsim: cannot restore guest fd %d (%s): not a regular file", i,
                     f->path ? f->path : "?");
            return abandon(p, i, 0);
        }
        int fd = reopen(f->path, f->flags);
        if (fd < 0 || (f->offset >= 0 && lseek(fd, f->offset, SEEK_SET) != f->offset)) {
            snprintf(err, errlen, "snapsim: cannot restore guest fd %d: %s: %s", i, f->path,
                     strerror(errno));
            if (fd >= 0)
                close(fd);
            return abandon(p, i, 0);
        }
        f->host_fd = fd;
    }
    for (unsigned i = 0; i < p->nshared; i++) {
        struct linux_shared_map *s = &p->shared[i];
        s->host_fd = reopen(s->path, s->writable ? 2 /* O_RDWR */ : 0 /* O_RDONLY */);
        if (s->host_fd < 0) {
            snprintf(err, errlen, "snapsim: cannot restore shared mapping of %s: %s", s->path,
                     strerror(errno));
            return abandon(p, LINUX_MAX_FDS, i);
        }
    }
    return true;
}
