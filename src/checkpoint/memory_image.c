/* Guest memory <-> page files: which pages a snapshot stores, and loading a chain of page files
 * into freshly mapped regions. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "checkpoint/ckpt_internal.h"
#include "checkpoint/memory_image.h"
#include "snapshot/snap_error.h"

void ckpt_clear_dirty(struct guest_mem *mem)
{
    for (size_t i = 0; i < mem->nregions; i++) {
        const struct mem_region *r = &mem->regions[i];
        uint8_t *b = mem->page + (r->start >> GUEST_PAGE_SHIFT);
        uint8_t *e = mem->page + (r->end >> GUEST_PAGE_SHIFT);
        for (; b < e; b++)
            *b &= (uint8_t)~MEM_DIRTY_CLEAR;
    }
}

int ckpt_map_regions(struct guest_mem *mem, const struct ckpt_memory *cm, char *err, size_t errlen)
{
    mem->capacity = cm->capacity;
    for (size_t i = 0; i < cm->nregions; i++) {
        const struct mem_region *r = &cm->regions[i];
        if (mem_map(mem, r->start, r->end - r->start, r->perm, r->tag) != 0)
            return snap_err(err, errlen, "cannot map region [0x%llx, 0x%llx)", (unsigned long long)r->start,
                            (unsigned long long)r->end);
    }
    return 0;
}

/* ---- capture ---- */

int ckpt_page_iter_next(void *ctx, uint64_t *page_number, const void **page, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    struct ckpt_page_iter *it = ctx;
    const struct guest_mem *mem = it->mem;
    while (it->region < mem->nregions) {
        const struct mem_region *r = &mem->regions[it->region];
        if (it->addr < r->start)
            it->addr = r->start;
        while (it->addr < r->end) {
            uint64_t a = it->addr;
            it->addr += GUEST_PAGE_SIZE;
            if (it->dirty_only && !(mem->page[a >> GUEST_PAGE_SHIFT] & MEM_DIRTY))
                continue;
            *page_number = a >> GUEST_PAGE_SHIFT;
            *page = mem->host + a;
            return 1;
        }
        it->region++;
    }
    return 0;
}

/* ---- restore ---- */

#define PARALLEL_MIN_PAGES 4096

struct loader {
    struct guest_mem *mem;
    uint64_t loaded;
    bool beyond;
};

/* Newest image first: a page already filled (marked dirty) by a newer image is shadowed.  Pages
 * outside the mapped regions belong to mappings removed since an ancestor was taken. */
static int load_page(void *ctx, uint64_t page_number, const void *page)
{
    struct loader *l = ctx;
    if (page_number >= GUEST_PAGES) {
        l->beyond = true;
        return 1;
    }
    uint8_t *pb = &l->mem->page[page_number];
    if (!(*pb & MEM_RWX) || (*pb & MEM_DIRTY))
        return 0;
    memcpy(l->mem->host + (page_number << GUEST_PAGE_SHIFT), page, GUEST_PAGE_SIZE);
    *pb |= MEM_DIRTY;
    l->loaded++;
    return 0;
}

struct load_job {
    struct loader l;
    struct snap_pages *image;
    size_t first, end;
    int rc;
    char err[512];
};

static void *load_range(void *arg)
{
    struct load_job *j = arg;
    j->rc = snap_pages_for_range(j->image, j->first, j->end, load_page, &j->l, j->err, sizeof j->err);
    if (j->rc && j->l.beyond)
        snap_err(j->err, sizeof j->err, "memory image holds a page beyond the guest address space");
    return NULL;
}

/* Large images are loaded by two threads over halves of the index: both decompression and the
 * host's zeroing of fresh memory then run on two cores. */
static int load_image(struct guest_mem *mem, struct snap_pages *image, uint64_t *loaded, char *err, size_t errlen)
{
    size_t n = snap_pages_count(image), half = n / 2;
    struct load_job jobs[2] = {
        {.l = {.mem = mem}, .image = image, .first = 0, .end = half},
        {.l = {.mem = mem}, .image = image, .first = half, .end = n},
    };
    pthread_t helper;
    bool threaded = n >= PARALLEL_MIN_PAGES && pthread_create(&helper, NULL, load_range, &jobs[0]) == 0;
    if (!threaded)
        jobs[1].first = 0;
    load_range(&jobs[1]);
    if (threaded)
        pthread_join(helper, NULL);
    for (int k = 0; k < 2; k++) {
        if (jobs[k].rc)
            return snap_err(err, errlen, "%s", jobs[k].err);
        *loaded += jobs[k].l.loaded;
    }
    return 0;
}

int ckpt_load_pages(struct guest_mem *mem, struct snap_page_chain *chain, uint64_t *loaded, char *err, size_t errlen)
{
    uint64_t total = 0;
    ckpt_clear_dirty(mem);
    for (size_t i = 0; i < chain->n; i++)
        if (load_image(mem, chain->images[i], &total, err, errlen))
            return -1;
    ckpt_clear_dirty(mem);
    if (loaded)
        *loaded = total;
    return 0;
}
