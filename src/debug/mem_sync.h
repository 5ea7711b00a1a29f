/* Keeps the DiffTest reference machine's memory equal to the detailed model's where the two
 * legitimately differ: after a system call (which only the detailed model executes) and at the
 * start (a copy of whatever the program loader or a snapshot restore put there). */
#ifndef SNAPSIM_DEBUG_MEM_SYNC_H
#define SNAPSIM_DEBUG_MEM_SYNC_H

#include <stdbool.h>

#include "core/memory.h"

/* Makes dst's mappings and contents equal to src's.  With `all` false only pages dirty in either
 * memory are compared, which is exact as long as the two were equal at the last sync and every
 * write since then set a dirty bit (guest stores and system calls do).  dst's dirty bits are
 * cleared.  Returns 0 or a negative errno (dst out of host memory or over its capacity). */
int mem_sync(struct guest_mem *dst, const struct guest_mem *src, bool all);

#endif
