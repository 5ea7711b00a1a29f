/* Hosts without a translator back end (anything but x86-64): the interpreter runs everything. */
#if !defined(__x86_64__)

#include <string.h>

#include "fast/jit.h"

_Thread_local struct jit *jit_running;

bool jit_init(struct jit *j)
{
    memset(j, 0, sizeof *j);
    return false;
}

void jit_free(struct jit *j) { memset(j, 0, sizeof *j); }

bool jit_open_perf_map(struct jit *j, char *err, size_t errlen)
{
    (void)j;
    snprintf(err, errlen, "no translator on this host");
    return false;
}

enum jit_result jit_translate(struct jit *j, struct block *b, uint64_t generation)
{
    (void)j, (void)generation;
    b->jit_tried = 1;
    return JIT_UNTRANSLATABLE;
}

void jit_link(struct jit *j, enum jit_exit kind, void *patch, const struct block *to)
{
    (void)j, (void)kind, (void)patch, (void)to;
}

#endif
