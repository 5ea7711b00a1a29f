/* Snapshots of the machine: capture at an instruction boundary, restore into a fresh machine,
 * flatten incremental chains, and the classes that describe every piece of machine state.
 *
 * A snapshot directory (docs/snapshot-format.md) holds these objects:
 *   cpu0    rv64-hart      pc, x, f, fcsr, LR/SC reservation, instret
 *   memory  guest-memory   region list (address, permissions, tag), capacity
 *   mem0    memory-image   page files of the memory content (incremental chains)
 *   proc    linux-process  brk, layout, fd table, host files, cwd, signals, clock, RNG, exit
 *   run     snapsim-run    counters and the model/configuration it came from (informational)
 * All classes are declared in one registry (ckpt_registry_init). */
#ifndef SNAPSIM_CHECKPOINT_CHECKPOINT_H
#define SNAPSIM_CHECKPOINT_CHECKPOINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/config.h"
#include "core/machine.h"
#include "snapshot/registry.h"

#define CKPT_MAX_CHAIN 32   /* after this many incremental snapshots the next one is standalone */

/* Registers every class of the machine's snapshot; 0 or -1 with a message. */
int ckpt_registry_init(struct snap_registry *reg, char *err, size_t errlen);

/* A raw-data payload (a saved file's content) stored in a snapshot of the chain, so that a later
 * snapshot references it instead of writing it again. */
struct ckpt_payload {
    uint64_t hash, length;      /* XXH3-64 of the bytes */
    uint64_t offset, stored;    /* in the raw file of `dir` */
    char *dir;                  /* real path of the snapshot directory */
};
struct ckpt_payloads {
    struct ckpt_payload *v;
    size_t n, cap;
};

/* The ancestors a next incremental snapshot builds on: real paths of snapshot directories,
 * newest first (dirs[0] is the previous snapshot), and the payloads they hold. */
struct image_disk;
struct ckpt_chain {
    char **dirs;
    size_t n;
    struct ckpt_payloads payloads;
    /* A system-mode machine: the 128-bit hash of every RAM page as dirs[0] holds it (what the
     * next incremental snapshot compares RAM to), or NULL. */
    uint64_t *ram_hash;
    uint64_t ram_pages;
    /* The virt machine's disk0 object as dirs[0] holds it (what the next diff builds on), or NULL. */
    struct image_disk *disk;
};
void ckpt_chain_free(struct ckpt_chain *c);

/* Informational description of the run, stored in the `run` object. */
struct ckpt_run_info {
    const char *model;
    const char *program;
    char **argv;
    int argc;
    const char *restored_from;   /* the snapshot a restored run started from, or NULL */
    char *const *env;            /* the guest environment it started with, or NULL if unknown */
};

struct ckpt_capture_opts {
    bool independent;            /* write a standalone snapshot even if a chain exists */
    bool replace;                /* replace a snapshot of the same name (else refused) */
    const struct ckpt_run_info *info;
};

struct ckpt_stats {
    uint64_t pages;              /* pages stored with content */
    uint64_t zero_pages;         /* zero pages recorded (incremental) or skipped */
    uint64_t page_bytes;         /* size of the page file */
    uint64_t raw_bytes;          /* size of the raw file (saved file contents, compressed) */
    uint64_t shared_bytes;       /* saved contents referenced in an ancestor instead of stored */
    uint64_t mapped_bytes;
    uint64_t chain_length;       /* ancestors */
    double seconds;
};

/* Writes a snapshot of m at `path` (which must not exist).  Incremental when `chain` has
 * ancestors (and opts->independent is false): only pages dirtied since the previous snapshot
 * are stored.  On success the chain starts with the new snapshot and the dirty bits are
 * cleared.  Returns 0, or -1 with a one-line message. */
int ckpt_capture(struct machine *m, const char *path, struct ckpt_chain *chain,
                 const struct ckpt_capture_opts *opts, struct ckpt_stats *stats, char *err, size_t errlen);

struct ckpt_restore_opts {
    /* Host directory trees the snapshot may name for the guest's files and cwd, besides the
     * snapshot's parent directory tree and the current directory tree. */
    const char *const *allow;
    size_t nallow;
    bool force;                  /* restore although host files changed (with warnings) */
    /* A regular file the restore would replace or remove although it changed since the snapshot
     * (the user's data) is first moved into this directory, named after its path with '/' as
     * '%' (".N" added if taken).  NULL: such a restore is refused before anything changes.  The
     * directory lies outside the restored tree so that the guest sees what it saw. */
    const char *replace_dir;
    void (*warn)(const char *msg);
    /* Called once every value has been checked and before the first host file changes, with
     * the real paths of the allowed directory trees: the caller confines the process's writes
     * to them (the kernel sandbox of restored runs).  NULL: no confinement. */
    int (*confine)(void *ctx, const char *const *dirs, size_t n, char *err, size_t errlen);
    void *confine_ctx;
    /* Where disk base images are searched after the snapshot's own directories (--image-path). */
    const char *const *image_path;
    size_t nimage_path;
};

/* What a system-mode machine must be built with before the snapshot at path restores into it:
 * the virt machine's disk or none, and the RAM size (0 when the snapshot cannot be read or
 * says nothing usable: the restore's own checks then say why). */
struct machine_snapshot_facts {
    bool has_disk;
    uint64_t ram_size;
};
void machine_snapshot_facts(const char *path, struct machine_snapshot_facts *f);
/* Simics's load-persistent-state: the disks' content from `dir` (snapshot save-persistent) onto
 * the virt machine's disk0, bases searched in the directory's own and then image_path.  0, or -1
 * with a message (nothing changed). */
struct virt_machine;
int machine_load_persistent(struct virt_machine *v, const char *dir, const char *const *image_path,
                            size_t nimage_path, char *err, size_t errlen);

/* Restores the snapshot at `path` into m, a freshly initialised machine (machine_init) on which
 * no program was loaded.  On success `chain` (if not NULL) lists the snapshot and its ancestors
 * so that later snapshots of the resumed run can build on it.  On failure m must be destroyed. */
int ckpt_restore(struct machine *m, const char *path, const struct ckpt_restore_opts *opts,
                 struct ckpt_chain *chain, struct ckpt_stats *stats, char *err, size_t errlen);

/* Writes a standalone copy of the snapshot `in` (flattening its chain) at `out`. */
int ckpt_merge(const char *in, const char *out, char *err, size_t errlen);
/* The same, finding disks' base images also in the search path (--image-path). */
struct image_search;
int ckpt_merge_images(const char *in, const char *out, const struct image_search *search, char *err,
                      size_t errlen);

/* The snapshot's file name for instruction count n: "<base>.<n, 15 digits>.snapshot". */
int ckpt_snapshot_name(char *buf, size_t size, const char *base, uint64_t n);

#endif
