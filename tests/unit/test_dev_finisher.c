/* The SiFive test device: pass, fail with a status, reset; other values and offsets ignored. */
#include "test_dev_util.h"

#include <stdlib.h>

#include "devices/sifive_test.h"

struct stops {
    int n;
    enum sifive_test_stop how;
    unsigned status;
};

static void stop(void *ctx, enum sifive_test_stop how, unsigned status)
{
    struct stops *s = ctx;
    s->n++;
    s->how = how;
    s->status = status;
}

static void test_finisher(void **state)
{
    (void)state;
    struct fake_machine *m = calloc(1, sizeof *m);
    fake_init(m);
    struct stops s = { 0 };
    struct sifive_test t = { stop, &s };
    fake_add(m, sifive_test_region(&t, "test", 0x100000));
    assert_int_equal(rd(m, 0x100000, 4), 0);
    wr(m, 0x100000, 4, 0x1234);
    wr(m, 0x100004, 4, 0x5555);
    assert_int_equal(s.n, 0);
    wr(m, 0x100000, 4, 0x5555);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.how, SIFIVE_TEST_PASS);
    wr(m, 0x100000, 4, 3u << 16 | 0x3333);
    assert_int_equal(s.how, SIFIVE_TEST_FAIL);
    assert_int_equal(s.status, 3);
    wr(m, 0x100000, 4, 0x7777);
    assert_int_equal(s.how, SIFIVE_TEST_RESET);
    assert_int_equal(s.n, 3);
    wr(m, 0x100000, 1, 0x55);                 /* a byte holds no code */
    assert_int_equal(s.n, 3);
    wr(m, 0x100000, 2, 0x5555);               /* OpenSBI's writew */
    assert_int_equal(s.n, 4);
    assert_int_equal(s.how, SIFIVE_TEST_PASS);
    free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = { cmocka_unit_test(test_finisher) };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
