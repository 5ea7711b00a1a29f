/* Resolution of file references inside a snapshot, with containment checks.
 *
 * A reference is "%N%/relative/path": %0% is the snapshot's own directory and %N% (N >= 1) the
 * N-th entry of a checkpoint_path list (ancestor snapshot directories, newest first).  A plain
 * relative path means "%0%/path".  Relative paths may not contain "", "." or ".." components.
 * checkpoint_path entries are absolute, or relative to the snapshot's parent directory.
 *
 * Snapshot files are opened below their (real, checked) base directory without following any
 * symbolic link; ancestor directories (after realpath) must lie inside one of the
 * allowed roots — by default the snapshot's parent directory, i.e. the directory tree the
 * snapshot was taken in — so a hostile snapshot cannot make snapsim read files elsewhere. */
#ifndef SNAPSIM_SNAPSHOT_SNAP_PATHS_H
#define SNAPSIM_SNAPSHOT_SNAP_PATHS_H

#include <stddef.h>

#include "snapshot/attr_value.h"

struct snap_paths {
    char *dir;          /* real path of the snapshot directory (%0%) */
    char *parent;       /* real path of its parent, the base of relative checkpoint_path entries */
    char **ancestors;   /* real paths of %1%, %2%, ... */
    char **ancestor_names;  /* the checkpoint_path entries as written, for messages */
    size_t nancestors;
    char **roots;       /* real paths of the allowed roots */
    size_t nroots;
};

/* Resolves snapshot_dir (which must exist) and allows its parent directory tree. */
int snap_paths_init(struct snap_paths *sp, const char *snapshot_dir, char *err, size_t errlen);
void snap_paths_free(struct snap_paths *sp);
/* Allows another directory tree (e.g. a snapshot store given on the command line). */
int snap_paths_add_root(struct snap_paths *sp, const char *dir, char *err, size_t errlen);
/* Sets the ancestors from a checkpoint_path value: a list of strings, or NIL for none.  Each
 * directory must exist inside the allowed roots; a missing one is named in the error. */
int snap_paths_set_ancestors(struct snap_paths *sp, const struct attr_value *checkpoint_path,
                             char *err, size_t errlen);
/* Resolves a reference to the real path of an existing file inside the roots (malloc'ed). */
int snap_paths_resolve(const struct snap_paths *sp, const char *ref, char **out, char *err, size_t errlen);
/* Opens a referenced regular file read-only below its base directory, refusing symbolic links
 * in the name, FIFOs and devices (open_beneath.h).  Every snapshot file is opened here. */
int snap_paths_open(const struct snap_paths *sp, const char *ref, int *fd, char *err, size_t errlen);

/* Reads the snapshot's own config file (through snap_paths_open). */
struct snap_config;
int snap_paths_parse_config(const struct snap_paths *sp, struct snap_config *cfg, char *err, size_t errlen);

/* The snapshot's chain: the checkpoint_path of its (first) memory image, or NULL for none.  Raw
 * data of any object resolves %N% through it, and so does every memory image in snapsim's use. */
const struct attr_value *snap_config_chain(const struct snap_config *cfg);
/* snap_paths_set_ancestors from the config's chain. */
int snap_paths_set_chain(struct snap_paths *sp, const struct snap_config *cfg, char *err, size_t errlen);

/* Is `path` (a real path) equal to or below `root` (a real path)? */
int snap_path_within(const char *root, const char *path);

#endif
