/* See hot_chunks.h. */
#include "debug/hot_chunks.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/host_usage.h"

#define CHUNK_PAGES (HOT_CHUNK_SIZE >> GUEST_PAGE_SHIFT)
/* Pages written in one interval from which copying the chunk is cheaper than their faults: a
 * copy-on-write fault costs 2-4 us on the host measured, the private copy of a chunk 0.2-0.3 ms
 * when the kernel has a recently used huge page to give (README, LightSSS costs). */
#define DENSE_PAGES 64
/* Above this much mapped guest memory the scan (one byte per guest page) is not worth it. */
#define SCAN_MAX_BYTES (4ull << 30)
#define WRITTEN_BYTES (0x0101010101010101ull * MEM_WRITTEN)
#define CLEARED_BYTES (0x0101010101010101ull * MEM_WRITTEN_CLEAR)
/* A copy back that faulted more than this did not get a huge page (the range spans two host
 * mappings, or the host has none to give): that chunk is left to copy-on-write from then on. */
#define HUGE_REFILL_FAULTS 8

static void end_chunk(uint64_t *dense, unsigned *n, uint64_t chunk, unsigned written)
{
    if (written >= DENSE_PAGES && *n < HOT_CHUNKS_MAX)
        dense[(*n)++] = chunk;
}

void hot_chunks_scan(struct hot_chunks *h, struct guest_mem *m)
{
    uint64_t dense[HOT_CHUNKS_MAX];
    unsigned n = 0;
    if (h->off || m->mapped_bytes > SCAN_MAX_BYTES) {
        h->ndense = h->nhot = 0;
        return;
    }
    /* Eight page bytes at a time; a region's ends are rounded out to whole words (the bytes
     * beyond are unmapped pages or a neighbour's), each word scanned once. */
    uint64_t done = 0, chunk = UINT64_MAX;
    unsigned written = 0;
    for (size_t r = 0; r < m->nregions; r++) {
        uint64_t first = (m->regions[r].start >> GUEST_PAGE_SHIFT) & ~7ull;
        uint64_t end = ((m->regions[r].end >> GUEST_PAGE_SHIFT) + 7) & ~7ull;
        for (uint64_t i = first > done ? first : done; i < end; i += 8) {
            uint64_t w;
            memcpy(&w, m->page + i, sizeof w);
            if (!(w & WRITTEN_BYTES))
                continue;
            if (i / CHUNK_PAGES != chunk) {
                end_chunk(dense, &n, chunk, written);
                chunk = i / CHUNK_PAGES;
                written = 0;
            }
            written += (unsigned)__builtin_popcountll(w & WRITTEN_BYTES);
            w &= ~CLEARED_BYTES;
            memcpy(m->page + i, &w, sizeof w);
        }
        if (end > done)
            done = end;
    }
    end_chunk(dense, &n, chunk, written);
    /* Dense twice in a row: a chunk the run keeps writing, not one it filled once and left. */
    h->nhot = 0;
    for (unsigned i = 0, k = 0; i < n && k < h->ndense;) {
        if (dense[i] == h->dense[k])
            h->hot[h->nhot++] = dense[i];
        if (dense[i] <= h->dense[k])
            i++;
        else
            k++;
    }
    memcpy(h->dense, dense, n * sizeof *dense);
    h->ndense = n;
}

static uint8_t *scratch_alloc(void)
{
    size_t len = 2 * HOT_CHUNK_SIZE;
    uint8_t *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    uint8_t *s = (uint8_t *)(((uintptr_t)p + HOT_CHUNK_SIZE - 1) & ~(uintptr_t)(HOT_CHUNK_SIZE - 1));
    if (s > p)
        munmap(p, (size_t)(s - p));
    if (s + HOT_CHUNK_SIZE < p + len)
        munmap(s + HOT_CHUNK_SIZE, (size_t)(p + len - (s + HOT_CHUNK_SIZE)));
    madvise(s, HOT_CHUNK_SIZE, MADV_HUGEPAGE);
    /* Never shared with a snapshot, so writing it never faults after a fork. */
    if (madvise(s, HOT_CHUNK_SIZE, MADV_DONTFORK) != 0) {
        munmap(s, HOT_CHUNK_SIZE);
        return NULL;
    }
    return s;
}

/* Is all of [a, a + HOT_CHUNK_SIZE) mapped guest memory (host read-write, memory.c)? */
static bool chunk_mapped(const struct guest_mem *m, uint64_t a)
{
    for (uint64_t end = a + HOT_CHUNK_SIZE; a < end;) {
        const struct mem_region *r = mem_region_at(m, a);
        if (!r)
            return false;
        a = r->end;
    }
    return true;
}

static bool refused(const struct hot_chunks *h, uint64_t chunk)
{
    for (unsigned i = 0; i < h->nrefused; i++)
        if (h->refused[i] == chunk)
            return true;
    return false;
}

void hot_chunks_copy(struct hot_chunks *h, struct guest_mem *m)
{
    if (h->off || h->nhot == 0)
        return;
    if (!h->scratch && !(h->scratch = scratch_alloc())) {
        h->off = true;
        return;
    }
    double c0 = host_thread_cpu_seconds();
    for (unsigned i = 0; i < h->nhot && !h->off; i++) {
        uint64_t a = h->hot[i] * HOT_CHUNK_SIZE;
        if (refused(h, h->hot[i]) || !chunk_mapped(m, a))
            continue;
        uint8_t *p = m->host + a;
        memcpy(h->scratch, p, HOT_CHUNK_SIZE);
        long f0 = host_minor_faults();
        if (madvise(p, HOT_CHUNK_SIZE, MADV_DONTNEED) != 0)
            continue;                   /* nothing dropped: the content is still there */
        memcpy(p, h->scratch, HOT_CHUNK_SIZE);
        h->copied++;
        if (host_minor_faults() - f0 > HUGE_REFILL_FAULTS) {
            if (h->nrefused == HOT_REFUSED_MAX)
                h->off = true;          /* the host has no huge pages to give */
            else
                h->refused[h->nrefused++] = h->hot[i];
        }
    }
    h->cpu_seconds += host_thread_cpu_seconds() - c0;
}

void hot_chunks_forget(struct hot_chunks *h)
{
    h->scratch = NULL;
    h->off = true;
}

void hot_chunks_free(struct hot_chunks *h)
{
    if (h->scratch)
        munmap(h->scratch, HOT_CHUNK_SIZE);
    h->scratch = NULL;
}
