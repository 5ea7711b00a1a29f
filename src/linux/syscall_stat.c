/* File metadata: fstat/newfstatat (converted to the RISC-V struct stat), statx (architecture
 * independent, copied as is), statfs, access checks and readlink. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "linux/stdio_view.h"
#include "linux/syscall_internal.h"

/* struct stat of asm-generic/stat.h, which 64-bit RISC-V uses. */
struct g_stat {
    uint64_t dev, ino;
    uint32_t mode, nlink, uid, gid;
    uint64_t rdev, pad1;
    int64_t size;
    int32_t blksize, pad2;
    int64_t blocks;
    int64_t atime, atime_nsec, mtime, mtime_nsec, ctime, ctime_nsec;
    uint32_t unused[2];
};
_Static_assert(sizeof(struct g_stat) == 128, "RISC-V struct stat is 128 bytes");

static int put_stat(struct machine *m, uint64_t addr, const struct stat *st)
{
    struct g_stat g = {
        .dev = st->st_dev, .ino = st->st_ino, .mode = st->st_mode, .nlink = (uint32_t)st->st_nlink,
        .uid = st->st_uid, .gid = st->st_gid, .rdev = st->st_rdev, .size = st->st_size,
        .blksize = (int32_t)st->st_blksize, .blocks = st->st_blocks,
        .atime = st->st_atim.tv_sec, .atime_nsec = st->st_atim.tv_nsec,
        .mtime = st->st_mtim.tv_sec, .mtime_nsec = st->st_mtim.tv_nsec,
        .ctime = st->st_ctim.tv_sec, .ctime_nsec = st->st_ctim.tv_nsec,
    };
    return mem_write(&m->mem, addr, &g, sizeof g);
}

/* What a *at call with AT_EMPTY_PATH and an empty path refers to: the open file (host fd set),
 * or the cwd (path set).  Returns 1 when the path was empty, 0 when it was not, or -errno. */
static int empty_path_target(struct machine *m, int64_t dirfd, uint64_t path_addr, int *hfd,
                             char *path)
{
    char c;
    if (mem_read(&m->mem, path_addr, &c, 1) != 0)
        return -EFAULT;
    if (c != 0)
        return 0;
    if (dirfd == G_AT_FDCWD) {
        snprintf(path, LINUX_PATH_MAX, "%s", m->proc->cwd);
        return 1;
    }
    struct linux_fd *f = fd_get(m->proc, dirfd);
    if (!f)
        return -EBADF;
    *hfd = f->host_fd;
    return 1;
}

/* The pinned standard stream (stdio_view.c) a *at call refers to, or -1: the fd of an empty
 * path, or a path naming /dev/stdin, /dev/stdout or /dev/stderr. */
static int viewed_stream(struct machine *m, int64_t dirfd, int hfd, const char *path)
{
    if (hfd < 0)
        return stdio_view_stream(m->proc, path);
    struct linux_fd *f = fd_get(m->proc, dirfd);
    return f ? stdio_view_stream(m->proc, f->path) : -1;
}

SYSCALL(fstat)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    struct stat st;
    int stream = stdio_view_stream(m->proc, f->path);
    if (stream >= 0)
        stdio_view_stat(m->proc, stream, &st);
    else if (fstat(f->host_fd, &st) != 0)
        return -errno;
    return put_stat(m, a[1], &st);
}

SYSCALL(newfstatat)
{
    int64_t dirfd = (int32_t)a[0];
    int flags = arg_int(a[3]);
    if (flags & ~(G_AT_SYMLINK_NOFOLLOW | G_AT_EMPTY_PATH | G_AT_NO_AUTOMOUNT))
        return -EINVAL;
    char path[LINUX_PATH_MAX];
    int hfd = -1, rc = 0;
    if (flags & G_AT_EMPTY_PATH)
        rc = empty_path_target(m, dirfd, a[1], &hfd, path);
    if (rc < 0)
        return rc;
    if (rc == 0 && (rc = path_from_guest(m, dirfd, a[1], false, path)) != 0)
        return rc;
    struct stat st;
    int stream = viewed_stream(m, dirfd, hfd, path);
    if (stream >= 0) {
        stdio_view_stat(m->proc, stream, &st);
        return put_stat(m, a[2], &st);
    }
    int r = hfd >= 0 ? fstat(hfd, &st)
                     : fstatat(AT_FDCWD, path, &st, flags & G_AT_SYMLINK_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0);
    if (r != 0)
        return -errno;
    return put_stat(m, a[2], &st);
}

SYSCALL(statx)
{
    /* AT_* and STATX_* values are the same on every Linux architecture. */
    const int allowed = AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE;
    int64_t dirfd = (int32_t)a[0];
    int flags = arg_int(a[2]);
    if ((flags & ~allowed) || (flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
        return -EINVAL;
    char path[LINUX_PATH_MAX];
    int hfd = -1, rc = 0;
    if (flags & AT_EMPTY_PATH)
        rc = empty_path_target(m, dirfd, a[1], &hfd, path);
    if (rc < 0)
        return rc;
    if (rc == 0 && (rc = path_from_guest(m, dirfd, a[1], false, path)) != 0)
        return rc;
    struct statx stx;
    int stream = viewed_stream(m, dirfd, hfd, path);
    if (stream >= 0) {
        stdio_view_statx(m->proc, stream, &stx);
        return mem_write(&m->mem, a[4], &stx, sizeof stx);
    }
    int r = hfd >= 0 ? statx(hfd, "", flags | AT_EMPTY_PATH, (unsigned)a[3], &stx)
                     : statx(AT_FDCWD, path, flags & ~AT_EMPTY_PATH, (unsigned)a[3], &stx);
    if (r != 0)
        return -errno;
    return mem_write(&m->mem, a[4], &stx, sizeof stx);
}

static int64_t access_check(struct machine *m, int64_t dirfd, uint64_t path_addr, uint64_t mode,
                            int flags)
{
    if (mode & ~(uint64_t)7)
        return -EINVAL;
    if (flags & ~(G_AT_EACCESS | G_AT_SYMLINK_NOFOLLOW | G_AT_EMPTY_PATH))
        return -EINVAL;
    char path[LINUX_PATH_MAX];
    int hfd = -1, rc = 0;
    if (flags & G_AT_EMPTY_PATH)
        rc = empty_path_target(m, dirfd, path_addr, &hfd, path);
    if (rc < 0)
        return rc;
    if (rc == 0 && (rc = path_from_guest(m, dirfd, path_addr, false, path)) != 0)
        return rc;
    int hflags = (flags & G_AT_EACCESS ? AT_EACCESS : 0) |
                 (flags & G_AT_SYMLINK_NOFOLLOW ? AT_SYMLINK_NOFOLLOW : 0);
    int r = hfd >= 0 ? faccessat(hfd, "", (int)mode, hflags | AT_EMPTY_PATH)
                     : faccessat(AT_FDCWD, path, (int)mode, hflags);
    return r != 0 ? -errno : 0;
}

SYSCALL(faccessat) { return access_check(m, (int32_t)a[0], a[1], a[2], 0); }
SYSCALL(faccessat2) { return access_check(m, (int32_t)a[0], a[1], a[2], arg_int(a[3])); }

/* The guest's view of a few /proc links; NULL when the host should answer. */
static const char *proc_link(struct machine *m, const char *path, char *buf)
{
    const char *rest = proc_self_entry(m->proc, path);
    if (!rest)
        return NULL;
    if (strcmp(rest, "exe") == 0)   /* static glibc reads it at start-up: its length is in the stream */
        return cwd_view_from_host(m->proc, m->proc->exe_path, buf);
    if (strcmp(rest, "cwd") == 0)
        return cwd_view_from_host(m->proc, m->proc->cwd, buf);
    if (strncmp(rest, "fd/", 3) == 0) {
        char *end;
        long fd = strtol(rest + 3, &end, 10);
        struct linux_fd *f = *end == 0 && end != rest + 3 ? fd_get(m->proc, fd) : NULL;
        if (!f)
            return NULL;
        return cwd_view_from_host(m->proc, f->path, buf);
    }
    return NULL;
}

SYSCALL(readlinkat)
{
    int64_t size = (int32_t)a[3];
    if (size <= 0)
        return -EINVAL;
    char raw[LINUX_PATH_MAX], path[LINUX_PATH_MAX], buf[LINUX_PATH_MAX];
    int rc = mem_read_string(&m->mem, a[1], raw, sizeof raw);
    if (rc != 0)
        return rc;
    if (raw[0] == 0)
        return -ENOENT;
    if ((rc = path_resolve(m->proc, (int32_t)a[0], raw, path)) != 0)
        return rc;
    const char *target = proc_link(m, path, buf);
    size_t len;
    if (target) {
        len = strlen(target);
        memmove(buf, target, len);   /* target may be buf itself */
    } else {
        ssize_t n = readlink(path, buf, sizeof buf);
        if (n < 0)
            return -errno;
        len = (size_t)n;
    }
    if (len > (uint64_t)size)
        len = (size_t)size;   /* silently truncated, as the kernel does */
    return mem_write(&m->mem, a[2], buf, len) ? -EFAULT : (int64_t)len;
}

/* struct statfs of a 64-bit asm-generic kernel. */
static int put_statfs(struct machine *m, uint64_t addr, const struct statfs *s)
{
    int64_t g[15] = { (int64_t)s->f_type, (int64_t)s->f_bsize, (int64_t)s->f_blocks,
                      (int64_t)s->f_bfree, (int64_t)s->f_bavail, (int64_t)s->f_files,
                      (int64_t)s->f_ffree, 0, (int64_t)s->f_namelen, (int64_t)s->f_frsize,
                      (int64_t)s->f_flags, 0, 0, 0, 0 };
    memcpy(&g[7], &s->f_fsid, sizeof g[7]);
    return mem_write(&m->mem, addr, g, sizeof g);
}

SYSCALL(statfs)
{
    char path[LINUX_PATH_MAX];
    int rc = path_from_guest(m, G_AT_FDCWD, a[0], false, path);
    if (rc != 0)
        return rc;
    struct statfs s;
    return statfs(path, &s) != 0 ? -errno : put_statfs(m, a[1], &s);
}

SYSCALL(fstatfs)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    struct statfs s;
    return fstatfs(f->host_fd, &s) != 0 ? -errno : put_statfs(m, a[1], &s);
}
