/* setjmp/longjmp: nested jump buffers, a jump out of deep recursion, longjmp(env, 0) turning
 * into 1, and callee-saved integer and FP registers holding their values across the jump. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf outer, inner;
static int depth_reached;

static void recurse(int depth, int limit)
{
    volatile char pad[64]; /* make every frame use stack */
    pad[depth % 64] = (char)depth;
    depth_reached = depth + pad[depth % 64] - (char)depth;
    if (depth > limit)
        return;
    if (depth == limit)
        longjmp(outer, depth);
    recurse(depth + 1, limit);
    pad[0]++; /* not a tail call */
}

static int nested(int level)
{
    int r = setjmp(inner);
    if (r == 0) {
        if (level > 0)
            longjmp(inner, level * 10);
        return -1;
    }
    return r;
}

static double fp_work(double x)
{
    /* Uses callee-saved FP registers in the caller across a longjmp-free call. */
    return x * 1.5 + 0.25;
}

int main(void)
{
    volatile int counter = 0;
    volatile int r = setjmp(outer); /* volatile: reassigned between setjmp calls */
    counter++;
    if (r == 0) {
        recurse(1, 1000);
        puts("not reached");
    }
    printf("longjmp from depth %d returned %d, counter %d, depth_reached %d\n", r, r, counter,
           depth_reached);

    /* Jumping several times to the same buffer. */
    volatile int rounds = 0;
    r = setjmp(outer);
    if (rounds < 5) {
        rounds++;
        longjmp(outer, rounds * 100);
    }
    printf("after %d rounds last value %d\n", rounds, r);

    /* longjmp with 0 makes setjmp return 1. */
    r = setjmp(outer);
    if (r == 0)
        longjmp(outer, 0);
    printf("longjmp(env, 0) made setjmp return %d\n", r);

    /* Nested buffers: the inner one is used and left, the outer one still works after. */
    printf("nested(0)=%d nested(3)=%d nested(7)=%d\n", nested(0), nested(3), nested(7));
    r = setjmp(outer);
    if (r == 0) {
        if (setjmp(inner) == 0)
            longjmp(outer, 77); /* leave through the outer buffer from inside the inner */
        puts("not reached either");
    }
    printf("jump through outer from inner context: %d\n", r);

    /* Locals in callee-saved registers: volatile ones keep values changed after setjmp. */
    volatile double vd = 1.0;
    volatile long vl = 10;
    double d = fp_work(2.0);
    r = setjmp(outer);
    if (r == 0) {
        vd = 2.5;
        vl = 20;
        longjmp(outer, 1);
    }
    printf("volatile after jump: %g %ld, register value before setjmp %g\n", vd, vl, d);

    /* sigsetjmp without saving the mask behaves the same. */
    sigjmp_buf sj;
    r = sigsetjmp(sj, 0);
    if (r == 0)
        siglongjmp(sj, 5);
    printf("siglongjmp value %d\n", r);
    return 0;
}
