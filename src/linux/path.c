/* Guest path resolution: relative paths are taken against the emulated cwd or a directory fd's
 * recorded path, so the host process never changes directory. */
#include <stdio.h>
#include <string.h>

#include "linux/syscall_internal.h"

void path_normalize(char *path)
{
    /* Components are copied down one at a time.  ".." is kept: only the host can tell whether
     * the component before it is a symbolic link. */
    char *out = path;
    const char *in = path;
    while (*in) {
        while (*in == '/')
            in++;
        const char *comp = in;
        while (*in && *in != '/')
            in++;
        size_t len = (size_t)(in - comp);
        if (len == 0 || (len == 1 && comp[0] == '.'))
            continue;
        *out++ = '/';
        memmove(out, comp, len);
        out += len;
    }
    if (out == path)
        *out++ = '/';
    *out = 0;
}

int path_resolve(const struct linux_process *p, int64_t dirfd, const char *path, char *out)
{
    const char *base = "";
    char host[LINUX_PATH_MAX];
    if (path[0] == '/' && p->cwd_view[0]) {   /* the start directory under its guest name */
        if (cwd_view_to_host(p, path, host) != 0)
            return -ENAMETOOLONG;
        path = host;
    }
    if (path[0] != '/') {
        if (dirfd == G_AT_FDCWD) {
            base = p->cwd;
        } else {
            if (dirfd < 0 || dirfd >= LINUX_MAX_FDS || p->fds[dirfd].host_fd < 0)
                return -EBADF;
            base = p->fds[dirfd].path;
            if (base[0] != '/')
                return -ENOTDIR;   /* a pipe or other non-file */
        }
    }
    int n = path[0] == 0 ? snprintf(out, LINUX_PATH_MAX, "%s", base)
                         : snprintf(out, LINUX_PATH_MAX, "%s/%s", base, path);
    if (n < 0 || n >= LINUX_PATH_MAX)
        return -ENAMETOOLONG;
    path_normalize(out);
    return 0;
}

int path_from_guest(struct machine *m, int64_t dirfd, uint64_t addr, bool allow_empty, char *out)
{
    char path[LINUX_PATH_MAX];
    int rc = mem_read_string(&m->mem, addr, path, sizeof path);
    if (rc != 0)
        return rc;
    if (path[0] == 0 && !allow_empty)
        return -ENOENT;
    int rc2 = path_resolve(m->proc, dirfd, path, out);
    /* The host's /proc/self/exe is the simulator; the guest's is its program. */
    if (rc2 == 0 && strcmp(out, "/proc/self/exe") == 0 && m->proc->exe_path[0])
        snprintf(out, LINUX_PATH_MAX, "%s", m->proc->exe_path);
    return rc2;
}
