/* PLIC through the bus: priorities, pending, per-context enables and thresholds, claim and
 * complete of level-triggered sources, MEIP/SEIP of each hart's two contexts. */
#include "test_dev_util.h"

#include <stdlib.h>

#include "devices/plic.h"

enum { BASE = 0xc000000 };
#define MEIP (1ull << 11)
#define SEIP (1ull << 9)

static struct fake_machine *m;
static struct plic p;

static int setup(void **state)
{
    (void)state;
    m = calloc(1, sizeof *m);
    fake_init(m);
    assert_true(plic_init(&p, 2, &m->host));
    fake_add(m, plic_region(&p, "plic", BASE));
    return 0;
}
static int teardown(void **state) { (void)state; free(m); return 0; }

static uint64_t enable(unsigned ctx) { return BASE + PLIC_ENABLE + PLIC_ENABLE_STRIDE * ctx; }
static uint64_t threshold(unsigned ctx) { return BASE + PLIC_CONTEXT + PLIC_CONTEXT_STRIDE * ctx; }
static uint64_t claim(unsigned ctx) { return threshold(ctx) + 4; }

static void test_priority_enable_claim(void **state)
{
    (void)state;
    wr(m, BASE + 4 * 10, 4, 0xff);                      /* priorities are 3 bits */
    assert_int_equal(rd(m, BASE + 4 * 10, 4), 7);
    wr(m, BASE + 4 * 10, 4, 1);
    wr(m, BASE + 4 * 1, 4, 3);
    plic_set_source(&p, 10, true);
    assert_int_equal(rd(m, BASE + PLIC_PENDING, 4), 1u << 10);
    assert_int_equal(m->mip[0], 0);                     /* not enabled anywhere */
    wr(m, enable(1), 4, 1u << 10 | 1u << 1);            /* hart 0, S mode */
    assert_int_equal(m->mip[0], SEIP);
    plic_set_source(&p, 1, true);
    assert_int_equal(rd(m, claim(1), 4), 1);            /* higher priority first */
    assert_int_equal(rd(m, claim(1), 4), 10);
    assert_int_equal(rd(m, claim(1), 4), 0);            /* nothing left */
    assert_int_equal(m->mip[0], 0);
    assert_int_equal(rd(m, BASE + PLIC_PENDING, 4), 0);
    plic_set_source(&p, 10, false);
    wr(m, claim(1), 4, 10);                             /* line low: stays idle */
    assert_int_equal(m->mip[0], 0);
    wr(m, claim(1), 4, 1);                              /* line still high: pending again */
    assert_int_equal(m->mip[0], SEIP);
    assert_int_equal(rd(m, BASE + PLIC_PENDING, 4), 1u << 1);
}

static void test_threshold_and_contexts(void **state)
{
    (void)state;
    wr(m, BASE + 4 * 5, 4, 2);
    wr(m, enable(2), 4, 1u << 5);                       /* hart 1, M mode */
    wr(m, threshold(2), 4, 2);
    plic_set_source(&p, 5, true);
    assert_int_equal(m->mip[1], 0);                     /* priority not above threshold */
    wr(m, threshold(2), 4, 1);
    assert_int_equal(m->mip[1], MEIP);
    assert_int_equal(m->mip[0], 0);
    assert_int_equal(rd(m, threshold(2), 4), 1);
    wr(m, BASE + 4 * 5, 4, 0);                          /* priority 0 never interrupts */
    assert_int_equal(m->mip[1], 0);
    wr(m, enable(0), 4, 1);                             /* source 0 cannot be enabled */
    assert_int_equal(rd(m, enable(0), 4), 0);
    wr(m, enable(0) + 12, 4, 0xffffffff);               /* word 3 holds source 96 only */
    assert_int_equal(rd(m, enable(0) + 12, 4), 1);
    wr(m, enable(0) + 12, 4, 0);
    uint64_t v;
    assert_false(mmio_bus_read(&m->bus, BASE + 4 * 5, 1, &v));   /* 32-bit registers only */
    assert_false(mmio_bus_write(&m->bus, BASE + 2, 4, 0));
    assert_int_equal(rd(m, claim(4), 4), 0);            /* context 4 (hart 2) does not exist */
    plic_set_source(&p, PLIC_NSOURCES, true);           /* out of range: ignored */
    plic_set_source(&p, 0, true);
    assert_int_equal(rd(m, BASE + PLIC_PENDING, 4), 1u << 5);
    assert_false(plic_init(&p, PLIC_MAX_HARTS + 1, &m->host));
}

static void test_complete_needs_enable(void **state)
{
    (void)state;
    wr(m, BASE + 4 * 40, 4, 1);
    wr(m, enable(0) + 4, 4, 1u << 8);                   /* source 40 = word 1, bit 8 */
    plic_set_source(&p, 40, true);
    assert_int_equal(m->mip[0], MEIP);
    assert_int_equal(rd(m, claim(0), 4), 40);
    wr(m, claim(1), 4, 40);                             /* another context's completion: ignored */
    assert_int_equal(m->mip[0], 0);
    wr(m, claim(0), 4, 40);
    assert_int_equal(m->mip[0], MEIP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_priority_enable_claim, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threshold_and_contexts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_complete_needs_enable, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
