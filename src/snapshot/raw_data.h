/* Raw-data payloads: the bytes behind [R length "file" offset] attribute values.
 *
 * When saving, payloads are appended to the snapshot's `raw` file and the value is turned into a
 * reference "%0%/raw"; when loading, references are checked against the real file size before
 * anything is allocated, then read. */
#ifndef SNAPSIM_SNAPSHOT_RAW_DATA_H
#define SNAPSIM_SNAPSHOT_RAW_DATA_H

#include <stddef.h>
#include <stdint.h>

#include "snapshot/attr_value.h"
#include "snapshot/snap_paths.h"

#define SNAP_RAW_FILE        "raw"
#define SNAP_RAW_REF         "%0%/raw"
#define SNAP_MAX_RAW_PAYLOAD (1ull << 32)   /* one payload */

struct snap_raw_writer {
    int fd;          /* the open `raw` file, or -1 until the first payload */
    int dir_fd;      /* directory to create it in */
    uint64_t size;
};

void snap_raw_writer_init(struct snap_raw_writer *w, int dir_fd);
/* Stores every payload found in the value tree and turns it into a file reference. */
int snap_raw_store(struct snap_raw_writer *w, struct attr_value *v, char *err, size_t errlen);
/* fsyncs and closes the file if one was created. */
int snap_raw_writer_finish(struct snap_raw_writer *w, char *err, size_t errlen);

/* Loads every raw-data payload referenced in the value tree (no-op for values without any). */
int snap_raw_load(const struct snap_paths *paths, struct attr_value *v, char *err, size_t errlen);
/* Does the tree contain raw data? */
int snap_raw_present(const struct attr_value *v);

#endif
