/* A window of a run for the debugging writers: instructions [from, to) by retired-instruction
 * number, or cycles [from, to). */
#ifndef SNAPSIM_DEBUG_WINDOW_H
#define SNAPSIM_DEBUG_WINDOW_H

#include <stdbool.h>
#include <stdint.h>

struct debug_window {
    bool by_cycle;
    uint64_t from, to;      /* to = UINT64_MAX: to the end */
};

/* Parses "A-B", "insn:A-B" or "cycle:A-B" (A or B may be empty: from the start, to the end). */
bool window_parse(struct debug_window *w, const char *text);

static inline bool window_contains(const struct debug_window *w, uint64_t instret, uint64_t cycle)
{
    uint64_t t = w->by_cycle ? cycle : instret;
    return t >= w->from && t < w->to;
}

#endif
