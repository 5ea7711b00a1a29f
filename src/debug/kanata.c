/* Kanata 0004 trace writer, a sink of the instruction events: see kanata.h. */
#include "debug/kanata.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "debug/detach.h"
#include "isa/insn.h"

struct kanata {
    FILE *f;
    uint64_t cycle;        /* time of the last event written */
    bool started;          /* the C= line has been written */
    struct debug_window window;
    uint64_t first_id, end_id;   /* fetch numbers of the traced instructions: [first, end) */
    uint64_t retired;      /* R lines of retirements written */
    char *path;
};

struct kanata *kanata_open(const char *path, const struct debug_window *w, char *err, size_t errlen)
{
    struct kanata *k = calloc(1, sizeof *k);
    char *copy = strdup(path);
    if (!k || !copy) {
        free(k);
        free(copy);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    k->f = fopen(path, "w");
    if (!k->f) {
        snprintf(err, errlen, "pipeline:trace_filename: cannot create %s: %s", path, strerror(errno));
        free(k);
        free(copy);
        return NULL;
    }
    k->path = copy;
    k->first_id = k->end_id = UINT64_MAX;
    k->window = w ? *w : (struct debug_window){ .from = 0, .to = UINT64_MAX };
    /* Traces are large: a big buffer keeps the write cost per event small. */
    setvbuf(k->f, NULL, _IOFBF, 1 << 20);
    fputs("Kanata\t0004\n", k->f);
    return k;
}

bool kanata_close(struct kanata *k)
{
    if (!k)
        return true;
    bool bad = ferror(k->f) != 0;
    if (fclose(k->f) != 0)
        bad = true;
    if (bad)
        log_msg("error writing the pipeline trace %s", k->path);
    free(k->path);
    free(k);
    return !bad;
}

void kanata_detach(struct kanata *k)
{
    if (k)
        debug_file_detach(k->f);
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

static void stage(struct kanata *k, uint64_t id, const char *name, bool start)
{
    fprintf(k->f, "%c\t%" PRIu64 "\t0\t%s\n", start ? 'S' : 'E', id, name);
}

static void on_insn(void *ctx, struct machine *m, const struct insn_event *ev)
{
    struct kanata *k = ctx;
    if (ev->kind == IEV_FETCH && k->end_id == UINT64_MAX) {
        bool inside = window_contains(&k->window, m->hart.instret, ev->cycle);
        if (inside && k->first_id == UINT64_MAX)
            k->first_id = ev->id;
        else if (!inside && k->first_id != UINT64_MAX)
            k->end_id = ev->id;     /* the window is over: no new instructions */
    }
    if (ev->id < k->first_id || ev->id >= k->end_id)   /* outside the trace */
        return;
    uint64_t id = ev->id - k->first_id;
    at(k, ev->cycle);
    switch (ev->kind) {
    case IEV_FETCH: {
        char label[128];
        int n = snprintf(label, sizeof label, "%" PRIx64 ": ", ev->pc);
        insn_disasm(ev->in, ev->pc, label + n, sizeof label - (size_t)n);
        fprintf(k->f, "I\t%" PRIu64 "\t%" PRIu64 "\t0\nL\t%" PRIu64 "\t0\t%s\n", id, ev->seq, id, label);
        stage(k, id, ev->to, true);
        break;
    }
    case IEV_MOVE:
        stage(k, id, ev->from, false);
        stage(k, id, ev->to, true);
        break;
    case IEV_RETIRE:
    case IEV_FLUSH:
        stage(k, id, ev->from, false);
        fprintf(k->f, "R\t%" PRIu64 "\t%" PRIu64 "\t%d\n", id,
                ev->kind == IEV_RETIRE ? k->retired++ : 0, ev->kind == IEV_FLUSH ? 1 : 0);
        break;
    }
}

struct event_sink kanata_sink(struct kanata *k)
{
    return (struct event_sink){ .insn = on_insn, .ctx = k };
}
