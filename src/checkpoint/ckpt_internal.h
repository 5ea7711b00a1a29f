/* Private contract of src/checkpoint: the objects the snapshot classes read and fill.
 *
 * Capture passes live machine state to the getters.  Restore is two-phase: the setters of
 * state that needs the host (memory regions, page files, fds, host files, cwd) only validate
 * and stage values here; restore.c applies them once every value of every object has been
 * checked, so a hostile snapshot is refused before anything is mapped or opened. */
#ifndef SNAPSIM_CHECKPOINT_CKPT_INTERNAL_H
#define SNAPSIM_CHECKPOINT_CKPT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "checkpoint/checkpoint.h"
#include "core/machine.h"
#include "linux/process.h"
#include "snapshot/attr_value.h"
#include "snapshot/registry.h"
#include "snapshot/snap_objects.h"

#define CKPT_MAX_REGIONS MEM_MAX_REGIONS
#define CKPT_MAX_FILES   (LINUX_MAX_FDS + LINUX_MAX_SHARED_MAPS)
#define CKPT_PAGES_FILE  "mem0.pages"
#define CKPT_PAGES_REF   "%0%/mem0.pages"
/* The largest fd offset a snapshot holds: ext4's limit (16 TiB) is the smallest of the file
 * systems a restore may land on, so a larger one is refused at capture, by verify and restore. */
#define CKPT_MAX_FD_OFFSET ((int64_t)1 << 44)

extern const struct snap_class_def ckpt_hart_class;
extern const struct snap_class_def ckpt_memory_class;
extern const struct snap_class_def ckpt_image_class;
extern const struct snap_class_def ckpt_process_class;
extern const struct snap_class_def ckpt_run_class;

/* The `image` attribute of a memory object: always the object mem0 (memory_class.c). */
int ckpt_get_image_ref(void *obj, struct attr_value *v);
int ckpt_set_image_ref(void *obj, const struct attr_value *v, char *err, size_t errlen);

/* `memory` (guest-memory): the region list and capacity. */
struct ckpt_memory {
    struct guest_mem *mem;           /* capture: read from here */
    struct mem_region *regions;      /* restore: staged, validated */
    size_t nregions;
    uint64_t capacity;
};

/* `mem0` (memory-image): page file references. */
struct ckpt_image {
    struct attr_value files;         /* list of strings */
    struct attr_value checkpoint_path;
};

/* One host file the guest has open (through an fd or a shared mapping). */
enum ckpt_file_kind { CKPT_FILE_REGULAR, CKPT_FILE_DIR, CKPT_FILE_DEVICE, CKPT_FILE_STDIO, CKPT_FILE_OTHER };

struct ckpt_file {
    char *path;
    enum ckpt_file_kind kind;
    uint64_t size, mtime_ns, hash;   /* fingerprint (regular files) */
    bool has_content;
    uint8_t *content;                /* owned; size bytes */
    bool from_copy;                  /* restore: the guest reads the saved content, not the host file */
};

struct ckpt_fd {
    int fd;
    char *path;
    int flags;
    bool cloexec;
    int stdio;                       /* 0..2: the simulator's own stdin/stdout/stderr; -1 */
    int64_t offset;
    int dup_of;                      /* an earlier guest fd sharing the open file, or -1 */
};

/* One host path the guest changed, as it was at the snapshot point (fs_changes.c). */
enum ckpt_fs_kind { CKPT_FS_FILE, CKPT_FS_DIR, CKPT_FS_SYMLINK, CKPT_FS_ABSENT };

struct ckpt_fs_entry {
    struct ckpt_file file;           /* path; for a file: size, hash and (if it fits) content */
    enum ckpt_fs_kind kind;
    uint32_t mode;                   /* permission bits of a file or directory */
    int64_t same_as;                 /* an earlier entry that is the same file (hard link), or -1 */
    char *target;                    /* symlink target */
    uint64_t dev, ino;               /* capture only: finds hard links */
};

/* `proc` (linux-process). */
struct ckpt_process {
    struct linux_process *p;
    /* capture: computed by ckpt_files_collect; restore: staged */
    struct ckpt_file *files;
    size_t nfiles;
    struct ckpt_fd *fds;
    size_t nfds;
    struct linux_shared_map *shared;   /* restore: staged (paths owned), host_fd unused */
    size_t nshared;
    char *cwd;                          /* restore: staged */
    struct ckpt_fs_entry *fs;           /* host paths the guest changed */
    size_t nfs;
    uint64_t cycles;                    /* machine_cycles: the count guest time derives from */
    bool has_cycles;                    /* restore: the snapshot gave it */
};

/* `run` (snapsim-run): informational. */
struct ckpt_run {
    const struct ckpt_run_info *info;
    const struct config *config;
    uint64_t instret;
    int64_t host_time;
};

void ckpt_process_clear(struct ckpt_process *cp);

/* The objects of a machine snapshot, named as in the config, in save and restore order
 * (capture, restore and verify all use this one table). */
enum { CKPT_NOBJECTS = 5 };
void ckpt_instances(struct snap_instance inst[CKPT_NOBJECTS], struct hart *hart, struct ckpt_memory *cm,
                    struct ckpt_image *img, struct ckpt_process *cp, struct ckpt_run *run);

/* Host files (host_files.c).  Collects the fds and files of p (after linux_snapshot_prepare);
 * regular files' contents are kept when they fit in the limit of what a snapshot copies. */
int ckpt_files_collect(struct ckpt_process *cp, char *err, size_t errlen);
/* Restore: checks every staged host path against the allowed roots, reproduces saved file
 * contents, refuses changed files (unless forced), reopens fds and shared mappings and
 * installs them into cp->p; sets cwd. */
struct ckpt_roots {
    char **dirs;   /* real paths */
    size_t n;
};
int ckpt_files_restore(struct ckpt_process *cp, const struct ckpt_roots *roots,
                       const struct ckpt_restore_opts *opts, char *err, size_t errlen);

/* Shared by host_files.c and fs_changes.c. */
int ckpt_describe_fd(int host_fd, const char *path, struct ckpt_file *f, char *err, size_t errlen);
int ckpt_write_content(const struct ckpt_file *f, char *err, size_t errlen);
bool ckpt_file_unchanged(const struct ckpt_file *f);
bool ckpt_path_allowed(const struct ckpt_roots *roots, const char *real);
void ckpt_warn(const struct ckpt_restore_opts *o, const char *fmt, const char *arg);
/* Moves the user's current file into opts->replace_dir before it is replaced or removed. */
int ckpt_keep_backup(const char *path, const struct ckpt_restore_opts *o, char *err, size_t errlen);

/* Checks before any host change (host_check.c).  ckpt_process_check: consistency of the staged
 * fds, files, shared mappings, fs_changes and brk (no host access; verify runs it too).
 * ckpt_check_location: is `path` (itself when it exists and `itself` is set, else the nearest
 * existing directory above it) inside the roots?  ckpt_locations_check: that, for every path. */
int ckpt_process_check(const struct ckpt_process *cp, char *err, size_t errlen);
int ckpt_check_location(const struct ckpt_roots *roots, const char *path, bool itself, char *err, size_t errlen);
int ckpt_locations_check(const struct ckpt_process *cp, const struct ckpt_roots *roots, char *err, size_t errlen);
int ckpt_std_index(const char *path);
/* Devices whose reopening reads or writes nothing of the user's. */
bool ckpt_harmless_device(const char *path);
const struct ckpt_file *ckpt_find_file(const struct ckpt_process *cp, const char *path);

/* File-system changes (fs_changes.c).  Collect describes every path in p->touched; restore
 * checks that every entry lies inside the allowed roots, then makes the host match (creating
 * directories, writing files, linking, removing what the guest had removed). */
int ckpt_fs_collect(struct ckpt_process *cp, char *err, size_t errlen);
int ckpt_fs_restore(struct ckpt_process *cp, const struct ckpt_roots *roots,
                    const struct ckpt_restore_opts *opts, char *err, size_t errlen);
void ckpt_fs_clear(struct ckpt_process *cp);
/* The fs_changes attribute of linux-process. */
int ckpt_get_fs_changes(void *obj, struct attr_value *v);
int ckpt_set_fs_changes(void *obj, const struct attr_value *v, char *err, size_t errlen);

/* The thread attributes of linux-process (process_threads.c): the running thread's id and
 * signals sent to it, the scheduler's position, and every other thread with its registers. */
int ckpt_get_tid(void *obj, struct attr_value *v);
int ckpt_set_tid(void *obj, const struct attr_value *v, char *err, size_t errlen);
int ckpt_get_thread_pending(void *obj, struct attr_value *v);
int ckpt_set_thread_pending(void *obj, const struct attr_value *v, char *err, size_t errlen);
int ckpt_get_scheduler(void *obj, struct attr_value *v);
int ckpt_set_scheduler(void *obj, const struct attr_value *v, char *err, size_t errlen);
int ckpt_get_threads(void *obj, struct attr_value *v);
int ckpt_set_threads(void *obj, const struct attr_value *v, char *err, size_t errlen);
/* A hart's registers as the tuple (pc, x, f, fcsr, reservation), checked as rv64-hart checks
 * its attributes (hart_class.c). */
#define CKPT_HART_REGS_TYPE "[i[i{32}][i{32}]ii|n]"
struct attr_value ckpt_hart_regs_get(struct hart *h);
int ckpt_hart_regs_set(struct hart *h, const struct attr_value *v, char *err, size_t errlen);

/* Memory helpers (memory_image.c). */
/* Maps the staged regions (checked by ckpt_stage) into a fresh guest memory. */
int ckpt_map_regions(struct guest_mem *mem, const struct ckpt_memory *cm, char *err, size_t errlen);
/* Clears MEM_DIRTY over every mapped region. */
void ckpt_clear_dirty(struct guest_mem *mem);

/* ---- payloads shared along a chain (payloads.c) ---- */

/* Adds a payload (dir is copied); false when memory ran out. */
bool ckpt_payloads_add(struct ckpt_payloads *l, uint64_t hash, uint64_t length, const char *dir, uint64_t offset,
                       uint64_t stored);
void ckpt_payloads_free(struct ckpt_payloads *l);
/* A snap_raw_loading callback (ctx: struct ckpt_payloads) recording what a restore loaded. */
void ckpt_payloads_seen(void *ctx, uint64_t hash, uint64_t length, const char *dir, uint64_t offset, uint64_t stored);

/* What one capture shares: it finds payloads in the chain it builds on, and collects those it
 * writes itself until the snapshot is committed under its final name. */
struct ckpt_sharing {
    struct snap_raw_sharing cb;
    const struct ckpt_chain *ancestors;
    struct ckpt_payloads written;   /* dir "" until committed */
    uint64_t raw_bytes, shared_bytes;
};
void ckpt_sharing_init(struct ckpt_sharing *s, const struct ckpt_chain *ancestors);
/* Moves the payloads written into chain->payloads, now stored in dir. */
void ckpt_sharing_commit(struct ckpt_sharing *s, struct ckpt_chain *chain, const char *dir);
void ckpt_sharing_free(struct ckpt_sharing *s);

#endif
