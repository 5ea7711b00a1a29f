#include "snapshot/page_image.h"
#include "snapshot/snap_error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>
#include <zstd.h>

#define FRAME_MAX   ZSTD_COMPRESSBOUND(PAGES_PAGE_SIZE)
#define EAGER_CHUNK (1u << 20)

struct snap_pages {
    int fd;
    char *name;
    uint64_t file_size, index_offset;
    uint64_t zero_hash;          /* xxh3 of an all-zero page, what PAGE_ZERO entries carry */
    struct snap_page_entry *index;
    size_t count;
    ZSTD_DCtx *dctx;
    uint8_t frame[FRAME_MAX];
};

static int read_at(int fd, void *buf, size_t n, uint64_t off)
{
    uint8_t *p = buf;
    while (n) {
        ssize_t k = pread(fd, p, n, (off_t)off);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
        off += (uint64_t)k;
    }
    return 0;
}

static int fail(const struct snap_pages *p, char *err, size_t errlen, const char *msg)
{
    return snap_err(err, errlen, "%s: %s", p->name, msg);
}

static int check_header_footer(struct snap_pages *p, uint64_t *index_hash, char *err, size_t errlen)
{
    uint8_t h[PAGES_HEADER_SIZE], f[PAGES_FOOTER_SIZE];
    if (p->file_size < PAGES_HEADER_SIZE + PAGES_FOOTER_SIZE)
        return fail(p, err, errlen, "truncated memory image (too small)");
    if (read_at(p->fd, h, sizeof h, 0) || read_at(p->fd, f, sizeof f, p->file_size - PAGES_FOOTER_SIZE))
        return fail(p, err, errlen, "cannot read header/footer");
    if (memcmp(h, PAGES_HEADER_MAGIC, 8))
        return fail(p, err, errlen, "not a snapsim memory image (bad header magic)");
    if (get_le32(h + 8) != PAGES_VERSION)
        return fail(p, err, errlen, "unsupported memory image version");
    if (get_le32(h + 12) != PAGES_PAGE_SIZE)
        return fail(p, err, errlen, "unsupported page size");
    if (memcmp(f + 56, PAGES_FOOTER_MAGIC, 8))
        return fail(p, err, errlen, "bad footer magic (truncated or not a memory image)");
    if (get_le64(f + 48) != XXH3_64bits(f, 48))
        return fail(p, err, errlen, "footer checksum mismatch");
    if (get_le32(f + 32) != PAGES_VERSION || get_le32(f + 36) != PAGES_PAGE_SIZE ||
        get_le32(f + 40) != PAGES_COMPRESSION_ZSTD || get_le32(f + 44) != 0)
        return fail(p, err, errlen, "unsupported version, page size or compression in footer");
    if (get_le64(f + 24) != p->file_size)
        return fail(p, err, errlen, "file size differs from the size recorded in the footer (truncated or extended)");
    uint64_t count = get_le64(f), index_offset = get_le64(f + 8);
    uint64_t room = p->file_size - PAGES_HEADER_SIZE - PAGES_FOOTER_SIZE;
    /* Bound the count by the file before trusting it for an allocation. */
    if (count > PAGES_MAX_COUNT || count > room / PAGES_ENTRY_SIZE ||
        index_offset != p->file_size - PAGES_FOOTER_SIZE - count * PAGES_ENTRY_SIZE)
        return fail(p, err, errlen, "page count or index offset inconsistent with the file size");
    p->count = (size_t)count;
    p->index_offset = index_offset;
    *index_hash = get_le64(f + 16);
    return 0;
}

static int check_entry(struct snap_pages *p, size_t i, uint64_t *frames_end, char *err, size_t errlen)
{
    const struct snap_page_entry *e = &p->index[i];
    char msg[160];
    if (e->page_number >= PAGES_MAX_NUMBER || (i > 0 && e->page_number <= p->index[i - 1].page_number)) {
        snprintf(msg, sizeof msg, "index entry %zu: page numbers not strictly increasing", i);
        return fail(p, err, errlen, msg);
    }
    if (e->flags == PAGES_FLAG_ZERO) {
        if (e->offset || e->length || e->hash != p->zero_hash) {
            snprintf(msg, sizeof msg, "index entry %zu: malformed zero-page entry", i);
            return fail(p, err, errlen, msg);
        }
        return 0;
    }
    if (e->flags || e->length == 0 || e->length > FRAME_MAX || e->offset < *frames_end ||
        e->offset > p->index_offset || e->length > p->index_offset - e->offset) {
        snprintf(msg, sizeof msg, "index entry %zu (page 0x%llx): frame outside the data area or overlapping",
                 i, (unsigned long long)e->page_number);
        return fail(p, err, errlen, msg);
    }
    *frames_end = e->offset + e->length;
    return 0;
}

int snap_pages_open_fd(int fd, const char *name, struct snap_pages **out, char *err, size_t errlen)
{
    *out = NULL;
    struct snap_pages *p = calloc(1, sizeof *p);
    if (!p || !(p->name = strdup(name))) {
        free(p);
        close(fd);
        return snap_err(err, errlen, "out of memory");
    }
    p->fd = fd;
    struct stat st;
    uint64_t index_hash = 0;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        fail(p, err, errlen, "not a regular file");
        goto fail;
    }
    p->file_size = (uint64_t)st.st_size;
    if (check_header_footer(p, &index_hash, err, errlen))
        goto fail;
    size_t bytes = p->count * PAGES_ENTRY_SIZE;
    uint8_t *raw = malloc(bytes ? bytes : 1);
    p->index = malloc(p->count ? p->count * sizeof *p->index : 1);
    p->dctx = ZSTD_createDCtx();
    if (!raw || !p->index || !p->dctx) {
        free(raw);
        fail(p, err, errlen, "out of memory");
        goto fail;
    }
    if (read_at(fd, raw, bytes, p->index_offset) || XXH3_64bits(raw, bytes) != index_hash) {
        free(raw);
        fail(p, err, errlen, "index unreadable or checksum mismatch");
        goto fail;
    }
    for (size_t i = 0; i < p->count; i++) {
        const uint8_t *r = raw + i * PAGES_ENTRY_SIZE;
        p->index[i] = (struct snap_page_entry){get_le64(r), get_le64(r + 8), get_le32(r + 16),
                                               get_le32(r + 20), get_le64(r + 24)};
    }
    free(raw);
    uint64_t frames_end = PAGES_HEADER_SIZE;
    memset(p->frame, 0, PAGES_PAGE_SIZE < FRAME_MAX ? PAGES_PAGE_SIZE : FRAME_MAX);
    p->zero_hash = XXH3_64bits(p->frame, PAGES_PAGE_SIZE);
    for (size_t i = 0; i < p->count; i++)
        if (check_entry(p, i, &frames_end, err, errlen))
            goto fail;
    *out = p;
    return 0;
fail:
    snap_pages_close(p);
    return -1;
}

int snap_pages_open(const char *path, struct snap_pages **out, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *out = NULL;
        return snap_err(err, errlen, "%s: %s", path, strerror(errno));
    }
    return snap_pages_open_fd(fd, path, out, err, errlen);
}

void snap_pages_close(struct snap_pages *p)
{
    if (!p)
        return;
    close(p->fd);
    ZSTD_freeDCtx(p->dctx);
    free(p->index);
    free(p->name);
    free(p);
}

size_t snap_pages_count(const struct snap_pages *p) { return p->count; }

const char *snap_pages_name(const struct snap_pages *p) { return p->name; }

const struct snap_page_entry *snap_pages_entry(const struct snap_pages *p, size_t i)
{
    return i < p->count ? &p->index[i] : NULL;
}

long snap_pages_find(const struct snap_pages *p, uint64_t page_number)
{
    size_t lo = 0, hi = p->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->index[mid].page_number < page_number)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < p->count && p->index[lo].page_number == page_number ? (long)lo : -1;
}

/* Decompresses one frame that must be exactly one page, then checks the page's checksum. */
static int decode_frame(struct snap_pages *p, ZSTD_DCtx *dctx, const struct snap_page_entry *e,
                        const uint8_t *src, void *page, char *err, size_t errlen)
{
    char msg[160];
    const char *what = NULL;
    if (ZSTD_getFrameContentSize(src, e->length) != PAGES_PAGE_SIZE)
        what = "frame does not declare a content size of one page";
    else if (ZSTD_findFrameCompressedSize(src, e->length) != e->length)
        what = "frame length does not match the index";
    else {
        size_t n = ZSTD_decompressDCtx(dctx, page, PAGES_PAGE_SIZE, src, e->length);
        if (ZSTD_isError(n) || n != PAGES_PAGE_SIZE)
            what = "corrupt zstd frame";
        else if (XXH3_64bits(page, PAGES_PAGE_SIZE) != e->hash)
            what = "checksum mismatch";
    }
    if (!what)
        return 0;
    snprintf(msg, sizeof msg, "page 0x%llx: %s", (unsigned long long)e->page_number, what);
    return fail(p, err, errlen, msg);
}

int snap_pages_read(struct snap_pages *p, size_t i, void *page, char *err, size_t errlen)
{
    if (i >= p->count)
        return fail(p, err, errlen, "page index out of range");
    const struct snap_page_entry *e = &p->index[i];
    if (e->flags & PAGES_FLAG_ZERO) {
        memset(page, 0, PAGES_PAGE_SIZE);
        return 0;
    }
    if (read_at(p->fd, p->frame, e->length, e->offset))
        return fail(p, err, errlen, "cannot read frame (file truncated?)");
    return decode_frame(p, p->dctx, e, p->frame, page, err, errlen);
}

int snap_pages_for_each(struct snap_pages *p, snap_page_cb cb, void *ctx, char *err, size_t errlen)
{
    return snap_pages_for_range(p, 0, p->count, cb, ctx, err, errlen);
}

int snap_pages_for_range(struct snap_pages *p, size_t first, size_t end, snap_page_cb cb, void *ctx,
                         char *err, size_t errlen)
{
    /* Everything mutable is local, so that threads can walk disjoint ranges of one reader. */
    uint8_t *chunk = malloc(EAGER_CHUNK), *page = malloc(PAGES_PAGE_SIZE);
    ZSTD_DCtx *dctx = ZSTD_createDCtx();
    uint64_t chunk_start = 0, chunk_len = 0;
    int rc = chunk && page && dctx ? 0 : fail(p, err, errlen, "out of memory");
    if (end > p->count)
        end = p->count;
    for (size_t i = first; i < end && rc == 0; i++) {
        const struct snap_page_entry *e = &p->index[i];
        if (e->flags & PAGES_FLAG_ZERO) {
            memset(page, 0, PAGES_PAGE_SIZE);
        } else {
            /* Frames are contiguous and in index order: refill the window when one leaves it. */
            if (e->offset < chunk_start || e->offset + e->length > chunk_start + chunk_len) {
                chunk_start = e->offset;
                chunk_len = p->index_offset - e->offset < EAGER_CHUNK ? p->index_offset - e->offset : EAGER_CHUNK;
                if (read_at(p->fd, chunk, (size_t)chunk_len, chunk_start)) {
                    rc = fail(p, err, errlen, "cannot read frames (file truncated?)");
                    break;
                }
            }
            rc = decode_frame(p, dctx, e, chunk + (e->offset - chunk_start), page, err, errlen);
        }
        if (rc == 0 && cb(ctx, e->page_number, page) != 0)
            rc = fail(p, err, errlen, "stopped by the page consumer");
    }
    ZSTD_freeDCtx(dctx);
    free(chunk);
    free(page);
    return rc;
}
