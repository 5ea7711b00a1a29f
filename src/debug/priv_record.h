/* Commit events on a system machine (--machine bare, virt), made the same way by every model
 * from the shared privileged execution (priv/exec.h): the operands an instruction reads are noted
 * before priv_execute runs it, and the event is filled from the hart afterwards.  The fast model
 * and the pipelines' system commit stage both call these, so their commit logs agree line for
 * line wherever their timing does not decide (an interrupt's point, a read of cycle or time).
 *
 * Memory accesses are reported at their VIRTUAL address (what the instruction computed, as
 * Spike's commit log shows them); a load's value is what it wrote to its register (for a device
 * load, the device's answer), so nothing is read twice. */
#ifndef SNAPSIM_DEBUG_PRIV_RECORD_H
#define SNAPSIM_DEBUG_PRIV_RECORD_H

#include <stdint.h>

#include "core/machine.h"
#include "debug/events.h"
#include "isa/insn.h"

struct priv_record {
    uint64_t pc;
    uint8_t mode;            /* the privilege level it runs in */
    uint64_t base, data;     /* rs1 (the address base) and the store or AMO operand, before */
};

/* Notes what `in`, about to run at the hart's pc, reads. */
void priv_record_begin(struct priv_record *r, const struct machine *m, const struct insn *in);
/* The event of `in` retired: call after priv_execute and before x0 is cleared (a load or AMO
 * into x0 leaves its value there).  `next_pc` is where the hart goes on. */
void priv_record_retired(const struct priv_record *r, const struct machine *m, const struct insn *in,
                         uint64_t next_pc, struct commit_event *ev);
/* The event of a trap taken at the hart's pc, before priv_trap enters it: an exception of `in`
 * (NULL: its fetch failed) or an interrupt (cause has CAUSE_INTERRUPT; in is NULL). */
void priv_record_trap(const struct machine *m, const struct insn *in, uint64_t cause, uint64_t tval,
                      struct commit_event *ev);

#endif
