/* Snapshots of a system-mode machine (machine_init_system): the hart with its privileged state,
 * physical RAM as a memory image, and the machine's devices.  The objects, in save and restore
 * order:
 *   cpu0    rv64-hart      as in user mode, with `priv` a dictionary (never NIL)
 *   ram     phys-memory    where RAM lies (base, size) and the image holding its content
 *   mem0    memory-image   page files of RAM, page number = physical address >> 12
 *   htif    htif           the tohost/fromhost words of the bare machine (0: none)
 *   clock   machine-clock  the guest's cycle count (the cycle CSR and time derive from it)
 *   run     snapsim-run    informational, as in user mode
 * and on the virt machine (machine_devices.c) its devices and disk:
 *   uart0   ns16550a, clint0 clint, plic0 plic (device_class.h)
 *   virtio0 virtio-mmio-blk and disk0 disk-image (image_disk.h), with a disk only
 * A virt snapshot is one holding any of these objects; a restore then needs them all.
 * Incremental snapshots store the RAM pages whose content changed since the previous snapshot
 * of the chain, found by comparing each page's 128-bit hash with the one recorded then: every
 * path by which RAM changes (the models' stores through host pointers, devices' DMA, HTIF
 * replies) is covered without any of them having to mark pages. */
#ifndef SNAPSIM_CHECKPOINT_MACHINE_SNAPSHOT_H
#define SNAPSIM_CHECKPOINT_MACHINE_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "checkpoint/ckpt_internal.h"
#include "checkpoint/image_disk.h"
#include "snapshot/config.h"
#include "snapshot/page_chain.h"
#include "snapshot/snap_paths.h"

extern const struct snap_class_def ckpt_phys_memory_class;
extern const struct snap_class_def ckpt_htif_class;
extern const struct snap_class_def ckpt_clock_class;

/* `ram` (phys-memory).  Capture reads base/size from the machine; restore stages them. */
struct machine_ram {
    uint64_t base, size;
};
/* `htif`: physical addresses of the words, 0 when the program has none. */
struct machine_htif {
    uint64_t tohost, fromhost;
};
/* `clock`: machine_cycles at the snapshot point. */
struct machine_clock {
    uint64_t cycles;
};

enum { MACHINE_NOBJECTS = 6 };
void machine_instances(struct snap_instance inst[MACHINE_NOBJECTS], struct hart *hart, struct machine_ram *ram,
                       struct ckpt_image *img, struct machine_htif *htif, struct machine_clock *clock,
                       struct ckpt_run *run);

struct virt_machine;
struct snap_dir_writer;

enum { MACHINE_VIRT_MAX_OBJECTS = 5 };
/* The virt machine's objects (at most MACHINE_VIRT_MAX_OBJECTS) into inst; their number. */
size_t machine_virt_instances(struct snap_instance *inst, struct virt_machine *v, struct image_disk *disk);
/* Does the config describe a virt machine, and one with a disk? */
bool machine_config_is_virt(const struct snap_config *cfg, bool *has_disk);
/* Writes the disk's diff (disk0.diff) into w and describes the disk0 object in out: with
 * `previous` (the chain's newest disk0 object) the blocks dirty since it, on top of its files;
 * without, every block written since the base was opened, on the fingerprinted base. */
int machine_disk_capture(struct snap_dir_writer *w, struct virt_machine *v, const struct image_disk *previous,
                         struct image_disk *out, char *err, size_t errlen);

/* Which machine a parsed config describes: a system-mode machine holds an object `ram` of class
 * phys-memory, a user-mode one an object `proc`.  0 when the config is of the kind wanted,
 * else -1 with a message saying how to restore it. */
int machine_config_kind_check(const struct snap_config *cfg, bool want_system, char *err, size_t errlen);
/* The same from the snapshot directory; false when it cannot be read (the caller's own
 * checks then report why). */
bool machine_snapshot_is_system(const char *path);

/* The check-before-change phase of a system-mode restore (what `snapshot verify` runs too):
 * every value checked against the class setters and against the machine restored into:
 * RAM at ram_base of ram_size bytes (0: the snapshot's own, for verify), the hart in a
 * privileged state, HTIF words inside RAM, every page of the chain inside RAM; opts (may be NULL)
 * gives the directories allowed and where disk bases are searched. */
struct machine_staged {
    struct snap_registry reg;
    struct snap_paths paths;
    struct snap_config cfg;
    struct snap_page_chain pages;
    struct machine_ram ram;
    struct ckpt_image img;
    struct machine_htif htif;
    struct machine_clock clock;
    struct ckpt_run run;
    struct virt_machine *virt;          /* the devices restored into (a scratch one for verify), or NULL */
    struct virt_machine *scratch;       /* owned: verify's devices */
    struct image_disk disk;             /* disk0 */
    char *disk_base;                    /* the base found for it (NULL: an all-zero disk) */
    struct snap_page_chain disk_diffs;
    bool have_reg, have_paths, have_disk;
};
/* virt: the virt machine restored into, NULL for the bare machine or (ram_size 0) for verify,
 * which then checks a virt snapshot's devices on scratch ones. */
int machine_stage(struct machine_staged *s, const char *path, struct hart *hart, struct virt_machine *virt,
                  uint64_t ram_base, uint64_t ram_size, const struct ckpt_restore_opts *opts, char *err,
                  size_t errlen);
void machine_staged_free(struct machine_staged *s);

/* RAM pages for the page writer (a snap_page_iter).  With `previous` (the hashes recorded at
 * the chain's newest snapshot) only changed pages are yielded; every page's current hash is
 * written to `hashes` (npages entries, two words each). */
struct machine_page_iter {
    const uint8_t *ram;
    uint64_t base, npages, next;
    const uint64_t *previous;
    uint64_t *hashes;
};
int machine_page_iter_next(void *ctx, uint64_t *page_number, const void **page, char *err, size_t errlen);
/* The hashes of npages zero pages (npages * 2 words, malloc'd), or NULL when memory ran out. */
uint64_t *machine_zero_hashes(uint64_t npages);
/* Loads the chain's pages into fresh (zero) RAM, all of them checked inside it by machine_stage,
 * and sets the hashes of the pages loaded (the others stay a zero page's), so that RAM is never
 * read whole to know what the restored snapshot holds. */
int machine_load_pages(uint8_t *ram, uint64_t base, uint64_t size, struct snap_page_chain *chain, uint64_t *hashes,
                       uint64_t *loaded, char *err, size_t errlen);

/* Restore of a system-mode snapshot into m (machine_init_system, nothing loaded). */
int machine_restore(struct machine *m, const char *path, const struct ckpt_restore_opts *opts,
                    struct ckpt_chain *chain, struct ckpt_stats *stats, char *err, size_t errlen);
/* Verify's dry run of machine_stage on scratch objects; a message, or "" when it passes. */
void machine_verify_stage(const char *path, char *err, size_t errlen);

#endif
