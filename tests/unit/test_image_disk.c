/* Disk image objects (src/checkpoint/image_disk.h): a base plus a chain of diffs saved from a
 * disk_image restores into a fresh disk reading exactly as the saved one; the class's attribute
 * survives the config text; a base that changed, a tampered diff, a block beyond the disk and
 * malformed files lists are refused; a moved base is found through the search path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_snap_util.h"
#include "checkpoint/image_disk.h"
#include "checkpoint/checkpoint.h"
#include "checkpoint/image_disks.h"
#include "snapshot/page_image.h"
#include "snapshot/config.h"
#include "snapshot/snap_objects.h"
#include "snapshot/strbuf.h"

#include <sys/stat.h>

enum { DISK_BYTES = 64 * 1024 + 512 };   /* a last, partial block */

struct rig {
    char *dir, *base, *a, *b;      /* temp dir, base image, snapshot directories A and B (B on A) */
    struct disk_image live;
    struct image_disk obj_b;       /* B's disk object */
};

static void write_base(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < DISK_BYTES; i++)
        fputc((i * 7 + i / 4096) & 0xff, f);
    fclose(f);
}

static void fingerprint_path(const char *path, struct image_disk_file *f)
{
    char err[256];
    int fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    assert_int_equal(image_disk_fingerprint(fd, path, &f->bytes, &f->hash, err, sizeof err), 0);
    close(fd);
}

/* Writes dir/disk0.diff from the live disk. */
static void save_diff(struct rig *r, const char *dir, bool all, struct image_disk_file *out)
{
    char err[256];
    char *path = path_join(dir, "disk0.diff");
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    if (image_disk_write_diff(fd, &r->live, all, err, sizeof err))
        fail_msg("%s", err);
    close(fd);
    fingerprint_path(path, out);
    free(path);
    disk_image_clear_dirty(&r->live);
}

static void fill(struct disk_image *d, uint64_t off, size_t n, uint8_t byte)
{
    uint8_t *buf = malloc(n);
    memset(buf, byte, n);
    assert_true(disk_image_write(d, off, buf, n));
    free(buf);
}

static struct rig *rig_new(void)
{
    struct rig *r = calloc(1, sizeof *r);
    char err[256];
    r->dir = make_temp_dir();
    r->base = path_join(r->dir, "base.img");
    r->a = path_join(r->dir, "A");
    r->b = path_join(r->dir, "B");
    mkdir(r->a, 0755);
    mkdir(r->b, 0755);
    write_base(r->base);
    assert_int_equal(disk_image_open(&r->live, r->base, err, sizeof err), 0);
    /* A: blocks 1 and 3 written, one partly; block 5 written to zero. */
    fill(&r->live, 4096 + 100, 50, 0xaa);
    fill(&r->live, 3 * 4096, 4096, 0x33);
    fill(&r->live, 5 * 4096, 4096, 0);
    struct image_disk_file base = {.name = r->base}, diff_a = {.name = "%1%/disk0.diff"}, diff_b;
    fingerprint_path(r->base, &base);
    save_diff(r, r->a, true, &diff_a);
    /* B: block 3 again, block 16 (the partial last one) and block 1 to zero. */
    fill(&r->live, 3 * 4096 + 8, 8, 0x44);
    fill(&r->live, 16 * 4096, 512, 0x16);
    fill(&r->live, 4096, 4096, 0);
    diff_b.name = "%0%/disk0.diff";
    save_diff(r, r->b, false, &diff_b);
    assert_int_equal(image_disk_describe(&r->obj_b, r->live.size, &base, &diff_a, 1, &diff_b, err, sizeof err), 0);
    return r;
}

static void rig_free(struct rig *r)
{
    image_disk_clear(&r->obj_b);
    disk_image_close(&r->live);
    rm_tree(r->dir);
    free(r->dir), free(r->base), free(r->a), free(r->b);
    free(r);
}

/* B's paths: its ancestor is A. */
static void b_paths(struct rig *r, struct snap_paths *p)
{
    char err[256];
    assert_int_equal(snap_paths_init(p, r->b, err, sizeof err), 0);
    struct attr_value cp = attr_list(1);
    attr_list_append(&cp, attr_string("A"));
    assert_int_equal(snap_paths_set_ancestors(p, &cp, err, sizeof err), 0);
    attr_free(&cp);
}

/* Stages B; 0, or -1 with the message in err. */
static int stage_b(struct rig *r, const struct image_search *search, struct disk_image *out, char *err, size_t n)
{
    struct snap_paths p;
    struct snap_page_chain diffs;
    char *base = NULL;
    b_paths(r, &p);
    int rc = image_disk_stage(&r->obj_b, &p, search, &base, &diffs, err, n);
    if (rc == 0 && out)
        rc = image_disk_load(out, base, r->obj_b.size, &diffs, err, n);
    if (rc == 0)
        snap_page_chain_close(&diffs);
    free(base);
    snap_paths_free(&p);
    return rc;
}

static void assert_same_disk(struct disk_image *a, struct disk_image *b)
{
    assert_int_equal(a->size, b->size);
    uint8_t x[512], y[512];
    for (uint64_t off = 0; off < a->size; off += sizeof x) {
        assert_true(disk_image_read(a, off, x, sizeof x));
        assert_true(disk_image_read(b, off, y, sizeof y));
        assert_memory_equal(x, y, sizeof x);
    }
}

static void test_chain_restores(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    struct disk_image d;
    char err[512];
    if (stage_b(r, NULL, &d, err, sizeof err))
        fail_msg("%s", err);
    assert_same_disk(&r->live, &d);
    assert_int_equal(d.ndirty, 0);
    uint8_t byte;
    assert_true(disk_image_read(&d, 4096 + 120, &byte, 1));
    assert_int_equal(byte, 0);              /* B's zero block shadows A's 0xaa */
    disk_image_close(&d);
    rig_free(r);
}

/* The files attribute through the config text and back. */
static void test_class_round_trip(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    struct snap_registry reg;
    char err[512];
    snap_registry_init(&reg);
    assert_int_equal(snap_registry_add(&reg, &ckpt_disk_image_class, err, sizeof err), 0);
    struct snap_instance inst = {"disk0", "disk-image", &r->obj_b};
    struct snap_config cfg, parsed;
    snap_config_init(&cfg);
    assert_int_equal(snap_capture(&reg, &inst, 1, NULL, &cfg, err, sizeof err), 0);
    struct strbuf text = {0};
    assert_int_equal(snap_config_write(&cfg, &text, err, sizeof err), 0);
    assert_non_null(strstr(text.data, "\"%1%/disk0.diff\", \"ro\""));
    snap_config_init(&parsed);
    assert_int_equal(snap_config_parse(text.data, text.len, &parsed, err, sizeof err), 0);
    struct image_disk back = {0};
    struct snap_instance in2 = {"disk0", "disk-image", &back};
    struct snap_load_opts lo = {0};
    assert_int_equal(snap_restore(&reg, &parsed, &in2, 1, &lo, err, sizeof err), 0);
    assert_int_equal(back.nfiles, 3);
    assert_int_equal(back.size, r->obj_b.size);
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(back.files[i].name, r->obj_b.files[i].name);
        assert_int_equal(back.files[i].hash, r->obj_b.files[i].hash);
    }
    /* A diff that is not a checkpoint reference, and a base that is one, are refused. */
    struct attr_value *files = &parsed.objects[0].attrs[1].value;
    struct attr_value *name1 = &files->list.items[1].list.items[0];
    attr_free(name1);
    *name1 = attr_string("/etc/passwd");
    assert_int_not_equal(snap_restore(&reg, &parsed, &in2, 1, &lo, err, sizeof err), 0);
    assert_non_null(strstr(err, "%N%/ reference"));
    image_disk_clear(&back);
    strbuf_free(&text);
    snap_config_free(&cfg);
    snap_config_free(&parsed);
    snap_registry_free(&reg);
    rig_free(r);
}

static void test_base_changed(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    char err[512];
    FILE *f = fopen(r->base, "r+");
    fputc(0x5a, f);
    fclose(f);
    assert_int_not_equal(stage_b(r, NULL, NULL, err, sizeof err), 0);
    assert_non_null(strstr(err, "changed since the snapshot"));
    rig_free(r);
}

static void test_base_found_in_search_path(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    char err[512];
    char *images = path_join(r->dir, "images"), *moved = path_join(images, "base.img");
    mkdir(images, 0755);
    assert_int_equal(rename(r->base, moved), 0);
    assert_int_not_equal(stage_b(r, NULL, NULL, err, sizeof err), 0);
    assert_non_null(strstr(err, "not found"));
    const char *dirs[] = {images};
    struct image_search search = {dirs, 1};
    struct disk_image d;
    if (stage_b(r, &search, &d, err, sizeof err))
        fail_msg("%s", err);
    assert_same_disk(&r->live, &d);
    disk_image_close(&d);
    free(images), free(moved);
    rig_free(r);
}

static void test_diff_tampered(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    char err[512];
    char *diff = path_join(r->a, "disk0.diff");
    FILE *f = fopen(diff, "r+");
    fseek(f, 20, SEEK_SET);
    fputc(0xff, f);
    fclose(f);
    assert_int_not_equal(stage_b(r, NULL, NULL, err, sizeof err), 0);
    assert_non_null(strstr(err, "%1%/disk0.diff"));
    free(diff);
    rig_free(r);
}

/* An all-zero disk smaller than the blocks its diffs hold. */
static void test_block_beyond_disk(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    char err[512];
    free(r->obj_b.files[0].name);
    r->obj_b.files[0] = (struct image_disk_file){.name = strdup("")};
    r->obj_b.size = 8 * 4096;
    assert_int_not_equal(stage_b(r, NULL, NULL, err, sizeof err), 0);
    assert_non_null(strstr(err, "beyond the disk"));
    rig_free(r);
}

/* B as a snapshot directory: its chain (mem0's checkpoint_path) leads to A, and disk0 is the
 * rig's object. */
static void write_b_config(struct rig *r, const char *extra)
{
    char text[4096];
    int n = snprintf(text, sizeof text,
                     "#SNAPSIM-CHECKPOINT 2\nOBJECT mem0 TYPE memory-image {\n page_size: 4096\n"
                     " files: (\"%%0%%/mem0.pages\")\n checkpoint_path: (\"A\")\n}\n"
                     "OBJECT disk0 TYPE disk-image {\n size: %llu\n files: (",
                     (unsigned long long)r->obj_b.size);
    for (size_t i = 0; i < r->obj_b.nfiles; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "%s(\"%s\", \"ro\", %llu, 0x%llx)", i ? ", " : "",
                      r->obj_b.files[i].name, (unsigned long long)r->obj_b.files[i].bytes,
                      (unsigned long long)r->obj_b.files[i].hash);
    snprintf(text + n, sizeof text - (size_t)n, ")\n}\n%s", extra);
    char *cfg = path_join(r->b, "config");
    write_text_file(cfg, text);
    free(cfg);
}

static size_t verify_dir(const char *dir, bool *disks_only)
{
    struct snap_problems probs = {0};
    image_disks_verify_dir(dir, NULL, &probs, disks_only);
    size_t n = probs.n;
    snap_problems_free(&probs);
    return n;
}

/* save-persistent folds the chain into one diff in a directory that stands alone; loading it
 * onto a fresh disk gives the saved content; verify checks it. */
static void test_persistent_state(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    char err[1024];
    write_b_config(r, "");
    bool disks_only;
    assert_int_equal(verify_dir(r->b, &disks_only), 0);
    assert_false(disks_only);
    char *p = path_join(r->dir, "persistent");
    if (image_disks_save_persistent(r->b, p, NULL, err, sizeof err))
        fail_msg("%s", err);
    assert_int_equal(verify_dir(p, &disks_only), 0);
    assert_true(disks_only);
    /* A fresh machine's disk with other writes, and a second disk the state does not name. */
    struct disk_image disk, other;
    assert_int_equal(disk_image_open(&disk, r->base, err, sizeof err), 0);
    assert_int_equal(disk_image_init_blank(&other, 4096, err, sizeof err), 0);
    fill(&disk, 7 * 4096, 10, 0x77);
    fill(&other, 0, 10, 0x11);
    struct image_disk_slot slots[] = {{"disk1", &other, NULL}, {"disk0", &disk, NULL}};
    if (image_disks_load_persistent(p, slots, 2, NULL, err, sizeof err))
        fail_msg("%s", err);
    assert_same_disk(&r->live, &disk);
    /* The loaded disk reads from the persistent state's base; the other keeps its own. */
    assert_non_null(slots[1].base_path);
    assert_null(slots[0].base_path);
    free(slots[1].base_path);
    slots[1].base_path = NULL;
    uint8_t byte;
    assert_true(disk_image_read(&other, 5, &byte, 1));
    assert_int_equal(byte, 0x11);
    /* No slot of the name: refused, the disk unchanged. */
    fill(&disk, 7 * 4096, 10, 0x78);
    assert_int_not_equal(image_disks_load_persistent(p, slots, 1, NULL, err, sizeof err), 0);
    assert_non_null(strstr(err, "no disk disk0"));
    assert_true(disk_image_read(&disk, 7 * 4096, &byte, 1));
    assert_int_equal(byte, 0x78);
    /* A directory with other objects is not persistent state. */
    assert_int_not_equal(image_disks_load_persistent(r->b, slots, 2, NULL, err, sizeof err), 0);
    assert_non_null(strstr(err, "not a persistent-state directory"));
    /* A tampered diff: verify reports it, load refuses it. */
    char *diff = path_join(p, "disk0.diff");
    FILE *f = fopen(diff, "r+");
    fseek(f, 30, SEEK_SET);
    fputc(0x01, f);
    fclose(f);
    assert_int_equal(verify_dir(p, &disks_only), 1);
    assert_int_not_equal(image_disks_load_persistent(p, slots, 2, NULL, err, sizeof err), 0);
    assert_true(disk_image_read(&disk, 7 * 4096, &byte, 1));
    assert_int_equal(byte, 0x78);
    /* A snapshot without disks has no persistent state. */
    char *q = path_join(r->dir, "persistent2");
    free(diff);
    diff = path_join(r->b, "config");
    write_text_file(diff, "#SNAPSIM-CHECKPOINT 2\n");
    assert_int_not_equal(image_disks_save_persistent(r->b, q, NULL, err, sizeof err), 0);
    assert_non_null(strstr(err, "no disk image"));
    free(diff), free(p), free(q);
    disk_image_close(&disk);
    disk_image_close(&other);
    rig_free(r);
}

static int no_pages(void *ctx, uint64_t *number, const void **page, char *err, size_t errlen)
{
    (void)ctx, (void)number, (void)page, (void)err, (void)errlen;
    return 0;
}

static void empty_pages(const char *dir)
{
    char err[256], *path = path_join(dir, "mem0.pages");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    assert_true(fd >= 0);
    assert_int_equal(snap_pages_write(fd, no_pages, NULL, NULL, NULL, err, sizeof err), 0);
    close(fd);
    free(path);
}

/* `snapshot merge` of a system-mode snapshot holding a disk: the disk's chain becomes one diff in
 * the merged snapshot, which restores the same disk. */
static void test_merge_folds_disks(void **state)
{
    (void)state;
    struct rig *r = rig_new();
    char err[1024];
    empty_pages(r->a);
    empty_pages(r->b);
    write_b_config(r, "OBJECT ram TYPE phys-memory {\n base: 0x80000000\n size: 0x100000\n image: mem0\n}\n");
    char *cfg = path_join(r->b, "config"), *m = path_join(r->dir, "merged");
    /* the rig's mem0 lists only its own page file: the chain's is wanted here */
    FILE *f = fopen(cfg, "r");
    char text[4096];
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = 0;
    char *at = strstr(text, "(\"%0%/mem0.pages\")");
    assert_non_null(at);
    char fixed[4200];
    snprintf(fixed, sizeof fixed, "%.*s(\"%%0%%/mem0.pages\", \"%%1%%/mem0.pages\")%s", (int)(at - text), text,
             at + strlen("(\"%0%/mem0.pages\")"));
    write_text_file(cfg, fixed);
    if (ckpt_merge_images(r->b, m, NULL, err, sizeof err))
        fail_msg("%s", err);
    struct snap_paths paths;
    struct snap_config mc;
    assert_int_equal(image_disks_open_config(m, &paths, &mc, err, sizeof err), 0);
    struct image_disk d;
    assert_int_equal(image_disks_parse(snap_config_find_object(&mc, "disk0"), &d, err, sizeof err), 0);
    assert_int_equal(d.nfiles, 2);
    assert_string_equal(d.files[1].name, "%0%/disk0.diff");
    struct snap_page_chain diffs;
    char *base = NULL;
    struct disk_image disk;
    if (image_disk_stage(&d, &paths, NULL, &base, &diffs, err, sizeof err) ||
        image_disk_load(&disk, base, d.size, &diffs, err, sizeof err))
        fail_msg("%s", err);
    assert_same_disk(&r->live, &disk);
    disk_image_close(&disk);
    snap_page_chain_close(&diffs);
    free(base);
    image_disk_clear(&d);
    snap_config_free(&mc);
    snap_paths_free(&paths);
    free(cfg), free(m);
    rig_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chain_restores),
        cmocka_unit_test(test_class_round_trip),
        cmocka_unit_test(test_base_changed),
        cmocka_unit_test(test_base_found_in_search_path),
        cmocka_unit_test(test_diff_tampered),
        cmocka_unit_test(test_block_beyond_disk),
        cmocka_unit_test(test_persistent_state),
        cmocka_unit_test(test_merge_folds_disks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
