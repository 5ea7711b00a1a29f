/* CPU-bound integer kernels with checksums: a prime sieve, table-driven and bitwise CRC-32,
 * a small integer matrix multiply, and a bit-twiddling mix (popcount, clz, rotations). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t crc_table[256];

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32_table(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

static uint32_t crc32_bitwise(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & -(c & 1));
    }
    return ~c;
}

static void sieve(void)
{
    enum { LIMIT = 200000 };
    static uint8_t composite[LIMIT + 1];
    for (uint32_t i = 2; i * i <= LIMIT; i++)
        if (!composite[i])
            for (uint32_t j = i * i; j <= LIMIT; j += i)
                composite[j] = 1;
    uint32_t count = 0, last = 0;
    uint64_t sum = 0;
    for (uint32_t i = 2; i <= LIMIT; i++) {
        if (!composite[i]) {
            count++;
            sum += i;
            last = i;
        }
    }
    printf("sieve: %u primes below %u, sum %llu, largest %u, crc %08x\n", count, LIMIT,
           (unsigned long long)sum, last, crc32_table(composite, sizeof composite));
}

static void crc(void)
{
    static uint8_t buf[16384];
    uint32_t x = 1;
    for (size_t i = 0; i < sizeof buf; i++) {
        x = x * 1664525u + 1013904223u;
        buf[i] = (uint8_t)(x >> 24);
    }
    printf("crc32(\"123456789\") = %08x\n", crc32_table((const uint8_t *)"123456789", 9));
    printf("crc32 table=%08x bitwise=%08x\n", crc32_table(buf, sizeof buf),
           crc32_bitwise(buf, 4096));
}

static void matrix(void)
{
    enum { N = 40 };
    static int64_t a[N][N], b[N][N], c[N][N];
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            a[i][j] = (i * 7 + j * 3) % 19 - 9;
            b[i][j] = (i * 5 - j * 11) % 23;
        }
    }
    memset(c, 0, sizeof c);
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++)
            for (int j = 0; j < N; j++)
                c[i][j] += a[i][k] * b[k][j];
    int64_t trace = 0, sum = 0;
    uint64_t h = 0;
    for (int i = 0; i < N; i++) {
        trace += c[i][i];
        for (int j = 0; j < N; j++) {
            sum += c[i][j];
            h = (h << 5 | h >> 59) ^ (uint64_t)c[i][j];
        }
    }
    printf("matrix %dx%d: trace %lld sum %lld hash %016llx\n", N, N, (long long)trace,
           (long long)sum, (unsigned long long)h);
}

static void bits(void)
{
    uint64_t x = 0x0123456789abcdefULL, acc = 0;
    unsigned pops = 0, zeros = 0;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        pops += (unsigned)__builtin_popcountll(x);
        zeros += (unsigned)__builtin_clzll(x | 1) + (unsigned)__builtin_ctzll(x | (1ULL << 63));
        acc += (x >> (i & 63)) | (x << ((64 - (i & 63)) & 63));
        acc ^= (uint64_t)((int64_t)x >> 40) * 0x9e3779b97f4a7c15ULL;
        acc += (uint32_t)x / ((uint32_t)(x >> 32) | 1) + (int64_t)x % 1000003;
    }
    printf("bits: x=%016llx pops=%u zeros=%u acc=%016llx\n", (unsigned long long)x, pops, zeros,
           (unsigned long long)acc);
}

int main(void)
{
    crc_init();
    sieve();
    crc();
    matrix();
    bits();
    return 0;
}
