/* LightSSS's software copy-on-write of guest memory.
 *
 * fork() shares every page copy-on-write, so after it each guest page the run writes costs a
 * kernel fault that copies 4 KiB (about 3.3 us on the machine measured: a hundred times the copy
 * itself), the fork copies a page-table entry per resident guest page and the snapshot's exit
 * tears them all down again.  At one snapshot per million cycles that was most of what LightSSS
 * cost a guest of a few hundred MiB.  So the guest's host pages are left out of the fork
 * (mem_exclude_from_forks) and the parent keeps what the snapshot needs itself: before its first
 * write to a page after a fork (struct mem_first_write) it saves the page's contents here, tagged
 * with the fork's number, its epoch.  The records are in the order they were made, so the
 * contents a page had at fork E are those of its first record of an epoch at or after E or,
 * without one, the page as the parent has it now.  Waking the snapshot of epoch E, the parent
 * sends it exactly that over its pipe (preimages_send); the child maps fresh memory under its
 * regions and reads it in (preimages_receive).
 *
 * Records older than the oldest live snapshot are dropped (preimages_trim).  The saved pages are
 * in MADV_DONTFORK memory too: no snapshot needs them in its own copy of the process. */
#ifndef SNAPSIM_DEBUG_PREIMAGES_H
#define SNAPSIM_DEBUG_PREIMAGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/memory.h"

struct preimage {
    uint64_t addr, epoch;
    uint8_t *data;                     /* GUEST_PAGE_SIZE bytes */
};

struct preimages {
    struct preimage *rec;              /* rec[head..n): the live records, oldest first */
    size_t head, n, cap;
    uint64_t epoch;                    /* the newest fork's: what a save is tagged with */
    uint8_t **spare;                   /* page buffers of dropped records, for reuse */
    size_t nspare, capspare;
    uint8_t *carve, *carve_end;        /* the rest of the newest block of buffers */
    uint8_t **blocks;
    size_t nblocks;
    bool lost;                         /* a save found no memory: replays may diverge */
    uint64_t saved;                    /* pages saved, for statistics */
    uint64_t bytes, peak_bytes;        /* held by live records */
};

/* struct mem_first_write's save: records the page's contents under the current epoch. */
void preimages_save(void *ctx, const uint8_t *page, uint64_t addr);
/* Drops the records no live snapshot needs: those of epochs before `oldest` (UINT64_MAX: all). */
void preimages_trim(struct preimages *p, uint64_t oldest);
/* In a forked child: the buffers are not in this process; forget them without unmapping. */
void preimages_forget(struct preimages *p);
void preimages_free(struct preimages *p);

/* The parent, waking the snapshot of epoch `epoch`: every page that may hold data as it was at
 * that fork, from m's regions and the records.  False on a write error. */
bool preimages_send(const struct preimages *p, const struct guest_mem *m, uint64_t epoch, int fd);
/* The woken child: fresh host pages under its regions (mem_rebuild_host) filled from the
 * stream.  False after a one-line message. */
bool preimages_receive(struct guest_mem *m, int fd);

/* A hash of the guest memory's contents, address by address: the same for two memories whose
 * mapped pages hold the same bytes, however the host backs them (pages never touched read as
 * zeros and are skipped without being read). */
uint64_t guest_memory_hash(const struct guest_mem *m);

#endif
