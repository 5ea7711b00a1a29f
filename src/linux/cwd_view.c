/* The guest's name for the directory it starts in (linux:cwd).
 *
 * The host directory a run starts in differs between machines and users, and a program that
 * asks (getcwd, /proc/self/cwd, realpath of a relative name) copies the string, so its length
 * alone changes the instruction count.  The guest therefore sees the start directory under a
 * fixed name: getcwd and /proc links report host paths below it by that name, and absolute guest
 * paths under that name reach the host directory.  Relative paths need no translation (the
 * emulated cwd stays a host path, which snapshots and restores use as it is).  The default name,
 * /tmp/cwd, lies in a directory every Linux host has, so realpath's walk up the name works. */
#include <stdio.h>
#include <string.h>

#include "linux/syscall_internal.h"

/* The rest of `path` after `prefix` ("" or "/..."), when prefix names path or an ancestor. */
static const char *below(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(path, prefix, n) != 0)
        return NULL;
    return path[n] == 0 || path[n] == '/' ? path + n : NULL;
}

/* The view is off for "host", and when either side is the root (nothing to rename). */
void cwd_view_init(struct linux_process *p, const char *view)
{
    p->cwd_view[0] = p->cwd_host[0] = 0;
    if (!view || view[0] != '/' || strlen(view) >= sizeof p->cwd_view)
        return;
    char v[LINUX_PATH_MAX];
    snprintf(v, sizeof v, "%s", view);
    path_normalize(v);
    if (strcmp(v, "/") == 0 || strcmp(p->cwd, "/") == 0)
        return;
    memcpy(p->cwd_view, v, strlen(v) + 1);
    snprintf(p->cwd_host, sizeof p->cwd_host, "%s", p->cwd);
}

int cwd_view_to_host(const struct linux_process *p, const char *guest, char *out)
{
    const char *rest = p->cwd_view[0] ? below(guest, p->cwd_view) : NULL;
    int n = rest ? snprintf(out, LINUX_PATH_MAX, "%s%s", p->cwd_host, rest)
                 : snprintf(out, LINUX_PATH_MAX, "%s", guest);
    return n < 0 || n >= LINUX_PATH_MAX ? -ENAMETOOLONG : 0;
}

const char *cwd_view_from_host(const struct linux_process *p, const char *host, char *out)
{
    const char *rest = p->cwd_view[0] ? below(host, p->cwd_host) : NULL;
    if (!rest)
        return host;
    snprintf(out, LINUX_PATH_MAX, "%s%s", p->cwd_view, rest);
    return out;
}
