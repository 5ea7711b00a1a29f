/* See preimages.h. */
#include "debug/preimages.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>
#include <xxhash.h>

#include "core/array.h"
#include "core/log.h"
#include "snapshot/fd_io.h"

#define BLOCK_BYTES (2ull << 20)           /* buffers are carved from blocks of this size */
#define PAGEMAP_BATCH 512                  /* pagemap entries read at a time */
#define PM_PRESENT (1ull << 63)
#define PM_SWAPPED (1ull << 62)

struct stream_header {                     /* then npages * GUEST_PAGE_SIZE bytes */
    uint64_t addr, npages;
};
#define STREAM_END UINT64_MAX

static uint8_t *new_buffer(struct preimages *p)
{
    if (p->nspare)
        return p->spare[--p->nspare];
    if (p->carve == p->carve_end) {
        uint8_t **blocks = realloc(p->blocks, (p->nblocks + 1) * sizeof *blocks);
        if (!blocks)
            return NULL;
        p->blocks = blocks;
        uint8_t *b = mmap(NULL, BLOCK_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (b == MAP_FAILED)
            return NULL;
        madvise(b, BLOCK_BYTES, MADV_DONTFORK);
        p->blocks[p->nblocks++] = b;
        p->carve = b;
        p->carve_end = b + BLOCK_BYTES;
    }
    uint8_t *buf = p->carve;
    p->carve += GUEST_PAGE_SIZE;
    return buf;
}

void preimages_save(void *ctx, const uint8_t *page, uint64_t addr)
{
    struct preimages *p = ctx;
    if (p->n == p->cap) {
        if (p->head > p->n / 2) {          /* most of the array is dropped records: reuse it */
            memmove(p->rec, p->rec + p->head, (p->n - p->head) * sizeof *p->rec);
            p->n -= p->head;
            p->head = 0;
        } else if (!array_reserve((void **)&p->rec, &p->cap, p->n + 1, sizeof *p->rec, 4096)) {
            p->lost = true;
            return;
        }
    }
    uint8_t *data = new_buffer(p);
    if (!data) {
        p->lost = true;
        return;
    }
    memcpy(data, page, GUEST_PAGE_SIZE);
    p->rec[p->n++] = (struct preimage){ addr, p->epoch, data };
    p->saved++;
    p->bytes += GUEST_PAGE_SIZE;
    if (p->bytes > p->peak_bytes)
        p->peak_bytes = p->bytes;
}

void preimages_trim(struct preimages *p, uint64_t oldest)
{
    for (; p->head < p->n && p->rec[p->head].epoch < oldest; p->head++) {
        if (!array_reserve((void **)&p->spare, &p->capspare, p->nspare + 1, sizeof *p->spare, 4096))
            break;                         /* the records stay: kept, not lost */
        p->spare[p->nspare++] = p->rec[p->head].data;
        p->bytes -= GUEST_PAGE_SIZE;
    }
    if (p->head == p->n)
        p->head = p->n = 0;
}

void preimages_forget(struct preimages *p)
{
    free(p->rec);
    free(p->spare);
    free(p->blocks);
    memset(p, 0, sizeof *p);
}

void preimages_free(struct preimages *p)
{
    for (size_t i = 0; i < p->nblocks; i++)
        munmap(p->blocks[i], BLOCK_BYTES);
    preimages_forget(p);
}

/* ---- which pages may hold data ---- */

/* The host's page map says which guest pages it has backed; one it never backed (nor swapped
 * out) reads as zeros.  Without the map every page counts as backed. */
struct backing {
    int fd;
    uint64_t first;                        /* guest page number of entry[0] */
    unsigned count;
    uint64_t entry[PAGEMAP_BATCH];
};

static bool backed(struct backing *b, const struct guest_mem *m, uint64_t addr)
{
    if (b->fd < 0)
        return true;
    uint64_t page = addr >> GUEST_PAGE_SHIFT;
    if (page < b->first || page >= b->first + b->count) {
        uint64_t host_page = (uint64_t)(uintptr_t)(m->host + addr) >> GUEST_PAGE_SHIFT;
        ssize_t n = pread(b->fd, b->entry, sizeof b->entry, (off_t)(host_page * sizeof b->entry[0]));
        if (n < (ssize_t)sizeof b->entry[0])
            return true;
        b->first = page;
        b->count = (unsigned)((size_t)n / sizeof b->entry[0]);
    }
    return (b->entry[page - b->first] & (PM_PRESENT | PM_SWAPPED)) != 0;
}

static void backing_open(struct backing *b)
{
    b->fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    b->first = b->count = 0;
}

static void backing_close(struct backing *b)
{
    if (b->fd >= 0)
        close(b->fd);
}

/* ---- the stream ---- */

static bool send_run(int fd, uint64_t addr, uint64_t npages, const uint8_t *data)
{
    struct stream_header h = { addr, npages };
    return fd_write_all(fd, &h, sizeof h) && fd_write_all(fd, data, npages * GUEST_PAGE_SIZE);
}

/* Sorted by address, then by age: `epoch` holds the record's place in the log here. */
static int by_address(const void *a, const void *b)
{
    const struct preimage *x = a, *y = b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    return x->epoch < y->epoch ? -1 : x->epoch > y->epoch;
}

/* The records that give epoch E's contents: the first per page from E on, sorted by address. */
static struct preimage *records_for(const struct preimages *p, uint64_t epoch, size_t *count)
{
    size_t n = 0;
    for (size_t i = p->head; i < p->n; i++)
        n += p->rec[i].epoch >= epoch;
    struct preimage *r = malloc((n ? n : 1) * sizeof *r);
    if (!r)
        return NULL;
    n = 0;
    for (size_t i = p->head; i < p->n; i++)
        if (p->rec[i].epoch >= epoch)
            r[n++] = (struct preimage){ p->rec[i].addr, i, p->rec[i].data };
    qsort(r, n, sizeof *r, by_address);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (kept == 0 || r[kept - 1].addr != r[i].addr)
            r[kept++] = r[i];
    *count = kept;
    return r;
}

bool preimages_send(const struct preimages *p, const struct guest_mem *m, uint64_t epoch, int fd)
{
    size_t nrec;
    struct preimage *rec = records_for(p, epoch, &nrec);
    if (!rec)
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < nrec; i++)
        ok = send_run(fd, rec[i].addr, 1, rec[i].data);
    /* Then the pages not written since that fork, as they are now, in runs. */
    struct backing b;
    backing_open(&b);
    size_t k = 0;
    for (size_t r = 0; ok && r < m->nregions; r++) {
        uint64_t run = 0, n = 0;
        for (uint64_t a = m->regions[r].start; ok && a <= m->regions[r].end; a += GUEST_PAGE_SIZE) {
            while (k < nrec && rec[k].addr < a)
                k++;
            bool send = a < m->regions[r].end && !(k < nrec && rec[k].addr == a) && backed(&b, m, a);
            if (send && n == 0)
                run = a;
            if (send) {
                n++;
                continue;
            }
            if (n)
                ok = send_run(fd, run, n, m->host + run);
            n = 0;
        }
    }
    backing_close(&b);
    free(rec);
    struct stream_header end = { STREAM_END, 0 };
    return ok && fd_write_all(fd, &end, sizeof end);
}

bool preimages_receive(struct guest_mem *m, int fd)
{
    if (mem_rebuild_host(m) != 0) {
        log_msg("lightsss: cannot map the snapshot's guest memory again");
        return false;
    }
    static uint8_t discard[GUEST_PAGE_SIZE];
    for (;;) {
        struct stream_header h;
        if (!fd_read_all(fd, &h, sizeof h))
            break;
        if (h.addr == STREAM_END)
            return true;
        if ((h.addr & (GUEST_PAGE_SIZE - 1)) || h.addr >= GUEST_VA_LIMIT ||
            h.npages > (GUEST_VA_LIMIT - h.addr) >> GUEST_PAGE_SHIFT)
            break;
        /* Pages the snapshot had no region at (mapped by the parent after the fork) are
         * read and dropped; the rest go straight into place, a region's share at a time. */
        uint64_t a = h.addr, end = h.addr + (h.npages << GUEST_PAGE_SHIFT);
        bool ok = true;
        while (ok && a < end) {
            const struct mem_region *r = mem_region_at(m, a);
            uint64_t stop = r ? (r->end < end ? r->end : end) : a + GUEST_PAGE_SIZE;
            ok = fd_read_all(fd, r ? m->host + a : discard, stop - a);
            a = stop;
        }
        if (!ok)
            break;
    }
    log_msg("lightsss: the snapshot's guest memory did not arrive whole");
    return false;
}

static bool zero_page(const uint8_t *page)
{
    uint64_t any = 0;
    for (size_t i = 0; i < GUEST_PAGE_SIZE; i += sizeof any) {
        uint64_t w;
        memcpy(&w, page + i, sizeof w);
        any |= w;
    }
    return any == 0;
}

uint64_t guest_memory_hash(const struct guest_mem *m)
{
    XXH3_state_t *st = XXH3_createState();
    if (!st)
        return 0;
    XXH3_64bits_reset(st);
    struct backing b;
    backing_open(&b);
    for (size_t r = 0; r < m->nregions; r++)
        for (uint64_t a = m->regions[r].start; a < m->regions[r].end; a += GUEST_PAGE_SIZE)
            if (backed(&b, m, a) && !zero_page(m->host + a)) {
                XXH3_64bits_update(st, &a, sizeof a);
                XXH3_64bits_update(st, m->host + a, GUEST_PAGE_SIZE);
            }
    backing_close(&b);
    uint64_t h = XXH3_64bits_digest(st);
    XXH3_freeState(st);
    return h;
}
