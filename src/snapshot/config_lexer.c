#include "snapshot/config_lexer.h"
#include "snapshot/attr_float.h"
#include "snapshot/config.h"
#include "snapshot/strbuf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lexer_init(struct lexer *lx, const char *buf, size_t len, char *err, size_t errlen)
{
    *lx = (struct lexer){.buf = buf, .len = len, .line = 1, .col = 1, .err = err, .errlen = errlen};
}

void lexer_free(struct lexer *lx)
{
    free(lx->tok.str);
    lx->tok.str = NULL;
}

char *lexer_take_string(struct lexer *lx, size_t *len)
{
    char *s = lx->tok.str;
    *len = lx->tok.str_len;
    lx->tok.str = NULL;
    return s;
}

int lexer_error_at(struct lexer *lx, unsigned line, unsigned col, const char *fmt, ...)
{
    if (lx->err && lx->errlen) {
        char msg[512];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        snprintf(lx->err, lx->errlen, "config:%u:%u: %s", line, col, msg);
    }
    return -1;
}

static int peek(const struct lexer *lx, size_t ahead)
{
    return lx->pos + ahead < lx->len ? (unsigned char)lx->buf[lx->pos + ahead] : -1;
}

static void advance(struct lexer *lx)
{
    if (lx->buf[lx->pos] == '\n') {
        lx->line++;
        lx->col = 1;
    } else {
        lx->col++;
    }
    lx->pos++;
}

static bool is_ident_start(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_ident_char(int c) { return is_ident_start(c) || is_digit(c) || c == '-'; }
static int hex_value(int c)
{
    if (is_digit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void skip_space_and_comments(struct lexer *lx)
{
    for (int c; (c = peek(lx, 0)) != -1;) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            advance(lx);
        } else if (c == '#') {
            while (peek(lx, 0) != -1 && peek(lx, 0) != '\n')
                advance(lx);
        } else {
            break;
        }
    }
}

static int lex_string(struct lexer *lx)
{
    struct token *t = &lx->tok;
    struct strbuf sb = {0};
    advance(lx);   /* opening quote */
    for (;;) {
        int c = peek(lx, 0);
        if (c == -1 || c == '\n') {
            strbuf_free(&sb);
            return lexer_error_at(lx, t->line, t->col, "unterminated string");
        }
        if (sb.len >= SNAP_MAX_STRING_BYTES) {
            strbuf_free(&sb);
            return lexer_error_at(lx, t->line, t->col, "string longer than %u bytes", SNAP_MAX_STRING_BYTES);
        }
        unsigned ecol = lx->col, eline = lx->line;
        advance(lx);
        if (c == '"')
            break;
        if (c != '\\') {
            strbuf_putc(&sb, (char)c);
            continue;
        }
        int e = peek(lx, 0);
        if (e == -1)
            continue;   /* reported as unterminated on the next round */
        advance(lx);
        static const char simple_from[] = "ntr\\\"'abfv?";
        static const char simple_to[] = "\n\t\r\\\"'\a\b\f\v?";
        const char *s = strchr(simple_from, e);
        if (s && e) {
            strbuf_putc(&sb, simple_to[s - simple_from]);
        } else if (e == 'x') {
            int h1 = hex_value(peek(lx, 0)), h2 = hex_value(peek(lx, 1));
            if (h1 < 0 || h2 < 0) {
                strbuf_free(&sb);
                return lexer_error_at(lx, eline, ecol, "\\x needs exactly two hex digits");
            }
            advance(lx);
            advance(lx);
            strbuf_putc(&sb, (char)(h1 * 16 + h2));
        } else if (e >= '0' && e <= '7') {
            int v = e - '0';
            for (int k = 0; k < 2 && peek(lx, 0) >= '0' && peek(lx, 0) <= '7'; k++) {
                v = v * 8 + (peek(lx, 0) - '0');
                advance(lx);
            }
            if (v > 255) {
                strbuf_free(&sb);
                return lexer_error_at(lx, eline, ecol, "octal escape out of range");
            }
            strbuf_putc(&sb, (char)v);
        } else {
            strbuf_free(&sb);
            return lexer_error_at(lx, eline, ecol, "unknown escape sequence '\\%c'",
                                  e >= 0x20 && e < 0x7f ? e : '?');
        }
    }
    size_t n = sb.len;
    t->str = strbuf_take(&sb, &n);
    if (!t->str)
        return lexer_error_at(lx, t->line, t->col, "out of memory");
    t->str_len = n;
    t->kind = TOK_STRING;
    return 0;
}

static int lex_integer(struct lexer *lx, const char *s, size_t n)
{
    struct token *t = &lx->tok;
    bool neg = s[0] == '-';
    const char *d = s + neg;
    size_t nd = n - neg;
    if (nd > 2 && d[0] == '0' && (d[1] == 'x' || d[1] == 'X')) {
        if (neg)
            return lexer_error_at(lx, t->line, t->col, "hexadecimal integers are unsigned; write negative numbers in decimal");
        uint64_t v = 0;
        for (size_t i = 2; i < nd; i++) {
            int h = hex_value((unsigned char)d[i]);
            if (h < 0)
                return lexer_error_at(lx, t->line, t->col, "bad hexadecimal integer '%.*s'", (int)n, s);
            if (v >> 60)
                return lexer_error_at(lx, t->line, t->col, "integer '%.*s' does not fit in 64 bits", (int)n, s);
            v = v << 4 | (unsigned)h;
        }
        t->kind = TOK_UINT;
        t->u = v;
        return 0;
    }
    if (nd == 0)
        return lexer_error_at(lx, t->line, t->col, "bad number '%.*s'", (int)n, s);
    uint64_t v = 0;
    for (size_t i = 0; i < nd; i++) {
        if (!is_digit((unsigned char)d[i]))
            return lexer_error_at(lx, t->line, t->col, "bad number '%.*s'", (int)n, s);
        unsigned digit = (unsigned)(d[i] - '0');
        if (v > (UINT64_MAX - digit) / 10)
            return lexer_error_at(lx, t->line, t->col, "integer '%.*s' does not fit in 64 bits", (int)n, s);
        v = v * 10 + digit;
    }
    if (neg) {
        if (v > (uint64_t)INT64_MAX + 1)
            return lexer_error_at(lx, t->line, t->col, "integer '%.*s' is below the 64-bit minimum", (int)n, s);
        t->kind = TOK_INT;
        t->i = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
    } else if (v > (uint64_t)INT64_MAX) {
        t->kind = TOK_UINT;   /* only an unsigned value can be this large */
        t->u = v;
    } else {
        t->kind = TOK_INT;
        t->i = (int64_t)v;
    }
    return 0;
}

static int lex_float(struct lexer *lx, const char *s, size_t n)
{
    char msg[160];
    if (attr_float_parse(s, n, &lx->tok.f, msg, sizeof msg) != 0)
        return lexer_error_at(lx, lx->tok.line, lx->tok.col, "%s", msg);
    lx->tok.kind = TOK_FLOAT;
    return 0;
}

/* A number: optional '-', then the longest run of characters that can appear in an integer or
 * float literal; the run is then classified and checked as a whole. */
static int lex_number(struct lexer *lx)
{
    size_t start = lx->pos;
    if (peek(lx, 0) == '-')
        advance(lx);
    if (is_ident_start(peek(lx, 0))) {   /* -inf, -nan */
        while (is_ident_char(peek(lx, 0)))
            advance(lx);
        return lex_float(lx, lx->buf + start, lx->pos - start);
    }
    bool is_float = false, hex = false;
    size_t digits = lx->pos;   /* first character after the sign */
    for (int c; (c = peek(lx, 0)) != -1;) {
        size_t at = lx->pos - start;
        if (lx->pos == digits + 1 && (c == 'x' || c == 'X') && lx->buf[digits] == '0')
            hex = true;
        if (c == '.' || (!hex && (c == 'e' || c == 'E')) || (hex && (c == 'p' || c == 'P')))
            is_float = true;
        bool sign_after_exp = (c == '+' || c == '-') && at > 0 &&
                              strchr(hex ? "pP" : "eE", lx->buf[lx->pos - 1]);
        if (!(is_ident_char(c) && c != '-') && c != '.' && !sign_after_exp)
            break;
        advance(lx);
        if (lx->pos - start > 64)
            return lexer_error_at(lx, lx->tok.line, lx->tok.col, "number too long");
    }
    const char *s = lx->buf + start;
    size_t n = lx->pos - start;
    return is_float ? lex_float(lx, s, n) : lex_integer(lx, s, n);
}

static int lex_ident(struct lexer *lx)
{
    struct token *t = &lx->tok;
    size_t start = lx->pos;
    while (is_ident_char(peek(lx, 0)))
        advance(lx);
    size_t n = lx->pos - start;
    if (n > SNAP_MAX_NAME)
        return lexer_error_at(lx, t->line, t->col, "name longer than %d characters", SNAP_MAX_NAME);
    const char *s = lx->buf + start;
    bool word_nan = n == 3 && !memcmp(s, "nan", 3), word_inf = n == 3 && !memcmp(s, "inf", 3);
    if (word_nan && peek(lx, 0) == '(') {   /* nan(0x...) with an explicit bit pattern */
        /* The literal ends at its ')' or at the first blank or control character, so a broken
         * one is quoted in a one-line error, never with the lines after it. */
        while (peek(lx, 0) > ' ' && peek(lx, 0) != ')' && lx->pos - start < 40)
            advance(lx);
        if (peek(lx, 0) == ')')
            advance(lx);
        return lex_float(lx, s, lx->pos - start);
    }
    if (word_nan || word_inf)
        return lex_float(lx, s, n);
    t->kind = TOK_IDENT;
    t->text = s;
    t->len = n;
    return 0;
}

int lexer_next(struct lexer *lx)
{
    free(lx->tok.str);
    lx->tok = (struct token){0};
    skip_space_and_comments(lx);
    struct token *t = &lx->tok;
    t->line = lx->line;
    t->col = lx->col;
    int c = peek(lx, 0);
    static const char punct[] = "{}()[]:,";
    static const enum tok_kind punct_kind[] = {TOK_LBRACE, TOK_RBRACE, TOK_LPAREN, TOK_RPAREN,
                                              TOK_LBRACKET, TOK_RBRACKET, TOK_COLON, TOK_COMMA};
    if (c == -1) {
        t->kind = TOK_EOF;
        return 0;
    }
    const char *p = c ? strchr(punct, c) : NULL;
    if (p) {
        advance(lx);
        t->kind = punct_kind[p - punct];
        return 0;
    }
    if (c == '"')
        return lex_string(lx);
    if (is_digit(c) || c == '-')
        return lex_number(lx);
    if (is_ident_start(c))
        return lex_ident(lx);
    if (c >= 0x21 && c < 0x7f)
        return lexer_error_at(lx, t->line, t->col, "unexpected character '%c'", c);
    return lexer_error_at(lx, t->line, t->col, "unexpected byte 0x%02x", (unsigned)c);
}
