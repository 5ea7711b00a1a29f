#include "snapshot/snap_verify.h"
#include "snapshot/config.h"
#include "snapshot/page_chain.h"
#include "snapshot/page_image.h"
#include "snapshot/raw_data.h"
#include "snapshot/snap_objects.h"
#include "snapshot/snap_paths.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void snap_problems_add(struct snap_problems *p, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char **msgs = realloc(p->msgs, (p->n + 1) * sizeof *msgs);
    if (!msgs)
        return;
    p->msgs = msgs;
    if ((p->msgs[p->n] = strdup(buf)))
        p->n++;
}

void snap_problems_free(struct snap_problems *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->msgs[i]);
    free(p->msgs);
    *p = (struct snap_problems){0};
}

/* The raw files of the snapshot and its chain, each opened once when first referenced, so a
 * config with many references is checked quickly. */
struct raw_files {
    const struct snap_paths *paths;
    int64_t *size;      /* by directory index: -2 not yet opened, -1 unusable (see err) */
    char (*err)[256];
};

static int64_t raw_file_size(struct raw_files *rf, int dir, const char *ref)
{
    if (rf->size[dir] == -2) {
        int fd;
        struct stat st;
        rf->size[dir] = -1;
        if (snap_paths_open(rf->paths, ref, &fd, rf->err[dir], sizeof rf->err[dir]) == 0) {
            if (fstat(fd, &st) == 0)
                rf->size[dir] = (int64_t)st.st_size;
            close(fd);
        }
    }
    return rf->size[dir];
}

static void check_data_refs(struct raw_files *rf, const struct attr_value *v, const char *where,
                            struct snap_problems *out)
{
    if (v->kind == ATTR_LIST || v->kind == ATTR_DICT) {
        size_t n = v->kind == ATTR_LIST ? v->list.n : v->dict.n;
        for (size_t i = 0; i < n; i++)
            check_data_refs(rf, v->kind == ATTR_LIST ? &v->list.items[i] : &v->dict.entries[i].value, where, out);
        return;
    }
    if (v->kind != ATTR_DATA)
        return;
    int dir = snap_raw_ref_dir(rf->paths, v->data.file);
    uint64_t span = v->data.stored ? v->data.stored : v->data.length;
    int64_t size = dir >= 0 ? raw_file_size(rf, dir, v->data.file) : -1;
    if (dir < 0)
        snap_problems_add(out, "%s: raw data reference %s: only %%N%%/%s of the snapshot or its chain is allowed",
                          where, v->data.file, SNAP_RAW_FILE);
    else if (size < 0)
        snap_problems_add(out, "%s: %s", where, rf->err[dir]);
    else if (v->data.offset > (uint64_t)size || span > (uint64_t)size - v->data.offset)
        snap_problems_add(out, "%s: raw data [%llu, +%llu) beyond the end of %s", where,
                          (unsigned long long)v->data.offset, (unsigned long long)span, v->data.file);
    else if (v->data.length > (v->data.stored ? SNAP_MAX_RAW_COMPRESSED : SNAP_MAX_RAW_PAYLOAD))
        snap_problems_add(out, "%s: raw data of %llu bytes exceeds the limit", where,
                          (unsigned long long)v->data.length);
}

static void check_raw_data(struct snap_paths *paths, const struct snap_config *cfg, struct snap_problems *out)
{
    char err[512];
    if (snap_paths_set_chain(paths, cfg, err, sizeof err)) {
        snap_problems_add(out, "%s", err);
        return;
    }
    struct raw_files rf = {.paths = paths, .size = malloc((paths->nancestors + 1) * sizeof *rf.size),
                           .err = calloc(paths->nancestors + 1, sizeof *rf.err)};
    if (!rf.size || !rf.err) {
        snap_problems_add(out, "out of memory");
    } else {
        for (size_t i = 0; i <= paths->nancestors; i++)
            rf.size[i] = -2;
        for (size_t i = 0; i < cfg->nobjects; i++) {
            const struct snap_cfg_object *o = &cfg->objects[i];
            for (size_t k = 0; k < o->nattrs; k++) {
                char where[600];
                snprintf(where, sizeof where, "object %s attribute %s", o->name, o->attrs[k].name);
                check_data_refs(&rf, &o->attrs[k].value, where, out);
            }
        }
    }
    free(rf.size);
    free(rf.err);
}

static int ignore_page(void *ctx, uint64_t pn, const void *page)
{
    (void)ctx, (void)pn, (void)page;
    return 0;
}

static void check_memory_image(struct snap_paths *paths, const struct snap_cfg_object *o, struct snap_problems *out)
{
    char err[512];
    const struct snap_cfg_attr *files = snap_cfg_object_find_attr(o, "files");
    const struct snap_cfg_attr *cp = snap_cfg_object_find_attr(o, "checkpoint_path");
    const struct snap_cfg_attr *ps = snap_cfg_object_find_attr(o, "page_size");
    uint64_t page_size;
    if (ps && (!attr_get_u64(&ps->value, &page_size) || page_size != PAGES_PAGE_SIZE))
        snap_problems_add(out, "object %s: page_size must be %u", o->name, PAGES_PAGE_SIZE);
    if (snap_paths_set_ancestors(paths, cp ? &cp->value : NULL, err, sizeof err)) {
        snap_problems_add(out, "object %s: %s", o->name, err);
        return;
    }
    if (!files || files->value.kind != ATTR_LIST || files->value.list.n == 0) {
        snap_problems_add(out, "object %s: files must be a non-empty list of page files", o->name);
        return;
    }
    if (snap_page_chain_check(paths, &files->value, err, sizeof err))
        snap_problems_add(out, "object %s: %s", o->name, err);
    for (size_t i = 0; i < files->value.list.n; i++) {
        const struct attr_value *f = &files->value.list.items[i];
        int fd;
        struct snap_pages *pages;
        if (f->kind != ATTR_STRING || strlen(f->str.bytes) != f->str.len) {
            snap_problems_add(out, "object %s: files[%zu] is not a file name", o->name, i);
            continue;
        }
        if (snap_paths_open(paths, f->str.bytes, &fd, err, sizeof err) ||
            snap_pages_open_fd(fd, f->str.bytes, &pages, err, sizeof err)) {
            snap_problems_add(out, "object %s: %s", o->name, err);
            continue;
        }
        if (snap_pages_for_each(pages, ignore_page, NULL, err, sizeof err))
            snap_problems_add(out, "object %s: %s", o->name, err);
        snap_pages_close(pages);
    }
}

size_t snap_verify(const char *snapshot_dir, const struct snap_registry *reg, struct snap_problems *out)
{
    char err[512];
    struct snap_paths paths;
    struct snap_config cfg;
    *out = (struct snap_problems){0};
    if (snap_paths_init(&paths, snapshot_dir, err, sizeof err)) {
        snap_problems_add(out, "%s", err);
        return out->n;
    }
    if (snap_paths_parse_config(&paths, &cfg, err, sizeof err)) {
        snap_problems_add(out, "%s", err);
        snap_paths_free(&paths);
        return out->n;
    }
    if (reg && snap_config_validate(reg, &cfg, NULL, err, sizeof err))
        snap_problems_add(out, "%s", err);
    check_raw_data(&paths, &cfg, out);
    for (size_t i = 0; i < cfg.nobjects; i++)
        if (!strcmp(cfg.objects[i].class_name, SNAP_MEMORY_IMAGE_CLASS))
            check_memory_image(&paths, &cfg.objects[i], out);
    snap_config_free(&cfg);
    snap_paths_free(&paths);
    return out->n;
}
