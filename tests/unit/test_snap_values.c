/* Attribute values and config text: round trips, parser errors with positions, limits. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/bitcast.h"
#include "snapshot/attr_float.h"
#include "snapshot/config.h"

#define HEADER "#SNAPSIM-CHECKPOINT 1\n"


/* value -> text -> value must give an equal value (floats compared by bits). */
static void assert_round_trip(const struct attr_value *v)
{
    struct strbuf sb = {0};
    char err[256];
    assert_int_equal(attr_value_write(v, &sb, err, sizeof err), 0);
    struct attr_value back;
    if (attr_value_parse(sb.data, sb.len, &back, err, sizeof err) != 0)
        fail_msg("re-parse of '%s' failed: %s", sb.data, err);
    if (!attr_equal(v, &back))
        fail_msg("round trip changed '%s'", sb.data);
    attr_free(&back);
    strbuf_free(&sb);
}

static char *text_of(const struct attr_value *v)
{
    struct strbuf sb = {0};
    char err[128];
    assert_int_equal(attr_value_write(v, &sb, err, sizeof err), 0);
    return strbuf_take(&sb, NULL);
}

static void test_integers(void **state)
{
    (void)state;
    int64_t ints[] = {0, 1, -1, 900, INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        struct attr_value v = attr_int(ints[i]);
        assert_round_trip(&v);
    }
    uint64_t uints[] = {0, 0x10a4c, UINT64_MAX, 1ull << 63};
    for (size_t i = 0; i < sizeof uints / sizeof uints[0]; i++) {
        struct attr_value v = attr_uint(uints[i]);
        assert_round_trip(&v);
    }
    struct attr_value v = attr_int(INT64_MIN);
    char *t = text_of(&v);
    assert_string_equal(t, "-9223372036854775808");
    free(t);
    v = attr_uint(UINT64_MAX);
    t = text_of(&v);
    assert_string_equal(t, "0xffffffffffffffff");
    free(t);
    /* Unsigned decimal beyond INT64_MAX reads as unsigned. */
    char err[128];
    assert_int_equal(attr_value_parse("18446744073709551615", 20, &v, err, sizeof err), 0);
    assert_int_equal(v.kind, ATTR_UINT);
    assert_true(v.u == UINT64_MAX);
}

static void test_floats(void **state)
{
    (void)state;
    uint64_t bits[] = {
        0x0000000000000000ull, 0x8000000000000000ull,   /* +0.0, -0.0 */
        0x3ff0000000000000ull, 0x3fb999999999999aull,   /* 1.0, 0.1 */
        0x0000000000000001ull, 0x000fffffffffffffull,   /* smallest and largest subnormal */
        0x7fefffffffffffffull, 0x7ff0000000000000ull, 0xfff0000000000000ull,   /* max, +-inf */
        0x7ff8000000000000ull, 0xfff8000000000000ull,   /* canonical NaNs */
        0x7ff0000000000001ull, 0x7ff4000000000000ull, 0xfff800000000abcdull,  /* payload NaNs */
        0xc00921fb54442d18ull,                          /* -pi */
    };
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) {
        struct attr_value v = attr_float(f64_value(bits[i]));
        assert_round_trip(&v);
    }
    char buf[ATTR_FLOAT_TEXT_MAX];
    attr_float_format(-0.0, buf);
    assert_string_equal(buf, "-0.0");
    attr_float_format(1.0, buf);
    assert_string_equal(buf, "1.0");
    attr_float_format(0.1, buf);
    assert_string_equal(buf, "0.1");
    attr_float_format(f64_value(0x7ff0000000000001ull), buf);
    assert_string_equal(buf, "nan(0x7ff0000000000001)");
    double d;
    char err[128];
    assert_int_equal(attr_float_parse("0x1.8p+1", 8, &d, err, sizeof err), 0);
    assert_true(d == 3.0);
    assert_int_equal(attr_float_parse("nan(0x3ff0000000000000)", 23, &d, err, sizeof err), -1);
    assert_int_equal(attr_float_parse("1e999", 5, &d, err, sizeof err), -1);
    assert_int_equal(attr_float_parse("infinity", 8, &d, err, sizeof err), -1);
    assert_int_equal(attr_float_parse("-0.0", 4, &d, err, sizeof err), 0);
    assert_true(f64_bits(d) == 0x8000000000000000ull);
}

static void test_strings(void **state)
{
    (void)state;
    const char raw[] = "a\0b\"\\\n\t\r\x01\x7f\xff end";
    struct attr_value v = attr_string_n(raw, sizeof raw - 1);
    assert_round_trip(&v);
    char *t = text_of(&v);
    assert_string_equal(t, "\"a\\x00b\\\"\\\\\\n\\t\\r\\x01\\x7f\\xff end\"");
    free(t);
    attr_free(&v);
    char err[128];
    assert_int_equal(attr_value_parse("\"\\101\\0\\x41\"", 12, &v, err, sizeof err), 0);
    assert_int_equal(v.str.len, 3);
    assert_memory_equal(v.str.bytes, "A\0A", 3);
    attr_free(&v);
}

static void test_compound(void **state)
{
    (void)state;
    struct attr_value inner = attr_list(0);
    attr_list_append(&inner, attr_int(-3));
    attr_list_append(&inner, attr_list(0));   /* empty list */
    attr_list_append(&inner, attr_nil());
    struct attr_value d = attr_dict(0);
    attr_dict_put(&d, attr_string("key"), inner);
    attr_dict_put(&d, attr_int(7), attr_bool(true));
    attr_dict_put(&d, attr_object("cpu0"), attr_bool(false));
    attr_dict_put(&d, attr_float(-0.0), attr_dict(0));
    struct attr_value top = attr_list(0);
    attr_list_append(&top, d);
    attr_list_append(&top, attr_data_ref("%0%/raw", 16, 32));
    attr_list_append(&top, attr_object("mem0"));
    assert_true(attr_ok(&top));
    assert_round_trip(&top);
    struct attr_value copy = attr_copy(&top);
    assert_true(attr_equal(&top, &copy));
    attr_free(&copy);
    char *t = text_of(&top);
    assert_string_equal(t, "({\"key\": (-3, (), NIL), 7: TRUE, cpu0: FALSE, -0.0: {}}, [R 16 \"%0%/raw\" 32], mem0)");
    free(t);
    attr_free(&top);
}

/* Version 2's compressed form keeps its stored length through parse and write. */
static void test_compressed_raw_ref(void **state)
{
    (void)state;
    const char *text = "#SNAPSIM-CHECKPOINT 2\nOBJECT a TYPE b { x: [R 4096 \"%1%/raw\" 10 77] }";
    struct snap_config c;
    char err[256] = "";
    assert_int_equal(snap_config_parse(text, strlen(text), &c, err, sizeof err), 0);
    assert_int_equal(c.version, 2);
    const struct attr_value *v = &c.objects[0].attrs[0].value;
    assert_int_equal(v->kind, ATTR_DATA);
    assert_int_equal(v->data.length, 4096);
    assert_int_equal(v->data.offset, 10);
    assert_int_equal(v->data.stored, 77);
    struct attr_value copy = attr_copy(v);
    assert_true(attr_equal(v, &copy));
    copy.data.stored = 78;
    assert_false(attr_equal(v, &copy));
    attr_free(&copy);
    char *t = text_of(v);
    assert_string_equal(t, "[R 4096 \"%1%/raw\" 10 77]");
    free(t);
    snap_config_free(&c);
}

static void test_config_round_trip(void **state)
{
    (void)state;
    const char *text = HEADER "# a comment\n"
        "OBJECT cpu0 TYPE rv64-hart { pc: 0x10a4c x: (0x0, 0x3ffffff0) # trailing\n fcsr: 0x0 instret: 900 }\n"
        "OBJECT mem0 TYPE memory-image { page_size: 4096 files: (\"%0%/mem0.pages\") }\n";
    struct snap_config c, c2;
    char err[256];
    assert_int_equal(snap_config_parse(text, strlen(text), &c, err, sizeof err), 0);
    assert_int_equal(c.nobjects, 2);
    assert_string_equal(c.objects[0].class_name, "rv64-hart");
    struct snap_cfg_attr *pc = snap_cfg_object_find_attr(&c.objects[0], "pc");
    assert_non_null(pc);
    assert_true(pc->value.kind == ATTR_UINT && pc->value.u == 0x10a4c);
    struct strbuf sb = {0};
    assert_int_equal(snap_config_write(&c, &sb, err, sizeof err), 0);
    assert_int_equal(snap_config_parse(sb.data, sb.len, &c2, err, sizeof err), 0);
    assert_int_equal(c2.nobjects, 2);
    for (size_t i = 0; i < 2; i++)
        for (size_t k = 0; k < c.objects[i].nattrs; k++)
            assert_true(attr_equal(&c.objects[i].attrs[k].value, &c2.objects[i].attrs[k].value));
    strbuf_free(&sb);
    snap_config_free(&c);
    snap_config_free(&c2);
}

struct bad_case {
    const char *text;
    const char *error;   /* expected message, including "config:LINE:COL" */
};

static void test_parse_errors(void **state)
{
    (void)state;
    static const struct bad_case cases[] = {
        {"", "config:1:1: not a snapsim checkpoint"},
        {"#SNAPSIM-CHECKPOINT 3\n", "config:1:21: unsupported format version 3 (this snapsim reads versions 1 to 2)"},
        {"#SNAPSIM-CHECKPOINT 0\n", "config:1:21: unsupported format version 0"},
        {HEADER "OBJECT a TYPE b { x: [R 9 \"%0%/raw\" 0 4] }", "config:2:39: compressed raw data [R length \"file\" offset stored] needs format version 2"},
        {"#SNAPSIM-CHECKPOINT 2\nOBJECT a TYPE b { x: [R 9 \"%0%/raw\" 0 0] }", "config:2:40: the stored length of compressed raw data is 0"},
        {"#SNAPSIM-CHECKPOINT 2\nOBJECT a TYPE b { x: [R 9 \"%0%/raw\" 0 4 5] }", "config:2:41: expected ']' to close raw data"},
        {HEADER "OBJECT a TYPE b { x: (1, 2 }", "config:2:28: expected ',' or ')'"},
        {HEADER "OBJECT a TYPE b {\n  x: 99999999999999999999 }", "config:3:6: integer '99999999999999999999' does not fit"},
        {HEADER "OBJECT a TYPE b { x: -9223372036854775809 }", "config:2:22: integer '-9223372036854775809' is below"},
        {HEADER "OBJECT a TYPE b { x: \"abc }", "config:2:22: unterminated string"},
        {HEADER "OBJECT a TYPE b { x: 1 x: 2 }", "config:2:24: duplicate attribute 'x'"},
        {HEADER "OBJECT a TYPE b { }\nOBJECT a TYPE b { }", "config:3:1: duplicate object 'a'"},
        {HEADER "OBJECT a TYPE b { x: -0x5 }", "config:2:22: hexadecimal integers are unsigned"},
        {HEADER "OBJECT a TYPE b { x: 1e999 }", "config:2:22: float literal '1e999' is out of range"},
        {HEADER "OBJECT a TYPE b { x: \"\\q\" }", "config:2:23: unknown escape sequence"},
        {HEADER "OBJECT a TYPE b { x: \"\\x4\" }", "config:2:23: \\x needs exactly two hex digits"},
        {HEADER "OBJECT a TYPE b { x: {(1): 2} }", "config:2:23: dictionary keys must be scalars"},
        {HEADER "OBJECT a TYPE b { x: [Q 1 \"f\" 0] }", "config:2:23: expected 'R'"},
        {HEADER "OBJECT a TYPE b { x 1 }", "config:2:21: expected ':'"},
        {HEADER "OBJECT a TYPE b { x: 1", "config:2:1: object 'a' is not closed"},
        {HEADER "OBJECT a b { }", "config:2:10: expected TYPE"},
        {HEADER "THING a TYPE b { }", "config:2:1: expected OBJECT"},
        {HEADER "OBJECT a TYPE b { x: @ }", "config:2:22: unexpected character '@'"},
        {HEADER "OBJECT a TYPE b { x: TYPE }", "config:2:22: 'TYPE' cannot be used as a value"},
        {HEADER "OBJECT a TYPE b { x: 0x1.8q }", "config:2:22: bad float literal"},
        /* A broken NaN literal is quoted up to the line's end, not with the lines after it. */
        {HEADER "OBJECT a TYPE b { x: nan(0x\n}\nOBJECT c TYPE d { }",
         "config:2:22: bad NaN literal 'nan(0x' (expected nan(0x<16 hex digits>))"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct snap_config c;
        char err[256] = "";
        int rc = snap_config_parse(cases[i].text, strlen(cases[i].text), &c, err, sizeof err);
        if (rc != -1 || strncmp(err, cases[i].error, strlen(cases[i].error)) != 0)
            fail_msg("case %zu: got rc %d '%s', expected '%s'", i, rc, err, cases[i].error);
        if (strchr(err, '\n'))
            fail_msg("case %zu: the error is not one line: '%s'", i, err);
        assert_int_equal(c.nobjects, 0);
    }
}

static void test_nul_byte_in_text(void **state)
{
    (void)state;
    const char text[] = HEADER "OBJECT a TYPE b { x: 1\0 }";
    struct snap_config c;
    char err[256];
    assert_int_equal(snap_config_parse(text, sizeof text - 1, &c, err, sizeof err), -1);
    assert_string_equal(err, "config:2:23: unexpected byte 0x00");
}

static void test_deep_nesting(void **state)
{
    (void)state;
    size_t n = 100000;
    const char *prefix = HEADER "OBJECT a TYPE b { x: ";
    char *text = malloc(strlen(prefix) + n + 1);
    strcpy(text, prefix);
    memset(text + strlen(prefix), '(', n);
    text[strlen(prefix) + n] = 0;
    struct snap_config c;
    char err[256];
    assert_int_equal(snap_config_parse(text, strlen(text), &c, err, sizeof err), -1);
    assert_non_null(strstr(err, "nested deeper than the limit of 64"));
    free(text);

    /* 64 levels are fine, 65 are not. */
    char ok[512];
    snprintf(ok, sizeof ok, "%.*s%.*s", 64, "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((",
             64, "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))");
    struct attr_value v;
    assert_int_equal(attr_value_parse(ok, strlen(ok), &v, err, sizeof err), 0);
    assert_round_trip(&v);
    struct attr_value outer = attr_list(0);
    attr_list_append(&outer, v);
    struct strbuf sb = {0};
    assert_int_equal(attr_value_write(&outer, &sb, err, sizeof err), -1);   /* writer refuses 65 */
    strbuf_free(&sb);
    attr_free(&outer);
}

static void test_size_limits(void **state)
{
    (void)state;
    struct snap_config c;
    char err[256];
    /* A claimed length larger than the whole file is simply unusable later; the parser only
     * holds the reference.  Oversized texts are refused before any parsing. */
    assert_int_equal(snap_config_parse(HEADER, (size_t)SNAP_MAX_CONFIG_BYTES + 1, &c, err, sizeof err), -1);
    assert_non_null(strstr(err, "larger than the limit"));
    const char *big = HEADER "OBJECT a TYPE b { r: [R 18446744073709551615 \"raw\" 18446744073709551615] }";
    assert_int_equal(snap_config_parse(big, strlen(big), &c, err, sizeof err), 0);
    snap_config_free(&c);
    /* A string just over the limit is rejected without reading the rest. */
    size_t n = SNAP_MAX_STRING_BYTES + 10;
    char *text = malloc(n + 64);
    int k = sprintf(text, HEADER "OBJECT a TYPE b { s: \"");
    memset(text + k, 'a', n);
    strcpy(text + k + n, "\" }");
    assert_int_equal(snap_config_parse(text, strlen(text), &c, err, sizeof err), -1);
    assert_non_null(strstr(err, "string longer than"));
    free(text);
}

static void test_names(void **state)
{
    (void)state;
    assert_true(snap_valid_object_name("cpu0"));
    assert_true(snap_valid_object_name("my-obj_2"));
    assert_false(snap_valid_object_name("TRUE"));
    assert_false(snap_valid_object_name("0abc"));
    assert_false(snap_valid_attr_name("a-b"));
    struct snap_config c;
    snap_config_init(&c);
    struct snap_cfg_object *o = snap_config_add_object(&c, "bad name", "cls");
    assert_non_null(o);
    struct strbuf sb = {0};
    char err[128];
    assert_int_equal(snap_config_write(&c, &sb, err, sizeof err), -1);
    assert_non_null(strstr(err, "invalid object name"));
    strbuf_free(&sb);
    snap_config_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_integers),   cmocka_unit_test(test_floats),
        cmocka_unit_test(test_strings),    cmocka_unit_test(test_compound),
        cmocka_unit_test(test_config_round_trip), cmocka_unit_test(test_compressed_raw_ref),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_nul_byte_in_text),  cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_size_limits), cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
