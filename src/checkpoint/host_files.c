/* Host files of the guest in a snapshot.
 *
 * Capture records every open fd (path, flags, offset, which earlier fd shares its open file) and,
 * per file, a fingerprint (size, mtime, xxh3 of the content) plus the content itself for regular
 * files up to CKPT_MAX_FILE_CONTENT bytes.  Restore reproduces saved contents (so the guest sees
 * the files as they were at the snapshot point), refuses files it cannot reproduce whose
 * fingerprint changed, and reopens everything.  No path outside the allowed roots is read,
 * written or opened. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <xxhash.h>

#include "checkpoint/ckpt_internal.h"
#include "linux/syscall_internal.h"
#include "snapshot/raw_data.h"
#include "snapshot/snap_error.h"
#include "snapshot/snap_paths.h"

#define CKPT_MAX_FILE_CONTENT (256ull << 20)   /* larger files are fingerprinted only */
#define KCMP_FILE 0

/* Do two host fds share one open file description (dup)?  kcmp answers exactly; where the host
 * forbids it, fds are treated as independent. */
static bool same_open_file(int a, int b)
{
    long r = syscall(SYS_kcmp, (long)getpid(), (long)getpid(), KCMP_FILE, (long)a, (long)b);
    return r == 0;
}

/* xxh3 of a file's content, streamed (for files too large to copy). */
static int hash_fd(int fd, uint64_t size, uint64_t *hash)
{
    XXH3_state_t *st = XXH3_createState();
    uint8_t *buf = malloc(1u << 20);
    int rc = st && buf ? 0 : -1;
    if (rc == 0)
        XXH3_64bits_reset(st);
    for (uint64_t off = 0; rc == 0 && off < size;) {
        size_t want = size - off < (1u << 20) ? (size_t)(size - off) : (1u << 20);
        ssize_t k = pread(fd, buf, want, (off_t)off);
        if (k <= 0)
            rc = -1;
        else {
            XXH3_64bits_update(st, buf, (size_t)k);
            off += (uint64_t)k;
        }
    }
    if (rc == 0)
        *hash = XXH3_64bits_digest(st);
    XXH3_freeState(st);
    free(buf);
    return rc;
}

/* A descriptor that can read the file open as host_fd: itself, or for a file the guest opened
 * write-only a new read-only open of the same file (through /proc/self/fd, so the same inode
 * even if the path was renamed).  *own tells whether the caller closes it. */
static int readable_fd(int host_fd, bool *own)
{
    int fl = fcntl(host_fd, F_GETFL);
    *own = false;
    if (fl < 0 || (fl & O_ACCMODE) != O_WRONLY)
        return host_fd;
    char proc[64];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", host_fd);
    int fd = open(proc, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    *own = fd >= 0;
    return fd >= 0 ? fd : host_fd;
}

static int describe_readable(int host_fd, const char *path, struct ckpt_file *f, char *err, size_t errlen);

/* Fingerprint (and content) of the file open as host_fd. */
int ckpt_describe_fd(int host_fd, const char *path, struct ckpt_file *f, char *err, size_t errlen)
{
    bool own;
    int rfd = readable_fd(host_fd, &own);
    int rc = describe_readable(rfd, path, f, err, errlen);
    if (own)
        close(rfd);
    return rc;
}

static int describe_readable(int host_fd, const char *path, struct ckpt_file *f, char *err, size_t errlen)
{
    struct stat st;
    *f = (struct ckpt_file){.path = strdup(path)};
    if (!f->path)
        return snap_err(err, errlen, "out of memory");
    if (ckpt_std_index(path) >= 0) {
        f->kind = CKPT_FILE_STDIO;
        return 0;
    }
    if (fstat(host_fd, &st) != 0)
        return snap_err(err, errlen, "%s: %s", path, strerror(errno));
    f->kind = S_ISREG(st.st_mode) ? CKPT_FILE_REGULAR : S_ISDIR(st.st_mode) ? CKPT_FILE_DIR
            : S_ISCHR(st.st_mode) ? CKPT_FILE_DEVICE : CKPT_FILE_OTHER;
    if (f->kind != CKPT_FILE_REGULAR)
        return 0;
    f->size = (uint64_t)st.st_size;
    f->mtime_ns = (uint64_t)st.st_mtim.tv_sec * 1000000000u + (uint64_t)st.st_mtim.tv_nsec;
    if (f->size > CKPT_MAX_FILE_CONTENT)
        return hash_fd(host_fd, f->size, &f->hash) ? snap_err(err, errlen, "%s: cannot read", path) : 0;
    f->content = malloc(f->size ? f->size : 1);
    if (!f->content)
        return snap_err(err, errlen, "out of memory for the content of %s", path);
    if (snap_read_at(host_fd, f->content, f->size, 0))
        return snap_err(err, errlen, "%s: cannot read (%s)", path, strerror(errno));
    f->has_content = true;
    f->hash = XXH3_64bits(f->content, f->size);
    return 0;
}

static bool have_file(const struct ckpt_process *cp, const char *path)
{
    return ckpt_find_file(cp, path) != NULL;
}

static int add_file(struct ckpt_process *cp, int host_fd, const char *path, char *err, size_t errlen)
{
    if (path[0] != '/' || have_file(cp, path))
        return 0;   /* pipes have no file; each path is described once */
    int rc = ckpt_describe_fd(host_fd, path, &cp->files[cp->nfiles], err, errlen);
    cp->nfiles++;   /* counted even on failure so that ckpt_process_clear frees it */
    return rc;
}

int ckpt_files_collect(struct ckpt_process *cp, char *err, size_t errlen)
{
    struct linux_process *p = cp->p;
    cp->fds = calloc(LINUX_MAX_FDS, sizeof *cp->fds);
    cp->files = calloc(CKPT_MAX_FILES, sizeof *cp->files);
    if (!cp->fds || !cp->files)
        return snap_err(err, errlen, "out of memory");
    for (int i = 0; i < LINUX_MAX_FDS; i++) {
        const struct linux_fd *f = &p->fds[i];
        if (f->host_fd < 0)
            continue;
        struct ckpt_fd *c = &cp->fds[cp->nfds++];
        *c = (struct ckpt_fd){.fd = i, .path = strdup(f->path ? f->path : ""), .flags = f->flags,
                              .cloexec = f->cloexec, .stdio = f->passthrough ? f->host_fd : -1,
                              .offset = f->passthrough ? -1 : f->offset, .dup_of = -1};
        if (!c->path)
            return snap_err(err, errlen, "out of memory");
        if (c->stdio > 2)
            c->stdio = -1;
        /* A regular file as the simulator's stdin: what the guest consumed is part of its state. */
        if (c->stdio == 0 && !(f->flags & 3))
            c->offset = lseek(0, 0, SEEK_CUR);
        for (size_t k = 0; k + 1 < cp->nfds && c->dup_of < 0; k++)
            if (same_open_file(p->fds[cp->fds[k].fd].host_fd, f->host_fd))
                c->dup_of = cp->fds[k].fd;
        if (!f->passthrough && add_file(cp, f->host_fd, c->path, err, errlen))
            return -1;
    }
    for (unsigned i = 0; i < p->nshared; i++)
        if (add_file(cp, p->shared[i].host_fd, p->shared[i].path, err, errlen))
            return -1;
    return 0;
}

/* ---- restore ---- */

bool ckpt_path_allowed(const struct ckpt_roots *roots, const char *real)
{
    for (size_t i = 0; i < roots->n; i++)
        if (snap_path_within(roots->dirs[i], real))
            return true;
    return false;
}

/* Is the host path inside the allowed roots (after following links)?  A missing file is judged
 * by its directory, which must exist. */
static int check_path(const struct ckpt_roots *roots, const char *path, bool may_be_missing, char *err,
                      size_t errlen)
{
    char *real = realpath(path, NULL);
    if (!real && errno == ENOENT && may_be_missing) {
        char dir[PATH_MAX];
        snprintf(dir, sizeof dir, "%s", path);
        char *slash = strrchr(dir, '/');
        if (slash)
            *(slash == dir ? slash + 1 : slash) = 0;
        real = realpath(dir, NULL);
        if (!real)
            return snap_err(err, errlen, "%s: directory %s is missing", path, dir);
    }
    if (!real)
        return snap_err(err, errlen, "%s: %s", path, strerror(errno));
    bool ok = ckpt_path_allowed(roots, real);
    if (!ok)
        snap_err(err, errlen, "%s resolves to %s, outside the allowed directories (see --allow-path)", path, real);
    free(real);
    return ok ? 0 : -1;
}

/* Writes the saved content into a new file next to f->path and renames it over the old one, so
 * the bytes never go through a link (symbolic, or a hard link to a file elsewhere) and a failure
 * leaves the old file as it was. */
int ckpt_write_content(const struct ckpt_file *f, char *err, size_t errlen)
{
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s.snapsim-XXXXXX", f->path) >= (int)sizeof tmp)
        return snap_err(err, errlen, "cannot write %s: path too long", f->path);
    struct stat old;
    mode_t mode = lstat(f->path, &old) == 0 && S_ISREG(old.st_mode) ? old.st_mode & 07777 : 0644;
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0)
        return snap_err(err, errlen, "cannot write %s: %s", f->path, strerror(errno));
    int rc = fchmod(fd, mode);
    for (uint64_t done = 0; rc == 0 && done < f->size;) {
        ssize_t k = write(fd, f->content + done, f->size - done > (1u << 30) ? (1u << 30) : (size_t)(f->size - done));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            rc = -1;
        else
            done += (uint64_t)k;
    }
    int e = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    if (rc == 0 && rename(tmp, f->path) != 0) {
        rc = -1;
        e = errno;
    }
    if (rc) {
        unlink(tmp);
        return snap_err(err, errlen, "cannot write %s: %s", f->path, strerror(e));
    }
    return 0;
}

/* Does the host file still match the fingerprint? */
bool ckpt_file_unchanged(const struct ckpt_file *f)
{
    int fd = open(f->path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    uint64_t hash;
    bool same = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size == f->size &&
                hash_fd(fd, f->size, &hash) == 0 && hash == f->hash;
    if (fd >= 0)
        close(fd);
    return same;
}

void ckpt_warn(const struct ckpt_restore_opts *o, const char *fmt, const char *arg)
{
    char msg[PATH_MAX + 200];
    snprintf(msg, sizeof msg, fmt, arg);   /* a message cut short is still a message */
    if (o && o->warn)
        o->warn(msg);
}

/* Does the guest write the file (an fd open for writing, or a writable shared mapping)? */
static bool guest_writes(const struct ckpt_process *cp, const char *path)
{
    for (size_t i = 0; i < cp->nfds; i++)
        if ((cp->fds[i].flags & G_O_ACCMODE) != 0 && !strcmp(cp->fds[i].path, path))
            return true;
    for (size_t i = 0; i < cp->nshared; i++)
        if (cp->shared[i].writable && !strcmp(cp->shared[i].path, path))
            return true;
    return false;
}

/* Copies a file (backups across file systems); the copy is new (O_EXCL). */
static int copy_file(const char *from, const char *to)
{
    int in = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC), out = -1, rc = -1;
    if (in >= 0)
        out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    char buf[1 << 16];
    for (ssize_t k; out >= 0 && (k = read(in, buf, sizeof buf)) >= 0;) {
        if (k == 0) {
            rc = 0;
            break;
        }
        if (write(out, buf, (size_t)k) != k)
            break;
    }
    if (in >= 0)
        close(in);
    if (out >= 0 && close(out) != 0)
        rc = -1;
    if (rc && out >= 0)
        unlink(to);
    return rc;
}

int ckpt_keep_backup(const char *path, const struct ckpt_restore_opts *o, char *err, size_t errlen)
{
    char name[PATH_MAX], backup[PATH_MAX];
    snprintf(name, sizeof name, "%s", path + (path[0] == '/'));
    for (char *c = name; *c; c++)
        if (*c == '/')
            *c = '%';
    struct stat st;
    for (unsigned n = 0; n < 1000; n++) {
        int len = n ? snprintf(backup, sizeof backup, "%s/%s.%u", o->replace_dir, name, n)
                    : snprintf(backup, sizeof backup, "%s/%s", o->replace_dir, name);
        if (len >= (int)sizeof backup)
            break;
        if (lstat(backup, &st) == 0)
            continue;
        if (rename(path, backup) != 0 && (errno != EXDEV || copy_file(path, backup) != 0 || unlink(path) != 0))
            return snap_err(err, errlen, "cannot move %s to %s: %s", path, backup, strerror(errno));
        ckpt_warn(o, "changed since the snapshot, so kept as %s before the restore replaced it", backup);
        return 0;
    }
    return snap_err(err, errlen, "cannot keep %s in %s: no free name", path, o->replace_dir);
}

static int changed_refusal(const char *path, char *err, size_t errlen)
{
    return snap_err(err, errlen, "%s changed since the snapshot; --replace-changed DIR replaces it with the "
                    "snapshot's state, moving the current file into DIR", path);
}

/* Makes one host file look as it did at the snapshot point, or explains why it cannot.  A file
 * the user changed since is never lost: a file the guest only reads is served from the saved
 * copy (f->from_copy) and the host file stays as it is; one the guest writes is replaced only
 * with --replace-changed, which keeps the current file beside it. */
static int reproduce(const struct ckpt_process *cp, struct ckpt_file *f, const struct ckpt_roots *roots,
                     const struct ckpt_restore_opts *o, char *err, size_t errlen)
{
    switch (f->kind) {
    case CKPT_FILE_STDIO:
    case CKPT_FILE_DEVICE:
    case CKPT_FILE_OTHER:
        return 0;   /* only harmless devices pass ckpt_process_check; nothing to reproduce */
    case CKPT_FILE_DIR:
        return check_path(roots, f->path, false, err, errlen);
    case CKPT_FILE_REGULAR:
        break;
    }
    if (check_path(roots, f->path, f->has_content, err, errlen))
        return -1;
    if (ckpt_file_unchanged(f))
        return 0;
    struct stat st;
    bool exists = lstat(f->path, &st) == 0;
    if (f->has_content && !guest_writes(cp, f->path)) {
        f->from_copy = true;
        if (exists)
            ckpt_warn(o, "%s changed since the snapshot; the guest reads the snapshot's copy", f->path);
        return 0;
    }
    if (f->has_content) {
        if (exists && !(o && o->replace_dir))
            return changed_refusal(f->path, err, errlen);
        if (exists && ckpt_keep_backup(f->path, o, err, errlen))
            return -1;
        ckpt_warn(o, "restoring the content %s had at the snapshot point", f->path);
        return ckpt_write_content(f, err, errlen);
    }
    if (o && o->force) {
        ckpt_warn(o, "%s changed since the snapshot; restoring anyway (--force-restore)", f->path);
        return 0;
    }
    return snap_err(err, errlen, "%s changed since the snapshot (size, content) and is too large to have been "
                    "saved in it; --force-restore restores anyway", f->path);
}

/* Would the restore replace or remove a regular file whose content is not the snapshot's?
 * Refused before the first change unless --replace-changed is given. */
static int check_changed(const struct ckpt_process *cp, const struct ckpt_restore_opts *o, char *err, size_t errlen)
{
    if (o && o->replace_dir) {
        struct stat d;
        return stat(o->replace_dir, &d) == 0 && S_ISDIR(d.st_mode)
                   ? 0 : snap_err(err, errlen, "--replace-changed %s: not a directory", o->replace_dir);
    }
    struct stat st;
    for (size_t i = 0; i < cp->nfs; i++) {
        const struct ckpt_fs_entry *e = &cp->fs[i];
        if (lstat(e->file.path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (e->kind == CKPT_FS_ABSENT || (e->kind == CKPT_FS_FILE && e->same_as < 0 && e->file.has_content &&
                                          !ckpt_file_unchanged(&e->file)))
            return changed_refusal(e->file.path, err, errlen);
    }
    for (size_t i = 0; i < cp->nfiles; i++) {
        const struct ckpt_file *f = &cp->files[i];
        if (f->kind == CKPT_FILE_REGULAR && f->has_content && guest_writes(cp, f->path) &&
            lstat(f->path, &st) == 0 && S_ISREG(st.st_mode) && !ckpt_file_unchanged(f))
            return changed_refusal(f->path, err, errlen);
    }
    return 0;
}

/* A read-only file descriptor holding the saved content: sealed memory, no host file. */
static int open_copy(const struct ckpt_file *f, char *err, size_t errlen)
{
    int fd = (int)syscall(SYS_memfd_create, "snapsim-saved-file", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0)
        return snap_err(err, errlen, "cannot hold the saved copy of %s: %s", f->path, strerror(errno));
    for (uint64_t done = 0; done < f->size;) {
        ssize_t k = write(fd, f->content + done, f->size - done > (1u << 30) ? (1u << 30) : (size_t)(f->size - done));
        if (k <= 0 && errno != EINTR) {
            close(fd);
            return snap_err(err, errlen, "cannot hold the saved copy of %s: %s", f->path, strerror(errno));
        }
        done += k > 0 ? (uint64_t)k : 0;
    }
    fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL);
    return fd;
}

/* Opens the host side of one staged fd; hosts[] holds the fds already opened (by guest fd). */
static int open_fd(const struct ckpt_process *cp, const struct ckpt_fd *f, const int *hosts,
                   const struct ckpt_roots *roots, int *out, char *err, size_t errlen)
{
    int from = f->dup_of >= 0 ? hosts[f->dup_of] : ckpt_std_index(f->path);
    if (f->dup_of >= 0 && from < 0)
        return snap_err(err, errlen, "guest fd %d: dup_of names fd %d, which is not open", f->fd, f->dup_of);
    if (from >= 0) {
        *out = fcntl(from, F_DUPFD_CLOEXEC, 3);
        return *out < 0 ? snap_err(err, errlen, "guest fd %d: dup: %s", f->fd, strerror(errno)) : 0;
    }
    if (f->path[0] != '/')
        return snap_err(err, errlen, "guest fd %d (%s) is a pipe or socket: it cannot be restored", f->fd, f->path);
    const struct ckpt_file *file = ckpt_find_file(cp, f->path);
    int flags = f->flags & ~(G_O_CREAT | G_O_EXCL | G_O_TRUNC | G_O_TMPFILE);
    if (file && file->from_copy)
        *out = open_copy(file, err, errlen);
    else if (!ckpt_harmless_device(f->path) && check_path(roots, f->path, false, err, errlen))
        return snap_err_prefix(err, errlen, "guest fd %d", f->fd);
    else
        *out = open(f->path, open_flags_to_host(flags) | O_CLOEXEC);
    if (*out < 0 && file && file->from_copy)
        return -1;
    if (*out < 0)
        return snap_err(err, errlen, "guest fd %d: cannot reopen %s: %s", f->fd, f->path, strerror(errno));
    if (f->offset >= 0 && lseek(*out, f->offset, SEEK_SET) != f->offset) {
        close(*out);
        return snap_err(err, errlen, "guest fd %d: cannot seek %s to %lld", f->fd, f->path, (long long)f->offset);
    }
    return 0;
}

int ckpt_files_restore(struct ckpt_process *cp, const struct ckpt_roots *roots, const struct ckpt_restore_opts *o,
                       char *err, size_t errlen)
{
    struct linux_process *p = cp->p;
    /* Every path is judged before the first change.  The paths the program changed are then
     * made first: its cwd or open files may lie among them. */
    if (ckpt_locations_check(cp, roots, err, errlen) || check_changed(cp, o, err, errlen) ||
        ckpt_fs_restore(cp, roots, o, err, errlen))
        return -1;
    if (cp->cwd) {
        struct stat st;
        if (check_path(roots, cp->cwd, false, err, errlen))
            return snap_err_prefix(err, errlen, "cwd");
        if (stat(cp->cwd, &st) != 0 || !S_ISDIR(st.st_mode))
            return snap_err(err, errlen, "cwd %s is not a directory", cp->cwd);
        snprintf(p->cwd, sizeof p->cwd, "%s", cp->cwd);
    }
    for (size_t i = 0; i < cp->nfiles; i++)
        if (reproduce(cp, &cp->files[i], roots, o, err, errlen))
            return -1;

    /* Open everything first; install only when all succeeded. */
    int hosts[LINUX_MAX_FDS], shared_fds[LINUX_MAX_SHARED_MAPS];
    for (int i = 0; i < LINUX_MAX_FDS; i++)
        hosts[i] = -1;
    int rc = 0;
    size_t nshared_open = 0;
    for (size_t i = 0; i < cp->nfds && rc == 0; i++) {
        const struct ckpt_fd *f = &cp->fds[i];
        if (f->stdio >= 0) {
            hosts[f->fd] = f->stdio;
            /* Resume reading a file given as stdin where the guest was; pipes cannot seek. */
            if (f->stdio == 0 && f->offset >= 0)
                lseek(0, f->offset, SEEK_SET);
        }
        else
            rc = open_fd(cp, f, hosts, roots, &hosts[f->fd], err, errlen);
    }
    for (; nshared_open < cp->nshared && rc == 0; nshared_open++) {
        const struct linux_shared_map *s = &cp->shared[nshared_open];
        if (check_path(roots, s->path, false, err, errlen)) {
            rc = snap_err_prefix(err, errlen, "shared mapping");
            break;
        }
        shared_fds[nshared_open] = open(s->path, (s->writable ? O_RDWR : O_RDONLY) | O_NOFOLLOW | O_CLOEXEC);
        if (shared_fds[nshared_open] < 0) {
            rc = snap_err(err, errlen, "cannot reopen shared mapping of %s: %s", s->path, strerror(errno));
            break;
        }
    }
    if (rc) {
        for (size_t i = 0; i < cp->nfds; i++)
            if (cp->fds[i].stdio < 0 && hosts[cp->fds[i].fd] >= 0)
                close(hosts[cp->fds[i].fd]);
        for (size_t i = 0; i < nshared_open; i++)
            close(shared_fds[i]);
        return -1;
    }

    for (int i = 0; i < LINUX_MAX_FDS; i++)
        if (p->fds[i].host_fd >= 0)
            fd_close(p, i);   /* the fresh process's stdio entries */
    for (size_t i = 0; i < cp->nfds; i++) {
        struct ckpt_fd *f = &cp->fds[i];
        p->fds[f->fd] = (struct linux_fd){.host_fd = hosts[f->fd], .flags = f->flags, .cloexec = f->cloexec,
                                          .passthrough = f->stdio >= 0, .path = f->path, .offset = -1};
        f->path = NULL;   /* now owned by the process */
    }
    for (size_t i = 0; i < cp->nshared; i++) {
        p->shared[i] = cp->shared[i];
        p->shared[i].host_fd = shared_fds[i];
        cp->shared[i].path = NULL;
    }
    p->nshared = (unsigned)cp->nshared;
    return 0;
}
