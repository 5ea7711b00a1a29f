/* Restoring a system-mode snapshot.  As in user mode, every value is checked (machine_stage, the
 * phase `snapshot verify` runs too) before RAM is written; the machine then takes the hart, RAM
 * content, HTIF words and clock, and the chain its later snapshots build on. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checkpoint/machine_snapshot.h"
#include "platform/virt_machine.h"
#include "priv/priv.h"
#include "priv/system.h"
#include "snapshot/snap_error.h"
#include "snapshot/snap_objects.h"

int machine_config_kind_check(const struct snap_config *cfg, bool want_system, char *err, size_t errlen)
{
    const struct snap_cfg_object *ram = snap_config_find_object(cfg, "ram");
    bool system = ram && !strcmp(ram->class_name, ckpt_phys_memory_class.name);
    if (system == want_system)
        return 0;
    bool has_disk;
    if (system)
        return snap_err(err, errlen, "a snapshot of a system-mode machine: restore it with --machine %s",
                        machine_config_is_virt(cfg, &has_disk) ? "virt" : "bare");
    return snap_err(err, errlen, "a snapshot of a Linux process: restore it without --machine");
}

bool machine_snapshot_is_system(const char *path)
{
    struct snap_paths paths;
    struct snap_config cfg;
    char err[256];
    snap_config_init(&cfg);
    if (snap_paths_init(&paths, path, err, sizeof err))
        return false;
    bool system = snap_paths_parse_config(&paths, &cfg, err, sizeof err) == 0 &&
                  machine_config_kind_check(&cfg, false, err, sizeof err) != 0;
    snap_config_free(&cfg);
    snap_paths_free(&paths);
    return system;
}

static bool in_ram(const struct machine_ram *r, uint64_t pa, uint64_t n)
{
    return pa >= r->base && pa - r->base <= r->size && n <= r->size - (pa - r->base);
}

/* What the classes cannot judge alone: values against each other and against the machine. */
static int check_machine(const struct machine_staged *s, uint64_t ram_base, uint64_t ram_size, char *err,
                         size_t errlen)
{
    const struct snap_cfg_object *cpu = snap_config_find_object(&s->cfg, "cpu0");
    const struct snap_cfg_attr *priv = cpu ? snap_cfg_object_find_attr(cpu, "priv") : NULL;
    if (!priv || priv->value.kind == ATTR_NIL)
        return snap_err(err, errlen, "object cpu0: a system-mode hart needs its privileged state (priv)");
    if (ram_size && (s->ram.base != ram_base || s->ram.size != ram_size))
        return snap_err(err, errlen,
                        "object ram: %llu bytes at 0x%llx, but this machine has %llu bytes at 0x%llx%s",
                        (unsigned long long)s->ram.size, (unsigned long long)s->ram.base,
                        (unsigned long long)ram_size, (unsigned long long)ram_base,
                        s->ram.size != ram_size
                            ? " (set system:ram_size or --memory to the snapshot's, or leave both out)" : "");
    if (s->htif.tohost && !in_ram(&s->ram, s->htif.tohost, 8))
        return snap_err(err, errlen, "object htif: tohost 0x%llx is not in RAM", (unsigned long long)s->htif.tohost);
    if (s->htif.fromhost && !in_ram(&s->ram, s->htif.fromhost, 8))
        return snap_err(err, errlen, "object htif: fromhost 0x%llx is not in RAM",
                        (unsigned long long)s->htif.fromhost);
    /* Indexes are sorted: the first and last entries bound every page of an image. */
    uint64_t first = s->ram.base >> GUEST_PAGE_SHIFT, end = first + (s->ram.size >> GUEST_PAGE_SHIFT);
    for (size_t i = 0; i < s->pages.n; i++) {
        size_t n = snap_pages_count(s->pages.images[i]);
        if (n && (snap_pages_entry(s->pages.images[i], 0)->page_number < first ||
                  snap_pages_entry(s->pages.images[i], n - 1)->page_number >= end))
            return snap_err(err, errlen, "%s: holds a page outside RAM", snap_pages_name(s->pages.images[i]));
    }
    return 0;
}

/* The devices a virt snapshot is checked on, and whether the snapshot fits this machine. */
static int virt_target(struct machine_staged *s, struct virt_machine *virt, bool verify, char *err, size_t errlen)
{
    bool has_disk, is_virt = machine_config_is_virt(&s->cfg, &has_disk);
    if (verify && is_virt && !(virt = s->scratch = virt_machine_scratch(has_disk)))
        return snap_err(err, errlen, "out of memory");
    if (!verify && is_virt != (virt != NULL))
        return snap_err(err, errlen, is_virt ? "a snapshot of the virt machine: restore it with --machine virt"
                                             : "a snapshot of the bare machine: restore it with --machine bare");
    if (virt && virt->has_disk != has_disk)
        return snap_err(err, errlen, "object %s is missing from the snapshot", has_disk ? "virtio0 or disk0" : "disk0");
    s->virt = virt;
    return 0;
}

/* disk0's base found and fingerprint checked, its diffs opened. */
static int stage_disk(struct machine_staged *s, const char *const *image_path, size_t nimage_path, char *err,
                      size_t errlen)
{
    if (!s->virt || !s->virt->has_disk)
        return 0;
    struct image_search search = {image_path, nimage_path};
    if (image_disk_stage(&s->disk, &s->paths, &search, &s->disk_base, &s->disk_diffs, err, errlen))
        return snap_err_prefix(err, errlen, "object disk0");
    s->have_disk = true;
    return 0;
}

int machine_stage(struct machine_staged *s, const char *path, struct hart *hart, struct virt_machine *virt,
                  uint64_t ram_base, uint64_t ram_size, const struct ckpt_restore_opts *opts, char *err,
                  size_t errlen)
{
    const char *const *allow = opts ? opts->allow : NULL;
    size_t nallow = opts ? opts->nallow : 0;
    *s = (struct machine_staged){0};
    snap_config_init(&s->cfg);
    if (ckpt_registry_init(&s->reg, err, errlen))
        return -1;
    s->have_reg = true;
    if (snap_paths_init(&s->paths, path, err, errlen))
        return -1;
    s->have_paths = true;
    for (size_t i = 0; i < nallow; i++)
        if (snap_paths_add_root(&s->paths, allow[i], err, errlen))
            return -1;
    struct snap_instance inst[MACHINE_NOBJECTS + MACHINE_VIRT_MAX_OBJECTS];
    machine_instances(inst, hart, &s->ram, &s->img, &s->htif, &s->clock, &s->run);
    struct snap_load_opts lo = {.paths = &s->paths};
    if (snap_paths_parse_config(&s->paths, &s->cfg, err, errlen) ||
        machine_config_kind_check(&s->cfg, true, err, errlen) ||
        virt_target(s, virt, ram_size == 0, err, errlen))
        return -1;
    size_t n = MACHINE_NOBJECTS + (s->virt ? machine_virt_instances(inst + MACHINE_NOBJECTS, s->virt, &s->disk) : 0);
    if (snap_paths_set_chain(&s->paths, &s->cfg, err, errlen) ||
        snap_restore(&s->reg, &s->cfg, inst, n, &lo, err, errlen) ||
        snap_page_chain_open(&s->pages, &s->paths, &s->img.files, err, errlen) ||
        check_machine(s, ram_base, ram_size, err, errlen) ||
        stage_disk(s, opts ? opts->image_path : NULL, opts ? opts->nimage_path : 0, err, errlen))
        return -1;
    return 0;
}

void machine_staged_free(struct machine_staged *s)
{
    snap_page_chain_close(&s->pages);
    if (s->have_disk)
        snap_page_chain_close(&s->disk_diffs);
    free(s->disk_base);
    image_disk_clear(&s->disk);
    virt_machine_free(s->scratch);
    attr_free(&s->img.files);
    attr_free(&s->img.checkpoint_path);
    snap_config_free(&s->cfg);
    if (s->have_reg)
        snap_registry_free(&s->reg);
    if (s->have_paths)
        snap_paths_free(&s->paths);
    *s = (struct machine_staged){0};
}

void machine_verify_stage(const char *path, char *err, size_t errlen)
{
    struct hart hart = {0};
    priv_reset(&hart, 0);   /* a system-mode hart, as restores have */
    struct machine_staged s;
    if (!machine_stage(&s, path, &hart, NULL, 0, 0, NULL, err, errlen))
        *err = 0;
    machine_staged_free(&s);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The restored snapshot and its ancestors, with the RAM hashes the next capture compares to. */
static int set_chain(struct ckpt_chain *chain, const struct snap_paths *paths, uint64_t **hashes, uint64_t npages,
                     char *err, size_t errlen)
{
    *chain = (struct ckpt_chain){.dirs = calloc(paths->nancestors + 1, sizeof(char *)), .ram_hash = *hashes};
    *hashes = NULL;
    for (size_t i = 0; chain->dirs && i <= paths->nancestors; i++, chain->n++)
        if (!(chain->dirs[i] = strdup(i == 0 ? paths->dir : paths->ancestors[i - 1])))
            break;
    if (!chain->dirs || !chain->ram_hash || chain->n != paths->nancestors + 1) {
        ckpt_chain_free(chain);
        return snap_err(err, errlen, "out of memory");
    }
    chain->ram_pages = npages;
    return 0;
}

/* The restored guest reaches no host file, but the restoring process is confined as a user-mode
 * restore is (the run's outputs aside, writes only below the snapshot's parent tree, the
 * current directory tree and --allow-path), so that a restore is sandboxed whatever the machine. */
static int confine(const struct ckpt_restore_opts *opts, const struct snap_paths *paths, char *err, size_t errlen)
{
    if (!opts || !opts->confine)
        return 0;
    size_t n = 2 + opts->nallow;
    char **dirs = calloc(n, sizeof *dirs);
    int rc = dirs ? 0 : snap_err(err, errlen, "out of memory");
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const char *d = i == 0 ? paths->parent : i == 1 ? "." : opts->allow[i - 2];
        if (!(dirs[i] = realpath(d, NULL)))
            rc = snap_err(err, errlen, "allowed directory %s: %s", d, strerror(errno));
    }
    if (rc == 0)
        rc = opts->confine(opts->confine_ctx, (const char *const *)dirs, n, err, errlen);
    for (size_t i = 0; dirs && i < n; i++)
        free(dirs[i]);
    free(dirs);
    return rc;
}

/* The disk's content from the staged base and diffs; the disk then reads from the base found. */
static int load_disk(struct virt_machine *v, struct machine_staged *s, char *err, size_t errlen)
{
    if (image_disk_load(&v->disk, s->disk_base, s->disk.size, &s->disk_diffs, err, errlen))
        return snap_err_prefix(err, errlen, "object disk0");
    v->disk_pending = false;
    v->disk_path = s->disk_base;
    s->disk_base = NULL;
    return 0;
}

/* The staged object moved to the heap, for the chain. */
static struct image_disk *take_disk(struct image_disk *d)
{
    struct image_disk *h = malloc(sizeof *h);
    if (h) {
        *h = *d;
        *d = (struct image_disk){0};
    }
    return h;
}

int machine_restore(struct machine *m, const char *path, const struct ckpt_restore_opts *opts,
                    struct ckpt_chain *chain, struct ckpt_stats *stats, char *err, size_t errlen)
{
    double t0 = now();
    struct sysmem *mem = &m->sys->mem;
    struct machine_staged s;
    uint64_t loaded = 0, npages = mem->ram_size >> GUEST_PAGE_SHIFT;
    uint64_t *hashes = NULL;
    int rc = -1;
    if (machine_stage(&s, path, &m->hart, m->sys->virt, mem->ram_base, mem->ram_size, opts, err, errlen))
        goto out;
    if (!(hashes = machine_zero_hashes(npages))) {
        snap_err(err, errlen, "out of memory for the RAM page hashes");
        goto out;
    }
    if (machine_load_pages(mem->ram, mem->ram_base, mem->ram_size, &s.pages, hashes, &loaded, err, errlen) ||
        confine(opts, &s.paths, err, errlen))
        goto out;
    m->sys->tohost_pa = s.htif.tohost;
    m->sys->fromhost_pa = s.htif.fromhost;
    mem->watch_pa = s.htif.tohost;
    m->cycle_offset = s.clock.cycles - m->hart.instret;
    /* Cached translations of the fresh hart must not survive its new page tables. */
    m->hart.priv.xlate_epoch++;
    m->mem.code_epoch++;
    if (s.have_disk && load_disk(m->sys->virt, &s, err, errlen))
        goto out;
    if (m->sys->virt)
        virt_machine_resume(m);
    if (chain && set_chain(chain, &s.paths, &hashes, npages, err, errlen))
        goto out;
    if (chain && s.have_disk && !(chain->disk = take_disk(&s.disk))) {
        snap_err(err, errlen, "out of memory");
        goto out;
    }
    if (stats)
        *stats = (struct ckpt_stats){.pages = loaded, .mapped_bytes = mem->ram_size,
                                     .chain_length = s.paths.nancestors, .seconds = now() - t0};
    rc = 0;
out:
    free(hashes);
    machine_staged_free(&s);
    return rc;
}
