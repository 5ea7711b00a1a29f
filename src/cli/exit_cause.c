#include "cli/exit_cause.h"

static const struct {
    const char *name, *help;
} causes[EXIT_CAUSE_COUNT] = {
    [EXIT_CAUSE_EXIT] = {"exit", "the guest exited; status: the guest's exit status"},
    [EXIT_CAUSE_SIGNAL] = {"signal", "the guest was killed by a signal; status: 128 + the signal number"},
    [EXIT_CAUSE_CHECKPOINT] = {"checkpoint", "the guest asked for a checkpoint and --on-checkpoint is exit; status 0"},
    [EXIT_CAUSE_MAX_INSTRUCTIONS] = {"max-instructions", "--max-instructions was reached; status 0"},
    [EXIT_CAUSE_MAX_CYCLES] = {"max-cycles", "--max-cycles (pipeline:max_cycles) was reached; status 0"},
    [EXIT_CAUSE_WORK_END] = {"work-end", "the guest's Nth work_end with --work-end-exit N; status 0"},
    [EXIT_CAUSE_FAIL] = {"fail", "the guest reported a failure (op fail); status: its code (1 if 0)"},
    [EXIT_CAUSE_WATCHDOG] = {"watchdog", "nothing retired for watchdog:result_cycles cycles; status 1"},
    [EXIT_CAUSE_INTERRUPTED] = {"interrupted", "SIGINT or SIGTERM; status 128 + the signal number"},
    [EXIT_CAUSE_DIFFTEST] = {"difftest", "--difftest found a mismatch between the model and its reference; status 4"},
    [EXIT_CAUSE_ERROR] = {"error", "the simulator could not go on; status 1 (3 if an output could not be written)"},
};

const char *exit_cause_name(enum exit_cause c)
{
    return c < EXIT_CAUSE_COUNT ? causes[c].name : "?";
}

const char *exit_cause_help(enum exit_cause c)
{
    return c < EXIT_CAUSE_COUNT ? causes[c].help : "?";
}

enum exit_cause exit_cause_of_halt(enum halt_reason h)
{
    switch (h) {
    case HALT_EXIT:
        return EXIT_CAUSE_EXIT;
    case HALT_SIGNAL:
        return EXIT_CAUSE_SIGNAL;
    case HALT_STOPPED:
        return EXIT_CAUSE_MAX_CYCLES;
    case HALT_WATCHDOG:
        return EXIT_CAUSE_WATCHDOG;
    case HALT_INTERRUPTED:
        return EXIT_CAUSE_INTERRUPTED;
    case HALT_MISMATCH:
        return EXIT_CAUSE_DIFFTEST;
    default:
        return EXIT_CAUSE_ERROR;
    }
}
