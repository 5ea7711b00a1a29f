/* Reads the user-level counters around a chain of dependent multiplies: the instret, cycle and
 * time CSRs and the monotonic clock.  counters_check.sh compares the differences with the model:
 * one cycle per instruction on the fast model, the pipeline's cycles (a multiply chain takes
 * several per instruction) on the pipeline models, and time following the core frequency. */
#include <stdint.h>
#include <stdio.h>
#include <time.h>

struct sample { uint64_t instret, cycle, time, clock_ns; };

static inline struct sample sample(void)
{
    struct sample s;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    s.clock_ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
    __asm__ volatile("rdinstret %0\n\trdcycle %1\n\trdtime %2"
                     : "=r"(s.instret), "=r"(s.cycle), "=r"(s.time));
    return s;
}

int main(void)
{
    struct sample a = sample();
    uint64_t x = 3;
    for (int i = 0; i < 20000; i++)
        __asm__ volatile("mul %0, %0, %0\n\tmul %0, %0, %0\n\tori %0, %0, 3" : "+r"(x));
    struct sample b = sample();
    printf("instret %llu\ncycle %llu\ntime %llu\nclock_ns %llu\nend_cycle %llu\nchain %llu\n",
           (unsigned long long)(b.instret - a.instret), (unsigned long long)(b.cycle - a.cycle),
           (unsigned long long)(b.time - a.time), (unsigned long long)(b.clock_ns - a.clock_ns),
           (unsigned long long)b.cycle, (unsigned long long)(x & 1));
    return 0;
}
