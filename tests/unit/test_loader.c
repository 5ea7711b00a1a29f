/* ELF loader and initial stack: a real static program's layout, and every kind of bad file. */
#include <elf.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "test_syscall_helpers.h"

enum { AT_NULL_ = 0, AT_PHDR_ = 3, AT_PHENT_ = 4, AT_PHNUM_ = 5, AT_PAGESZ_ = 6, AT_BASE_ = 7,
       AT_ENTRY_ = 9, AT_UID_ = 11, AT_HWCAP_ = 16, AT_CLKTCK_ = 17, AT_SECURE_ = 23,
       AT_RANDOM_ = 25, AT_EXECFN_ = 31 };

/* The whole file, malloc'd. */
static uint8_t *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *size = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = malloc(*size);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, *size, f), *size);
    fclose(f);
    return buf;
}

static void spit(const char *path, const void *data, size_t size, mode_t mode)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, size, f), size);
    fclose(f);
    assert_int_equal(chmod(path, mode), 0);
}

static uint64_t auxv_get(struct machine *m, uint64_t auxv, uint64_t type)
{
    for (uint64_t p = auxv;; p += 16) {
        uint64_t t = get_u64(m, p);
        if (t == type)
            return get_u64(m, p + 8);
        if (t == AT_NULL_)
            fail_msg("auxv entry %llu missing", (unsigned long long)type);
    }
}

static void guest_string(struct machine *m, uint64_t addr, char *buf, size_t size)
{
    assert_int_equal(mem_read_string(&m->mem, addr, buf, size), 0);
}

static void test_sum_layout(void **state)
{
    (void)state;
    struct fixture *f = fixture_new(NULL);
    struct machine *m = &f->m;
    size_t size;
    uint8_t *file = slurp(SUM_PATH, &size);
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)file;

    assert_int_equal(m->hart.pc, eh->e_entry);
    uint64_t sp = m->hart.x[2];
    assert_int_equal(sp & 15, 0);
    assert_int_equal(m->hart.x[10], 0);
    const struct mem_region *stack = mem_region_at(&m->mem, sp);
    assert_non_null(stack);
    assert_string_equal(stack->tag, "[stack]");
    assert_true(stack->end <= GUEST_VA_LIMIT && stack->end - stack->start == 8ull << 20);

    /* argc, argv, envp */
    char s[256];
    assert_int_equal(get_u64(m, sp), 3);
    const char *want_argv[] = { "sum", "1", "22" };
    for (int i = 0; i < 3; i++) {
        guest_string(m, get_u64(m, sp + 8 + 8 * i), s, sizeof s);
        assert_string_equal(s, want_argv[i]);
    }
    assert_int_equal(get_u64(m, sp + 32), 0);
    guest_string(m, get_u64(m, sp + 40), s, sizeof s);
    assert_string_equal(s, "A=1");
    guest_string(m, get_u64(m, sp + 48), s, sizeof s);
    assert_string_equal(s, "B=two");
    assert_int_equal(get_u64(m, sp + 56), 0);

    /* auxv */
    uint64_t auxv = sp + 64;
    assert_int_equal(auxv_get(m, auxv, AT_PAGESZ_), 4096);
    assert_int_equal(auxv_get(m, auxv, AT_ENTRY_), eh->e_entry);
    assert_int_equal(auxv_get(m, auxv, AT_PHNUM_), eh->e_phnum);
    assert_int_equal(auxv_get(m, auxv, AT_PHENT_), sizeof(Elf64_Phdr));
    assert_int_equal(auxv_get(m, auxv, AT_BASE_), 0);
    assert_int_equal(auxv_get(m, auxv, AT_SECURE_), 0);
    assert_int_equal(auxv_get(m, auxv, AT_CLKTCK_), 100);
    assert_int_equal(auxv_get(m, auxv, AT_UID_), LINUX_UID);
    uint64_t hwcap = auxv_get(m, auxv, AT_HWCAP_);
    assert_int_equal(hwcap, (1u << ('I' - 'A')) | (1u << ('M' - 'A')) | (1u << ('A' - 'A')) |
                            (1u << ('F' - 'A')) | (1u << ('D' - 'A')) | (1u << ('C' - 'A')));
    /* AT_EXECFN is the program as named (argv[0]), not the host file found for it. */
    guest_string(m, auxv_get(m, auxv, AT_EXECFN_), s, sizeof s);
    assert_string_equal(s, "sum");

    /* AT_PHDR points at a copy of the file's program headers. */
    uint64_t phdr = auxv_get(m, auxv, AT_PHDR_);
    size_t phbytes = eh->e_phnum * sizeof(Elf64_Phdr);
    uint8_t *copy = malloc(phbytes);
    assert_int_equal(mem_read(&m->mem, phdr, copy, phbytes), 0);
    assert_memory_equal(copy, file + eh->e_phoff, phbytes);
    free(copy);

    /* Segments are mapped with their permissions and contents; brk follows the last one. */
    const Elf64_Phdr *ph = (const Elf64_Phdr *)(file + eh->e_phoff);
    uint64_t top = 0;
    for (int i = 0; i < eh->e_phnum; i++) {
        if (ph[i].p_type != PT_LOAD)
            continue;
        uint8_t probe[16];
        assert_int_equal(mem_read(&m->mem, ph[i].p_vaddr, probe, sizeof probe), 0);
        assert_memory_equal(probe, file + ph[i].p_offset, sizeof probe);
        const struct mem_region *r = mem_region_at(&m->mem, ph[i].p_vaddr);
        assert_non_null(r);
        assert_int_equal(!!(r->perm & MEM_X), !!(ph[i].p_flags & PF_X));
        assert_int_equal(!!(r->perm & MEM_W), !!(ph[i].p_flags & PF_W));
        if (ph[i].p_memsz > ph[i].p_filesz) {   /* bss reads as zero */
            uint8_t z = 0xff;
            assert_int_equal(mem_read(&m->mem, ph[i].p_vaddr + ph[i].p_memsz - 1, &z, 1), 0);
            assert_int_equal(z, 0);
        }
        if (ph[i].p_vaddr + ph[i].p_memsz > top)
            top = ph[i].p_vaddr + ph[i].p_memsz;
    }
    assert_int_equal(m->proc->brk, page_ceil(top));
    assert_int_equal(m->proc->brk_start, page_ceil(top));
    assert_non_null(strstr(m->proc->exe_path, "/sum"));
    assert_true(m->proc->exe_path[0] == '/');

    /* AT_RANDOM: 16 bytes from the seeded generator, identical for the same seed. */
    uint8_t r1[16], r2[16], r3[16];
    assert_int_equal(mem_read(&m->mem, auxv_get(m, auxv, AT_RANDOM_), r1, 16), 0);
    struct fixture *g = fixture_new(NULL), *h = fixture_new("12345");
    assert_int_equal(mem_read(&g->m.mem, auxv_get(&g->m, g->m.hart.x[2] + 64, AT_RANDOM_), r2, 16), 0);
    assert_int_equal(mem_read(&h->m.mem, auxv_get(&h->m, h->m.hart.x[2] + 64, AT_RANDOM_), r3, 16), 0);
    assert_memory_equal(r1, r2, 16);
    assert_memory_not_equal(r1, r3, 16);
    assert_int_equal(g->m.hart.x[2], sp);   /* the layout is reproducible too */
    fixture_free(g);
    fixture_free(h);
    free(file);
    fixture_free(f);
}

static int try_load(const char *path, char *err, size_t errlen)
{
    struct fixture f;
    fixture_config(&f, NULL);
    assert_int_equal(machine_init(&f.m, &f.cfg), 0);
    char *argv[] = { (char *)path, NULL };
    char *envp[] = { NULL };
    err[0] = 0;
    int rc = linux_load(&f.m, path, 1, argv, envp, err, errlen);
    machine_destroy(&f.m);
    config_free(&f.cfg);
    return rc;
}

static void expect_error(const char *path, const char *fragment)
{
    char err[512];
    assert_int_equal(try_load(path, err, sizeof err), 2);
    if (!strstr(err, fragment) || strncmp(err, "snapsim: ", 9) != 0 || strchr(err, '\n'))
        fail_msg("%s: expected \"%s\", got \"%s\"", path, fragment, err);
}

/* Writes sum with a modification applied to its headers, and expects the given error. */
static void expect_patched(const char *dir, const char *name, void (*patch)(uint8_t *, size_t *),
                           const char *fragment)
{
    size_t size;
    uint8_t *buf = slurp(SUM_PATH, &size);
    patch(buf, &size);
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    spit(path, buf, size, 0755);
    free(buf);
    expect_error(path, fragment);
}

static Elf64_Ehdr *ehdr(uint8_t *b) { return (Elf64_Ehdr *)b; }
static Elf64_Phdr *phdrs(uint8_t *b) { return (Elf64_Phdr *)(b + ehdr(b)->e_phoff); }
static Elf64_Phdr *first_load(uint8_t *b)
{
    for (int i = 0;; i++)
        if (phdrs(b)[i].p_type == PT_LOAD)
            return &phdrs(b)[i];
}
static Elf64_Phdr *second_load(uint8_t *b)
{
    for (Elf64_Phdr *p = first_load(b) + 1;; p++)
        if (p->p_type == PT_LOAD)
            return p;
}
static Elf64_Phdr *non_load(uint8_t *b)
{
    for (int i = 0;; i++)
        if (phdrs(b)[i].p_type != PT_LOAD && phdrs(b)[i].p_type != PT_PHDR)
            return &phdrs(b)[i];
}

static void p_trunc_header(uint8_t *b, size_t *n) { (void)b; *n = 100; }
static void p_trunc_segment(uint8_t *b, size_t *n) { (void)b; *n = 20000; }
static void p_tiny(uint8_t *b, size_t *n) { (void)b; *n = 10; }
static void p_x86(uint8_t *b, size_t *n) { (void)n; ehdr(b)->e_machine = EM_X86_64; }
static void p_big_endian(uint8_t *b, size_t *n) { (void)n; b[EI_DATA] = ELFDATA2MSB; }
static void p_relocatable(uint8_t *b, size_t *n) { (void)n; ehdr(b)->e_type = ET_REL; }
static void p_interp(uint8_t *b, size_t *n) { (void)n; non_load(b)->p_type = PT_INTERP; }
static void p_filesz(uint8_t *b, size_t *n) { (void)n; first_load(b)->p_filesz = first_load(b)->p_memsz + 1; }
static void p_beyond(uint8_t *b, size_t *n) { (void)n; second_load(b)->p_vaddr = GUEST_VA_LIMIT - 0x1000; }
static void p_huge(uint8_t *b, size_t *n) { (void)n; second_load(b)->p_memsz = UINT64_MAX - 0x1000; }
static void p_overlap(uint8_t *b, size_t *n) { (void)n; second_load(b)->p_vaddr = first_load(b)->p_vaddr + 0x10; }
static void p_page_zero(uint8_t *b, size_t *n) { (void)n; first_load(b)->p_vaddr = 0; }
static void p_phnum(uint8_t *b, size_t *n) { (void)n; ehdr(b)->e_phnum = 60000; }
static void p_phoff(uint8_t *b, size_t *n) { ehdr(b)->e_phoff = *n - 8; }
static void p_phentsize(uint8_t *b, size_t *n) { (void)n; ehdr(b)->e_phentsize = 32; }
static void p_entry(uint8_t *b, size_t *n) { (void)n; ehdr(b)->e_entry = 0x1234; }
static void p_no_loads(uint8_t *b, size_t *n)
{
    (void)n;
    for (int i = 0; i < ehdr(b)->e_phnum; i++)
        if (phdrs(b)[i].p_type == PT_LOAD)
            phdrs(b)[i].p_type = PT_NOTE;
}
static void p_elf32(uint8_t *b, size_t *n)
{
    /* A minimal, well-formed ELF32 RISC-V header and one program header. */
    memset(b, 0, 200);
    Elf32_Ehdr *e = (Elf32_Ehdr *)b;
    memcpy(e->e_ident, ELFMAG, SELFMAG);
    e->e_ident[EI_CLASS] = ELFCLASS32;
    e->e_ident[EI_DATA] = ELFDATA2LSB;
    e->e_ident[EI_VERSION] = EV_CURRENT;
    e->e_type = ET_EXEC;
    e->e_machine = 243;
    e->e_version = EV_CURRENT;
    e->e_entry = 0x10000;
    e->e_phoff = sizeof *e;
    e->e_ehsize = sizeof *e;
    e->e_phentsize = sizeof(Elf32_Phdr);
    e->e_phnum = 1;
    Elf32_Phdr *p = (Elf32_Phdr *)(b + sizeof *e);
    *p = (Elf32_Phdr){ .p_type = PT_LOAD, .p_vaddr = 0x10000, .p_filesz = 100, .p_memsz = 100,
                       .p_flags = PF_R | PF_X, .p_align = 0x1000 };
    *n = 200;
}

static void test_bad_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/snapsim-loader-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];

    expect_patched(dir, "trunc", p_trunc_header, "truncated");
    expect_patched(dir, "trunc2", p_trunc_segment, "truncated");
    expect_patched(dir, "tiny", p_tiny, "not an ELF");
    expect_patched(dir, "x86", p_x86, "not a RISC-V executable (machine x86-64)");
    expect_patched(dir, "be", p_big_endian, "little-endian");
    expect_patched(dir, "rel", p_relocatable, "relocatable");
    expect_patched(dir, "dyn", p_interp, "dynamically linked executables are not supported; link with -static");
    expect_patched(dir, "filesz", p_filesz, "file size");
    expect_patched(dir, "beyond", p_beyond, "outside the guest address space");
    expect_patched(dir, "huge", p_huge, "outside the guest address space");
    expect_patched(dir, "overlap", p_overlap, "overlapping");
    expect_patched(dir, "zero", p_page_zero, "outside the guest address space");
    expect_patched(dir, "phnum", p_phnum, "program header count");
    expect_patched(dir, "phoff", p_phoff, "truncated");
    expect_patched(dir, "phentsize", p_phentsize, "program header size");
    expect_patched(dir, "entry", p_entry, "entry point");
    expect_patched(dir, "noloads", p_no_loads, "no loadable segments");
    expect_patched(dir, "elf32", p_elf32, "32-bit");

    uint8_t noise[4096];
    uint64_t s = 42;
    for (size_t i = 0; i < sizeof noise; i++) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        noise[i] = (uint8_t)(s >> 56);
    }
    snprintf(path, sizeof path, "%s/noise", dir);
    spit(path, noise, sizeof noise, 0755);
    expect_error(path, "not an ELF");

    snprintf(path, sizeof path, "%s/empty", dir);
    spit(path, "", 0, 0755);
    expect_error(path, "not an ELF");

    snprintf(path, sizeof path, "%s/script", dir);
    spit(path, "#!/bin/sh\necho hi\n", 18, 0755);
    expect_error(path, "not an ELF");

    size_t size;
    uint8_t *sum = slurp(SUM_PATH, &size);
    snprintf(path, sizeof path, "%s/noexec", dir);
    spit(path, sum, size, 0644);
    expect_error(path, "not executable");
    free(sum);

    expect_error(dir, "is a directory");
    snprintf(path, sizeof path, "%s/missing", dir);
    expect_error(path, "No such file or directory");
    expect_error("/dev/null", "not a regular file");

    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* ET_DYN without PT_INTERP is a static PIE: loaded at the fixed PIE base. */
static void p_pie(uint8_t *b, size_t *n) { (void)n; ehdr(b)->e_type = ET_DYN; }

static void test_static_pie_base(void **state)
{
    (void)state;
    char dir[] = "/tmp/snapsim-loader-XXXXXX";
    assert_non_null(mkdtemp(dir));
    size_t size;
    uint8_t *b = slurp(SUM_PATH, &size);
    p_pie(b, &size);
    uint64_t entry = ehdr(b)->e_entry, vaddr = first_load(b)->p_vaddr;
    char path[256];
    snprintf(path, sizeof path, "%s/pie", dir);
    spit(path, b, size, 0755);
    free(b);

    struct fixture f;
    fixture_config(&f, NULL);
    assert_int_equal(machine_init(&f.m, &f.cfg), 0);
    char *argv[] = { "pie", NULL }, *envp[] = { NULL };
    char err[256];
    assert_int_equal(linux_load(&f.m, path, 1, argv, envp, err, sizeof err), 0);
    uint64_t base = f.m.proc->load_base;
    assert_true(base >= 0x2000000000ull && (base & 0xfff) == 0);
    assert_int_equal(f.m.hart.pc, entry + base);
    assert_non_null(mem_region_at(&f.m.mem, vaddr + base));
    assert_null(mem_region_at(&f.m.mem, vaddr));
    assert_int_equal(auxv_get(&f.m, f.m.hart.x[2] + 32, AT_ENTRY_), entry + base);
    machine_destroy(&f.m);
    config_free(&f.cfg);
    unlink(path);
    rmdir(dir);
}

static void test_argument_list_too_long(void **state)
{
    (void)state;
    struct fixture f;
    fixture_config(&f, NULL);
    assert_int_equal(machine_init(&f.m, &f.cfg), 0);
    size_t len = 200000;
    char *big = malloc(len + 1);
    memset(big, 'x', len);
    big[len] = 0;
    char *argv[] = { "sum", big, NULL }, *envp[] = { NULL };
    char err[256];
    assert_int_equal(linux_load(&f.m, SUM_PATH, 2, argv, envp, err, sizeof err), 2);
    assert_non_null(strstr(err, "argument list too long"));
    free(big);
    machine_destroy(&f.m);
    config_free(&f.cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sum_layout),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_static_pie_base),
        cmocka_unit_test(test_argument_list_too_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
