/* NS16550A UART through the bus: registers, divisor latch, line status, interrupt
 * identification and the THR-empty / received-data interrupts, the bounded RX FIFO, loopback. */
#include "test_dev_util.h"

#include <stdlib.h>

#include "devices/uart16550.h"

enum { BASE = 0x10000000, THR = BASE, IER = BASE + 1, IIR = BASE + 2, FCR = BASE + 2, LCR = BASE + 3,
       MCR = BASE + 4, LSR = BASE + 5, MSR = BASE + 6, SCR = BASE + 7 };

struct rig {
    struct fake_machine m;
    struct uart16550 u;
    bool line;
    char out[64];
    size_t nout;
};

static void sink(void *ctx, uint8_t b)
{
    struct rig *r = ctx;
    if (r->nout < sizeof r->out)
        r->out[r->nout++] = (char)b;
}

static void line(void *ctx, unsigned src, bool level)
{
    assert_int_equal(src, 10);
    ((struct rig *)ctx)->line = level;
}

static struct rig *rig_new(void)
{
    struct rig *r = calloc(1, sizeof *r);
    fake_init(&r->m);
    uart_init(&r->u, (struct irq_line){ line, r, 10 }, sink, r);
    fake_add(&r->m, uart_region(&r->u, "uart0", BASE));
    return r;
}

static void test_tx_and_line_status(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    assert_int_equal(rd(&r->m, LSR, 1), 0x60);        /* THR empty, transmitter empty, no data */
    wr(&r->m, THR, 1, 'h');
    wr(&r->m, THR, 1, 'i');
    assert_int_equal(r->nout, 2);
    assert_memory_equal(r->out, "hi", 2);
    wr(&r->m, SCR, 1, 0x5a);
    assert_int_equal(rd(&r->m, SCR, 1), 0x5a);
    assert_int_equal(rd(&r->m, MSR, 1), 0xb0);
    assert_false(r->line);                             /* no interrupt enabled */
    free(r);
}

static void test_divisor_latch(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    wr(&r->m, IER, 1, 0x01);
    wr(&r->m, LCR, 1, 0x83);                           /* DLAB, 8N1 */
    wr(&r->m, THR, 1, 0x01);                           /* DLL, not a transmitted byte */
    wr(&r->m, IER, 1, 0x00);                           /* DLM, not IER */
    assert_int_equal(rd(&r->m, THR, 1), 0x01);
    assert_int_equal(rd(&r->m, IER, 1), 0x00);
    assert_int_equal(r->nout, 0);
    wr(&r->m, LCR, 1, 0x03);
    assert_int_equal(rd(&r->m, IER, 1), 0x01);         /* IER was kept */
    assert_int_equal(rd(&r->m, LCR, 1), 0x03);
    free(r);
}

static void test_rx_fifo_and_interrupt(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    wr(&r->m, FCR, 1, 0x01);
    assert_int_equal(rd(&r->m, IIR, 1), 0xc1);         /* FIFOs on, nothing pending */
    assert_true(uart_rx_push(&r->u, 'a'));
    assert_false(r->line);                             /* received-data interrupt not enabled */
    assert_int_equal(rd(&r->m, LSR, 1) & 1, 1);
    wr(&r->m, IER, 1, 0x01);
    assert_true(r->line);
    assert_int_equal(rd(&r->m, IIR, 1), 0xc4);
    assert_int_equal(rd(&r->m, THR, 1), 'a');
    assert_false(r->line);
    assert_int_equal(rd(&r->m, LSR, 1) & 1, 0);
    for (int i = 0; i < UART_RX_FIFO; i++)
        assert_true(uart_rx_push(&r->u, (uint8_t)('A' + i)));
    assert_false(uart_rx_push(&r->u, '!'));            /* bounded: the 17th byte is refused */
    assert_int_equal(uart_rx_room(&r->u), 0);
    for (int i = 0; i < UART_RX_FIFO; i++)
        assert_int_equal(rd(&r->m, THR, 1), 'A' + i);
    assert_int_equal(rd(&r->m, THR, 1), 0);            /* empty FIFO reads 0 */
    assert_true(uart_rx_push(&r->u, 'x'));
    wr(&r->m, FCR, 1, 0x03);                           /* clears the RX FIFO */
    assert_int_equal(rd(&r->m, LSR, 1) & 1, 0);
    assert_false(r->line);
    free(r);
}

static void test_thr_empty_interrupt(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    wr(&r->m, IER, 1, 0x02);                           /* enabling it with THR empty raises it */
    assert_true(r->line);
    assert_int_equal(rd(&r->m, IIR, 1), 0x02);         /* reading IIR acknowledges it */
    assert_false(r->line);
    assert_int_equal(rd(&r->m, IIR, 1), 0x01);
    wr(&r->m, THR, 1, 'z');                            /* sent at once: empty again */
    assert_true(r->line);
    assert_true(uart_rx_push(&r->u, 'q'));
    wr(&r->m, IER, 1, 0x03);
    assert_int_equal(rd(&r->m, IIR, 1), 0x04);         /* received data has priority */
    rd(&r->m, THR, 1);
    assert_int_equal(rd(&r->m, IIR, 1), 0x02);
    wr(&r->m, IER, 1, 0x00);
    assert_false(r->line);
    free(r);
}

static void test_loopback(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    wr(&r->m, MCR, 1, 0x10 | 0x0a);                    /* loop, RTS, OUT2 */
    assert_int_equal(rd(&r->m, MSR, 1), 0x90);         /* CTS and DCD */
    wr(&r->m, THR, 1, 'L');
    assert_int_equal(r->nout, 0);
    assert_int_equal(rd(&r->m, THR, 1), 'L');
    free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tx_and_line_status), cmocka_unit_test(test_divisor_latch),
        cmocka_unit_test(test_rx_fifo_and_interrupt), cmocka_unit_test(test_thr_empty_interrupt),
        cmocka_unit_test(test_loopback),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
