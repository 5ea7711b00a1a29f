/* Host paths the guest changed: saved with the snapshot, reproduced on restore.
 *
 * Open files are not enough for "restore reproduces the files the guest saw": a program that
 * wrote a file and closed it, made a directory, renamed or removed something before the
 * snapshot point expects to find the host that way afterwards.  The Linux layer records every
 * path the guest changed (linux_touch_path); capture describes each as a file (mode, content
 * or fingerprint, hard-link identity), a directory, a symbolic link, or an absent entry, and
 * restore makes the host match, strictly inside the allowed directories. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checkpoint/ckpt_internal.h"
#include "snapshot/snap_error.h"

static const char *const kind_names[] = {"file", "dir", "symlink", "absent"};

void ckpt_fs_clear(struct ckpt_process *cp)
{
    for (size_t i = 0; i < cp->nfs; i++) {
        free(cp->fs[i].file.path);
        free(cp->fs[i].file.content);
        free(cp->fs[i].target);
    }
    free(cp->fs);
    cp->fs = NULL;
    cp->nfs = 0;
}

/* ---- capture ---- */

/* The path with its directory resolved (symbolic links, ".."), so that entries are canonical;
 * NULL when the directory itself is gone (the entry is then absent with it). */
static char *canonical(const char *path)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash || !slash[1])
        return NULL;
    const char *base = path + (slash - dir) + 1;
    if (!strcmp(base, ".") || !strcmp(base, ".."))
        return realpath(path, NULL);
    *(slash == dir ? slash + 1 : slash) = 0;
    char *real = realpath(dir, NULL);
    if (!real)
        return NULL;
    char *out = malloc(strlen(real) + strlen(base) + 2);
    if (out)
        sprintf(out, "%s%s%s", real, strcmp(real, "/") ? "/" : "", base);
    free(real);
    return out;
}

static bool have_entry(const struct ckpt_process *cp, const char *path)
{
    for (size_t i = 0; i < cp->nfs; i++)
        if (!strcmp(cp->fs[i].file.path, path))
            return true;
    return false;
}

static int describe_path(struct ckpt_process *cp, struct ckpt_fs_entry *e, char *err, size_t errlen)
{
    const char *path = e->file.path;
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno != ENOENT && errno != ENOTDIR)
            return snap_err(err, errlen, "%s: %s", path, strerror(errno));
        e->kind = CKPT_FS_ABSENT;
        return 0;
    }
    e->mode = st.st_mode & 07777;
    if (S_ISDIR(st.st_mode)) {
        e->kind = CKPT_FS_DIR;
        return 0;
    }
    if (S_ISLNK(st.st_mode)) {
        e->kind = CKPT_FS_SYMLINK;
        e->mode = 0;
        char target[PATH_MAX];
        ssize_t n = readlink(path, target, sizeof target - 1);
        if (n < 0)
            return snap_err(err, errlen, "%s: %s", path, strerror(errno));
        target[n] = 0;
        e->target = strdup(target);
        return e->target ? 0 : snap_err(err, errlen, "out of memory");
    }
    if (!S_ISREG(st.st_mode))
        return snap_err(err, errlen, "%s: the program made a special file here, which a snapshot cannot hold", path);
    e->kind = CKPT_FS_FILE;
    e->dev = st.st_dev;
    e->ino = st.st_ino;
    for (size_t i = 0; st.st_nlink > 1 && cp->fs + i < e; i++)
        if (cp->fs[i].kind == CKPT_FS_FILE && cp->fs[i].same_as < 0 && cp->fs[i].dev == e->dev &&
            cp->fs[i].ino == e->ino) {
            e->same_as = (int64_t)i;
            return 0;
        }
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return snap_err(err, errlen, "%s: %s", path, strerror(errno));
    char *keep = e->file.path;
    int rc = ckpt_describe_fd(fd, path, &e->file, err, errlen);
    free(e->file.path);   /* ckpt_describe_fd made its own copy */
    e->file.path = keep;
    close(fd);
    return rc;
}

int ckpt_fs_collect(struct ckpt_process *cp, char *err, size_t errlen)
{
    const struct linux_process *p = cp->p;
    if (p->touched_overflow)
        return snap_err(err, errlen, "the program changed more than %d host paths: their state cannot be saved",
                        LINUX_MAX_TOUCHED);
    cp->fs = calloc(p->ntouched ? p->ntouched : 1, sizeof *cp->fs);
    if (!cp->fs)
        return snap_err(err, errlen, "out of memory");
    for (unsigned i = 0; i < p->ntouched; i++) {
        char *path = canonical(p->touched[i]);
        if (!path || have_entry(cp, path)) {
            free(path);
            continue;
        }
        struct ckpt_fs_entry *e = &cp->fs[cp->nfs++];
        *e = (struct ckpt_fs_entry){.file.path = path, .same_as = -1};
        if (describe_path(cp, e, err, errlen))
            return -1;
    }
    return 0;
}

/* ---- the attribute: (path, kind, mode, same_as, size, hash, content | target | NIL) ---- */

int ckpt_get_fs_changes(void *obj, struct attr_value *v)
{
    const struct ckpt_process *cp = obj;
    *v = attr_list(cp->nfs);
    for (size_t i = 0; i < cp->nfs; i++) {
        const struct ckpt_fs_entry *e = &cp->fs[i];
        struct attr_value t = attr_list(7);
        attr_list_append(&t, attr_string(e->file.path));
        attr_list_append(&t, attr_string(kind_names[e->kind]));
        attr_list_append(&t, attr_uint(e->mode));
        attr_list_append(&t, attr_int(e->same_as));
        attr_list_append(&t, attr_uint(e->file.size));
        attr_list_append(&t, attr_uint(e->file.hash));
        attr_list_append(&t, e->kind == CKPT_FS_SYMLINK ? attr_string(e->target)
                             : e->file.has_content ? attr_data(e->file.content, e->file.size) : attr_nil());
        attr_list_append(v, t);
    }
    return 0;
}

/* An absolute path of plain components: no "", "." or ".." (entries are canonical). */
static bool canonical_path(const struct attr_value *s)
{
    if (s->str.len < 2 || s->str.len >= PATH_MAX || strlen(s->str.bytes) != s->str.len || s->str.bytes[0] != '/')
        return false;
    for (const char *c = s->str.bytes + 1;;) {
        const char *end = strchr(c, '/');
        size_t n = end ? (size_t)(end - c) : strlen(c);
        if (n == 0 || (n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
            return false;
        if (!end)
            return true;
        c = end + 1;
    }
}

static int set_entry(struct ckpt_fs_entry *fs, size_t i, const struct attr_value *t, char *err, size_t errlen)
{
    struct ckpt_fs_entry *e = &fs[i];
    *e = (struct ckpt_fs_entry){.same_as = -1};
    int kind = -1;
    for (int k = 0; k < (int)(sizeof kind_names / sizeof kind_names[0]); k++)
        if (!strcmp(t[1].str.bytes, kind_names[k]))
            kind = k;
    uint64_t mode;
    if (!canonical_path(&t[0]))
        return snap_err(err, errlen, "fs_changes[%zu]: path must be absolute, without '.' or '..'", i);
    if (kind < 0)
        return snap_err(err, errlen, "fs_changes[%zu]: unknown kind '%s'", i, t[1].str.bytes);
    if (!attr_get_u64(&t[2], &mode) || mode > 07777 || !attr_get_i64(&t[3], &e->same_as) ||
        !attr_get_u64(&t[4], &e->file.size) || !attr_get_u64(&t[5], &e->file.hash))
        return snap_err(err, errlen, "fs_changes[%zu]: bad mode, same_as, size or hash", i);
    e->kind = (enum ckpt_fs_kind)kind;
    e->mode = (uint32_t)mode;
    if (e->same_as >= 0 && (e->kind != CKPT_FS_FILE || e->same_as >= (int64_t)i ||
                            fs[e->same_as].kind != CKPT_FS_FILE || fs[e->same_as].same_as >= 0))
        return snap_err(err, errlen, "fs_changes[%zu]: same_as must name an earlier file entry", i);
    if (e->same_as < -1)
        return snap_err(err, errlen, "fs_changes[%zu]: same_as must be -1 or an entry index", i);
    bool is_target = t[6].kind == ATTR_STRING, is_data = t[6].kind == ATTR_DATA;
    if ((e->kind == CKPT_FS_SYMLINK) != is_target || (is_data && (e->kind != CKPT_FS_FILE || e->same_as >= 0)))
        return snap_err(err, errlen, "fs_changes[%zu]: a symlink takes its target, a file its content or NIL, "
                        "anything else NIL", i);
    if (is_target && (t[6].str.len == 0 || t[6].str.len >= PATH_MAX || strlen(t[6].str.bytes) != t[6].str.len))
        return snap_err(err, errlen, "fs_changes[%zu]: bad symlink target", i);
    if (is_data && t[6].data.length != e->file.size)
        return snap_err(err, errlen, "fs_changes[%zu]: content length differs from the size", i);
    e->file.path = strdup(t[0].str.bytes);
    if (is_target)
        e->target = strdup(t[6].str.bytes);
    if (is_data) {
        e->file.has_content = true;
        e->file.content = malloc(e->file.size ? e->file.size : 1);
        if (e->file.content && e->file.size)
            memcpy(e->file.content, t[6].data.payload, e->file.size);
    }
    if (!e->file.path || (is_target && !e->target) || (is_data && !e->file.content))
        return snap_err(err, errlen, "out of memory");
    return 0;
}

int ckpt_set_fs_changes(void *obj, const struct attr_value *v, char *err, size_t errlen)
{
    struct ckpt_process *cp = obj;
    if (v->list.n > LINUX_MAX_TOUCHED)
        return snap_err(err, errlen, "more than %d fs_changes entries", LINUX_MAX_TOUCHED);
    ckpt_fs_clear(cp);
    cp->fs = calloc(v->list.n ? v->list.n : 1, sizeof *cp->fs);
    if (!cp->fs)
        return snap_err(err, errlen, "out of memory");
    for (size_t i = 0; i < v->list.n; i++) {
        cp->nfs = i + 1;   /* counted first so that a failure still frees the entry */
        if (set_entry(cp->fs, i, v->list.items[i].list.items, err, errlen))
            return -1;
        for (size_t k = 0; k < i; k++)
            if (!strcmp(cp->fs[k].file.path, cp->fs[i].file.path))
                return snap_err(err, errlen, "fs_changes[%zu]: %s is listed twice", i, cp->fs[i].file.path);
    }
    return 0;
}

/* ---- restore ---- */

/* Checked again right before each change, after symbolic links made by earlier entries exist. */
static int check_location(const struct ckpt_roots *roots, const char *path, char *err, size_t errlen)
{
    return ckpt_check_location(roots, path, false, err, errlen);
}

/* Removes whatever is at path (an empty directory, a file, a link). */
static int remove_entry(const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : snap_err(err, errlen, "%s: %s", path, strerror(errno));
    if ((S_ISDIR(st.st_mode) ? rmdir(path) : unlink(path)) != 0)
        return snap_err(err, errlen, "cannot remove %s: %s", path, strerror(errno));
    return 0;
}

static int make_dir(const struct ckpt_fs_entry *e, char *err, size_t errlen)
{
    struct stat st;
    const char *path = e->file.path;
    if (lstat(path, &st) == 0 && !S_ISDIR(st.st_mode) && remove_entry(path, err, errlen))
        return -1;
    if (lstat(path, &st) != 0 && mkdir(path, 0700) != 0)
        return snap_err(err, errlen, "cannot create directory %s: %s", path, strerror(errno));
    return chmod(path, e->mode) ? snap_err(err, errlen, "%s: %s", path, strerror(errno)) : 0;
}

static int make_file(const struct ckpt_fs_entry *fs, const struct ckpt_fs_entry *e, const struct ckpt_roots *roots,
                     const struct ckpt_restore_opts *o, char *err, size_t errlen)
{
    const char *path = e->file.path;
    struct stat st, first;
    bool exists = lstat(path, &st) == 0;
    if (e->same_as >= 0) {
        const char *to = fs[e->same_as].file.path;
        /* The source is confined exactly like the target: an earlier symlink entry may have
         * redirected its directory. */
        if (check_location(roots, to, err, errlen))
            return -1;
        if (exists && lstat(to, &first) == 0 && st.st_dev == first.st_dev && st.st_ino == first.st_ino)
            return 0;
        if (remove_entry(path, err, errlen))
            return -1;
        return link(to, path) ? snap_err(err, errlen, "cannot link %s to %s: %s", path, to, strerror(errno)) : 0;
    }
    bool same = ckpt_file_unchanged(&e->file);
    /* Never write through a link: a file that is not regular, or that shares its inode with
     * other names (perhaps outside the allowed directories), is replaced, not rewritten. */
    /* What the user has there now is kept (check_changed refused the restore without a
     * directory for it). */
    if (exists && S_ISREG(st.st_mode) && !same && e->file.has_content && ckpt_keep_backup(path, o, err, errlen))
        return -1;
    if (exists && (!S_ISREG(st.st_mode) || (!same && st.st_nlink > 1)) && remove_entry(path, err, errlen))
        return -1;
    if (!same) {
        if (!e->file.has_content) {
            if (!o || !o->force)
                return snap_err(err, errlen, "%s changed since the snapshot and is too large to have been saved "
                                "in it; --force-restore restores anyway", path);
            ckpt_warn(o, "%s changed since the snapshot; restoring anyway (--force-restore)", path);
        } else if (ckpt_write_content(&e->file, err, errlen)) {
            return -1;
        }
    }
    return lstat(path, &st) != 0 || (st.st_mode & 07777) == e->mode || chmod(path, e->mode) == 0
               ? 0 : snap_err(err, errlen, "%s: %s", path, strerror(errno));
}

static int make_symlink(const struct ckpt_fs_entry *e, char *err, size_t errlen)
{
    char now[PATH_MAX];
    ssize_t n = readlink(e->file.path, now, sizeof now - 1);
    if (n >= 0) {
        now[n] = 0;
        if (!strcmp(now, e->target))
            return 0;
    }
    if (remove_entry(e->file.path, err, errlen))
        return -1;
    return symlink(e->target, e->file.path)
               ? snap_err(err, errlen, "cannot create symlink %s: %s", e->file.path, strerror(errno)) : 0;
}

/* Shorter paths first: a directory before what it contains. */
static int shorter_first(const void *a, const void *b, void *entries)
{
    const struct ckpt_fs_entry *fs = entries;
    size_t x = strlen(fs[*(const size_t *)a].file.path), y = strlen(fs[*(const size_t *)b].file.path);
    return x < y ? -1 : x > y;
}

int ckpt_fs_restore(struct ckpt_process *cp, const struct ckpt_roots *roots, const struct ckpt_restore_opts *o,
                    char *err, size_t errlen)
{
    for (size_t i = 0; i < cp->nfs; i++)
        if (check_location(roots, cp->fs[i].file.path, err, errlen))
            return -1;
    size_t *order = malloc((cp->nfs ? cp->nfs : 1) * sizeof *order);
    if (!order)
        return snap_err(err, errlen, "out of memory");
    for (size_t i = 0; i < cp->nfs; i++)
        order[i] = i;
    qsort_r(order, cp->nfs, sizeof *order, shorter_first, cp->fs);
    int rc = 0;
    /* Directories outermost first, then files and links in capture order (a hard link after
     * the file it names), then removals innermost first. */
    for (size_t k = 0; k < cp->nfs && rc == 0; k++) {
        const struct ckpt_fs_entry *e = &cp->fs[order[k]];
        if (e->kind == CKPT_FS_DIR)
            rc = check_location(roots, e->file.path, err, errlen) || make_dir(e, err, errlen);
    }
    for (size_t i = 0; i < cp->nfs && rc == 0; i++) {
        const struct ckpt_fs_entry *e = &cp->fs[i];
        if (e->kind == CKPT_FS_FILE || e->kind == CKPT_FS_SYMLINK)
            rc = check_location(roots, e->file.path, err, errlen) ||
                 (e->kind == CKPT_FS_FILE ? make_file(cp->fs, e, roots, o, err, errlen) : make_symlink(e, err, errlen));
    }
    for (size_t k = cp->nfs; k-- > 0 && rc == 0;) {
        const struct ckpt_fs_entry *e = &cp->fs[order[k]];
        struct stat st;
        if (e->kind == CKPT_FS_ABSENT)
            rc = check_location(roots, e->file.path, err, errlen) ||
                 (lstat(e->file.path, &st) == 0 && S_ISREG(st.st_mode) && ckpt_keep_backup(e->file.path, o, err, errlen)) ||
                 remove_entry(e->file.path, err, errlen);
    }
    free(order);
    if (rc)
        return -1;
    /* The restored process keeps these paths, so its own snapshots save them again. */
    for (size_t i = 0; i < cp->nfs; i++)
        linux_touch_path(cp->p, cp->fs[i].file.path);
    return 0;
}
