/* Guest memory: a flat host reservation, a page table of permission bytes and a region list. */
#include "core/memory.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define HUGE_ALIGN (2ull << 20)    /* the host's transparent huge page (PMD) size on x86-64 */
#define HOST_BELOW HUGE_ALIGN      /* inaccessible host space before guest address 0 (aligned) */
#define HOST_SPAN (HOST_BELOW + GUEST_VA_LIMIT + GUEST_PAGE_SIZE)   /* the whole reservation */
#define WORD_BYTES(bits) (0x0101010101010101ull * (bits))

/* Reserve address space only: pages are committed by the host kernel when first touched, so an
 * unused guest address space costs nothing.  The reservation starts on a huge-page boundary
 * (newer kernels align large mappings themselves, older ones do not): only aligned 2 MiB ranges
 * can be backed by huge pages, and a fork() copies one page-table entry per huge page instead
 * of 512, which is what keeps LightSSS's fork snapshots cheap for a large guest. */
static void *reserve(size_t bytes, int prot)
{
    size_t len = bytes + HUGE_ALIGN;
    uint8_t *p = mmap(NULL, len, prot,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    uint8_t *start = (uint8_t *)(((uintptr_t)p + HUGE_ALIGN - 1) & ~(uintptr_t)(HUGE_ALIGN - 1));
    if (start > p)
        munmap(p, (size_t)(start - p));
    munmap(start + bytes, (size_t)(p + len - (start + bytes)));
    return start;
}

int mem_init(struct guest_mem *m, uint64_t capacity)
{
    memset(m, 0, sizeof *m);
    /* The guest space starts inaccessible on the host (nothing is mapped), with one more page
     * past it and a huge page's worth before it that stay so: a host access that runs past
     * either end of the guest space faults too (translated loads rely on it: jit_ops_x86.c). */
    uint8_t *space = reserve(HOST_SPAN, PROT_NONE);
    m->host = space ? space + HOST_BELOW : NULL;
    m->page = reserve(GUEST_PAGES, PROT_READ | PROT_WRITE);
    if (!m->host || !m->page) {
        mem_destroy(m);
        return -ENOMEM;
    }
    /* Large guest heaps benefit from huge pages: fewer host TLB misses, faster fork(). */
    madvise(m->host, GUEST_VA_LIMIT, MADV_HUGEPAGE);
    m->capacity = capacity;
    m->host_guarded = true;
    return 0;
}

void mem_destroy(struct guest_mem *m)
{
    if (m->host)
        munmap(m->host - HOST_BELOW, HOST_SPAN);
    if (m->page)
        munmap(m->page, GUEST_PAGES);
    free(m->regions ? m->regions - m->front : NULL);
    memset(m, 0, sizeof *m);
}

/* Host protection mirrors which guest pages are mapped (not their permissions), so that
 * translated loads need no permission check (mem_loads_fault_on_host).  Simulator code may
 * touch any page of a region through host + A, whatever the region's guest permissions (a
 * snapshot reads PROT_NONE regions too), so mapped pages are always host read-write.
 * The host's map count limit (vm.max_map_count, lower than MEM_MAX_REGIONS) can make an
 * mprotect fail when many separate mappings split the reservation: then the guard is given up,
 * the whole space made accessible as it was before there was one, and translated loads go back
 * to checking, so a guest never gets ENOMEM for it. */
static void host_unguard(struct guest_mem *m)
{
    m->host_guarded = false;
    m->code_epoch++;
    mprotect(m->host, GUEST_VA_LIMIT, PROT_READ | PROT_WRITE);   /* merges, never splits */
}

static void host_open(struct guest_mem *m, uint64_t addr, uint64_t len)
{
    if (m->host_guarded && mprotect(m->host + addr, len, PROT_READ | PROT_WRITE) != 0)
        host_unguard(m);
}

static void host_close(struct guest_mem *m, uint64_t addr, uint64_t len)
{
    if (m->host_guarded && mprotect(m->host + addr, len, PROT_NONE) != 0)
        host_unguard(m);
}

static void note_perm(struct guest_mem *m, unsigned perm)
{
    if (!(perm & MEM_R) && !m->unreadable_mapped) {
        m->unreadable_mapped = true;
        m->code_epoch++;
    }
}

static bool range_valid(uint64_t addr, uint64_t len)
{
    return len > 0 && (addr & (GUEST_PAGE_SIZE - 1)) == 0 && (len & (GUEST_PAGE_SIZE - 1)) == 0 &&
           addr < GUEST_VA_LIMIT && len <= GUEST_VA_LIMIT - addr;
}

/* Keeps the stored bits and drops MEM_W_STORED, which the next translated store re-derives. */
static void set_page_perm(struct guest_mem *m, uint64_t addr, uint64_t len, unsigned perm)
{
    uint64_t first = addr >> GUEST_PAGE_SHIFT, n = len >> GUEST_PAGE_SHIFT;
    for (uint64_t i = 0; i < n; i++)
        m->page[first + i] = (uint8_t)((m->page[first + i] & MEM_STORED) | perm);
}

/* The region array lives inside a larger allocation with free slots before it (m->front) as
 * well as after it: an insertion or removal moves whichever side of the array is shorter, so
 * mappings added at the low end (mmap places top-down) or high end move nothing. */
static bool grow_regions(struct guest_mem *m, size_t need)
{
    if (m->front + need <= m->cap_regions)
        return true;
    size_t cap = m->cap_regions ? m->cap_regions * 2 : 16;
    while (cap < 2 * need)
        cap *= 2;
    struct mem_region *base = malloc(cap * sizeof *base);
    if (!base)
        return false;
    size_t front = (cap - need) / 2;
    if (m->nregions)
        memcpy(base + front, m->regions, m->nregions * sizeof *base);
    free(m->regions ? m->regions - m->front : NULL);
    m->regions = base + front;
    m->front = front;
    m->cap_regions = cap;
    return true;
}

/* Opens one free slot at index i (the caller made room with grow_regions). */
static void open_slot(struct guest_mem *m, size_t i)
{
    if (m->front > 0 && i < m->nregions - i) {
        memmove(m->regions - 1, m->regions, i * sizeof *m->regions);
        m->regions--;
        m->front--;
    } else {
        memmove(&m->regions[i + 1], &m->regions[i], (m->nregions - i) * sizeof *m->regions);
    }
    m->nregions++;
}

/* Drops the k regions at index i. */
static void close_slots(struct guest_mem *m, size_t i, size_t k)
{
    if (i < m->nregions - i - k) {
        memmove(m->regions + k, m->regions, i * sizeof *m->regions);
        m->regions += k;
        m->front += k;
    } else {
        memmove(&m->regions[i], &m->regions[i + k], (m->nregions - i - k) * sizeof *m->regions);
    }
    m->nregions -= k;
}

/* The region list is a sorted array searched by bisection; every operation touches only the
 * regions of its range and moves the shorter side of the array at most once, so a guest with
 * tens of thousands of mappings pays O(log n) per lookup (plus one move per change), not a full
 * pass. */

/* Index of the first region ending after addr (nregions if none). */
static size_t first_ending_after(const struct guest_mem *m, uint64_t addr)
{
    size_t lo = 0, hi = m->nregions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->regions[mid].end <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Index of the first region starting at or after addr. */
static size_t first_starting_at(const struct guest_mem *m, uint64_t addr)
{
    size_t lo = 0, hi = m->nregions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->regions[mid].start < addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool straddles(const struct guest_mem *m, uint64_t addr)
{
    size_t i = first_ending_after(m, addr);
    return i < m->nregions && m->regions[i].start < addr;
}

/* Would an operation on [addr, addr+len) that adds `added` regions exceed MEM_MAX_REGIONS (the
 * kernel's vm.max_map_count)?  Splitting a region at either end adds one each. */
static bool too_many(const struct guest_mem *m, uint64_t addr, uint64_t len, size_t added)
{
    return m->nregions + added + straddles(m, addr) + straddles(m, addr + len) > MEM_MAX_REGIONS;
}

/* Cuts regions so that no region straddles `addr`. */
static bool split_at(struct guest_mem *m, uint64_t addr)
{
    size_t i = first_ending_after(m, addr);
    if (i == m->nregions || m->regions[i].start >= addr)
        return true;
    if (!grow_regions(m, m->nregions + 1))
        return false;
    open_slot(m, i);
    struct mem_region *r = &m->regions[i];
    r[0] = r[1];
    r[0].end = addr;
    r[1].start = addr;
    return true;
}

/* mem_find_free's memory (m->free_cache) stays true when mappings are added; when regions were
 * just removed at index i, the free gap there may be larger than it knows. */
static void forget_free_above(struct guest_mem *m, size_t i)
{
    struct mem_free_cache *c = &m->free_cache;
    if (!c->valid)
        return;
    uint64_t gs = i > 0 ? m->regions[i - 1].end : 0;
    uint64_t ge = i < m->nregions ? m->regions[i].start : GUEST_VA_LIMIT;
    if (ge <= c->top)
        return;
    if (gs >= c->top)
        c->hole = c->hole > ge - gs ? c->hole : ge - gs;
    else
        c->top = ge;   /* the gap straddles what it knows: know less */
}

/* Removes the region bookkeeping for [addr, addr+len); pages are left to the caller.  Returns
 * the index where the range was (where a region replacing it goes). */
static bool remove_range(struct guest_mem *m, uint64_t addr, uint64_t len, size_t *at)
{
    uint64_t end = addr + len;
    if (!split_at(m, addr) || !split_at(m, end))
        return false;
    size_t i = first_ending_after(m, addr), j = i;
    for (; j < m->nregions && m->regions[j].end <= end; j++) {
        m->mapped_bytes -= m->regions[j].end - m->regions[j].start;
        if (m->regions[j].perm & MEM_X)
            m->code_epoch++;
    }
    if (j > i) {
        close_slots(m, i, j - i);
        forget_free_above(m, i);
    }
    if (at)
        *at = i;
    return true;
}

/* Merges equal neighbours among regions[lo..hi] (clipped to the list) with one tail move. */
static void merge_window(struct guest_mem *m, size_t lo, size_t hi)
{
    if (hi >= m->nregions)
        hi = m->nregions ? m->nregions - 1 : 0;
    if (lo >= hi)
        return;
    size_t out = lo;
    for (size_t i = lo + 1; i <= hi; i++) {
        struct mem_region *p = &m->regions[out], *r = &m->regions[i];
        if (p->end == r->start && p->perm == r->perm && strcmp(p->tag, r->tag) == 0)
            p->end = r->end;
        else
            m->regions[++out] = *r;
    }
    if (hi > out)
        close_slots(m, out + 1, hi - out);
}

/* Places a region at index i (the caller made room for it) and merges it with its neighbours. */
static void insert_region(struct guest_mem *m, size_t i, const struct mem_region *r)
{
    open_slot(m, i);
    m->regions[i] = *r;
    m->mapped_bytes += r->end - r->start;
    merge_window(m, i ? i - 1 : 0, i + 1);
}

static void mark_stored(struct guest_mem *m, uint64_t addr, uint64_t len)
{
    if (len == 0)
        return;
    for (uint64_t p = addr >> GUEST_PAGE_SHIFT; p <= (addr + len - 1) >> GUEST_PAGE_SHIFT; p++)
        m->page[p] |= MEM_STORED;
}

/* Gives host pages back and zeroes them: the next touch sees a fresh zero page. */
static void discard_pages(struct guest_mem *m, uint64_t addr, uint64_t len)
{
    madvise(m->host + addr, len, MADV_DONTNEED);
    uint64_t first = addr >> GUEST_PAGE_SHIFT, n = len >> GUEST_PAGE_SHIFT;
    memset(m->page + first, 0, n);
}

static uint64_t mapped_within(const struct guest_mem *m, uint64_t addr, uint64_t len)
{
    uint64_t end = addr + len, total = 0;
    for (size_t i = first_ending_after(m, addr); i < m->nregions && m->regions[i].start < end; i++) {
        uint64_t s = m->regions[i].start > addr ? m->regions[i].start : addr;
        uint64_t e = m->regions[i].end < end ? m->regions[i].end : end;
        total += e - s;
    }
    return total;
}

bool mem_range_free(const struct guest_mem *m, uint64_t addr, uint64_t len)
{
    return mapped_within(m, addr, len) == 0;
}

bool mem_range_mapped(const struct guest_mem *m, uint64_t addr, uint64_t len)
{
    return mapped_within(m, addr, len) == len;
}

int mem_map(struct guest_mem *m, uint64_t addr, uint64_t len, unsigned perm, const char *tag)
{
    if (!range_valid(addr, len))
        return -EINVAL;
    if (m->mapped_bytes - mapped_within(m, addr, len) + len > m->capacity || too_many(m, addr, len, 1))
        return -ENOMEM;
    size_t i;
    mem_before_write(m, addr, len);     /* what it replaces, while it is still mapped */
    if (!grow_regions(m, m->nregions + 3) || !remove_range(m, addr, len, &i))
        return -ENOMEM;
    discard_pages(m, addr, len);
    host_open(m, addr, len);
    note_perm(m, perm);
    struct mem_region r = {.start = addr, .end = addr + len, .perm = perm & MEM_RWX};
    snprintf(r.tag, sizeof r.tag, "%s", tag ? tag : "anon");
    insert_region(m, i, &r);
    set_page_perm(m, addr, len, perm & MEM_RWX);
    /* A fresh mapping is dirty: a snapshot must record that it now reads as zeros. */
    mark_stored(m, addr, len);
    if (perm & MEM_X)
        m->code_epoch++;
    return 0;
}

int mem_unmap(struct guest_mem *m, uint64_t addr, uint64_t len)
{
    if (!range_valid(addr, len))
        return -EINVAL;
    mem_before_write(m, addr, len);
    if (too_many(m, addr, len, 0) || !grow_regions(m, m->nregions + 2) || !remove_range(m, addr, len, NULL))
        return -ENOMEM;
    discard_pages(m, addr, len);
    host_close(m, addr, len);
    return 0;
}

int mem_protect(struct guest_mem *m, uint64_t addr, uint64_t len, unsigned perm)
{
    if (!range_valid(addr, len))
        return -EINVAL;
    if (mapped_within(m, addr, len) != len)
        return -ENOMEM;   /* Linux: part of the range is not mapped */
    if (too_many(m, addr, len, 0) || !grow_regions(m, m->nregions + 2) || !split_at(m, addr) ||
        !split_at(m, addr + len))
        return -ENOMEM;
    size_t first = first_ending_after(m, addr), i = first;
    for (; i < m->nregions && m->regions[i].end <= addr + len; i++) {
        struct mem_region *r = &m->regions[i];
        if ((r->perm | perm) & MEM_X)
            m->code_epoch++;
        r->perm = perm & MEM_RWX;
    }
    set_page_perm(m, addr, len, perm & MEM_RWX);
    note_perm(m, perm);
    merge_window(m, first ? first - 1 : 0, i);
    return 0;
}

int mem_move(struct guest_mem *m, uint64_t from, uint64_t len, uint64_t to)
{
    if (!range_valid(from, len) || !range_valid(to, len))
        return -EINVAL;
    if (from == to)
        return 0;
    const struct mem_region *src = mem_region_at(m, from);
    if (!src || mapped_within(m, from, len) != len)
        return -EFAULT;
    if (too_many(m, from, len, 1) || too_many(m, to, len, 1))
        return -ENOMEM;
    struct mem_region moved_region = {.start = to, .end = to + len, .perm = src->perm};
    memcpy(moved_region.tag, src->tag, sizeof moved_region.tag);
    mem_before_write(m, from, len);     /* both lose their contents */
    mem_before_write(m, to, len);
    /* mremap moves the host pages themselves: no copy, whatever the size. */
    void *moved = mremap(m->host + from, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, m->host + to);
    if (moved == MAP_FAILED)
        return -ENOMEM;
    /* The old range must stay reserved for future mappings (inaccessible, as unmapped). */
    if (mmap(m->host + from, len, m->host_guarded ? PROT_NONE : PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0) == MAP_FAILED ||
        (m->fork_excluded && madvise(m->host + from, len, MADV_DONTFORK) != 0))
        return -ENOMEM;
    uint8_t *perms = malloc(len >> GUEST_PAGE_SHIFT);
    if (!perms || !grow_regions(m, m->nregions + 5)) {
        free(perms);
        return -ENOMEM;
    }
    memcpy(perms, m->page + (from >> GUEST_PAGE_SHIFT), len >> GUEST_PAGE_SHIFT);
    size_t i;
    remove_range(m, from, len, NULL);
    memset(m->page + (from >> GUEST_PAGE_SHIFT), 0, len >> GUEST_PAGE_SHIFT);
    remove_range(m, to, len, &i);
    insert_region(m, i, &moved_region);
    memcpy(m->page + (to >> GUEST_PAGE_SHIFT), perms, len >> GUEST_PAGE_SHIFT);
    free(perms);
    mark_stored(m, to, len);
    if (moved_region.perm & MEM_X)   /* code now lives at `to`; removed code was counted above */
        m->code_epoch++;
    return 0;
}

const struct mem_region *mem_region_at(const struct guest_mem *m, uint64_t addr)
{
    size_t i = first_ending_after(m, addr);
    return i < m->nregions && m->regions[i].start <= addr ? &m->regions[i] : NULL;
}

/* First fit from the top: walks down from `below` through the regions until a gap fits.  A
 * guest mapping page after page top-down would make every walk pass all its regions, so the
 * walk remembers (m->free_cache) where it ended and the largest gap it passed: a later search
 * from the same `below` for more than that gap starts where the last one ended, with the same
 * result the whole walk would give. */
uint64_t mem_find_free(struct guest_mem *m, uint64_t len, uint64_t floor, uint64_t below)
{
    len = page_ceil(len);
    if (len == 0 || below > GUEST_VA_LIMIT || len > below || floor > below - len)
        return 0;
    struct mem_free_cache *c = &m->free_cache;
    uint64_t top = page_floor(below), hole = 0;
    if (c->valid && c->below == below && len > c->hole && c->top <= top)
        top = c->top, hole = c->hole;
    c->valid = false;
    for (size_t i = first_starting_at(m, top); i-- > 0;) {
        const struct mem_region *r = &m->regions[i];
        if (r->end <= top) {
            if (top - r->end >= len)
                break;
            hole = top - r->end > hole ? top - r->end : hole;
        }
        top = r->start < top ? r->start : top;
        if (top < floor + len)
            return 0;
    }
    if (top < floor + len)
        return 0;
    *c = (struct mem_free_cache){.valid = true, .below = below, .top = top, .hole = hole};
    return top - len;
}

bool mem_range_ok(const struct guest_mem *m, uint64_t addr, uint64_t len, unsigned need)
{
    if (len == 0)
        return addr <= GUEST_VA_LIMIT;
    if (addr >= GUEST_VA_LIMIT || len > GUEST_VA_LIMIT - addr)
        return false;
    for (uint64_t p = addr >> GUEST_PAGE_SHIFT; p <= (addr + len - 1) >> GUEST_PAGE_SHIFT; p++)
        if ((m->page[p] & need) != need || !(m->page[p] & MEM_RWX))
            return false;
    return true;
}

int mem_read(const struct guest_mem *m, uint64_t addr, void *dst, size_t len)
{
    if (!mem_range_ok(m, addr, len, MEM_R))
        return -EFAULT;
    memcpy(dst, m->host + addr, len);
    return 0;
}

int mem_write(struct guest_mem *m, uint64_t addr, const void *src, size_t len)
{
    if (!mem_range_ok(m, addr, len, MEM_W))
        return -EFAULT;
    mem_before_write(m, addr, len);
    memcpy(m->host + addr, src, len);
    mem_mark_dirty(m, addr, len);
    return 0;
}

int mem_poke(struct guest_mem *m, uint64_t addr, const void *src, size_t len)
{
    if (!mem_range_ok(m, addr, len, 0))
        return -EFAULT;
    mem_before_write(m, addr, len);
    memcpy(m->host + addr, src, len);
    mem_mark_dirty(m, addr, len);
    return 0;
}

int mem_read_string(const struct guest_mem *m, uint64_t addr, char *buf, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        if (!mem_access_ok(m, addr + i, 1, MEM_R))
            return -EFAULT;
        buf[i] = (char)m->host[addr + i];
        if (buf[i] == 0)
            return 0;
    }
    return -ENAMETOOLONG;
}

void mem_mark_dirty(struct guest_mem *m, uint64_t addr, uint64_t len)
{
#ifndef NDEBUG
    /* A write that skipped mem_before_write: a fork snapshot has lost the page's old contents
     * and its replay would diverge.  Builds with assertions (the default ones too) stop here. */
    if (m->first_write.save && len)
        for (uint64_t p = page_floor(addr); p < addr + len; p += GUEST_PAGE_SIZE)
            if (!(m->page[p >> GUEST_PAGE_SHIFT] & MEM_WRITTEN) && mem_region_at(m, p)) {
                fprintf(stderr, "snapsim: internal error: guest page 0x%llx written without "
                        "mem_before_write\n", (unsigned long long)p);
                abort();
            }
#endif
    mark_stored(m, addr, len);
}

void mem_save_before_write(struct guest_mem *m, uint64_t addr, uint64_t len)
{
    if (len == 0)
        return;
    uint64_t lo = page_floor(addr), hi = page_ceil(addr + len);
    for (size_t i = first_ending_after(m, lo); i < m->nregions && m->regions[i].start < hi; i++) {
        uint64_t s = m->regions[i].start > lo ? m->regions[i].start : lo;
        uint64_t e = m->regions[i].end < hi ? m->regions[i].end : hi;
        for (uint64_t p = s; p < e; p += GUEST_PAGE_SIZE) {
            uint8_t *b = &m->page[p >> GUEST_PAGE_SHIFT];
            if (!(*b & MEM_WRITTEN)) {
                m->first_write.save(m->first_write.ctx, m->host + p, p);
                *b |= MEM_WRITTEN;
            }
        }
    }
}

int mem_exclude_from_forks(struct guest_mem *m)
{
    if (!m->fork_excluded && madvise(m->host - HOST_BELOW, HOST_SPAN, MADV_DONTFORK) != 0)
        return -errno;
    m->fork_excluded = true;
    return 0;
}

/* Eight page bytes at a time; a region's ends are rounded out to whole words (the bytes beyond
 * are unmapped pages or a neighbour's, which have nothing to clear or get cleared anyway). */
void mem_clear_written(struct guest_mem *m)
{
    uint64_t done = 0;
    for (size_t r = 0; r < m->nregions; r++) {
        uint64_t first = (m->regions[r].start >> GUEST_PAGE_SHIFT) & ~7ull;
        uint64_t end = ((m->regions[r].end >> GUEST_PAGE_SHIFT) + 7) & ~7ull;
        for (uint64_t i = first > done ? first : done; i < end; i += 8) {
            uint64_t w;
            memcpy(&w, m->page + i, sizeof w);
            if (w & WORD_BYTES(MEM_WRITTEN)) {
                w &= ~WORD_BYTES(MEM_WRITTEN_CLEAR);
                memcpy(m->page + i, &w, sizeof w);
            }
        }
        if (end > done)
            done = end;
    }
}

pid_t mem_fork_including(struct guest_mem *m)
{
    bool excluded = m->fork_excluded;
    if (excluded && madvise(m->host - HOST_BELOW, HOST_SPAN, MADV_DOFORK) != 0)
        return -1;
    pid_t pid = fork();
    if (excluded && pid != 0)
        madvise(m->host - HOST_BELOW, HOST_SPAN, MADV_DONTFORK);
    return pid;
}

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

int mem_rebuild_host(struct guest_mem *m)
{
    /* NOREPLACE: anything still there means the fork did copy part of it; fail, never clobber. */
    if (mmap(m->host - HOST_BELOW, HOST_SPAN, PROT_NONE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0) != m->host - HOST_BELOW)
        return -ENOMEM;
    m->fork_excluded = false;
    madvise(m->host, GUEST_VA_LIMIT, MADV_HUGEPAGE);
    if (!m->host_guarded)
        return mprotect(m->host, GUEST_VA_LIMIT, PROT_READ | PROT_WRITE) == 0 ? 0 : -ENOMEM;
    for (size_t i = 0; i < m->nregions; i++)
        host_open(m, m->regions[i].start, m->regions[i].end - m->regions[i].start);
    return 0;
}
