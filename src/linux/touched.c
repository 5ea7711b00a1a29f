/* The set of host paths the guest changed, for snapshots of the file system it sees. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "linux/process.h"

void linux_touch_path(struct linux_process *p, const char *path)
{
    /* Programs change few distinct paths; a linear scan keeps first-touch order simply. */
    for (unsigned i = 0; i < p->ntouched; i++)
        if (strcmp(p->touched[i], path) == 0)
            return;
    if (p->ntouched == LINUX_MAX_TOUCHED) {
        p->touched_overflow = true;
        return;
    }
    /* The array holds 16, 32, 64, ... entries: it is full when the count reaches one of those. */
    bool full = p->ntouched == 0 || (p->ntouched >= 16 && (p->ntouched & (p->ntouched - 1)) == 0);
    if (full) {
        char **t = realloc(p->touched, (p->ntouched ? p->ntouched * 2 : 16) * sizeof *t);
        if (!t) {
            p->touched_overflow = true;
            return;
        }
        p->touched = t;
    }
    char *copy = strdup(path);
    if (!copy) {
        p->touched_overflow = true;
        return;
    }
    p->touched[p->ntouched++] = copy;
}
