/* Entry points of the subcommands; each returns the process exit status. */
#ifndef SNAPSIM_CLI_COMMANDS_H
#define SNAPSIM_CLI_COMMANDS_H

int run_main(int argc, char **argv);
int config_main(int argc, char **argv);
int models_main(int argc, char **argv);
int snapshot_main(int argc, char **argv);

#endif
