/* Kanata 0004 trace writer: see kanata.h. */
#include "pipeline/kanata.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "debug/detach.h"

bool kanata_open(struct kanata *k, const char *path, char *err, size_t errlen)
{
    memset(k, 0, sizeof *k);
    if (!path || !*path)
        return true;
    k->f = fopen(path, "w");
    if (!k->f) {
        snprintf(err, errlen, "pipeline:trace_filename: cannot create %s: %s", path, strerror(errno));
        return false;
    }
    k->path = strdup(path);
    /* Traces are large: a big buffer keeps the write cost per event small. */
    setvbuf(k->f, NULL, _IOFBF, 1 << 20);
    fputs("Kanata\t0004\n", k->f);
    return true;
}

void kanata_close(struct kanata *k)
{
    if (k->f) {
        bool bad = ferror(k->f) != 0;
        if (fclose(k->f) != 0)
            bad = true;
        if (bad)
            log_msg("error writing the pipeline trace %s", k->path ? k->path : "");
    }
    free(k->path);
    memset(k, 0, sizeof *k);
}

void kanata_abandon(struct kanata *k)
{
    debug_file_detach(k->f);
    kanata_close(k);
}

/* Writes the time line(s) that bring the trace to `cycle`. */
static void at(struct kanata *k, uint64_t cycle)
{
    if (!k->started) {
        fprintf(k->f, "C=\t%" PRIu64 "\n", cycle);
        k->started = true;
        k->cycle = cycle;
    } else if (cycle > k->cycle) {
        fprintf(k->f, "C\t%" PRIu64 "\n", cycle - k->cycle);
        k->cycle = cycle;
    }
}

uint64_t kanata_insn(struct kanata *k, uint64_t cycle, uint64_t insn_id, const char *label)
{
    uint64_t id = k->next_id++;
    at(k, cycle);
    fprintf(k->f, "I\t%" PRIu64 "\t%" PRIu64 "\t0\nL\t%" PRIu64 "\t0\t%s\n", id, insn_id, id, label);
    return id;
}

void kanata_stage(struct kanata *k, uint64_t cycle, uint64_t id, const char *stage, bool start)
{
    at(k, cycle);
    fprintf(k->f, "%c\t%" PRIu64 "\t0\t%s\n", start ? 'S' : 'E', id, stage);
}

void kanata_retire(struct kanata *k, uint64_t cycle, uint64_t id, uint64_t retire_id, bool flushed)
{
    at(k, cycle);
    fprintf(k->f, "R\t%" PRIu64 "\t%" PRIu64 "\t%d\n", id, retire_id, flushed ? 1 : 0);
}
