#include "devices/disk_image.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "snapshot/snap_error.h"

static int alloc_tables(struct disk_image *d, uint64_t size, char *err, size_t errlen)
{
    d->size = size;
    d->nblocks = (size + DISK_BLOCK - 1) / DISK_BLOCK;
    /* calloc of the tables maps zero pages lazily: a large disk costs memory only where written */
    d->block = calloc(d->nblocks ? d->nblocks : 1, sizeof *d->block);
    d->dirty = calloc(d->nblocks ? d->nblocks : 1, 1);
    d->ndirty = 0;
    if (!d->block || !d->dirty) {
        free(d->block);
        free(d->dirty);
        return snap_err(err, errlen, "out of memory for a %llu-byte disk", (unsigned long long)size);
    }
    return 0;
}

int disk_image_init_blank(struct disk_image *d, uint64_t size, char *err, size_t errlen)
{
    d->base_fd = -1;
    if (size % DISK_SECTOR || size > DISK_MAX_SIZE)
        return snap_err(err, errlen, "disk size %llu is not a multiple of %d bytes up to %llu",
                        (unsigned long long)size, DISK_SECTOR, (unsigned long long)DISK_MAX_SIZE);
    return alloc_tables(d, size, err, errlen);
}

int disk_image_open(struct disk_image *d, const char *path, char *err, size_t errlen)
{
    struct stat st;
    d->base_fd = open(path, O_RDONLY | O_CLOEXEC);
    if (d->base_fd < 0)
        return snap_err(err, errlen, "cannot open disk image %s: %s", path, strerror(errno));
    if (fstat(d->base_fd, &st) || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > DISK_MAX_SIZE ||
        st.st_size < DISK_SECTOR) {
        close(d->base_fd);
        d->base_fd = -1;
        return snap_err(err, errlen, "disk image %s is not a regular file of 512 bytes to %llu GiB",
                        path, (unsigned long long)(DISK_MAX_SIZE >> 30));
    }
    if (alloc_tables(d, (uint64_t)st.st_size / DISK_SECTOR * DISK_SECTOR, err, errlen)) {
        close(d->base_fd);
        d->base_fd = -1;
        return -1;
    }
    return 0;
}

void disk_image_close(struct disk_image *d)
{
    if (d->block)
        for (uint64_t b = 0; b < d->nblocks; b++)
            free(d->block[b]);
    free(d->block);
    free(d->dirty);
    if (d->base_fd >= 0)
        close(d->base_fd);
    memset(d, 0, sizeof *d);
    d->base_fd = -1;
}

/* Reads [off, off + n) of one block from the base (the tail past the image reads as zeros). */
static bool base_read(const struct disk_image *d, uint64_t off, uint8_t *buf, size_t n)
{
    memset(buf, 0, n);
    if (d->base_fd < 0 || off >= d->size)
        return true;
    size_t want = off + n > d->size ? (size_t)(d->size - off) : n;
    while (want) {
        ssize_t r = pread(d->base_fd, buf, want, (off_t)off);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        buf += r, off += (uint64_t)r, want -= (size_t)r;
    }
    return true;
}

static bool in_range(const struct disk_image *d, uint64_t off, size_t n)
{
    return off <= d->size && n <= d->size - off;
}

bool disk_image_read(struct disk_image *d, uint64_t off, void *buf, size_t n)
{
    if (!in_range(d, off, n))
        return false;
    uint8_t *out = buf;
    while (n) {
        uint64_t b = off / DISK_BLOCK, in = off % DISK_BLOCK;
        size_t chunk = n < DISK_BLOCK - in ? n : (size_t)(DISK_BLOCK - in);
        if (d->block[b])
            memcpy(out, d->block[b] + in, chunk);
        else if (!base_read(d, off, out, chunk))
            return false;
        out += chunk, off += chunk, n -= chunk;
    }
    return true;
}

bool disk_image_write(struct disk_image *d, uint64_t off, const void *buf, size_t n)
{
    if (!in_range(d, off, n))
        return false;
    const uint8_t *in_buf = buf;
    while (n) {
        uint64_t b = off / DISK_BLOCK, in = off % DISK_BLOCK;
        size_t chunk = n < DISK_BLOCK - in ? n : (size_t)(DISK_BLOCK - in);
        if (!d->block[b]) {
            uint8_t *blk = malloc(DISK_BLOCK);
            if (!blk || !base_read(d, b * DISK_BLOCK, blk, DISK_BLOCK)) {
                free(blk);
                return false;
            }
            d->block[b] = blk;
        }
        memcpy(d->block[b] + in, in_buf, chunk);
        if (!d->dirty[b]) {
            d->dirty[b] = 1;
            d->ndirty++;
        }
        in_buf += chunk, off += chunk, n -= chunk;
    }
    return true;
}

int disk_image_each_dirty(const struct disk_image *d, int (*fn)(void *ctx, uint64_t block, const uint8_t *data),
                          void *ctx)
{
    for (uint64_t b = 0; b < d->nblocks; b++)
        if (d->dirty[b]) {
            int r = fn(ctx, b, d->block[b]);
            if (r)
                return r;
        }
    return 0;
}

void disk_image_clear_dirty(struct disk_image *d)
{
    memset(d->dirty, 0, d->nblocks);
    d->ndirty = 0;
}
