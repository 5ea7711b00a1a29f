/* The machine: everything a snapshot holds — hart, guest memory, emulated Linux process — and
 * the run state models report into.  Every model executes on this one type, which is what makes
 * "capture with the fast model, restore into any model" exact. */
#ifndef SNAPSIM_CORE_MACHINE_H
#define SNAPSIM_CORE_MACHINE_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/config.h"
#include "core/hart.h"
#include "core/memory.h"
#include "isa/insn.h"

struct linux_process;
struct event_bus;
struct system;

enum halt_reason {
    HALT_NONE = 0,   /* still running */
    HALT_EXIT,       /* the guest called exit/exit_group */
    HALT_SIGNAL,     /* the guest was killed by a signal (illegal instruction, bad access) */
    HALT_LIMIT,      /* a run limit or a snapshot point was reached; the run can continue */
    HALT_STOPPED,    /* a model-level limit ended the run (e.g. --max-cycles); exit_status says how */
    HALT_ERROR,      /* the simulator could not go on (internal error, guest deadlock) */
    HALT_WATCHDOG,   /* the pipeline's watchdog: nothing retired for watchdog:result_cycles */
    HALT_MISMATCH,   /* DiffTest: the detailed model disagreed with its reference (exit status 4) */
    HALT_INTERRUPTED,/* SIGINT/SIGTERM (machine_stop_requested) ended the model's run */
    HALT_EVENT,      /* the guest asked the simulator for something (a guest op, see `event`);
                        the run can continue after the instruction that asked */
};

/* Halts that mean something went wrong in the simulation itself, not in the guest: what LightSSS
 * replays. */
static inline bool halt_is_failure(enum halt_reason h)
{
    return h == HALT_ERROR || h == HALT_WATCHDOG || h == HALT_MISMATCH;
}

/* A guest op the run loop carries out (core/guest_ops.c raises it with HALT_EVENT). */
struct machine_event {
    unsigned op;                 /* SNAPSIM_OP_* (guest/include/snapsim/ops.h) */
    uint64_t arg;
};

struct guest_ops_env;

struct machine {
    struct hart hart;
    struct guest_mem mem;
    struct linux_process *proc;  /* a user-mode (Linux) machine's process; NULL in system mode */
    struct system *sys;          /* a system-mode machine's RAM and devices (priv/system.h); NULL in user mode */
    const struct config *config;

    enum halt_reason halt;
    int exit_status;             /* valid for HALT_EXIT / HALT_SIGNAL / HALT_ERROR */
    struct machine_event event;  /* valid for HALT_EVENT */
    const struct guest_ops_env *ops_env;  /* the run's inputs and outputs for guest ops */

    uint64_t op_count[OP_COUNT]; /* retired instructions per operation (statistics) */

    /* Cycles as the guest sees them (the cycle and time CSRs, its clocks; machine_cycles).  A
     * cycle-level model sets counts_cycles and keeps `cycles` current wherever the guest can
     * look (CSR reads, system calls); other models retire one instruction per cycle.  A restored
     * machine continues the snapshot's count: cycle_offset is what that count was beyond instret
     * (modulo 2^64), so the guest's cycle CSR and clocks never run backwards across a restore. */
    bool counts_cycles;
    uint64_t cycles;
    uint64_t cycle_offset;
    uint64_t core_hz;            /* linux:core_frequency_hz: cycles per second of guest time */
    struct event_bus *events;    /* debugging sinks models report to (debug/events.h); NULL = none */
    bool quiet;                  /* a reference machine: guest deaths are not reported */
};

static inline uint64_t machine_cycles(const struct machine *m)
{
    return m->counts_cycles ? m->cycles : m->hart.instret + m->cycle_offset;
}

/* Nanoseconds of guest time that `cycles` cycles take at the core frequency. */
uint64_t machine_cycles_to_ns(const struct machine *m, uint64_t cycles);
/* Set (to the signal number) by the simulator's SIGINT/SIGTERM handler; models that can poll it
 * end their run with HALT_INTERRUPTED when it is non-zero (see also model.poll_slice). */
extern volatile sig_atomic_t machine_stop_requested;

/* Configuration keys of the machine itself (mainmem:, stats:, linux:). */
extern const struct config_key machine_config_keys[];
extern const size_t machine_config_nkeys;

int machine_init(struct machine *m, const struct config *cfg);
/* A system-mode machine instead: physical RAM (system:ram_size bytes at 0x8000_0000) and a bus,
 * no Linux process; the hart is privileged (src/priv). */
int machine_init_system(struct machine *m, const struct config *cfg);

/* The guest's timebase (10 MHz) from the model's cycles: the time CSR and the machine's clock. */
uint64_t machine_time(const struct machine *m);
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

/* The system call hook: runs the call in a7 and writes a0 (implemented by the Linux layer).
 * On return hart.pc is where the program continues: after the ecall, or a signal handler, or
 * (rt_sigreturn) the interrupted pc.  HALT_LIMIT asks the model to return to linux_run_model. */
void linux_syscall(struct machine *m);

/* A guest fault (SIGSEGV, SIGBUS, SIGILL, SIGTRAP; addr is the faulting address or the pc) with
 * hart.pc at the faulting instruction.  True if the Linux layer took it: a guest handler now
 * runs (hart.pc and registers changed; the model continues there) or, for faults the model
 * cannot name (a SIGBUS past the end of a mapped file), the guest was killed (m->halt says
 * which).  False: the model kills the guest with its own report. */
bool linux_signal_fault(struct machine *m, int sig, uint64_t addr);

/* Runs a model's step function up to stop_at, stopping at the exact instruction counts where
 * guest timers expire to deliver their signals, and resuming after system calls that asked the
 * model to return (HALT_LIMIT short of stop_at).  Every model's run goes through this. */
struct model_instance;
/* Guest threads share the one hart (linux/tasks.c); linux_run_model switches them.  Whether a
 * switch is due at this instruction boundary, the instret at which the running thread's turn
 * ends (UINT64_MAX with one thread), and the switch itself. */
bool linux_task_switch_due(const struct machine *m);
uint64_t linux_task_slice_stop(const struct machine *m);
void linux_task_switch(struct machine *m);
void linux_run_model(struct model_instance *self, struct machine *m, uint64_t stop_at,
                     void (*step)(struct model_instance *, struct machine *, uint64_t));

#endif
