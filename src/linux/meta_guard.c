/* The one way guest metadata changes reach host files (meta_guard.h). */
#include "linux/meta_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_ROOTS 64

static char *roots[MAX_ROOTS];
static size_t nroots;
static bool confined;

int linux_meta_confine(const char *const *dirs, size_t n)
{
    if (n > MAX_ROOTS) {
        errno = E2BIG;
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        char *real = realpath(dirs[i], NULL);
        if (!real)
            return -1;
        roots[nroots++] = real;
    }
    confined = true;
    return 0;
}

/* Is the file behind fd inside a root?  /proc/self/fd names where it was opened, symbolic
 * links resolved; a deleted file (" (deleted)") or one the kernel cannot name is refused. */
static bool inside(int fd)
{
    char proc[64], where[PATH_MAX];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(proc, where, sizeof where - 1);
    if (n <= 0 || where[0] != '/')
        return false;
    where[n] = 0;
    for (size_t i = 0; i < nroots; i++) {
        size_t len = strlen(roots[i]);
        if (!strncmp(where, roots[i], len) && (where[len] == '/' || where[len] == 0 || len == 1))
            return true;
    }
    return false;
}

/* The change on the file a pinned O_PATH fd refers to: through /proc/self/fd for mode and
 * times, AT_EMPTY_PATH for the owner (which also reaches a symbolic link itself). */
static int apply(int fd, const struct linux_meta_change *c)
{
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    int rc;
    switch (c->op) {
    case LINUX_META_MODE:
        rc = chmod(proc, c->mode);
        break;
    case LINUX_META_OWNER:
        rc = fchownat(fd, "", c->uid, c->gid, AT_EMPTY_PATH);
        break;
    default:
        rc = utimensat(AT_FDCWD, proc, c->times, 0);
        break;
    }
    return rc != 0 ? -errno : 0;
}

int linux_meta_change_fd(int host_fd, const struct linux_meta_change *c)
{
    if (confined && !inside(host_fd))
        return -EACCES;
    int rc = c->op == LINUX_META_MODE    ? fchmod(host_fd, c->mode)
             : c->op == LINUX_META_OWNER ? fchown(host_fd, c->uid, c->gid)
                                         : futimens(host_fd, c->times);
    return rc != 0 ? -errno : 0;
}

int linux_meta_change_path(const char *path, bool follow, const struct linux_meta_change *c)
{
    if (!confined) {
        int flags = follow ? 0 : AT_SYMLINK_NOFOLLOW, rc;
        switch (c->op) {
        case LINUX_META_MODE:
            rc = fchmodat(AT_FDCWD, path, c->mode, 0);
            break;
        case LINUX_META_OWNER:
            rc = fchownat(AT_FDCWD, path, c->uid, c->gid, flags);
            break;
        default:
            rc = utimensat(AT_FDCWD, path, c->times, flags);
            break;
        }
        return rc != 0 ? -errno : 0;
    }
    int fd = open(path, O_PATH | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
    if (fd < 0)
        return -errno;
    int rc = inside(fd) ? apply(fd, c) : -EACCES;
    close(fd);
    return rc;
}
