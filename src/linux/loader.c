/* ELF loading: checks that the file is a static RV64 Linux executable that fits the guest address
 * space, then maps its PT_LOAD segments.  Every rejection is one line naming the file. */
#include "linux/elf_header.h"
#include "linux/loader.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef EM_RISCV
#define EM_RISCV 243
#endif
#ifndef EF_RISCV_RVE
#define EF_RISCV_RVE 0x8
#endif

/* Linux refuses program header tables larger than this (64 KiB). */
#define MAX_PHNUM (65536 / sizeof(Elf64_Phdr))

void load_error(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(err, errlen, "snapsim: ");
    if (n >= 0 && (size_t)n < errlen)
        vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
    va_end(ap);
}

/* Reports a load error; the value is the exit status for a bad program file. */
#define fail(err, errlen, ...) (load_error(err, errlen, __VA_ARGS__), 2)

static const char *machine_name(unsigned em, char *buf, size_t len)
{
    switch (em) {
    case EM_X86_64: return "x86-64";
    case EM_386: return "i386";
    case EM_AARCH64: return "AArch64";
    case EM_ARM: return "ARM";
    case EM_PPC64: return "PowerPC64";
    case EM_PPC: return "PowerPC";
    case EM_MIPS: return "MIPS";
    case EM_S390: return "S/390";
    case EM_SPARCV9: return "SPARC V9";
    case 258: return "LoongArch";
    case EM_NONE: return "none";
    default: snprintf(buf, len, "%u", em); return buf;
    }
}

static unsigned segment_perm(uint32_t flags)
{
    /* RISC-V has no write-only pages: writable implies readable, as in the kernel. */
    return (flags & PF_R ? MEM_R : 0) | (flags & PF_W ? MEM_R | MEM_W : 0) | (flags & PF_X ? MEM_X : 0);
}

static int by_vaddr(const void *a, const void *b)
{
    const GElf_Phdr *x = a, *y = b;
    return x->p_vaddr < y->p_vaddr ? -1 : x->p_vaddr > y->p_vaddr;
}

int elf_check_header(Elf *e, const char *path, GElf_Ehdr *eh, size_t *phnum, char *err, size_t errlen)
{
    if (elf_kind(e) != ELF_K_ELF)
        return fail(err, errlen, "%s: not an ELF executable", path);
    size_t size;
    const unsigned char *raw = (const unsigned char *)elf_rawfile(e, &size);
    if (!raw || size < EI_NIDENT || !gelf_getehdr(e, eh))
        return fail(err, errlen, "%s: truncated or corrupt ELF header", path);
    if (raw[EI_DATA] != ELFDATA2LSB)
        return fail(err, errlen, "%s: not a little-endian ELF file", path);
    char num[16];
    if (eh->e_machine != EM_RISCV)
        return fail(err, errlen, "%s: not a RISC-V executable (machine %s)", path,
                    machine_name(eh->e_machine, num, sizeof num));
    if (raw[EI_CLASS] != ELFCLASS64)
        return fail(err, errlen, "%s: 32-bit RISC-V executable; only RV64 is supported", path);
    if (eh->e_flags & EF_RISCV_RVE)
        return fail(err, errlen, "%s: RV64E executable; only RV64GC is supported", path);
    if (eh->e_type == ET_REL)
        return fail(err, errlen, "%s: relocatable object file, not an executable", path);
    if (eh->e_type == ET_CORE)
        return fail(err, errlen, "%s: core dump, not an executable", path);
    if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
        return fail(err, errlen, "%s: unknown ELF type %u", path, eh->e_type);
    if (eh->e_phentsize != sizeof(Elf64_Phdr))
        return fail(err, errlen, "%s: bad program header size %u", path, eh->e_phentsize);
    /* PN_XNUM (0xffff, count kept in section 0) is far above the limit, so e_phnum suffices. */
    *phnum = eh->e_phnum;
    if (*phnum == 0 || *phnum > MAX_PHNUM)
        return fail(err, errlen, "%s: bad program header count %zu", path, *phnum);
    if (eh->e_phoff > size || *phnum * sizeof(Elf64_Phdr) > size - eh->e_phoff)
        return fail(err, errlen, "%s: truncated file (program headers beyond end of file)", path);
    return 0;
}

/* Validates the PT_LOAD segments (sorted by address) against the file and the address space. */
static int check_segments(const GElf_Phdr *seg, size_t n, uint64_t base, size_t filesize,
                          const char *path, char *err, size_t errlen)
{
    if (n == 0)
        return fail(err, errlen, "%s: no loadable segments", path);
    for (size_t i = 0; i < n; i++) {
        const GElf_Phdr *s = &seg[i];
        if (s->p_filesz > s->p_memsz)
            return fail(err, errlen, "%s: segment %zu has file size 0x%llx > memory size 0x%llx",
                        path, i, (unsigned long long)s->p_filesz, (unsigned long long)s->p_memsz);
        if (s->p_offset > filesize || s->p_filesz > filesize - s->p_offset)
            return fail(err, errlen, "%s: truncated file (segment %zu beyond end of file)", path, i);
        uint64_t start = s->p_vaddr + base;
        if (s->p_vaddr >= LINUX_STACK_START || start < s->p_vaddr || start < GUEST_PAGE_SIZE ||
            s->p_memsz > LINUX_STACK_START - start)
            return fail(err, errlen, "%s: segment at 0x%llx (size 0x%llx) is outside the guest "
                        "address space (0x%llx-0x%llx)", path, (unsigned long long)start,
                        (unsigned long long)s->p_memsz, (unsigned long long)GUEST_PAGE_SIZE,
                        (unsigned long long)LINUX_STACK_START);
        if (i > 0 && seg[i - 1].p_vaddr + seg[i - 1].p_memsz > s->p_vaddr)
            return fail(err, errlen, "%s: overlapping segments at 0x%llx", path,
                        (unsigned long long)start);
    }
    return 0;
}

/* Maps segments RW, copies their file bytes, then applies the final permissions.  Neighbouring
 * segments may share a page; it is mapped once and gets the union of their permissions. */
static int map_segments(struct machine *m, const GElf_Phdr *seg, size_t n, uint64_t base,
                        const unsigned char *raw, const char *path, char *err, size_t errlen)
{
    uint64_t mapped_end = 0;
    for (size_t i = 0; i < n; i++) {
        if (seg[i].p_memsz == 0)
            continue;
        uint64_t start = seg[i].p_vaddr + base;
        uint64_t first = page_floor(start), end = page_ceil(start + seg[i].p_memsz);
        if (first < mapped_end)
            first = mapped_end;
        if (first < end) {
            int rc = mem_map(&m->mem, first, end - first, MEM_R | MEM_W, "elf");
            if (rc != 0)
                return fail(err, errlen, "%s: cannot map segment at 0x%llx (size 0x%llx): %s", path,
                            (unsigned long long)start, (unsigned long long)seg[i].p_memsz,
                            rc == -ENOMEM ? "guest memory capacity exceeded" : strerror(-rc));
            mapped_end = end;
        }
        /* Pages come zero-filled, so the bss tail needs no clearing. */
        if (seg[i].p_filesz && mem_poke(&m->mem, start, raw + seg[i].p_offset, seg[i].p_filesz) != 0)
            return fail(err, errlen, "%s: internal error copying segment %zu", path, i);
    }
    uint64_t prev_last = UINT64_MAX;
    unsigned prev_perm = 0;
    for (size_t i = 0; i < n; i++) {
        if (seg[i].p_memsz == 0)
            continue;
        uint64_t start = seg[i].p_vaddr + base, first = page_floor(start);
        uint64_t end = page_ceil(start + seg[i].p_memsz);
        unsigned perm = segment_perm(seg[i].p_flags);
        mem_protect(&m->mem, first, end - first, perm);
        if (first == prev_last)
            mem_protect(&m->mem, first, GUEST_PAGE_SIZE, perm | prev_perm);
        prev_last = end - GUEST_PAGE_SIZE;
        prev_perm = perm;
    }
    return 0;
}

static int load_elf(struct machine *m, Elf *e, const char *path, struct elf_image *img,
                    char *err, size_t errlen)
{
    GElf_Ehdr eh;
    size_t phnum = 0, filesize = 0;
    int rc = elf_check_header(e, path, &eh, &phnum, err, errlen);
    if (rc != 0)
        return rc;
    const unsigned char *raw = (const unsigned char *)elf_rawfile(e, &filesize);

    GElf_Phdr *loads = calloc(phnum, sizeof *loads);
    if (!loads)
        return fail(err, errlen, "%s: out of memory", path);
    size_t nloads = 0;
    bool have_phdr = false;
    GElf_Phdr ph;
    *img = (struct elf_image){ .base = eh.e_type == ET_DYN ? LINUX_PIE_BASE : 0,
                               .phnum = phnum, .phent = eh.e_phentsize };
    for (size_t i = 0; i < phnum && rc == 0; i++) {
        if (!gelf_getphdr(e, (int)i, &ph)) {
            rc = fail(err, errlen, "%s: unreadable program header %zu", path, i);
            break;
        }
        switch (ph.p_type) {
        case PT_INTERP:
            rc = fail(err, errlen, "%s: dynamically linked executables are not supported; "
                      "link with -static", path);
            break;
        case PT_LOAD:
            loads[nloads++] = ph;
            break;
        case PT_PHDR:
            img->phdr = ph.p_vaddr;
            have_phdr = true;
            break;
        case PT_GNU_STACK:
            img->exec_stack = (ph.p_flags & PF_X) != 0;
            break;
        default:
            break;   /* PT_TLS, PT_DYNAMIC (static PIE), notes: the program handles them */
        }
    }
    if (rc == 0) {
        qsort(loads, nloads, sizeof *loads, by_vaddr);
        rc = check_segments(loads, nloads, img->base, filesize, path, err, errlen);
    }
    if (rc == 0) {
        /* The entry must be code the program actually maps. */
        bool entry_ok = false;
        for (size_t i = 0; i < nloads; i++) {
            const GElf_Phdr *s = &loads[i];
            if ((s->p_flags & PF_X) && eh.e_entry >= s->p_vaddr && eh.e_entry - s->p_vaddr < s->p_memsz)
                entry_ok = true;
            /* Without PT_PHDR the headers are found where the kernel looks: in the segment that
             * maps file offset e_phoff. */
            if (!have_phdr && eh.e_phoff >= s->p_offset && eh.e_phoff - s->p_offset < s->p_filesz) {
                img->phdr = s->p_vaddr + (eh.e_phoff - s->p_offset);
                have_phdr = true;
            }
        }
        if (!have_phdr)
            img->phdr = loads[0].p_vaddr - loads[0].p_offset + eh.e_phoff;
        if (!entry_ok)
            rc = fail(err, errlen, "%s: entry point 0x%llx is not in an executable segment", path,
                      (unsigned long long)eh.e_entry);
    }
    if (rc == 0 && m)
        rc = map_segments(m, loads, nloads, img->base, raw, path, err, errlen);
    if (rc == 0) {
        const GElf_Phdr *last = &loads[nloads - 1];
        img->entry = eh.e_entry + img->base;
        img->phdr += img->base;
        img->brk = page_ceil(last->p_vaddr + last->p_memsz + img->base);
    }
    free(loads);
    return rc;
}

int elf_load(struct machine *m, const char *path, struct elf_image *img, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return fail(err, errlen, "%s: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return fail(err, errlen, "%s: is a directory", path);
    if (!S_ISREG(st.st_mode))
        return fail(err, errlen, "%s: not a regular file", path);
    if (access(path, X_OK) != 0)
        return fail(err, errlen, "%s: not executable (%s)", path, strerror(errno));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(err, errlen, "%s: %s", path, strerror(errno));
    if (elf_version(EV_CURRENT) == EV_NONE) {
        close(fd);
        return fail(err, errlen, "%s: libelf initialization failed", path);
    }
    Elf *e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
    int rc = e ? load_elf(m, e, path, img, err, errlen)
               : fail(err, errlen, "%s: cannot read ELF file: %s", path, elf_errmsg(-1));
    elf_end(e);
    close(fd);
    return rc;
}
