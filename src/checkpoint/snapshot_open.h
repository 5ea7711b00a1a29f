/* A snapshot opened read-only for the tools (info, verify, diff, merge). */
#ifndef SNAPSIM_CHECKPOINT_SNAPSHOT_OPEN_H
#define SNAPSIM_CHECKPOINT_SNAPSHOT_OPEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "checkpoint/ckpt_internal.h"
#include "snapshot/config.h"
#include "snapshot/page_chain.h"
#include "snapshot/snap_paths.h"

/* The newest entry of one page in the chain. */
struct ckpt_page_ref {
    uint64_t page_number;
    size_t image;      /* index in chain.images (0 = the snapshot's own file) */
    size_t entry;
    uint64_t hash;     /* xxh3 of the page content */
    bool zero;
};

struct ckpt_open {
    struct snap_registry reg;
    struct snap_paths paths;
    struct snap_config cfg;
    struct snap_page_chain chain;
    struct mem_region *regions;
    size_t nregions;
    struct ckpt_page_ref *pages;   /* after ckpt_open_pages: non-zero mapped pages, by address */
    size_t npages;
};

/* Parses and validates the config, checks the regions and opens every page file. */
int ckpt_open(struct ckpt_open *s, const char *path, char *err, size_t errlen);
/* Lists the newest non-zero content of every mapped page (from the indexes, no decompression). */
int ckpt_open_pages(struct ckpt_open *s, char *err, size_t errlen);
void ckpt_open_close(struct ckpt_open *s);

#endif
