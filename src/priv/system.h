/* A system-mode machine's own parts beside the hart: its physical memory and, for the bare
 * machine, the HTIF host interface (tohost/fromhost) that conformance tests end through; for the
 * virt machine, its devices (platform/virt_machine.h). */
#ifndef SNAPSIM_PRIV_SYSTEM_H
#define SNAPSIM_PRIV_SYSTEM_H

#include <stddef.h>
#include <stdint.h>

#include "priv/sysmem.h"

struct machine;
struct virt_machine;

struct system {
    struct sysmem mem;
    uint64_t tohost_pa, fromhost_pa;   /* 0 when the program has no such symbol */
    struct virt_machine *virt;         /* the virt machine's devices; NULL on the bare machine */
    /* The instret at which the model calls virt_machine_tick (the next timer deadline or console
     * poll); UINT64_MAX when nothing is due. */
    uint64_t event_at;
    /* Told of every device write into RAM (virtio's DMA), after it; NULL: nobody listens.
     * DiffTest copies the bytes into its reference, which has no devices of its own. */
    void (*dma_written)(void *ctx, uint64_t pa, size_t n);
    void *dma_written_ctx;
};

/* Loads a RISC-V ELF executable into RAM at its physical addresses (the bare machine) and
 * points the hart at its entry in M-mode; finds tohost and fromhost.  0, or -1 with a one-line
 * reason in err. */
int bare_load(struct machine *m, const char *path, char *err, size_t errlen);

/* The guest stored to tohost: carries out the HTIF command it holds (exit, console output). */
void htif_tohost(struct machine *m);

#endif
