/* Guest memory: one flat host reservation covering the whole guest address space, a permission
 * byte per guest page, and the list of mapped regions.
 *
 * Guest address A lives at host address `host + A`, so an access is a bounds check, a lookup in
 * the page table and a plain host load or store.  The page byte also carries a dirty bit, set by
 * every guest store and cleared when a snapshot is taken, which is what makes incremental
 * snapshots cost in proportion to the pages written since the last one. */
#ifndef SNAPSIM_CORE_MEMORY_H
#define SNAPSIM_CORE_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

#define GUEST_PAGE_SHIFT 12
#define GUEST_PAGE_SIZE  (1ull << GUEST_PAGE_SHIFT)
#define GUEST_VA_BITS    38                       /* user half of Sv39 */
#define GUEST_VA_LIMIT   (1ull << GUEST_VA_BITS)
#define GUEST_PAGES      (GUEST_VA_LIMIT >> GUEST_PAGE_SHIFT)

/* At most this many regions, as the kernel's vm.max_map_count bounds a process's mappings: an
 * operation that would make more fails with -ENOMEM (and a snapshot never holds more). */
#define MEM_MAX_REGIONS  262144

/* MEM_DIRTY: written since the last on-disk snapshot (snapshots clear it).  MEM_WRITTEN: written
 * since the last LightSSS fork (mem_clear_written), so the fork snapshot's copy of the page can
 * be taken before the first write after it (struct mem_first_write).  Every store sets both
 * (MEM_STORED).  MEM_W_STORED: the
 * page is writable and both are set, so a store needs no more than this one test (the
 * translator's fast path); set only together with MEM_STORED on a MEM_W page, cleared with
 * either of them (MEM_DIRTY_CLEAR, MEM_WRITTEN_CLEAR) and by every change of the page's
 * permissions. */
enum { MEM_R = 1, MEM_W = 2, MEM_X = 4, MEM_RWX = 7, MEM_W_STORED = 0x20, MEM_WRITTEN = 0x40,
       MEM_DIRTY = 0x80, MEM_STORED = MEM_DIRTY | MEM_WRITTEN };
/* What clearing a page's dirty state, or its written state, clears. */
#define MEM_DIRTY_CLEAR (MEM_DIRTY | MEM_W_STORED)
#define MEM_WRITTEN_CLEAR (MEM_WRITTEN | MEM_W_STORED)

struct mem_region {
    uint64_t start, end;      /* page aligned, end exclusive */
    unsigned perm;            /* MEM_R | MEM_W | MEM_X */
    char tag[24];             /* "[stack]", "[heap]", "elf", "anon", ... */
};

/* What the last mem_find_free learnt: below `top` up to its `below`, no free gap is larger
 * than `hole` bytes. */
struct mem_free_cache {
    bool valid;
    uint64_t below, top, hole;
};

/* A LightSSS fork snapshot of a memory left out of fork() (mem_exclude_from_forks): before the
 * first write to a page since the last mem_clear_written, `save` gets the page's old content,
 * which the snapshot needs and the kernel no longer keeps (debug/preimages.h). */
struct mem_first_write {
    void (*save)(void *ctx, const uint8_t *page, uint64_t addr);
    void *ctx;
};

struct guest_mem {
    uint8_t *host;            /* host address of guest address 0 */
    uint8_t *page;            /* per guest page: permission bits | stored bits; 0 = unmapped */
    struct mem_region *regions; /* sorted, non-overlapping */
    size_t nregions, cap_regions;
    size_t front;             /* free slots before regions[0] in its allocation (memory.c) */
    struct mem_free_cache free_cache;   /* mem_find_free's (memory.c) */
    uint64_t mapped_bytes;    /* sum of region sizes */
    uint64_t capacity;        /* mapping more than this fails with ENOMEM */
    uint64_t code_epoch;      /* bumped when executable memory changes; models drop decoded code */
    /* Host protection (memory.c): host pages outside every region are inaccessible, as is a
     * guard page past the reservation, while `host_guarded` holds; `unreadable_mapped` (sticky)
     * says a region was once mapped or protected without MEM_R.  Either change bumps code_epoch,
     * so code compiled under mem_loads_fault_on_host's answer is dropped when it changes. */
    bool host_guarded;
    bool unreadable_mapped;
    bool fork_excluded;       /* the host pages are MADV_DONTFORK (mem_exclude_from_forks) */
    struct mem_first_write first_write;   /* set while a fork snapshot needs old contents */
};

/* Does a host load at host + A, A below GUEST_VA_LIMIT, fault on the host exactly when the
 * interpreter's load at A would fault (any size, aligned or not)?  True while no mapped page
 * lacks MEM_R: then the readable pages are exactly the host-accessible ones. */
static inline bool mem_loads_fault_on_host(const struct guest_mem *m)
{
    return m->host_guarded && !m->unreadable_mapped;
}

int mem_init(struct guest_mem *m, uint64_t capacity);
void mem_destroy(struct guest_mem *m);

static inline uint64_t page_floor(uint64_t a) { return a & ~(GUEST_PAGE_SIZE - 1); }
static inline uint64_t page_ceil(uint64_t a) { return (a + GUEST_PAGE_SIZE - 1) & ~(GUEST_PAGE_SIZE - 1); }

/* Region operations on page-aligned ranges.  They return 0 or a negative errno
 * (-EINVAL, -ENOMEM).  mem_map replaces whatever was mapped there with zero-filled pages. */
int mem_map(struct guest_mem *m, uint64_t addr, uint64_t len, unsigned perm, const char *tag);
int mem_unmap(struct guest_mem *m, uint64_t addr, uint64_t len);
int mem_protect(struct guest_mem *m, uint64_t addr, uint64_t len, unsigned perm);
/* Moves pages (content and permissions) from one range to another; both page aligned. */
int mem_move(struct guest_mem *m, uint64_t from, uint64_t len, uint64_t to);

/* Lowest-address region containing addr, or NULL. */
const struct mem_region *mem_region_at(const struct guest_mem *m, uint64_t addr);
/* Is no byte of [addr, addr+len) mapped?  Is every byte mapped (PROT_NONE included)? */
bool mem_range_free(const struct guest_mem *m, uint64_t addr, uint64_t len);
bool mem_range_mapped(const struct guest_mem *m, uint64_t addr, uint64_t len);
/* Highest free range of len bytes ending at or below `below`, at or above `floor`; 0 if none. */
uint64_t mem_find_free(struct guest_mem *m, uint64_t len, uint64_t floor, uint64_t below);

/* True when every byte of [addr, addr+len) is mapped with all permission bits in `need`. */
bool mem_range_ok(const struct guest_mem *m, uint64_t addr, uint64_t len, unsigned need);

/* Simulator-side copies (system calls, loader), checked against guest permissions.
 * Return 0 or -EFAULT.  mem_write marks pages dirty; mem_poke ignores write permission (loader). */
int mem_read(const struct guest_mem *m, uint64_t addr, void *dst, size_t len);
int mem_write(struct guest_mem *m, uint64_t addr, const void *src, size_t len);
int mem_poke(struct guest_mem *m, uint64_t addr, const void *src, size_t len);
/* Copies a NUL-terminated guest string into buf; -EFAULT, or -ENAMETOOLONG if it does not fit. */
int mem_read_string(const struct guest_mem *m, uint64_t addr, char *buf, size_t size);

/* Every write into guest memory other than mem_store's and mem_write's, the host's included
 * (a read() into a guest buffer), calls mem_before_write for the range first, so a fork snapshot
 * gets the old contents, and mem_mark_dirty after, so the next incremental snapshot gets the
 * new ones. */
void mem_save_before_write(struct guest_mem *m, uint64_t addr, uint64_t len);
static inline void mem_before_write(struct guest_mem *m, uint64_t addr, uint64_t len)
{
    if (m->first_write.save)
        mem_save_before_write(m, addr, len);
}
void mem_mark_dirty(struct guest_mem *m, uint64_t addr, uint64_t len);

/* LightSSS's software copy-on-write.  mem_exclude_from_forks leaves the guest's host pages out
 * of every later fork() (MADV_DONTFORK): the fork then copies no page table for them and the
 * parent's writes take no copy-on-write fault; the snapshot gets the contents another way
 * (debug/preimages.h).  mem_clear_written starts a new interval of MEM_WRITTEN.  In a forked
 * child, mem_rebuild_host puts zero-filled host pages back under every region (the fork left
 * that space empty); 0 or -ENOMEM. */
int mem_exclude_from_forks(struct guest_mem *m);
/* fork() with the guest's host pages in the child even while they are excluded (a background
 * snapshot writer reads them): shared copy-on-write for this one fork. */
pid_t mem_fork_including(struct guest_mem *m);
void mem_clear_written(struct guest_mem *m);
int mem_rebuild_host(struct guest_mem *m);

/* Fast path for models: may an access of `size` bytes at addr use permission `need`? */
static inline bool mem_access_ok(const struct guest_mem *m, uint64_t addr, unsigned size, unsigned need)
{
    if (addr > GUEST_VA_LIMIT - size)
        return false;
    return (m->page[addr >> GUEST_PAGE_SHIFT] & m->page[(addr + size - 1) >> GUEST_PAGE_SHIFT] & need) != 0;
}

static inline uint64_t mem_load(const struct guest_mem *m, uint64_t addr, unsigned size)
{
    uint64_t v = 0;
    memcpy(&v, m->host + addr, size);   /* little-endian host */
    return v;
}

static inline void mem_store(struct guest_mem *m, uint64_t addr, unsigned size, uint64_t v)
{
    uint8_t *first = &m->page[addr >> GUEST_PAGE_SHIFT], *last = &m->page[(addr + size - 1) >> GUEST_PAGE_SHIFT];
    if (!(*first & *last & MEM_WRITTEN))
        mem_before_write(m, addr, size);
    memcpy(m->host + addr, &v, size);
    *first |= MEM_STORED;
    *last |= MEM_STORED;
}

#endif
