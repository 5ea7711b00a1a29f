/* CLINT through the bus: msip per hart, mtimecmp per hart (8-byte and 4-byte halves), mtime
 * from the machine clock and writable, MTIP/MSIP levels, the next deadline. */
#include "test_dev_util.h"

#include <stdlib.h>

#include "devices/clint.h"

enum { BASE = 0x2000000 };
#define MTIP (1ull << 7)
#define MSIP (1ull << 3)

static struct fake_machine *m;
static struct clint c;

static int setup(void **state)
{
    (void)state;
    m = calloc(1, sizeof *m);
    fake_init(m);
    assert_true(clint_init(&c, 2, &m->host));
    fake_add(m, clint_region(&c, "clint", BASE));
    return 0;
}
static int teardown(void **state) { (void)state; free(m); return 0; }

static void test_msip(void **state)
{
    (void)state;
    wr(m, BASE + 4, 4, 1);
    assert_int_equal(m->mip[1], MSIP);
    assert_int_equal(m->mip[0], 0);
    assert_int_equal(rd(m, BASE + 4, 4), 1);
    wr(m, BASE + 4, 4, 2);                              /* only bit 0 exists */
    assert_int_equal(m->mip[1], 0);
    assert_int_equal(rd(m, BASE + 8, 4), 0);            /* hart 2 does not exist: reads 0 */
}

static void test_mtime_and_timer(void **state)
{
    (void)state;
    m->now = 1000;
    assert_int_equal(rd(m, BASE + CLINT_MTIME, 8), 1000);
    assert_int_equal(rd(m, BASE + CLINT_MTIMECMP, 8), UINT64_MAX);
    wr(m, BASE + CLINT_MTIMECMP, 8, 1500);
    assert_int_equal(m->mip[0], 0);
    assert_int_equal(clint_next_deadline(&c), 1500);
    m->now = 1499;
    clint_tick(&c);
    assert_int_equal(m->mip[0], 0);
    m->now = 1500;
    clint_tick(&c);
    assert_int_equal(m->mip[0], MTIP);
    assert_int_equal(m->mip[1], 0);
    wr(m, BASE + CLINT_MTIMECMP, 8, 2000);              /* moving the compare lowers MTIP */
    assert_int_equal(m->mip[0], 0);
    /* 4-byte halves */
    wr(m, BASE + CLINT_MTIMECMP + 8 + 4, 4, 0);
    wr(m, BASE + CLINT_MTIMECMP + 8, 4, 100);
    assert_int_equal(rd(m, BASE + CLINT_MTIMECMP + 8, 8), 100);
    assert_int_equal(m->mip[1], MTIP);                  /* hart 1's compare is in the past */
    assert_int_equal(rd(m, BASE + CLINT_MTIME + 4, 4), 0);
    assert_int_equal(rd(m, BASE + CLINT_MTIME, 4), 1500);
}

static void test_mtime_write(void **state)
{
    (void)state;
    m->now = 50;
    wr(m, BASE + CLINT_MTIMECMP, 8, 10000);
    wr(m, BASE + CLINT_MTIME, 8, 20000);                /* time jumps forward: MTIP */
    assert_int_equal(m->mip[0], MTIP);
    m->now = 60;
    assert_int_equal(rd(m, BASE + CLINT_MTIME, 8), 20010);
    wr(m, BASE + CLINT_MTIME, 8, 0);
    assert_int_equal(m->mip[0], 0);
    assert_int_equal(clint_next_deadline(&c), 10060);    /* in clock units */
    assert_false(clint_init(&c, 0, &m->host));
    assert_false(clint_init(&c, CLINT_MAX_HARTS + 1, &m->host));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_msip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mtime_and_timer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mtime_write, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
