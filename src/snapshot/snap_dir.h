/* Atomic creation of a snapshot directory.
 *
 * Files are written into "NAME.tmp-XXXXXX" (mkdtemp, same parent so the final rename stays on
 * one file system); commit fsyncs the directory, renames it to NAME only if NAME does not exist
 * (renameat2 RENAME_NOREPLACE, or a check-then-rename where the kernel lacks it) and fsyncs the
 * parent.  An existing snapshot is never overwritten, and abort (or a failed commit) removes the
 * temporary directory.  Readers therefore see a snapshot completely or not at all. */
#ifndef SNAPSIM_SNAPSHOT_SNAP_DIR_H
#define SNAPSIM_SNAPSHOT_SNAP_DIR_H

#include <stdbool.h>
#include <stddef.h>

struct snap_dir_writer {
    int parent_fd;
    int dir_fd;          /* the temporary directory: create files with openat(dir_fd, ...) */
    char *final_name;    /* last component of the final path */
    char *tmp_name;      /* last component of the temporary directory */
    char *final_path;
    bool replace;        /* commit replaces an existing snapshot directory of the name */
};

/* Fails early (without creating anything) if the final path already exists. */
int snap_dir_begin(struct snap_dir_writer *w, const char *final_path, char *err, size_t errlen);
/* The same, but with `replace` an existing snapshot directory of the name is replaced at commit
 * (exchanged atomically, then removed) instead of refused. */
int snap_dir_begin_replacing(struct snap_dir_writer *w, const char *final_path, bool replace, char *err,
                             size_t errlen);
/* Creates a file in the temporary directory, writes the bytes, fsyncs and closes it. */
int snap_dir_write_file(struct snap_dir_writer *w, const char *name, const void *data, size_t len,
                        char *err, size_t errlen);
/* Creates an empty file for the caller to fill; the caller fsyncs (snap_dir_close_file) it. */
int snap_dir_create_file(struct snap_dir_writer *w, const char *name, int *fd, char *err, size_t errlen);
int snap_dir_close_file(int fd, const char *name, char *err, size_t errlen);
/* Publishes the directory under its final name; on failure the temporary directory is removed. */
int snap_dir_commit(struct snap_dir_writer *w, char *err, size_t errlen);
/* Removes the temporary directory and everything in it. */
void snap_dir_abort(struct snap_dir_writer *w);

#endif
