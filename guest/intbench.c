/* A CPU-bound integer workload for the benchmarks: a mix in the spirit of CoreMark — linked-list
 * traversal, integer matrix multiply, a byte-driven state machine and CRC — repeated N times.
 * usage: intbench [ITERATIONS]   (prints a checksum so every simulator can be checked) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define LIST_LEN 512
#define MAT_N 24
#define TEXT_LEN 2048

struct node { struct node *next; int32_t value; int32_t key; };

static uint32_t crc32_update(uint32_t crc, uint8_t byte)
{
    crc ^= byte;
    for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    return crc;
}

static uint32_t list_work(struct node *head, int32_t want)
{
    uint32_t found = 0, sum = 0;
    for (struct node *n = head; n; n = n->next) {
        sum += (uint32_t)n->value;
        if (n->key == want)
            found++;
        n->value ^= n->key;
    }
    return sum + found;
}

static uint32_t matrix_work(int32_t a[MAT_N][MAT_N], int32_t b[MAT_N][MAT_N], int32_t c[MAT_N][MAT_N])
{
    uint32_t acc = 0;
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            int32_t s = 0;
            for (int k = 0; k < MAT_N; k++)
                s += a[i][k] * b[k][j];
            c[i][j] = s;
            acc += (uint32_t)s;
        }
    return acc;
}

/* Counts numbers, words and symbols in a text, the way a tokenizer would. */
static uint32_t state_work(const uint8_t *text, int len)
{
    enum { START, NUMBER, WORD, SYMBOL } st = START;
    uint32_t counts[4] = { 0 };
    for (int i = 0; i < len; i++) {
        uint8_t ch = text[i];
        switch (st) {
        case START:
            st = ch >= '0' && ch <= '9' ? NUMBER : (ch | 32) >= 'a' && (ch | 32) <= 'z' ? WORD : SYMBOL;
            break;
        case NUMBER:
            if (ch < '0' || ch > '9') { counts[NUMBER]++; st = START; }
            break;
        case WORD:
            if ((ch | 32) < 'a' || (ch | 32) > 'z') { counts[WORD]++; st = START; }
            break;
        case SYMBOL:
            counts[SYMBOL]++;
            st = START;
            break;
        }
    }
    return counts[1] * 3 + counts[2] * 5 + counts[3] * 7;
}

int main(int argc, char **argv)
{
    long iterations = argc > 1 ? strtol(argv[1], NULL, 0) : 1000;
    static struct node nodes[LIST_LEN];
    static int32_t a[MAT_N][MAT_N], b[MAT_N][MAT_N], c[MAT_N][MAT_N];
    static uint8_t text[TEXT_LEN];
    uint32_t seed = 12345;
    for (int i = 0; i < LIST_LEN; i++) {
        seed = seed * 1103515245u + 12345u;
        nodes[i].value = (int32_t)(seed >> 8);
        nodes[i].key = (int32_t)((seed >> 16) & 63);
        nodes[i].next = i + 1 < LIST_LEN ? &nodes[(i * 7 + 1) % LIST_LEN == 0 ? i + 1 : i + 1] : NULL;
    }
    for (int i = 0; i < MAT_N; i++)
        for (int j = 0; j < MAT_N; j++) {
            a[i][j] = (i * 31 + j * 17) % 101 - 50;
            b[i][j] = (i * 13 + j * 7) % 97 - 48;
        }
    for (int i = 0; i < TEXT_LEN; i++) {
        seed = seed * 1103515245u + 12345u;
        static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789 ,.;+-*/ ABCDEFGHIJ";
        text[i] = (uint8_t)alphabet[(seed >> 16) % (sizeof alphabet - 1)];
    }
    uint32_t crc = 0xffffffffu;
    for (long it = 0; it < iterations; it++) {
        uint32_t r = list_work(nodes, (int32_t)(it & 63));
        r += matrix_work(a, b, c);
        a[it % MAT_N][(it / MAT_N) % MAT_N] += (int32_t)(r & 7);
        r += state_work(text, TEXT_LEN);
        text[it % TEXT_LEN] = (uint8_t)('a' + (r % 26));
        for (int k = 0; k < 4; k++)
            crc = crc32_update(crc, (uint8_t)(r >> (8 * k)));
    }
    printf("intbench: %ld iterations, checksum %08x\n", iterations, crc ^ 0xffffffffu);
    return 0;
}
