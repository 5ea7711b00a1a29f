/* Guest ops of a Linux process (core/guest_ops.h has the ops themselves). */
#ifndef SNAPSIM_LINUX_GUEST_OPS_H
#define SNAPSIM_LINUX_GUEST_OPS_H

#include <stdint.h>

#include "core/machine.h"

/* Carries out guest op nr (a system call number for which guest_op_number holds) for the
 * process's current thread; returns the a0 value. */
int64_t linux_guest_op(struct machine *m, uint64_t nr, const uint64_t a[6]);

#endif
