/* Guest operations (guest/include/snapsim/ops.h): the simulator's side, defined once for every
 * machine and model.  The machine's own layer recognises the op's ecall -- the Linux layer's
 * system call path in user mode (linux/guest_ops.c), the privileged layer for code running in
 * U-mode on a system machine (priv/guest_ops.c) -- and hands it here with a view of the
 * caller's memory.  readfile and writefile are done here; the ops the run loop must act on
 * (checkpoint, statistics, work regions, fail) end the model's run with HALT_EVENT and
 * m->event saying which. */
#ifndef SNAPSIM_CORE_GUEST_OPS_H
#define SNAPSIM_CORE_GUEST_OPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/machine.h"

/* What the run gives the guest ops (not part of any snapshot: a restored run brings its own). */
struct guest_ops_env {
    const char *readfile;     /* --readfile FILE; NULL: readfile returns -ENOENT */
    const char *output_dir;   /* --log DIR; NULL: writefile returns -EPERM */
};

/* The calling code's memory, as that code may access it: a Linux process's address space, or
 * virtual addresses translated by the hart's MMU with the caller's privilege. */
struct guest_view {
    struct machine *m;
    /* The host address of the guest bytes [va, va + n), which never cross a 4 KiB page, if the
     * caller may read them (or write them, with `write`); NULL otherwise. */
    uint8_t *(*bytes)(struct guest_view *v, uint64_t va, size_t n, bool write);
    /* Bytes [va, va + n) were just written through `bytes` (dirty-page tracking). */
    void (*wrote)(struct guest_view *v, uint64_t va, size_t n);
    /* The op `exit`: the calling program ends with this status. */
    int64_t (*exit)(struct guest_view *v, int64_t code);
};

/* Is ecall number nr (the a7 register) a guest op? */
bool guest_op_number(uint64_t nr);
/* Carries out guest op nr with the argument registers a0..a5; returns the a0 value. */
int64_t guest_op(struct guest_view *v, uint64_t nr, const uint64_t a[6]);
/* The op's name for logs ("checkpoint", "work_end"...). */
const char *guest_op_name(unsigned op);

#endif
