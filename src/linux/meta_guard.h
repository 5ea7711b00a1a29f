/* Metadata changes of host files (mode, owner, times) requested by the guest.
 *
 * Landlock confines creating, writing, renaming and removing files, but not chmod, chown or
 * utimensat.  So in a sandboxed run every such change the guest asks for goes through here: the
 * target is pinned by an O_PATH descriptor (no path can be swapped between the check and the
 * change), its location (/proc/self/fd) must lie inside one of the sandbox's directory trees,
 * and the change is then made on the pinned file.  Outside: EACCES, as Landlock answers a write.
 * Without a sandbox the calls are made directly. */
#ifndef SNAPSIM_LINUX_META_GUARD_H
#define SNAPSIM_LINUX_META_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

/* Confines every later change to these directory trees (for the rest of the process, like
 * the Landlock sandbox it completes).  0, or -1 (errno) if a directory cannot be resolved. */
int linux_meta_confine(const char *const *dirs, size_t n);

enum linux_meta_op { LINUX_META_MODE, LINUX_META_OWNER, LINUX_META_TIMES };
struct linux_meta_change {
    enum linux_meta_op op;
    mode_t mode;
    uid_t uid;
    gid_t gid;
    const struct timespec *times;   /* NULL: now */
};

/* On an open host fd, or on a host path (follow: resolve a final symbolic link).  0 or -errno. */
int linux_meta_change_fd(int host_fd, const struct linux_meta_change *c);
int linux_meta_change_path(const char *path, bool follow, const struct linux_meta_change *c);

#endif
