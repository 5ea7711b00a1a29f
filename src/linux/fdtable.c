/* The guest file descriptor table: guest fd numbers are allocated the Linux way (lowest free),
 * so they are the same in every run whatever host fds back them. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linux/syscall_internal.h"

int fd_install(struct linux_process *p, int minfd, int host_fd, int flags, bool cloexec,
               bool passthrough, const char *path)
{
    char *copy = strdup(path ? path : "");
    int limit = fd_limit(p);
    for (int fd = minfd < 0 ? 0 : minfd; copy && fd < limit; fd++) {
        struct linux_fd *f = &p->fds[fd];
        if (f->host_fd >= 0)
            continue;
        *f = (struct linux_fd){ .host_fd = host_fd, .flags = flags, .cloexec = cloexec,
                                .passthrough = passthrough, .path = copy, .offset = -1 };
        return fd;
    }
    free(copy);
    if (!passthrough)
        close(host_fd);
    return copy ? -EMFILE : -ENOMEM;
}

int fd_limit(const struct linux_process *p)
{
    return p->rlimits[7].cur < LINUX_MAX_FDS ? (int)p->rlimits[7].cur : LINUX_MAX_FDS;
}

struct linux_fd *fd_get(struct linux_process *p, int64_t fd)
{
    if (fd < 0 || fd >= LINUX_MAX_FDS || p->fds[fd].host_fd < 0)
        return NULL;
    return &p->fds[fd];
}

int fd_close(struct linux_process *p, int fd)
{
    struct linux_fd *f = fd_get(p, fd);
    if (!f)
        return -EBADF;
    if (!f->passthrough)
        close(f->host_fd);
    free(f->path);
    *f = (struct linux_fd){ .host_fd = -1 };
    return 0;
}

/* Flag bits with the same meaning on both sides; the access mode (low two bits) is universal. */
static const struct { int guest, host; } open_flag_map[] = {
    { G_O_CREAT, O_CREAT }, { G_O_EXCL, O_EXCL }, { G_O_NOCTTY, O_NOCTTY },
    { G_O_TRUNC, O_TRUNC }, { G_O_APPEND, O_APPEND }, { G_O_NONBLOCK, O_NONBLOCK },
    { G_O_DSYNC, O_DSYNC }, { G_O_ASYNC, O_ASYNC }, { G_O_DIRECT, O_DIRECT },
    { G_O_DIRECTORY, O_DIRECTORY }, { G_O_NOFOLLOW, O_NOFOLLOW }, { G_O_NOATIME, O_NOATIME },
    { G_O_CLOEXEC, O_CLOEXEC }, { G_O_SYNC, O_SYNC }, { G_O_PATH, O_PATH },
    { G_O_TMPFILE, O_TMPFILE },
};

int open_flags_to_host(int guest)
{
    int host = guest & O_ACCMODE;
    for (size_t i = 0; i < sizeof open_flag_map / sizeof open_flag_map[0]; i++)
        if ((guest & open_flag_map[i].guest) == open_flag_map[i].guest)
            host |= open_flag_map[i].host;
    return host;
}

int open_flags_to_guest(int host)
{
    /* A 64-bit kernel reports every file as O_LARGEFILE; the host's libc may define it as 0. */
    int guest = (host & O_ACCMODE) | G_O_LARGEFILE;
    for (size_t i = 0; i < sizeof open_flag_map / sizeof open_flag_map[0]; i++)
        if ((host & open_flag_map[i].host) == open_flag_map[i].host)
            guest |= open_flag_map[i].guest;
    return guest;
}
