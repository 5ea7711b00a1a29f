/* A growable, always NUL-terminated byte buffer used to build config text and binary blobs. */
#ifndef SNAPSIM_SNAPSHOT_STRBUF_H
#define SNAPSIM_SNAPSHOT_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

struct strbuf {
    char *data;      /* NULL until something is appended */
    size_t len, cap;
    bool failed;     /* an allocation failed; later appends are ignored */
};

void strbuf_append(struct strbuf *b, const void *bytes, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_putc(struct strbuf *b, char c);
void strbuf_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the contents to the caller (who frees them) and empties the buffer; NULL if an
 * allocation failed along the way. */
char *strbuf_take(struct strbuf *b, size_t *len);
void strbuf_free(struct strbuf *b);

#endif
