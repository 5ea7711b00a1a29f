/* The check-before-change phase of a restore, shared by `run --restore` and `snapshot verify`.
 *
 * Everything a restore relies on that does not depend on the host is judged here, against the
 * snapshot alone: the config and every value (the class setters), the staged process state
 * (ckpt_process_check), the region list against the capacity, the chain, every saved content
 * (wherever in the chain it is stored) and every page file's index.  Restore applies only what passed; verify runs this very function on scratch objects,
 * so "verify accepts" implies "restore does not fail for a format reason" by construction
 * rather than by keeping two lists of checks alike. */
#include <stdlib.h>
#include <string.h>

#include "checkpoint/ckpt_internal.h"
#include "checkpoint/machine_snapshot.h"
#include "checkpoint/restore_check.h"
#include "snapshot/page_image.h"
#include "snapshot/snap_error.h"
#include "snapshot/snap_objects.h"

/* Restore refuses a page it cannot place (load_page in memory_image.c); indexes are sorted, so
 * the last entry is the highest page. */
static int check_page_range(const struct snap_page_chain *c, char *err, size_t errlen)
{
    for (size_t i = 0; i < c->n; i++) {
        size_t n = snap_pages_count(c->images[i]);
        if (n && snap_pages_entry(c->images[i], n - 1)->page_number >= GUEST_PAGES)
            return snap_err(err, errlen, "%s: holds a page beyond the guest address space",
                            snap_pages_name(c->images[i]));
    }
    return 0;
}

static int check_capacity(const struct ckpt_memory *cm, char *err, size_t errlen)
{
    uint64_t total = 0;
    for (size_t i = 0; i < cm->nregions; i++)
        total += cm->regions[i].end - cm->regions[i].start;
    if (total > cm->capacity)
        return snap_err(err, errlen, "object memory: regions map %llu bytes, more than the capacity %llu",
                        (unsigned long long)total, (unsigned long long)cm->capacity);
    return 0;
}

int ckpt_stage(struct ckpt_staged *s, const char *path, const struct ckpt_stage_target *t, char *err,
               size_t errlen)
{
    *s = (struct ckpt_staged){.cm = {.mem = t->mem, .capacity = t->capacity}, .cp = {.p = t->proc}};
    snap_config_init(&s->cfg);
    if (ckpt_registry_init(&s->reg, err, errlen))
        return -1;
    s->have_reg = true;
    if (snap_paths_init(&s->paths, path, err, errlen))
        return -1;
    s->have_paths = true;
    for (size_t i = 0; i < t->nallow; i++)
        if (snap_paths_add_root(&s->paths, t->allow[i], err, errlen))
            return -1;
    struct snap_instance inst[CKPT_NOBJECTS];
    ckpt_instances(inst, t->hart, &s->cm, &s->img, &s->cp, &s->run);
    /* What the restore loads is recorded, so snapshots of the resumed run share saved contents
     * with this one's chain. */
    struct snap_raw_loading raw = {.ctx = &s->payloads, .loaded = ckpt_payloads_seen};
    struct snap_load_opts lo = {.paths = &s->paths, .raw = &raw};
    /* The chain first: saved file contents may lie in an ancestor's raw file. */
    if (snap_paths_parse_config(&s->paths, &s->cfg, err, errlen) ||
        machine_config_kind_check(&s->cfg, false, err, errlen) ||
        snap_paths_set_chain(&s->paths, &s->cfg, err, errlen) ||
        snap_restore(&s->reg, &s->cfg, inst, CKPT_NOBJECTS, &lo, err, errlen) ||
        ckpt_process_check(&s->cp, err, errlen) || check_capacity(&s->cm, err, errlen) ||
        snap_page_chain_open(&s->pages, &s->paths, &s->img.files, err, errlen) ||
        check_page_range(&s->pages, err, errlen))
        return -1;
    return 0;
}

void ckpt_staged_free(struct ckpt_staged *s)
{
    snap_page_chain_close(&s->pages);
    ckpt_payloads_free(&s->payloads);
    ckpt_process_clear(&s->cp);
    free(s->cm.regions);
    attr_free(&s->img.files);
    attr_free(&s->img.checkpoint_path);
    snap_config_free(&s->cfg);
    if (s->have_reg)
        snap_registry_free(&s->reg);
    if (s->have_paths)
        snap_paths_free(&s->paths);
    *s = (struct ckpt_staged){0};
}

int ckpt_stage_scratch(const char *path, char *err, size_t errlen)
{
    struct hart hart = {0};
    struct ckpt_stage_target t = {.hart = &hart, .proc = linux_process_new(NULL), .capacity = GUEST_VA_LIMIT};
    if (!t.proc)
        return snap_err(err, errlen, "out of memory");
    struct ckpt_staged s;
    int rc = ckpt_stage(&s, path, &t, err, errlen);
    ckpt_staged_free(&s);
    linux_process_free(t.proc);
    return rc;
}
