/* Architectural state of one RISC-V hart at user level: what every model executes on and what a
 * snapshot saves.  Model-private state (caches, predictors, latches) never lives here. */
#ifndef SNAPSIM_CORE_HART_H
#define SNAPSIM_CORE_HART_H

#include <stdbool.h>
#include <stdint.h>

struct hart {
    /* x[0] always reads 0.  x[32] is a write sink: the fast model retargets writes to x0 there
     * so its handlers need no branch; it is not architectural state. */
    uint64_t x[33];
    uint64_t f[32];          /* raw bits; single-precision values are NaN-boxed */
    uint64_t pc;
    uint64_t instret;        /* retired instructions since the program started */
    uint32_t fflags;         /* accrued exception flags: NV DZ OF UF NX (bits 4..0) */
    uint32_t frm;            /* dynamic rounding mode */
    uint64_t reservation;    /* LR/SC reserved address, valid when reservation_valid */
    bool reservation_valid;
};

enum { FFLAG_NX = 1, FFLAG_UF = 2, FFLAG_OF = 4, FFLAG_DZ = 8, FFLAG_NV = 16 };

/* User-level CSR numbers snapsim implements. */
enum {
    CSR_FFLAGS = 0x001, CSR_FRM = 0x002, CSR_FCSR = 0x003,
    CSR_CYCLE = 0xc00, CSR_TIME = 0xc01, CSR_INSTRET = 0xc02,
};

#endif
