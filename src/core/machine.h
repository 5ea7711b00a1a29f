/* The machine: everything a snapshot holds — hart, guest memory, emulated Linux process — and
 * the run state models report into.  Every model executes on this one type, which is what makes
 * "capture with the fast model, restore into any model" exact. */
#ifndef SNAPSIM_CORE_MACHINE_H
#define SNAPSIM_CORE_MACHINE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/config.h"
#include "core/hart.h"
#include "core/memory.h"
#include "isa/insn.h"

struct linux_process;
struct event_bus;

enum halt_reason {
    HALT_NONE = 0,   /* still running */
    HALT_EXIT,       /* the guest called exit/exit_group */
    HALT_SIGNAL,     /* the guest was killed by a signal (illegal instruction, bad access) */
    HALT_LIMIT,      /* a run limit or a snapshot point was reached; the run can continue */
    HALT_STOPPED,    /* a model-level limit ended the run (e.g. --max-cycles); exit_status says how */
    HALT_ERROR,      /* the simulator could not go on (watchdog, internal error) */
};

struct machine {
    struct hart hart;
    struct guest_mem mem;
    struct linux_process *proc;
    const struct config *config;

    enum halt_reason halt;
    int exit_status;             /* valid for HALT_EXIT / HALT_SIGNAL / HALT_ERROR */

    uint64_t op_count[OP_COUNT]; /* retired instructions per operation (statistics) */

    struct event_bus *events;    /* debugging sinks models report to (debug/events.h); NULL = none */
    bool quiet;                  /* a reference machine: guest deaths are not reported */
};

/* Configuration keys of the machine itself (mainmem:, stats:, linux:). */
extern const struct config_key machine_config_keys[];
extern const size_t machine_config_nkeys;

int machine_init(struct machine *m, const struct config *cfg);
void machine_destroy(struct machine *m);

/* Kills the guest as the kernel would: sets HALT_SIGNAL and exit status 128 + sig, and reports
 * one line "guest killed by SIGSEGV at pc 0x...: <cause>" through the log. */
void machine_kill(struct machine *m, int sig, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Ends the run because the guest exited with `status` (low 8 bits kept, as the kernel does). */
void machine_exit(struct machine *m, int status);

/* Executes a CSR instruction's read-modify-write; false if the CSR does not exist or is
 * read-only and written (the caller raises an illegal instruction). */
bool machine_csr_access(struct machine *m, unsigned csr, unsigned op, uint64_t operand,
                        bool do_write, uint64_t *old);

/* The system call hook: runs the call in a7 and writes a0 (implemented by the Linux layer). */
void linux_syscall(struct machine *m);

#endif
