/* A pipeline trace in the Kanata log format, version 0004 (read by the Konata viewer), written
 * by a sink of the instruction events (debug/events.h):
 *
 *   Kanata\t0004            header
 *   C=\t<cycle>             the absolute cycle of the first event
 *   C\t<delta>              time advances by delta cycles
 *   I\t<id>\t<insn>\t<tid>  an instruction appears (id: unique in the file, from 0)
 *   L\t<id>\t0\t<text>      its label in the left pane
 *   S / E\t<id>\t0\t<stage> a stage starts / ends on lane 0
 *   R\t<id>\t<rid>\t<type>  it leaves: type 0 = retired (rid counts retirements), 1 = flushed
 *
 * Events are written in time order; the writer inserts the C lines.  A trace started part-way
 * through a run leaves the instructions already in flight out, so every traced one is seen from
 * fetch on; with a window, the instructions fetched inside it (by cycle, or while the retired
 * count is inside it) are traced, each to the end of its life. */
#ifndef SNAPSIM_DEBUG_KANATA_H
#define SNAPSIM_DEBUG_KANATA_H

#include <stdbool.h>
#include <stddef.h>

#include "debug/events.h"
#include "debug/window.h"

struct kanata;

/* Creates path; NULL with a message in err.  w may be NULL: the whole run. */
struct kanata *kanata_open(const char *path, const struct debug_window *w, char *err, size_t errlen);
/* Flushes and closes (NULL: nothing); false (after a log message) if writing it failed. */
bool kanata_close(struct kanata *k);
struct event_sink kanata_sink(struct kanata *k);
/* From now on nothing reaches the file: it belongs to the parent of a fork. */
void kanata_detach(struct kanata *k);

#endif
