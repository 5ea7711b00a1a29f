/* The fast model's entry points beyond the model interface. */
#ifndef SNAPSIM_FAST_FAST_H
#define SNAPSIM_FAST_FAST_H

#include "core/machine.h"

struct model_instance;

/* Runs exactly one instruction (or the fault it raises) on an instance of the fast model, for a
 * reference machine stepped in lock-step with another model.  Per-operation statistics are left
 * in the block cache (m->op_count is not updated), which keeps a step cheap. */
void fast_step(struct model_instance *self, struct machine *m);

#endif
