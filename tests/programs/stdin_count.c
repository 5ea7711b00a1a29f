/* Reads all of standard input with read(2) in small chunks, counts bytes, lines and words like
 * wc, echoes each line transformed (ROT13 and reversed), and writes the summary to stderr too,
 * so the harness checks both streams. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char rot13(char c)
{
    if (c >= 'a' && c <= 'z')
        return (char)('a' + (c - 'a' + 13) % 26);
    if (c >= 'A' && c <= 'Z')
        return (char)('A' + (c - 'A' + 13) % 26);
    return c;
}

static void emit_line(const char *line, size_t n, long number)
{
    printf("%3ld|", number);
    for (size_t i = 0; i < n; i++)
        putchar(rot13(line[i]));
    printf("|");
    for (size_t i = n; i > 0; i--)
        putchar(toupper((unsigned char)line[i - 1]));
    printf("|\n");
}

int main(void)
{
    size_t cap = 64, len = 0;
    char *data = malloc(cap);
    char chunk[37]; /* odd size: lines straddle reads */
    ssize_t n;
    long reads = 0;
    while ((n = read(0, chunk, sizeof chunk)) > 0) {
        reads++;
        if (len + (size_t)n > cap) {
            while (len + (size_t)n > cap)
                cap *= 2;
            data = realloc(data, cap);
        }
        memcpy(data + len, chunk, (size_t)n);
        len += (size_t)n;
    }
    if (n < 0) {
        perror("read");
        return 1;
    }
    long lines = 0, words = 0, longest = 0;
    int in_word = 0;
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (isspace(c)) {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
        if (c == '\n') {
            lines++;
            emit_line(data + start, i - start, lines);
            if ((long)(i - start) > longest)
                longest = (long)(i - start);
            start = i + 1;
        }
    }
    if (start < len)
        emit_line(data + start, len - start, lines + 1);
    printf("bytes=%zu lines=%ld words=%ld longest=%ld more_than_one_read=%d\n", len, lines, words,
           longest, reads > 1);
    /* stdout is a pipe (fully buffered), stderr unbuffered: flush so ordering doesn't matter */
    fflush(stdout);
    fprintf(stderr, "stdin_count: %zu bytes, %ld lines, %ld words\n", len, lines, words);
    free(data);
    /* After end of file read keeps returning 0. */
    return read(0, chunk, 1) == 0 ? 0 : 1;
}
