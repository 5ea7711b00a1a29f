#include "snapshot/page_image.h"
#include "snapshot/snap_error.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>
#include <zstd.h>

#include "core/array.h"
#include "snapshot/fd_io.h"

#define OUT_CHUNK (1u << 20)   /* output is buffered and written in chunks of this size */

struct snap_pages_writer {
    int fd;
    ZSTD_CCtx *cctx;
    struct snap_pages_opts opts;
    uint8_t *out;              /* pending output, OUT_CHUNK + one frame bound */
    size_t out_len;
    uint64_t file_pos;         /* bytes written to fd plus pending */
    struct snap_page_entry *index;
    size_t count, cap;
    bool any_page;
    uint64_t last_page;
    struct snap_pages_stats stats;
};

static int flush_out(struct snap_pages_writer *w, char *err, size_t errlen)
{
    if (!fd_write_all(w->fd, w->out, w->out_len))
        return snap_err(err, errlen, "writing memory image: %s", strerror(errno));
    w->out_len = 0;
    return 0;
}

/* Appends a small piece (header, index entry, footer) to the pending output. */
static int emit(struct snap_pages_writer *w, const void *bytes, size_t n, char *err, size_t errlen)
{
    if (w->out_len + n > OUT_CHUNK && flush_out(w, err, errlen))
        return -1;
    memcpy(w->out + w->out_len, bytes, n);
    w->out_len += n;
    w->file_pos += n;
    return 0;
}

int snap_pages_writer_open(struct snap_pages_writer **wp, int fd, const struct snap_pages_opts *opts,
                           char *err, size_t errlen)
{
    struct snap_pages_writer *w = calloc(1, sizeof *w);
    *wp = NULL;
    if (!w)
        return snap_err(err, errlen, "out of memory");
    w->fd = fd;
    if (opts)
        w->opts = *opts;
    if (!w->opts.level)
        w->opts.level = SNAP_PAGES_DEFAULT_LEVEL;
    w->cctx = ZSTD_createCCtx();
    w->out = malloc(OUT_CHUNK + ZSTD_COMPRESSBOUND(PAGES_PAGE_SIZE));
    if (!w->cctx || !w->out) {
        snap_pages_writer_free(w);
        return snap_err(err, errlen, "out of memory");
    }
    /* Frames carry their content size (the reader insists on it) and no checksum of their own:
     * the index's xxh3 covers the page. */
    ZSTD_CCtx_setParameter(w->cctx, ZSTD_c_compressionLevel, w->opts.level);
    ZSTD_CCtx_setParameter(w->cctx, ZSTD_c_contentSizeFlag, 1);
    ZSTD_CCtx_setParameter(w->cctx, ZSTD_c_checksumFlag, 0);
    uint8_t header[PAGES_HEADER_SIZE];
    memcpy(header, PAGES_HEADER_MAGIC, 8);
    put_le32(header + 8, PAGES_VERSION);
    put_le32(header + 12, PAGES_PAGE_SIZE);
    if (emit(w, header, sizeof header, err, errlen)) {
        snap_pages_writer_free(w);
        return -1;
    }
    *wp = w;
    return 0;
}

static bool all_zero(const uint8_t *p)
{
    static const uint8_t zero[PAGES_PAGE_SIZE];
    return memcmp(p, zero, PAGES_PAGE_SIZE) == 0;
}

int snap_pages_writer_add(struct snap_pages_writer *w, uint64_t page_number, const void *page,
                          char *err, size_t errlen)
{
    if (page_number >= PAGES_MAX_NUMBER)
        return snap_err(err, errlen, "page number 0x%llx out of range", (unsigned long long)page_number);
    if (w->any_page && page_number <= w->last_page)
        return snap_err(err, errlen, "pages must be added in increasing order (0x%llx after 0x%llx)",
                        (unsigned long long)page_number, (unsigned long long)w->last_page);
    w->any_page = true;
    w->last_page = page_number;
    bool zero = all_zero(page);
    if (zero)
        w->stats.zero_pages++;
    if (zero && !w->opts.record_zero_pages)
        return 0;
    if (!array_reserve((void **)&w->index, &w->cap, w->count + 1, sizeof *w->index, 1024))
        return snap_err(err, errlen, "out of memory");
    struct snap_page_entry e = {.page_number = page_number, .hash = XXH3_64bits(page, PAGES_PAGE_SIZE)};
    if (zero) {
        e.flags = PAGES_FLAG_ZERO;
    } else {
        if (w->out_len + ZSTD_COMPRESSBOUND(PAGES_PAGE_SIZE) > OUT_CHUNK && flush_out(w, err, errlen))
            return -1;
        size_t n = ZSTD_compress2(w->cctx, w->out + w->out_len, ZSTD_COMPRESSBOUND(PAGES_PAGE_SIZE),
                                  page, PAGES_PAGE_SIZE);
        if (ZSTD_isError(n))
            return snap_err(err, errlen, "zstd: %s", ZSTD_getErrorName(n));
        e.offset = w->file_pos;
        e.length = (uint32_t)n;
        w->out_len += n;
        w->file_pos += n;
        w->stats.pages++;
    }
    w->index[w->count++] = e;
    return 0;
}

int snap_pages_writer_finish(struct snap_pages_writer *w, struct snap_pages_stats *stats,
                             char *err, size_t errlen)
{
    uint64_t index_offset = w->file_pos;
    XXH3_state_t *st = XXH3_createState();
    if (!st)
        return snap_err(err, errlen, "out of memory");
    XXH3_64bits_reset(st);
    int rc = 0;
    for (size_t i = 0; i < w->count && rc == 0; i++) {
        uint8_t ent[PAGES_ENTRY_SIZE];
        const struct snap_page_entry *e = &w->index[i];
        put_le64(ent, e->page_number);
        put_le64(ent + 8, e->offset);
        put_le32(ent + 16, e->length);
        put_le32(ent + 20, e->flags);
        put_le64(ent + 24, e->hash);
        XXH3_64bits_update(st, ent, sizeof ent);
        rc = emit(w, ent, sizeof ent, err, errlen);
    }
    uint64_t index_hash = XXH3_64bits_digest(st);
    XXH3_freeState(st);
    if (rc)
        return -1;
    uint8_t f[PAGES_FOOTER_SIZE] = {0};
    put_le64(f, w->count);
    put_le64(f + 8, index_offset);
    put_le64(f + 16, index_hash);
    put_le64(f + 24, w->file_pos + PAGES_FOOTER_SIZE);
    put_le32(f + 32, PAGES_VERSION);
    put_le32(f + 36, PAGES_PAGE_SIZE);
    put_le32(f + 40, PAGES_COMPRESSION_ZSTD);
    put_le64(f + 48, XXH3_64bits(f, 48));
    memcpy(f + 56, PAGES_FOOTER_MAGIC, 8);
    if (emit(w, f, sizeof f, err, errlen) || flush_out(w, err, errlen))
        return -1;
    w->stats.file_bytes = w->file_pos;
    if (stats)
        *stats = w->stats;
    return 0;
}

void snap_pages_writer_free(struct snap_pages_writer *w)
{
    if (!w)
        return;
    ZSTD_freeCCtx(w->cctx);
    free(w->out);
    free(w->index);
    free(w);
}

int snap_pages_write(int fd, snap_page_iter next, void *ctx, const struct snap_pages_opts *opts,
                     struct snap_pages_stats *stats, char *err, size_t errlen)
{
    struct snap_pages_writer *w;
    if (snap_pages_writer_open(&w, fd, opts, err, errlen))
        return -1;
    int rc;
    uint64_t pn;
    const void *page;
    while ((rc = next(ctx, &pn, &page, err, errlen)) == 1)
        if (snap_pages_writer_add(w, pn, page, err, errlen)) {
            rc = -1;
            break;
        }
    if (rc == 0)
        rc = snap_pages_writer_finish(w, stats, err, errlen);
    snap_pages_writer_free(w);
    return rc;
}
