/* Run-time generated code: encodes RISC-V instructions into memory, executes them, rewrites
 * them in place and executes again.  Two routes: an RWX mapping synchronised with an explicit
 * fence.i, and an RW mapping flipped to RX with mprotect and synchronised with
 * __builtin___clear_cache (which glibc implements with the riscv_flush_icache system call);
 * and code moved with mremap. */
#define _GNU_SOURCE   /* mremap */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

enum { ZERO = 0, RA = 1, SP = 2, T0 = 5, T1 = 6, A0 = 10, A1 = 11 };

static uint32_t itype(int imm, unsigned rs1, unsigned f3, unsigned rd, unsigned opcode)
{
    return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opcode;
}

static uint32_t rtype(unsigned f7, unsigned rs2, unsigned rs1, unsigned f3, unsigned rd)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | 0x33;
}

static uint32_t btype(int off, unsigned rs2, unsigned rs1, unsigned f3)
{
    uint32_t o = (uint32_t)off;
    return ((o >> 12) & 1) << 31 | ((o >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
           ((o >> 1) & 0xf) << 8 | ((o >> 11) & 1) << 7 | 0x63;
}

static uint32_t jtype(int off, unsigned rd)
{
    uint32_t o = (uint32_t)off;
    return ((o >> 20) & 1) << 31 | ((o >> 1) & 0x3ff) << 21 | ((o >> 11) & 1) << 20 |
           ((o >> 12) & 0xff) << 12 | rd << 7 | 0x6f;
}

static uint32_t addi(unsigned rd, unsigned rs1, int imm) { return itype(imm, rs1, 0, rd, 0x13); }
static uint32_t add(unsigned rd, unsigned rs1, unsigned rs2) { return rtype(0, rs2, rs1, 0, rd); }
static uint32_t mul(unsigned rd, unsigned rs1, unsigned rs2) { return rtype(1, rs2, rs1, 0, rd); }
static uint32_t ld(unsigned rd, unsigned rs1, int off) { return itype(off, rs1, 3, rd, 0x03); }
static uint32_t sd(unsigned rs2, unsigned rs1, int off)
{
    uint32_t o = (uint32_t)off;
    return ((o >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | 3u << 12 | (o & 0x1f) << 7 | 0x23;
}
static uint32_t ret(void) { return itype(0, RA, 0, ZERO, 0x67); } /* jalr x0, 0(ra) */

typedef long (*fn1)(long);
typedef long (*fn2)(long, long);

/* addi a0, a0, n; ret */
static size_t emit_add_const(uint32_t *code, int n)
{
    code[0] = addi(A0, A0, n);
    code[1] = ret();
    return 2;
}

/* t0 = 0; while (a0 != 0) { t0 += a0 OP a1; a0 -= 1; } return t0 — a backward branch loop */
static size_t emit_loop(uint32_t *code, int use_mul)
{
    size_t i = 0;
    code[i++] = addi(T0, ZERO, 0);
    code[i++] = btype(5 * 4, ZERO, A0, 0); /* beq a0, zero, done */
    code[i++] = use_mul ? mul(T1, A0, A1) : add(T1, A0, A1);
    code[i++] = add(T0, T0, T1);
    code[i++] = addi(A0, A0, -1);
    code[i++] = jtype(-4 * 4, ZERO); /* j back to the beq */
    code[i++] = addi(A0, T0, 0);     /* done: */
    code[i++] = ret();
    return i;
}

static void rwx_route(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) {
        puts("RWX mmap failed");
        return;
    }
    static const int consts[] = {1, -1, 100, 2047, -2048, 0};
    for (size_t k = 0; k < sizeof consts / sizeof consts[0]; k++) {
        emit_add_const(code, consts[k]);
        __asm__ volatile("fence.i" ::: "memory");
        printf("rwx: addi %d: f(1000) = %ld\n", consts[k], ((fn1)(void *)code)(1000));
    }
    /* Same address, different length and shape of code. */
    emit_loop(code, 0);
    __asm__ volatile("fence.i" ::: "memory");
    printf("rwx: loop add: f(10, 3) = %ld\n", ((fn2)(void *)code)(10, 3));
    code[2] = mul(T1, A0, A1); /* patch one instruction in place */
    __asm__ volatile("fence.i" ::: "memory");
    printf("rwx: loop mul: f(10, 3) = %ld\n", ((fn2)(void *)code)(10, 3));
    munmap(code, 4096);
}

static void mprotect_route(void)
{
    uint32_t *code = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) {
        puts("RW mmap failed");
        return;
    }
    /* Code in the second page too, reached through a call from the first. */
    uint32_t *far = code + 1024;
    emit_loop(far, 1);
    code[0] = addi(SP, SP, -16);
    code[1] = sd(RA, SP, 8);
    code[2] = jtype((int)((far - (code + 2)) * 4), RA); /* jal ra, far */
    code[3] = addi(A0, A0, 1);
    code[4] = ld(RA, SP, 8);
    code[5] = addi(SP, SP, 16);
    code[6] = ret();
    if (mprotect(code, 8192, PROT_READ | PROT_EXEC) != 0) {
        puts("mprotect RX failed");
        return;
    }
    __builtin___clear_cache((char *)code, (char *)(code + 2048));
    printf("rx: call across pages: f(6, 7) = %ld\n", ((fn2)(void *)code)(6, 7));

    /* Back to writable, rewrite the callee, and execute again. */
    mprotect(code, 8192, PROT_READ | PROT_WRITE);
    emit_loop(far, 0);
    mprotect(code, 8192, PROT_READ | PROT_EXEC);
    __builtin___clear_cache((char *)far, (char *)(far + 16));
    printf("rx: rewritten callee: f(6, 7) = %ld\n", ((fn2)(void *)code)(6, 7));
    munmap(code, 8192);
}

static void many_functions(void)
{
    /* Fill a page with many tiny functions, run each, rewrite all, run each again. */
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED)
        return;
    long total = 0;
    for (int pass = 0; pass < 3; pass++) {
        for (int f = 0; f < 200; f++)
            emit_add_const(code + 2 * f, f * (pass + 1) - 300);
        __builtin___clear_cache((char *)code, (char *)(code + 400));
        for (int f = 0; f < 200; f++)
            total += ((fn1)(void *)(code + 2 * f))(f);
        printf("many functions pass %d: running total %ld\n", pass, total);
    }
    munmap(code, 4096);
}

/* Code moved with mremap runs at its new address, and new code mapped where it was runs too,
 * not what was cached for that address before the move. */
static void moved_code(void)
{
    uint32_t *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    uint32_t *dest = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED || dest == MAP_FAILED)
        return;
    emit_add_const(code, 5);
    __builtin___clear_cache((char *)code, (char *)(code + 2));
    long total = 0;
    for (int i = 0; i < 100; i++)
        total += ((fn1)(void *)code)(i);
    uint32_t *moved = mremap(code, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, dest);
    if (moved == MAP_FAILED)
        return;
    for (int i = 0; i < 100; i++)
        total += ((fn1)(void *)moved)(i);
    uint32_t *again = mmap(code, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (again == MAP_FAILED)
        return;
    emit_add_const(again, 9);
    __builtin___clear_cache((char *)again, (char *)(again + 2));
    long fresh = 0;
    for (int i = 0; i < 100; i++)
        fresh += ((fn1)(void *)again)(i) - ((fn1)(void *)moved)(i);
    printf("moved code: total %ld, new code at the old address adds %ld more\n", total, fresh / 100);
    munmap(again, 4096);
    munmap(moved, 4096);
}

int main(void)
{
    rwx_route();
    mprotect_route();
    many_functions();
    moved_code();
    return 0;
}
