/* Paged memory images: round trip, lazy and eager reads, corruption, truncation, hostile
 * index values, incremental chains. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_snap_util.h"
#include "snapshot/page_chain.h"
#include "snapshot/page_image.h"

#include <sys/stat.h>
#include <xxhash.h>

#define PS PAGES_PAGE_SIZE

static void fill_page(uint8_t *p, uint64_t pn, unsigned seed)
{
    for (unsigned i = 0; i < PS; i++)
        p[i] = (uint8_t)((pn * 31 + i / 7 + seed) & 0xff);
}

/* Pages 0..n-1; every third is zero. */
static void write_image(const char *path, unsigned n, unsigned seed, bool record_zero)
{
    uint8_t page[PS];
    char err[256];
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    struct snap_pages_writer *w;
    struct snap_pages_opts opts = {.level = 1, .record_zero_pages = record_zero};
    assert_int_equal(snap_pages_writer_open(&w, fd, &opts, err, sizeof err), 0);
    for (unsigned pn = 0; pn < n; pn++) {
        if (pn % 3 == 2)
            memset(page, 0, PS);
        else
            fill_page(page, pn, seed);
        assert_int_equal(snap_pages_writer_add(w, pn * 2, page, err, sizeof err), 0);
    }
    struct snap_pages_stats st;
    assert_int_equal(snap_pages_writer_finish(w, &st, err, sizeof err), 0);
    snap_pages_writer_free(w);
    close(fd);
    assert_int_equal(st.zero_pages, n / 3);
}

static uint64_t file_size(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return (uint64_t)st.st_size;
}

static void patch(const char *path, uint64_t off, const void *bytes, size_t n)
{
    int fd = open(path, O_WRONLY);
    assert_int_equal(pwrite(fd, bytes, n, (off_t)off), (ssize_t)n);
    close(fd);
}

static void test_round_trip(void **state)
{
    (void)state;
    char *dir = make_temp_dir(), *path = path_join(dir, "mem0.pages"), err[256];
    write_image(path, 30, 0, false);
    struct snap_pages *p;
    assert_int_equal(snap_pages_open(path, &p, err, sizeof err), 0);
    assert_int_equal(snap_pages_count(p), 20);   /* zero pages omitted */
    uint8_t page[PS], expect[PS];
    for (unsigned pn = 0; pn < 30; pn++) {
        long i = snap_pages_find(p, pn * 2);
        if (pn % 3 == 2) {
            assert_int_equal(i, -1);
            continue;
        }
        assert_true(i >= 0);
        assert_int_equal(snap_pages_read(p, (size_t)i, page, err, sizeof err), 0);
        fill_page(expect, pn, 0);
        assert_memory_equal(page, expect, PS);
    }
    assert_int_equal(snap_pages_find(p, 1), -1);
    snap_pages_close(p);
    rm_tree(dir);
    free(path);
    free(dir);
}

static int count_pages(void *ctx, uint64_t pn, const void *page)
{
    uint8_t expect[PS];
    fill_page(expect, pn / 2, 0);
    if (memcmp(page, expect, PS) != 0)
        return 1;
    (*(unsigned *)ctx)++;
    return 0;
}

static void test_eager(void **state)
{
    (void)state;
    char *dir = make_temp_dir(), *path = path_join(dir, "mem0.pages"), err[256];
    write_image(path, 900, 0, false);   /* several eager read windows */
    struct snap_pages *p;
    assert_int_equal(snap_pages_open(path, &p, err, sizeof err), 0);
    unsigned n = 0;
    assert_int_equal(snap_pages_for_each(p, count_pages, &n, err, sizeof err), 0);
    assert_int_equal(n, 600);
    snap_pages_close(p);
    rm_tree(dir);
    free(path);
    free(dir);
}

static void test_corrupt_frame(void **state)
{
    (void)state;
    char *dir = make_temp_dir(), *path = path_join(dir, "mem0.pages"), err[256];
    write_image(path, 6, 0, false);
    struct snap_pages *p;
    assert_int_equal(snap_pages_open(path, &p, err, sizeof err), 0);
    const struct snap_page_entry *e = snap_pages_entry(p, 1);
    uint64_t off = e->offset + e->length - 3;   /* inside the compressed data of page 2 */
    snap_pages_close(p);
    uint8_t b;
    int fd = open(path, O_RDWR);
    assert_int_equal(pread(fd, &b, 1, (off_t)off), 1);
    b ^= 0x5a;
    assert_int_equal(pwrite(fd, &b, 1, (off_t)off), 1);
    close(fd);
    assert_int_equal(snap_pages_open(path, &p, err, sizeof err), 0);   /* the index is intact */
    uint8_t page[PS];
    assert_int_equal(snap_pages_read(p, 0, page, err, sizeof err), 0);
    assert_int_equal(snap_pages_read(p, 1, page, err, sizeof err), -1);
    assert_true(strstr(err, "page 0x2: checksum mismatch") || strstr(err, "page 0x2: corrupt zstd frame"));
    snap_pages_close(p);
    rm_tree(dir);
    free(path);
    free(dir);
}

static void test_truncated(void **state)
{
    (void)state;
    char *dir = make_temp_dir(), *path = path_join(dir, "mem0.pages"), err[256];
    write_image(path, 6, 0, false);
    uint64_t size = file_size(path);
    uint64_t cuts[] = {size - 1, size - 64, size / 2, 10, 0};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        assert_int_equal(truncate(path, (off_t)cuts[i]), 0);
        struct snap_pages *p;
        assert_int_equal(snap_pages_open(path, &p, err, sizeof err), -1);
        assert_null(p);
    }
    rm_tree(dir);
    free(path);
    free(dir);
}

/* Rewrites an index entry field and fixes the index checksum and footer checksum, as a hostile
 * writer would, so that only the semantic checks can catch it. */
static void forge_entry(const char *path, size_t entry, size_t field_off, uint64_t value, int width)
{
    uint64_t size = file_size(path);
    uint8_t f[PAGES_FOOTER_SIZE];
    int fd = open(path, O_RDWR);
    assert_int_equal(pread(fd, f, sizeof f, (off_t)(size - PAGES_FOOTER_SIZE)), (ssize_t)sizeof f);
    uint64_t count = get_le64(f), index_off = get_le64(f + 8);
    uint8_t *ix = malloc(count * PAGES_ENTRY_SIZE);
    assert_int_equal(pread(fd, ix, count * PAGES_ENTRY_SIZE, (off_t)index_off), (ssize_t)(count * PAGES_ENTRY_SIZE));
    if (width == 8)
        put_le64(ix + entry * PAGES_ENTRY_SIZE + field_off, value);
    else
        put_le32(ix + entry * PAGES_ENTRY_SIZE + field_off, (uint32_t)value);
    put_le64(f + 16, XXH3_64bits(ix, count * PAGES_ENTRY_SIZE));
    put_le64(f + 48, XXH3_64bits(f, 48));
    assert_int_equal(pwrite(fd, ix, count * PAGES_ENTRY_SIZE, (off_t)index_off), (ssize_t)(count * PAGES_ENTRY_SIZE));
    assert_int_equal(pwrite(fd, f, sizeof f, (off_t)(size - PAGES_FOOTER_SIZE)), (ssize_t)sizeof f);
    close(fd);
    free(ix);
}

static void test_hostile_index(void **state)
{
    (void)state;
    char *dir = make_temp_dir(), *path = path_join(dir, "mem0.pages"), err[256];
    struct snap_pages *p;
    struct { size_t field; uint64_t value; int width; const char *msg; } cases[] = {
        {8, 1ull << 40, 8, "frame outside the data area"},        /* offset beyond the file */
        {8, 0, 8, "frame outside the data area"},                 /* offset in the header */
        {16, 0xffffffff, 4, "frame outside the data area"},       /* huge length */
        {0, 0, 8, "not strictly increasing"},                     /* duplicate page number */
        {20, 4, 4, "frame outside the data area"},                /* unknown flag */
        {20, PAGES_FLAG_ZERO, 4, "malformed zero-page entry"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_image(path, 6, 0, false);
        forge_entry(path, 1, cases[i].field, cases[i].value, cases[i].width);
        err[0] = 0;
        assert_int_equal(snap_pages_open(path, &p, err, sizeof err), -1);
        if (!strstr(err, cases[i].msg))
            fail_msg("case %zu: '%s'", i, err);
    }
    /* A page count claiming far more entries than the file holds. */
    write_image(path, 6, 0, false);
    uint64_t size = file_size(path);
    uint8_t f[PAGES_FOOTER_SIZE];
    int fd = open(path, O_RDWR);
    assert_int_equal(pread(fd, f, sizeof f, (off_t)(size - 64)), 64);
    close(fd);
    put_le64(f, 1ull << 40);
    put_le64(f + 48, XXH3_64bits(f, 48));
    patch(path, size - 64, f, sizeof f);
    assert_int_equal(snap_pages_open(path, &p, err, sizeof err), -1);
    assert_non_null(strstr(err, "inconsistent with the file size"));
    /* Footer checksum catches a plain flipped byte. */
    write_image(path, 6, 0, false);
    patch(path, file_size(path) - 60, "\x77", 1);
    assert_int_equal(snap_pages_open(path, &p, err, sizeof err), -1);
    assert_non_null(strstr(err, "footer checksum"));
    /* Index checksum. */
    write_image(path, 6, 0, false);
    patch(path, file_size(path) - 64 - 3, "\x77", 1);
    assert_int_equal(snap_pages_open(path, &p, err, sizeof err), -1);
    assert_non_null(strstr(err, "checksum mismatch"));
    rm_tree(dir);
    free(path);
    free(dir);
}

static void test_chain(void **state)
{
    (void)state;
    char *root = make_temp_dir(), err[256];
    char *base = path_join(root, "a.snapshot"), *top = path_join(root, "b.snapshot");
    mkdir(base, 0755);
    mkdir(top, 0755);
    char *base_img = path_join(base, "mem0.pages"), *top_img = path_join(top, "mem0.pages");
    write_image(base_img, 12, 0, false);   /* pages 0,2,4,...,22 (every third zero, omitted) */
    /* The newer image holds pages 0 and 2 changed, and page 4 now zero (recorded). */
    uint8_t page[PS];
    int fd = open(top_img, O_WRONLY | O_CREAT, 0644);
    struct snap_pages_writer *w;
    struct snap_pages_opts opts = {.record_zero_pages = true};
    assert_int_equal(snap_pages_writer_open(&w, fd, &opts, err, sizeof err), 0);
    fill_page(page, 0, 99);
    assert_int_equal(snap_pages_writer_add(w, 0, page, err, sizeof err), 0);
    fill_page(page, 1, 99);
    assert_int_equal(snap_pages_writer_add(w, 2, page, err, sizeof err), 0);
    memset(page, 0, PS);
    assert_int_equal(snap_pages_writer_add(w, 6, page, err, sizeof err), 0);
    assert_int_equal(snap_pages_writer_add(w, 5, page, err, sizeof err), -1);   /* out of order */
    assert_int_equal(snap_pages_writer_finish(w, NULL, err, sizeof err), 0);
    snap_pages_writer_free(w);
    close(fd);

    struct snap_paths paths;
    assert_int_equal(snap_paths_init(&paths, top, err, sizeof err), 0);
    struct attr_value cp = attr_list(0), files = attr_list(0);
    attr_list_append(&cp, attr_string("a.snapshot"));
    attr_list_append(&files, attr_string("%0%/mem0.pages"));
    attr_list_append(&files, attr_string("%1%/mem0.pages"));
    assert_int_equal(snap_paths_set_ancestors(&paths, &cp, err, sizeof err), 0);
    struct snap_page_chain chain;
    assert_int_equal(snap_page_chain_open(&chain, &paths, &files, err, sizeof err), 0);
    uint8_t expect[PS];
    bool found;
    assert_int_equal(snap_page_chain_read(&chain, 2, page, &found, err, sizeof err), 0);
    fill_page(expect, 1, 99);
    assert_true(found);
    assert_memory_equal(page, expect, PS);
    assert_int_equal(snap_page_chain_read(&chain, 6, page, &found, err, sizeof err), 0);
    assert_true(found);
    memset(expect, 0, PS);
    assert_memory_equal(page, expect, PS);   /* zero in the newer image shadows the base */
    assert_int_equal(snap_page_chain_read(&chain, 8, page, &found, err, sizeof err), 0);
    fill_page(expect, 4, 0);
    assert_memory_equal(page, expect, PS);   /* from the base */
    assert_int_equal(snap_page_chain_read(&chain, 3, page, &found, err, sizeof err), 0);
    assert_false(found);
    snap_page_chain_close(&chain);

    /* A missing ancestor file is named, with the ancestor that should hold it. */
    unlink(base_img);
    assert_int_equal(snap_page_chain_open(&chain, &paths, &files, err, sizeof err), -1);
    assert_non_null(strstr(err, "%1%/mem0.pages (in a.snapshot): missing"));
    attr_free(&cp);
    attr_free(&files);
    snap_paths_free(&paths);
    rm_tree(root);
    free(base_img), free(top_img), free(base), free(top), free(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip), cmocka_unit_test(test_eager),
        cmocka_unit_test(test_corrupt_frame), cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_hostile_index), cmocka_unit_test(test_chain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
