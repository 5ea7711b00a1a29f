/* Holds N separate memory mappings (default 70000): one page each, alternately writable and
 * read-only so that neighbours never merge into one region, made with mmap, mprotect and
 * munmap/mmap again for every seventh.  Then checks every page's byte, twice over, and prints a
 * checksum: a snapshot taken at the end must capture, verify and restore all of them. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

static unsigned char *map_page(unsigned i)
{
    unsigned char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    p[0] = (unsigned char)(i * 7 + 1);
    if (i % 2 && mprotect(p, 4096, PROT_READ) != 0)
        return NULL;
    return p;
}

int main(int argc, char **argv)
{
    unsigned n = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 70000;
    unsigned char **pages = malloc(n * sizeof *pages);
    if (!pages)
        return 1;
    for (unsigned i = 0; i < n; i++)
        if (!(pages[i] = map_page(i))) {
            printf("mapping %u failed\n", i);
            return 1;
        }
    /* Holes in the middle of the list, filled again (first fit from the top finds them). */
    for (unsigned i = 0; i < n; i += 7)
        if (munmap(pages[i], 4096) != 0 || !(pages[i] = map_page(i))) {
            printf("remapping %u failed\n", i);
            return 1;
        }
    unsigned long sum = 0;
    for (int round = 0; round < 2; round++)
        for (unsigned i = 0; i < n; i++) {
            if (pages[i][0] != (unsigned char)(i * 7 + 1)) {
                printf("page %u lost its content\n", i);
                return 1;
            }
            sum += pages[i][0];
        }
    printf("%u mappings, checksum %lu\n", n, sum);
    return 0;
}
