/* Guest memory <-> page files: which pages a snapshot stores, and loading a chain of page files
 * into freshly mapped regions. */
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
            *b &= (uint8_t)~MEM_DIRTY;
    }
}

int ckpt_map_regions(struct guest_mem *mem, const struct ckpt_memory *cm, char *err, size_t errlen)
{
    uint64_t total = 0;
    for (size_t i = 0; i < cm->nregions; i++)
        total += cm->regions[i].end - cm->regions[i].start;
    if (total > cm->capacity)
        return snap_err(err, errlen, "regions map %llu bytes, more than the capacity %llu",
                        (unsigned long long)total, (unsigned long long)cm->capacity);
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

int ckpt_load_pages(struct guest_mem *mem, struct snap_page_chain *chain, uint64_t *loaded, char *err, size_t errlen)
{
    struct loader l = {.mem = mem};
    ckpt_clear_dirty(mem);
    for (size_t i = 0; i < chain->n; i++)
        if (snap_pages_for_each(chain->images[i], load_page, &l, err, errlen)) {
            if (l.beyond)
                snap_err(err, errlen, "memory image holds a page beyond the guest address space");
            return -1;
        }
    ckpt_clear_dirty(mem);
    if (loaded)
        *loaded = l.loaded;
    return 0;
}
