#include "snapshot/open_beneath.h"
#include "snapshot/snap_error.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_openat2
#define SYS_openat2 437
#endif
#define RESOLVE_NO_MAGICLINKS_ 0x02
#define RESOLVE_NO_SYMLINKS_   0x04
#define RESOLVE_BENEATH_       0x08

/* struct open_how of the kernel ABI (linux/openat2.h is missing from older headers). */
struct open_how_ {
    uint64_t flags, mode, resolve;
};

int snap_check_relative(const char *rel, size_t len, const char *what, char *err, size_t errlen)
{
    if (strlen(rel) != len)
        return snap_err(err, errlen, "%s: NUL byte in the name", what);
    if (!*rel)
        return snap_err(err, errlen, "%s: empty path", what);
    if (len >= PATH_MAX)
        return snap_err(err, errlen, "%s: path too long", what);
    if (rel[0] == '/')
        return snap_err(err, errlen, "%s: absolute path not allowed here", what);
    for (const char *p = rel; *p;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.') || (n == 2 && p[0] == '.' && p[1] == '.'))
            return snap_err(err, errlen, "%s: path component '%.*s' not allowed", what, (int)n, p);
        p += n + (slash != NULL);
        if (slash && !*p)
            return snap_err(err, errlen, "%s: trailing '/' not allowed", what);
    }
    return 0;
}

/* Without openat2: every directory component with O_NOFOLLOW | O_DIRECTORY, the last one with
 * O_NOFOLLOW.  ".." was refused beforehand, so this stays below dir_fd. */
static int walk_nofollow(int dir_fd, const char *rel, int flags)
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", rel);
    int cur = dir_fd;
    char *p = buf;
    for (char *slash; (slash = strchr(p, '/'));) {
        *slash = 0;
        int next = openat(cur, p, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        int e = errno;
        if (cur != dir_fd)
            close(cur);
        if (next < 0) {
            errno = e == ENOTDIR ? ELOOP : e;
            return -1;
        }
        cur = next;
        p = slash + 1;
    }
    int fd = openat(cur, p, flags | O_NOFOLLOW);
    int e = errno;
    if (cur != dir_fd)
        close(cur);
    errno = e;
    return fd;
}

int snap_open_beneath(int dir_fd, const char *rel, const char *what, int *fd, char *err, size_t errlen)
{
    *fd = -1;
    if (snap_check_relative(rel, strlen(rel), what, err, errlen))
        return -1;
    int flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
    struct open_how_ how = {.flags = (uint64_t)flags,
                            .resolve = RESOLVE_BENEATH_ | RESOLVE_NO_SYMLINKS_ | RESOLVE_NO_MAGICLINKS_};
    int f = (int)syscall(SYS_openat2, dir_fd, rel, &how, sizeof how);
    if (f < 0 && (errno == ENOSYS || errno == EPERM))   /* EPERM: a seccomp filter without openat2 */
        f = walk_nofollow(dir_fd, rel, flags);
    if (f < 0 && errno == ENOENT)
        return snap_err(err, errlen, "%s: missing (%s)", what, strerror(errno));
    if (f < 0)
        return snap_err(err, errlen, "%s: %s", what,
                        errno == ELOOP || errno == EXDEV ? "a symbolic link in the path (not allowed)"
                                                         : strerror(errno));
    struct stat st;
    if (fstat(f, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(f);
        return snap_err(err, errlen, "%s: not a regular file", what);
    }
    /* Reads of a regular file never block; clear the flag so short reads mean end of file. */
    fcntl(f, F_SETFL, fcntl(f, F_GETFL) & ~O_NONBLOCK);
    *fd = f;
    return 0;
}
