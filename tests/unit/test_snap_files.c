/* Snapshot directories: path safety, atomic creation, raw data, verification. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_snap_util.h"
#include "snapshot/page_image.h"
#include "snapshot/snap_dir.h"
#include "snapshot/snap_objects.h"
#include "snapshot/snap_paths.h"
#include "snapshot/snap_verify.h"

#include <dirent.h>
#include <sys/stat.h>

struct tree {
    char *root, *snap, *outside;
};

/* root/ holds s.snapshot/ (with a data file); outside/ is a sibling tree with a secret. */
static void make_tree(struct tree *t)
{
    t->outside = make_temp_dir();
    t->root = make_temp_dir();
    t->snap = path_join(t->root, "s.snapshot");
    assert_int_equal(mkdir(t->snap, 0755), 0);
    char *f = path_join(t->snap, "data"), *secret = path_join(t->outside, "secret");
    write_text_file(f, "0123456789");
    write_text_file(secret, "top secret");
    free(f);
    free(secret);
}

static void free_tree(struct tree *t)
{
    rm_tree(t->root);
    rm_tree(t->outside);
    free(t->root), free(t->snap), free(t->outside);
}

static void test_path_safety(void **state)
{
    (void)state;
    struct tree t;
    make_tree(&t);
    struct snap_paths sp;
    char err[512], *real;
    assert_int_equal(snap_paths_init(&sp, t.snap, err, sizeof err), 0);
    assert_int_equal(snap_paths_resolve(&sp, "%0%/data", &real, err, sizeof err), 0);
    free(real);
    assert_int_equal(snap_paths_resolve(&sp, "data", &real, err, sizeof err), 0);
    free(real);

    assert_int_equal(snap_paths_resolve(&sp, "%0%/../s.snapshot/data", &real, err, sizeof err), -1);
    assert_non_null(strstr(err, "component '..' not allowed"));
    assert_int_equal(snap_paths_resolve(&sp, "%0%/./data", &real, err, sizeof err), -1);
    assert_int_equal(snap_paths_resolve(&sp, "%0%//data", &real, err, sizeof err), -1);

    char *secret = path_join(t.outside, "secret");
    assert_int_equal(snap_paths_resolve(&sp, secret, &real, err, sizeof err), -1);
    assert_non_null(strstr(err, "absolute file reference not allowed"));
    assert_int_equal(snap_paths_resolve(&sp, "/etc/passwd", &real, err, sizeof err), -1);
    assert_non_null(strstr(err, "absolute file reference not allowed"));

    /* A symlink inside the snapshot is refused, wherever it points. */
    char *link = path_join(t.snap, "escape"), *good = path_join(t.snap, "alias");
    assert_int_equal(symlink(secret, link), 0);
    assert_int_equal(symlink("data", good), 0);
    assert_int_equal(snap_paths_resolve(&sp, "%0%/escape", &real, err, sizeof err), -1);
    assert_non_null(strstr(err, "outside the allowed directories"));
    int fd;
    assert_int_equal(snap_paths_open(&sp, "%0%/alias", &fd, err, sizeof err), -1);
    assert_non_null(strstr(err, "symbolic link"));
    assert_int_equal(snap_paths_open(&sp, "%0%/data", &fd, err, sizeof err), 0);
    close(fd);
    /* A FIFO is refused without blocking. */
    char *fifo = path_join(t.snap, "fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(snap_paths_open(&sp, "%0%/fifo", &fd, err, sizeof err), -1);
    assert_non_null(strstr(err, "not a regular file"));
    free(fifo);

    /* Ancestors: missing ones are named, ".." and escaping ones refused. */
    struct attr_value cp = attr_list(0);
    attr_list_append(&cp, attr_string("gone.snapshot"));
    assert_int_equal(snap_paths_set_ancestors(&sp, &cp, err, sizeof err), -1);
    assert_non_null(strstr(err, "missing or unusable ancestor snapshot 'gone.snapshot'"));
    attr_free(&cp);
    cp = attr_list(0);
    attr_list_append(&cp, attr_string("../x"));
    assert_int_equal(snap_paths_set_ancestors(&sp, &cp, err, sizeof err), -1);
    attr_free(&cp);
    cp = attr_list(0);
    attr_list_append(&cp, attr_string(t.outside));
    assert_int_equal(snap_paths_set_ancestors(&sp, &cp, err, sizeof err), -1);
    assert_non_null(strstr(err, "outside the allowed directories"));
    /* ...unless that tree is explicitly allowed. */
    assert_int_equal(snap_paths_add_root(&sp, t.outside, err, sizeof err), 0);
    assert_int_equal(snap_paths_set_ancestors(&sp, &cp, err, sizeof err), 0);
    assert_int_equal(snap_paths_open(&sp, "%1%/secret", &fd, err, sizeof err), 0);
    close(fd);
    assert_int_equal(snap_paths_resolve(&sp, "%2%/secret", &real, err, sizeof err), -1);
    assert_non_null(strstr(err, "refers to ancestor 2"));
    attr_free(&cp);

    snap_paths_free(&sp);
    free(secret), free(link), free(good);
    free_tree(&t);
}

static void test_atomic_create(void **state)
{
    (void)state;
    char *root = make_temp_dir(), err[512];
    char *final = path_join(root, "x.snapshot");
    struct snap_dir_writer w;
    assert_int_equal(snap_dir_begin(&w, final, err, sizeof err), 0);
    assert_int_equal(snap_dir_write_file(&w, "config", "#SNAPSIM-CHECKPOINT 1\n", 22, err, sizeof err), 0);
    struct stat st;
    assert_int_equal(stat(final, &st), -1);   /* invisible until commit */
    assert_int_equal(snap_dir_commit(&w, err, sizeof err), 0);
    char *cfg = path_join(final, "config");
    assert_int_equal(stat(cfg, &st), 0);
    assert_int_equal(st.st_size, 22);

    /* A second snapshot of the same name is refused up front... */
    assert_int_equal(snap_dir_begin(&w, final, err, sizeof err), -1);
    assert_non_null(strstr(err, "already exists"));
    /* ...and at commit time if it appeared meanwhile; the old one is intact, no temp left. */
    char *other = path_join(root, "y.snapshot");
    assert_int_equal(snap_dir_begin(&w, other, err, sizeof err), 0);
    assert_int_equal(snap_dir_write_file(&w, "config", "other", 5, err, sizeof err), 0);
    char *other_cfg = path_join(other, "config");
    assert_int_equal(mkdir(other, 0755), 0);
    write_text_file(other_cfg, "original");
    assert_int_equal(snap_dir_commit(&w, err, sizeof err), -1);
    assert_non_null(strstr(err, "already exists"));
    assert_int_equal(stat(other_cfg, &st), 0);
    assert_int_equal(st.st_size, 8);

    /* Abort removes the temporary directory. */
    char *third = path_join(root, "z.snapshot");
    assert_int_equal(snap_dir_begin(&w, third, err, sizeof err), 0);
    assert_int_equal(snap_dir_write_file(&w, "a", "1", 1, err, sizeof err), 0);
    snap_dir_abort(&w);
    int entries = 0;
    DIR *d = opendir(root);
    for (struct dirent *de; (de = readdir(d));)
        entries += de->d_name[0] != '.';
    closedir(d);
    assert_int_equal(entries, 2);   /* x.snapshot and y.snapshot only */

    rm_tree(root);
    free(root), free(final), free(cfg), free(other), free(other_cfg), free(third);
}

/* A component with a raw-data attribute, saved and restored through a real directory. */
struct blob { uint8_t bytes[100]; };
static int get_blob(void *o, struct attr_value *v) { *v = attr_data(((struct blob *)o)->bytes, 100); return 0; }
static int set_blob(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    if (v->data.length != 100 || !v->data.payload)
        return snprintf(err, errlen, "blob must be 100 bytes"), -1;
    memcpy(((struct blob *)o)->bytes, v->data.payload, 100);
    return 0;
}
static const struct snap_attr_def blob_attrs[] = {{"bytes", "d", SNAP_ATTR_REQUIRED, NULL, get_blob, set_blob, "payload"}};
static const struct snap_class_def blob_class = {"blob", "raw bytes", blob_attrs, 1};

/* The memory-image class as the machine integration would declare it (setters not exercised). */
static int get_none(void *o, struct attr_value *v) { (void)o; *v = attr_nil(); return 0; }
static int set_none(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    (void)o, (void)v, (void)err, (void)errlen;
    return 0;
}
static const struct snap_attr_def image_attrs[] = {
    {"page_size", "i", SNAP_ATTR_REQUIRED, NULL, get_none, set_none, "bytes per page"},
    {"files", "[s+]", SNAP_ATTR_REQUIRED, NULL, get_none, set_none, "page files, newest first"},
    {"checkpoint_path", "[s*]", SNAP_ATTR_OPTIONAL, "()", get_none, set_none, "ancestor snapshots"},
};
static const struct snap_class_def image_class = {"memory-image", "paged memory", image_attrs, 3};

static void save_snapshot(const char *final, struct snap_registry *reg, struct blob *b, const char *mem_text)
{
    char err[512];
    struct snap_dir_writer w;
    assert_int_equal(snap_dir_begin(&w, final, err, sizeof err), 0);
    struct snap_raw_writer raw;
    snap_raw_writer_init(&raw, w.dir_fd);
    struct snap_instance inst = {"blob0", "blob", b};
    struct snap_config cfg;
    if (snap_capture(reg, &inst, 1, &raw, &cfg, err, sizeof err))
        fail_msg("%s", err);
    assert_int_equal(snap_raw_writer_finish(&raw, err, sizeof err), 0);
    struct strbuf sb = {0};
    assert_int_equal(snap_config_write(&cfg, &sb, err, sizeof err), 0);
    strbuf_puts(&sb, mem_text);
    assert_int_equal(snap_dir_write_file(&w, "config", sb.data, sb.len, err, sizeof err), 0);
    int fd;
    assert_int_equal(snap_dir_create_file(&w, "mem0.pages", &fd, err, sizeof err), 0);
    struct snap_pages_writer *pw;
    uint8_t page[PAGES_PAGE_SIZE];
    memset(page, 0xab, sizeof page);
    assert_int_equal(snap_pages_writer_open(&pw, fd, NULL, err, sizeof err), 0);
    assert_int_equal(snap_pages_writer_add(pw, 0x10, page, err, sizeof err), 0);
    assert_int_equal(snap_pages_writer_finish(pw, NULL, err, sizeof err), 0);
    snap_pages_writer_free(pw);
    assert_int_equal(snap_dir_close_file(fd, "mem0.pages", err, sizeof err), 0);
    assert_int_equal(snap_dir_commit(&w, err, sizeof err), 0);
    strbuf_free(&sb);
    snap_config_free(&cfg);
}

static void test_raw_data_and_verify(void **state)
{
    (void)state;
    char *root = make_temp_dir(), err[512];
    char *final = path_join(root, "s.snapshot");
    struct snap_registry reg;
    snap_registry_init(&reg);
    assert_int_equal(snap_registry_add(&reg, &blob_class, err, sizeof err), 0);
    assert_int_equal(snap_registry_add(&reg, &image_class, err, sizeof err), 0);
    struct blob b;
    for (int i = 0; i < 100; i++)
        b.bytes[i] = (uint8_t)(i * 7);
    save_snapshot(final, &reg, &b, "\nOBJECT mem0 TYPE memory-image {\n    page_size: 4096\n"
                                   "    files: (\"%0%/mem0.pages\")\n}\n");

    struct snap_problems pr;
    if (snap_verify(final, &reg, &pr) != 0)
        fail_msg("%s", pr.msgs[0]);
    snap_problems_free(&pr);

    /* Restore the blob through the registry, reading the raw file. */
    struct snap_paths paths;
    assert_int_equal(snap_paths_init(&paths, final, err, sizeof err), 0);
    char *cfg_path = path_join(final, "config");
    struct snap_config cfg;
    assert_int_equal(snap_config_parse_file(cfg_path, &cfg, err, sizeof err), 0);
    struct snap_cfg_object *mem = snap_config_find_object(&cfg, "mem0");
    assert_non_null(mem);
    /* mem0 is not ours: restore only the blob (drop mem0 from the config for this check). */
    snap_config_free(&cfg);
    const char *only_blob = "#SNAPSIM-CHECKPOINT 1\nOBJECT blob0 TYPE blob { bytes: [R 100 \"%0%/raw\" 0] }\n";
    assert_int_equal(snap_config_parse(only_blob, strlen(only_blob), &cfg, err, sizeof err), 0);
    struct blob back = {0};
    struct snap_instance inst = {"blob0", "blob", &back};
    struct snap_load_opts opts = {.paths = &paths};
    assert_int_equal(snap_restore(&reg, &cfg, &inst, 1, &opts, err, sizeof err), 0);
    assert_memory_equal(back.bytes, b.bytes, 100);
    snap_config_free(&cfg);
    const char *too_far = "#SNAPSIM-CHECKPOINT 1\nOBJECT blob0 TYPE blob { bytes: [R 100 \"%0%/raw\" 1] }\n";
    assert_int_equal(snap_config_parse(too_far, strlen(too_far), &cfg, err, sizeof err), 0);
    assert_int_equal(snap_restore(&reg, &cfg, &inst, 1, &opts, err, sizeof err), -1);
    assert_non_null(strstr(err, "beyond the end of the file"));
    snap_config_free(&cfg);
    snap_paths_free(&paths);

    /* Corrupt a frame byte: verify reports it. */
    char *img = path_join(final, "mem0.pages");
    int fd = open(img, O_RDWR);
    assert_int_equal(pwrite(fd, "\xff\xff\xff", 3, 20), 3);
    close(fd);
    assert_true(snap_verify(final, &reg, &pr) >= 1);
    assert_non_null(strstr(pr.msgs[0], "page 0x10"));
    snap_problems_free(&pr);

    /* A missing image file is a problem naming it. */
    unlink(img);
    assert_int_equal(snap_verify(final, &reg, &pr), 1);
    assert_non_null(strstr(pr.msgs[0], "%0%/mem0.pages: missing"));
    snap_problems_free(&pr);

    snap_registry_free(&reg);
    rm_tree(root);
    free(root), free(final), free(cfg_path), free(img);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path_safety),
        cmocka_unit_test(test_atomic_create),
        cmocka_unit_test(test_raw_data_and_verify),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
