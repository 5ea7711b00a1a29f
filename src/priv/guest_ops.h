/* Guest ops from U-mode code on a system machine (core/guest_ops.h has the ops themselves). */
#ifndef SNAPSIM_PRIV_GUEST_OPS_H
#define SNAPSIM_PRIV_GUEST_OPS_H

#include <stdint.h>

#include "priv/access.h"

/* Carries out the op the hart's ecall asks for (a7 = op number, a0.. its arguments); returns
 * the a0 value.  Called only for an ecall from U-mode with guest_op_number(a7). */
int64_t priv_guest_op(struct priv_cpu *c);

#endif
