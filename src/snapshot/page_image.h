/* Paged memory images: writing and reading mem0.pages files (layout in page_format.h).
 *
 * Writing: pages are added in increasing page-number order; each becomes one zstd frame (one
 * frame per page keeps lazy, page-at-a-time loading possible).  All-zero pages get no frame:
 * they are either omitted (a full image, where absent means zero) or recorded as PAGE_ZERO
 * entries (an incremental image, where absent means "look in the ancestor").
 *
 * Reading: opening validates the footer and the whole index against the real file size before
 * allocating anything proportional to it.  Pages are then read one at a time (lazy restore:
 * decompress on first touch) or all in file order (eager restore).  Every page read is
 * checked against its xxh3 checksum.  A reader is not thread-safe; open one per thread. */
#ifndef SNAPSIM_SNAPSHOT_PAGE_IMAGE_H
#define SNAPSIM_SNAPSHOT_PAGE_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "snapshot/page_format.h"

#define SNAP_PAGES_DEFAULT_LEVEL 1   /* zstd level: fast to write, decompression speed is level-independent */

struct snap_pages_opts {
    int level;                 /* zstd compression level; 0 means SNAP_PAGES_DEFAULT_LEVEL */
    bool record_zero_pages;    /* store PAGE_ZERO entries instead of omitting zero pages */
};

struct snap_pages_stats {
    uint64_t pages;            /* pages stored with a frame */
    uint64_t zero_pages;       /* zero pages seen (recorded or omitted) */
    uint64_t file_bytes;
};

struct snap_pages_writer;

/* Writes to fd (an empty file, positioned at 0); the caller closes and fsyncs fd. */
int snap_pages_writer_open(struct snap_pages_writer **w, int fd, const struct snap_pages_opts *opts,
                           char *err, size_t errlen);
int snap_pages_writer_add(struct snap_pages_writer *w, uint64_t page_number, const void *page,
                          char *err, size_t errlen);
/* Writes the index and footer. */
int snap_pages_writer_finish(struct snap_pages_writer *w, struct snap_pages_stats *stats,
                             char *err, size_t errlen);
void snap_pages_writer_free(struct snap_pages_writer *w);

/* The iterator form: next() yields pages in increasing order; returns 1 with a page, 0 at the
 * end, -1 on error (with a message in err). */
typedef int (*snap_page_iter)(void *ctx, uint64_t *page_number, const void **page, char *err, size_t errlen);
int snap_pages_write(int fd, snap_page_iter next, void *ctx, const struct snap_pages_opts *opts,
                     struct snap_pages_stats *stats, char *err, size_t errlen);

struct snap_page_entry {
    uint64_t page_number;
    uint64_t offset;
    uint32_t length;
    uint32_t flags;
    uint64_t hash;
};

struct snap_pages;

/* Takes ownership of fd (closed by snap_pages_close, or on failure).  `name` is used in messages. */
int snap_pages_open_fd(int fd, const char *name, struct snap_pages **out, char *err, size_t errlen);
int snap_pages_open(const char *path, struct snap_pages **out, char *err, size_t errlen);
void snap_pages_close(struct snap_pages *p);

size_t snap_pages_count(const struct snap_pages *p);
/* The name the file was opened by (its reference in the snapshot). */
const char *snap_pages_name(const struct snap_pages *p);
const struct snap_page_entry *snap_pages_entry(const struct snap_pages *p, size_t i);
/* Index of the entry for page_number, or -1. */
long snap_pages_find(const struct snap_pages *p, uint64_t page_number);
/* Decompresses entry i into page (PAGES_PAGE_SIZE bytes) and checks its checksum. */
int snap_pages_read(struct snap_pages *p, size_t i, void *page, char *err, size_t errlen);
/* Reads every entry in file order with large reads (eager restore); stops at the first error or
 * when cb returns nonzero. */
typedef int (*snap_page_cb)(void *ctx, uint64_t page_number, const void *page);
int snap_pages_for_each(struct snap_pages *p, snap_page_cb cb, void *ctx, char *err, size_t errlen);
/* The same over entries [first, end).  Safe to call from several threads at once on one reader
 * (for disjoint or overlapping ranges); the other functions are not. */
int snap_pages_for_range(struct snap_pages *p, size_t first, size_t end, snap_page_cb cb, void *ctx,
                         char *err, size_t errlen);

#endif
