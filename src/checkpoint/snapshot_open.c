/* Opening a snapshot for the tools: parse and validate its config, resolve its page chain, and
 * list the newest entry of every page that lies in a mapped region. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkpoint/machine_snapshot.h"
#include "checkpoint/snapshot_open.h"
#include "snapshot/snap_error.h"
#include "snapshot/snap_objects.h"
#include "snapshot/snap_verify.h"

void ckpt_open_close(struct ckpt_open *s)
{
    snap_page_chain_close(&s->chain);
    snap_config_free(&s->cfg);
    snap_paths_free(&s->paths);
    snap_registry_free(&s->reg);
    free(s->regions);
    free(s->pages);
    *s = (struct ckpt_open){0};
}

/* A system-mode machine's one region: its RAM (object ram, checked by its class). */
static int load_ram_region(struct ckpt_open *s, const struct snap_cfg_object *o, char *err, size_t errlen)
{
    const struct snap_class *cls = snap_registry_find(&s->reg, ckpt_phys_memory_class.name);
    struct machine_ram ram = {0};
    for (size_t i = 0; i < 2; i++) {
        const char *name = i ? "size" : "base";
        const struct snap_cfg_attr *a = snap_cfg_object_find_attr(o, name);
        if (!a || cls->def->attrs[snap_class_attr_index(cls, name)].set(&ram, &a->value, err, errlen))
            return snap_err_prefix(err, errlen, "object ram attribute %s", name);
    }
    if (!(s->regions = calloc(1, sizeof *s->regions)))
        return snap_err(err, errlen, "out of memory");
    s->regions[0] = (struct mem_region){.start = ram.base, .end = ram.base + ram.size};
    s->nregions = 1;
    return 0;
}

static int load_regions(struct ckpt_open *s, char *err, size_t errlen)
{
    const struct snap_cfg_object *ram = snap_config_find_object(&s->cfg, "ram");
    if (ram && !strcmp(ram->class_name, ckpt_phys_memory_class.name))
        return load_ram_region(s, ram, err, errlen);
    const struct snap_cfg_object *o = snap_config_find_object(&s->cfg, "memory");
    const struct snap_cfg_attr *a = o ? snap_cfg_object_find_attr(o, "regions") : NULL;
    if (!a)
        return snap_err(err, errlen, "no object memory with regions");
    /* The class setter validates ranges and order. */
    const struct snap_class *cls = snap_registry_find(&s->reg, "guest-memory");
    int idx = snap_class_attr_index(cls, "regions");
    struct ckpt_memory cm = {0};
    if (cls->def->attrs[idx].set(&cm, &a->value, err, errlen))
        return snap_err_prefix(err, errlen, "object memory attribute regions");
    s->regions = cm.regions;
    s->nregions = cm.nregions;
    return 0;
}

int ckpt_open(struct ckpt_open *s, const char *path, char *err, size_t errlen)
{
    *s = (struct ckpt_open){0};
    snap_config_init(&s->cfg);
    if (ckpt_registry_init(&s->reg, err, errlen))
        return -1;
    if (snap_paths_init(&s->paths, path, err, errlen))
        goto fail;
    struct snap_load_opts lo = {.paths = &s->paths};
    if (snap_paths_parse_config(&s->paths, &s->cfg, err, errlen) ||
        snap_config_validate(&s->reg, &s->cfg, &lo, err, errlen) || load_regions(s, err, errlen))
        goto fail;
    const struct snap_cfg_object *img = snap_config_find_object(&s->cfg, "mem0");
    const struct snap_cfg_attr *files = img ? snap_cfg_object_find_attr(img, "files") : NULL;
    const struct snap_cfg_attr *cp = img ? snap_cfg_object_find_attr(img, "checkpoint_path") : NULL;
    if (!files) {
        snap_err(err, errlen, "no object mem0 with files");
        goto fail;
    }
    if (snap_paths_set_ancestors(&s->paths, cp ? &cp->value : NULL, err, errlen) ||
        snap_page_chain_open(&s->chain, &s->paths, &files->value, err, errlen))
        goto fail;
    return 0;
fail:
    ckpt_open_close(s);
    return -1;
}

static bool mapped(const struct ckpt_open *s, uint64_t page_number)
{
    uint64_t a = page_number << 12;
    size_t lo = 0, hi = s->nregions;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->regions[mid].end <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->nregions && s->regions[lo].start <= a;
}

static int by_page_then_image(const void *a, const void *b)
{
    const struct ckpt_page_ref *x = a, *y = b;
    if (x->page_number != y->page_number)
        return x->page_number < y->page_number ? -1 : 1;
    return x->image < y->image ? -1 : x->image > y->image;
}

int ckpt_open_pages(struct ckpt_open *s, char *err, size_t errlen)
{
    size_t total = 0;
    for (size_t i = 0; i < s->chain.n; i++)
        total += snap_pages_count(s->chain.images[i]);
    s->pages = malloc((total ? total : 1) * sizeof *s->pages);
    if (!s->pages)
        return snap_err(err, errlen, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < s->chain.n; i++)
        for (size_t k = 0; k < snap_pages_count(s->chain.images[i]); k++) {
            const struct snap_page_entry *e = snap_pages_entry(s->chain.images[i], k);
            if (mapped(s, e->page_number))
                s->pages[n++] = (struct ckpt_page_ref){e->page_number, i, k, e->hash,
                                                       (e->flags & PAGES_FLAG_ZERO) != 0};
        }
    qsort(s->pages, n, sizeof *s->pages, by_page_then_image);
    /* Keep the newest entry of each page (lowest image index), then drop zero pages: a page no
     * image has reads as zero too. */
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && s->pages[i].page_number == s->pages[i - 1].page_number)
            continue;
        s->pages[out++] = s->pages[i];
    }
    size_t nz = 0;
    for (size_t i = 0; i < out; i++)
        if (!s->pages[i].zero)
            s->pages[nz++] = s->pages[i];
    s->npages = nz;
    return 0;
}
