/* Whole transfers on a file descriptor: write() and read() may move fewer bytes than asked
 * (pipes, signals, the kernel's per-call limit), so every caller that needs all of them loops
 * the same way; this is that loop, once.  It lives in the snapshot library, which stands alone
 * (the fuzz targets link only it), and the rest of the simulator uses it from there. */
#ifndef SNAPSIM_SNAPSHOT_FD_IO_H
#define SNAPSIM_SNAPSHOT_FD_IO_H

#include <stdbool.h>
#include <stddef.h>

/* Writes all len bytes, retrying after EINTR; false (errno set, or 0 for a write that made no
 * progress) otherwise. */
bool fd_write_all(int fd, const void *buf, size_t len);

/* Reads exactly len bytes, retrying after EINTR; false on an error or an end of file first. */
bool fd_read_all(int fd, void *buf, size_t len);

#endif
