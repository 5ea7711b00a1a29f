/* The floating-point environment: results of the same operations under each rounding mode
 * (fesetround writes frm), and the accrued exception flags each kind of operation raises
 * (fetestexcept reads fflags).  Operands are volatile so the work happens at run time. */
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static volatile double one = 1.0, three = 3.0, zero = 0.0, huge = 1e308, tiny = 1e-308,
                       neg = -1.0, two_thirds = 0.6666666666666666, big_int = 4503599627370497.0;
static volatile float onef = 1.0f, threef = 3.0f, hugef = 3e38f;

static void print_flags(const char *what)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%-28s flags:%s%s%s%s%s%s\n", what, f & FE_INVALID ? " invalid" : "",
           f & FE_DIVBYZERO ? " divbyzero" : "", f & FE_OVERFLOW ? " overflow" : "",
           f & FE_UNDERFLOW ? " underflow" : "", f & FE_INEXACT ? " inexact" : "",
           f ? "" : " none");
    feclearexcept(FE_ALL_EXCEPT);
}

static void rounding(void)
{
    static const struct {
        int mode;
        const char *name;
    } modes[] = {{FE_TONEAREST, "nearest"}, {FE_UPWARD, "upward"}, {FE_DOWNWARD, "downward"},
                 {FE_TOWARDZERO, "towardzero"}};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        int rc = fesetround(modes[i].mode);
        printf("%s: set=%d get_matches=%d\n", modes[i].name, rc, fegetround() == modes[i].mode);
        printf("  1/3=%a -1/3=%a 2/3*3=%a sqrt(2)=%a\n", one / three, neg / three,
               two_thirds * three, sqrt(2.0 * one));
        printf("  1f/3f=%a fma=%a big+0.5=%a\n", (double)(onef / threef),
               fma(one / three, three, -one), big_int + 0.5);
        printf("  rint(2.5)=%g rint(-2.5)=%g nearbyint(0.5)=%g lrint(-1.5)=%ld llrint(7.5)=%lld\n",
               rint(2.5 * one), rint(-2.5 * one), nearbyint(0.5 * one), lrint(-1.5 * one),
               llrint(7.5 * one));
        printf("  (long)2.7=%ld (int)-2.7=%d (float)0.1=%a huge*10=%g\n", (long)(2.7 * one),
               (int)(-2.7 * one), (double)(float)(0.1 * one), huge * 10.0);
    }
    fesetround(FE_TONEAREST);
    printf("invalid mode rejected=%d\n", fesetround(12345) != 0);
}

static void flags(void)
{
    feclearexcept(FE_ALL_EXCEPT);
    print_flags("nothing yet");
    volatile double r = one + one;
    print_flags("1+1");
    r = one / three;
    print_flags("1/3");
    r = one / zero;
    print_flags("1/0");
    r = zero / zero;
    print_flags("0/0");
    r = sqrt(neg);
    print_flags("sqrt(-1)");
    r = huge * huge;
    print_flags("huge*huge");
    r = tiny * tiny;
    print_flags("tiny*tiny");
    volatile float rf = hugef * threef;
    print_flags("float overflow");
    rf = onef / threef;
    print_flags("float 1/3");
    volatile long l = (long)(huge * one);
    print_flags("(long)1e308");
    volatile int conv = (int)(3.5 * one);
    print_flags("(int)3.5");
    volatile double nan = zero / zero;
    feclearexcept(FE_ALL_EXCEPT);
    volatile int cmp = nan < one;
    print_flags("nan < 1 (signalling flt)");
    cmp = nan == one;
    print_flags("nan == 1 (quiet feq)");
    cmp = __builtin_isless(nan, one);
    print_flags("isless(nan, 1)");
    volatile double m = fmax(nan, one);
    print_flags("fmax(nan, 1)");
    volatile double snan = __builtin_nans("");
    m = fmax(snan, one);
    print_flags("fmax(snan, 1)");
    m = snan + one;
    double sum = m;
    unsigned long long bits;
    memcpy(&bits, &sum, sizeof bits);
    printf("snan + 1 = %a bits %016llx (RISC-V returns the canonical NaN)\n", sum, bits);
    print_flags("snan + 1");

    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    print_flags("feraiseexcept(over|inexact)");
    fexcept_t saved;
    feraiseexcept(FE_DIVBYZERO);
    fegetexceptflag(&saved, FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    fesetexceptflag(&saved, FE_DIVBYZERO);
    print_flags("fesetexceptflag(divbyzero)");

    fenv_t env;
    fesetround(FE_UPWARD);
    feraiseexcept(FE_UNDERFLOW);
    feholdexcept(&env);
    print_flags("after feholdexcept");
    printf("round inside hold: upward=%d\n", fegetround() == FE_UPWARD);
    r = one / three;
    feupdateenv(&env);
    print_flags("feupdateenv");
    fesetround(FE_TONEAREST);
    (void)r;
    (void)rf;
    (void)l;
    (void)conv;
    (void)cmp;
    (void)m;
}

int main(void)
{
    rounding();
    flags();
    return 0;
}
