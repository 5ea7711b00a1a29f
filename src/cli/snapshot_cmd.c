/* `snapsim snapshot`: inspect, check, compare and flatten snapshots. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "checkpoint/checkpoint.h"
#include "checkpoint/tools.h"
#include "cli/commands.h"

static void usage(FILE *out)
{
    fprintf(out,
        "usage: snapsim snapshot info SNAPSHOT\n"
        "       snapsim snapshot verify SNAPSHOT...\n"
        "       snapsim snapshot diff [--ignore-informational] A B\n"
        "       snapsim snapshot merge IN OUT\n"
        "\n"
        "  info     objects, attributes, regions, page files of the chain, sizes, compression\n"
        "  verify   check the config, every value, checksum and file reference (exit 0 if sound)\n"
        "  diff     attribute- and page-level differences (exit 0 if none, 1 if some)\n"
        "           --ignore-informational skips the run object (host time, model, config...) and\n"
        "           the cycle count, which depends on the model's timing\n"
        "  merge    write a standalone copy of IN (flattening its incremental chain) at OUT\n"
        "\n"
        "The format is described in docs/snapshot-format.md.\n");
}

int snapshot_main(int argc, char **argv)
{
    char err[2048];
    /* `snapshot --help` and `snapshot SUBCOMMAND --help` both show the one usage. */
    bool help = argc >= 1 && (!strcmp(argv[argc - 1], "-h") || !strcmp(argv[argc - 1], "--help"));
    if (argc < 1 || help) {
        usage(argc < 1 ? stderr : stdout);
        return argc < 1 ? 2 : 0;
    }
    const char *cmd = argv[0];
    if (!strcmp(cmd, "info") && argc == 2) {
        if (ckpt_info(argv[1], stdout, err, sizeof err) == 0)
            return 0;
        fprintf(stderr, "snapsim: %s\n", err);
        return 1;
    }
    if (!strcmp(cmd, "verify") && argc >= 2) {
        size_t problems = 0;
        for (int i = 1; i < argc; i++) {
            size_t n = ckpt_verify(argv[i], stderr);
            if (n == 0)
                printf("%s: OK\n", argv[i]);
            problems += n;
        }
        return problems ? 1 : 0;
    }
    if (!strcmp(cmd, "diff") && (argc == 3 || (argc == 4 && !strcmp(argv[1], "--ignore-informational")))) {
        size_t n = 0;
        if (ckpt_diff(argv[argc - 2], argv[argc - 1], argc == 4, stdout, &n, err, sizeof err)) {
            fprintf(stderr, "snapsim: %s\n", err);
            return 2;
        }
        return n ? 1 : 0;
    }
    if (!strcmp(cmd, "merge") && argc == 3) {
        if (ckpt_merge(argv[1], argv[2], err, sizeof err) == 0)
            return 0;
        fprintf(stderr, "snapsim: %s\n", err);
        return 1;
    }
    fprintf(stderr, "snapsim: bad snapshot command (see snapsim snapshot --help)\n");
    return 2;
}
