/* Class registry: signatures, capture and restore through getters/setters, error messages,
 * info listing and diff. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "snapshot/attr_sig.h"
#include "snapshot/config_report.h"
#include "snapshot/snap_objects.h"

/* A toy component: a counter with registers, a name and a rate. */
struct toy {
    uint64_t pc;
    uint64_t regs[4];
    char name[32];
    double rate;
    int hits;          /* session state: never saved */
};

static int get_pc(void *o, struct attr_value *v) { *v = attr_uint(((struct toy *)o)->pc); return 0; }
static int set_pc(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t pc;
    if (!attr_get_u64(v, &pc) || (pc & 1))
        return snprintf(err, errlen, "pc must be even"), -1;
    ((struct toy *)o)->pc = pc;
    return 0;
}
static int get_regs(void *o, struct attr_value *v) { *v = attr_list_of_uints(((struct toy *)o)->regs, 4); return 0; }
static int set_regs(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    for (size_t i = 0; i < 4; i++)
        attr_get_u64(&v->list.items[i], &((struct toy *)o)->regs[i]);
    return 0;
}
static int get_name(void *o, struct attr_value *v) { *v = attr_string(((struct toy *)o)->name); return 0; }
static int set_name(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    if (v->str.len >= sizeof ((struct toy *)o)->name)
        return snprintf(err, errlen, "name too long"), -1;
    memcpy(((struct toy *)o)->name, v->str.bytes, v->str.len + 1);
    return 0;
}
static int get_rate(void *o, struct attr_value *v) { *v = attr_float(((struct toy *)o)->rate); return 0; }
static int set_rate(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    ((struct toy *)o)->rate = v->f;
    return 0;
}
static int get_hits(void *o, struct attr_value *v) { *v = attr_int(((struct toy *)o)->hits); return 0; }

static const struct snap_attr_def toy_attrs[] = {
    {"pc", "i", SNAP_ATTR_REQUIRED, NULL, get_pc, set_pc, "program counter"},
    {"regs", "[i{4}]", SNAP_ATTR_REQUIRED, NULL, get_regs, set_regs, "registers"},
    {"name", "s", SNAP_ATTR_OPTIONAL, "\"anon\"", get_name, set_name, "label"},
    {"rate", "f", SNAP_ATTR_OPTIONAL, NULL, get_rate, set_rate, "rate"},
    {"hits", "i", SNAP_ATTR_SESSION, NULL, get_hits, NULL, "hits this session"},
};
static const struct snap_class_def toy_class = {"toy-device", "a toy", toy_attrs, 5};

static void make_registry(struct snap_registry *r)
{
    char err[256];
    snap_registry_init(r);
    if (snap_registry_add(r, &toy_class, err, sizeof err))
        fail_msg("%s", err);
}

static int check_sig(const char *sig, const char *value, char *err, size_t errlen)
{
    struct attr_sig *s;
    struct attr_value v;
    assert_int_equal(attr_sig_compile(sig, &s, err, errlen), 0);
    assert_int_equal(attr_value_parse(value, strlen(value), &v, err, errlen), 0);
    int rc = attr_sig_check(s, &v, "a", err, errlen);
    attr_free(&v);
    attr_sig_free(s);
    return rc;
}

static void test_signatures(void **state)
{
    (void)state;
    char err[256];
    assert_int_equal(check_sig("i", "5", err, sizeof err), 0);
    assert_int_equal(check_sig("i", "0x5", err, sizeof err), 0);
    assert_int_equal(check_sig("i", "\"x\"", err, sizeof err), -1);
    assert_string_equal(err, "a: expected integer, got string");
    assert_int_equal(check_sig("[i*]", "()", err, sizeof err), 0);
    assert_int_equal(check_sig("[i+]", "()", err, sizeof err), -1);
    assert_int_equal(check_sig("[i{3}]", "(1, 2, 3)", err, sizeof err), 0);
    assert_int_equal(check_sig("[i{3}]", "(1, 2)", err, sizeof err), -1);
    assert_string_equal(err, "a: expected [i{3}], got a list of 2 items");
    assert_int_equal(check_sig("[i{1:2}]", "(1, 2)", err, sizeof err), 0);
    assert_int_equal(check_sig("[i*]", "(1, \"two\")", err, sizeof err), -1);
    assert_string_equal(err, "a[1]: expected integer, got string");
    assert_int_equal(check_sig("[[isb]*]", "((0, \"stdin\", TRUE), (1, \"stdout\", FALSE))", err, sizeof err), 0);
    assert_int_equal(check_sig("[[isb]*]", "((0, \"stdin\", 1))", err, sizeof err), -1);
    assert_string_equal(err, "a[0][2]: expected boolean, got integer");
    assert_int_equal(check_sig("{s:i|n}", "{\"a\": 1, \"b\": NIL}", err, sizeof err), 0);
    assert_int_equal(check_sig("{s:i}", "{1: 1}", err, sizeof err), -1);
    assert_int_equal(check_sig("s|n", "NIL", err, sizeof err), 0);
    assert_int_equal(check_sig("a", "(1, {2: 3})", err, sizeof err), 0);
    assert_int_equal(check_sig("[d*]", "([R 1 \"raw\" 0])", err, sizeof err), 0);
    assert_int_equal(check_sig("o", "cpu0", err, sizeof err), 0);
    assert_int_equal(check_sig("f", "1", err, sizeof err), -1);

    struct attr_sig *s;
    const char *bad[] = {"", "x", "[i", "[]", "[ii*]", "{i}", "[i{3:1}]", "ii"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (attr_sig_compile(bad[i], &s, err, sizeof err) == 0)
            fail_msg("signature '%s' accepted", bad[i]);
}

static void test_capture_restore(void **state)
{
    (void)state;
    struct snap_registry reg;
    make_registry(&reg);
    struct toy a = {.pc = 0x10a4c, .regs = {1, 2, 3, UINT64_MAX}, .name = "first", .rate = -0.0, .hits = 9};
    struct snap_instance inst = {"dev0", "toy-device", &a};
    struct snap_config cfg, parsed;
    char err[256];
    assert_int_equal(snap_capture(&reg, &inst, 1, NULL, &cfg, err, sizeof err), 0);
    assert_null(snap_cfg_object_find_attr(&cfg.objects[0], "hits"));   /* session: not saved */
    struct strbuf sb = {0};
    assert_int_equal(snap_config_write(&cfg, &sb, err, sizeof err), 0);
    assert_int_equal(snap_config_parse(sb.data, sb.len, &parsed, err, sizeof err), 0);

    struct toy b = {0};
    struct snap_instance inst_b = {"dev0", "toy-device", &b};
    assert_int_equal(snap_restore(&reg, &parsed, &inst_b, 1, NULL, err, sizeof err), 0);
    assert_true(b.pc == a.pc);
    assert_memory_equal(b.regs, a.regs, sizeof a.regs);
    assert_string_equal(b.name, "first");
    assert_true(b.rate == 0.0 && signbit(b.rate));
    assert_int_equal(b.hits, 0);

    /* No differences between the captured and re-parsed config. */
    FILE *devnull = fopen("/dev/null", "w");
    assert_int_equal(snap_config_diff(&cfg, &parsed, devnull), 0);
    fclose(devnull);

    strbuf_free(&sb);
    snap_config_free(&cfg);
    snap_config_free(&parsed);
    snap_registry_free(&reg);
}

static int restore_text(const char *body, struct toy *t, char *err, size_t errlen)
{
    struct snap_registry reg;
    make_registry(&reg);
    char text[1024];
    snprintf(text, sizeof text, "#SNAPSIM-CHECKPOINT 1\n%s", body);
    struct snap_config cfg;
    int rc = snap_config_parse(text, strlen(text), &cfg, err, errlen);
    if (rc == 0) {
        struct snap_instance inst = {"dev0", "toy-device", t};
        rc = snap_restore(&reg, &cfg, &inst, 1, NULL, err, errlen);
    }
    snap_config_free(&cfg);
    snap_registry_free(&reg);
    return rc;
}

static void test_restore_errors(void **state)
{
    (void)state;
    char err[256];
    struct toy t = {.name = "keep", .rate = 2.5};

    assert_int_equal(restore_text("OBJECT dev0 TYPE toy-device { regs: (1, 2, 3, 4) }", &t, err, sizeof err), -1);
    assert_string_equal(err, "object dev0: missing required attribute pc (class toy-device)");

    assert_int_equal(restore_text("OBJECT dev0 TYPE toy-device { pc: 2 regs: (1, 2, 3) }", &t, err, sizeof err), -1);
    assert_string_equal(err, "object dev0: regs: expected [i{4}], got a list of 3 items");

    assert_int_equal(restore_text("OBJECT dev0 TYPE toy-device { pc: \"x\" regs: (1, 2, 3, 4) }", &t, err, sizeof err), -1);
    assert_string_equal(err, "object dev0: pc: expected integer, got string");

    assert_int_equal(restore_text("OBJECT dev0 TYPE gadget { pc: 2 }", &t, err, sizeof err), -1);
    assert_string_equal(err, "object dev0: unknown class gadget");

    assert_int_equal(restore_text("OBJECT dev0 TYPE toy-device { pc: 2 regs: (1, 2, 3, 4) color: 3 }", &t, err, sizeof err), -1);
    assert_string_equal(err, "object dev0: unknown attribute color for class toy-device");

    assert_int_equal(restore_text("OBJECT dev0 TYPE toy-device { pc: 2 regs: (1, 2, 3, 4) hits: 3 }", &t, err, sizeof err), -1);
    assert_non_null(strstr(err, "unsaved (session or pseudo) attribute hits"));

    assert_int_equal(restore_text("OBJECT dev0 TYPE toy-device { pc: 3 regs: (1, 2, 3, 4) }", &t, err, sizeof err), -1);
    assert_string_equal(err, "object dev0 attribute pc: pc must be even");

    assert_int_equal(restore_text("OBJECT dev1 TYPE toy-device { pc: 2 regs: (1, 2, 3, 4) }", &t, err, sizeof err), -1);
    assert_string_equal(err, "object dev0 (class toy-device) is missing from the snapshot");

    /* Defaults: name takes its documented default, rate (no default) keeps its value. */
    assert_int_equal(restore_text("OBJECT dev0 TYPE toy-device { pc: 2 regs: (1, 2, 3, 4) }", &t, err, sizeof err), 0);
    assert_string_equal(t.name, "anon");
    assert_true(t.rate == 2.5);
}

static void warn_count(void *ctx, const char *msg)
{
    (void)msg;
    (*(int *)ctx)++;
}

static void test_unknown_attribute_warning(void **state)
{
    (void)state;
    struct snap_registry reg;
    make_registry(&reg);
    const char *text = "#SNAPSIM-CHECKPOINT 1\nOBJECT dev0 TYPE toy-device { pc: 2 regs: (1, 2, 3, 4) color: 3 }";
    struct snap_config cfg;
    char err[256];
    assert_int_equal(snap_config_parse(text, strlen(text), &cfg, err, sizeof err), 0);
    int warnings = 0;
    struct snap_load_opts opts = {.ignore_unknown_attrs = true, .warn = warn_count, .warn_ctx = &warnings};
    struct toy t = {0};
    struct snap_instance inst = {"dev0", "toy-device", &t};
    assert_int_equal(snap_restore(&reg, &cfg, &inst, 1, &opts, err, sizeof err), 0);
    assert_int_equal(warnings, 1);
    assert_true(t.pc == 2);
    snap_config_free(&cfg);
    snap_registry_free(&reg);
}

static void test_bad_class_definitions(void **state)
{
    (void)state;
    struct snap_registry reg;
    char err[256];
    snap_registry_init(&reg);
    static const struct snap_attr_def bad_sig[] = {{"a", "[q]", SNAP_ATTR_REQUIRED, NULL, get_pc, set_pc, ""}};
    static const struct snap_attr_def bad_default[] = {{"a", "i", SNAP_ATTR_OPTIONAL, "\"str\"", get_pc, set_pc, ""}};
    static const struct snap_attr_def no_setter[] = {{"a", "i", SNAP_ATTR_REQUIRED, NULL, get_pc, NULL, ""}};
    static const struct snap_class_def c1 = {"c1", "", bad_sig, 1}, c2 = {"c2", "", bad_default, 1},
                                       c3 = {"c3", "", no_setter, 1};
    assert_int_equal(snap_registry_add(&reg, &c1, err, sizeof err), -1);
    assert_int_equal(snap_registry_add(&reg, &c2, err, sizeof err), -1);
    assert_non_null(strstr(err, "default of attribute a"));
    assert_int_equal(snap_registry_add(&reg, &c3, err, sizeof err), -1);
    assert_int_equal(snap_registry_add(&reg, &toy_class, err, sizeof err), 0);
    assert_int_equal(snap_registry_add(&reg, &toy_class, err, sizeof err), -1);
    snap_registry_free(&reg);
}

static void test_info_and_diff(void **state)
{
    (void)state;
    const char *ta = "#SNAPSIM-CHECKPOINT 1\nOBJECT dev0 TYPE toy-device { pc: 0x10 regs: (1, 2, 3, 4) name: \"a\" }\n"
                     "OBJECT old TYPE toy-device { pc: 0 regs: (0, 0, 0, 0) }";
    const char *tb = "#SNAPSIM-CHECKPOINT 1\nOBJECT dev0 TYPE toy-device { pc: 0x14 regs: (1, 9, 3, 4) rate: 1.0 }\n"
                     "OBJECT new TYPE toy-device { pc: 0 regs: (0, 0, 0, 0) }";
    struct snap_config a, b;
    char err[256];
    assert_int_equal(snap_config_parse(ta, strlen(ta), &a, err, sizeof err), 0);
    assert_int_equal(snap_config_parse(tb, strlen(tb), &b, err, sizeof err), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(snap_config_diff(&a, &b, f), 6);
    fclose(f);
    assert_non_null(strstr(buf, "~ dev0.pc: 0x10 -> 0x14\n"));
    assert_non_null(strstr(buf, "~ dev0.regs[1]: 2 -> 9\n"));
    assert_non_null(strstr(buf, "- dev0.name\n"));
    assert_non_null(strstr(buf, "+ dev0.rate\n"));
    assert_non_null(strstr(buf, "- object old (toy-device)\n"));
    assert_non_null(strstr(buf, "+ object new (toy-device)\n"));
    free(buf);

    struct snap_registry reg;
    make_registry(&reg);
    f = open_memstream(&buf, &len);
    snap_config_info(&a, &reg, f);
    fclose(f);
    assert_non_null(strstr(buf, "dev0 (toy-device): a toy\n"));
    assert_non_null(strstr(buf, "  pc                   0x10  # program counter\n"));
    free(buf);
    snap_registry_free(&reg);
    snap_config_free(&a);
    snap_config_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_signatures),      cmocka_unit_test(test_capture_restore),
        cmocka_unit_test(test_restore_errors),  cmocka_unit_test(test_unknown_attribute_warning),
        cmocka_unit_test(test_bad_class_definitions), cmocka_unit_test(test_info_and_diff),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
