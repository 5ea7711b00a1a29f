/* The snapshot tools behind `snapsim snapshot`: info, verify, diff. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "checkpoint/image_disks.h"
#include "checkpoint/machine_snapshot.h"
#include "checkpoint/restore_check.h"
#include "checkpoint/snapshot_open.h"
#include "checkpoint/tools.h"
#include "snapshot/config_report.h"
#include "snapshot/snap_error.h"
#include "snapshot/snap_objects.h"
#include "snapshot/snap_verify.h"

/* Bytes of the regular files directly inside dir. */
static uint64_t dir_bytes(const char *dir)
{
    DIR *d = opendir(dir);
    uint64_t total = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        struct stat st;
        if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
            total += (uint64_t)st.st_size;
    }
    if (d)
        closedir(d);
    return total;
}

int ckpt_info(const char *path, FILE *out, char *err, size_t errlen)
{
    struct ckpt_open s;
    if (ckpt_open(&s, path, err, errlen))
        return -1;
    if (ckpt_open_pages(&s, err, errlen)) {
        ckpt_open_close(&s);
        return -1;
    }
    fprintf(out, "snapshot %s (format version %u)\n\n", s.paths.dir, s.cfg.version);
    snap_config_info(&s.cfg, &s.reg, out);
    uint64_t mapped = 0;
    for (size_t i = 0; i < s.nregions; i++)
        mapped += s.regions[i].end - s.regions[i].start;
    fprintf(out, "\nmemory: %zu regions, %.2f MiB mapped, %zu non-zero pages (%.2f MiB)\n", s.nregions,
            (double)mapped / (1 << 20), s.npages, (double)s.npages * 4096 / (1 << 20));
    fprintf(out, "chain: %zu page file%s, newest first\n", s.chain.n, s.chain.n == 1 ? "" : "s");
    uint64_t stored_bytes = 0, stored_pages = 0;
    for (size_t i = 0; i < s.chain.n; i++) {
        struct snap_pages *p = s.chain.images[i];
        uint64_t frames = 0, zero = 0, bytes = 0;
        for (size_t k = 0; k < snap_pages_count(p); k++) {
            const struct snap_page_entry *e = snap_pages_entry(p, k);
            if (e->flags & PAGES_FLAG_ZERO)
                zero++;
            else {
                frames++;
                bytes += e->length;
            }
        }
        /* Named by the reference in mem0.files: the list need not follow checkpoint_path. */
        fprintf(out, "  [%zu] %s: %llu pages stored (%.2f MiB compressed, ratio %.2f), %llu zero entries\n", i,
                snap_pages_name(p), (unsigned long long)frames,
                (double)bytes / (1 << 20), bytes ? (double)frames * 4096 / (double)bytes : 0.0,
                (unsigned long long)zero);
        stored_bytes += bytes;
        stored_pages += frames;
    }
    uint64_t own = dir_bytes(s.paths.dir), total = own;
    for (size_t i = 0; i < s.paths.nancestors; i++)
        total += dir_bytes(s.paths.ancestors[i]);
    fprintf(out, "size on disk: %.2f MiB in this snapshot, %.2f MiB with its ancestors\n", (double)own / (1 << 20),
            (double)total / (1 << 20));
    fprintf(out, "compression: %.2f MiB of pages stored in %.2f MiB (ratio %.2f)\n",
            (double)stored_pages * 4096 / (1 << 20), (double)stored_bytes / (1 << 20),
            stored_bytes ? (double)stored_pages * 4096 / (double)stored_bytes : 0.0);
    ckpt_open_close(&s);
    return 0;
}

/* Restore's whole check-before-change phase, on scratch objects. */
static void dry_run(const char *path, struct snap_problems *out)
{
    char err[1024];
    if (machine_snapshot_is_system(path)) {
        machine_verify_stage(path, err, sizeof err);
        if (*err)
            snap_problems_add(out, "%s", err);
        return;
    }
    if (ckpt_stage_scratch(path, err, sizeof err))
        snap_problems_add(out, "%s", err);
}

size_t ckpt_verify(const char *path, FILE *out)
{
    return ckpt_verify_images(path, NULL, out);
}

size_t ckpt_verify_images(const char *path, const struct image_search *search, FILE *out)
{
    struct snap_registry reg;
    struct snap_problems probs = {0};
    char err[512];
    if (ckpt_registry_init(&reg, err, sizeof err)) {
        fprintf(out, "%s\n", err);
        return 1;
    }
    snap_verify(path, &reg, &probs);
    bool disks_only = false;
    if (probs.n == 0)
        image_disks_verify_dir(path, search, &probs, &disks_only);
    if (probs.n == 0 && !disks_only)
        dry_run(path, &probs);
    for (size_t i = 0; i < probs.n; i++)
        fprintf(out, "%s: %s\n", path, probs.msgs[i]);
    size_t n = probs.n;
    snap_problems_free(&probs);
    snap_registry_free(&reg);
    return n;
}

static void drop_attr(struct snap_config *c, const char *object, const char *attr)
{
    struct snap_cfg_object *o = snap_config_find_object(c, object);
    for (size_t i = 0; o && i < o->nattrs; i++)
        if (!strcmp(o->attrs[i].name, attr)) {
            free(o->attrs[i].name);
            attr_free(&o->attrs[i].value);
            memmove(&o->attrs[i], &o->attrs[i + 1], (o->nattrs - i - 1) * sizeof *o->attrs);
            o->nattrs--;
            return;
        }
}

/* Attributes that describe where the content is stored, or the host, rather than the machine. */
static void drop_storage_attrs(struct snap_config *c, bool ignore_info)
{
    drop_attr(c, "mem0", "files");
    drop_attr(c, "mem0", "checkpoint_path");
    if (ignore_info) {
        static const char *const info[] = {"instret", "version", "model", "config", "program", "argv",
                                           "restored_from", "host_time"};
        for (size_t i = 0; i < sizeof info / sizeof info[0]; i++)
            drop_attr(c, "run", info[i]);
        drop_attr(c, "proc", "cycles");   /* the model's timing, not the program's state */
    }
}

/* Saved contents compare by their bytes, not by where in a chain they are stored. */
static int load_raw(struct ckpt_open *s, char *err, size_t errlen)
{
    struct snap_raw_loading raw = {0};
    for (size_t i = 0; i < s->cfg.nobjects; i++)
        for (size_t k = 0; k < s->cfg.objects[i].nattrs; k++)
            if (snap_raw_load(&s->paths, &s->cfg.objects[i].attrs[k].value, &raw, err, errlen))
                return -1;
    return 0;
}

#define MAX_PAGE_LINES 20

static size_t diff_pages(const struct ckpt_open *a, const struct ckpt_open *b, FILE *out)
{
    size_t i = 0, j = 0, n = 0;
    while (i < a->npages || j < b->npages) {
        const struct ckpt_page_ref *x = i < a->npages ? &a->pages[i] : NULL;
        const struct ckpt_page_ref *y = j < b->npages ? &b->pages[j] : NULL;
        char sign;
        uint64_t pn;
        if (x && (!y || x->page_number < y->page_number)) {
            sign = '-', pn = x->page_number, i++;
        } else if (y && (!x || y->page_number < x->page_number)) {
            sign = '+', pn = y->page_number, j++;
        } else {
            i++, j++;
            if (x->hash == y->hash)
                continue;
            sign = '~', pn = x->page_number;
        }
        if (n++ < MAX_PAGE_LINES)
            fprintf(out, "%c page 0x%llx%s\n", sign, (unsigned long long)(pn << 12),
                    sign == '~' ? ": content differs" : sign == '+' ? ": non-zero only in B" : ": non-zero only in A");
    }
    if (n > MAX_PAGE_LINES)
        fprintf(out, "... %zu page differences in all\n", n);
    return n;
}

int ckpt_diff(const char *pa, const char *pb, bool ignore_info, FILE *out, size_t *ndiff, char *err, size_t errlen)
{
    struct ckpt_open a, b;
    if (ckpt_open(&a, pa, err, errlen))
        return -1;
    if (ckpt_open(&b, pb, err, errlen)) {
        ckpt_open_close(&a);
        return -1;
    }
    int rc = ckpt_open_pages(&a, err, errlen) || ckpt_open_pages(&b, err, errlen) ||
             load_raw(&a, err, errlen) || load_raw(&b, err, errlen) ? -1 : 0;
    if (rc == 0) {
        drop_storage_attrs(&a.cfg, ignore_info);
        drop_storage_attrs(&b.cfg, ignore_info);
        *ndiff = snap_config_diff(&a.cfg, &b.cfg, out) + diff_pages(&a, &b, out);
    }
    ckpt_open_close(&a);
    ckpt_open_close(&b);
    return rc;
}
