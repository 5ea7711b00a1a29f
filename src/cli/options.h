/* Command-line options of `snapsim run`. */
#ifndef SNAPSIM_CLI_OPTIONS_H
#define SNAPSIM_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* What a guest checkpoint op does (--on-checkpoint). */
enum on_checkpoint { ON_CHECKPOINT_SNAPSHOT, ON_CHECKPOINT_EXIT, ON_CHECKPOINT_IGNORE };
#include "debug/session.h"

struct run_options {
    const char *model;             /* --model */
    bool bare;                     /* --machine bare: a system-mode machine (src/priv) */
    bool virt;                     /* --machine virt: QEMU virt's devices too (src/platform) */
    /* --bios, --kernel, --initrd, --disk, --append (--machine virt) */
    const char *bios, *kernel, *initrd, *disk, *append;
    const char *load_persistent;   /* --load-persistent DIR: disks' content onto the booted virt machine */
    const char **image_paths;      /* --image-path DIR: where disks' base images are searched */
    size_t nimage_paths;
    const char *log_dir;           /* --log / --outdir: the output directory */
    const char **config;           /* --config assignments */
    size_t nconfig;
    uint64_t max_instructions;     /* 0 = no limit */
    const char **env_set;          /* -E VAR=VALUE */
    size_t nenv_set;
    const char **env_unset;        /* -U VAR */
    size_t nenv_unset;
    bool clear_env;
    uint64_t *snapshots;           /* --snapshots N...: sorted, unique */
    size_t nsnapshots;
    uint64_t snapshot_every;       /* --snapshot-every N */
    bool independent_snapshots;
    const char *restore;           /* --restore SNAPSHOT */
    const char **allow_paths;      /* --allow-path DIR: host trees a restored snapshot may use */
    size_t nallow_paths;
    bool force_restore;            /* --force-restore: restore although host files changed */
    const char *replace_changed;   /* --replace-changed DIR: replace changed files, keeping them in DIR */
    bool replace_snapshots;        /* --replace-snapshots: overwrite snapshots that already exist */
    bool sandbox;                  /* --sandbox: confine writes (always for --restore) */
    bool no_sandbox;               /* --no-sandbox: restore without the kernel sandbox */
    const char **sandbox_allow;    /* --sandbox-allow DIR: more trees the sandboxed run may write */
    size_t nsandbox_allow;
    const char **model_settings;   /* --max-cycles, --warmup, --pipeline-trace as config keys */
    size_t nmodel_settings;
    const char *readfile;          /* --readfile FILE: what the guest op readfile reads */
    enum on_checkpoint on_checkpoint;
    uint64_t work_end_exit;        /* --work-end-exit N: end the run at the Nth work_end (0 = no) */
    bool progress;                 /* --progress: a progress line on stderr even off a terminal */
    struct debug_options debug;    /* --difftest, --commit-log, --trace-window */
    const char *program;           /* NULL with --restore */
    char **argv;                   /* program and its arguments */
    int argc;
};

/* Parses the arguments after "run".  Returns 0 on success, 1 after printing help or the
 * version (exit 0), or 2 after a one-line error (exit 2). */
int run_options_parse(struct run_options *o, int argc, char **argv);
void run_options_free(struct run_options *o);
void run_usage(FILE *out);

#endif
