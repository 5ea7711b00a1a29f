/* A value change dump (IEEE 1364 VCD, read by GTKWave) of the pipeline, from cycle events:
 * per stage valid, pc, instruction, stall and flush; fetch pc; branch prediction and resolution;
 * I- and D-cache misses; commit count and pc; the cycle counter.  One time unit per cycle. */
#ifndef SNAPSIM_DEBUG_VCD_H
#define SNAPSIM_DEBUG_VCD_H

#include <stdbool.h>
#include <stddef.h>

#include "debug/events.h"
#include "debug/window.h"

struct vcd;

/* Creates path; NULL with a message in err.  Only cycles (or instructions) inside w are dumped. */
struct vcd *vcd_open(const char *path, const struct debug_window *w, char *err, size_t errlen);
/* Closes the file; false (after a log message) if writing it failed. */
bool vcd_close(struct vcd *v);
struct event_sink vcd_sink(struct vcd *v);
/* From now on nothing reaches the file: it belongs to the parent of a fork. */
void vcd_detach(struct vcd *v);

#endif
