/* Snapshot state of the UART, CLINT and PLIC: save -> restore into a fresh device -> the same
 * behaviour (register reads, interrupts, claims), and restores of out-of-range values refused
 * with a message naming the attribute.  (virtio-blk's are in test_dev_virtio_blk.c.) */
#include "test_dev_util.h"

#include "devices/clint.h"
#include "devices/plic.h"
#include "devices/uart16550.h"
#include "test_dev_snap.h"

struct uart_rig {
    struct fake_machine m;
    struct uart16550 u;
    bool line;
};

static void uart_line(void *ctx, unsigned src, bool level) { (void)src; ((struct uart_rig *)ctx)->line = level; }

static struct uart_rig *uart_rig(void)
{
    struct uart_rig *r = calloc(1, sizeof *r);
    fake_init(&r->m);
    uart_init(&r->u, (struct irq_line){ uart_line, r, 10 }, NULL, NULL);
    fake_add(&r->m, uart_region(&r->u, "uart0", 0x10000000));
    return r;
}

static void test_uart(void **state)
{
    (void)state;
    struct uart_rig *a = uart_rig(), *b = uart_rig();
    wr(&a->m, 0x10000003, 1, 0x83);
    wr(&a->m, 0x10000000, 1, 0x12);
    wr(&a->m, 0x10000001, 1, 0x34);
    wr(&a->m, 0x10000003, 1, 0x03);
    wr(&a->m, 0x10000002, 1, 0x01);
    wr(&a->m, 0x10000007, 1, 0x77);
    for (int i = 0; i < 14; i++)
        uart_rx_push(&a->u, (uint8_t)i);
    for (int i = 0; i < 10; i++)                        /* the ring's head moves off 0 */
        rd(&a->m, 0x10000000, 1);
    for (int i = 0; i < 8; i++)
        uart_rx_push(&a->u, (uint8_t)(100 + i));
    wr(&a->m, 0x10000001, 1, 0x03);
    struct snap_config cfg;
    char err[300];
    dev_save(&ckpt_uart_class, &a->u, &cfg);
    assert_int_equal(dev_restore(&ckpt_uart_class, &cfg, &b->u, err, sizeof err), 0);
    snap_config_free(&cfg);
    uart_update_irq(&b->u);
    assert_true(b->line);
    for (int i = 0; i < 16; i++)                        /* registers, then the whole FIFO */
        for (unsigned reg = 1; reg <= 7; reg++) {
            uint64_t off = 0x10000000 + (reg == 7 ? 0 : reg);
            assert_int_equal(rd(&a->m, off, 1), rd(&b->m, off, 1));
            assert_int_equal(a->line, b->line);
        }
    wr(&b->m, 0x10000003, 1, 0x83);
    assert_int_equal(rd(&b->m, 0x10000000, 1), 0x12);
    assert_int_equal(rd(&b->m, 0x10000001, 1), 0x34);

    struct attr_value long_fifo = attr_list(17);
    for (int i = 0; i < 17; i++)
        attr_list_append(&long_fifo, attr_uint(1));
    dev_refuses(&ckpt_uart_class, &a->u, &b->u, "rx", long_fifo, "FIFO");
    struct attr_value big = attr_list(1);
    attr_list_append(&big, attr_uint(256));
    dev_refuses(&ckpt_uart_class, &a->u, &b->u, "rx", big, "rx[0]");
    dev_refuses(&ckpt_uart_class, &a->u, &b->u, "ier", attr_uint(0x10), "ier");
    dev_refuses(&ckpt_uart_class, &a->u, &b->u, "fcr", attr_uint(0x02), "fcr");
    free(a);
    free(b);
}

static void test_clint(void **state)
{
    (void)state;
    struct fake_machine *ma = calloc(1, sizeof *ma), *mb = calloc(1, sizeof *mb);
    fake_init(ma);
    fake_init(mb);
    struct clint a, b, three;
    assert_true(clint_init(&a, 2, &ma->host));
    assert_true(clint_init(&b, 2, &mb->host));
    assert_true(clint_init(&three, 3, &mb->host));
    fake_add(ma, clint_region(&a, "clint", 0x2000000));
    fake_add(mb, clint_region(&b, "clint", 0x2000000));
    ma->now = mb->now = 5000;
    wr(ma, 0x2000004, 4, 1);
    wr(ma, 0x2000000 + CLINT_MTIMECMP, 8, 9000);
    wr(ma, 0x2000000 + CLINT_MTIMECMP + 8, 8, 100);
    wr(ma, 0x2000000 + CLINT_MTIME, 8, 7000);
    struct snap_config cfg;
    char err[300];
    dev_save(&ckpt_clint_class, &a, &cfg);
    assert_int_equal(dev_restore(&ckpt_clint_class, &cfg, &b, err, sizeof err), 0);
    snap_config_free(&cfg);
    clint_tick(&b);
    assert_int_equal(ma->mip[0], mb->mip[0]);
    assert_int_equal(ma->mip[1], mb->mip[1]);
    for (uint64_t t = 5000; t < 8000; t += 500) {
        ma->now = mb->now = t;
        clint_tick(&a);
        clint_tick(&b);
        assert_int_equal(ma->mip[0], mb->mip[0]);
        assert_int_equal(rd(ma, 0x2000000 + CLINT_MTIME, 8), rd(mb, 0x2000000 + CLINT_MTIME, 8));
        assert_int_equal(clint_next_deadline(&a), clint_next_deadline(&b));
    }
    assert_int_equal(ma->mip[0], 1u << 7);              /* the timer fired in both, at 7000 */

    struct attr_value msip = attr_list(2);
    attr_list_append(&msip, attr_uint(2));
    attr_list_append(&msip, attr_uint(0));
    dev_refuses(&ckpt_clint_class, &a, &b, "msip", msip, "msip[0]");
    struct attr_value one = attr_list(1);
    attr_list_append(&one, attr_uint(0));
    dev_refuses(&ckpt_clint_class, &a, &b, "mtimecmp", one, "mtimecmp");
    dev_refuses(&ckpt_clint_class, &a, &three, "nharts", attr_uint(2), "harts");
    free(ma);
    free(mb);
}

static void test_plic(void **state)
{
    (void)state;
    struct fake_machine *ma = calloc(1, sizeof *ma), *mb = calloc(1, sizeof *mb);
    fake_init(ma);
    fake_init(mb);
    struct plic a, b;
    assert_true(plic_init(&a, 1, &ma->host));
    assert_true(plic_init(&b, 1, &mb->host));
    fake_add(ma, plic_region(&a, "plic", 0xc000000));
    fake_add(mb, plic_region(&b, "plic", 0xc000000));
    const uint64_t claim_s = 0xc000000 + PLIC_CONTEXT + PLIC_CONTEXT_STRIDE + 4;
    for (unsigned s = 1; s < 8; s++)
        wr(ma, 0xc000000 + 4 * s, 4, s % 4);
    wr(ma, 0xc000000 + PLIC_ENABLE + PLIC_ENABLE_STRIDE, 4, 0xfe);
    wr(ma, 0xc000000 + PLIC_CONTEXT + PLIC_CONTEXT_STRIDE, 4, 0);
    for (unsigned s = 1; s < 8; s++)
        plic_set_source(&a, s, true);
    assert_int_equal(rd(ma, claim_s, 4), 3);            /* priority 3, in service */
    plic_set_source(&a, 2, false);
    struct snap_config cfg;
    char err[300];
    dev_save(&ckpt_plic_class, &a, &cfg);
    assert_int_equal(dev_restore(&ckpt_plic_class, &cfg, &b, err, sizeof err), 0);
    snap_config_free(&cfg);
    plic_update(&b);
    assert_int_equal(mb->mip[0], ma->mip[0]);
    for (int i = 0; i < 8; i++) {
        uint64_t sa = rd(ma, claim_s, 4), sb = rd(mb, claim_s, 4);
        assert_int_equal(sa, sb);
        assert_int_equal(ma->mip[0], mb->mip[0]);
        if (i == 2) {                                   /* complete 3: line high, pending again */
            wr(ma, claim_s, 4, 3);
            wr(mb, claim_s, 4, 3);
        }
    }
    assert_int_equal(rd(ma, 0xc000000 + PLIC_PENDING, 4), rd(mb, 0xc000000 + PLIC_PENDING, 4));

    struct attr_value prio = attr_list(PLIC_NSOURCES);
    for (int s = 0; s < PLIC_NSOURCES; s++)
        attr_list_append(&prio, attr_uint(s == 5 ? 8 : 0));
    dev_refuses(&ckpt_plic_class, &a, &b, "priority", prio, "priority[5]");
    struct attr_value pend = attr_list(PLIC_WORDS);
    for (int w = 0; w < PLIC_WORDS; w++)
        attr_list_append(&pend, attr_uint(w == 0 ? 1 : 0));
    dev_refuses(&ckpt_plic_class, &a, &b, "pending", pend, "no source");
    struct attr_value en = attr_list(1);                /* one context; the machine has two */
    uint64_t zeros[PLIC_WORDS] = { 0 };
    attr_list_append(&en, attr_list_of_uints(zeros, PLIC_WORDS));
    dev_refuses(&ckpt_plic_class, &a, &b, "enable", en, "contexts");
    free(ma);
    free(mb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uart), cmocka_unit_test(test_clint), cmocka_unit_test(test_plic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
