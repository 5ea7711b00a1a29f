/* Parsing of `snapsim run` options.
 *
 * One table describes every option: getopt_long's table and the --help text are both made from
 * it, so an option cannot be accepted without being documented.  Parsing follows getopt_long
 * conventions (`--opt value`, `--opt=value`, short options, `--` ends the options) and stops at the
 * first non-option, which is the guest program: its own options are never taken for ours.  Two
 * options take a list (`--config A B ...`, `--snapshots N M ...`): the values that follow, as long
 * as they look like values of that option. */
#include "cli/options.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "platform/virt_machine.h"
#include "version.h"

enum option_id {
    OPT_MODEL = 'm', OPT_CONFIG = 'c', OPT_MAX_INSTRUCTIONS = 'n', OPT_RESTORE = 'r',
    OPT_SET_ENV = 'E', OPT_UNSET_ENV = 'U', OPT_HELP = 'h', OPT_VERSION = 'V',
    OPT_LOG = 256, OPT_SNAPSHOTS, OPT_SNAPSHOT_EVERY, OPT_INDEPENDENT, OPT_ALLOW_PATH,
    OPT_FORCE_RESTORE, OPT_REPLACE_CHANGED, OPT_REPLACE_SNAPSHOTS, OPT_SANDBOX, OPT_SANDBOX_ALLOW,
    OPT_NO_SANDBOX, OPT_MAX_CYCLES, OPT_WARMUP, OPT_PIPELINE_TRACE, OPT_CLEAR_ENV, OPT_HOST_ENV,
    OPT_OUTDIR, OPT_READFILE, OPT_ON_CHECKPOINT, OPT_WORK_END_EXIT, OPT_PROGRESS,
    OPT_DIFFTEST, OPT_COMMIT_LOG, OPT_WAVE, OPT_TRACE_WINDOW, OPT_LIGHTSSS, OPT_ENABLE_FORK,
    OPT_MACHINE, OPT_BIOS, OPT_KERNEL, OPT_INITRD, OPT_DISK, OPT_APPEND, OPT_MEMORY,
    OPT_LOAD_PERSISTENT, OPT_IMAGE_PATH,
};

struct option_spec {
    const char *name;
    int id;               /* the short option character, or a value above 255 */
    const char *metavar;  /* NULL for a flag */
    const char *help;
};

static const struct option_spec specs[] = {
    {"model", OPT_MODEL, "NAME", "execution model (see `snapsim models`; default fast)"},
    {"machine", OPT_MACHINE, "NAME", "linux (a Linux program in user mode, the default), bare "
                                     "(an ELF in M-mode on physical memory, ending through HTIF tohost) "
                                     "or virt (QEMU virt's devices, booting --bios and --kernel)"},
    {"kernel", OPT_KERNEL, "FILE", "virt: the kernel Image, loaded at 0x80200000"},
    {"initrd", OPT_INITRD, "FILE", "virt: the initial RAM disk"},
    {"disk", OPT_DISK, "FILE", "virt: the virtio block device's image (never written: writes stay in memory)"},
    {"append", OPT_APPEND, "ARGS", "virt: the kernel command line"},
    {"load-persistent", OPT_LOAD_PERSISTENT, "DIR", "virt: the disks' content from a persistent-state directory "
                                                    "(snapshot save-persistent)"},
    {"image-path", OPT_IMAGE_PATH, "DIR", "virt: where disk base images are searched (repeatable)"},
    {"bios", OPT_BIOS, "FILE", "virt: the firmware at 0x80000000 (default Debian's OpenSBI fw_jump.bin)"},
    {"memory", OPT_MEMORY, "SIZE", "bare, virt: RAM size in bytes, or with a K, M or G suffix (system:ram_size)"},
    {"log", OPT_LOG, "DIR", "output directory: snapsim.log, stats.json, config.json, snapshots"},
    {"outdir", OPT_OUTDIR, "DIR", "the same as --log DIR (gem5's name)"},
    {"config", OPT_CONFIG, "C:F:V ...", "set configuration keys (see `snapsim config --model NAME`)"},
    {"max-instructions", OPT_MAX_INSTRUCTIONS, "N", "stop when the program has retired N instructions"},
    {"snapshots", OPT_SNAPSHOTS, "N ...", "write a snapshot when the program has retired exactly N instructions"},
    {"snapshot-every", OPT_SNAPSHOT_EVERY, "N", "write a snapshot at every multiple of N retired instructions"},
    {"independent-snapshots", OPT_INDEPENDENT, NULL, "write standalone snapshots, not incremental ones"},
    {"restore", OPT_RESTORE, "SNAPSHOT", "resume a snapshot instead of starting a program"},
    {"allow-path", OPT_ALLOW_PATH, "DIR", "let a restored snapshot use host files under DIR"},
    {"force-restore", OPT_FORCE_RESTORE, NULL, "restore although host files changed since the snapshot"},
    {"replace-changed", OPT_REPLACE_CHANGED, "DIR", "restore host files that changed since the snapshot, "
                                                    "moving what they hold now into DIR (refused otherwise)"},
    {"replace-snapshots", OPT_REPLACE_SNAPSHOTS, NULL, "replace snapshots of the same names (refused otherwise)"},
    {"sandbox", OPT_SANDBOX, NULL, "let the run write only below the current directory, --allow-path and "
                                   "--sandbox-allow directories (always on with --restore)"},
    {"sandbox-allow", OPT_SANDBOX_ALLOW, "DIR", "let the sandboxed run also write below DIR"},
    {"no-sandbox", OPT_NO_SANDBOX, NULL, "restore without the kernel sandbox (kernels without Landlock)"},
    {"max-cycles", OPT_MAX_CYCLES, "N", "stop after N cycles (pipeline models)"},
    {"warmup", OPT_WARMUP, "N", "statistics start when the program has retired N instructions"},
    {"pipeline-trace", OPT_PIPELINE_TRACE, "FILE", "write a Kanata pipeline trace for Konata (pipeline models)"},
    {"difftest", OPT_DIFFTEST, NULL, "check a detailed model against the fast model per instruction"},
    {"commit-log", OPT_COMMIT_LOG, "FILE", "write a Spike-style commit log (with --difftest also FILE.ref)"},
    {"lightsss", OPT_LIGHTSSS, NULL, "fork snapshots; on a failure replay it with every debugging output (pipeline models)"},
    {"enable-fork", OPT_ENABLE_FORK, NULL, "the same as --lightsss"},
    {"wave", OPT_WAVE, "FILE", "write a VCD waveform of the pipeline (GTKWave; pipeline models)"},
    {"trace-window", OPT_TRACE_WINDOW, "[insn:|cycle:]A-B", "limit --commit-log, --wave and --pipeline-trace to instructions (or cycles) A..B-1"},
    {"set-env", OPT_SET_ENV, "VAR=VALUE", "set a variable in the guest environment"},
    {"unset-env", OPT_UNSET_ENV, "VAR", "with --host-env: remove a host variable from the guest environment"},
    {"clear-env", OPT_CLEAR_ENV, NULL, "with --host-env: start from an empty environment"},
    {"host-env", OPT_HOST_ENV, NULL, "pass the host environment to the guest, as qemu-user (linux:host_env)"},
    {"on-checkpoint", OPT_ON_CHECKPOINT, "MODE", "a guest checkpoint op: snapshot (default), exit (snapshot and end) or ignore"},
    {"readfile", OPT_READFILE, "FILE", "the file the guest op readfile reads (an input of this run, not of a snapshot)"},
    {"work-end-exit", OPT_WORK_END_EXIT, "N", "end the run at the guest's Nth work_end (exit cause work-end)"},
    {"progress", OPT_PROGRESS, NULL, "print a progress line on stderr (the default on a terminal)"},
    {"help", OPT_HELP, NULL, "show this help"},
    {"version", OPT_VERSION, NULL, "show the version"},
};
enum { NSPECS = sizeof specs / sizeof specs[0] };

/* One option's help line: its name in a column, the text wrapped at 100 columns beside it. */
static void print_wrapped(FILE *out, const char *left, const char *help)
{
    enum { INDENT = 37, WIDTH = 100 };
    int col = fprintf(out, "  %-34s ", left);
    bool first = true;
    for (const char *p = help; *p;) {
        p += strspn(p, " ");
        size_t word = strcspn(p, " ");
        if (!word)
            break;
        if (!first && col + 1 + (int)word > WIDTH)
            col = fprintf(out, "\n%*s", INDENT, "") - 1;
        else if (!first)
            col += fprintf(out, " ");
        col += fprintf(out, "%.*s", (int)word, p);
        p += word;
        first = false;
    }
    fputc('\n', out);
}

void run_usage(FILE *out)
{
    fprintf(out,
        "usage: snapsim run [options] [--] PROGRAM [ARGS...]\n"
        "       snapsim run [options] --restore SNAPSHOT\n"
        "\n"
        "Runs a static RISC-V Linux program (RV64GC).  The simulator exits with the program's exit\n"
        "status; a program killed by a signal gives 128 + the signal number, SIGINT/SIGTERM to the\n"
        "simulator 128 + that signal, bad usage or input 2, an output that cannot be written 3.\n"
        "Every instruction count N (--max-instructions, --snapshots, --snapshot-every, --warmup,\n"
        "stats:dump_every) is the program's absolute retired-instruction count, as in snapshot\n"
        "names, also after --restore; --max-cycles counts the cycles of this run.\n"
        "\n"
        "options (a value may also be given as --option=VALUE):\n");
    for (size_t i = 0; i < NSPECS; i++) {
        char left[64];
        int n = specs[i].id < 256 ? snprintf(left, sizeof left, "-%c, ", specs[i].id)
                                  : snprintf(left, sizeof left, "    ");
        snprintf(left + n, sizeof left - (size_t)n, "--%s%s%s", specs[i].name,
                 specs[i].metavar ? " " : "", specs[i].metavar ? specs[i].metavar : "");
        print_wrapped(out, left, specs[i].help);
    }
    fprintf(out,
        "\n"
        "The guest environment holds only the -E variables unless --host-env is given, and the\n"
        "standard streams look like pipes (linux:stdio), so a run retires the same instructions\n"
        "on any machine.  A PROGRAM without a '/' is looked up among the bundled example\n"
        "programs, then in PATH.\n");
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

static bool push_snapshot_point(struct run_options *o, uint64_t n)
{
    uint64_t *s = realloc(o->snapshots, (o->nsnapshots + 1) * sizeof *s);
    if (!s)
        return false;
    o->snapshots = s;
    o->snapshots[o->nsnapshots++] = n;
    return true;
}

/* Options of the cycle-level models are shorthands for their configuration keys, so a model that
 * lacks the key rejects them with the usual error. */
static bool push_model_setting(struct run_options *o, const char *key, const char *value)
{
    char *setting = malloc(strlen(key) + strlen(value) + 2);
    if (!setting)
        return false;
    sprintf(setting, "%s:%s", key, value);
    if (push(&o->model_settings, &o->nmodel_settings, setting))
        return true;
    free(setting);
    return false;
}

/* A size: a number, or one with a K, M or G suffix (binary multiples). */
static bool parse_size(const char *s, uint64_t *out)
{
    size_t len = strlen(s);
    unsigned shift = 0;
    char digits[32];
    if (len == 0 || len >= sizeof digits)
        return false;
    switch (s[len - 1]) {
    case 'K': case 'k': shift = 10; break;
    case 'M': case 'm': shift = 20; break;
    case 'G': case 'g': shift = 30; break;
    default: break;
    }
    memcpy(digits, s, len + 1);
    if (shift)
        digits[len - 1] = 0;
    uint64_t n;
    if (!config_parse_uint(digits, &n) || n > (UINT64_MAX >> shift))
        return false;
    *out = n << shift;
    return true;
}

/* Sorts the snapshot points and drops repeats. */
static void normalise_snapshot_points(struct run_options *o)
{
    if (!o->nsnapshots)
        return;
    qsort(o->snapshots, o->nsnapshots, sizeof *o->snapshots, compare_u64);
    size_t out = 0;
    for (size_t k = 0; k < o->nsnapshots; k++)
        if (out == 0 || o->snapshots[out - 1] != o->snapshots[k])
            o->snapshots[out++] = o->snapshots[k];
    o->nsnapshots = out;
}

/* Handles one option; `value` is its argument (NULL for flags).  List options consume the values
 * that follow from argv, advancing *next.  Returns 0, 1 (help or version shown) or 2 (error). */
static int apply_option(struct run_options *o, int id, const char *name, const char *value, int argc,
                        char **argv, int *next)
{
    uint64_t n;
    switch (id) {
    case OPT_HELP:
        run_usage(stdout);
        return 1;
    case OPT_VERSION:
        printf("snapsim %s\n", SNAPSIM_VERSION);
        return 1;
    case OPT_MODEL:
        o->model = value;
        return 0;
    case OPT_MACHINE:
        if (strcmp(value, "linux") && strcmp(value, "bare") && strcmp(value, "virt"))
            return fail("unknown machine '%s'; available: linux bare virt", value);
        o->bare = !strcmp(value, "bare");
        o->virt = !strcmp(value, "virt");
        return 0;
    case OPT_BIOS: o->bios = value; return 0;
    case OPT_KERNEL: o->kernel = value; return 0;
    case OPT_INITRD: o->initrd = value; return 0;
    case OPT_DISK: o->disk = value; return 0;
    case OPT_LOAD_PERSISTENT: o->load_persistent = value; return 0;
    case OPT_IMAGE_PATH:
        return push(&o->image_paths, &o->nimage_paths, value) ? 0 : fail("%s", "out of memory");
    case OPT_APPEND: o->append = value; return 0;
    case OPT_MEMORY: {
        char bytes[32];
        if (!parse_size(value, &n))
            return fail("--memory needs a size in bytes (or with a K, M or G suffix), got '%s'", value);
        snprintf(bytes, sizeof bytes, "%llu", (unsigned long long)n);
        return push_model_setting(o, "system:ram_size", bytes) ? 0 : fail("%s", "out of memory");
    }
    case OPT_LOG:
    case OPT_OUTDIR:
        o->log_dir = o->debug.log_dir = value;
        return 0;
    case OPT_READFILE:
        o->readfile = value;
        return 0;
    case OPT_ON_CHECKPOINT:
        if (!strcmp(value, "snapshot"))
            o->on_checkpoint = ON_CHECKPOINT_SNAPSHOT;
        else if (!strcmp(value, "exit"))
            o->on_checkpoint = ON_CHECKPOINT_EXIT;
        else if (!strcmp(value, "ignore"))
            o->on_checkpoint = ON_CHECKPOINT_IGNORE;
        else
            return fail("--on-checkpoint needs snapshot, exit or ignore, got '%s'", value);
        return 0;
    case OPT_WORK_END_EXIT:
        if (!config_parse_uint(value, &o->work_end_exit) || o->work_end_exit == 0)
            return fail("--work-end-exit needs a positive number, got '%s'", value);
        return 0;
    case OPT_PROGRESS:
        o->progress = true;
        return 0;
    case OPT_RESTORE:
        o->restore = value;
        return 0;
    case OPT_SET_ENV:
        if (!strchr(value, '='))
            return fail("-E needs VAR=VALUE, got '%s'", value);
        return push(&o->env_set, &o->nenv_set, value) ? 0 : fail("%s", "out of memory");
    case OPT_UNSET_ENV:
        return push(&o->env_unset, &o->nenv_unset, value) ? 0 : fail("%s", "out of memory");
    case OPT_ALLOW_PATH:
        return push(&o->allow_paths, &o->nallow_paths, value) ? 0 : fail("%s", "out of memory");
    case OPT_SANDBOX_ALLOW:
        return push(&o->sandbox_allow, &o->nsandbox_allow, value) ? 0 : fail("%s", "out of memory");
    case OPT_REPLACE_CHANGED:
        o->replace_changed = value;
        return 0;
    case OPT_REPLACE_SNAPSHOTS:
        o->replace_snapshots = true;
        return 0;
    case OPT_SANDBOX:
        o->sandbox = true;
        return 0;
    case OPT_NO_SANDBOX:
        o->no_sandbox = true;
        return 0;
    case OPT_CONFIG:
        if (!looks_like_assignment(value))
            return fail("--config needs component:field:value, got '%s'", value);
        if (!push(&o->config, &o->nconfig, value))
            return fail("%s", "out of memory");
        while (*next < argc && looks_like_assignment(argv[*next]))
            if (!push(&o->config, &o->nconfig, argv[(*next)++]))
                return fail("%s", "out of memory");
        return 0;
    case OPT_SNAPSHOTS:
        if (!config_parse_uint(value, &n))
            return fail("--snapshots needs instruction counts, got '%s'", value);
        if (!push_snapshot_point(o, n))
            return fail("%s", "out of memory");
        while (*next < argc && config_parse_uint(argv[*next], &n)) {
            if (!push_snapshot_point(o, n))
                return fail("%s", "out of memory");
            (*next)++;
        }
        return 0;
    case OPT_MAX_INSTRUCTIONS:
        if (!config_parse_uint(value, &o->max_instructions) || o->max_instructions == 0)
            return fail("--max-instructions needs a positive number, got '%s'", value);
        return 0;
    case OPT_SNAPSHOT_EVERY:
        if (!config_parse_uint(value, &o->snapshot_every) || o->snapshot_every == 0)
            return fail("--snapshot-every needs a positive number, got '%s'", value);
        return 0;
    case OPT_MAX_CYCLES:
        return push_model_setting(o, "pipeline:max_cycles", value) ? 0 : fail("%s", "out of memory");
    case OPT_WARMUP:
        if (!config_parse_uint(value, &n))
            return fail("--warmup needs an instruction count, got '%s'", value);
        return push_model_setting(o, "stats:warmup_instructions", value) ? 0 : fail("%s", "out of memory");
    case OPT_PIPELINE_TRACE:
        return push_model_setting(o, "pipeline:trace_filename", value) ? 0 : fail("%s", "out of memory");
    case OPT_INDEPENDENT:
        o->independent_snapshots = true;
        return 0;
    case OPT_FORCE_RESTORE:
        o->force_restore = true;
        return 0;
    case OPT_CLEAR_ENV:
        o->clear_env = true;
        return 0;
    case OPT_HOST_ENV:
        return push_model_setting(o, "linux:host_env", "true") ? 0 : fail("%s", "out of memory");
    case OPT_DIFFTEST:
        o->debug.difftest = true;
        return 0;
    case OPT_COMMIT_LOG:
        o->debug.commit_log = value;
        return 0;
    case OPT_LIGHTSSS:
    case OPT_ENABLE_FORK:
        o->debug.lightsss = true;
        return 0;
    case OPT_WAVE:
        o->debug.wave = value;
        return 0;
    case OPT_TRACE_WINDOW:
        o->debug.window = value;
        return 0;
    }
    return fail("internal error: unhandled option --%s", name);
}

static const struct option_spec *spec_of(int id)
{
    for (size_t i = 0; i < NSPECS; i++)
        if (specs[i].id == id)
            return &specs[i];
    return NULL;
}

/* The system-mode machines have no Linux process; their snapshots are of the whole machine
 * (src/checkpoint/machine_snapshot.h), and a restored one holds its software.  The virt
 * machine's software options need the virt machine. */
static bool system_options_ok(struct run_options *o)
{
    if (!o->bare && !o->virt) {
        const char *virt_only = o->kernel ? "--kernel" : o->initrd ? "--initrd" : o->disk ? "--disk"
                              : o->append ? "--append" : o->bios ? "--bios"
                              : o->load_persistent ? "--load-persistent" : o->nimage_paths ? "--image-path" : NULL;
        if (virt_only) {
            fail("%s needs --machine virt", virt_only);
            return false;
        }
        return true;
    }
    if (o->bare && (o->load_persistent || o->nimage_paths)) {
        fail("%s", "--load-persistent and --image-path need --machine virt (the bare machine has no disk)");
        return false;
    }
    if (o->load_persistent && (o->restore || !o->disk)) {
        fail("%s", "--load-persistent loads onto the disk of a boot: it needs --disk, not --restore");
        return false;
    }
    if (o->bare && (o->kernel || o->initrd || o->disk || o->append || o->bios)) {
        fail("%s", "--kernel, --initrd, --disk, --append and --bios need --machine virt, not bare");
        return false;
    }
    if (o->restore && (o->kernel || o->initrd || o->disk || o->append || o->bios)) {
        fail("%s", "--kernel, --initrd, --disk, --append and --bios do not go with --restore: the snapshot holds "
                   "the machine's software and disk");
        return false;
    }
    return true;
}

int run_options_parse(struct run_options *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->model = "fast";

    struct option longopts[NSPECS + 1];
    char shortopts[2 * NSPECS + 3] = "+:";   /* stop at the program; report missing values */
    size_t ns = strlen(shortopts);
    for (size_t i = 0; i < NSPECS; i++) {
        longopts[i] = (struct option){specs[i].name, specs[i].metavar ? required_argument : no_argument,
                                      NULL, specs[i].id};
        if (specs[i].id < 256) {
            shortopts[ns++] = (char)specs[i].id;
            if (specs[i].metavar)
                shortopts[ns++] = ':';
        }
    }
    longopts[NSPECS] = (struct option){0};
    shortopts[ns] = 0;

    /* getopt_long expects argv[0] to be the command name; our argv starts after "run". */
    char *args[argc + 2];
    args[0] = "snapsim run";
    for (int i = 0; i < argc; i++)
        args[i + 1] = argv[i];
    args[argc + 1] = NULL;
    int nargs = argc + 1;

    /* 0, not 1: glibc then also forgets where it stopped inside a previous command line's
     * option cluster, which would otherwise point into strings no longer alive. */
    optind = 0;
    opterr = 0;
    for (;;) {
        int index = -1;
        int id = getopt_long(nargs, args, shortopts, longopts, &index);
        if (id == -1)
            break;
        if (id == '?') {
            if (optopt && optopt < 256)
                return fail("unknown option '-%s'", (char[]){(char)optopt, 0});
            return fail("unknown option '%s'", args[optind - 1]);
        }
        if (id == ':') {
            const struct option_spec *s = spec_of(optopt);
            return fail("option --%s needs a value", s ? s->name : args[optind - 1]);
        }
        const struct option_spec *s = spec_of(id);
        int next = optind;
        int rc = apply_option(o, id, s ? s->name : "?", optarg, nargs, args, &next);
        if (rc != 0)
            return rc;
        optind = next;
    }
    normalise_snapshot_points(o);
    if (!system_options_ok(o))
        return 2;
    if (o->sandbox && o->no_sandbox)
        return fail("%s", "--sandbox and --no-sandbox contradict each other");

    int first = optind - 1;   /* index into argv (without the command name) */
    if (o->restore) {
        if (first < argc)
            return fail("--restore resumes a snapshot; unexpected program '%s'", argv[first]);
        return 0;
    }
    if (o->virt) {
        if (first < argc)
            return fail("--machine virt boots --kernel; unexpected program '%s'", argv[first]);
        if (!o->kernel)
            return fail("%s", "--machine virt needs --kernel IMAGE");
        if (!o->bios)
            o->bios = VIRT_DEFAULT_BIOS;
        return 0;
    }
    if (first >= argc)
        return fail("%s", "no program given");
    o->program = argv[first];
    o->argv = argv + first;
    o->argc = argc - first;
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
    free((void *)o->image_paths);
    free((void *)o->sandbox_allow);
    free(o->snapshots);
    memset(o, 0, sizeof *o);
}
