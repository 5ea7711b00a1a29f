/* Checks of the staged host state of a snapshot (fds, files, shared mappings, fs_changes, cwd)
 * that run before anything on the host changes.
 *
 * ckpt_process_check needs no host access: restore's check phase (ckpt_stage), which `snapshot
 * verify` runs too, and capture (before writing) call it, so a snapshot capture writes or verify
 * accepts is never refused by restore for a format reason.
 * ckpt_locations_check judges every host path a restore will touch against the allowed roots;
 * only when both passed does restore change a single host file (no half-applied restore). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "checkpoint/ckpt_internal.h"
#include "snapshot/snap_error.h"

static const char *const std_paths[3] = {"/dev/stdin", "/dev/stdout", "/dev/stderr"};

int ckpt_std_index(const char *path)
{
    for (int i = 0; i < 3; i++)
        if (!strcmp(path, std_paths[i]))
            return i;
    return -1;
}

const struct ckpt_file *ckpt_find_file(const struct ckpt_process *cp, const char *path)
{
    for (size_t i = 0; i < cp->nfiles; i++)
        if (!strcmp(cp->files[i].path, path))
            return &cp->files[i];
    return NULL;
}

static const struct ckpt_fs_entry *find_fs(const struct ckpt_process *cp, const char *path)
{
    for (size_t i = 0; i < cp->nfs; i++)
        if (!strcmp(cp->fs[i].file.path, path))
            return &cp->fs[i];
    return NULL;
}

bool ckpt_harmless_device(const char *path)
{
    static const char *const harmless[] = {"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"};
    for (size_t i = 0; i < sizeof harmless / sizeof harmless[0]; i++)
        if (!strcmp(path, harmless[i]))
            return true;
    return false;
}

static int check_file(const struct ckpt_process *cp, size_t i, char *err, size_t errlen)
{
    const struct ckpt_file *f = &cp->files[i];
    for (size_t k = 0; k < i; k++)
        if (!strcmp(cp->files[k].path, f->path))
            return snap_err(err, errlen, "files[%zu]: %s is listed twice", i, f->path);
    /* Only the three standard stream names stand for the simulator's own streams. */
    if ((f->kind == CKPT_FILE_STDIO) != (ckpt_std_index(f->path) >= 0))
        return snap_err(err, errlen, "files[%zu]: %s: only /dev/stdin, /dev/stdout and /dev/stderr are of kind stdio",
                        i, f->path);
    if (f->kind == CKPT_FILE_DEVICE && !ckpt_harmless_device(f->path))
        return snap_err(err, errlen, "files[%zu]: device %s cannot be reopened safely", i, f->path);
    if (f->kind == CKPT_FILE_OTHER)
        return snap_err(err, errlen, "files[%zu]: %s is not a regular file, directory or device: cannot be restored",
                        i, f->path);
    if (f->has_content && f->kind != CKPT_FILE_REGULAR)
        return snap_err(err, errlen, "files[%zu]: %s: only a regular file has saved content", i, f->path);
    if (f->has_content && XXH3_64bits(f->content, f->size) != f->hash)
        return snap_err(err, errlen, "files[%zu]: %s: saved content does not match its xxh3", i, f->path);
    const struct ckpt_fs_entry *e = find_fs(cp, f->path);
    if (e && (f->kind == CKPT_FILE_REGULAR ? e->kind != CKPT_FS_FILE : f->kind == CKPT_FILE_DIR ? e->kind != CKPT_FS_DIR : true))
        return snap_err(err, errlen, "files[%zu]: %s: fs_changes describes the same path as something else", i, f->path);
    if (e && f->kind == CKPT_FILE_REGULAR && e->same_as < 0 && (e->file.size != f->size || e->file.hash != f->hash))
        return snap_err(err, errlen, "files[%zu]: %s: size or xxh3 differs from its fs_changes entry", i, f->path);
    return 0;
}

/* What restore needs to reopen fd i: an earlier fd it duplicates, one of the simulator's
 * streams, or a host file described in files (which judges its kind).  A regular file's offset
 * must be one restore can seek to (every file system snapsim supports takes offsets below
 * CKPT_MAX_FD_OFFSET); a directory's is a getdents position cookie, which may be any 63-bit
 * value (ext4 ends a hashed directory at 0x7fffffffffffffff). */
static int check_fd(const struct ckpt_process *cp, size_t i, char *err, size_t errlen)
{
    const struct ckpt_fd *f = &cp->fds[i];
    const struct ckpt_file *file = f->path[0] == '/' ? ckpt_find_file(cp, f->path) : NULL;
    if (f->offset > CKPT_MAX_FD_OFFSET && !(file && file->kind == CKPT_FILE_DIR))
        return snap_err(err, errlen, "guest fd %d: offset %lld beyond the largest a restore can seek to (%lld)",
                        f->fd, (long long)f->offset, (long long)CKPT_MAX_FD_OFFSET);
    if (f->dup_of >= 0) {
        for (size_t k = 0; k < i; k++)
            if (cp->fds[k].fd == f->dup_of)
                return 0;
        return snap_err(err, errlen, "guest fd %d: dup_of names fd %d, which is not open", f->fd, f->dup_of);
    }
    if (f->stdio >= 0 || ckpt_std_index(f->path) >= 0)
        return 0;
    if (f->path[0] != '/')
        return snap_err(err, errlen, "guest fd %d (%s) is a pipe or socket: it cannot be restored", f->fd, f->path);
    if (!file)
        return snap_err(err, errlen, "guest fd %d: %s is not described in files", f->fd, f->path);
    return 0;
}

int ckpt_process_check(const struct ckpt_process *cp, char *err, size_t errlen)
{
    const struct linux_process *p = cp->p;
    if (p && p->brk < p->brk_start)
        return snap_err(err, errlen, "object proc: brk below brk_start");
    for (size_t i = 0; i < cp->nfiles; i++)
        if (check_file(cp, i, err, errlen))
            return snap_err_prefix(err, errlen, "object proc");
    for (size_t i = 0; i < cp->nfs; i++) {
        const struct ckpt_fs_entry *e = &cp->fs[i];
        if (e->file.has_content && XXH3_64bits(e->file.content, e->file.size) != e->file.hash)
            return snap_err(err, errlen, "object proc: fs_changes[%zu]: %s: saved content does not match its xxh3",
                            i, e->file.path);
    }
    for (size_t i = 0; i < cp->nfds; i++)
        if (check_fd(cp, i, err, errlen))
            return snap_err_prefix(err, errlen, "object proc");
    for (size_t i = 0; i < cp->nshared; i++) {
        const struct ckpt_file *f = ckpt_find_file(cp, cp->shared[i].path);
        if (!f || f->kind != CKPT_FILE_REGULAR)
            return snap_err(err, errlen, "object proc: shared mapping of %s: not described in files as a regular file",
                            cp->shared[i].path);
    }
    return 0;
}

int ckpt_check_location(const struct ckpt_roots *roots, const char *path, bool itself, char *err, size_t errlen)
{
    char dir[PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir || dir[0] != '/')
        return snap_err(err, errlen, "%s: not an absolute path", path);
    for (bool first = true;; first = false) {
        if (!first || !itself) {
            char *slash = strrchr(dir, '/');
            *(slash == dir ? slash + 1 : slash) = 0;
        }
        char *real = realpath(dir, NULL);
        if (real) {
            bool ok = ckpt_path_allowed(roots, real);
            free(real);
            return ok ? 0 : snap_err(err, errlen, "%s lies outside the allowed directories (see --allow-path)", path);
        }
        if ((errno != ENOENT && errno != ENOTDIR) || !strcmp(dir, "/"))
            return snap_err(err, errlen, "%s: %s", dir, strerror(errno));
    }
}

int ckpt_locations_check(const struct ckpt_process *cp, const struct ckpt_roots *roots, char *err, size_t errlen)
{
    for (size_t i = 0; i < cp->nfs; i++)
        if (ckpt_check_location(roots, cp->fs[i].file.path, false, err, errlen))
            return snap_err_prefix(err, errlen, "fs_changes[%zu]", i);
    for (size_t i = 0; i < cp->nfiles; i++)
        if (cp->files[i].kind != CKPT_FILE_STDIO && cp->files[i].kind != CKPT_FILE_DEVICE &&
            ckpt_check_location(roots, cp->files[i].path, true, err, errlen))
            return snap_err_prefix(err, errlen, "files[%zu]", i);
    for (size_t i = 0; i < cp->nshared; i++)
        if (ckpt_check_location(roots, cp->shared[i].path, true, err, errlen))
            return snap_err_prefix(err, errlen, "shared mapping");
    if (cp->cwd && ckpt_check_location(roots, cp->cwd, true, err, errlen))
        return snap_err_prefix(err, errlen, "cwd");
    return 0;
}
