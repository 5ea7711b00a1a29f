/* Raw-data payloads: the bytes behind [R length "file" offset (stored)] attribute values.
 *
 * When saving, each payload is appended to the snapshot's `raw` file — as one zstd frame when
 * that is smaller, with its stored size as the reference's fifth field — and the value is turned
 * into a reference "%0%/raw".  A payload an ancestor of an incremental chain already holds is not
 * written again: the writer's `shared` callback may answer with the ancestor's reference
 * ("%N%/raw"), and the value then points there.
 *
 * When loading, a reference may name the raw file of the snapshot (%0%) or of one of its
 * ancestors (%N%, the chain of the snapshot's paths); it is checked against the real file size
 * before anything is allocated, read and, if stored compressed, decompressed to exactly its
 * declared length. */
#ifndef SNAPSIM_SNAPSHOT_RAW_DATA_H
#define SNAPSIM_SNAPSHOT_RAW_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "snapshot/attr_value.h"
#include "snapshot/snap_paths.h"

#define SNAP_RAW_FILE        "raw"
#define SNAP_RAW_REF         "%0%/raw"
#define SNAP_MAX_RAW_PAYLOAD (1ull << 32)   /* one payload */
#define SNAP_RAW_ZSTD_LEVEL  3
/* A compressed payload inflates to at most this, and one load to at most SNAP_MAX_RAW_INFLATE in
 * all: a small hostile frame must not make the reader allocate without bound. */
#define SNAP_MAX_RAW_COMPRESSED (256ull << 20)
#define SNAP_MAX_RAW_INFLATE    (1ull << 30)

/* Where a payload already lies: ancestor 1..n of the chain being written, offset, stored size. */
struct snap_raw_place {
    unsigned ancestor;
    uint64_t offset, stored;
};

/* Payloads are known by their XXH3-64 and length. */
struct snap_raw_sharing {
    void *ctx;
    /* Is this payload in an ancestor's raw file?  (Optional.) */
    bool (*find)(void *ctx, uint64_t hash, uint64_t length, struct snap_raw_place *at);
    /* The writer stored or referenced a payload: ancestor 0 means this snapshot's raw file. */
    void (*placed)(void *ctx, uint64_t hash, uint64_t length, const struct snap_raw_place *at);
};

struct snap_raw_writer {
    int fd;          /* the open `raw` file, or -1 until the first payload */
    int dir_fd;      /* directory to create it in */
    uint64_t size;
    const struct snap_raw_sharing *sharing;   /* NULL: every payload is written */
    uint64_t shared_bytes;                    /* payload bytes referenced instead of written */
};

void snap_raw_writer_init(struct snap_raw_writer *w, int dir_fd);
/* Stores every payload found in the value tree and turns it into a file reference. */
int snap_raw_store(struct snap_raw_writer *w, struct attr_value *v, char *err, size_t errlen);
/* fsyncs and closes the file if one was created. */
int snap_raw_writer_finish(struct snap_raw_writer *w, char *err, size_t errlen);

/* State of one snapshot load: how much compressed data may still inflate, and (optionally) who
 * is told of every payload loaded — its hash and length, the real path of the snapshot directory
 * whose raw file holds it, its offset and stored size. */
struct snap_raw_loading {
    uint64_t inflated;
    void *ctx;
    void (*loaded)(void *ctx, uint64_t hash, uint64_t length, const char *dir, uint64_t offset, uint64_t stored);
};

/* Loads every raw-data payload referenced in the value tree (no-op for values without any).
 * `loading` may be NULL (then only the per-payload bound applies). */
int snap_raw_load(const struct snap_paths *paths, struct attr_value *v, struct snap_raw_loading *loading,
                  char *err, size_t errlen);
/* Reads exactly n bytes at offset (retrying short reads and EINTR); -1 on error or end of file. */
int snap_read_at(int fd, uint8_t *buf, uint64_t n, uint64_t offset);
/* Does the tree contain raw data? */
int snap_raw_present(const struct attr_value *v);
/* The snapshot directory index a raw-data reference names (0 for %0%, N for %N%), or -1 unless it
 * is "%N%/raw" with N within the paths' chain. */
int snap_raw_ref_dir(const struct snap_paths *paths, const char *ref);

#endif
