/* `snapshot merge`: flattens an incremental chain into one standalone snapshot — the newest
 * content of every mapped page in one page file, the config with a chain of one, every saved
 * file content in its own raw file, and every disk's diffs in one diff on its base. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checkpoint/checkpoint.h"
#include "checkpoint/ckpt_internal.h"
#include "checkpoint/image_disks.h"
#include "checkpoint/snapshot_open.h"
#include "snapshot/page_image.h"
#include "snapshot/raw_data.h"
#include "snapshot/snap_dir.h"
#include "snapshot/snap_error.h"
#include "snapshot/snap_verify.h"

static int write_pages(struct ckpt_open *s, struct snap_dir_writer *w, char *err, size_t errlen)
{
    int fd;
    struct snap_pages_writer *pw;
    uint8_t *page = malloc(PAGES_PAGE_SIZE);
    if (!page)
        return snap_err(err, errlen, "out of memory");
    if (snap_dir_create_file(w, CKPT_PAGES_FILE, &fd, err, errlen)) {
        free(page);
        return -1;
    }
    int rc = snap_pages_writer_open(&pw, fd, NULL, err, errlen);
    for (size_t i = 0; rc == 0 && i < s->npages; i++) {
        const struct ckpt_page_ref *r = &s->pages[i];
        rc = snap_pages_read(s->chain.images[r->image], r->entry, page, err, errlen) ||
             snap_pages_writer_add(pw, r->page_number, page, err, errlen) ? -1 : 0;
    }
    if (rc == 0)
        rc = snap_pages_writer_finish(pw, NULL, err, errlen);
    if (pw)
        snap_pages_writer_free(pw);
    free(page);
    if (rc) {
        close(fd);
        return -1;
    }
    return snap_dir_close_file(fd, CKPT_PAGES_FILE, err, errlen);
}

/* Every raw-data payload, wherever in the chain it lies, is loaded and stored again in the new
 * snapshot's own raw file (still deduplicated within it), so the result stands alone. */
static int rewrite_raw(struct ckpt_open *s, struct snap_dir_writer *w, char *err, size_t errlen)
{
    struct ckpt_sharing sharing;
    struct snap_raw_writer raw;
    struct snap_raw_loading loading = {0};
    ckpt_sharing_init(&sharing, NULL);
    snap_raw_writer_init(&raw, w->dir_fd);
    raw.sharing = &sharing.cb;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < s->cfg.nobjects; i++) {
        struct snap_cfg_object *o = &s->cfg.objects[i];
        for (size_t k = 0; rc == 0 && k < o->nattrs; k++) {
            struct attr_value *v = &o->attrs[k].value;
            if (snap_raw_present(v) && (snap_raw_load(&s->paths, v, &loading, err, errlen) ||
                                        snap_raw_store(&raw, v, err, errlen)))
                rc = snap_err_prefix(err, errlen, "object %s attribute %s", o->name, o->attrs[k].name);
        }
    }
    if (snap_raw_writer_finish(&raw, rc ? NULL : err, rc ? 0 : errlen))
        rc = -1;
    ckpt_sharing_free(&sharing);
    return rc;
}

static void replace_attr(struct snap_cfg_object *o, const char *name, struct attr_value v)
{
    struct snap_cfg_attr *a = snap_cfg_object_find_attr(o, name);
    if (a) {
        attr_free(&a->value);
        a->value = v;
    } else {
        snap_cfg_object_add_attr(o, name, v);
    }
}

int ckpt_merge(const char *in, const char *out, char *err, size_t errlen)
{
    return ckpt_merge_images(in, out, NULL, err, errlen);
}

int ckpt_merge_images(const char *in, const char *out, const struct image_search *search, char *err, size_t errlen)
{
    struct ckpt_open s;
    struct snap_dir_writer w;
    if (ckpt_open(&s, in, err, errlen))
        return -1;
    if (ckpt_open_pages(&s, err, errlen) || snap_dir_begin(&w, out, err, errlen)) {
        ckpt_open_close(&s);
        return -1;
    }
    struct snap_cfg_object *img = snap_config_find_object(&s.cfg, "mem0");
    struct attr_value files = attr_list(1);
    attr_list_append(&files, attr_string(CKPT_PAGES_REF));
    replace_attr(img, "files", files);
    replace_attr(img, "checkpoint_path", attr_list(0));
    struct strbuf text = {0};
    size_t len;
    char *bytes = NULL;
    /* Disks: each chain of diffs folded into one on top of the same base. */
    int rc = write_pages(&s, &w, err, errlen) || rewrite_raw(&s, &w, err, errlen) ||
             image_disks_fold(&s.cfg, &s.paths, search, false, &w, err, errlen) ||
             snap_config_write(&s.cfg, &text, err, errlen) ? -1 : 0;
    if (rc == 0 && !(bytes = strbuf_take(&text, &len)))
        rc = snap_err(err, errlen, "out of memory");
    if (rc == 0)
        rc = snap_dir_write_file(&w, SNAP_CONFIG_FILE, bytes, len, err, errlen);
    free(bytes);
    strbuf_free(&text);
    ckpt_open_close(&s);
    if (rc) {
        snap_dir_abort(&w);
        return -1;
    }
    return snap_dir_commit(&w, err, errlen);
}
