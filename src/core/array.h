/* Growth of the program's dynamic arrays: one rule, one overflow check. */
#ifndef SNAPSIM_CORE_ARRAY_H
#define SNAPSIM_CORE_ARRAY_H

#include <stdbool.h>
#include <stddef.h>

/* Makes room in *array, which has *cap elements of elem bytes, for at least `need` of them:
 * the capacity doubles (from `first` when the array is empty) until they fit.  False, with
 * *array and *cap as they were, when memory runs out or the size would not fit a size_t. */
bool array_reserve(void **array, size_t *cap, size_t need, size_t elem, size_t first);

#endif
