/* Memory system calls: brk, mmap, munmap, mremap, mprotect, madvise, with Linux's errors. */
#include <fcntl.h>

#include "test_syscall_helpers.h"

enum { PROT_R = 1, PROT_W = 2, PROT_X = 4, MAP_SHARED_ = 1, MAP_PRIVATE_ = 2, MAP_FIXED_ = 0x10,
       MAP_ANON_ = 0x20, MAP_NOREPLACE_ = 0x100000, MREMAP_MAYMOVE_ = 1, MREMAP_FIXED_ = 2,
       MADV_DONTNEED_ = 4 };
#define ANON (MAP_PRIVATE_ | MAP_ANON_)
#define NOFD ((uint64_t)-1)

static int setup(void **state) { *state = fixture_new(NULL); return 0; }
static int teardown(void **state) { fixture_free(*state); return 0; }

static void test_brk(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    uint64_t start = (uint64_t)SC1(m, NR_brk, 0);
    assert_int_equal(start, m->proc->brk_start);
    assert_int_equal(start & 0xfff, 0);
    assert_false(mem_range_ok(&m->mem, start, 1, MEM_R));

    assert_int_equal(SC1(m, NR_brk, start + 10000), start + 10000);
    const struct mem_region *r = mem_region_at(&m->mem, start);
    assert_non_null(r);
    assert_string_equal(r->tag, "[heap]");
    uint8_t v = 7;
    assert_int_equal(mem_write(&m->mem, start + 9999, &v, 1), 0);
    assert_true(mem_range_ok(&m->mem, start, 3 * 4096, MEM_R | MEM_W));
    assert_false(mem_range_ok(&m->mem, start + 3 * 4096, 1, MEM_R));

    /* Shrinking unmaps; growing again gives zeros. */
    assert_int_equal(SC1(m, NR_brk, start + 100), start + 100);
    assert_false(mem_range_ok(&m->mem, start + 4096, 1, MEM_R));
    assert_int_equal(SC1(m, NR_brk, start + 10000), start + 10000);
    assert_int_equal(mem_read(&m->mem, start + 9999, &v, 1), 0);
    assert_int_equal(v, 0);

    /* Failure returns the current break unchanged. */
    assert_int_equal(SC1(m, NR_brk, start - 4096), start + 10000);
    assert_int_equal(SC1(m, NR_brk, GUEST_VA_LIMIT - 4096), start + 10000);
    assert_int_equal(SC1(m, NR_brk, start + (1ull << 40)), start + 10000);
    assert_int_equal(SC1(m, NR_brk, 0), start + 10000);
    /* A mapping in the way stops growth. */
    uint64_t block = page_ceil(start + 10000) + 4 * 4096;
    assert_int_equal(sc(m, NR_mmap, block, 4096, PROT_R, ANON | MAP_FIXED_, NOFD, 0), block);
    assert_int_equal(SC1(m, NR_brk, block + 100), start + 10000);
}

static void test_mmap_anonymous(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    int64_t a = sc(m, NR_mmap, 0, 3 * 4096, PROT_R | PROT_W, ANON, NOFD, 0);
    assert_true(a > 0);
    assert_int_equal(a & 0xfff, 0);
    assert_true((uint64_t)a < m->proc->stack_start && (uint64_t)a > m->proc->brk);
    assert_true(mem_range_ok(&m->mem, (uint64_t)a, 3 * 4096, MEM_R | MEM_W));
    assert_int_equal(get_u64(m, (uint64_t)a + 8000), 0);
    /* Top-down: the next mapping lies directly below. */
    int64_t b = sc(m, NR_mmap, 0, 100, PROT_R, ANON, NOFD, 0);
    assert_int_equal(b, a - 4096);
    assert_true(mem_range_ok(&m->mem, (uint64_t)b, 4096, MEM_R));
    assert_false(mem_range_ok(&m->mem, (uint64_t)b, 1, MEM_W));
    /* Reproducible: a fresh machine places them identically. */
    struct fixture *g = fixture_new(NULL);
    assert_int_equal(sc(&g->m, NR_mmap, 0, 3 * 4096, PROT_R | PROT_W, ANON, NOFD, 0), a);
    fixture_free(g);

    /* A free hint is honoured; MAP_FIXED replaces; MAP_FIXED_NOREPLACE refuses. */
    uint64_t hint = 0x40000000;
    assert_int_equal(sc(m, NR_mmap, hint, 8192, PROT_R | PROT_W, ANON, NOFD, 0), hint);
    uint64_t one = 1;
    assert_int_equal(mem_write(&m->mem, hint, &one, 8), 0);
    assert_int_equal(sc(m, NR_mmap, hint, 4096, PROT_R | PROT_W, ANON | MAP_NOREPLACE_, NOFD, 0), -EEXIST);
    assert_int_equal(sc(m, NR_mmap, hint, 4096, PROT_R | PROT_W, ANON | MAP_FIXED_, NOFD, 0), hint);
    assert_int_equal(get_u64(m, hint), 0);
    int64_t moved = sc(m, NR_mmap, hint, 4096, PROT_R, ANON, NOFD, 0);   /* hint busy: elsewhere */
    assert_true(moved > 0 && (uint64_t)moved != hint);

    /* PROT_NONE reserves address space without access. */
    int64_t none = sc(m, NR_mmap, 0, 4096, 0, ANON, NOFD, 0);
    assert_true(none > 0);
    assert_false(mem_range_ok(&m->mem, (uint64_t)none, 1, MEM_R));
    assert_int_equal(SC3(m, NR_mprotect, (uint64_t)none, 4096, PROT_R | PROT_W), 0);
    assert_true(mem_range_ok(&m->mem, (uint64_t)none, 4096, MEM_R | MEM_W));

    /* Argument errors. */
    assert_int_equal(sc(m, NR_mmap, 0, 0, PROT_R, ANON, NOFD, 0), -EINVAL);
    assert_int_equal(sc(m, NR_mmap, 0, 4096, PROT_R, MAP_ANON_, NOFD, 0), -EINVAL);
    assert_int_equal(sc(m, NR_mmap, 0, 4096, PROT_R, ANON, NOFD, 100), -EINVAL);
    assert_int_equal(sc(m, NR_mmap, 0x1001, 4096, PROT_R, ANON | MAP_FIXED_, NOFD, 0), -EINVAL);
    assert_int_equal(sc(m, NR_mmap, 0, 4096, PROT_R, ANON | MAP_FIXED_, NOFD, 0), -EPERM);
    assert_int_equal(sc(m, NR_mmap, 0xf000, 4096, PROT_R, ANON | MAP_FIXED_, NOFD, 0), -EPERM);
    assert_int_equal(sc(m, NR_mmap, 0, 4096, PROT_R, MAP_PRIVATE_, 55, 0), -EBADF);
    assert_int_equal(sc(m, NR_mmap, 0, 1ull << 50, PROT_R, ANON, NOFD, 0), -ENOMEM);
    /* More than the configured capacity (4 GiB by default). */
    assert_int_equal(sc(m, NR_mmap, 0, 8ull << 30, PROT_R, ANON, NOFD, 0), -ENOMEM);
}

static void test_munmap_mprotect(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    uint64_t a = (uint64_t)sc(m, NR_mmap, 0, 4 * 4096, PROT_R | PROT_W, ANON, NOFD, 0);
    assert_int_equal(SC2(m, NR_munmap, a + 4096, 4096), 0);
    assert_false(mem_range_ok(&m->mem, a + 4096, 1, MEM_R));
    assert_true(mem_range_ok(&m->mem, a, 4096, MEM_R));
    assert_true(mem_range_ok(&m->mem, a + 8192, 8192, MEM_R));
    assert_int_equal(SC2(m, NR_munmap, a + 1, 4096), -EINVAL);
    assert_int_equal(SC2(m, NR_munmap, a, 0), -EINVAL);
    assert_int_equal(SC2(m, NR_munmap, a + 4096, 4096), 0);   /* already unmapped: fine */

    /* mprotect over a hole fails with ENOMEM; a page makes writes fault. */
    assert_int_equal(SC3(m, NR_mprotect, a, 3 * 4096, PROT_R), -ENOMEM);
    assert_int_equal(SC3(m, NR_mprotect, a + 8192, 4096, PROT_R), 0);
    uint64_t v = 5;
    assert_int_equal(mem_write(&m->mem, a + 8192, &v, 8), -EFAULT);
    assert_int_equal(mem_write(&m->mem, a + 12288, &v, 8), 0);
    assert_int_equal(SC3(m, NR_mprotect, a + 3, 4096, PROT_R), -EINVAL);
    assert_int_equal(SC3(m, NR_mprotect, a, 4096, 0x100), -EINVAL);
    assert_int_equal(SC3(m, NR_mprotect, a, 0, PROT_R), 0);
    uint64_t epoch = m->mem.code_epoch;
    assert_int_equal(SC3(m, NR_mprotect, a, 4096, PROT_R | PROT_X), 0);
    assert_true(m->mem.code_epoch != epoch);
}

static void test_mremap(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    uint64_t a = (uint64_t)sc(m, NR_mmap, 0, 2 * 4096, PROT_R | PROT_W, ANON, NOFD, 0);
    uint64_t marker = 0x1122334455667788ull;
    assert_int_equal(mem_write(&m->mem, a + 4096, &marker, 8), 0);
    /* The block just above a is the previous top-down allocation's neighbour: it is free only
     * if nothing sits there; growing must move when the next page is taken. */
    uint64_t below = (uint64_t)sc(m, NR_mmap, 0, 4096, PROT_R, ANON, NOFD, 0);
    assert_int_equal(below, a - 4096);

    /* Shrink in place. */
    assert_int_equal(sc(m, NR_mremap, a, 2 * 4096, 4096, 0, 0, 0), a);
    assert_false(mem_range_ok(&m->mem, a + 4096, 1, MEM_R));
    assert_int_equal(sc(m, NR_mremap, a, 4096, 2 * 4096, 0, 0, 0), a);   /* regrow in place */
    assert_int_equal(mem_write(&m->mem, a + 4096, &marker, 8), 0);

    /* Growing into an occupied neighbour needs MREMAP_MAYMOVE. */
    uint64_t next = a + 2 * 4096;
    if (mem_region_at(&m->mem, next) == NULL)
        assert_int_equal(sc(m, NR_mmap, next, 4096, PROT_R, ANON | MAP_FIXED_, NOFD, 0), next);
    assert_int_equal(sc(m, NR_mremap, a, 2 * 4096, 8 * 4096, 0, 0, 0), -ENOMEM);
    int64_t b = sc(m, NR_mremap, a, 2 * 4096, 8 * 4096, MREMAP_MAYMOVE_, 0, 0);
    assert_true(b > 0 && (uint64_t)b != a);
    assert_int_equal(get_u64(m, (uint64_t)b + 4096), marker);
    assert_int_equal(get_u64(m, (uint64_t)b + 7 * 4096), 0);
    assert_true(mem_range_ok(&m->mem, (uint64_t)b, 8 * 4096, MEM_R | MEM_W));
    assert_false(mem_range_ok(&m->mem, a, 1, MEM_R));

    /* MREMAP_FIXED to a chosen place. */
    uint64_t dest = 0x50000000;
    assert_int_equal(sc(m, NR_mremap, (uint64_t)b, 8 * 4096, 8 * 4096, MREMAP_MAYMOVE_ | MREMAP_FIXED_, dest, 0), dest);
    assert_int_equal(get_u64(m, dest + 4096), marker);

    /* Errors. */
    assert_int_equal(sc(m, NR_mremap, dest + 1, 4096, 8192, MREMAP_MAYMOVE_, 0, 0), -EINVAL);
    assert_int_equal(sc(m, NR_mremap, dest, 4096, 0, MREMAP_MAYMOVE_, 0, 0), -EINVAL);
    assert_int_equal(sc(m, NR_mremap, dest, 4096, 8192, MREMAP_FIXED_, dest + 0x100000, 0), -EINVAL);
    assert_int_equal(sc(m, NR_mremap, 0x70000000, 4096, 8192, MREMAP_MAYMOVE_, 0, 0), -EFAULT);
}

static void test_madvise_dontneed(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    uint64_t a = (uint64_t)sc(m, NR_mmap, 0, 2 * 4096, PROT_R | PROT_W, ANON, NOFD, 0);
    uint64_t v = 99;
    assert_int_equal(mem_write(&m->mem, a, &v, 8), 0);
    assert_int_equal(mem_write(&m->mem, a + 4096, &v, 8), 0);
    assert_int_equal(SC3(m, NR_madvise, a, 4096, MADV_DONTNEED_), 0);
    assert_int_equal(get_u64(m, a), 0);
    assert_int_equal(get_u64(m, a + 4096), 99);
    assert_int_equal(SC3(m, NR_madvise, a + 1, 4096, MADV_DONTNEED_), -EINVAL);
    assert_int_equal(SC3(m, NR_madvise, 0x70000000, 4096, MADV_DONTNEED_), -ENOMEM);
    assert_int_equal(SC3(m, NR_madvise, a, UINT64_MAX - 100, MADV_DONTNEED_), -EINVAL);   /* wraps */
    assert_int_equal(SC3(m, NR_madvise, a, (uint64_t)0 - a + 4096, MADV_DONTNEED_), -EINVAL);
    assert_int_equal(SC3(m, NR_madvise, a, 1ull << 60, MADV_DONTNEED_), -ENOMEM);
}

static void test_mmap_file(void **state)
{
    struct fixture *f = *state;
    struct machine *m = &f->m;
    char path[128];
    snprintf(path, sizeof path, "%s/data", f->tmpdir);
    FILE *fp = fopen(path, "w");
    for (int i = 0; i < 5000; i++)
        fputc('a' + i % 26, fp);
    fclose(fp);

    put_str(m, SCRATCH, path);
    int64_t fd = SC3(m, NR_openat, AT_FDCWD_G, SCRATCH, O_RDONLY);
    assert_true(fd >= 3);
    int64_t a = sc(m, NR_mmap, 0, 8192, PROT_R, MAP_PRIVATE_, (uint64_t)fd, 4096);
    assert_true(a > 0);
    char c[2];
    assert_int_equal(mem_read(&m->mem, (uint64_t)a, c, 1), 0);
    assert_int_equal(c[0], 'a' + 4096 % 26);
    /* Past the end of the file: zeros. */
    assert_int_equal(mem_read(&m->mem, (uint64_t)a + 5000 - 4096, c, 2), 0);
    assert_int_equal(c[0], 0);
    assert_false(mem_range_ok(&m->mem, (uint64_t)a, 1, MEM_W));
    /* A private writable copy does not change the file. */
    int64_t w = sc(m, NR_mmap, 0, 4096, PROT_R | PROT_W, MAP_PRIVATE_, (uint64_t)fd, 0);
    assert_int_equal(mem_write(&m->mem, (uint64_t)w, "Z", 1), 0);
    fp = fopen(path, "r");
    assert_int_equal(fgetc(fp), 'a');
    fclose(fp);
    /* Writable shared mapping of a read-only fd, write-only fds: EACCES. */
    assert_int_equal(sc(m, NR_mmap, 0, 4096, PROT_R | PROT_W, MAP_SHARED_, (uint64_t)fd, 0), -EACCES);
    int64_t wfd = SC3(m, NR_openat, AT_FDCWD_G, SCRATCH, O_WRONLY);
    assert_int_equal(sc(m, NR_mmap, 0, 4096, PROT_R, MAP_PRIVATE_, (uint64_t)wfd, 0), -EACCES);
}

static void test_mmap_shared_file(void **state)
{
    struct fixture *f = *state;
    struct machine *m = &f->m;
    char path[128];
    snprintf(path, sizeof path, "%s/shared", f->tmpdir);
    FILE *fp = fopen(path, "w");
    for (int i = 0; i < 8192; i++)
        fputc('a' + i % 26, fp);
    fclose(fp);
    put_str(m, SCRATCH, path);
    int64_t fd = SC3(m, NR_openat, AT_FDCWD_G, SCRATCH, O_RDWR);
    int64_t a = sc(m, NR_mmap, 0, 8192, PROT_R | PROT_W, MAP_SHARED_, (uint64_t)fd, 0);
    assert_true(a > 0);
    /* Guest stores reach the file before the guest can read it back... */
    assert_int_equal(mem_write(&m->mem, (uint64_t)a + 4100, "SHARED", 6), 0);
    assert_int_equal(sc(m, NR_pread64, (uint64_t)fd, SCRATCH + 100, 6, 4100, 0, 0), 6);
    char buf[8] = { 0 };
    assert_int_equal(mem_read(&m->mem, SCRATCH + 100, buf, 6), 0);
    assert_string_equal(buf, "SHARED");
    /* ...and writes to the file show up in the mapping. */
    put_str(m, SCRATCH + 200, "xyz");
    assert_int_equal(sc(m, NR_pwrite64, (uint64_t)fd, SCRATCH + 200, 3, 10, 0, 0), 3);
    assert_int_equal(mem_read(&m->mem, (uint64_t)a + 10, buf, 3), 0);
    assert_memory_equal(buf, "xyz", 3);
    /* Closing the fd keeps the mapping shared; munmap writes the last changes back. */
    assert_int_equal(SC1(m, NR_close, (uint64_t)fd), 0);
    assert_int_equal(mem_write(&m->mem, (uint64_t)a, "END", 3), 0);
    assert_int_equal(SC2(m, NR_munmap, (uint64_t)a, 8192), 0);
    assert_int_equal(m->proc->nshared, 0);
    fp = fopen(path, "r");
    assert_int_equal(fread(buf, 1, 3, fp), 3);
    fseek(fp, 4100, SEEK_SET);
    assert_int_equal(fread(buf + 3, 1, 4, fp), 4);
    fclose(fp);
    assert_memory_equal(buf, "ENDSHAR", 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_brk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mmap_anonymous, setup, teardown),
        cmocka_unit_test_setup_teardown(test_munmap_mprotect, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mremap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_madvise_dontneed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mmap_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mmap_shared_file, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
