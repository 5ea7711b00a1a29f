/* Byte gathers: little-endian values read byte by byte (lbu, slli by multiples of 8, or/add), as
 * RV64GC code without misaligned loads reads them.  The translator turns such runs into one host
 * load per base register (jit_gather_x86.c); every register the run writes must still hold
 * exactly what the instructions compute, and faults must stop at the right lbu.  The runs are in
 * assembly so that their shapes do not depend on the compiler:
 *   gather8    zstd's 8-byte read: loads in a scrambled order, shifts and ors interleaved;
 *              returns the value, and every temporary it leaves (t0..t6 partial values);
 *   gather2x4  two 4-byte reads from two bases, interleaved, each base overwritten after its
 *              last load (a3 by a load, a4 by a shift);
 *   pieces     a lone byte shifted up, a 3-byte value (loaded as 4 bytes: the 4th may be on an
 *              unmapped page), a 2-byte value joined with add, and a value with a hole (bytes 0
 *              and 2: not a contiguous range, so not fused);
 *   far        two 2-byte values 7 bytes apart: one base spanning 9 bytes, more than one host
 *              load of 8 covers (not fused as one);
 * Each runs hot on bytes 0x80..0xff and others (zero extension of high bytes), then at the end
 * of a mapping: gather8 crossing into an unmapped page must fault at the first lbu past the end
 * with the earlier lbu's results in their registers, and pieces, whose bytes all fit, must not
 * fault although a host load of 4 bytes would reach past the end. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#define PAGE 4096

/* out[0] = value, out[1..6] = t0, t2, t3, t4, t5, a7 after the run. */
void gather8(const uint8_t *p, uint64_t *out);
/* out[0] = *(uint32 *)p, out[1] = *(uint32 *)q, out[2..] = temporaries. */
void gather2x4(const uint8_t *p, const uint8_t *q, uint64_t *out);
/* out[0] = p[1] << 24, out[1] = 3 bytes at p, out[2] = 2 bytes at p + 1 (by add), out[3] =
 * p[0] | p[2] << 16. */
void pieces(const uint8_t *p, uint64_t *out);
/* out[0] = 2 bytes at p, out[1] = 2 bytes at p + 7. */
void far(const uint8_t *p, uint64_t *out);
extern const char gather8_fault_at[];
__asm__(".text\n"
        ".globl gather8\n"
        "gather8:\n"
        "    mv a6, a0\n"
        "    lbu t1, 1(a6)\n"
        "    lbu a7, 0(a6)\n"
        "    lbu t0, 2(a6)\n"
        "    lbu t5, 3(a6)\n"
        ".globl gather8_fault_at\n"
        "gather8_fault_at:\n"
        "    lbu t4, 4(a6)\n"
        "    slli t1, t1, 8\n"
        "    lbu t3, 5(a6)\n"
        "    or t1, t1, a7\n"
        "    slli t0, t0, 16\n"
        "    lbu a7, 6(a6)\n"
        "    or t0, t0, t1\n"
        "    slli t5, t5, 24\n"
        "    lbu t1, 7(a6)\n"
        "    or t5, t5, t0\n"
        "    slli t4, t4, 32\n"
        "    or t4, t4, t5\n"
        "    slli t3, t3, 40\n"
        "    or t3, t3, t4\n"
        "    slli a7, a7, 48\n"
        "    or a7, a7, t3\n"
        "    slli t1, t1, 56\n"
        "    or t1, t1, a7\n"
        "    sd t1, 0(a1)\n"
        "    sd t0, 8(a1)\n"
        "    sd t2, 16(a1)\n"
        "    sd t3, 24(a1)\n"
        "    sd t4, 32(a1)\n"
        "    sd t5, 40(a1)\n"
        "    sd a7, 48(a1)\n"
        "    ret\n"
        ".globl gather2x4\n"
        "gather2x4:\n"
        "    mv a3, a0\n"
        "    mv a4, a1\n"
        "    mv t6, a2\n"
        "    lbu t1, 1(a3)\n"
        "    lbu a6, 1(a4)\n"
        "    lbu t3, 0(a3)\n"
        "    lbu a0, 2(a3)\n"
        "    lbu a7, 0(a4)\n"
        "    lbu a1, 2(a4)\n"
        "    lbu a3, 3(a3)\n"
        "    lbu a2, 3(a4)\n"
        "    slli a6, a6, 8\n"
        "    slli a4, t1, 8\n"
        "    or a4, a4, t3\n"
        "    slli a0, a0, 16\n"
        "    or a6, a6, a7\n"
        "    slli a1, a1, 16\n"
        "    or a0, a0, a4\n"
        "    or a1, a1, a6\n"
        "    slli a4, a3, 24\n"
        "    slli a3, a2, 24\n"
        "    or a4, a4, a0\n"
        "    or a3, a3, a1\n"
        "    sd a4, 0(t6)\n"
        "    sd a3, 8(t6)\n"
        "    sd t1, 16(t6)\n"
        "    sd a6, 24(t6)\n"
        "    sd t3, 32(t6)\n"
        "    sd a0, 40(t6)\n"
        "    sd a7, 48(t6)\n"
        "    sd a1, 56(t6)\n"
        "    sd a2, 64(t6)\n"
        "    ret\n"
        ".globl pieces\n"
        "pieces:\n"
        "    lbu t0, 1(a0)\n"
        "    slli t0, t0, 24\n"
        "    lbu t1, 0(a0)\n"
        "    lbu t2, 1(a0)\n"
        "    lbu t3, 2(a0)\n"
        "    slli t2, t2, 8\n"
        "    slli t3, t3, 16\n"
        "    or t2, t2, t1\n"
        "    or t3, t3, t2\n"
        "    sd t0, 0(a1)\n"
        "    sd t3, 8(a1)\n"
        "    lbu t4, 1(a0)\n"
        "    lbu t5, 2(a0)\n"
        "    slli t5, t5, 8\n"
        "    add t5, t5, t4\n"
        "    sd t5, 16(a1)\n"
        "    lbu t4, 0(a0)\n"
        "    lbu t5, 2(a0)\n"
        "    slli t5, t5, 16\n"
        "    or t5, t5, t4\n"
        "    sd t5, 24(a1)\n"
        "    ret\n"
        ".globl far\n"
        "far:\n"
        "    lbu t4, 0(a0)\n"
        "    lbu t5, 1(a0)\n"
        "    slli t5, t5, 8\n"
        "    or t5, t5, t4\n"
        "    lbu t6, 7(a0)\n"
        "    lbu t4, 8(a0)\n"
        "    slli t4, t4, 8\n"
        "    or t4, t4, t6\n"
        "    sd t5, 0(a1)\n"
        "    sd t4, 8(a1)\n"
        "    ret\n");

static sigjmp_buf escape;
static volatile uintptr_t fault_pc, fault_addr, regs[32];

static void on_segv(int sig, siginfo_t *si, void *context)
{
    (void)sig;
    const ucontext_t *uc = context;
    fault_pc = uc->uc_mcontext.__gregs[0];
    fault_addr = (uintptr_t)si->si_addr;
    for (int r = 1; r < 32; r++)
        regs[r] = uc->uc_mcontext.__gregs[r];
    siglongjmp(escape, 1);
}

static void print(const char *what, const uint64_t *v, int n)
{
    printf("%s:", what);
    for (int i = 0; i < n; i++)
        printf(" %llx", (unsigned long long)v[i]);
    printf("\n");
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
    for (int i = 0; i < PAGE; i++)
        p[i] = (uint8_t)(i * 37 + 0x80);
    uint64_t out[9], sum[9] = { 0 };
    for (int i = 0; i < 300; i++) {   /* hot, at offsets 0..299 */
        gather8(p + i, out);
        for (int k = 0; k < 7; k++)
            sum[k] = sum[k] * 31 + out[k];
    }
    print("gather8", out, 7);
    print("gather8 sums", sum, 7);
    memset(sum, 0, sizeof sum);
    for (int i = 0; i < 300; i++) {
        gather2x4(p + i, p + 1000 + 3 * i, out);
        for (int k = 0; k < 9; k++)
            sum[k] = sum[k] * 31 + out[k];
    }
    print("gather2x4", out, 9);
    print("gather2x4 sums", sum, 9);
    memset(sum, 0, sizeof sum);
    for (int i = 0; i < 300; i++) {
        pieces(p + 2 * i, out);
        for (int k = 0; k < 4; k++)
            sum[k] = sum[k] * 31 + out[k];
    }
    print("pieces", out, 4);
    print("pieces sums", sum, 4);
    memset(sum, 0, sizeof sum);
    for (int i = 0; i < 300; i++) {
        far(p + i, out);
        for (int k = 0; k < 2; k++)
            sum[k] = sum[k] * 31 + out[k];
    }
    print("far", out, 2);
    print("far sums", sum, 2);
    pieces(p + PAGE - 3, out);   /* its bytes fit; a 4-byte host load would not */
    print("pieces at the end", out, 4);
    if (sigsetjmp(escape, 1) == 0) {
        gather8(p + PAGE - 4, out);
        printf("gather8 across the end: not raised\n");
    } else {
        printf("gather8 across the end: pc %+ld addr %+ld t1 %lx a7 %lx t0 %lx t5 %lx\n",
               (long)(fault_pc - (uintptr_t)gather8_fault_at), (long)(fault_addr - (uintptr_t)p),
               (unsigned long)regs[6], (unsigned long)regs[17], (unsigned long)regs[5],
               (unsigned long)regs[30]);
    }
    return 0;
}
