/* Guest memory <-> page files (memory_image.c). */
#ifndef SNAPSIM_CHECKPOINT_MEMORY_IMAGE_H
#define SNAPSIM_CHECKPOINT_MEMORY_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/memory.h"
#include "snapshot/page_chain.h"

/* Walks the mapped pages in address order (a snap_page_iter): every page for a full image,
 * only pages marked dirty for an incremental one. */
struct ckpt_page_iter {
    const struct guest_mem *mem;
    size_t region;
    uint64_t addr;
    bool dirty_only;
};
int ckpt_page_iter_next(void *ctx, uint64_t *page_number, const void **page, char *err, size_t errlen);

/* Loads a chain (newest image first) into mapped regions; pages outside them are skipped. */
int ckpt_load_pages(struct guest_mem *mem, struct snap_page_chain *chain, uint64_t *loaded, char *err,
                    size_t errlen);

#endif
