/* libFuzzer target: the command line of `snapsim run` and the configuration it builds.  The
 * input is split at NUL bytes into arguments and parsed (run_options_parse); a command line it
 * accepts then has its model looked up and every --config assignment and model setting applied
 * to the model's keys, as a run does.  Never a crash, hang or leak, whatever the arguments.
 * Seeds: fuzz/corpus/options, dictionary fuzz/options.dict; run it with -close_fd_mask=3 (the
 * refusals print one line each). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/guest_env.h"
#include "cli/options.h"
#include "cli/run.h"
#include "core/config.h"

#define MAX_ARGS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = 0;
    char *args[MAX_ARGS + 1];
    int n = 0;
    for (size_t i = 0; i < size && n < MAX_ARGS; i += strlen(copy + i) + 1)
        args[n++] = copy + i;
    args[n] = NULL;
    struct run_options o;
    if (run_options_parse(&o, n, args) == 0) {
        const struct model *model = run_find_model(o.model);
        struct config cfg;
        config_init(&cfg);
        if (model && run_build_config(&cfg, model, o.config, o.nconfig)) {
            char err[2048];
            guest_config_check(&cfg);
            for (size_t i = 0; i < o.nmodel_settings; i++)
                config_set(&cfg, o.model_settings[i], err, sizeof err);
        }
        config_free(&cfg);
    }
    run_options_free(&o);
    free(copy);
    return 0;
}
