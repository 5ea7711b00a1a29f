/* A pipeline trace writer in the Kanata log format, version 0004 (read by the Konata viewer).
 *
 *   Kanata\t0004            header
 *   C=\t<cycle>             the absolute cycle of the first event
 *   C\t<delta>              time advances by delta cycles
 *   I\t<id>\t<insn>\t<tid>  an instruction appears (id: unique in the file, from 0)
 *   L\t<id>\t0\t<text>      its label in the left pane
 *   S / E\t<id>\t0\t<stage> a stage starts / ends on lane 0
 *   R\t<id>\t<rid>\t<type>  it leaves: type 0 = retired (rid counts retirements), 1 = flushed
 *
 * Events are written in time order; the writer inserts the C lines. */
#ifndef SNAPSIM_PIPELINE_KANATA_H
#define SNAPSIM_PIPELINE_KANATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct kanata {
    FILE *f;               /* NULL when tracing is off */
    uint64_t cycle;        /* time of the last event written */
    bool started;          /* the C= line has been written */
    uint64_t next_id;
    char *path;
};

/* Opens path for writing (an empty path leaves tracing off); false with a message on error. */
bool kanata_open(struct kanata *k, const char *path, char *err, size_t errlen);
/* Flushes and closes; reports a write error through the log. */
void kanata_close(struct kanata *k);
/* Closes without writing anything more to the file (it belongs to another process: a fork). */
void kanata_abandon(struct kanata *k);

static inline bool kanata_on(const struct kanata *k) { return k->f != NULL; }

/* Introduces an instruction (I and L lines); returns its trace id. */
uint64_t kanata_insn(struct kanata *k, uint64_t cycle, uint64_t insn_id, const char *label);
void kanata_stage(struct kanata *k, uint64_t cycle, uint64_t id, const char *stage, bool start);
void kanata_retire(struct kanata *k, uint64_t cycle, uint64_t id, uint64_t retire_id, bool flushed);

#endif
