/* Kernel-enforced confinement of a run's file-system writes (Landlock).
 *
 * After sandbox_confine the process — the simulator and so every guest system call it
 * performs — may create, write, truncate, rename, link or remove files only below the given
 * directories (and write to /dev/null, /dev/zero, /dev/full, /dev/tty); reading stays allowed.
 * Mode, owner and time changes, which Landlock cannot confine, are confined to the same trees
 * by the Linux layer (linux/meta_guard.h), through which every such guest request goes.
 * The kernel enforces it, so neither a snapshot's values nor the restored guest's own code can
 * change a host file elsewhere: the guest gets EACCES.  The confinement cannot be lifted. */
#ifndef SNAPSIM_CLI_SANDBOX_H
#define SNAPSIM_CLI_SANDBOX_H

#include <stddef.h>

/* 0, or -1 with a one-line message (also when the kernel lacks Landlock). */
int sandbox_confine(const char *const *dirs, size_t ndirs, char *err, size_t errlen);

#endif
