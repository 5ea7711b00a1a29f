/* NS16550A UART, as on QEMU's virt machine (registers one byte apart, reg-shift 0).
 *
 * Transmission is instantaneous: a byte written to THR goes straight to the host sink, so THR
 * and the shift register are always empty (LSR THRE and TEMT set).  Reception is fed by the
 * host through a bounded FIFO (uart_rx_push); the guest sees LSR DR and, when enabled, the
 * received-data interrupt.  The interrupt output is a level on an irq_line (the PLIC). */
#ifndef SNAPSIM_DEVICES_UART16550_H
#define SNAPSIM_DEVICES_UART16550_H

#include <stdbool.h>
#include <stdint.h>

#include "devices/irq_line.h"
#include "platform/mmio.h"

enum { UART_RX_FIFO = 16, UART_MMIO_SIZE = 0x100, UART_IER_RDI = 0x01 };

struct uart16550 {
    /* guest-visible registers */
    uint8_t ier, lcr, mcr, scr, dll, dlm, fcr;
    bool thri_pending;                 /* THR-empty interrupt raised and not yet acknowledged */
    uint8_t rx[UART_RX_FIFO];          /* ring: rx_count bytes from rx_head */
    unsigned rx_head, rx_count;
    /* connections (not state) */
    struct irq_line irq;
    void (*tx)(void *ctx, uint8_t byte);   /* the host sink; NULL drops output */
    void *tx_ctx;
};

void uart_init(struct uart16550 *u, struct irq_line irq, void (*tx)(void *, uint8_t), void *tx_ctx);
/* The bus region of the UART at base. */
struct mmio_region uart_region(struct uart16550 *u, const char *name, uint64_t base);
/* Host side: queues a received byte; false (byte dropped) when the FIFO is full. */
bool uart_rx_push(struct uart16550 *u, uint8_t byte);
unsigned uart_rx_room(const struct uart16550 *u);
/* The interrupt identification the guest would read (without its read side effect). */
uint8_t uart_iir(const struct uart16550 *u);
/* Drives the irq line from the registers (after a restore). */
void uart_update_irq(struct uart16550 *u);

#endif
