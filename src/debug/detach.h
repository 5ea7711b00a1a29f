/* Detaching an output file inherited through fork(): the child must neither write to it nor
 * flush its buffer into it, because the parent owns it. */
#ifndef SNAPSIM_DEBUG_DETACH_H
#define SNAPSIM_DEBUG_DETACH_H

#include <stdio.h>

/* Points f's descriptor at /dev/null, so whatever f still writes goes nowhere. */
void debug_file_detach(FILE *f);

#endif
