#include "snapshot/page_chain.h"
#include "snapshot/snap_error.h"

#include <stdlib.h>
#include <string.h>

int snap_page_chain_check(const struct snap_paths *paths, const struct attr_value *files, char *err, size_t errlen)
{
    if (files->kind != ATTR_LIST || files->list.n == 0 || files->list.n > SNAP_MAX_CHAIN)
        return snap_err(err, errlen, "files: expected a list of 1 to %d file names", SNAP_MAX_CHAIN);
    /* One page file per snapshot of the chain, at most: the snapshot and each ancestor. */
    if (files->list.n > paths->nancestors + 1)
        return snap_err(err, errlen, "files: %zu page files for a chain of %zu snapshots", files->list.n,
                        paths->nancestors + 1);
    for (size_t i = 0; i < files->list.n; i++) {
        const struct attr_value *f = &files->list.items[i];
        if (f->kind != ATTR_STRING || strlen(f->str.bytes) != f->str.len)
            return snap_err(err, errlen, "files[%zu]: expected a file name string", i);
        for (size_t k = 0; k < i; k++)
            if (!strcmp(files->list.items[k].str.bytes, f->str.bytes))
                return snap_err(err, errlen, "files[%zu]: %s is listed twice", i, f->str.bytes);
    }
    return 0;
}

int snap_page_chain_open(struct snap_page_chain *c, const struct snap_paths *paths,
                         const struct attr_value *files, char *err, size_t errlen)
{
    *c = (struct snap_page_chain){0};
    if (snap_page_chain_check(paths, files, err, errlen))
        return -1;
    c->images = calloc(files->list.n, sizeof *c->images);
    if (!c->images)
        return snap_err(err, errlen, "out of memory");
    for (size_t i = 0; i < files->list.n; i++) {
        const struct attr_value *f = &files->list.items[i];
        int fd;
        if (f->kind != ATTR_STRING || strlen(f->str.bytes) != f->str.len) {
            snap_page_chain_close(c);
            return snap_err(err, errlen, "files[%zu]: expected a file name string", i);
        }
        if (snap_paths_open(paths, f->str.bytes, &fd, err, errlen) ||
            snap_pages_open_fd(fd, f->str.bytes, &c->images[i], err, errlen)) {
            snap_page_chain_close(c);
            return -1;
        }
        c->n++;
    }
    return 0;
}

void snap_page_chain_close(struct snap_page_chain *c)
{
    for (size_t i = 0; i < c->n; i++)
        snap_pages_close(c->images[i]);
    free(c->images);
    *c = (struct snap_page_chain){0};
}

int snap_page_chain_read(struct snap_page_chain *c, uint64_t page_number, void *page, bool *found,
                         char *err, size_t errlen)
{
    for (size_t i = 0; i < c->n; i++) {
        long k = snap_pages_find(c->images[i], page_number);
        if (k >= 0) {
            *found = true;
            return snap_pages_read(c->images[i], (size_t)k, page, err, errlen);
        }
    }
    *found = false;
    memset(page, 0, PAGES_PAGE_SIZE);
    return 0;
}

struct shadow_filter {
    struct snap_page_chain *chain;
    size_t image;          /* the image being walked */
    snap_page_cb cb;
    void *ctx;
};

/* Passes a page on only if no newer image has its own entry for it. */
static int unshadowed(void *ctx, uint64_t page_number, const void *page)
{
    struct shadow_filter *f = ctx;
    for (size_t i = 0; i < f->image; i++)
        if (snap_pages_find(f->chain->images[i], page_number) >= 0)
            return 0;
    return f->cb(f->ctx, page_number, page);
}

int snap_page_chain_for_each(struct snap_page_chain *c, snap_page_cb cb, void *ctx, char *err, size_t errlen)
{
    /* Oldest first; shadowed pages are still decompressed (and so checked), then dropped. */
    for (size_t i = c->n; i-- > 0;) {
        struct shadow_filter f = {c, i, cb, ctx};
        if (snap_pages_for_each(c->images[i], unshadowed, &f, err, errlen))
            return -1;
    }
    return 0;
}
