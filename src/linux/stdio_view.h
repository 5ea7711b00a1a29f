/* The guest's view of the inherited standard streams (linux:stdio; see stdio_view.c). */
#ifndef SNAPSIM_LINUX_STDIO_VIEW_H
#define SNAPSIM_LINUX_STDIO_VIEW_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "linux/syscall_internal.h"

/* 0, 1 or 2 if `path` (an fd's recorded path or a resolved guest path) is a standard stream
 * whose view is pinned, else -1 (also always with linux:stdio=host). */
int stdio_view_stream(const struct linux_process *p, const char *path);
/* Whether f is such a stream: its fstat, terminal ioctls, lseek and F_GETFL are the view's. */
bool stdio_view_pinned(const struct linux_process *p, const struct linux_fd *f);
/* The fixed metadata of stream 0, 1 or 2. */
void stdio_view_stat(const struct linux_process *p, int stream, struct stat *st);
void stdio_view_statx(const struct linux_process *p, int stream, struct statx *stx);
/* Answers a terminal ioctl on a pinned stream (true, *result set), or leaves it to the host. */
bool stdio_view_ioctl(struct machine *m, const struct linux_fd *f, uint32_t req, uint64_t arg,
                      int64_t *result);

#endif
