/* A commit log in the style of Spike's --log-commits, one line per retired instruction:
 *
 *   core   0: 0 0x0000000000010078 (0x00000513) x10 0x0000000000000000
 *   core   0: 0 0x000000000001007c (0x00a13423) mem 0x0000003fffffef48 0x0000000000000000
 *   core   0: 0 0x0000000000010080 (0x00813503) x10 0x0000000000000000 mem 0x0000003fffffef48
 *   core   0: exception signal 11, epc 0x0000000000010084
 *
 * The "0" after the core is the privilege level the instruction ran in (0 user, 1 supervisor,
 * 3 machine; a Linux program's are all 0).  A system call's (or a snapsim op's) line shows its
 * result as the write of a0; a CSR write appears as "c0x001 VALUE", the CSR's value after it.
 * On a system machine a trap is logged as Spike logs one, instead of the instruction's line:
 *
 *   core   0: exception trap_illegal_instruction, epc 0x0000000080000104
 *   core   0:           tval 0x0000000030200073
 *   core   0: exception interrupt #7, epc 0x0000000080000200
 *
 * (the tval line only when tval is not 0).  Memory addresses are virtual, as in Spike.  Two logs of one program (model and
 * reference, or two runs) differ first where the executions do, so plain `diff` finds it. */
#ifndef SNAPSIM_DEBUG_COMMIT_LOG_H
#define SNAPSIM_DEBUG_COMMIT_LOG_H

#include <stdbool.h>
#include <stddef.h>

#include "debug/events.h"
#include "debug/window.h"

struct commit_log;

/* Creates path; NULL with a message in err if it cannot be written. */
struct commit_log *commit_log_open(const char *path, const struct debug_window *w, char *err,
                                   size_t errlen);
/* Closes the file; false (after a log message) if writing it failed. */
bool commit_log_close(struct commit_log *l);
struct event_sink commit_log_sink(struct commit_log *l);
/* From now on nothing reaches the file: it belongs to the parent of a fork. */
void commit_log_detach(struct commit_log *l);

#endif
