/* The check-before-change phase of a restore (restore_check.c): what restore applies and what
 * `snapshot verify` judges, computed by one function. */
#ifndef SNAPSIM_CHECKPOINT_RESTORE_CHECK_H
#define SNAPSIM_CHECKPOINT_RESTORE_CHECK_H

#include <stdbool.h>

#include "checkpoint/ckpt_internal.h"
#include "snapshot/config.h"
#include "snapshot/page_chain.h"
#include "snapshot/snap_paths.h"

/* Where the setters write: a fresh machine's hart and process (restore) or scratch ones
 * (verify).  capacity: the default when the snapshot names none. */
struct ckpt_stage_target {
    struct hart *hart;
    struct linux_process *proc;
    struct guest_mem *mem;          /* may be NULL: the setters only stage regions */
    uint64_t capacity;
    const char *const *allow;       /* extra roots for ancestor snapshots (--allow-path) */
    size_t nallow;
};

/* Every staged value, checked. */
struct ckpt_staged {
    struct snap_registry reg;
    struct snap_paths paths;
    struct snap_config cfg;
    struct snap_page_chain pages;   /* open, every index read */
    struct ckpt_memory cm;
    struct ckpt_image img;
    struct ckpt_process cp;
    struct ckpt_run run;
    struct ckpt_payloads payloads;  /* the saved contents loaded (restore keeps them in its chain) */
    bool have_reg, have_paths;
};

/* Parses, validates and stages the snapshot at `path` without changing anything outside the
 * target objects.  On failure (a one-line message) s must still be freed. */
int ckpt_stage(struct ckpt_staged *s, const char *path, const struct ckpt_stage_target *t, char *err,
               size_t errlen);
void ckpt_staged_free(struct ckpt_staged *s);
/* ckpt_stage on a scratch hart and process, freed again: what `snapshot verify` runs after the
 * format checks (and the snapshot fuzz target on every input).  0, or -1 with one line. */
int ckpt_stage_scratch(const char *path, char *err, size_t errlen);

#endif
