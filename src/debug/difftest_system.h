/* DiffTest's reference on a system machine (--machine bare, virt): a second system-mode machine on
 * the fast model with its own copy of RAM, stepped once per commit event of the detailed model
 * (fast_system_step).  What the model's timing decides is synchronised into the reference, as
 * XiangShan's difftest does:
 *
 *   - interrupts: the reference never takes one on its own; when the model takes one, the
 *     reference takes the same one at the same point;
 *   - mip (and sip), cycle, time and mcycle: the reference takes the value the model read, and
 *     after every step the model's mip (devices and the timer drive its bits);
 *   - device (MMIO) loads: the reference's bus has a mirror of each of the model's regions that
 *     answers the value the model's load got and ignores stores, so no device acts twice;
 *   - device writes into RAM (virtio's DMA): copied into the reference's RAM as they happen;
 *   - HTIF: the model carries the command out; the reference takes tohost and fromhost after it;
 *   - guest ops (an ecall from U-mode in the op range): they run in the model only, and the
 *     reference takes the model's state after them. */
#ifndef SNAPSIM_DEBUG_DIFFTEST_SYSTEM_H
#define SNAPSIM_DEBUG_DIFFTEST_SYSTEM_H

#include <stddef.h>

#include "core/machine.h"
#include "debug/events.h"

struct difftest_system;

/* Copies the system machine m (hart, RAM, the shape of its bus) and listens to its devices'
 * writes into RAM; NULL with a message in err. */
struct difftest_system *difftest_system_create(struct machine *m, char *err, size_t errlen);
void difftest_system_destroy(struct difftest_system *ds);
/* The reference machine (for its commit sink). */
struct machine *difftest_system_machine(struct difftest_system *ds);

/* Makes the reference do what the model did in `mine` (run the instruction at its pc, or take
 * the model's interrupt) and describes that in *ref. */
void difftest_system_step(struct difftest_system *ds, struct machine *m, const struct commit_event *mine,
                          struct commit_event *ref);
/* The reference takes the model's whole architectural state (hart and RAM). */
void difftest_system_adopt(struct difftest_system *ds, const struct machine *m);

#endif
