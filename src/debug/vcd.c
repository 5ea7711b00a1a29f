/* The VCD writer (see vcd.h).  The header is written at the first cycle event, when the stage
 * names are known; afterwards only values that changed are written. */
#include "debug/vcd.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "debug/detach.h"
#include "core/machine.h"

/* Signals: a fixed part, then five per stage. */
enum { SIG_CYCLE, SIG_FETCH_PC, SIG_PRED_VALID, SIG_PRED_PC, SIG_PRED_TARGET, SIG_RES_VALID,
       SIG_MISPREDICT, SIG_RES_PC, SIG_RES_TARGET, SIG_ICACHE_MISS, SIG_DCACHE_MISS, SIG_COMMITS,
       SIG_COMMIT_PC, SIG_FIXED };
enum { PER_STAGE = 5 };
#define VCD_SIGNALS (SIG_FIXED + PER_STAGE * EV_MAX_STAGES)

static const struct { const char *name; unsigned width; } fixed[SIG_FIXED] = {
    { "cycle", 64 }, { "fetch_pc", 64 }, { "predict_valid", 1 }, { "predict_pc", 64 },
    { "predict_target", 64 }, { "resolve_valid", 1 }, { "mispredict", 1 }, { "resolve_pc", 64 },
    { "resolve_target", 64 }, { "icache_miss", 1 }, { "dcache_miss", 1 }, { "commits", 8 },
    { "commit_pc", 64 },
};
static const struct { const char *suffix; unsigned width; } per_stage[PER_STAGE] = {
    { "valid", 1 }, { "pc", 64 }, { "insn", 32 }, { "stall", 1 }, { "flush", 1 },
};

struct vcd {
    FILE *f;
    char *path;
    struct debug_window window;
    bool started;
    unsigned nsignals;
    unsigned width[VCD_SIGNALS];
    uint64_t last[VCD_SIGNALS];
    bool known[VCD_SIGNALS];
};

struct vcd *vcd_open(const char *path, const struct debug_window *w, char *err, size_t errlen)
{
    struct vcd *v = calloc(1, sizeof *v);
    if (!v || !(v->path = strdup(path))) {
        free(v);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    v->window = w ? *w : (struct debug_window){ .from = 0, .to = UINT64_MAX };
    v->f = fopen(path, "w");
    if (!v->f) {
        snprintf(err, errlen, "cannot create waveform %s: %s", path, strerror(errno));
        free(v->path);
        free(v);
        return NULL;
    }
    setvbuf(v->f, NULL, _IOFBF, 1 << 16);
    return v;
}

bool vcd_close(struct vcd *v)
{
    if (!v)
        return true;
    bool ok = !ferror(v->f);
    if (fclose(v->f) != 0)
        ok = false;
    if (!ok)
        log_msg("error writing the waveform %s", v->path);
    free(v->path);
    free(v);
    return ok;
}

/* Identifier codes: printable characters '!'..'~' in base 94. */
static void put_id(FILE *f, unsigned i)
{
    do {
        fputc('!' + (int)(i % 94), f);
        i /= 94;
    } while (i);
}

static void header(struct vcd *v, const struct cycle_event *ev)
{
    FILE *f = v->f;
    fprintf(f, "$date snapsim pipeline $end\n$version snapsim $end\n$timescale 1ns $end\n");
    fprintf(f, "$scope module pipeline $end\n");
    unsigned n = 0;
    for (unsigned i = 0; i < SIG_FIXED; i++, n++) {
        v->width[n] = fixed[i].width;
        fprintf(f, "$var wire %u ", fixed[i].width);
        put_id(f, n);
        fprintf(f, " %s $end\n", fixed[i].name);
    }
    for (unsigned k = 0; k < ev->nstages; k++) {
        fprintf(f, "$scope module %s $end\n", ev->stage[k].name);
        for (unsigned j = 0; j < PER_STAGE; j++, n++) {
            v->width[n] = per_stage[j].width;
            fprintf(f, "$var wire %u ", per_stage[j].width);
            put_id(f, n);
            fprintf(f, " %s $end\n", per_stage[j].suffix);
        }
        fprintf(f, "$upscope $end\n");
    }
    fprintf(f, "$upscope $end\n$enddefinitions $end\n");
    v->nsignals = n;
    v->started = true;
}

static void put_value(struct vcd *v, unsigned i, uint64_t value)
{
    if (v->known[i] && v->last[i] == value)
        return;
    v->known[i] = true;
    v->last[i] = value;
    FILE *f = v->f;
    if (v->width[i] == 1) {
        fputc(value ? '1' : '0', f);
    } else {
        fputc('b', f);
        int top = 63;
        while (top > 0 && !(value >> top & 1))
            top--;
        for (int b = top; b >= 0; b--)
            fputc('0' + (int)(value >> b & 1), f);
        fputc(' ', f);
    }
    put_id(f, i);
    fputc('\n', f);
}

static void on_cycle(void *ctx, struct machine *m, const struct cycle_event *ev)
{
    struct vcd *v = ctx;
    if (!window_contains(&v->window, m->hart.instret, ev->cycle))
        return;
    if (!v->started)
        header(v, ev);
    fprintf(v->f, "#%" PRIu64 "\n", ev->cycle);
    uint64_t fixed_values[SIG_FIXED] = {
        ev->cycle, ev->fetch_pc, ev->predict_valid, ev->predict_pc, ev->predict_target,
        ev->resolve_valid, ev->mispredict, ev->resolve_pc, ev->resolve_target, ev->icache_miss,
        ev->dcache_miss, ev->commits, ev->commit_pc,
    };
    for (unsigned i = 0; i < SIG_FIXED; i++)
        put_value(v, i, fixed_values[i]);
    for (unsigned k = 0; k < ev->nstages && SIG_FIXED + PER_STAGE * k < v->nsignals; k++) {
        const struct stage_state *st = &ev->stage[k];
        uint64_t values[PER_STAGE] = { st->valid, st->pc, st->insn, st->stall, st->flush };
        for (unsigned j = 0; j < PER_STAGE; j++)
            put_value(v, SIG_FIXED + PER_STAGE * k + j, values[j]);
    }
}

struct event_sink vcd_sink(struct vcd *v)
{
    return (struct event_sink){ .cycle = on_cycle, .ctx = v };
}

void vcd_detach(struct vcd *v)
{
    if (v)
        debug_file_detach(v->f);
}
