/* Every disk-image object of a snapshot at once: folding their diff chains into one diff each
 * (`snapshot merge`, `snapshot save-persistent`), checking them (`snapshot verify`), and loading
 * a persistent-state directory onto a machine's disks (image_disks.h). */
#include "checkpoint/image_disks.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "snapshot/page_image.h"
#include "snapshot/snap_error.h"
#include "snapshot/snap_objects.h"

bool image_disks_is_disk(const struct snap_cfg_object *o)
{
    return !strcmp(o->class_name, ckpt_disk_image_class.name);
}

int image_disks_parse(const struct snap_cfg_object *o, struct image_disk *d, char *err, size_t errlen)
{
    *d = (struct image_disk){0};
    struct snap_registry reg;
    snap_registry_init(&reg);
    if (snap_registry_add(&reg, &ckpt_disk_image_class, err, errlen)) {
        snap_registry_free(&reg);
        return -1;
    }
    /* The class checks the values: through a one-object config restored into d. */
    struct snap_config one;
    snap_config_init(&one);
    struct snap_cfg_object *copy = snap_config_add_object(&one, o->name, o->class_name);
    int rc = copy ? 0 : snap_err(err, errlen, "out of memory");
    for (size_t i = 0; rc == 0 && i < o->nattrs; i++)
        if (snap_cfg_object_add_attr(copy, o->attrs[i].name, attr_copy(&o->attrs[i].value)))
            rc = snap_err(err, errlen, "out of memory");
    struct snap_instance inst = {o->name, ckpt_disk_image_class.name, d};
    struct snap_load_opts lo = {0};
    if (rc == 0)
        rc = snap_restore(&reg, &one, &inst, 1, &lo, err, errlen);
    snap_config_free(&one);
    snap_registry_free(&reg);
    if (rc)
        image_disk_clear(d);
    return rc;
}

/* The newest entry of every block of a chain, in block order (what one diff of the whole chain
 * holds). */
struct block_ref {
    uint64_t block;
    size_t image, entry;
};

static int by_block_then_image(const void *a, const void *b)
{
    const struct block_ref *x = a, *y = b;
    if (x->block != y->block)
        return x->block < y->block ? -1 : 1;
    return x->image < y->image ? -1 : x->image > y->image;
}

struct fold_iter {
    struct snap_page_chain *chain;
    struct block_ref *refs;
    size_t n, next;
    uint8_t page[PAGES_PAGE_SIZE];
};

static int fold_next(void *ctx, uint64_t *number, const void **page, char *err, size_t errlen)
{
    struct fold_iter *it = ctx;
    if (it->next == it->n)
        return 0;
    const struct block_ref *r = &it->refs[it->next++];
    if (snap_pages_read(it->chain->images[r->image], r->entry, it->page, err, errlen))
        return -1;
    *number = r->block;
    *page = it->page;
    return 1;
}

/* Writes the newest content of every block of chain into fd. */
static int fold_chain(int fd, struct snap_page_chain *chain, char *err, size_t errlen)
{
    size_t total = 0;
    for (size_t i = 0; i < chain->n; i++)
        total += snap_pages_count(chain->images[i]);
    struct fold_iter *it = calloc(1, sizeof *it);
    struct block_ref *refs = malloc((total ? total : 1) * sizeof *refs);
    if (!it || !refs) {
        free(it), free(refs);
        return snap_err(err, errlen, "out of memory");
    }
    size_t n = 0;
    for (size_t i = 0; i < chain->n; i++)
        for (size_t k = 0; k < snap_pages_count(chain->images[i]); k++)
            refs[n++] = (struct block_ref){snap_pages_entry(chain->images[i], k)->page_number, i, k};
    qsort(refs, n, sizeof *refs, by_block_then_image);
    size_t out = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || refs[i].block != refs[i - 1].block)
            refs[out++] = refs[i];
    *it = (struct fold_iter){.chain = chain, .refs = refs, .n = out};
    /* Zero entries stay: a block written to zero shadows the base. */
    struct snap_pages_opts po = {.record_zero_pages = true};
    int rc = snap_pages_write(fd, fold_next, it, &po, NULL, err, errlen);
    free(refs);
    free(it);
    return rc;
}

static struct attr_value file_entry(const char *name, uint64_t bytes, uint64_t hash)
{
    struct attr_value t = attr_list(4);
    attr_list_append(&t, attr_string(name));
    attr_list_append(&t, attr_string("ro"));
    attr_list_append(&t, attr_uint(bytes));
    attr_list_append(&t, attr_uint(hash));
    return t;
}

/* Folds one disk object: NAME.diff in w, and files = (base, ("%0%/NAME.diff", ...)).  With
 * base_real the base entry names the base found by its real path (a directory that leaves the
 * snapshot's tree must still find it). */
static int fold_disk(struct snap_cfg_object *o, const struct snap_paths *paths, const struct image_search *search,
                     bool base_real, struct snap_dir_writer *w, char *err, size_t errlen)
{
    struct image_disk d;
    struct snap_page_chain chain = {0};
    char *base = NULL, name[300], ref[310];
    int fd = -1, rc;
    if (snprintf(name, sizeof name, "%s.diff", o->name) >= (int)sizeof name)
        return snap_err(err, errlen, "object name %s too long", o->name);
    snprintf(ref, sizeof ref, "%%0%%/%s", name);
    if (image_disks_parse(o, &d, err, errlen))
        return snap_err_prefix(err, errlen, "object %s", o->name);
    rc = (base_real ? image_disk_find_base(&d, paths, search, &base, err, errlen) : 0) ||
         image_disk_open_diffs(&d, paths, &chain, err, errlen) ||
         snap_dir_create_file(w, name, &fd, err, errlen) ? -1 : 0;
    if (rc == 0) {
        rc = fold_chain(fd, &chain, err, errlen);
        rc = rc ? (close(fd), -1) : snap_dir_close_file(fd, name, err, errlen);
    }
    uint64_t bytes = 0, hash = 0;
    if (rc == 0) {
        fd = openat(w->dir_fd, name, O_RDONLY | O_CLOEXEC);
        rc = fd < 0 ? snap_err(err, errlen, "cannot reopen %s", name)
                    : image_disk_fingerprint(fd, name, &bytes, &hash, err, errlen);
        if (fd >= 0)
            close(fd);
    }
    if (rc == 0) {
        const struct image_disk_file *b = &d.files[0];
        struct attr_value files = attr_list(2);
        attr_list_append(&files, file_entry(base ? base : b->name, b->bytes, b->hash));
        attr_list_append(&files, file_entry(ref, bytes, hash));
        struct snap_cfg_attr *a = snap_cfg_object_find_attr(o, "files");
        attr_free(&a->value);
        a->value = files;
    } else {
        snap_err_prefix(err, errlen, "object %s", o->name);
    }
    free(base);
    snap_page_chain_close(&chain);
    image_disk_clear(&d);
    return rc;
}

int image_disks_fold(struct snap_config *cfg, const struct snap_paths *paths, const struct image_search *search,
                     bool base_real, struct snap_dir_writer *w, char *err, size_t errlen)
{
    for (size_t i = 0; i < cfg->nobjects; i++)
        if (image_disks_is_disk(&cfg->objects[i]) &&
            fold_disk(&cfg->objects[i], paths, search, base_real, w, err, errlen))
            return -1;
    return 0;
}

static int read_nothing(void *ctx, uint64_t block, const void *data)
{
    (void)ctx, (void)block, (void)data;
    return 0;
}

void image_disks_verify(const struct snap_config *cfg, const struct snap_paths *paths,
                        const struct image_search *search, struct snap_problems *out)
{
    for (size_t i = 0; i < cfg->nobjects; i++) {
        const struct snap_cfg_object *o = &cfg->objects[i];
        if (!image_disks_is_disk(o))
            continue;
        struct image_disk d;
        struct snap_page_chain chain;
        char err[1024], *base = NULL;
        /* Every block of every diff is read, so each one's checksum is checked. */
        if (image_disks_parse(o, &d, err, sizeof err) == 0) {
            if (image_disk_stage(&d, paths, search, &base, &chain, err, sizeof err) == 0) {
                if (snap_page_chain_for_each(&chain, read_nothing, NULL, err, sizeof err) == 0)
                    *err = 0;
                snap_page_chain_close(&chain);
            }
            image_disk_clear(&d);
        }
        if (*err)
            snap_problems_add(out, "object %s: %s", o->name, err);
        free(base);
    }
}

void image_disks_verify_dir(const char *path, const struct image_search *search, struct snap_problems *out,
                            bool *disks_only)
{
    struct snap_paths paths;
    struct snap_config cfg;
    char err[1024];
    *disks_only = false;
    if (image_disks_open_config(path, &paths, &cfg, err, sizeof err)) {
        snap_problems_add(out, "%s", err);
        return;
    }
    size_t disks = 0;
    for (size_t i = 0; i < cfg.nobjects; i++)
        disks += image_disks_is_disk(&cfg.objects[i]);
    *disks_only = disks > 0 && disks == cfg.nobjects;
    image_disks_verify(&cfg, &paths, search, out);
    snap_config_free(&cfg);
    snap_paths_free(&paths);
}
