/* The guest-memory class (region list, capacity) and the memory-image class (page files). */
#include <stdlib.h>
#include <string.h>

#include "checkpoint/ckpt_internal.h"
#include "core/memory.h"
#include "snapshot/page_chain.h"
#include "snapshot/page_format.h"
#include "snapshot/snap_error.h"

#define MEM(o) ((struct ckpt_memory *)(o))
#define IMG(o) ((struct ckpt_image *)(o))

static const char *perm_text(unsigned perm, char buf[4])
{
    buf[0] = perm & MEM_R ? 'r' : '-';
    buf[1] = perm & MEM_W ? 'w' : '-';
    buf[2] = perm & MEM_X ? 'x' : '-';
    buf[3] = 0;
    return buf;
}

/* Regions as (start, end, "rwx", tag): permissions as text so a reader can see them. */
static int get_regions(void *o, struct attr_value *v)
{
    const struct guest_mem *mem = MEM(o)->mem;
    *v = attr_list(mem->nregions);
    for (size_t i = 0; i < mem->nregions; i++) {
        const struct mem_region *r = &mem->regions[i];
        char perm[4];
        struct attr_value t = attr_list(4);
        attr_list_append(&t, attr_uint(r->start));
        attr_list_append(&t, attr_uint(r->end));
        attr_list_append(&t, attr_string(perm_text(r->perm, perm)));
        attr_list_append(&t, attr_string(r->tag));
        attr_list_append(v, t);
    }
    return 0;
}

static int parse_perm(const struct attr_value *s, unsigned *perm)
{
    if (s->str.len != 3)
        return -1;
    static const char on[3] = {'r', 'w', 'x'};
    *perm = 0;
    for (int i = 0; i < 3; i++) {
        if (s->str.bytes[i] == on[i])
            *perm |= 1u << i;
        else if (s->str.bytes[i] != '-')
            return -1;
    }
    return 0;
}

static int set_regions(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    struct ckpt_memory *cm = MEM(o);
    size_t n = v->list.n;
    if (n > CKPT_MAX_REGIONS)
        return snap_err(err, errlen, "%zu regions (at most %d)", n, CKPT_MAX_REGIONS);
    struct mem_region *r = calloc(n ? n : 1, sizeof *r);
    if (!r)
        return snap_err(err, errlen, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const struct attr_value *t = v->list.items[i].list.items;
        uint64_t start, end;
        if (!attr_get_u64(&t[0], &start) || !attr_get_u64(&t[1], &end) || start >= end ||
            end > GUEST_VA_LIMIT || (start | end) & (GUEST_PAGE_SIZE - 1)) {
            free(r);
            return snap_err(err, errlen, "regions[%zu]: not a page-aligned range inside the guest address space", i);
        }
        if (i > 0 && start < r[i - 1].end) {
            free(r);
            return snap_err(err, errlen, "regions[%zu]: overlaps or is out of order with regions[%zu]", i, i - 1);
        }
        if (parse_perm(&t[2], &r[i].perm)) {
            free(r);
            return snap_err(err, errlen, "regions[%zu]: permissions must look like \"rw-\"", i);
        }
        if (t[3].str.len >= sizeof r[i].tag || strlen(t[3].str.bytes) != t[3].str.len) {
            free(r);
            return snap_err(err, errlen, "regions[%zu]: tag too long", i);
        }
        r[i].start = start;
        r[i].end = end;
        memcpy(r[i].tag, t[3].str.bytes, t[3].str.len + 1);
    }
    free(cm->regions);
    cm->regions = r;
    cm->nregions = n;
    return 0;
}

static int get_capacity(void *o, struct attr_value *v) { *v = attr_uint(MEM(o)->mem->capacity); return 0; }
static int set_capacity(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t c;
    if (!attr_get_u64(v, &c) || c < (1u << 20) || c > GUEST_VA_LIMIT)
        return snap_err(err, errlen, "capacity out of range (1 MiB to 0x%llx)", (unsigned long long)GUEST_VA_LIMIT);
    MEM(o)->capacity = c;
    return 0;
}

/* The image holding this memory's content; always the object mem0 in this version. */
int ckpt_get_image_ref(void *o, struct attr_value *v) { (void)o; *v = attr_object("mem0"); return 0; }
int ckpt_set_image_ref(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    (void)o;
    if (strcmp(v->str.bytes, "mem0") != 0)
        return snap_err(err, errlen, "image must be the object mem0");
    return 0;
}

static int get_mapped(void *o, struct attr_value *v) { *v = attr_uint(MEM(o)->mem->mapped_bytes); return 0; }

static const struct snap_attr_def memory_attrs[] = {
    {"regions", "[[iiss]*]", SNAP_ATTR_REQUIRED, NULL, get_regions, set_regions,
     "mapped regions: (start, end exclusive, permissions rwx, tag), sorted"},
    {"capacity", "i", SNAP_ATTR_OPTIONAL, NULL, get_capacity, set_capacity,
     "bytes the program may map (mmap/brk fail with ENOMEM beyond); default: mainmem:capacity"},
    {"image", "o", SNAP_ATTR_OPTIONAL, NULL, ckpt_get_image_ref, ckpt_set_image_ref, "the memory-image object holding the content"},
    {"mapped_bytes", "i", SNAP_ATTR_PSEUDO, NULL, get_mapped, NULL, "sum of region sizes"},
};

const struct snap_class_def ckpt_memory_class = {
    "guest-memory", "the guest address space: mapped regions and their permissions", memory_attrs,
    sizeof memory_attrs / sizeof memory_attrs[0]};

/* ---- memory-image ---- */

static int get_page_size(void *o, struct attr_value *v) { (void)o; *v = attr_uint(PAGES_PAGE_SIZE); return 0; }
static int set_page_size(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    (void)o;
    uint64_t s;
    if (!attr_get_u64(v, &s) || s != PAGES_PAGE_SIZE)
        return snap_err(err, errlen, "page_size must be %u", PAGES_PAGE_SIZE);
    return 0;
}

static int get_files(void *o, struct attr_value *v) { *v = attr_copy(&IMG(o)->files); return 0; }
static int set_files(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    if (v->list.n > SNAP_MAX_CHAIN)
        return snap_err(err, errlen, "more than %d page files", SNAP_MAX_CHAIN);
    attr_free(&IMG(o)->files);
    IMG(o)->files = attr_copy(v);
    return attr_ok(&IMG(o)->files) ? 0 : snap_err(err, errlen, "out of memory");
}

static int get_cpath(void *o, struct attr_value *v) { *v = attr_copy(&IMG(o)->checkpoint_path); return 0; }
static int set_cpath(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    if (v->list.n > SNAP_MAX_CHAIN)
        return snap_err(err, errlen, "more than %d ancestors", SNAP_MAX_CHAIN);
    attr_free(&IMG(o)->checkpoint_path);
    IMG(o)->checkpoint_path = attr_copy(v);
    return attr_ok(&IMG(o)->checkpoint_path) ? 0 : snap_err(err, errlen, "out of memory");
}

static const struct snap_attr_def image_attrs[] = {
    {"page_size", "i", SNAP_ATTR_REQUIRED, NULL, get_page_size, set_page_size, "bytes per page (4096)"},
    {"files", "[s+]", SNAP_ATTR_REQUIRED, NULL, get_files, set_files,
     "page files, newest first, as checkpoint path references"},
    {"checkpoint_path", "[s*]", SNAP_ATTR_OPTIONAL, "()", get_cpath, set_cpath,
     "ancestor snapshot directories, newest first"},
};

const struct snap_class_def ckpt_image_class = {
    "memory-image", "paged content of guest memory (zstd frames, xxh3 checksums)", image_attrs,
    sizeof image_attrs / sizeof image_attrs[0]};
