/* Physical RAM <-> page files for system-mode snapshots.  A page's "dirtiness" is a change of its
 * content since the chain's newest snapshot, judged by a 128-bit XXH3 of each page recorded
 * then (a collision, 2^-128 per changed page, is the only way a change could be missed). */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "checkpoint/machine_snapshot.h"
#include "snapshot/snap_error.h"

static void hash_page(const uint8_t *page, uint64_t out[2])
{
    XXH128_hash_t h = XXH3_128bits(page, GUEST_PAGE_SIZE);
    out[0] = h.low64;
    out[1] = h.high64;
}

int machine_page_iter_next(void *ctx, uint64_t *page_number, const void **page, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    struct machine_page_iter *it = ctx;
    while (it->next < it->npages) {
        uint64_t i = it->next++;
        const uint8_t *p = it->ram + (i << GUEST_PAGE_SHIFT);
        uint64_t *h = &it->hashes[2 * i];
        hash_page(p, h);
        if (it->previous && h[0] == it->previous[2 * i] && h[1] == it->previous[2 * i + 1])
            continue;
        *page_number = (it->base >> GUEST_PAGE_SHIFT) + i;
        *page = p;
        return 1;
    }
    return 0;
}

uint64_t *machine_zero_hashes(uint64_t npages)
{
    static const uint8_t zero[GUEST_PAGE_SIZE];
    uint64_t z[2], *h = malloc((npages ? npages : 1) * 2 * sizeof *h);
    hash_page(zero, z);
    for (uint64_t i = 0; h && i < npages; i++)
        h[2 * i] = z[0], h[2 * i + 1] = z[1];
    return h;
}

struct ram_loader {
    uint8_t *ram;
    uint64_t *hashes;
    uint64_t first, npages, loaded;
    bool outside;
};

static int load_page(void *ctx, uint64_t page_number, const void *page)
{
    struct ram_loader *l = ctx;
    if (page_number < l->first || page_number - l->first >= l->npages) {
        l->outside = true;   /* machine_stage refused such a chain; never write outside RAM */
        return 1;
    }
    uint64_t i = page_number - l->first;
    memcpy(l->ram + (i << GUEST_PAGE_SHIFT), page, GUEST_PAGE_SIZE);
    hash_page(page, &l->hashes[2 * i]);
    l->loaded++;
    return 0;
}

int machine_load_pages(uint8_t *ram, uint64_t base, uint64_t size, struct snap_page_chain *chain, uint64_t *hashes,
                       uint64_t *loaded, char *err, size_t errlen)
{
    struct ram_loader l = {.ram = ram, .hashes = hashes, .first = base >> GUEST_PAGE_SHIFT, .npages = size >> GUEST_PAGE_SHIFT};
    if (snap_page_chain_for_each(chain, load_page, &l, err, errlen))
        return l.outside ? snap_err(err, errlen, "a memory image holds a page outside RAM") : -1;
    *loaded = l.loaded;
    return 0;
}
