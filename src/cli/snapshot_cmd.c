/* `snapsim snapshot`: inspect, check, compare and flatten snapshots. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checkpoint/checkpoint.h"
#include "checkpoint/image_disks.h"
#include "checkpoint/tools.h"
#include "cli/commands.h"

static int snapshot_command(int argc, char **argv, const struct image_search *search, char *err, size_t errlen);

static void usage(FILE *out)
{
    fprintf(out,
        "usage: snapsim snapshot info SNAPSHOT\n"
        "       snapsim snapshot verify SNAPSHOT...\n"
        "       snapsim snapshot diff [--ignore-informational] A B\n"
        "       snapsim snapshot merge IN OUT\n"
        "       snapsim snapshot save-persistent SNAPSHOT DIR\n"
        "\n"
        "  info     objects, attributes, regions, page files of the chain, sizes, compression\n"
        "  verify   check the config, every value, checksum and file reference (exit 0 if sound)\n"
        "  diff     attribute- and page-level differences (exit 0 if none, 1 if some)\n"
        "           --ignore-informational skips the run object (host time, model, config...) and\n"
        "           the cycle count, which depends on the model's timing\n"
        "  merge    write a standalone copy of IN (flattening its incremental chain) at OUT\n"
        "  save-persistent  write only the persistent state of SNAPSHOT (its disk images, each\n"
        "           folded into one diff on its base) into the new directory DIR\n"
        "\n"
        "verify, merge and save-persistent take --image-path DIR (repeatable): where disks' base\n"
        "images are searched after the snapshot's own directories.\n"
        "\n"
        "The format is described in docs/snapshot-format.md.\n");
}

/* Takes every --image-path DIR out of argv (keeping the rest in order) into dirs. */
static bool take_image_paths(int *argc, char **argv, const char **dirs, size_t *n)
{
    int out = 0;
    *n = 0;
    for (int i = 0; i < *argc; i++) {
        if (strcmp(argv[i], "--image-path") != 0) {
            argv[out++] = argv[i];
            continue;
        }
        if (i + 1 == *argc) {
            fprintf(stderr, "snapsim: --image-path needs a directory\n");
            return false;
        }
        dirs[(*n)++] = argv[++i];
    }
    *argc = out;
    return true;
}

int snapshot_main(int argc, char **argv)
{
    char err[2048];
    const char **image_dirs = calloc((size_t)argc + 1, sizeof *image_dirs);
    struct image_search search = {image_dirs, 0};
    if (!image_dirs || !take_image_paths(&argc, argv, image_dirs, &search.n)) {
        free(image_dirs);
        return 2;
    }
    int rc = snapshot_command(argc, argv, &search, err, sizeof err);
    free(image_dirs);
    return rc;
}

static int snapshot_command(int argc, char **argv, const struct image_search *search, char *err, size_t errlen)
{
    /* `snapshot --help` and `snapshot SUBCOMMAND --help` both show the one usage. */
    bool help = argc >= 1 && (!strcmp(argv[argc - 1], "-h") || !strcmp(argv[argc - 1], "--help"));
    if (argc < 1 || help) {
        usage(argc < 1 ? stderr : stdout);
        return argc < 1 ? 2 : 0;
    }
    const char *cmd = argv[0];
    if (!strcmp(cmd, "info") && argc == 2) {
        if (ckpt_info(argv[1], stdout, err, errlen) == 0)
            return 0;
        fprintf(stderr, "snapsim: %s\n", err);
        return 1;
    }
    if (!strcmp(cmd, "verify") && argc >= 2) {
        size_t problems = 0;
        for (int i = 1; i < argc; i++) {
            size_t n = ckpt_verify_images(argv[i], search, stderr);
            if (n == 0)
                printf("%s: OK\n", argv[i]);
            problems += n;
        }
        return problems ? 1 : 0;
    }
    if (!strcmp(cmd, "diff") && (argc == 3 || (argc == 4 && !strcmp(argv[1], "--ignore-informational")))) {
        size_t n = 0;
        if (ckpt_diff(argv[argc - 2], argv[argc - 1], argc == 4, stdout, &n, err, errlen)) {
            fprintf(stderr, "snapsim: %s\n", err);
            return 2;
        }
        return n ? 1 : 0;
    }
    if (!strcmp(cmd, "merge") && argc == 3) {
        if (ckpt_merge_images(argv[1], argv[2], search, err, errlen) == 0)
            return 0;
        fprintf(stderr, "snapsim: %s\n", err);
        return 1;
    }
    if (!strcmp(cmd, "save-persistent") && argc == 3) {
        if (image_disks_save_persistent(argv[1], argv[2], search, err, errlen) == 0)
            return 0;
        fprintf(stderr, "snapsim: %s\n", err);
        return 1;
    }
    fprintf(stderr, "snapsim: bad snapshot command (see snapsim snapshot --help)\n");
    return 2;
}
