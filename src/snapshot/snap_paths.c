#include "snapshot/snap_paths.h"
#include "snapshot/config.h"
#include "snapshot/open_beneath.h"
#include "snapshot/snap_verify.h"
#include "snapshot/snap_error.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_ANCESTORS 1024

int snap_path_within(const char *root, const char *path)
{
    size_t n = strlen(root);
    if (n == 1 && root[0] == '/')
        return path[0] == '/';
    return strncmp(root, path, n) == 0 && (path[n] == 0 || path[n] == '/');
}

static bool within_roots(const struct snap_paths *sp, const char *path)
{
    for (size_t i = 0; i < sp->nroots; i++)
        if (snap_path_within(sp->roots[i], path))
            return true;
    return false;
}

static int check_relative(const char *rel, const char *what, char *err, size_t errlen)
{
    return snap_check_relative(rel, strlen(rel), what, err, errlen);
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s", a, b);
    return s;
}

/* realpath + containment; `what` names the reference in messages. */
static int real_within(const struct snap_paths *sp, const char *path, const char *what,
                       char **out, char *err, size_t errlen)
{
    char *real = realpath(path, NULL);
    if (!real)
        return snap_err(err, errlen, "%s: missing (%s): %s", what, path, strerror(errno));
    if (!within_roots(sp, real)) {
        snap_err(err, errlen, "%s: resolves to %s, outside the allowed directories", what, real);
        free(real);
        return -1;
    }
    *out = real;
    return 0;
}

int snap_paths_init(struct snap_paths *sp, const char *snapshot_dir, char *err, size_t errlen)
{
    *sp = (struct snap_paths){0};
    sp->dir = realpath(snapshot_dir, NULL);
    if (!sp->dir)
        return snap_err(err, errlen, "%s: %s", snapshot_dir, strerror(errno));
    struct stat st;
    if (stat(sp->dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snap_paths_free(sp);
        return snap_err(err, errlen, "%s: not a directory", snapshot_dir);
    }
    sp->parent = strdup(sp->dir);
    char *slash = sp->parent ? strrchr(sp->parent, '/') : NULL;
    if (!slash) {
        snap_paths_free(sp);
        return snap_err(err, errlen, "out of memory");
    }
    if (slash == sp->parent)
        slash[1] = 0;   /* the snapshot is directly below "/" */
    else
        *slash = 0;
    return snap_paths_add_root(sp, sp->parent, err, errlen);
}

void snap_paths_free(struct snap_paths *sp)
{
    for (size_t i = 0; i < sp->nancestors; i++) {
        free(sp->ancestors[i]);
        free(sp->ancestor_names[i]);
    }
    for (size_t i = 0; i < sp->nroots; i++)
        free(sp->roots[i]);
    free(sp->ancestors);
    free(sp->ancestor_names);
    free(sp->roots);
    free(sp->dir);
    free(sp->parent);
    *sp = (struct snap_paths){0};
}

int snap_paths_add_root(struct snap_paths *sp, const char *dir, char *err, size_t errlen)
{
    char *real = realpath(dir, NULL);
    if (!real)
        return snap_err(err, errlen, "%s: %s", dir, strerror(errno));
    char **roots = realloc(sp->roots, (sp->nroots + 1) * sizeof *roots);
    if (!roots) {
        free(real);
        return snap_err(err, errlen, "out of memory");
    }
    sp->roots = roots;
    sp->roots[sp->nroots++] = real;
    return 0;
}

static void clear_ancestors(struct snap_paths *sp)
{
    for (size_t i = 0; i < sp->nancestors; i++) {
        free(sp->ancestors[i]);
        free(sp->ancestor_names[i]);
    }
    free(sp->ancestors);
    free(sp->ancestor_names);
    sp->ancestors = sp->ancestor_names = NULL;
    sp->nancestors = 0;
}

int snap_paths_set_ancestors(struct snap_paths *sp, const struct attr_value *cp, char *err, size_t errlen)
{
    clear_ancestors(sp);
    if (!cp || cp->kind == ATTR_NIL)
        return 0;
    if (cp->kind != ATTR_LIST)
        return snap_err(err, errlen, "checkpoint_path: expected a list of directory names");
    if (cp->list.n > MAX_ANCESTORS)
        return snap_err(err, errlen, "checkpoint_path: more than %d ancestors", MAX_ANCESTORS);
    sp->ancestors = calloc(cp->list.n ? cp->list.n : 1, sizeof *sp->ancestors);
    sp->ancestor_names = calloc(cp->list.n ? cp->list.n : 1, sizeof *sp->ancestor_names);
    if (!sp->ancestors || !sp->ancestor_names)
        return snap_err(err, errlen, "out of memory");
    for (size_t i = 0; i < cp->list.n; i++) {
        const struct attr_value *e = &cp->list.items[i];
        char what[64];
        snprintf(what, sizeof what, "checkpoint_path[%zu]", i);
        if (e->kind != ATTR_STRING || strlen(e->str.bytes) != e->str.len || e->str.len >= PATH_MAX)
            return snap_err(err, errlen, "%s: expected a directory name string", what);
        const char *name = e->str.bytes;
        char *path = name[0] == '/' ? strdup(name) : NULL;
        if (name[0] != '/') {
            if (check_relative(name, what, err, errlen))
                return -1;
            path = join(sp->parent, name);
        }
        if (!path)
            return snap_err(err, errlen, "out of memory");
        char *real;
        int rc = real_within(sp, path, what, &real, err, errlen);
        free(path);
        /* Refused here rather than by every later open below it ("Not a directory"). */
        struct stat st;
        if (rc == 0 && (stat(real, &st) != 0 || !S_ISDIR(st.st_mode))) {
            snap_err(err, errlen, "%s: not a directory", what);
            free(real);
            rc = -1;
        }
        if (rc)
            return snap_err_prefix(err, errlen, "missing or unusable ancestor snapshot '%s'", name);
        sp->ancestors[sp->nancestors] = real;
        sp->ancestor_names[sp->nancestors++] = strdup(name);
    }
    return 0;
}

/* Splits "%N%/rel" (or "rel", meaning %0%) into the real path of its base directory and the
 * relative part.  Absolute references are refused: a snapshot names only its own files and its
 * ancestors'. */
static int split_ref(const struct snap_paths *sp, const char *ref, const char **base, const char **rel,
                     size_t *ancestor, char *err, size_t errlen)
{
    if (strlen(ref) >= PATH_MAX)
        return snap_err(err, errlen, "file reference too long");
    *base = sp->dir;
    *rel = ref;
    *ancestor = 0;
    if (ref[0] == '%') {
        char *end;
        errno = 0;
        unsigned long n = strtoul(ref + 1, &end, 10);
        if (end == ref + 1 || *end != '%' || end[1] != '/' || errno || !isdigit((unsigned char)ref[1]))
            return snap_err(err, errlen, "%s: expected %%N%%/path", ref);
        if (n > sp->nancestors)
            return snap_err(err, errlen, "%s: refers to ancestor %lu but checkpoint_path lists %zu", ref, n,
                            sp->nancestors);
        if (n > 0)
            *base = sp->ancestors[n - 1];
        *ancestor = n;
        *rel = end + 2;
    } else if (ref[0] == '/') {
        return snap_err(err, errlen, "%s: absolute file reference not allowed (outside the allowed directories)",
                        ref);
    }
    return check_relative(*rel, ref, err, errlen);
}

int snap_paths_resolve(const struct snap_paths *sp, const char *ref, char **out, char *err, size_t errlen)
{
    *out = NULL;
    const char *base, *rel;
    size_t ancestor;
    if (split_ref(sp, ref, &base, &rel, &ancestor, err, errlen))
        return -1;
    char *path = join(base, rel);
    if (!path)
        return snap_err(err, errlen, "out of memory");
    int rc = real_within(sp, path, ref, out, err, errlen);
    free(path);
    return rc;
}

int snap_paths_open(const struct snap_paths *sp, const char *ref, int *fd, char *err, size_t errlen)
{
    const char *base, *rel;
    size_t ancestor;
    *fd = -1;
    if (split_ref(sp, ref, &base, &rel, &ancestor, err, errlen))
        return -1;
    /* The base directories were resolved and checked against the roots when they were set. */
    int dir = open(base, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return snap_err(err, errlen, "%s (%s): %s", ref, base, strerror(errno));
    /* "%1%/raw" alone does not say which snapshot of the chain holds the bad file. */
    char what[PATH_MAX + 32];
    if (ancestor)
        snprintf(what, sizeof what, "%s (in %s)", ref, sp->ancestor_names[ancestor - 1]);
    else
        snprintf(what, sizeof what, "%s", ref);
    int rc = snap_open_beneath(dir, rel, what, fd, err, errlen);
    close(dir);
    return rc;
}

int snap_paths_parse_config(const struct snap_paths *sp, struct snap_config *cfg, char *err, size_t errlen)
{
    int fd;
    snap_config_init(cfg);
    if (snap_paths_open(sp, SNAP_CONFIG_FILE, &fd, err, errlen))
        return -1;
    int rc = snap_config_parse_fd(fd, cfg, err, errlen);
    close(fd);
    return rc;
}

const struct attr_value *snap_config_chain(const struct snap_config *cfg)
{
    for (size_t i = 0; i < cfg->nobjects; i++)
        if (!strcmp(cfg->objects[i].class_name, SNAP_MEMORY_IMAGE_CLASS)) {
            const struct snap_cfg_attr *a = snap_cfg_object_find_attr(&cfg->objects[i], "checkpoint_path");
            return a ? &a->value : NULL;
        }
    return NULL;
}

int snap_paths_set_chain(struct snap_paths *sp, const struct snap_config *cfg, char *err, size_t errlen)
{
    return snap_paths_set_ancestors(sp, snap_config_chain(cfg), err, errlen);
}
