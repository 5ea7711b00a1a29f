/* `snapsim config` and `snapsim models`: what can be configured and run. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/run.h"
#include "core/config.h"
#include "core/log.h"

int config_main(int argc, char **argv)
{
    const char *name = "fast";
    for (int i = 0; i < argc; i++) {
        if ((strcmp(argv[i], "--model") == 0 || strcmp(argv[i], "-m") == 0) && i + 1 < argc) {
            name = argv[++i];
        } else if (strncmp(argv[i], "--model=", 8) == 0) {
            name = argv[i] + 8;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            printf("usage: snapsim config [-m|--model NAME]\n"
                   "Lists every configuration key of the model with its value, range and meaning.\n");
            return 0;
        } else {
            fprintf(stderr, "snapsim: config: unexpected argument '%s'\n", argv[i]);
            return 2;
        }
    }
    const struct model *model = run_find_model(name);
    struct config cfg;
    if (!model || !run_build_config(&cfg, model, NULL, 0))
        return 2;
    printf("configuration of model %s (set with --config component:field:value):\n\n", model->name);
    config_print(&cfg, stdout);
    config_free(&cfg);
    return 0;
}

int models_main(int argc, char **argv)
{
    if (argc == 1 && (strcmp(argv[0], "-h") == 0 || strcmp(argv[0], "--help") == 0)) {
        printf("usage: snapsim models\n"
               "Lists the execution models selectable with `snapsim run --model NAME`.\n");
        return 0;
    }
    if (argc > 0) {
        fprintf(stderr, "snapsim: models takes no arguments\n");
        return 2;
    }
    for (const struct model *const *m = all_models; *m; m++)
        printf("%-10s %s%s%s%s\n", (*m)->name, (*m)->summary, (*m)->aliases ? " (aliases: " : "",
               (*m)->aliases ? (*m)->aliases : "", (*m)->aliases ? ")" : "");
    return 0;
}
