/* The reading side of disk image objects (image_disk.h): finding the base, checking every file's
 * fingerprint, and applying the diffs to a fresh disk. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checkpoint/image_disk.h"
#include "snapshot/snap_error.h"

/* The candidates for a base named `name`, in search order, into out (each PATH_MAX bytes). */
static size_t base_candidates(const char *name, const struct snap_paths *paths, const struct image_search *search,
                              char (*out)[PATH_MAX], size_t max)
{
    size_t n = 0;
    if (name[0] == '/') {
        snprintf(out[n++], PATH_MAX, "%s", name);
    } else if (n < max) {
        snprintf(out[n++], PATH_MAX, "%s/%s", paths->dir, name);
    }
    const char *slash = strrchr(name, '/');
    const char *file = slash ? slash + 1 : name;
    for (size_t i = 0; i < paths->nancestors + 1 && n < max; i++)
        snprintf(out[n++], PATH_MAX, "%s/%s", i ? paths->ancestors[i - 1] : paths->dir, file);
    for (size_t i = 0; search && i < search->n && n < max; i++)
        snprintf(out[n++], PATH_MAX, "%s/%s", search->dirs[i], file);
    return n;
}

/* The first existing candidate, which must be the recorded base. */
static int find_base(const struct image_disk_file *base, const struct snap_paths *paths,
                     const struct image_search *search, char **found, char *err, size_t errlen)
{
    enum { MAX = 4 + SNAP_MAX_CHAIN };
    char (*cand)[PATH_MAX] = malloc(MAX * sizeof *cand);
    if (!cand)
        return snap_err(err, errlen, "out of memory");
    size_t n = base_candidates(base->name, paths, search, cand, MAX);
    int rc = snap_err(err, errlen, "disk base image %s not found (in the snapshot's directories or --image-path)",
                      base->name);
    for (size_t i = 0; i < n; i++) {
        int fd = open(cand[i], O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0)
            continue;
        struct stat st;
        uint64_t bytes = 0, hash = 0;
        if (fstat(fd, &st) || !S_ISREG(st.st_mode))
            rc = snap_err(err, errlen, "disk base image %s is not a regular file", cand[i]);
        else if ((rc = image_disk_fingerprint(fd, cand[i], &bytes, &hash, err, errlen)) == 0 &&
                 (bytes != base->bytes || hash != base->hash))
            rc = snap_err(err, errlen, "disk base image %s changed since the snapshot (%llu bytes, xxh3 %016llx; "
                          "the snapshot has %llu bytes, xxh3 %016llx)", cand[i], (unsigned long long)bytes,
                          (unsigned long long)hash, (unsigned long long)base->bytes,
                          (unsigned long long)base->hash);
        else if (rc == 0 && !(*found = strdup(cand[i])))
            rc = snap_err(err, errlen, "out of memory");
        close(fd);
        break;
    }
    free(cand);
    return rc;
}

static int check_diff(const struct image_disk_file *f, const struct snap_paths *paths, char *err, size_t errlen)
{
    int fd;
    uint64_t bytes, hash;
    if (snap_paths_open(paths, f->name, &fd, err, errlen))
        return -1;
    int rc = image_disk_fingerprint(fd, f->name, &bytes, &hash, err, errlen);
    close(fd);
    if (rc == 0 && (bytes != f->bytes || hash != f->hash))
        rc = snap_err(err, errlen, "disk diff %s: size or xxh3 differs from the one recorded", f->name);
    return rc;
}

int image_disk_find_base(const struct image_disk *o, const struct snap_paths *paths,
                         const struct image_search *search, char **base_path, char *err, size_t errlen)
{
    *base_path = NULL;
    if (o->nfiles == 0)
        return snap_err(err, errlen, "a disk image without files");
    const struct image_disk_file *base = &o->files[0];
    if (!base->name[0])
        return 0;
    if (base->bytes / DISK_SECTOR * DISK_SECTOR != o->size)
        return snap_err(err, errlen, "disk size %llu is not that of its base image (%llu bytes)",
                        (unsigned long long)o->size, (unsigned long long)base->bytes);
    return find_base(base, paths, search, base_path, err, errlen);
}

int image_disk_stage(const struct image_disk *o, const struct snap_paths *paths, const struct image_search *search,
                     char **base_path, struct snap_page_chain *diffs, char *err, size_t errlen)
{
    *diffs = (struct snap_page_chain){0};
    if (image_disk_find_base(o, paths, search, base_path, err, errlen))
        return -1;
    if (image_disk_open_diffs(o, paths, diffs, err, errlen)) {
        free(*base_path);
        *base_path = NULL;
        return -1;
    }
    return 0;
}

int image_disk_open_diffs(const struct image_disk *o, const struct snap_paths *paths, struct snap_page_chain *diffs,
                          char *err, size_t errlen)
{
    *diffs = (struct snap_page_chain){0};
    if (o->nfiles == 0)
        return snap_err(err, errlen, "a disk image without files");
    /* The page chain wants its files newest first. */
    struct attr_value refs = attr_list(o->nfiles - 1);
    for (size_t i = o->nfiles; i-- > 1;)
        attr_list_append(&refs, attr_string(o->files[i].name));
    int rc = attr_ok(&refs) ? 0 : snap_err(err, errlen, "out of memory");
    for (size_t i = 1; rc == 0 && i < o->nfiles; i++)
        rc = check_diff(&o->files[i], paths, err, errlen);
    if (rc == 0)
        rc = snap_page_chain_open(diffs, paths, &refs, err, errlen);
    attr_free(&refs);
    uint64_t nblocks = (o->size + DISK_BLOCK - 1) / DISK_BLOCK;
    for (size_t i = 0; rc == 0 && i < diffs->n; i++) {
        size_t n = snap_pages_count(diffs->images[i]);
        if (n && snap_pages_entry(diffs->images[i], n - 1)->page_number >= nblocks)
            rc = snap_err(err, errlen, "%s: holds a block beyond the disk's %llu", snap_pages_name(diffs->images[i]),
                          (unsigned long long)nblocks);
    }
    if (rc)
        snap_page_chain_close(diffs);
    return rc;
}

static int apply_block(void *ctx, uint64_t block, const void *data)
{
    struct disk_image *d = ctx;
    uint64_t off = block * DISK_BLOCK;
    size_t n = off + DISK_BLOCK > d->size ? (size_t)(d->size - off) : DISK_BLOCK;
    return disk_image_write(d, off, data, n) ? 0 : 1;
}

int image_disk_load(struct disk_image *d, const char *base_path, uint64_t size, struct snap_page_chain *diffs,
                    char *err, size_t errlen)
{
    if (base_path ? disk_image_open(d, base_path, err, errlen) : disk_image_init_blank(d, size, err, errlen))
        return -1;
    if (d->size != size) {
        disk_image_close(d);
        return snap_err(err, errlen, "disk base image %s holds %llu bytes, the snapshot %llu", base_path,
                        (unsigned long long)d->size, (unsigned long long)size);
    }
    err[0] = 0;
    if (snap_page_chain_for_each(diffs, apply_block, d, err, errlen)) {
        disk_image_close(d);
        return *err ? -1 : snap_err(err, errlen, "out of memory for the disk's blocks");
    }
    disk_image_clear_dirty(d);
    return 0;
}
