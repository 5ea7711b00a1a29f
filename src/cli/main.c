/* snapsim: RISC-V simulation with snapshots.  Subcommand dispatch. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "version.h"

static void usage(FILE *out)
{
    fprintf(out,
        "usage: snapsim COMMAND [ARGS...]\n"
        "\n"
        "commands:\n"
        "  run       run a RISC-V Linux program or resume a snapshot (snapsim run --help)\n"
        "  config    list configuration keys of a model (snapsim config --model NAME)\n"
        "  models    list execution models\n"
        "  snapshot  inspect, verify, compare and merge snapshots (snapsim snapshot --help)\n"
        "  help CMD  show the help of CMD (same as snapsim CMD --help)\n"
        "  --version show the version\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "run") == 0)
        return run_main(argc - 2, argv + 2);
    if (strcmp(cmd, "config") == 0)
        return config_main(argc - 2, argv + 2);
    if (strcmp(cmd, "models") == 0)
        return models_main(argc - 2, argv + 2);
    if (strcmp(cmd, "snapshot") == 0)
        return snapshot_main(argc - 2, argv + 2);
    if (strcmp(cmd, "help") == 0 && (argc == 3 || argc == 4) && strcmp(argv[2], "help") != 0) {
        /* `snapsim help CMD [SUBCOMMAND]` is `snapsim CMD [SUBCOMMAND] --help`. */
        char *help_argv[] = {argv[0], argv[2], argc == 4 ? argv[3] : "--help", "--help", NULL};
        return main(argc == 4 ? 4 : 3, help_argv);
    }
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("snapsim %s\n", SNAPSIM_VERSION);
        return 0;
    }
    fprintf(stderr, "snapsim: unknown command '%s' (see snapsim --help)\n", cmd);
    return 2;
}
