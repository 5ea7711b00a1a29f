/* The "hack-back" example: an expensive start-up, then a checkpoint, then work chosen by a
 * script the run hands over with --readfile — so one checkpoint serves many experiments.
 *
 *   hackback [ENTRIES [SCRIPT]]
 *
 * Start-up: generates ENTRIES pseudo-random keys (default 100000), builds a hash table of them
 * and a sorted copy (tens of millions of instructions).  Then the checkpoint op, then the script:
 * read with the readfile op, or — outside snapsim, or without --readfile — from the file SCRIPT,
 * or a built-in default.  Each line "KERNEL N" runs one kernel as work region <line number>:
 *   lookup N   N hash-table lookups of pseudo-random keys (prints how many were found)
 *   search N   N binary searches in the sorted keys (prints how many were found)
 *   sum N      the sum of the N smallest keys
 *   crc N      CRC-32 of the first N bytes of the sorted keys
 * Blank lines and lines starting with '#' are skipped; an unknown kernel is a failure (the fail
 * op, then exit status 2). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snapsim/ops.h"

static uint32_t *table, *sorted;
static size_t nentries, table_size;
static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint32_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 16) | 1;   /* never 0: 0 marks an empty slot */
}

static size_t slot_of(uint32_t key)
{
    return (key * 2654435761u) & (table_size - 1);
}

static void insert(uint32_t key)
{
    size_t s = slot_of(key);
    while (table[s] && table[s] != key)
        s = (s + 1) & (table_size - 1);
    table[s] = key;
}

static int contains(uint32_t key)
{
    for (size_t s = slot_of(key); table[s]; s = (s + 1) & (table_size - 1))
        if (table[s] == key)
            return 1;
    return 0;
}

static int compare(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void start_up(size_t n)
{
    nentries = n;
    for (table_size = 1; table_size < 2 * n; table_size <<= 1)
        ;
    table = calloc(table_size, sizeof *table);
    sorted = malloc(n * sizeof *sorted);
    if (!table || !sorted) {
        fprintf(stderr, "hackback: out of memory\n");
        exit(1);
    }
    for (size_t i = 0; i < n; i++) {
        sorted[i] = next_random();
        insert(sorted[i]);
    }
    qsort(sorted, n, sizeof *sorted, compare);
}

static uint64_t kernel_lookup(uint64_t n)
{
    uint64_t found = 0;
    for (uint64_t i = 0; i < n; i++)
        found += (uint64_t)contains(i % 2 ? sorted[(i * 7919) % nentries] : next_random());
    return found;
}

static uint64_t kernel_search(uint64_t n)
{
    uint64_t found = 0;
    for (uint64_t i = 0; i < n; i++) {
        uint32_t key = i % 2 ? sorted[(i * 104729) % nentries] : next_random();
        found += bsearch(&key, sorted, nentries, sizeof *sorted, compare) != NULL;
    }
    return found;
}

static uint64_t kernel_sum(uint64_t n)
{
    uint64_t sum = 0;
    for (uint64_t i = 0; i < n && i < nentries; i++)
        sum += sorted[i];
    return sum;
}

static uint64_t kernel_crc(uint64_t n)
{
    const uint8_t *bytes = (const uint8_t *)sorted;
    uint32_t crc = 0xffffffffu;
    for (uint64_t i = 0; i < n && i < nentries * sizeof *sorted; i++) {
        crc ^= bytes[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

/* The script: from the readfile op, else the SCRIPT file, else the default. */
static char *read_script(const char *path)
{
    size_t cap = 4096, len = 0;
    char *text = malloc(cap + 1);
    long n;
    while (text && (n = snapsim_readfile(text + len, cap - len, len)) > 0) {
        len += (size_t)n;
        if (len == cap)
            text = realloc(text, (cap *= 2) + 1);
    }
    if (text && len) {
        text[len] = 0;
        return text;
    }
    free(text);
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f)
        return strdup("lookup 1000\nsum 1000\n");
    text = calloc(1, 65537);
    if (text)
        fread(text, 1, 65536, f);
    fclose(f);
    return text;
}

int main(int argc, char **argv)
{
    size_t entries = argc > 1 ? strtoul(argv[1], NULL, 0) : 100000;
    if (entries < 1)
        entries = 1;
    start_up(entries);
    printf("start-up: %zu keys, smallest %u, largest %u\n", entries, sorted[0], sorted[entries - 1]);
    fflush(stdout);

    snapsim_checkpoint();

    char *script = read_script(argc > 2 ? argv[2] : NULL);
    if (!script)
        return 1;
    unsigned long region = 0;
    for (char *line = strtok(script, "\n"); line; line = strtok(NULL, "\n")) {
        char kernel[32];
        unsigned long long n;
        region++;
        if (line[0] == '#' || sscanf(line, "%31s %llu", kernel, &n) != 2)
            continue;
        uint64_t (*fn)(uint64_t) = !strcmp(kernel, "lookup") ? kernel_lookup
                                  : !strcmp(kernel, "search") ? kernel_search
                                  : !strcmp(kernel, "sum")    ? kernel_sum
                                  : !strcmp(kernel, "crc")    ? kernel_crc : NULL;
        if (!fn) {
            fprintf(stderr, "hackback: unknown kernel '%s' on line %lu\n", kernel, region);
            snapsim_fail(2);
            return 2;
        }
        snapsim_work_begin(region);
        uint64_t r = fn(n);
        snapsim_work_end(region);
        printf("%s %llu -> %llu\n", kernel, n, (unsigned long long)r);
    }
    free(script);
    return 0;
}
