/* The virt machine's objects in a system-mode snapshot (machine_snapshot.h): its devices by the
 * classes of device_class.c and its disk as a disk-image object whose newest diff is this
 * snapshot's disk0.diff. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checkpoint/device_class.h"
#include "checkpoint/image_disks.h"
#include "checkpoint/machine_snapshot.h"
#include "platform/virt_machine.h"
#include "snapshot/snap_dir.h"
#include "snapshot/snap_error.h"

#define DISK_DIFF_FILE "disk0.diff"
#define DISK_DIFF_REF "%0%/" DISK_DIFF_FILE

size_t machine_virt_instances(struct snap_instance *inst, struct virt_machine *v, struct image_disk *disk)
{
    size_t n = 0;
    inst[n++] = (struct snap_instance){"uart0", ckpt_uart_class.name, &v->uart};
    inst[n++] = (struct snap_instance){"clint0", ckpt_clint_class.name, &v->clint};
    inst[n++] = (struct snap_instance){"plic0", ckpt_plic_class.name, &v->plic};
    if (v->has_disk) {
        inst[n++] = (struct snap_instance){"virtio0", ckpt_virtio_blk_class.name, &v->blk};
        inst[n++] = (struct snap_instance){"disk0", ckpt_disk_image_class.name, disk};
    }
    return n;
}

bool machine_config_is_virt(const struct snap_config *cfg, bool *has_disk)
{
    *has_disk = snap_config_find_object(cfg, "disk0") || snap_config_find_object(cfg, "virtio0");
    return *has_disk || snap_config_find_object(cfg, "uart0") || snap_config_find_object(cfg, "clint0") ||
           snap_config_find_object(cfg, "plic0");
}

void machine_snapshot_facts(const char *path, struct machine_snapshot_facts *f)
{
    struct snap_paths paths;
    struct snap_config cfg;
    char err[256];
    *f = (struct machine_snapshot_facts){0};
    snap_config_init(&cfg);
    if (snap_paths_init(&paths, path, err, sizeof err))
        return;
    if (snap_paths_parse_config(&paths, &cfg, err, sizeof err) == 0) {
        machine_config_is_virt(&cfg, &f->has_disk);
        const struct snap_cfg_object *ram = snap_config_find_object(&cfg, "ram");
        const struct snap_cfg_attr *size = ram ? snap_cfg_object_find_attr(ram, "size") : NULL;
        if (size && !attr_get_u64(&size->value, &f->ram_size))
            f->ram_size = 0;
    }
    snap_config_free(&cfg);
    snap_paths_free(&paths);
}

/* "%N%/NAME" of the previous snapshot is "%N+1%/NAME" from the new one. */
static char *older_reference(const char *ref)
{
    char *end;
    unsigned long n = strtoul(ref + 1, &end, 10);
    size_t len = strlen(end) + 24;
    char *s = malloc(len);
    if (s)
        snprintf(s, len, "%%%lu%s", n + 1, end);
    return s;
}

/* The base entry of a new chain: the file the disk was opened from, fingerprinted now. */
static int describe_base(const struct virt_machine *v, struct image_disk_file *base, char *err, size_t errlen)
{
    *base = (struct image_disk_file){.name = v->disk_path};
    return image_disk_fingerprint(v->disk.base_fd, v->disk_path, &base->bytes, &base->hash, err, errlen);
}

int machine_disk_capture(struct snap_dir_writer *w, struct virt_machine *v, const struct image_disk *previous,
                         struct image_disk *out, char *err, size_t errlen)
{
    *out = (struct image_disk){0};
    int fd;
    if (snap_dir_create_file(w, DISK_DIFF_FILE, &fd, err, errlen))
        return -1;
    struct image_disk_file diff = {.name = DISK_DIFF_REF};
    if (image_disk_write_diff(fd, &v->disk, previous == NULL, err, errlen)) {
        close(fd);
        return -1;
    }
    if (snap_dir_close_file(fd, DISK_DIFF_FILE, err, errlen))
        return -1;
    /* The file is written for writing only: read back for its fingerprint. */
    if ((fd = openat(w->dir_fd, DISK_DIFF_FILE, O_RDONLY | O_CLOEXEC)) < 0)
        return snap_err(err, errlen, "%s: %s", DISK_DIFF_FILE, strerror(errno));
    int rc = image_disk_fingerprint(fd, DISK_DIFF_FILE, &diff.bytes, &diff.hash, err, errlen);
    close(fd);
    if (rc)
        return -1;
    if (!previous) {
        struct image_disk_file base = {0};
        if (v->disk.base_fd >= 0 && describe_base(v, &base, err, errlen))
            return -1;
        return image_disk_describe(out, v->disk.size, v->disk.base_fd >= 0 ? &base : NULL, NULL, 0, &diff, err,
                                   errlen);
    }
    size_t nolder = previous->nfiles - 1;
    struct image_disk_file *older = calloc(nolder ? nolder : 1, sizeof *older);
    rc = older ? 0 : snap_err(err, errlen, "out of memory");
    for (size_t i = 0; rc == 0 && i < nolder; i++) {
        older[i] = previous->files[i + 1];
        if (!(older[i].name = older_reference(previous->files[i + 1].name)))
            rc = snap_err(err, errlen, "out of memory");
    }
    if (rc == 0)
        rc = image_disk_describe(out, v->disk.size, &previous->files[0], older, nolder, &diff, err, errlen);
    for (size_t i = 0; older && i < nolder; i++)
        free(older[i].name);
    free(older);
    return rc;
}

int machine_load_persistent(struct virt_machine *v, const char *dir, const char *const *image_path,
                            size_t nimage_path, char *err, size_t errlen)
{
    if (!v || !v->has_disk)
        return snap_err(err, errlen, "the machine has no disk to load %s onto", dir);
    struct image_disk_slot slot = {"disk0", &v->disk, NULL};
    struct image_search search = {image_path, nimage_path};
    if (image_disks_load_persistent(dir, &slot, 1, &search, err, errlen))
        return -1;
    /* Snapshots name the base the disk now reads from (NULL: an all-zero disk). */
    free(v->disk_path);
    v->disk_path = slot.base_path;
    return 0;
}
