/* Namespace operations: create, remove and rename entries, the working directory, modes. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "linux/meta_guard.h"
#include "linux/syscall_internal.h"

/* The result of a host call that changed the entries at `a` (and `b`, if given): on success
 * they join the paths a snapshot reproduces. */
static int64_t changed(struct machine *m, int host_rc, const char *a, const char *b)
{
    if (host_rc != 0)
        return -errno;
    linux_touch_path(m->proc, a);
    if (b)
        linux_touch_path(m->proc, b);
    return 0;
}

SYSCALL(mkdirat)
{
    char path[LINUX_PATH_MAX];
    int rc = path_from_guest(m, (int32_t)a[0], a[1], false, path);
    if (rc != 0)
        return rc;
    return changed(m, mkdir(path, (mode_t)(a[2] & 07777 & ~m->proc->umask)), path, NULL);
}

SYSCALL(unlinkat)
{
    int flags = arg_int(a[2]);
    if (flags & ~G_AT_REMOVEDIR)
        return -EINVAL;
    char path[LINUX_PATH_MAX];
    int rc = path_from_guest(m, (int32_t)a[0], a[1], false, path);
    if (rc != 0)
        return rc;
    return changed(m, unlinkat(AT_FDCWD, path, flags ? AT_REMOVEDIR : 0), path, NULL);
}

/* The (olddirfd, oldpath, newdirfd, newpath) arguments of rename and link calls. */
static int two_paths_from_guest(struct machine *m, const uint64_t a[6], char from[LINUX_PATH_MAX],
                                char to[LINUX_PATH_MAX])
{
    int rc = path_from_guest(m, (int32_t)a[0], a[1], false, from);
    return rc != 0 ? rc : path_from_guest(m, (int32_t)a[2], a[3], false, to);
}

static int64_t do_rename(struct machine *m, const uint64_t a[6], unsigned flags)
{
    /* RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT: the same bits on every host. */
    if (flags & ~7u)
        return -EINVAL;
    char from[LINUX_PATH_MAX], to[LINUX_PATH_MAX];
    int rc = two_paths_from_guest(m, a, from, to);
    if (rc != 0)
        return rc;
    return changed(m, renameat2(AT_FDCWD, from, AT_FDCWD, to, flags), from, to);
}

SYSCALL(renameat) { return do_rename(m, a, 0); }
SYSCALL(renameat2) { return do_rename(m, a, (unsigned)a[4]); }

SYSCALL(getcwd)
{
    char buf[LINUX_PATH_MAX];
    const char *cwd = cwd_view_from_host(m->proc, m->proc->cwd, buf);
    size_t len = strlen(cwd) + 1;
    if (a[1] < len)
        return -ERANGE;
    return mem_write(&m->mem, a[0], cwd, len) ? -EFAULT : (int64_t)len;
}

/* Makes `path` the cwd.  Like the kernel's getcwd, the stored name has symbolic links resolved. */
static int64_t change_dir(struct machine *m, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -errno;
    if (!S_ISDIR(st.st_mode))
        return -ENOTDIR;
    if (access(path, X_OK) != 0)
        return -errno;
    char *real = realpath(path, NULL);
    if (!real)
        return -errno;
    size_t len = strlen(real);
    if (len >= sizeof m->proc->cwd) {
        free(real);
        return -ENAMETOOLONG;
    }
    memcpy(m->proc->cwd, real, len + 1);
    free(real);
    return 0;
}

SYSCALL(chdir)
{
    char path[LINUX_PATH_MAX];
    int rc = path_from_guest(m, G_AT_FDCWD, a[0], false, path);
    return rc ? rc : change_dir(m, path);
}

SYSCALL(fchdir)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    if (f->path[0] != '/')
        return -ENOTDIR;
    return change_dir(m, f->path);
}

SYSCALL(umask)
{
    uint32_t old = m->proc->umask;
    m->proc->umask = (uint32_t)a[0] & 0777;
    return old;
}

SYSCALL(fchmod)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    int rc = linux_meta_change_fd(f->host_fd, &(struct linux_meta_change){.op = LINUX_META_MODE,
                                                                          .mode = (mode_t)(a[1] & 07777)});
    if (rc != 0)
        return rc;
    if (f->path[0] == '/')
        linux_touch_path(m->proc, f->path);
    return 0;
}

SYSCALL(fchmodat)
{
    char path[LINUX_PATH_MAX];
    int rc = path_from_guest(m, (int32_t)a[0], a[1], false, path);
    if (rc != 0)
        return rc;
    rc = linux_meta_change_path(path, true, &(struct linux_meta_change){.op = LINUX_META_MODE,
                                                                        .mode = (mode_t)(a[2] & 07777)});
    if (rc == 0)
        linux_touch_path(m->proc, path);
    return rc;
}

SYSCALL(symlinkat)
{
    /* The target is stored as written; only the new link's own path is resolved. */
    char target[LINUX_PATH_MAX], path[LINUX_PATH_MAX];
    int rc = mem_read_string(&m->mem, a[0], target, sizeof target);
    if (rc == 0)
        rc = path_from_guest(m, (int32_t)a[1], a[2], false, path);
    if (rc != 0)
        return rc;
    return changed(m, symlink(target, path), path, NULL);
}

SYSCALL(linkat)
{
    int flags = arg_int(a[4]);
    if (flags & ~(G_AT_SYMLINK_FOLLOW | G_AT_EMPTY_PATH))
        return -EINVAL;
    char from[LINUX_PATH_MAX], to[LINUX_PATH_MAX];
    int rc = two_paths_from_guest(m, a, from, to);
    if (rc != 0)
        return rc;
    return changed(m, linkat(AT_FDCWD, from, AT_FDCWD, to, flags & G_AT_SYMLINK_FOLLOW ? AT_SYMLINK_FOLLOW : 0),
                   to, NULL);
}

SYSCALL(utimensat)
{
    int flags = arg_int(a[3]);
    if (flags & ~(G_AT_SYMLINK_NOFOLLOW | G_AT_EMPTY_PATH))
        return -EINVAL;
    /* struct timespec[2] is the same on every 64-bit Linux; UTIME_NOW/OMIT likewise. */
    struct timespec ts[2];
    if (a[2] && mem_read(&m->mem, a[2], ts, sizeof ts) != 0)
        return -EFAULT;
    struct linux_meta_change times = {.op = LINUX_META_TIMES, .times = a[2] ? ts : NULL};
    int r;
    if (a[1] == 0) {   /* futimens(fd, times) */
        struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
        if (!f)
            return -EBADF;
        r = linux_meta_change_fd(f->host_fd, &times);
    } else {
        char path[LINUX_PATH_MAX];
        int rc = path_from_guest(m, (int32_t)a[0], a[1], false, path);
        if (rc != 0)
            return rc;
        r = linux_meta_change_path(path, !(flags & G_AT_SYMLINK_NOFOLLOW), &times);
    }
    return r;
}

SYSCALL(fchown)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    return linux_meta_change_fd(f->host_fd, &(struct linux_meta_change){.op = LINUX_META_OWNER,
                                                                        .uid = (uid_t)a[1], .gid = (gid_t)a[2]});
}

SYSCALL(fchownat)
{
    int flags = arg_int(a[4]);
    if (flags & ~(G_AT_SYMLINK_NOFOLLOW | G_AT_EMPTY_PATH))
        return -EINVAL;
    char path[LINUX_PATH_MAX];
    int rc = path_from_guest(m, (int32_t)a[0], a[1], false, path);
    if (rc != 0)
        return rc;
    return linux_meta_change_path(path, !(flags & G_AT_SYMLINK_NOFOLLOW),
                                  &(struct linux_meta_change){.op = LINUX_META_OWNER, .uid = (uid_t)a[2],
                                                              .gid = (gid_t)a[3]});
}
