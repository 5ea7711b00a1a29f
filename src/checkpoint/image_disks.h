/* All disk-image objects of a snapshot (image_disk.h describes one), and the persistent state of
 * a machine -- its disks only -- as Simics saves it apart from the rest:
 *
 *   snapsim snapshot save-persistent SNAPSHOT DIR   (Simics: save-persistent-state)
 *
 * writes DIR, a directory in the snapshot format holding only the snapshot's disk-image objects,
 * each folded into one diff on top of its base (named by its real path), so DIR stands alone and
 * can be moved.  image_disks_load_persistent puts such a directory onto a fresh machine's disks
 * (Simics: load-persistent-state), matching objects to disks by name. */
#ifndef SNAPSIM_CHECKPOINT_IMAGE_DISKS_H
#define SNAPSIM_CHECKPOINT_IMAGE_DISKS_H

#include <stdbool.h>
#include <stddef.h>

#include "checkpoint/image_disk.h"
#include "snapshot/config.h"
#include "snapshot/snap_dir.h"
#include "snapshot/snap_verify.h"

bool image_disks_is_disk(const struct snap_cfg_object *o);
/* The object's values, checked by the class, into d (cleared with image_disk_clear). */
int image_disks_parse(const struct snap_cfg_object *o, struct image_disk *d, char *err, size_t errlen);

/* Writes one diff per disk object of cfg into w (NAME.diff, the newest content of every block of
 * its chain) and points the object's files at it.  base_real: the base entry then names the base
 * found (by its real path, its fingerprint checked). */
int image_disks_fold(struct snap_config *cfg, const struct snap_paths *paths, const struct image_search *search,
                     bool base_real, struct snap_dir_writer *w, char *err, size_t errlen);

/* verify: for every disk object, the base found with its fingerprint, every diff's fingerprint,
 * index and every block's checksum; one problem per disk that fails. */
void image_disks_verify(const struct snap_config *cfg, const struct snap_paths *paths,
                        const struct image_search *search, struct snap_problems *out);

/* The same for the snapshot directory at path; *disks_only tells whether it holds nothing but
 * disk images (a persistent-state directory). */
void image_disks_verify_dir(const char *path, const struct image_search *search, struct snap_problems *out,
                            bool *disks_only);
/* Parses the config of the snapshot at path with its chain set (both freed by the caller). */
int image_disks_open_config(const char *path, struct snap_paths *paths, struct snap_config *cfg, char *err,
                            size_t errlen);

/* `snapshot save-persistent`: the disks of the snapshot `in` into the new directory `out`. */
int image_disks_save_persistent(const char *in, const char *out, const struct image_search *search, char *err,
                                size_t errlen);

/* A machine's disks by object name (disk0, disk1...). */
struct image_disk_slot {
    const char *name;
    struct disk_image *disk;
    char *base_path;   /* set on load: the base image the disk reads from (malloc'd; NULL: all-zero) */
};
/* Loads the persistent-state directory `dir` onto the disks: every object must be a disk-image
 * naming one of the slots, every file is checked before any disk changes; a disk the directory
 * does not name keeps its content. */
int image_disks_load_persistent(const char *dir, struct image_disk_slot *slots, size_t n,
                                const struct image_search *search, char *err, size_t errlen);

#endif
