/* Loads that fault, from a hot loop: where the translator turns loads into plain host loads
 * (unmapped guest pages inaccessible on the host), each fault must still stop at the faulting
 * instruction with the registers the interpreter would leave.  A SIGSEGV handler reports the
 * faulting pc (relative to the loop), the fault address (relative to the mapping) and the loop's
 * registers, then escapes with siglongjmp.  Cases: aligned loads walking off the end of a
 * mapping, a misaligned load that crosses into an unmapped page, a page unmapped after the loop
 * read it, an address above the 38-bit address space, a page protected to PROT_NONE after the
 * loop was compiled, a store to a page just unmapped, and loads whose offset takes an address
 * just inside the space past either end of it (below 0, at or past the limit). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#define PAGE 4096

/* walk(p, n): t0 = sum of n doublewords from p (t1 counts them, a0 advances); returns t0.
 * walk_at is the faulting load. */
long walk(const void *p, long n);
/* walk_odd(p, n): the same with 4-byte steps and 8-byte loads, so every other one is misaligned. */
long walk_odd(const void *p, long n);
/* fill(p, n): stores n doublewords of -1 from p. */
void fill(void *p, long n);
/* peek_back(p) = *(p - 16), peek_fwd(p) = *(p + 2040): loads whose offset leaves the space. */
long peek_back(const void *p);
long peek_fwd(const void *p);
extern const char walk_at[], walk_odd_at[], fill_at[], peek_back_at[], peek_fwd_at[];
__asm__(".text\n"
        ".globl walk\n"
        "walk:\n"
        "    li t0, 0\n"
        "    li t1, 0\n"
        "1:\n"
        ".globl walk_at\n"
        "walk_at:\n"
        "    ld t2, 0(a0)\n"
        "    add t0, t0, t2\n"
        "    addi t1, t1, 1\n"
        "    addi a0, a0, 8\n"
        "    bne t1, a1, 1b\n"
        "    mv a0, t0\n"
        "    ret\n"
        ".globl walk_odd\n"
        "walk_odd:\n"
        "    li t0, 0\n"
        "    li t1, 0\n"
        "1:\n"
        ".globl walk_odd_at\n"
        "walk_odd_at:\n"
        "    ld t2, 0(a0)\n"
        "    add t0, t0, t2\n"
        "    addi t1, t1, 1\n"
        "    addi a0, a0, 4\n"
        "    bne t1, a1, 1b\n"
        "    mv a0, t0\n"
        "    ret\n"
        ".globl fill\n"
        "fill:\n"
        "    li t1, 0\n"
        "    li t2, -1\n"
        "1:\n"
        ".globl fill_at\n"
        "fill_at:\n"
        "    sd t2, 0(a0)\n"
        "    addi t1, t1, 1\n"
        "    addi a0, a0, 8\n"
        "    bne t1, a1, 1b\n"
        "    ret\n"
        ".globl peek_back\n"
        "peek_back:\n"
        ".globl peek_back_at\n"
        "peek_back_at:\n"
        "    ld a0, -16(a0)\n"
        "    ret\n"
        ".globl peek_fwd\n"
        "peek_fwd:\n"
        ".globl peek_fwd_at\n"
        "peek_fwd_at:\n"
        "    ld a0, 2040(a0)\n"
        "    ret\n");

static sigjmp_buf escape;
static volatile uintptr_t fault_pc, fault_addr, reg_t0, reg_t1, reg_a0;

static void on_segv(int sig, siginfo_t *si, void *context)
{
    (void)sig;
    const ucontext_t *uc = context;
    fault_pc = uc->uc_mcontext.__gregs[0];
    fault_addr = (uintptr_t)si->si_addr;
    reg_t0 = uc->uc_mcontext.__gregs[5];
    reg_t1 = uc->uc_mcontext.__gregs[6];
    reg_a0 = uc->uc_mcontext.__gregs[10];
    siglongjmp(escape, 1);
}

static uint8_t *map(size_t pages, int prot)
{
    void *p = mmap(NULL, pages * PAGE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

/* Fills `pages` pages with doublewords 1, 2, 3, ... */
static void number(uint8_t *p, size_t pages)
{
    for (size_t i = 0; i < pages * PAGE / 8; i++)
        ((uint64_t *)p)[i] = i + 1;
}

static void report(const char *what, const char *at, const uint8_t *base)
{
    printf("%s: pc %+ld addr %+ld sum %lu count %lu a0 %+ld\n", what, (long)(fault_pc - (uintptr_t)at),
           (long)(fault_addr - (uintptr_t)base), (unsigned long)reg_t0, (unsigned long)reg_t1,
           (long)(reg_a0 - (uintptr_t)base));
}

/* Runs walk many times within the mapping (hot: translated), then once past its end. */
static void off_the_end(void)
{
    uint8_t *p = map(3, PROT_READ | PROT_WRITE);
    number(p, 2);
    munmap(p + 2 * PAGE, PAGE);
    long total = 0;
    for (int i = 0; i < 200; i++)
        total += walk(p + PAGE, PAGE / 8);
    printf("in bounds: %ld\n", total);
    if (sigsetjmp(escape, 1) == 0)
        printf("off the end: not raised %ld\n", walk(p + PAGE, PAGE / 8 + 3));
    else
        report("off the end", walk_at, p);
    munmap(p, 2 * PAGE);
}

static void misaligned_across(void)
{
    uint8_t *p = map(2, PROT_READ | PROT_WRITE);
    number(p, 1);
    munmap(p + PAGE, PAGE);
    long total = 0;
    for (int i = 0; i < 200; i++)
        total += walk_odd(p + PAGE - 64, 15);   /* the last one reads bytes PAGE-8 .. PAGE-1 */
    printf("misaligned in bounds: %ld\n", total);
    if (sigsetjmp(escape, 1) == 0) {
        printf("misaligned across: not raised %ld\n", walk_odd(p + PAGE - 64, 16));
    } else {
        /* The exact byte reported for an access straddling pages is the simulator's own choice;
         * the faulting instruction and the registers are not. */
        int near = fault_addr >= (uintptr_t)p + PAGE - 4 && fault_addr <= (uintptr_t)p + PAGE;
        fault_addr = (uintptr_t)p + PAGE;
        report("misaligned across", walk_odd_at, p);
        printf("misaligned across: address in the access %d\n", near);
    }
    munmap(p, PAGE);
}

static void just_unmapped(void)
{
    uint8_t *p = map(1, PROT_READ | PROT_WRITE);
    number(p, 1);
    long total = 0;
    for (int i = 0; i < 200; i++)
        total += walk(p, PAGE / 8);
    printf("before unmap: %ld\n", total);
    munmap(p, PAGE);
    if (sigsetjmp(escape, 1) == 0)
        printf("after unmap: not raised %ld\n", walk(p, PAGE / 8));
    else
        report("after unmap", walk_at, p);
}

/* Loads at the end of the address space: from the highest page (mapped here if the system lets
 * the program map it) across the limit, and at the limit itself. */
static void above_the_address_space(void)
{
    uint8_t *limit = (uint8_t *)(1ul << 38), *top = limit - PAGE;
    void *got = mmap(top, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    printf("top page mapped: %d\n", got == top);
    if (got == top) {
        number(top, 1);
        if (sigsetjmp(escape, 1) == 0) {
            printf("across the limit: not raised %ld\n", walk_odd(limit - 64, 16));
        } else {
            fault_addr = (uintptr_t)limit;
            report("across the limit", walk_odd_at, top);
        }
        munmap(top, PAGE);
    }
    if (sigsetjmp(escape, 1) == 0)
        printf("at the limit: not raised %ld\n", walk(limit, 4));
    else
        report("at the limit", walk_at, limit);
}

/* The loop is compiled while every mapped page is readable; a page then becomes PROT_NONE. */
static void protected_none(void)
{
    uint8_t *p = map(2, PROT_READ | PROT_WRITE);
    number(p, 2);
    long total = 0;
    for (int i = 0; i < 200; i++)
        total += walk(p, 2 * PAGE / 8);
    printf("before mprotect: %ld\n", total);
    mprotect(p + PAGE, PAGE, PROT_NONE);
    if (sigsetjmp(escape, 1) == 0)
        printf("prot none: not raised %ld\n", walk(p, 2 * PAGE / 8));
    else
        report("prot none", walk_at, p);
    mprotect(p + PAGE, PAGE, PROT_READ);
    printf("readable again: %ld\n", walk(p, 2 * PAGE / 8));
    munmap(p, 2 * PAGE);
}

static void store_just_unmapped(void)
{
    uint8_t *p = map(1, PROT_READ | PROT_WRITE);
    for (int i = 0; i < 200; i++)
        fill(p, PAGE / 8);
    printf("filled: %ld\n", walk(p, PAGE / 8));
    munmap(p, PAGE);
    if (sigsetjmp(escape, 1) == 0) {
        fill(p, PAGE / 8);
        printf("store after unmap: not raised\n");
    } else {
        reg_t0 = 0;
        report("store after unmap", fill_at, p);
    }
}

/* Both loads hot (translated) on a mapped page first; then from base 8, the address wraps
 * below 0, and from just below the limit, it lands past it. */
static void offset_out_of_space(void)
{
    uint8_t *p = map(1, PROT_READ | PROT_WRITE);
    number(p, 1);
    long total = 0;
    for (int i = 0; i < 200; i++)
        total += peek_back(p + 64) + peek_fwd(p + 64);
    printf("offsets in bounds: %ld\n", total);
    munmap(p, PAGE);
    reg_t0 = reg_t1 = 0;
    if (sigsetjmp(escape, 1) == 0)
        printf("below zero: not raised %ld\n", peek_back((void *)8));
    else
        reg_t0 = reg_t1 = 0, report("below zero", peek_back_at, NULL);
    uint8_t *limit = (uint8_t *)(1ul << 38);
    if (sigsetjmp(escape, 1) == 0)
        printf("past the limit: not raised %ld\n", peek_fwd(limit - 8));
    else
        reg_t0 = reg_t1 = 0, report("past the limit", peek_fwd_at, limit);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    off_the_end();
    misaligned_across();
    just_unmapped();
    above_the_address_space();
    protected_none();
    store_just_unmapped();
    offset_out_of_space();
    return 0;
}
