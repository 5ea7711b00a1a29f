/* Memory system calls: brk, mmap family, mprotect, madvise.  Placement is deterministic:
 * top-down below the stack, first fit from the highest address, as the kernel does. */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "linux/syscall_internal.h"

enum { G_PROT_READ = 1, G_PROT_WRITE = 2, G_PROT_EXEC = 4, G_PROT_GROWSDOWN = 0x01000000,
       G_PROT_GROWSUP = 0x02000000 };
enum {
    G_MAP_SHARED = 1, G_MAP_PRIVATE = 2, G_MAP_SHARED_VALIDATE = 3, G_MAP_TYPE = 0xf,
    G_MAP_FIXED = 0x10, G_MAP_ANONYMOUS = 0x20, G_MAP_NORESERVE = 0x4000,
    G_MAP_GROWSDOWN = 0x100, G_MAP_DENYWRITE = 0x800, G_MAP_EXECUTABLE = 0x1000,
    G_MAP_LOCKED = 0x2000, G_MAP_POPULATE = 0x8000, G_MAP_NONBLOCK = 0x10000,
    G_MAP_STACK = 0x20000, G_MAP_HUGETLB = 0x40000, G_MAP_SYNC = 0x80000,
    G_MAP_FIXED_NOREPLACE = 0x100000,
};
enum { G_MREMAP_MAYMOVE = 1, G_MREMAP_FIXED = 2, G_MREMAP_DONTUNMAP = 4 };
enum { G_MADV_DONTNEED = 4, G_MADV_FREE = 8, G_MADV_REMOVE = 9 };

#define COPY_CHUNK (64u << 10)

void *guest_ptr(struct machine *m, uint64_t addr, uint64_t len, unsigned need)
{
    if (!mem_range_ok(&m->mem, addr, len, need))
        return NULL;
    if (need & MEM_W)       /* the caller writes through the pointer: a fork snapshot's old copy */
        mem_before_write(&m->mem, addr, len);
    return m->mem.host + addr;
}

static unsigned prot_to_perm(uint64_t prot)
{
    /* Writable implies readable on RISC-V, as in the kernel's protection map. */
    return (prot & G_PROT_READ ? MEM_R : 0) | (prot & G_PROT_WRITE ? MEM_R | MEM_W : 0) |
           (prot & G_PROT_EXEC ? MEM_X : 0);
}

static bool user_range(uint64_t addr, uint64_t len)
{
    return addr < GUEST_VA_LIMIT && len <= GUEST_VA_LIMIT - addr;
}

SYSCALL(brk)
{
    struct linux_process *p = m->proc;
    uint64_t want = a[0];
    /* Failure (and brk(0)) reports the unchanged break, which is how the kernel signals it. */
    if (want < p->brk_start || want > p->mmap_top)
        return (int64_t)p->brk;
    uint64_t old_end = page_ceil(p->brk), new_end = page_ceil(want);
    if (new_end > old_end) {
        if (!mem_range_free(&m->mem, old_end, new_end - old_end) ||
            mem_map(&m->mem, old_end, new_end - old_end, MEM_R | MEM_W, "[heap]") != 0)
            return (int64_t)p->brk;
    } else if (new_end < old_end) {
        mem_unmap(&m->mem, new_end, old_end - new_end);
    }
    p->brk = want;
    return (int64_t)want;
}

/* Chooses where a new mapping of len bytes goes: the hint if it is free, else top-down. */
static uint64_t place(struct machine *m, uint64_t hint, uint64_t len)
{
    struct linux_process *p = m->proc;
    hint = page_floor(hint);
    if (hint >= p->mmap_floor && user_range(hint, len) && hint + len <= p->stack_start &&
        mem_range_free(&m->mem, hint, len))
        return hint;
    return mem_find_free(&m->mem, len, p->mmap_floor, p->mmap_top);
}

/* Copies file bytes [off, off+len) into guest memory at addr; bytes past the end of the file
 * stay zero.  Returns 0 or -errno. */
static int read_file_into(struct machine *m, int host_fd, uint64_t off, uint64_t addr, uint64_t len)
{
    uint8_t *dst = m->mem.host + addr;
    mem_before_write(&m->mem, addr, len);
    while (len > 0) {
        size_t want = len < COPY_CHUNK ? (size_t)len : COPY_CHUNK;
        ssize_t n = pread(host_fd, dst, want, (off_t)off);
        if (n < 0)
            return errno == EISDIR ? -ENODEV : -errno;
        if (n == 0)
            break;
        dst += n;
        off += (uint64_t)n;
        len -= (uint64_t)n;
    }
    return 0;
}

SYSCALL(mmap)
{
    uint64_t addr = a[0], len = a[1], prot = a[2], flags = a[3], off = a[5];
    int fd = arg_int(a[4]);
    unsigned type = flags & G_MAP_TYPE;
    bool anon = flags & G_MAP_ANONYMOUS;
    if (len == 0 || (off & (GUEST_PAGE_SIZE - 1)))
        return -EINVAL;
    if (type != G_MAP_PRIVATE && type != G_MAP_SHARED && type != G_MAP_SHARED_VALIDATE)
        return -EINVAL;
    if (prot & ~(uint64_t)(G_PROT_READ | G_PROT_WRITE | G_PROT_EXEC))
        return -EINVAL;
    if (flags & G_MAP_HUGETLB)
        return -EINVAL;
    if (len > GUEST_VA_LIMIT)
        return -ENOMEM;
    len = page_ceil(len);
    struct linux_fd *f = NULL;
    if (!anon) {
        f = fd_get(m->proc, fd);
        if (!f)
            return -EBADF;
        if ((f->flags & G_O_ACCMODE) == 1 /* O_WRONLY */ || (f->flags & G_O_PATH))
            return -EACCES;
        if (type != G_MAP_PRIVATE && (prot & G_PROT_WRITE) && (f->flags & G_O_ACCMODE) != 2)
            return -EACCES;   /* a shared writable mapping needs an O_RDWR file */
    }

    bool fixed = flags & (G_MAP_FIXED | G_MAP_FIXED_NOREPLACE);
    if (fixed) {
        if (addr & (GUEST_PAGE_SIZE - 1))
            return -EINVAL;
        if (addr < LINUX_MMAP_MIN_ADDR)
            return -EPERM;   /* below vm.mmap_min_addr, for a process without CAP_SYS_RAWIO */
        if (!user_range(addr, len))
            return -ENOMEM;
        if ((flags & G_MAP_FIXED_NOREPLACE) && !(flags & G_MAP_FIXED) &&
            !mem_range_free(&m->mem, addr, len))
            return -EEXIST;
    } else {
        addr = place(m, addr, len);
        if (addr == 0)
            return -ENOMEM;
    }
    if (m->proc->nshared) {
        shared_map_forget(m, addr, len);   /* MAP_FIXED may replace part of one */
        shared_map_flush(m);               /* the new copy must see the latest contents */
    }
    int rc = mem_map(&m->mem, addr, len, MEM_R | MEM_W, anon ? "anon" : "file");
    if (rc != 0)
        return rc;
    if (f) {
        rc = read_file_into(m, f->host_fd, off, addr, len);
        if (rc != 0) {
            mem_unmap(&m->mem, addr, len);
            return rc;
        }
        if (type != G_MAP_PRIVATE &&
            !shared_map_add(m->proc, addr, len, f->host_fd, off, prot & G_PROT_WRITE, f->path))
            log_once("mmap shared", "mmap: too many MAP_SHARED file mappings; further ones are "
                     "private copies whose writes do not reach the file");
    }
    /* Pages wholly past the end of a regular file are no memory at all: touching them raises
     * SIGBUS (linux_signal_fault recognises the tag). */
    uint64_t valid = len;
    struct stat st;
    if (f && fstat(f->host_fd, &st) == 0 && S_ISREG(st.st_mode)) {
        uint64_t size = (uint64_t)st.st_size;
        valid = size > off ? page_ceil(size - off) : 0;
        if (valid < len)
            mem_map(&m->mem, addr + valid, len - valid, 0, LINUX_PAST_EOF_TAG);
        else
            valid = len;
    }
    unsigned perm = prot_to_perm(prot);
    if (perm != (MEM_R | MEM_W) && valid)
        mem_protect(&m->mem, addr, valid, perm);
    return (int64_t)addr;
}

SYSCALL(munmap)
{
    uint64_t addr = a[0], len = page_ceil(a[1]);
    if ((addr & (GUEST_PAGE_SIZE - 1)) || a[1] == 0 || !user_range(addr, len) || len == 0)
        return -EINVAL;
    if (m->proc->nshared)
        shared_map_forget(m, addr, len);
    return mem_unmap(&m->mem, addr, len);
}

SYSCALL(mprotect)
{
    uint64_t addr = a[0], len = page_ceil(a[1]), prot = a[2];
    if ((addr & (GUEST_PAGE_SIZE - 1)) ||
        (prot & ~(uint64_t)(G_PROT_READ | G_PROT_WRITE | G_PROT_EXEC | G_PROT_GROWSDOWN |
                            G_PROT_GROWSUP)))
        return -EINVAL;
    if (a[1] == 0)
        return 0;
    if (!user_range(addr, len) || len == 0 || !mem_range_mapped(&m->mem, addr, len))
        return -ENOMEM;
    return mem_protect(&m->mem, addr, len, prot_to_perm(prot));
}

/* The region of [addr, addr+len), which must lie within consecutive regions of one permission. */
static const struct mem_region *whole_region(const struct guest_mem *mem, uint64_t addr, uint64_t len)
{
    const struct mem_region *r = mem_region_at(mem, addr);
    if (!r || !mem_range_mapped(mem, addr, len))
        return NULL;
    for (uint64_t a2 = r->end; a2 < addr + len;) {
        const struct mem_region *n = mem_region_at(mem, a2);
        if (n->perm != r->perm)
            return NULL;
        a2 = n->end;
    }
    return r;
}

SYSCALL(mremap)
{
    struct linux_process *p = m->proc;
    uint64_t old = a[0], old_len = page_ceil(a[1]), new_len = page_ceil(a[2]), flags = a[3];
    uint64_t new_addr = a[4];
    if ((old & (GUEST_PAGE_SIZE - 1)) || (flags & ~(uint64_t)7) || new_len == 0 ||
        ((flags & G_MREMAP_FIXED) && !(flags & G_MREMAP_MAYMOVE)) ||
        ((flags & G_MREMAP_DONTUNMAP) && (!(flags & G_MREMAP_MAYMOVE) || old_len != new_len)))
        return -EINVAL;
    if (old_len == 0)
        return -EINVAL;   /* duplicating a shared mapping: there are no shared mappings */
    if (!user_range(old, old_len) || !user_range(old, new_len))
        return (flags & G_MREMAP_MAYMOVE) ? -EFAULT : -ENOMEM;
    const struct mem_region *r = whole_region(&m->mem, old, old_len);
    if (!r)
        return -EFAULT;
    unsigned perm = r->perm;
    char tag[sizeof r->tag];
    memcpy(tag, r->tag, sizeof tag);

    if (flags & G_MREMAP_FIXED) {
        if ((new_addr & (GUEST_PAGE_SIZE - 1)) || !user_range(new_addr, new_len) ||
            (new_addr < old + old_len && old < new_addr + new_len))
            return -EINVAL;
    } else {
        if (new_len <= old_len) {
            if (new_len < old_len) {
                shared_map_forget(m, old + new_len, old_len - new_len);
                mem_unmap(&m->mem, old + new_len, old_len - new_len);
            }
            return (int64_t)old;
        }
        uint64_t grow = new_len - old_len;
        if (old + new_len <= p->stack_start && mem_range_free(&m->mem, old + old_len, grow)) {
            int rc = mem_map(&m->mem, old + old_len, grow, perm, tag);
            return rc ? rc : (int64_t)old;
        }
        if (!(flags & G_MREMAP_MAYMOVE))
            return -ENOMEM;
        new_addr = mem_find_free(&m->mem, new_len, p->mmap_floor, p->mmap_top);
        if (new_addr == 0)
            return -ENOMEM;
    }
    uint64_t keep = old_len < new_len ? old_len : new_len;
    /* Check capacity before anything moves: only the growth is new memory. */
    if (new_len > old_len && m->mem.mapped_bytes + (new_len - old_len) > m->mem.capacity)
        return -ENOMEM;
    /* A moved shared mapping becomes a private copy (written back first). */
    shared_map_forget(m, old, old_len);
    if (flags & G_MREMAP_FIXED) {
        shared_map_forget(m, new_addr, new_len);
        mem_unmap(&m->mem, new_addr, new_len);   /* like MAP_FIXED, replaces what was there */
    }
    int rc = mem_move(&m->mem, old, keep, new_addr);
    if (rc != 0)
        return rc;
    if (new_len > keep && mem_map(&m->mem, new_addr + keep, new_len - keep, perm, tag) != 0) {
        mem_move(&m->mem, new_addr, keep, old);
        return -ENOMEM;
    }
    if (flags & G_MREMAP_DONTUNMAP)
        mem_map(&m->mem, old, old_len, perm, tag);   /* the old range stays, reading zeros */
    else if (old_len > keep)
        mem_unmap(&m->mem, old + keep, old_len - keep);
    return (int64_t)new_addr;
}

/* Regions whose pages have no file behind them. */
static bool anonymous(const struct mem_region *r)
{
    return strcmp(r->tag, "anon") == 0 || strcmp(r->tag, "[heap]") == 0 ||
           strcmp(r->tag, "[stack]") == 0;
}

SYSCALL(madvise)
{
    uint64_t addr = a[0], len = page_ceil(a[1]);
    int advice = arg_int(a[2]);
    /* A length that wraps (rounded up, or added to addr) is invalid, not unmapped. */
    if ((addr & (GUEST_PAGE_SIZE - 1)) || (a[1] && !len) || addr + len < addr)
        return -EINVAL;
    if (len == 0)
        return 0;
    if (!user_range(addr, len) || !mem_range_mapped(&m->mem, addr, len))
        return -ENOMEM;
    if (advice == G_MADV_DONTNEED || advice == G_MADV_FREE || advice == G_MADV_REMOVE) {
        /* Private anonymous pages read back as zeros afterwards.  (File-backed pages would be
         * re-read from the file; the copy here keeps its current contents instead.) */
        for (uint64_t p = addr; p < addr + len;) {
            const struct mem_region *r = mem_region_at(&m->mem, p);
            uint64_t end = r->end < addr + len ? r->end : addr + len;
            if (anonymous(r)) {
                mem_before_write(&m->mem, p, end - p);
                memset(m->mem.host + p, 0, end - p);
                mem_mark_dirty(&m->mem, p, end - p);
            }
            p = end;
        }
    }
    return 0;
}

SYSCALL(msync)
{
    uint64_t addr = a[0], len = page_ceil(a[1]);
    if ((addr & (GUEST_PAGE_SIZE - 1)) || (a[2] & ~(uint64_t)7) || (a[2] & 5) == 5)
        return -EINVAL;
    if (!mem_range_mapped(&m->mem, addr, len))
        return -ENOMEM;
    shared_map_flush(m);
    return 0;
}

SYSCALL(mlock)
{
    (void)m;
    (void)a;
    return 0;   /* nothing is ever swapped out */
}
