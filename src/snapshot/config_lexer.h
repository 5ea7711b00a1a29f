/* Tokenizer for config text (internal to the parser).  Tracks line and column (1-based, columns
 * count bytes) for every token so errors can point at the offending spot. */
#ifndef SNAPSIM_SNAPSHOT_CONFIG_LEXER_H
#define SNAPSIM_SNAPSHOT_CONFIG_LEXER_H

#include <stddef.h>
#include <stdint.h>

enum tok_kind {
    TOK_EOF, TOK_IDENT, TOK_INT, TOK_UINT, TOK_FLOAT, TOK_STRING,
    TOK_LBRACE, TOK_RBRACE, TOK_LPAREN, TOK_RPAREN, TOK_LBRACKET, TOK_RBRACKET,
    TOK_COLON, TOK_COMMA,
};

struct token {
    enum tok_kind kind;
    unsigned line, col;
    const char *text;      /* IDENT: points into the buffer */
    size_t len;
    int64_t i;             /* TOK_INT */
    uint64_t u;            /* TOK_UINT */
    double f;              /* TOK_FLOAT */
    char *str;             /* TOK_STRING: decoded bytes (NUL-terminated), owned by the lexer */
    size_t str_len;
};

struct lexer {
    const char *buf;
    size_t len, pos;
    unsigned line, col;
    struct token tok;      /* the current token */
    char *err;
    size_t errlen;
};

void lexer_init(struct lexer *lx, const char *buf, size_t len, char *err, size_t errlen);
/* Reads the next token into lx->tok; -1 with "config:L:C: message" in err on a lexical error. */
int lexer_next(struct lexer *lx);
/* Hands the current string token's bytes to the caller. */
char *lexer_take_string(struct lexer *lx, size_t *len);
void lexer_free(struct lexer *lx);
/* Reports an error at a token's position; returns -1. */
int lexer_error_at(struct lexer *lx, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
