/* 128-bit integer arithmetic: gcc expands it into 64-bit mul/mulhu/sltu chains and calls
 * libgcc's __udivti3/__divti3/__modti3, so this checks carries, high products and shifts. */
#include <stdint.h>
#include <stdio.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

static void put_u128(u128 v)
{
    char buf[48];
    int i = sizeof buf - 1;
    buf[i] = '\0';
    do {
        buf[--i] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    fputs(buf + i, stdout);
}

static void put_i128(i128 v)
{
    if (v < 0) {
        putchar('-');
        put_u128(-(u128)v);
    } else {
        put_u128((u128)v);
    }
}

static void put_hex(u128 v)
{
    printf("0x%016llx%016llx", (unsigned long long)(v >> 64), (unsigned long long)v);
}

/* volatile so the arithmetic happens at run time */
static volatile uint64_t seeds[] = {0,
                                    1,
                                    2,
                                    3,
                                    10,
                                    0x7fffffffffffffffULL,
                                    0x8000000000000000ULL,
                                    0xffffffffffffffffULL,
                                    0x123456789abcdef0ULL,
                                    0xfedcba9876543210ULL,
                                    1000000007ULL,
                                    0xdeadbeefULL};

#define NSEEDS (sizeof seeds / sizeof seeds[0])

static u128 make(size_t i, size_t j) { return ((u128)seeds[i] << 64) | seeds[j]; }

int main(void)
{
    /* products of 64-bit values: the full 128-bit result */
    for (size_t i = 0; i < NSEEDS; i++) {
        for (size_t j = i; j < NSEEDS; j += 3) {
            u128 p = (u128)seeds[i] * seeds[j];
            i128 s = (i128)(int64_t)seeds[i] * (int64_t)seeds[j];
            printf("%zu*%zu: u=", i, j);
            put_hex(p);
            printf(" s=");
            put_i128(s);
            putchar('\n');
        }
    }
    /* 128-bit division and remainder, signed and unsigned */
    for (size_t i = 0; i < NSEEDS; i += 2) {
        for (size_t j = 1; j < NSEEDS; j += 2) {
            u128 a = make(i, (i + 5) % NSEEDS), b = make(j % 3, j);
            if (b == 0)
                continue;
            i128 sa = (i128)a, sb = (i128)b;
            printf("a=");
            put_hex(a);
            printf(" b=");
            put_hex(b);
            printf("\n  a/b=");
            put_u128(a / b);
            printf(" a%%b=");
            put_u128(a % b);
            printf(" sa/sb=");
            put_i128(sa / sb);
            printf(" sa%%sb=");
            put_i128(sa % sb);
            printf("\n");
        }
    }
    /* shifts across the 64-bit boundary, logical and arithmetic */
    volatile int shifts[] = {0, 1, 31, 63, 64, 65, 100, 127};
    u128 v = make(9, 8);
    for (size_t k = 0; k < sizeof shifts / sizeof shifts[0]; k++) {
        int sh = shifts[k];
        printf("shift %3d: <<", sh);
        put_hex(v << sh);
        printf(" >>");
        put_hex(v >> sh);
        printf(" sar ");
        put_hex((u128)((i128)v >> sh));
        putchar('\n');
    }
    /* factorial until it overflows 128 bits, and a power series with wraparound */
    u128 f = 1;
    int n = 1;
    while (f <= ~(u128)0 / (unsigned)(n + 1)) {
        n++;
        f *= (unsigned)n;
    }
    printf("largest factorial in 128 bits: %d! = ", n);
    put_u128(f);
    putchar('\n');
    u128 pw = 1;
    for (int k = 0; k < 100; k++)
        pw = pw * 3 + (u128)k;
    printf("series mod 2^128 = ");
    put_u128(pw);
    printf("\nmin i128 = ");
    put_i128((i128)((u128)1 << 127));
    printf("\nmax u128 = ");
    put_u128(~(u128)0);
    putchar('\n');
    return 0;
}
