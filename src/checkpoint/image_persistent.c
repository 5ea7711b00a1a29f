/* Persistent state (the disks only): save-persistent and load-persistent (image_disks.h). */
#include <stdlib.h>
#include <string.h>

#include "checkpoint/image_disks.h"
#include "snapshot/snap_error.h"
#include "snapshot/strbuf.h"

int image_disks_open_config(const char *path, struct snap_paths *paths, struct snap_config *cfg, char *err,
                            size_t errlen)
{
    snap_config_init(cfg);
    if (snap_paths_init(paths, path, err, errlen))
        return -1;
    if (snap_paths_parse_config(paths, cfg, err, errlen) || snap_paths_set_chain(paths, cfg, err, errlen)) {
        snap_config_free(cfg);
        snap_paths_free(paths);
        return -1;
    }
    return 0;
}

static int write_config(struct snap_dir_writer *w, const struct snap_config *cfg, char *err, size_t errlen)
{
    struct strbuf text = {0};
    size_t len;
    char *bytes = NULL;
    int rc = snap_config_write(cfg, &text, err, errlen);
    if (rc == 0 && !(bytes = strbuf_take(&text, &len)))
        rc = snap_err(err, errlen, "out of memory");
    if (rc == 0)
        rc = snap_dir_write_file(w, SNAP_CONFIG_FILE, bytes, len, err, errlen);
    free(bytes);
    strbuf_free(&text);
    return rc;
}

int image_disks_save_persistent(const char *in, const char *out, const struct image_search *search, char *err,
                                size_t errlen)
{
    struct snap_paths paths;
    struct snap_config cfg, disks;
    if (image_disks_open_config(in, &paths, &cfg, err, errlen))
        return -1;
    snap_config_init(&disks);
    disks.version = cfg.version;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < cfg.nobjects; i++) {
        const struct snap_cfg_object *o = &cfg.objects[i];
        if (!image_disks_is_disk(o))
            continue;
        struct snap_cfg_object *copy = snap_config_add_object(&disks, o->name, o->class_name);
        for (size_t k = 0; copy && k < o->nattrs; k++)
            if (snap_cfg_object_add_attr(copy, o->attrs[k].name, attr_copy(&o->attrs[k].value)))
                copy = NULL;
        if (!copy)
            rc = snap_err(err, errlen, "out of memory");
    }
    if (rc == 0 && disks.nobjects == 0)
        rc = snap_err(err, errlen, "%s holds no disk image (no persistent state to save)", in);
    struct snap_dir_writer w;
    if (rc == 0 && snap_dir_begin(&w, out, err, errlen) == 0) {
        if (image_disks_fold(&disks, &paths, search, true, &w, err, errlen) ||
            write_config(&w, &disks, err, errlen) || snap_dir_commit(&w, err, errlen)) {
            snap_dir_abort(&w);
            rc = -1;
        }
    } else {
        rc = -1;
    }
    snap_config_free(&disks);
    snap_config_free(&cfg);
    snap_paths_free(&paths);
    return rc;
}

struct staged_disk {
    struct image_disk obj;
    struct snap_page_chain diffs;
    char *base;
    struct image_disk_slot *target;
};

int image_disks_load_persistent(const char *dir, struct image_disk_slot *slots, size_t n,
                                const struct image_search *search, char *err, size_t errlen)
{
    struct snap_paths paths;
    struct snap_config cfg;
    if (image_disks_open_config(dir, &paths, &cfg, err, errlen))
        return -1;
    struct staged_disk *st = calloc(cfg.nobjects ? cfg.nobjects : 1, sizeof *st);
    size_t nst = 0;
    int rc = st ? 0 : snap_err(err, errlen, "out of memory");
    /* Every object checked and every file opened before the first disk changes. */
    for (size_t i = 0; rc == 0 && i < cfg.nobjects; i++) {
        const struct snap_cfg_object *o = &cfg.objects[i];
        struct image_disk_slot *target = NULL;
        for (size_t k = 0; k < n && !target; k++)
            if (!strcmp(slots[k].name, o->name))
                target = &slots[k];
        if (!image_disks_is_disk(o))
            rc = snap_err(err, errlen, "%s: object %s is not a disk image; not a persistent-state directory", dir,
                          o->name);
        else if (!target)
            rc = snap_err(err, errlen, "%s: the machine has no disk %s", dir, o->name);
        else if (image_disks_parse(o, &st[nst].obj, err, errlen) ||
                 image_disk_stage(&st[nst].obj, &paths, search, &st[nst].base, &st[nst].diffs, err, errlen))
            rc = snap_err_prefix(err, errlen, "%s: object %s", dir, o->name);
        else
            st[nst++].target = target;
    }
    for (size_t i = 0; rc == 0 && i < nst; i++) {
        struct disk_image fresh;
        if (image_disk_load(&fresh, st[i].base, st[i].obj.size, &st[i].diffs, err, errlen))
            rc = -1;
        else {
            disk_image_close(st[i].target->disk);
            *st[i].target->disk = fresh;
            free(st[i].target->base_path);
            st[i].target->base_path = st[i].base;   /* the disk now reads from it */
            st[i].base = NULL;
        }
    }
    for (size_t i = 0; st && i < cfg.nobjects; i++) {
        if (i < nst)
            snap_page_chain_close(&st[i].diffs);
        free(st[i].base);
        image_disk_clear(&st[i].obj);
    }
    free(st);
    snap_config_free(&cfg);
    snap_paths_free(&paths);
    return rc;
}
