/* Copying guest memory between the detailed model's machine and the reference (see mem_sync.h). */
#include "debug/mem_sync.h"

#include <stdlib.h>
#include <string.h>

static bool has_region(const struct guest_mem *m, const struct mem_region *r)
{
    for (size_t i = 0; i < m->nregions; i++)
        if (m->regions[i].start == r->start && m->regions[i].end == r->end &&
            m->regions[i].perm == r->perm)
            return true;
    return false;
}

/* Unmaps every dst region src does not have; returns how many src regions dst then lacks. */
static int drop_stale_regions(struct guest_mem *dst, const struct guest_mem *src)
{
    size_t n = dst->nregions;
    struct mem_region *stale = n ? malloc(n * sizeof *stale) : NULL;
    if (n && !stale)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!has_region(src, &dst->regions[i]))
            stale[k++] = dst->regions[i];
    for (size_t i = 0; i < k; i++)
        mem_unmap(dst, stale[i].start, stale[i].end - stale[i].start);
    free(stale);
    return 0;
}

int mem_sync(struct guest_mem *dst, const struct guest_mem *src, bool all)
{
    if (drop_stale_regions(dst, src) != 0)
        return -12;   /* -ENOMEM */
    bool code_changed = false;
    for (size_t i = 0; i < src->nregions; i++) {
        const struct mem_region *r = &src->regions[i];
        bool fresh = !has_region(dst, r);
        if (fresh) {
            int rc = mem_map(dst, r->start, r->end - r->start, r->perm, r->tag);
            if (rc != 0)
                return rc;
        }
        for (uint64_t a = r->start; a < r->end; a += GUEST_PAGE_SIZE) {
            uint64_t pg = a >> GUEST_PAGE_SHIFT;
            bool look = all || fresh || ((src->page[pg] | dst->page[pg]) & MEM_DIRTY);
            if (look && memcmp(dst->host + a, src->host + a, GUEST_PAGE_SIZE) != 0) {
                memcpy(dst->host + a, src->host + a, GUEST_PAGE_SIZE);
                code_changed |= (r->perm & MEM_X) != 0;
            }
            dst->page[pg] &= (uint8_t)~MEM_DIRTY_CLEAR;
        }
    }
    if (code_changed)
        dst->code_epoch++;
    return 0;
}
