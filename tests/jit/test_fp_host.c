/* The translator's host-FPU fast path (src/fast/jit_fp_host.c) against the software FPU: on
 * edge and random operands in every rounding mode, whenever the fast path answers, its result
 * and flags must be fpu_execute's; when it declines it must write nothing; and it must answer
 * for most ordinary operands (else the fast path would be dead). */
#include <stdio.h>
#include <string.h>

#include "fast/jit_fp_host.h"
#include "isa/fpu.h"

static const uint64_t edge_d[] = {
    0, 1ull << 63, 0x3ff0000000000000ull, 0xbff0000000000000ull, 0x7ff0000000000000ull,
    0xfff0000000000000ull, 0x7ff8000000000000ull, 0x7ff0000000000001ull, 0xfff8000000000123ull,
    1, 0x000fffffffffffffull, 0x0010000000000000ull, 0x0010000000000001ull, 0x7fefffffffffffffull,
    0x3fb999999999999aull, 0x4008000000000000ull, 0x0020000000000000ull, 0x3ca0000000000000ull,
    0x8010000000000000ull, 0x001fffffffffffffull,
};
static const uint32_t edge_s[] = {
    0, 0x80000000u, 0x3f800000u, 0xbf800000u, 0x7f800000u, 0xff800000u, 0x7fc00000u, 0x7f800001u,
    1, 0x007fffffu, 0x00800000u, 0x00800001u, 0x7f7fffffu, 0x3dcccccdu, 0x40400000u, 0x01000000u,
};
#define NEDGE_D (sizeof edge_d / sizeof edge_d[0])
#define NEDGE_S (sizeof edge_s / sizeof edge_s[0])

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next(void)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return rng;
}

static unsigned failures, answered, asked;

static void check(enum op op, uint64_t a, uint64_t b, unsigned rm, unsigned frm)
{
    uint64_t want = 0, got = 0xdead;
    uint32_t want_flags = 0, got_flags = 0;
    bool ok = fpu_execute(op, a, b, 0, rm, frm, &want, &want_flags);
    bool fast = jit_fp_host(op, a, b, rm, frm, &got, &got_flags);
    asked++;
    if (!fast) {
        if (got != 0xdead || got_flags != 0) {
            printf("%s %016llx %016llx rm %u frm %u: declined but wrote\n", op_mnemonic(op),
                   (unsigned long long)a, (unsigned long long)b, rm, frm);
            failures++;
        }
        return;
    }
    answered++;
    if (!ok || got != want || got_flags != want_flags) {
        printf("%s %016llx %016llx rm %u frm %u: host %016llx flags %x, fpu %016llx flags %x%s\n",
               op_mnemonic(op), (unsigned long long)a, (unsigned long long)b, rm, frm,
               (unsigned long long)got, got_flags, (unsigned long long)want, want_flags,
               ok ? "" : " (fpu: illegal)");
        failures++;
    }
}

static uint64_t boxed(uint32_t v) { return 0xffffffff00000000ull | v; }

int main(void)
{
    static const enum op ops_d[] = { OP_FADD_D, OP_FSUB_D, OP_FMUL_D, OP_FDIV_D, OP_FSQRT_D };
    static const enum op ops_s[] = { OP_FADD_S, OP_FSUB_S, OP_FMUL_S, OP_FDIV_S, OP_FSQRT_S };
    static const unsigned rms[][2] = { { RM_RNE, 3 }, { RM_DYN, RM_RNE }, { RM_RTZ, 0 }, { RM_RDN, 0 },
                                       { RM_RUP, 0 }, { RM_RMM, 0 }, { RM_DYN, RM_RUP }, { 5, 0 },
                                       { RM_DYN, 6 } };
    unsigned ordinary_asked = 0, ordinary_answered = 0;
    for (size_t m = 0; m < sizeof rms / sizeof rms[0]; m++)
        for (size_t o = 0; o < 5; o++) {
            for (size_t i = 0; i < NEDGE_D; i++)
                for (size_t j = 0; j < NEDGE_D; j++)
                    check(ops_d[o], edge_d[i], edge_d[j], rms[m][0], rms[m][1]);
            for (size_t i = 0; i < NEDGE_S; i++)
                for (size_t j = 0; j < NEDGE_S; j++) {
                    check(ops_s[o], boxed(edge_s[i]), boxed(edge_s[j]), rms[m][0], rms[m][1]);
                    check(ops_s[o], edge_s[i], boxed(edge_s[j]), rms[m][0], rms[m][1]);   /* unboxed */
                }
            for (int k = 0; k < 20000; k++) {
                uint64_t a = next(), b = next();
                check(ops_d[o], a, b, rms[m][0], rms[m][1]);
                check(ops_s[o], boxed((uint32_t)a), boxed((uint32_t)b), rms[m][0], rms[m][1]);
                /* Operands of ordinary size (exponents near 0), where the fast path must answer
                 * in round-to-nearest. */
                uint64_t x = (a & 0x800fffffffffffffull) | (0x3f0ull + (a >> 52 & 0x1f)) << 52;
                uint64_t y = (b & 0x000fffffffffffffull) | (0x3f0ull + (b >> 52 & 0x1f)) << 52;
                unsigned before = answered;
                check(ops_d[o], x, y, rms[m][0], rms[m][1]);
                if (m < 2) {
                    ordinary_asked++;
                    ordinary_answered += answered - before;
                }
            }
        }
    printf("%u of %u operations answered by the host FPU; ordinary operands in round-to-nearest: "
           "%u of %u\n", answered, asked, ordinary_answered, ordinary_asked);
    if (ordinary_answered * 10 < ordinary_asked * 9) {
        printf("the fast path declines ordinary operands\n");
        failures++;
    }
    if (failures)
        printf("%u failures\n", failures);
    return failures != 0;
}
