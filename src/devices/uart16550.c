#include "devices/uart16550.h"

#include <string.h>

enum {
    REG_RBR_THR = 0, REG_IER = 1, REG_IIR_FCR = 2, REG_LCR = 3, REG_MCR = 4, REG_LSR = 5,
    REG_MSR = 6, REG_SCR = 7,
    IER_RDI = 0x01, IER_THRI = 0x02,
    IIR_NONE = 0x01, IIR_THRI = 0x02, IIR_RDI = 0x04, IIR_FIFO_ON = 0xc0,
    FCR_ENABLE = 0x01, FCR_CLEAR_RX = 0x02,
    LCR_DLAB = 0x80,
    MCR_LOOP = 0x10,
    LSR_DR = 0x01, LSR_THRE = 0x20, LSR_TEMT = 0x40,
};

void uart_init(struct uart16550 *u, struct irq_line irq, void (*tx)(void *, uint8_t), void *tx_ctx)
{
    memset(u, 0, sizeof *u);
    u->irq = irq;
    u->tx = tx;
    u->tx_ctx = tx_ctx;
}

uint8_t uart_iir(const struct uart16550 *u)
{
    uint8_t fifo = (u->fcr & FCR_ENABLE) ? IIR_FIFO_ON : 0;
    if ((u->ier & IER_RDI) && u->rx_count)
        return fifo | IIR_RDI;
    if ((u->ier & IER_THRI) && u->thri_pending)
        return fifo | IIR_THRI;
    return fifo | IIR_NONE;
}

void uart_update_irq(struct uart16550 *u) { irq_line_drive(&u->irq, !(uart_iir(u) & IIR_NONE)); }

bool uart_rx_push(struct uart16550 *u, uint8_t byte)
{
    if (u->rx_count == UART_RX_FIFO)
        return false;
    u->rx[(u->rx_head + u->rx_count++) % UART_RX_FIFO] = byte;
    uart_update_irq(u);
    return true;
}

unsigned uart_rx_room(const struct uart16550 *u) { return UART_RX_FIFO - u->rx_count; }

/* In loopback mode the modem outputs read back as the inputs: DTR->DSR, RTS->CTS, OUT1->RI,
 * OUT2->DCD (drivers probe for a 16550 this way); otherwise a terminal is always attached. */
static uint8_t msr(const struct uart16550 *u)
{
    if (!(u->mcr & MCR_LOOP))
        return 0xb0;                                    /* DCD, DSR, CTS */
    uint8_t m = u->mcr;
    return (uint8_t)((m & 0x01) << 5 | (m & 0x02) << 3 | (m & 0x04) << 4 | (m & 0x08) << 4);
}

static bool uart_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    struct uart16550 *u = dev;
    (void)size;
    uint8_t v = 0;
    switch (off) {
    case REG_RBR_THR:
        if (u->lcr & LCR_DLAB) {
            v = u->dll;
        } else if (u->rx_count) {
            v = u->rx[u->rx_head];
            u->rx_head = (u->rx_head + 1) % UART_RX_FIFO;
            u->rx_count--;
        }
        break;
    case REG_IER: v = (u->lcr & LCR_DLAB) ? u->dlm : u->ier; break;
    case REG_IIR_FCR:
        v = uart_iir(u);
        if ((v & 0x0f) == IIR_THRI)                     /* reading it acknowledges THR empty */
            u->thri_pending = false;
        break;
    case REG_LCR: v = u->lcr; break;
    case REG_MCR: v = u->mcr; break;
    case REG_LSR: v = (u->rx_count ? LSR_DR : 0) | LSR_THRE | LSR_TEMT; break;
    case REG_MSR: v = msr(u); break;
    case REG_SCR: v = u->scr; break;
    default: break;                                     /* the rest of the page reads as 0 */
    }
    *val = v;
    uart_update_irq(u);
    return true;
}

static bool uart_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    struct uart16550 *u = dev;
    (void)size;
    uint8_t v = (uint8_t)val;
    switch (off) {
    case REG_RBR_THR:
        if (u->lcr & LCR_DLAB) {
            u->dll = v;
            break;
        }
        if (u->mcr & MCR_LOOP)
            uart_rx_push(u, v);
        else if (u->tx)
            u->tx(u->tx_ctx, v);
        u->thri_pending = true;                         /* sent at once: THR is empty again */
        break;
    case REG_IER:
        if (u->lcr & LCR_DLAB) {
            u->dlm = v;
            break;
        }
        if ((v & IER_THRI) && !(u->ier & IER_THRI))     /* enabling it with THR empty raises it */
            u->thri_pending = true;
        u->ier = v & 0x0f;
        break;
    case REG_IIR_FCR:
        if (v & FCR_CLEAR_RX)
            u->rx_head = u->rx_count = 0;
        u->fcr = v & 0xc9;                              /* enable, DMA mode, trigger level */
        break;
    case REG_LCR: u->lcr = v; break;
    case REG_MCR: u->mcr = v & 0x1f; break;
    case REG_SCR: u->scr = v; break;
    default: break;                                     /* LSR, MSR and the rest ignore writes */
    }
    uart_update_irq(u);
    return true;
}

struct mmio_region uart_region(struct uart16550 *u, const char *name, uint64_t base)
{
    return (struct mmio_region){ name, base, UART_MMIO_SIZE, u, uart_read, uart_write };
}
