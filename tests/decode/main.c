/* The C half of the objdump comparison program: a little of everything so the compiler emits its
 * usual mix.  The program is linked with the whole of static glibc and libm, which is what the
 * comparison is really about; it is never run. */
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static _Atomic long counter;

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    double values[16];
    float f = (float)argc;
    for (int i = 0; i < 16; i++) {
        values[i] = sin(i * 0.5) * exp(-i) + (double)(argc > 1 ? strtol(argv[1], NULL, 0) : i);
        f = fmaf(f, 1.5f, (float)i);
        atomic_fetch_add(&counter, i);
    }
    qsort(values, 16, sizeof values[0], compare_doubles);
    printf("%g %g %ld %u\n", values[0], (double)f, atomic_load(&counter),
           (unsigned)values[15] / (unsigned)(argc + 1));
    return 0;
}
