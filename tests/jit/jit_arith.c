/* Operations the translator handles inline or through helpers where x86 and RISC-V differ:
 * division and remainder (by zero, overflow), mulhsu, operations with x0 or a zero immediate,
 * zext.b and shifts by a register, and floating-point arithmetic, comparisons and conversions
 * under every rounding mode with the accrued exception flags, and each operation's own flags.
 * Every loop runs often enough to be translated under fast:translate=on; the printed checksums
 * must be the same under every tier (and are those of qemu-riscv64). */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define ROUNDS 40

static const int64_t ints[] = {
    0, 1, -1, 2, -2, 3, 7, -7, 1000003, INT64_MIN, INT64_MAX, INT32_MIN, INT32_MAX,
    (int64_t)0x00000000ffffffffll, (int64_t)0xffffffff00000000ull, 0x123456789abcdefll,
};
#define NINTS (sizeof ints / sizeof ints[0])

static uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 0x100000001b3ull + (h >> 29); }

static uint64_t integer_ops(void)
{
    uint64_t h = 0;
    for (int r = 0; r < ROUNDS; r++)
        for (size_t i = 0; i < NINTS; i++)
            for (size_t j = 0; j < NINTS; j++) {
                int64_t a = ints[i], b = ints[j];
                uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
                int32_t a32 = (int32_t)a, b32 = (int32_t)b;
                uint32_t ua32 = (uint32_t)a, ub32 = (uint32_t)b;
                /* RISC-V defines these for b == 0 and for overflow; C does not, so the guest
                 * code uses inline assembly to get exactly one instruction each. */
                uint64_t q, rm, qu, ru, qw, rw, quw, ruw, hsu;
                __asm__("div %0, %1, %2" : "=r"(q) : "r"(a), "r"(b));
                __asm__("rem %0, %1, %2" : "=r"(rm) : "r"(a), "r"(b));
                __asm__("divu %0, %1, %2" : "=r"(qu) : "r"(ua), "r"(ub));
                __asm__("remu %0, %1, %2" : "=r"(ru) : "r"(ua), "r"(ub));
                __asm__("divw %0, %1, %2" : "=r"(qw) : "r"((int64_t)a32), "r"((int64_t)b32));
                __asm__("remw %0, %1, %2" : "=r"(rw) : "r"(a), "r"(b));
                __asm__("divuw %0, %1, %2" : "=r"(quw) : "r"((uint64_t)ua32), "r"((uint64_t)ub32));
                __asm__("remuw %0, %1, %2" : "=r"(ruw) : "r"(a), "r"(b));
                __asm__("mulhsu %0, %1, %2" : "=r"(hsu) : "r"(a), "r"(ub));
                h = mix(h, q);
                h = mix(h, rm);
                h = mix(h, qu);
                h = mix(h, ru);
                h = mix(h, qw);
                h = mix(h, rw);
                h = mix(h, quw);
                h = mix(h, ruw);
                h = mix(h, hsu);
                /* Forms with x0 or a zero immediate the translator shortens to moves. */
                uint64_t z[13];
                __asm__("andi %0, %1, 0" : "=r"(z[0]) : "r"(a));
                __asm__("addiw %0, %1, 0" : "=r"(z[1]) : "r"(a));
                __asm__("ori %0, %1, 0" : "=r"(z[2]) : "r"(b));
                __asm__("add %0, x0, %1" : "=r"(z[3]) : "r"(b));
                __asm__("subw %0, %1, x0" : "=r"(z[4]) : "r"(a));
                __asm__("xor %0, %1, x0" : "=r"(z[5]) : "r"(b));
                /* zext.b, and shifts by a register (the count masked to 6 or 5 bits). */
                __asm__("andi %0, %1, 255" : "=r"(z[6]) : "r"(a));
                __asm__("sll %0, %1, %2" : "=r"(z[7]) : "r"(a), "r"(b));
                __asm__("srl %0, %1, %2" : "=r"(z[8]) : "r"(a), "r"(b));
                __asm__("sra %0, %1, %2" : "=r"(z[9]) : "r"(a), "r"(b));
                __asm__("sllw %0, %1, %2" : "=r"(z[10]) : "r"(a), "r"(b));
                __asm__("srlw %0, %1, %2" : "=r"(z[11]) : "r"(a), "r"(b));
                __asm__("sraw %0, %1, %2" : "=r"(z[12]) : "r"(a), "r"(b));
                for (int k = 0; k < 13; k++)
                    h = mix(h, z[k]);
            }
    return h;
}

static const double doubles[] = {
    0.0, -0.0, 1.0, -1.0, 0.1, 3.0, 1e308, -1e308, 4.9e-324, 2.2250738585072014e-308, 1e-310,
    INFINITY, -INFINITY, NAN, 123456789.123, -2.5, 0.5, 1.5, 2.5,
};
#define NDOUBLES (sizeof doubles / sizeof doubles[0])

static uint64_t bits_d(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint64_t bits_f(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

static uint64_t fp_ops(int mode)
{
    uint64_t h = 0;
    fesetround(mode);
    for (int r = 0; r < ROUNDS / 4; r++)
        for (size_t i = 0; i < NDOUBLES; i++)
            for (size_t j = 0; j < NDOUBLES; j++) {
                double a = doubles[i], b = doubles[j];
                float fa = (float)a, fb = (float)b;
                feclearexcept(FE_ALL_EXCEPT);
                h = mix(h, bits_d(a + b));
                h = mix(h, bits_d(a - b));
                h = mix(h, bits_d(a * b));
                h = mix(h, bits_d(a / b));
                h = mix(h, bits_d(__builtin_fma(a, b, 0.25)));
                h = mix(h, bits_d(__builtin_sqrt(a)));
                h = mix(h, bits_f(fa + fb));
                h = mix(h, bits_f(fa * fb));
                h = mix(h, bits_f(fa / fb));
                h = mix(h, bits_f(__builtin_fmaf(fa, fb, -fa)));
                h = mix(h, bits_f((float)(a * 3.0)));
                h = mix(h, (uint64_t)(a < b) | (uint64_t)(a <= b) << 1 | (uint64_t)(a == b) << 2);
                h = mix(h, (uint64_t)(fa < fb) | (uint64_t)(fa == fb) << 1);
                h = mix(h, (uint64_t)(int64_t)lrint(a * 0.75));
                h = mix(h, (uint64_t)(int32_t)lrintf(fb));
                h = mix(h, bits_d((double)(int64_t)(i * 1000003u * j) / 7.0));
                h = mix(h, bits_d((double)(int32_t)ints[(i + j) % NINTS]));
                h = mix(h, bits_d((double)(uint32_t)ints[(i * j) % NINTS]));
                h = mix(h, bits_d((double)(uint64_t)ints[(i * 3 + j) % NINTS]));
                h = mix(h, (uint64_t)fetestexcept(FE_ALL_EXCEPT));
            }
    fesetround(FE_TONEAREST);
    return h;
}

/* Exception flags of each operation alone, and of one operation next to another that does not
 * raise anything (an exact fused multiply-add, whichever of the two runs first; an exact single
 * addition): the flags one raises must survive the other however each is carried out. */
static uint64_t flags_by_op(void)
{
    static volatile double exact[3] = { 2.0, 3.0, 1.0 };
    uint64_t h = 0;
    for (int r = 0; r < ROUNDS / 4; r++)
        for (size_t i = 0; i < NDOUBLES; i++)
            for (size_t j = 0; j < NDOUBLES; j++) {
                double a = doubles[i], b = doubles[j], x = exact[0], y = exact[1], z = exact[2];
                feclearexcept(FE_ALL_EXCEPT);
                double p = a * b;
                double q = __builtin_fma(x, y, z);
                h = mix(h, bits_d(p) ^ bits_d(q));
                h = mix(h, (uint64_t)fetestexcept(FE_ALL_EXCEPT));
                feclearexcept(FE_ALL_EXCEPT);
                q = __builtin_fma(x, y, z);
                p = a + b;
                h = mix(h, bits_d(p) ^ bits_d(q));
                h = mix(h, (uint64_t)fetestexcept(FE_ALL_EXCEPT));
                feclearexcept(FE_ALL_EXCEPT);
                p = a - b;
                float s = (float)x + (float)y;
                h = mix(h, bits_d(p) ^ bits_f(s));
                h = mix(h, (uint64_t)fetestexcept(FE_ALL_EXCEPT));
                feclearexcept(FE_ALL_EXCEPT);
                h = mix(h, bits_d(a / b));
                h = mix(h, (uint64_t)fetestexcept(FE_ALL_EXCEPT));
                feclearexcept(FE_ALL_EXCEPT);
                h = mix(h, (uint64_t)(a < b) | (uint64_t)(a == b) << 1);
                h = mix(h, (uint64_t)fetestexcept(FE_ALL_EXCEPT));
            }
    return h;
}

int main(void)
{
    printf("integer %016llx\n", (unsigned long long)integer_ops());
    static const int modes[] = { FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD, FE_UPWARD };
    static const char *const names[] = { "rne", "rtz", "rdn", "rup" };
    for (int m = 0; m < 4; m++)
        printf("fp %s %016llx\n", names[m], (unsigned long long)fp_ops(modes[m]));
    printf("flags %016llx\n", (unsigned long long)flags_by_op());
    return 0;
}
