/* An interrupt line from a device to an interrupt controller (the PLIC): the device drives a
 * level, the controller decides which hart sees it.  Harts' own lines (mip bits) are driven
 * through struct mmio_host's set_irq instead. */
#ifndef SNAPSIM_DEVICES_IRQ_LINE_H
#define SNAPSIM_DEVICES_IRQ_LINE_H

#include <stdbool.h>

struct irq_line {
    void (*set)(void *ctx, unsigned source, bool level);   /* NULL: the line is not connected */
    void *ctx;
    unsigned source;                                        /* the controller's source number */
};

static inline void irq_line_drive(const struct irq_line *l, bool level)
{
    if (l->set)
        l->set(l->ctx, l->source, level);
}

#endif
