/* What the guest program starts with: its environment and the file it runs. */
#ifndef SNAPSIM_CLI_GUEST_ENV_H
#define SNAPSIM_CLI_GUEST_ENV_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/options.h"
#include "core/config.h"

/* The guest environment, a NULL-terminated array (free only the array; the strings belong to
 * the options or the host environment).  By default it holds exactly the -E variables, so that a
 * run is the same on every machine and from every shell; with host_env (linux:host_env,
 * --host-env) it is the host's, as under qemu-user, edited by --clear-env, -U and -E.
 * NULL if out of memory. */
char **guest_env_build(const struct run_options *o, bool host_env);

/* Checks the guest-view keys the configuration parser cannot (linux:cwd is "host" or an
 * absolute path); false after a one-line error. */
bool guest_config_check(const struct config *cfg);

/* The file to load for PROGRAM: a name with a '/' as is, otherwise a bundled example program
 * (guest_dir_path), then the first executable of that name in PATH.  Returns buf or name. */
const char *guest_program_path(const char *name, char *buf, size_t size);

#endif
