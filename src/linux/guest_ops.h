/* Guest operations (guest/include/snapsim/ops.h): the simulator's side, a platform service of
 * the Linux layer so that every model carries them out identically — the system call path runs
 * them, in the pipeline models when the ecall commits.  readfile and writefile are done here;
 * the ops the run loop must act on (checkpoint, statistics, work regions, fail) end the model's
 * run with HALT_EVENT and m->event saying which. */
#ifndef SNAPSIM_LINUX_GUEST_OPS_H
#define SNAPSIM_LINUX_GUEST_OPS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/machine.h"

/* What the run gives the guest ops (not part of any snapshot: a restored run brings its own). */
struct guest_ops_env {
    const char *readfile;     /* --readfile FILE; NULL: readfile returns -ENOENT */
    const char *output_dir;   /* --log DIR; NULL: writefile returns -EPERM */
};

/* Is system call number nr a guest op? */
bool guest_op_number(uint64_t nr);
/* Carries out guest op nr with the argument registers; returns the a0 value. */
int64_t guest_op(struct machine *m, uint64_t nr, const uint64_t a[6]);
/* The op's name for logs ("checkpoint", "work_end"...). */
const char *guest_op_name(unsigned op);

#endif
