/* The second of two loads from one base faults.  The translator checks a base register against
 * the address-space limit once, at its first load, so the second load has no inline check of
 * its own and reaches the interpreter only through its host fault: that must still resume at
 * the second load, with the first one's result in its register (a translation once sent such a
 * fault to no stub at all, and the simulator crashed).  pair() runs hot on the last two
 * doublewords of a mapping, then one doubleword later. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#define PAGE 4096

/* pair(p): t0 = *p, then t1 = *(p + 8) at pair_at; returns t0 + t1. */
long pair(const void *p);
extern const char pair_at[];
__asm__(".text\n"
        ".globl pair\n"
        "pair:\n"
        "    ld t0, 0(a0)\n"
        ".globl pair_at\n"
        "pair_at:\n"
        "    ld t1, 8(a0)\n"
        "    add a0, t0, t1\n"
        "    ret\n");

static sigjmp_buf escape;
static volatile uintptr_t fault_pc, fault_addr, reg_t0, reg_a0;

static void on_segv(int sig, siginfo_t *si, void *context)
{
    (void)sig;
    const ucontext_t *uc = context;
    fault_pc = uc->uc_mcontext.__gregs[0];
    fault_addr = (uintptr_t)si->si_addr;
    reg_t0 = uc->uc_mcontext.__gregs[5];
    reg_a0 = uc->uc_mcontext.__gregs[10];
    siglongjmp(escape, 1);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    uint8_t *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return 1;
    munmap(p + PAGE, PAGE);
    for (size_t i = 0; i < PAGE / 8; i++)
        ((uint64_t *)p)[i] = i + 1;
    long total = 0;
    for (int i = 0; i < 200; i++)
        total += pair(p + PAGE - 16);
    printf("pairs in bounds: %ld\n", total);
    if (sigsetjmp(escape, 1) == 0)
        printf("second load: not raised %ld\n", pair(p + PAGE - 8));
    else
        printf("second load: pc %+ld addr %+ld t0 %lu a0 %+ld\n", (long)(fault_pc - (uintptr_t)pair_at),
               (long)(fault_addr - (uintptr_t)p), (unsigned long)reg_t0, (long)(reg_a0 - (uintptr_t)p));
    return 0;
}
