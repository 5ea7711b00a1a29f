/* Commit events for a functional model that has no commit stage of its own: the state an
 * instruction reads is noted before it runs one step, and the event is made from what changed.
 * The fast model uses this for its commit log, DiffTest for its reference machine. */
#ifndef SNAPSIM_DEBUG_STEP_RECORD_H
#define SNAPSIM_DEBUG_STEP_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include "debug/events.h"
#include "isa/insn.h"

struct machine;

struct step_record {
    uint64_t pc;
    struct insn in;
    bool fetched;            /* the encoding could be read at pc */
    uint64_t rs1, rs2;       /* operand values before the step */
    uint64_t mem_before;     /* atomics: the old memory value */
    bool reserved;           /* SC: the reservation matches, so it will store */
};

/* Notes what the instruction at the hart's pc will read. */
void step_record_begin(struct step_record *r, const struct machine *m);
/* Fills ev from the machine after one instruction ran (or faulted: m->halt == HALT_SIGNAL). */
void step_record_end(const struct step_record *r, const struct machine *m, struct commit_event *ev);

/* The value of a CSR as an instruction sees it after a write (fflags, frm, fcsr). */
uint64_t step_csr_value(const struct machine *m, unsigned csr);
/* All-ones in the low `size` bytes. */
static inline uint64_t step_size_mask(unsigned size)
{
    return size >= 8 ? ~0ull : (1ull << (8 * size)) - 1;
}

#endif
