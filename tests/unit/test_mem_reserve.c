/* Guest memory reservation: the host range starts on a huge-page boundary, so a guest mapping
 * at a 2 MiB-aligned guest address can be backed by host huge pages (a fork then copies one
 * page-table entry per 2 MiB), and the range is usable at both ends.  Host pages outside the
 * guest's mappings are inaccessible (translated loads rely on it), until the host's map count
 * limit makes that impossible. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/memory.h"

#define HUGE (2ull << 20)

static void test_host_range_is_huge_page_aligned(void **state)
{
    (void)state;
    for (int i = 0; i < 4; i++) {     /* several reservations: not aligned by luck */
        struct guest_mem m;
        assert_int_equal(mem_init(&m, 1ull << 30), 0);
        assert_int_equal((uintptr_t)m.host % HUGE, 0);
        mem_destroy(&m);
    }
}

static void test_both_ends_usable(void **state)
{
    (void)state;
    struct guest_mem m;
    assert_int_equal(mem_init(&m, 1ull << 30), 0);
    uint64_t low = 0x10000, high = GUEST_VA_LIMIT - HUGE;
    assert_int_equal(mem_map(&m, low, HUGE, MEM_R | MEM_W, "low"), 0);
    assert_int_equal(mem_map(&m, high, HUGE, MEM_R | MEM_W, "high"), 0);
    uint64_t v = 0x1122334455667788u, got = 0;
    assert_int_equal(mem_write(&m, low, &v, sizeof v), 0);
    assert_int_equal(mem_write(&m, GUEST_VA_LIMIT - sizeof v, &v, sizeof v), 0);
    assert_int_equal(mem_read(&m, GUEST_VA_LIMIT - sizeof v, &got, sizeof got), 0);
    assert_int_equal(got, v);
    got = 0;
    assert_int_equal(mem_read(&m, low, &got, sizeof got), 0);
    assert_int_equal(got, v);
    mem_destroy(&m);
}

/* Can the host read this byte?  A write into a pipe copies it, or fails with EFAULT. */
static bool host_readable(const uint8_t *p)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    ssize_t n = write(fd[1], p, 1);
    int err = errno;
    close(fd[0]);
    close(fd[1]);
    assert_true(n == 1 || err == EFAULT);
    return n == 1;
}

static void test_unmapped_pages_inaccessible_on_host(void **state)
{
    (void)state;
    struct guest_mem m;
    assert_int_equal(mem_init(&m, 1ull << 30), 0);
    uint64_t a = 0x10000, top = GUEST_VA_LIMIT - GUEST_PAGE_SIZE;
    assert_false(host_readable(m.host + a));
    assert_int_equal(mem_map(&m, a, 2 * GUEST_PAGE_SIZE, MEM_R | MEM_W, "anon"), 0);
    assert_true(host_readable(m.host + a + GUEST_PAGE_SIZE));
    assert_int_equal(mem_unmap(&m, a + GUEST_PAGE_SIZE, GUEST_PAGE_SIZE), 0);
    assert_true(host_readable(m.host + a));
    assert_false(host_readable(m.host + a + GUEST_PAGE_SIZE));
    /* Moved pages leave their old place inaccessible. */
    assert_int_equal(mem_move(&m, a, GUEST_PAGE_SIZE, a + 8 * GUEST_PAGE_SIZE), 0);
    assert_false(host_readable(m.host + a));
    assert_true(host_readable(m.host + a + 8 * GUEST_PAGE_SIZE));
    /* The page past the last guest page never opens. */
    assert_int_equal(mem_map(&m, top, GUEST_PAGE_SIZE, MEM_R, "top"), 0);
    assert_true(host_readable(m.host + top));
    assert_false(host_readable(m.host + GUEST_VA_LIMIT));
    assert_true(mem_loads_fault_on_host(&m));
    /* A mapped page without read permission stays accessible to the simulator: from then on
     * the host cannot stand in for the permission check. */
    uint64_t epoch = m.code_epoch;
    assert_int_equal(mem_protect(&m, top, GUEST_PAGE_SIZE, 0), 0);
    assert_true(host_readable(m.host + top));
    assert_false(mem_loads_fault_on_host(&m));
    assert_true(m.code_epoch != epoch);
    mem_destroy(&m);
}

/* More separate mappings than the host allows separate protections: every mapping still works
 * and the guard is given up. */
static void test_map_count_limit_gives_up_guard(void **state)
{
    (void)state;
    unsigned long limit = 0;
    FILE *f = fopen("/proc/sys/vm/max_map_count", "r");
    if (!f || fscanf(f, "%lu", &limit) != 1 || limit > MEM_MAX_REGIONS) {
        if (f)
            fclose(f);
        skip();   /* a host that allows more than the guest may have */
    }
    fclose(f);
    struct guest_mem m;
    uint64_t n = limit / 2 + 64, base = 0x100000;
    assert_int_equal(mem_init(&m, 2 * n * GUEST_PAGE_SIZE), 0);
    for (uint64_t i = 0; i < n; i++)
        assert_int_equal(mem_map(&m, base + 2 * i * GUEST_PAGE_SIZE, GUEST_PAGE_SIZE, MEM_R | MEM_W, "anon"), 0);
    assert_false(m.host_guarded);
    assert_false(mem_loads_fault_on_host(&m));
    uint64_t v = 42, got = 0;
    uint64_t last = base + 2 * (n - 1) * GUEST_PAGE_SIZE;
    assert_int_equal(mem_write(&m, last, &v, sizeof v), 0);
    assert_int_equal(mem_read(&m, last, &got, sizeof got), 0);
    assert_int_equal(got, v);
    mem_destroy(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host_range_is_huge_page_aligned),
        cmocka_unit_test(test_both_ends_usable),
        cmocka_unit_test(test_unmapped_pages_inaccessible_on_host),
        cmocka_unit_test(test_map_count_limit_gives_up_guard),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
