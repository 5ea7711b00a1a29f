#include "snapshot/snap_dir.h"
#include "snapshot/snap_error.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static void release(struct snap_dir_writer *w)
{
    if (w->dir_fd >= 0)
        close(w->dir_fd);
    if (w->parent_fd >= 0)
        close(w->parent_fd);
    free(w->final_name);
    free(w->tmp_name);
    free(w->final_path);
    *w = (struct snap_dir_writer){.parent_fd = -1, .dir_fd = -1};
}

int snap_dir_begin(struct snap_dir_writer *w, const char *final_path, char *err, size_t errlen)
{
    return snap_dir_begin_replacing(w, final_path, false, err, errlen);
}

int snap_dir_begin_replacing(struct snap_dir_writer *w, const char *final_path, bool replace, char *err,
                             size_t errlen)
{
    *w = (struct snap_dir_writer){.parent_fd = -1, .dir_fd = -1, .replace = replace};
    size_t n = strlen(final_path);
    while (n > 1 && final_path[n - 1] == '/')
        n--;
    if (n == 0 || n >= PATH_MAX - 16)
        return snap_err(err, errlen, "bad snapshot path '%s'", final_path);
    char path[PATH_MAX];
    memcpy(path, final_path, n);
    path[n] = 0;
    char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (!*base || !strcmp(base, ".") || !strcmp(base, ".."))
        return snap_err(err, errlen, "bad snapshot path '%s'", final_path);
    char parent[PATH_MAX];
    if (!slash)
        strcpy(parent, ".");
    else if (slash == path)
        strcpy(parent, "/");
    else
        snprintf(parent, sizeof parent, "%.*s", (int)(slash - path), path);

    w->final_path = strdup(path);
    w->final_name = strdup(base);
    if (!w->final_path || !w->final_name) {
        release(w);
        return snap_err(err, errlen, "out of memory");
    }
    w->parent_fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (w->parent_fd < 0) {
        snap_err(err, errlen, "%s: %s", parent, strerror(errno));
        release(w);
        return -1;
    }
    struct stat st;
    if (!replace && fstatat(w->parent_fd, w->final_name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        snap_err(err, errlen, "%s: already exists (snapshots are never overwritten)", w->final_path);
        release(w);
        return -1;
    }
    char tmp[PATH_MAX + 16];
    snprintf(tmp, sizeof tmp, "%s.tmp-XXXXXX", path);
    if (!mkdtemp(tmp)) {
        snap_err(err, errlen, "%s: cannot create temporary directory: %s", tmp, strerror(errno));
        release(w);
        return -1;
    }
    w->tmp_name = strdup(strrchr(tmp, '/') ? strrchr(tmp, '/') + 1 : tmp);
    w->dir_fd = open(tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (!w->tmp_name || w->dir_fd < 0) {
        snap_err(err, errlen, "%s: %s", tmp, strerror(errno));
        rmdir(tmp);
        release(w);
        return -1;
    }
    return 0;
}

int snap_dir_create_file(struct snap_dir_writer *w, const char *name, int *fd, char *err, size_t errlen)
{
    *fd = openat(w->dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    return *fd < 0 ? snap_err(err, errlen, "%s: %s", name, strerror(errno)) : 0;
}

int snap_dir_close_file(int fd, const char *name, char *err, size_t errlen)
{
    int rc = fsync(fd);
    int e = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    return rc ? snap_err(err, errlen, "%s: %s", name, strerror(e)) : 0;
}

int snap_dir_write_file(struct snap_dir_writer *w, const char *name, const void *data, size_t len,
                        char *err, size_t errlen)
{
    int fd;
    if (snap_dir_create_file(w, name, &fd, err, errlen))
        return -1;
    const char *p = data;
    while (len) {
        ssize_t k = write(fd, p, len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            snap_err(err, errlen, "%s: %s", name, strerror(errno));
            close(fd);
            return -1;
        }
        p += k;
        len -= (size_t)k;
    }
    return snap_dir_close_file(fd, name, err, errlen);
}

/* Removes a snapshot directory (regular files only, one level) below dirfd. */
static void remove_snapshot_dir(int parent_fd, const char *name)
{
    int fd = openat(parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d && fd >= 0)
        close(fd);
    for (struct dirent *de; d && (de = readdir(d));)
        if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
            unlinkat(fd, de->d_name, 0);
    if (d)
        closedir(d);
    unlinkat(parent_fd, name, AT_REMOVEDIR);
}

/* Swaps the new directory with the existing one (atomically where the kernel can), then removes
 * the old one, now under the temporary name. */
static int rename_replacing(int dirfd, const char *from, const char *to)
{
    struct stat st;
    if (fstatat(dirfd, to, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return renameat(dirfd, from, dirfd, to);   /* nothing to replace */
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;   /* only a snapshot directory is ever replaced */
        return -1;
    }
#ifdef SYS_renameat2
    if (syscall(SYS_renameat2, dirfd, from, dirfd, to, RENAME_EXCHANGE) == 0) {
        remove_snapshot_dir(dirfd, from);
        return 0;
    }
#endif
    remove_snapshot_dir(dirfd, to);
    return renameat(dirfd, from, dirfd, to);
}

static int rename_noreplace(int dirfd, const char *from, const char *to)
{
#ifdef SYS_renameat2
    if (syscall(SYS_renameat2, dirfd, from, dirfd, to, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != ENOSYS && errno != EINVAL)
        return -1;
#endif
    /* No renameat2 (old kernel or a file system without it): check, then rename.  A directory
     * cannot replace a non-empty directory, so the race window can only lose to an empty one. */
    struct stat st;
    if (fstatat(dirfd, to, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        errno = EEXIST;
        return -1;
    }
    return renameat(dirfd, from, dirfd, to);
}

int snap_dir_commit(struct snap_dir_writer *w, char *err, size_t errlen)
{
    if (fsync(w->dir_fd) != 0) {
        snap_err(err, errlen, "%s: fsync: %s", w->tmp_name, strerror(errno));
        snap_dir_abort(w);
        return -1;
    }
    if ((w->replace ? rename_replacing : rename_noreplace)(w->parent_fd, w->tmp_name, w->final_name) != 0) {
        if (errno == EEXIST || errno == ENOTEMPTY)
            snap_err(err, errlen, "%s: already exists (snapshots are never overwritten)", w->final_path);
        else
            snap_err(err, errlen, "%s: cannot rename into place: %s", w->final_path, strerror(errno));
        snap_dir_abort(w);
        return -1;
    }
    int rc = fsync(w->parent_fd) == 0 ? 0 : snap_err(err, errlen, "%s: fsync of parent: %s", w->final_path, strerror(errno));
    release(w);
    return rc;
}

void snap_dir_abort(struct snap_dir_writer *w)
{
    if (w->dir_fd >= 0 && w->tmp_name) {
        /* Only regular files are ever created inside, so one level of unlinking suffices. */
        int fd = dup(w->dir_fd);
        DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
        if (!d && fd >= 0)
            close(fd);
        for (struct dirent *de; d && (de = readdir(d));)
            if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
                unlinkat(w->dir_fd, de->d_name, 0);
        if (d)
            closedir(d);
        unlinkat(w->parent_fd, w->tmp_name, AT_REMOVEDIR);
    }
    release(w);
}
