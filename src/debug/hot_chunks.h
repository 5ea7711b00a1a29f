/* Private copies of the guest memory a run keeps writing, made right after a LightSSS fork.
 *
 * After fork() every guest page is shared copy-on-write with the sleeping snapshot, so each page
 * the run then writes costs a page fault that copies 4 KiB (a few microseconds: far more than the
 * copy itself).  A run that writes hundreds of pages between two snapshots pays that hundreds of
 * times per snapshot.  For a 2 MiB chunk of guest memory the run wrote densely in each of the last
 * two intervals, the parent instead copies the chunk aside, drops its shared mapping
 * (MADV_DONTNEED: the snapshot keeps the old pages) and copies it back into a fresh huge page of
 * its own: one fault and two 2 MiB copies instead of one fault per page, and the next fork copies
 * one page-table entry for the chunk instead of 512.  Guest memory's content never changes, so a
 * replay is unaffected.  Which pages were written comes from MEM_WRITTEN (core/memory.h), which
 * every store sets and hot_chunks_scan clears.
 *
 * Opt-in (lightsss:private_copies): each copy needs a fresh huge page, which the kernel zeroes,
 * and on the virtual machine this was measured on that costs 0.2 ms when the page was used
 * before and 6-8 ms when its host had not backed it yet, so the copies cost about what they save
 * there (docs/architecture.md, README's LightSSS figures). */
#ifndef SNAPSIM_DEBUG_HOT_CHUNKS_H
#define SNAPSIM_DEBUG_HOT_CHUNKS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/memory.h"

#define HOT_CHUNK_SIZE (2ull << 20)     /* the host's huge page: what one fork entry covers */
#define HOT_CHUNKS_MAX 256              /* chunks tracked per interval (512 MiB) */
#define HOT_REFUSED_MAX 16              /* chunks that got no huge page, left alone */

struct hot_chunks {
    uint64_t dense[HOT_CHUNKS_MAX];     /* chunk numbers written densely in the last interval */
    unsigned ndense;
    uint64_t hot[HOT_CHUNKS_MAX];       /* ... and in the one before: copied after the next fork */
    unsigned nhot;
    uint8_t *scratch;                   /* HOT_CHUNK_SIZE bytes no fork shares (MADV_DONTFORK) */
    uint64_t refused[HOT_REFUSED_MAX];  /* copied back without a huge page: copies cost more */
    unsigned nrefused;
    bool off;                           /* more of those, or a child: no more copies */
    uint64_t copied;                    /* chunks copied so far */
    double cpu_seconds;                 /* their cost (thread CPU time) */
};

/* Before a fork: which chunks the run wrote densely since the last scan (clears MEM_WRITTEN). */
void hot_chunks_scan(struct hot_chunks *h, struct guest_mem *m);
/* After a fork, in the parent: a private copy of each chunk dense in the last two intervals. */
void hot_chunks_copy(struct hot_chunks *h, struct guest_mem *m);
/* In a forked child: the scratch buffer is not there (MADV_DONTFORK); never copy. */
void hot_chunks_forget(struct hot_chunks *h);
void hot_chunks_free(struct hot_chunks *h);

#endif
