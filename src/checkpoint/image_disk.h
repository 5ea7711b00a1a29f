/* Disks in snapshots as image objects (class `disk-image`), the Simics way: a read-only base
 * image named by path and fingerprinted by size and XXH3, plus one diff file per snapshot holding
 * the 4 KiB blocks written since its parent snapshot.  The object's `files` attribute lists
 * them base first, oldest diff next, newest last:
 *
 *   files: (("disk.img", "ro", 0x4000000, 0x5c1e...), ("%2%/disk0.diff", "ro", 0x2090, 0x93a1...),
 *           ("%0%/disk0.diff", "ro", 0x1050, 0x77d2...))
 *
 * every entry (file, "ro", bytes, XXH3-64 of the whole file).  A diff is a page file
 * (docs/snapshot-format.md section 5) whose page numbers are block numbers, with zero-page
 * entries for blocks written to zero, so its every block carries its own checksum.  A base is
 * found as named (absolute, or relative to the snapshot directory), else by its file name in
 * the snapshot's directory, its ancestors' and the image search path (`--image-path DIR`), in
 * that order; the first file found must have the recorded size and hash, or the restore is
 * refused (a base that changed is never silently used).  Written against disk_image.h, so any
 * machine holding disks saves them the same way. */
#ifndef SNAPSIM_CHECKPOINT_IMAGE_DISK_H
#define SNAPSIM_CHECKPOINT_IMAGE_DISK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "devices/disk_image.h"
#include "snapshot/attr_value.h"
#include "snapshot/page_chain.h"
#include "snapshot/registry.h"
#include "snapshot/snap_paths.h"

extern const struct snap_class_def ckpt_disk_image_class;

#define IMAGE_DISK_MAX_FILES (1 + SNAP_MAX_CHAIN)   /* the base and a diff per snapshot of a chain */

/* One file of a disk's image: a base or a diff. */
struct image_disk_file {
    char *name;             /* base: a path; diff: a checkpoint reference "%N%/NAME.diff" */
    uint64_t bytes, hash;   /* size and XXH3-64 of the whole file */
};

/* The object the class reads and fills. */
struct image_disk {
    uint64_t size;                     /* bytes of the disk */
    struct image_disk_file *files;     /* base first, then diffs oldest first */
    size_t nfiles;
};

void image_disk_clear(struct image_disk *o);

/* Size and XXH3-64 of a whole open file (read from offset 0); 0 or -1 with a message. */
int image_disk_fingerprint(int fd, const char *name, uint64_t *bytes, uint64_t *hash, char *err, size_t errlen);

/* Writes d's blocks into fd (an empty file) as a diff: the blocks dirty since the last
 * disk_image_clear_dirty, or with `all` every block written since the base was opened (the
 * first diff of a new chain).  The caller fingerprints the file for its `files` entry. */
int image_disk_write_diff(int fd, const struct disk_image *d, bool all, char *err, size_t errlen);

/* The object of a snapshot: the base (NULL for an all-zero disk), the ancestors' diff entries
 * (from the chain's previous object, oldest first, their references renumbered by the caller)
 * and the new diff's entry.  Copies every string. */
int image_disk_describe(struct image_disk *o, uint64_t size, const struct image_disk_file *base,
                        const struct image_disk_file *older, size_t nolder, const struct image_disk_file *diff,
                        char *err, size_t errlen);

/* Where bases are searched after the snapshot's own directories (--image-path, in order). */
struct image_search {
    const char *const *dirs;
    size_t n;
};

/* Finds the base and checks its fingerprint and that it holds the disk's size; *base_path
 * receives the file found (malloc'd; NULL for an all-zero disk). */
int image_disk_find_base(const struct image_disk *o, const struct snap_paths *paths,
                         const struct image_search *search, char **base_path, char *err, size_t errlen);
/* Checks every diff's fingerprint through `paths` and opens them as a page chain (newest first)
 * whose blocks must all lie inside the disk. */
int image_disk_open_diffs(const struct image_disk *o, const struct snap_paths *paths, struct snap_page_chain *diffs,
                          char *err, size_t errlen);
/* The check phase of a restore: both of the above. */
int image_disk_stage(const struct image_disk *o, const struct snap_paths *paths, const struct image_search *search,
                     char **base_path, struct snap_page_chain *diffs, char *err, size_t errlen);
/* Restore: opens the base into d and applies the diffs (what image_disk_stage opened); d then
 * reads as the saved disk and has no dirty block. */
int image_disk_load(struct disk_image *d, const char *base_path, uint64_t size, struct snap_page_chain *diffs,
                    char *err, size_t errlen);

#endif
