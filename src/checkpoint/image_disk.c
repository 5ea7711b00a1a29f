/* The disk-image class and the writing side of disk image objects (image_disk.h). */
#include "checkpoint/image_disk.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "snapshot/page_image.h"
#include "snapshot/snap_error.h"

#define DISK(o) ((struct image_disk *)(o))

void image_disk_clear(struct image_disk *o)
{
    for (size_t i = 0; i < o->nfiles; i++)
        free(o->files[i].name);
    free(o->files);
    *o = (struct image_disk){0};
}

int image_disk_fingerprint(int fd, const char *name, uint64_t *bytes, uint64_t *hash, char *err, size_t errlen)
{
    XXH3_state_t *st = XXH3_createState();
    enum { CHUNK = 1 << 20 };
    uint8_t *buf = malloc(CHUNK);
    uint64_t total = 0;
    int rc = -1;
    if (!st || !buf || XXH3_64bits_reset(st) == XXH_ERROR) {
        snap_err(err, errlen, "out of memory");
        goto out;
    }
    for (;;) {
        ssize_t n = pread(fd, buf, CHUNK, (off_t)total);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            snap_err(err, errlen, "%s: %s", name, strerror(errno));
            goto out;
        }
        if (n == 0)
            break;
        XXH3_64bits_update(st, buf, (size_t)n);
        total += (uint64_t)n;
    }
    *bytes = total;
    *hash = XXH3_64bits_digest(st);
    rc = 0;
out:
    free(buf);
    XXH3_freeState(st);
    return rc;
}

struct block_iter {
    const struct disk_image *d;
    uint64_t next;
    bool all;
};

static const uint8_t zero_block[DISK_BLOCK];

/* Blocks in increasing order: dirty ones, or (all) every block holding written content.  A
 * dirty block is always written (disk_image_write copies it in first). */
static int next_block(void *ctx, uint64_t *number, const void **page, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    struct block_iter *it = ctx;
    while (it->next < it->d->nblocks) {
        uint64_t b = it->next++;
        if (it->all ? it->d->block[b] != NULL : it->d->dirty[b]) {
            *number = b;
            *page = it->d->block[b] ? it->d->block[b] : zero_block;
            return 1;
        }
    }
    return 0;
}

int image_disk_write_diff(int fd, const struct disk_image *d, bool all, char *err, size_t errlen)
{
    struct block_iter it = {.d = d, .all = all};
    /* Zero entries: a block written to zero must shadow the older content below it. */
    struct snap_pages_opts po = {.record_zero_pages = true};
    struct snap_pages_stats ps;
    return snap_pages_write(fd, next_block, &it, &po, &ps, err, errlen);
}

static int copy_file(struct image_disk_file *dst, const struct image_disk_file *src)
{
    *dst = *src;
    dst->name = strdup(src->name);
    return dst->name ? 0 : -1;
}

int image_disk_describe(struct image_disk *o, uint64_t size, const struct image_disk_file *base,
                        const struct image_disk_file *older, size_t nolder, const struct image_disk_file *diff,
                        char *err, size_t errlen)
{
    static const struct image_disk_file blank = {.name = ""};
    *o = (struct image_disk){.size = size};
    if (nolder + 2 > IMAGE_DISK_MAX_FILES)
        return snap_err(err, errlen, "a disk image chain holds at most %d diffs", IMAGE_DISK_MAX_FILES - 1);
    if (!(o->files = calloc(nolder + 2, sizeof *o->files)))
        return snap_err(err, errlen, "out of memory");
    bool ok = copy_file(&o->files[o->nfiles++], base ? base : &blank) == 0;
    for (size_t i = 0; ok && i < nolder; i++)
        ok = copy_file(&o->files[o->nfiles++], &older[i]) == 0;
    ok = ok && copy_file(&o->files[o->nfiles++], diff) == 0;
    if (!ok) {
        image_disk_clear(o);
        return snap_err(err, errlen, "out of memory");
    }
    return 0;
}

/* ---- the class ---- */

static int get_size(void *o, struct attr_value *v) { *v = attr_uint(DISK(o)->size); return 0; }
static int set_size(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t s;
    if (!attr_get_u64(v, &s) || s == 0 || s % DISK_SECTOR || s > DISK_MAX_SIZE)
        return snap_err(err, errlen, "disk size must be whole %d-byte sectors up to %llu GiB", DISK_SECTOR,
                        (unsigned long long)(DISK_MAX_SIZE >> 30));
    DISK(o)->size = s;
    return 0;
}

static int get_files(void *o, struct attr_value *v)
{
    *v = attr_list(DISK(o)->nfiles);
    for (size_t i = 0; i < DISK(o)->nfiles; i++) {
        const struct image_disk_file *f = &DISK(o)->files[i];
        struct attr_value t = attr_list(4);
        attr_list_append(&t, attr_string(f->name));
        attr_list_append(&t, attr_string("ro"));
        attr_list_append(&t, attr_uint(f->bytes));
        attr_list_append(&t, attr_uint(f->hash));
        attr_list_append(v, t);
    }
    return 0;
}

/* Diffs are references into the chain (%N%/NAME, N >= 0); the base is a path, "" for none. */
static bool is_reference(const char *s)
{
    if (s[0] != '%' || !(s[1] >= '0' && s[1] <= '9'))
        return false;
    const char *p = s + 1;
    while (*p >= '0' && *p <= '9')
        p++;
    return p[0] == '%' && p[1] == '/' && p[2];
}

static int set_files(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    size_t n = v->list.n;
    if (n > IMAGE_DISK_MAX_FILES)
        return snap_err(err, errlen, "%zu files; a disk image has at most %d", n, IMAGE_DISK_MAX_FILES);
    struct image_disk_file *files = calloc(n, sizeof *files);
    if (!files)
        return snap_err(err, errlen, "out of memory");
    size_t k = 0;
    for (; k < n; k++) {
        const struct attr_value *t = v->list.items[k].list.items;
        const char *name = t[0].str.bytes;
        bool base = k == 0;
        if (strlen(name) != t[0].str.len || strcmp(t[1].str.bytes, "ro") != 0 ||
            !attr_get_u64(&t[2], &files[k].bytes) || !attr_get_u64(&t[3], &files[k].hash)) {
            snap_err(err, errlen, "files[%zu]: expected (name, \"ro\", bytes, xxh3)", k);
            break;
        }
        if (base ? is_reference(name) : !is_reference(name)) {
            snap_err(err, errlen, "files[%zu]: %s", k,
                     base ? "the first file is the base image, a path" : "a diff must be a %N%/ reference");
            break;
        }
        if (!(files[k].name = strdup(name))) {
            snap_err(err, errlen, "out of memory");
            break;
        }
    }
    if (k < n) {
        for (size_t i = 0; i < k; i++)
            free(files[i].name);
        free(files);
        return -1;
    }
    image_disk_clear(&(struct image_disk){.files = DISK(o)->files, .nfiles = DISK(o)->nfiles});
    DISK(o)->files = files;
    DISK(o)->nfiles = n;
    return 0;
}

static const struct snap_attr_def disk_attrs[] = {
    {"size", "i", SNAP_ATTR_REQUIRED, NULL, get_size, set_size, "bytes of the disk (whole 512-byte sectors)"},
    {"files", "[[ssii]+]", SNAP_ATTR_REQUIRED, NULL, get_files, set_files,
     "(file, \"ro\", bytes, xxh3): the base image (\"\" for an all-zero disk), then one diff per snapshot, "
     "oldest first"},
};

const struct snap_class_def ckpt_disk_image_class = {
    "disk-image", "a disk as a read-only base image plus incremental diffs of 4 KiB blocks", disk_attrs,
    sizeof disk_attrs / sizeof disk_attrs[0]};
