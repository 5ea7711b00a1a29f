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

/* raw_size: size of the snapshot's raw file, or -1 when it is absent or unusable (raw_err). */
static void check_data_refs(int64_t raw_size, const char *raw_err, const struct attr_value *v, const char *where,
                            struct snap_problems *out)
{
    if (v->kind == ATTR_LIST || v->kind == ATTR_DICT) {
        size_t n = v->kind == ATTR_LIST ? v->list.n : v->dict.n;
        for (size_t i = 0; i < n; i++)
            check_data_refs(raw_size, raw_err,
                            v->kind == ATTR_LIST ? &v->list.items[i] : &v->dict.entries[i].value, where, out);
        return;
    }
    if (v->kind != ATTR_DATA)
        return;
    if (strcmp(v->data.file, SNAP_RAW_REF))
        snap_problems_add(out, "%s: raw data reference %s: only %s is allowed", where, v->data.file, SNAP_RAW_REF);
    else if (raw_size < 0)
        snap_problems_add(out, "%s: %s", where, raw_err);
    else if (v->data.offset > (uint64_t)raw_size || v->data.length > (uint64_t)raw_size - v->data.offset)
        snap_problems_add(out, "%s: raw data [%llu, +%llu) beyond the end of %s", where,
                          (unsigned long long)v->data.offset, (unsigned long long)v->data.length, v->data.file);
    else if (v->data.length > SNAP_MAX_RAW_PAYLOAD)
        snap_problems_add(out, "%s: raw data of %llu bytes exceeds the limit", where,
                          (unsigned long long)v->data.length);
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
    /* The raw file is opened once; references are then checked against its size. */
    int raw_fd;
    int64_t raw_size = -1;
    char raw_err[512];
    struct stat st;
    if (snap_paths_open(&paths, SNAP_RAW_REF, &raw_fd, raw_err, sizeof raw_err) == 0) {
        if (fstat(raw_fd, &st) == 0)
            raw_size = (int64_t)st.st_size;
        close(raw_fd);
    }
    for (size_t i = 0; i < cfg.nobjects; i++) {
        const struct snap_cfg_object *o = &cfg.objects[i];
        for (size_t k = 0; k < o->nattrs; k++) {
            char where[600];
            snprintf(where, sizeof where, "object %s attribute %s", o->name, o->attrs[k].name);
            check_data_refs(raw_size, raw_err, &o->attrs[k].value, where, out);
        }
        if (!strcmp(o->class_name, SNAP_MEMORY_IMAGE_CLASS))
            check_memory_image(&paths, o, out);
    }
    snap_config_free(&cfg);
    snap_paths_free(&paths);
    return out->n;
}
