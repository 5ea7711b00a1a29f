/* Built with -march=rv64gc_zba_zbb_zbs (see bitmanip.flags): the compiler turns these idioms into
 * Zba/Zbb/Zbs instructions (sh*add, add.uw, clz/ctz/cpop and their *w forms, rol/ror, rev8,
 * min/max, sext.b/h, zext.h, andn/orn/xnor, bset/bclr/binv/bext), and the printed values must
 * match the reference's. */
#include <stdint.h>
#include <stdio.h>

static uint64_t state = 0x9e3779b97f4a7c15u;

static uint64_t next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

static uint64_t rotl(uint64_t v, unsigned s) { return v << (s & 63) | v >> (-s & 63); }
static uint32_t rotr32(uint32_t v, unsigned s) { return v >> (s & 31) | v << (-s & 31); }

/* Counts on nonzero operands only: the builtins leave zero undefined. */
static uint64_t counts(uint64_t v)
{
    uint64_t nz = v | 1;
    uint32_t w = (uint32_t)v | 0x100;
    return (uint64_t)__builtin_clzll(nz) + (uint64_t)__builtin_ctzll(nz) * 3 +
           (uint64_t)__builtin_popcountll(v) * 5 + (uint64_t)__builtin_clz(w) * 7 +
           (uint64_t)__builtin_ctz(w) * 11 + (uint64_t)__builtin_popcount((uint32_t)v) * 13;
}

static uint64_t bits(uint64_t v, unsigned i)
{
    uint64_t set = v | (1ull << (i & 63));
    uint64_t clr = v & ~(1ull << ((i + 7) & 63));
    uint64_t inv = v ^ (1ull << ((i + 19) & 63));
    uint64_t ext = (v >> ((i + 3) & 63)) & 1;
    return set ^ rotl(clr, 1) ^ rotl(inv, 2) ^ ext;
}

static uint64_t logic(uint64_t a, uint64_t b)
{
    return (a & ~b) ^ rotl(a | ~b, 5) ^ rotl(~(a ^ b), 9);
}

static uint64_t extend(uint64_t v)
{
    int64_t sb = (int8_t)v, sh = (int16_t)(v >> 8);
    uint64_t zh = (uint16_t)(v >> 16), zw = (uint32_t)(v >> 3);
    return (uint64_t)sb + (uint64_t)sh * 3 + zh * 5 + zw * 7;
}

static int64_t minmax(int64_t a, int64_t b)
{
    int64_t mn = a < b ? a : b, mx = a > b ? a : b;
    uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
    uint64_t umn = ua < ub ? ua : ub, umx = ua > ub ? ua : ub;
    return mn ^ (mx << 1) ^ (int64_t)(umn >> 1) ^ (int64_t)rotl(umx, 3);
}

/* Array indexing with 32-bit indexes: sh2add.uw / sh3add and friends. */
static uint64_t table_walk(void)
{
    static uint32_t t32[257];
    static uint64_t t64[257];
    for (unsigned i = 0; i < 257; i++) {
        t32[i] = (uint32_t)next();
        t64[i] = next();
    }
    uint64_t sum = 0;
    for (uint32_t i = 0, j = 5; i < 10000; i++, j = j * 1103515245u + 12345u)
        sum += t32[j % 257] + (t64[(j >> 8) % 257] ^ i);
    return sum;
}

int main(void)
{
    uint64_t c = 0, b = 0, l = 0, e = 0, m = 0, r = 0;
    for (unsigned i = 0; i < 20000; i++) {
        uint64_t x = next(), y = next();
        c += counts(x);
        b ^= bits(x, i);
        l += logic(x, y);
        e += extend(x);
        m ^= (uint64_t)minmax((int64_t)x, (int64_t)y);
        r += __builtin_bswap64(x) ^ rotl(y, i) ^ rotr32((uint32_t)x, i);
    }
    printf("counts %016llx\n", (unsigned long long)c);
    printf("bits   %016llx\n", (unsigned long long)b);
    printf("logic  %016llx\n", (unsigned long long)l);
    printf("extend %016llx\n", (unsigned long long)e);
    printf("minmax %016llx\n", (unsigned long long)m);
    printf("rotate %016llx\n", (unsigned long long)r);
    printf("table  %016llx\n", (unsigned long long)table_walk());
    printf("clz(0x00f0) %d ctz(0x00f0) %d popcount(-1) %d\n", __builtin_clzll(0xf0),
           __builtin_ctzll(0xf0), __builtin_popcountll(~0ull));
    return 0;
}
