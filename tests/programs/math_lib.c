/* libm over many values, double and float, printed exactly (%.17g / %.9g and %a).  The guest's
 * libm is the same binary on every simulator, so any difference is an FP instruction bug. */
#include <math.h>
#include <stdio.h>

/* volatile keeps the compiler from evaluating the calls at build time */
static volatile double dvals[] = {0.0,  -0.0, 1e-310, 1e-5,  0.1,   0.5,     1.0,  1.5,     2.0,
                                  2.5,  3.0,  10.0,   100.5, 1e10,  1e300,   -0.1, -1.0,    -2.5,
                                  -7.75, -1e5, 0.7853981633974483, 3.141592653589793, INFINITY,
                                  -INFINITY, NAN};
static volatile float fvals[] = {0.0f, -0.0f, 1e-40f, 0.1f, 0.5f, 1.0f, 1.5f, 2.5f, 3.0f, 10.0f,
                                 1e10f, -0.1f, -1.0f, -2.5f, -7.75f, 3.14159265f, INFINITY, NAN};

#define NVALS(a) (sizeof(a) / sizeof((a)[0]))

static void pd(const char *name, double x, double r)
{
    printf("%s(%.17g) = %.17g %a\n", name, x, r, r);
}

static void pf(const char *name, float x, float r)
{
    printf("%sf(%.9g) = %.9g %a\n", name, (double)x, (double)r, (double)r);
}

static void doubles(void)
{
    for (size_t i = 0; i < NVALS(dvals); i++) {
        double x = dvals[i];
        pd("sin", x, sin(x));
        pd("cos", x, cos(x));
        pd("tan", x, tan(x));
        pd("atan", x, atan(x));
        pd("exp", x, exp(x));
        pd("expm1", x, expm1(x));
        pd("log", x, log(x));
        pd("log2", x, log2(x));
        pd("log10", x, log10(x));
        pd("log1p", x, log1p(x));
        pd("sqrt", x, sqrt(x));
        pd("cbrt", x, cbrt(x));
        pd("floor", x, floor(x));
        pd("ceil", x, ceil(x));
        pd("trunc", x, trunc(x));
        pd("round", x, round(x));
        pd("rint", x, rint(x));
        pd("fabs", x, fabs(x));
        pd("tanh", x, tanh(x));
        printf("lround(%.17g) = %ld llrint = %lld ilogb = %d signbit = %d isnan = %d\n", x,
               isfinite(x) && fabs(x) < 1e18 ? lround(x) : 0L,
               isfinite(x) && fabs(x) < 1e18 ? llrint(x) : 0LL, ilogb(x), signbit(x) != 0,
               isnan(x) != 0);
        int e;
        double m = frexp(x, &e);
        printf("frexp(%.17g) = %a * 2^%d, modf frac = %a\n", x, m, e, modf(x, &m));
    }
}

static void doubles2(void)
{
    for (size_t i = 0; i < NVALS(dvals); i++) {
        for (size_t j = 0; j < NVALS(dvals); j += 4) {
            double x = dvals[i], y = dvals[j];
            printf("x=%a y=%a pow=%a atan2=%a fmod=%a hypot=%a fmax=%a fmin=%a copysign=%a "
                   "nextafter=%a remainder=%a fma(x,y,x)=%a\n",
                   x, y, pow(x, y), atan2(x, y), fmod(x, y), hypot(x, y), fmax(x, y), fmin(x, y),
                   copysign(x, y), nextafter(x, y), remainder(x, y), fma(x, y, x));
        }
    }
    printf("ldexp=%a %a scalbn=%a\n", ldexp(1.0, -1074), ldexp(0.75, 1024), scalbn(3.0, -1030));
    printf("nextafter(0,1)=%a nextafter(1,2)=%a nextafter(-0,-1)=%a\n", nextafter(0.0, 1.0),
           nextafter(1.0, 2.0), nextafter(-0.0, -1.0));
    /* Fused vs separately rounded: the volatile product stops gcc contracting it into fmadd. */
    volatile double a = 0x1.0000001p0, minus_one = -1.0;
    volatile double product = a * a;
    printf("fma exact: %a vs mul-add %a\n", fma(a, a, minus_one), product + minus_one);
    volatile float af = 0x1.001p0f;
    volatile float productf = af * af;
    printf("fmaf exact: %a vs mul-add %a\n", (double)fmaf(af, af, -1.0f),
           (double)(productf - 1.0f));
}

static void floats(void)
{
    for (size_t i = 0; i < NVALS(fvals); i++) {
        float x = fvals[i];
        pf("sin", x, sinf(x));
        pf("cos", x, cosf(x));
        pf("exp", x, expf(x));
        pf("log", x, logf(x));
        pf("sqrt", x, sqrtf(x));
        pf("floor", x, floorf(x));
        pf("round", x, roundf(x));
        pf("pow2.5", x, powf(x, 2.5f));
        pf("fma", x, fmaf(x, x, -1.0f));
        pf("nextafter", x, nextafterf(x, 0.0f));
        printf("lroundf(%.9g) = %ld (double)%.17g\n", (double)x,
               isfinite(x) && fabsf(x) < 1e18f ? lroundf(x) : 0L, (double)x);
    }
}

int main(void)
{
    doubles();
    doubles2();
    floats();
    return 0;
}
