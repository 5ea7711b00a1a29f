#include "snapshot/attr_float.h"
#include "snapshot/snap_error.h"

#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/bitcast.h"

#define CANONICAL_NAN     0x7ff8000000000000ull
#define CANONICAL_NEG_NAN 0xfff8000000000000ull

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void) { c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0); }

/* Runs with the "C" locale so '.' is the decimal point regardless of setlocale(). */
static locale_t enter_c_locale(void)
{
    pthread_once(&c_locale_once, make_c_locale);
    return c_locale ? uselocale(c_locale) : (locale_t)0;
}

static void leave_c_locale(locale_t old)
{
    if (old)
        uselocale(old);
}

void attr_float_format(double d, char buf[ATTR_FLOAT_TEXT_MAX])
{
    uint64_t bits = f64_bits(d);
    if (isnan(d)) {
        if (bits == CANONICAL_NAN)
            strcpy(buf, "nan");
        else if (bits == CANONICAL_NEG_NAN)
            strcpy(buf, "-nan");
        else
            snprintf(buf, ATTR_FLOAT_TEXT_MAX, "nan(0x%016llx)", (unsigned long long)bits);
        return;
    }
    if (isinf(d)) {
        strcpy(buf, d < 0 ? "-inf" : "inf");
        return;
    }
    locale_t old = enter_c_locale();
    bool found = false;
    for (int prec = 1; prec <= 17 && !found; prec++) {
        snprintf(buf, ATTR_FLOAT_TEXT_MAX, "%.*g", prec, d);
        found = f64_bits(strtod(buf, NULL)) == bits;
    }
    if (found) {
        /* Mark the token as a float: integers have neither '.' nor an exponent. */
        if (!strpbrk(buf, ".e"))
            strcat(buf, ".0");
    } else {
        snprintf(buf, ATTR_FLOAT_TEXT_MAX, "%a", d);
    }
    leave_c_locale(old);
}

static bool all_match(const char *s, const char *end, int (*pred)(int))
{
    if (s == end)
        return false;
    for (; s < end; s++)
        if (!pred((unsigned char)*s))
            return false;
    return true;
}

/* Checks the shape before strtod so that strtod's extra forms (locale words, "infinity",
 * leading spaces, "0x" without digits) are not accepted by accident. */
static bool valid_finite_syntax(const char *s)
{
    if (*s == '-')
        s++;
    bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    int (*digit)(int) = hex ? isxdigit : isdigit;
    if (hex)
        s += 2;
    const char *p = s;
    while (digit((unsigned char)*p))
        p++;
    bool int_digits = p > s, has_dot = false, has_exp = false;
    if (*p == '.') {
        has_dot = true;
        p++;
        while (digit((unsigned char)*p))
            p++;
    }
    if (!int_digits)   /* ".5" is not a literal: the config lexer starts numbers at a digit */
        return false;
    char e = hex ? 'p' : 'e';
    if (*p == e || *p == toupper(e)) {
        has_exp = true;
        p++;
        if (*p == '+' || *p == '-')
            p++;
        const char *x = p;
        while (isdigit((unsigned char)*p))
            p++;
        if (!all_match(x, p, isdigit))
            return false;
    }
    return *p == 0 && (has_dot || has_exp);
}

int attr_float_parse(const char *text, size_t len, double *out, char *err, size_t errlen)
{
    char buf[ATTR_FLOAT_TEXT_MAX + 16];
    if (len >= sizeof buf)
        return snap_err(err, errlen, "float literal too long");
    memcpy(buf, text, len);
    buf[len] = 0;

    if (!strcmp(buf, "nan") || !strcmp(buf, "-nan")) {
        *out = f64_value(buf[0] == '-' ? CANONICAL_NEG_NAN : CANONICAL_NAN);
        return 0;
    }
    if (!strcmp(buf, "inf") || !strcmp(buf, "-inf")) {
        *out = buf[0] == '-' ? -INFINITY : INFINITY;
        return 0;
    }
    if (!strncmp(buf, "nan(0x", 6)) {
        const char *hex = buf + 6, *close = strchr(hex, ')');
        if (!close || close[1] || !all_match(hex, close, isxdigit) || close - hex > 16)
            return snap_err(err, errlen, "bad NaN literal '%s' (expected nan(0x<16 hex digits>))", buf);
        uint64_t bits = strtoull(hex, NULL, 16);
        if (!isnan(f64_value(bits)))
            return snap_err(err, errlen, "NaN literal '%s' is not a NaN bit pattern", buf);
        *out = f64_value(bits);
        return 0;
    }
    if (!valid_finite_syntax(buf))
        return snap_err(err, errlen, "bad float literal '%s'", buf);
    locale_t old = enter_c_locale();
    char *end;
    double d = strtod(buf, &end);
    leave_c_locale(old);
    if (*end)
        return snap_err(err, errlen, "bad float literal '%s'", buf);
    if (isinf(d))
        return snap_err(err, errlen, "float literal '%s' is out of range", buf);
    *out = d;
    return 0;
}
