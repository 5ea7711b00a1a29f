/* Snapshot benchmark guest: fills MIB mebibytes (default 256) with data that compresses like a
 * real heap (a mix of pseudo-random words, small integers and text), then runs ROUNDS rounds
 * (default 4) that each rewrite one word in every 16th page of the first SPAN mebibytes (default
 * all MIB: every page a round can reach is written within 16 rounds, the worst case for
 * copy-on-write; a small SPAN keeps a large resident guest with a small written set).  It prints
 * the retired-instruction count at each phase boundary so snapshots can be placed there:
 *     touchmem [MIB [ROUNDS [SPAN]]]  ->  "filled instret=N", "round R instret=N", "checksum X" */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t instret(void)
{
    uint64_t n;
    __asm__ volatile("rdinstret %0" : "=r"(n));
    return n;
}

int main(int argc, char **argv)
{
    size_t mib = argc > 1 ? strtoul(argv[1], NULL, 0) : 256;
    int rounds = argc > 2 ? atoi(argv[2]) : 4;
    size_t span = argc > 3 ? strtoul(argv[3], NULL, 0) : mib;
    size_t words = mib << 17, page_words = 4096 / 8;
    size_t span_pages = (span < mib ? span : mib) << 8;
    uint64_t *mem = malloc(words * 8);
    if (!mem)
        return 1;
    uint64_t x = 0x9e3779b97f4a7c15u;
    for (size_t i = 0; i < words; i++) {
        switch ((i / page_words) % 4) {
        case 0: x ^= x << 13, x ^= x >> 7, x ^= x << 17, mem[i] = x; break;   /* random */
        case 1: mem[i] = i & 0xff; break;                                     /* small ints */
        case 2: mem[i] = 0x2074756f206f6c6cu + (i % 7); break;                /* text-like */
        default: mem[i] = (i % 64 == 0) ? i : 0; break;                       /* sparse */
        }
    }
    printf("filled instret=%llu\n", (unsigned long long)instret());
    for (int r = 0; r < rounds; r++) {
        for (size_t p = (size_t)r % 16; p < span_pages; p += 16)
            mem[p * page_words + (size_t)r % page_words] += (uint64_t)r + 1;
        printf("round %d instret=%llu\n", r, (unsigned long long)instret());
    }
    uint64_t sum = 0;
    for (size_t i = 0; i < words; i += 61)
        sum = sum * 31 + mem[i];
    printf("checksum %016llx\n", (unsigned long long)sum);
    return 0;
}
