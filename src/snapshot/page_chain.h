/* Incremental chains of memory images.
 *
 * A memory-image object's `files` attribute lists its page files newest first, as checkpoint
 * path references ("%0%/mem0.pages", "%1%/mem0.pages", ...).  A page is looked up newest
 * first: the first image that has an entry for it (a frame or a PAGE_ZERO entry) wins, and a
 * page no image has is zero. */
#ifndef SNAPSIM_SNAPSHOT_PAGE_CHAIN_H
#define SNAPSIM_SNAPSHOT_PAGE_CHAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "snapshot/attr_value.h"
#include "snapshot/page_image.h"
#include "snapshot/snap_paths.h"

#define SNAP_MAX_CHAIN 1024

struct snap_page_chain {
    struct snap_pages **images;   /* newest first */
    size_t n;
};

/* Opens every file of `files` (a list of reference strings) through `paths`, whose ancestors
 * must already be set from the image's checkpoint_path. */
/* Checks the page file list (strings, distinct, at most one per snapshot of the chain). */
int snap_page_chain_check(const struct snap_paths *paths, const struct attr_value *files, char *err, size_t errlen);
int snap_page_chain_open(struct snap_page_chain *c, const struct snap_paths *paths,
                         const struct attr_value *files, char *err, size_t errlen);
void snap_page_chain_close(struct snap_page_chain *c);

/* Lazy restore: reads one page; *found is false (and the page zero-filled) if no image has it. */
int snap_page_chain_read(struct snap_page_chain *c, uint64_t page_number, void *page, bool *found,
                         char *err, size_t errlen);
/* Eager restore: calls cb once for every page some image holds, with its newest content. */
int snap_page_chain_for_each(struct snap_page_chain *c, snap_page_cb cb, void *ctx, char *err, size_t errlen);

#endif
