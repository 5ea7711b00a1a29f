/* Opening a snapshot-relative name: the one place where a name written in a snapshot becomes a
 * host file descriptor.
 *
 * The name must be relative, non-empty, without NUL bytes, "" / "." / ".." components or a
 * trailing '/'; it is resolved below a directory fd and no component may be a symbolic link
 * (openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS, or a component-by-component walk with
 * O_NOFOLLOW where the kernel lacks openat2).  Only a regular file is returned: the open uses
 * O_NONBLOCK and the type is checked with fstat before any read, so a FIFO or device in place of
 * a snapshot file can never block or feed endless data. */
#ifndef SNAPSIM_SNAPSHOT_OPEN_BENEATH_H
#define SNAPSIM_SNAPSHOT_OPEN_BENEATH_H

#include <stddef.h>

/* Refuses names that could leave the directory or hide tricks; `what` names the reference. */
int snap_check_relative(const char *rel, size_t len, const char *what, char *err, size_t errlen);
/* Opens rel below dir_fd read-only as a regular file; 0, or -1 with a one-line message. */
int snap_open_beneath(int dir_fd, const char *rel, const char *what, int *fd, char *err, size_t errlen);

#endif
