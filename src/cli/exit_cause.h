/* Why a run ended: exactly one cause per run, printed in the log and written to the statistics
 * (`exit_cause`).  The table in exit_cause.c is the one place a cause is named and described
 * (README "Exit causes and statuses" follows it). */
#ifndef SNAPSIM_CLI_EXIT_CAUSE_H
#define SNAPSIM_CLI_EXIT_CAUSE_H

#include "core/machine.h"

enum exit_cause {
    EXIT_CAUSE_EXIT,             /* the guest exited (exit/exit_group, or the guest op exit) */
    EXIT_CAUSE_SIGNAL,           /* the guest was killed by a signal */
    EXIT_CAUSE_CHECKPOINT,       /* a guest checkpoint with --on-checkpoint exit */
    EXIT_CAUSE_MAX_INSTRUCTIONS, /* --max-instructions reached */
    EXIT_CAUSE_MAX_CYCLES,       /* --max-cycles / pipeline:max_cycles reached */
    EXIT_CAUSE_WORK_END,         /* the Nth guest work_end (--work-end-exit N) */
    EXIT_CAUSE_FAIL,             /* the guest op fail(code) */
    EXIT_CAUSE_WATCHDOG,         /* the pipeline's watchdog: nothing retired for too long */
    EXIT_CAUSE_INTERRUPTED,      /* SIGINT or SIGTERM */
    EXIT_CAUSE_DIFFTEST,         /* DiffTest found the detailed model disagreeing with the reference */
    EXIT_CAUSE_ERROR,            /* the simulator could not go on (out of memory, an output
                                    could not be written, a deadlocked guest) */
    EXIT_CAUSE_COUNT
};

/* The cause's name as written in the log and the statistics ("max-instructions"). */
const char *exit_cause_name(enum exit_cause c);
/* One line saying what the cause means and which status the run exits with. */
const char *exit_cause_help(enum exit_cause c);
/* The cause of a run the model ended by itself (exit, signal, max-cycles, watchdog, error). */
enum exit_cause exit_cause_of_halt(enum halt_reason h);

#endif
