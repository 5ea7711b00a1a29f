/* A disk as an image object: a read-only base file plus the blocks written since, kept in
 * memory.  The base is never modified; each written block is held whole (copied from the base
 * on its first write) and marked dirty.  A snapshot stores the blocks dirty since the previous
 * snapshot as an incremental diff on top of the base (and the diffs before it), then clears the
 * dirty marks -- the Simics way of saving disks: base + diff-1 + diff-2 ...
 *
 * Block size is DISK_BLOCK (4 KiB).  The image size is the base file's size rounded down to
 * whole 512-byte sectors, at most DISK_MAX_SIZE. */
#ifndef SNAPSIM_DEVICES_DISK_IMAGE_H
#define SNAPSIM_DEVICES_DISK_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { DISK_BLOCK = 4096, DISK_SECTOR = 512 };
#define DISK_MAX_SIZE (64ull << 30)

struct disk_image {
    int base_fd;                 /* -1: an all-zero base */
    uint64_t size;               /* bytes */
    uint64_t nblocks;
    uint8_t **block;             /* per block: its written content, or NULL (the base's) */
    uint8_t *dirty;              /* per block: written since the last disk_image_clear_dirty */
    uint64_t ndirty;
};

/* Opens path read-only as the base.  Returns 0, or -1 with a one-line message. */
int disk_image_open(struct disk_image *d, const char *path, char *err, size_t errlen);
/* An image of `size` bytes (a multiple of DISK_SECTOR) over an all-zero base. */
int disk_image_init_blank(struct disk_image *d, uint64_t size, char *err, size_t errlen);
void disk_image_close(struct disk_image *d);
/* Byte-addressed access inside [0, size); false on a range outside the image, a read error of
 * the base, or no memory for a new block. */
bool disk_image_read(struct disk_image *d, uint64_t off, void *buf, size_t n);
bool disk_image_write(struct disk_image *d, uint64_t off, const void *buf, size_t n);
/* The dirty blocks in increasing order: calls fn for each; stops at and returns fn's first
 * nonzero result. */
int disk_image_each_dirty(const struct disk_image *d, int (*fn)(void *ctx, uint64_t block, const uint8_t *data),
                          void *ctx);
void disk_image_clear_dirty(struct disk_image *d);

#endif
