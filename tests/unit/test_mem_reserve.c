/* Guest memory reservation: the host range starts on a huge-page boundary, so a guest mapping
 * at a 2 MiB-aligned guest address can be backed by host huge pages (a fork then copies one
 * page-table entry per 2 MiB), and the range is usable at both ends. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host_range_is_huge_page_aligned),
        cmocka_unit_test(test_both_ends_usable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
