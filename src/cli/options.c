/* Parsing of `snapsim run` options. */
#include "cli/options.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "version.h"

void run_usage(FILE *out)
{
    fprintf(out,
        "usage: snapsim run [options] [--] PROGRAM [ARGS...]\n"
        "       snapsim run [options] --restore SNAPSHOT\n"
        "\n"
        "Runs a static RISC-V Linux program (RV64GC).  The simulator exits with the program's exit\n"
        "status; a program killed by a signal gives 128 + the signal number.\n"
        "\n"
        "options:\n"
        "  --model NAME               execution model (see `snapsim models`; default fast)\n"
        "  --log DIR                  write snapsim.log, statistics and snapshots under DIR\n"
        "  --config C:F:V ...         set configuration keys (see `snapsim config --model NAME`)\n"
        "  --max-instructions N       stop after N retired instructions\n"
        "  --snapshots N ...          write a snapshot after exactly N retired instructions\n"
        "  --snapshot-every N         write a snapshot every N retired instructions\n"
        "  --independent-snapshots    write standalone snapshots instead of incremental ones\n"
        "  --restore SNAPSHOT         resume a snapshot instead of starting a program\n"
        "  --allow-path DIR           let a restored snapshot use host files under DIR\n"
        "  --force-restore            restore although host files changed since the snapshot\n"
        "  --replace-changed DIR      restore host files that changed since the snapshot, moving\n"
        "                             what they hold now into DIR (refused otherwise)\n"
        "  --replace-snapshots        replace snapshots of the same names (refused otherwise)\n"
        "  --sandbox                  let the run write only below the current directory, --allow-path\n"
        "                             and --sandbox-allow directories (always on with --restore)\n"
        "  --sandbox-allow DIR        let the sandboxed run also write below DIR\n"
        "  --no-sandbox               restore without the kernel sandbox (kernels without Landlock)\n"
        "  --max-cycles N             stop after N cycles (pipeline models)\n"
        "  --warmup N                 run N instructions before statistics start (pipeline models)\n"
        "  --pipeline-trace FILE      write a Kanata pipeline trace for Konata (pipeline models)\n"
        "  -E VAR=VALUE               set a variable in the guest environment\n"
        "  -U VAR                     remove a variable from the guest environment\n"
        "  --clear-env                start the guest with an empty environment\n"
        "  -h, --help                 show this help\n"
        "  --version                  show the version\n"
        "\n"
        "The guest environment defaults to the simulator's own.  A PROGRAM without a '/' is looked\n"
        "up among the bundled example programs, then in PATH.\n");
}

static bool push(const char ***list, size_t *n, const char *v)
{
    const char **l = realloc((void *)*list, (*n + 1) * sizeof *l);
    if (!l)
        return false;
    l[(*n)++] = v;
    *list = l;
    return true;
}

/* A --config value looks like component:field:value. */
static bool looks_like_assignment(const char *s)
{
    const char *c = strchr(s, ':');
    return s[0] != '-' && c && c != s && strchr(c + 1, ':');
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int fail(const char *fmt, const char *arg)
{
    fprintf(stderr, "snapsim: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (see snapsim run --help)\n");
    return 2;
}

int run_options_parse(struct run_options *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->model = "fast";
    int i = 0;
    for (; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[0] != '-')
            break;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            run_usage(stdout);
            return 1;
        } else if (strcmp(a, "--version") == 0) {
            printf("snapsim %s\n", SNAPSIM_VERSION);
            return 1;
        } else if (strcmp(a, "--model") == 0 || strcmp(a, "--log") == 0 || strcmp(a, "--restore") == 0 ||
                   strcmp(a, "-E") == 0 || strcmp(a, "-U") == 0 || strcmp(a, "--allow-path") == 0 ||
                   strcmp(a, "--sandbox-allow") == 0 || strcmp(a, "--replace-changed") == 0) {
            if (!next)
                return fail("option %s needs a value", a);
            i++;
            if (a[1] == 'E') {
                if (!strchr(next, '='))
                    return fail("-E needs VAR=VALUE, got '%s'", next);
                if (!push(&o->env_set, &o->nenv_set, next))
                    return fail("%s", "out of memory");
            } else if (a[1] == 'U') {
                if (!push(&o->env_unset, &o->nenv_unset, next))
                    return fail("%s", "out of memory");
            } else if (strcmp(a, "--allow-path") == 0) {
                if (!push(&o->allow_paths, &o->nallow_paths, next))
                    return fail("%s", "out of memory");
            } else if (strcmp(a, "--replace-changed") == 0) {
                o->replace_changed = next;
            } else if (strcmp(a, "--sandbox-allow") == 0) {
                if (!push(&o->sandbox_allow, &o->nsandbox_allow, next))
                    return fail("%s", "out of memory");
            } else if (strcmp(a, "--model") == 0) {
                o->model = next;
            } else if (strcmp(a, "--log") == 0) {
                o->log_dir = next;
            } else {
                o->restore = next;
            }
        } else if (strcmp(a, "--config") == 0) {
            if (!next || !looks_like_assignment(next))
                return fail("--config needs component:field:value, got '%s'", next ? next : "nothing");
            while (i + 1 < argc && looks_like_assignment(argv[i + 1]))
                if (!push(&o->config, &o->nconfig, argv[++i]))
                    return fail("%s", "out of memory");
        } else if (strcmp(a, "--max-instructions") == 0) {
            if (!config_parse_uint(next, &o->max_instructions) || o->max_instructions == 0)
                return fail("--max-instructions needs a positive number, got '%s'", next ? next : "nothing");
            i++;
        } else if (strcmp(a, "--snapshot-every") == 0) {
            if (!config_parse_uint(next, &o->snapshot_every) || o->snapshot_every == 0)
                return fail("--snapshot-every needs a positive number, got '%s'", next ? next : "nothing");
            i++;
        } else if (strcmp(a, "--snapshots") == 0) {
            uint64_t n;
            if (!config_parse_uint(next, &n))
                return fail("--snapshots needs instruction counts, got '%s'", next ? next : "nothing");
            while (i + 1 < argc && config_parse_uint(argv[i + 1], &n)) {
                uint64_t *s = realloc(o->snapshots, (o->nsnapshots + 1) * sizeof *s);
                if (!s)
                    return fail("%s", "out of memory");
                o->snapshots = s;
                o->snapshots[o->nsnapshots++] = n;
                i++;
            }
        } else if (strcmp(a, "--max-cycles") == 0 || strcmp(a, "--warmup") == 0 ||
                   strcmp(a, "--pipeline-trace") == 0) {
            /* Options of the cycle-level models are shorthands for their configuration keys,
             * so a model that lacks the key rejects them with the usual error. */
            const char *key = a[2] == 'm' ? "pipeline:max_cycles"
                            : a[2] == 'w' ? "stats:warmup_instructions" : "pipeline:trace_filename";
            if (!next)
                return fail("option %s needs a value", a);
            char *setting = malloc(strlen(key) + strlen(next) + 2);
            if (!setting)
                return fail("%s", "out of memory");
            sprintf(setting, "%s:%s", key, next);
            if (!push(&o->model_settings, &o->nmodel_settings, setting))
                return fail("%s", "out of memory");
            i++;
        } else if (strcmp(a, "--independent-snapshots") == 0) {
            o->independent_snapshots = true;
        } else if (strcmp(a, "--force-restore") == 0) {
            o->force_restore = true;
        } else if (strcmp(a, "--replace-snapshots") == 0) {
            o->replace_snapshots = true;
        } else if (strcmp(a, "--sandbox") == 0) {
            o->sandbox = true;
        } else if (strcmp(a, "--no-sandbox") == 0) {
            o->no_sandbox = true;
        } else if (strcmp(a, "--clear-env") == 0) {
            o->clear_env = true;
        } else {
            return fail("unknown option '%s'", a);
        }
    }
    if (o->nsnapshots) {
        qsort(o->snapshots, o->nsnapshots, sizeof *o->snapshots, compare_u64);
        size_t out = 0;
        for (size_t k = 0; k < o->nsnapshots; k++)
            if (out == 0 || o->snapshots[out - 1] != o->snapshots[k])
                o->snapshots[out++] = o->snapshots[k];
        o->nsnapshots = out;
    }
    if (o->sandbox && o->no_sandbox)
        return fail("%s", "--sandbox and --no-sandbox contradict each other");
    if (o->restore) {
        if (i < argc)
            return fail("--restore resumes a snapshot; unexpected program '%s'", argv[i]);
        return 0;
    }
    if (i >= argc)
        return fail("%s", "no program given");
    o->program = argv[i];
    o->argv = argv + i;
    o->argc = argc - i;
    return 0;
}

void run_options_free(struct run_options *o)
{
    for (size_t i = 0; i < o->nmodel_settings; i++)
        free((void *)o->model_settings[i]);
    free((void *)o->model_settings);
    free((void *)o->config);
    free((void *)o->env_set);
    free((void *)o->env_unset);
    free((void *)o->allow_paths);
    free((void *)o->sandbox_allow);
    free(o->snapshots);
    memset(o, 0, sizeof *o);
}
