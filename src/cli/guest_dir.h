/* Where the bundled guest programs (the examples a PROGRAM without '/' names) are. */
#ifndef SNAPSIM_CLI_GUEST_DIR_H
#define SNAPSIM_CLI_GUEST_DIR_H

#include <stdbool.h>
#include <stddef.h>

/* The bundled guest directory: $SNAPSIM_GUEST_DIR if set; else the installed one, found from
 * the simulator's own location (BINDIR/SNAPSIM_GUEST_DIR_FROM_BIN, so an installed tree works
 * wherever it is moved); else the build tree's.  False if none exists or it does not fit. */
bool guest_dir_path(char *buf, size_t size);

#endif
