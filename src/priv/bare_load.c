/* The bare machine's loader: an ELF executable's loadable segments copied into RAM at their
 * physical addresses, the hart reset into M-mode at the entry, and the HTIF words found by the
 * symbols `tohost` and `fromhost`. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/machine.h"
#include "linux/elf_header.h"
#include "linux/loader.h"
#include "priv/priv.h"
#include "priv/system.h"

#define fail(...) (load_error(err, errlen, __VA_ARGS__), -1)

static int load_segments(struct machine *m, Elf *e, const char *path, size_t phnum, char *err, size_t errlen)
{
    size_t filesize;
    const unsigned char *raw = (const unsigned char *)elf_rawfile(e, &filesize);
    struct sysmem *mem = &m->sys->mem;
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph))
            return fail("%s: unreadable program header %zu", path, i);
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
            continue;
        if (ph.p_filesz > ph.p_memsz || ph.p_offset > filesize || ph.p_filesz > filesize - ph.p_offset)
            return fail("%s: segment %zu extends beyond the end of the file", path, i);
        uint8_t *host = sysmem_ram(mem, ph.p_paddr, ph.p_memsz);
        if (!host)
            return fail("%s: segment at physical 0x%llx-0x%llx is outside RAM 0x%llx-0x%llx "
                        "(system:ram_size)", path, (unsigned long long)ph.p_paddr,
                        (unsigned long long)(ph.p_paddr + ph.p_memsz),
                        (unsigned long long)mem->ram_base, (unsigned long long)(mem->ram_base + mem->ram_size));
        memcpy(host, raw + ph.p_offset, ph.p_filesz);
        memset(host + ph.p_filesz, 0, ph.p_memsz - ph.p_filesz);
    }
    return 0;
}

/* The addresses of tohost and fromhost from the symbol table (0 if absent). */
static void find_htif(struct machine *m, Elf *e)
{
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(e, scn)) != NULL) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0)
            continue;
        Elf_Data *data = elf_getdata(scn, NULL);
        size_t n = data ? sh.sh_size / sh.sh_entsize : 0;
        for (size_t i = 0; i < n; i++) {
            GElf_Sym sym;
            if (!gelf_getsym(data, (int)i, &sym))
                break;
            const char *name = elf_strptr(e, sh.sh_link, sym.st_name);
            if (!name)
                continue;
            if (!strcmp(name, "tohost"))
                m->sys->tohost_pa = sym.st_value;
            else if (!strcmp(name, "fromhost"))
                m->sys->fromhost_pa = sym.st_value;
        }
    }
}

static int load(struct machine *m, Elf *e, const char *path, char *err, size_t errlen)
{
    GElf_Ehdr eh;
    size_t phnum;
    if (elf_check_header(e, path, &eh, &phnum, err, errlen) != 0)
        return -1;
    if (load_segments(m, e, path, phnum, err, errlen) != 0)
        return -1;
    find_htif(m, e);
    struct sysmem *mem = &m->sys->mem;
    if (m->sys->tohost_pa && !sysmem_ram(mem, m->sys->tohost_pa, 8))
        return fail("%s: tohost at 0x%llx is not in RAM", path, (unsigned long long)m->sys->tohost_pa);
    if (m->sys->fromhost_pa && !sysmem_ram(mem, m->sys->fromhost_pa, 8))
        m->sys->fromhost_pa = 0;
    if (!sysmem_ram(mem, eh.e_entry, 2))
        return fail("%s: entry point 0x%llx is not in RAM", path, (unsigned long long)eh.e_entry);
    mem->watch_pa = m->sys->tohost_pa;
    priv_reset(&m->hart, 0);
    m->hart.pc = eh.e_entry;
    return 0;
}

int bare_load(struct machine *m, const char *path, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return fail("%s: %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return fail("%s: not a regular file", path);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail("%s: %s", path, strerror(errno));
    if (elf_version(EV_CURRENT) == EV_NONE) {
        close(fd);
        return fail("%s: libelf initialization failed", path);
    }
    Elf *e = elf_begin(fd, ELF_C_READ_MMAP, NULL);
    int rc = e ? load(m, e, path, err, errlen) : fail("%s: cannot read ELF file: %s", path, elf_errmsg(-1));
    elf_end(e);
    close(fd);
    return rc;
}
