/* Reference side of the FPU differential test (a RISC-V Linux program, run under qemu-riscv64).
 * Reads struct fpu_diff_case records from stdin, executes each one's instruction for real with
 * frm set to its rounding mode (the instruction uses DYN, or no rounding mode), and writes
 * struct fpu_diff_result records to stdout. */
#include <stdint.h>
#include <unistd.h>

#include "fpu_diff.h"
#include "isa/insn.h"

typedef uint64_t (*oracle_fn)(uint64_t a, uint64_t b, uint64_t c);

/* Operands go through fmv.d.x so singles arrive exactly as given (boxed or not); f results come
 * back through fmv.x.d, so boxing is checked too. */
#define LOAD "fmv.d.x ft0, %1\n fmv.d.x ft1, %2\n fmv.d.x ft2, %3\n"
#define ORACLE(name, text, result)                                                               \
    static uint64_t oracle_##name(uint64_t a, uint64_t b, uint64_t c)                            \
    {                                                                                            \
        uint64_t r;                                                                              \
        __asm__ volatile(LOAD text result : "=r"(r) : "r"(a), "r"(b), "r"(c) : "ft0", "ft1", "ft2", "ft3"); \
        return r;                                                                                \
    }
#define TO_F "\n fmv.x.d %0, ft3"
#define ORACLE_F3(n, m) ORACLE(n, m " ft3, ft0, ft1", TO_F)
#define ORACLE_F4(n, m) ORACLE(n, m " ft3, ft0, ft1, ft2", TO_F)
#define ORACLE_F1(n, m) ORACLE(n, m " ft3, ft0", TO_F)
#define ORACLE_FCMP(n, m) ORACLE(n, m " %0, ft0, ft1", "")
#define ORACLE_F2X(n, m) ORACLE(n, m " %0, ft0", "")
#define ORACLE_X2F(n, m) ORACLE(n, m " ft3, %1", TO_F)
#define ORACLE_NONE(n, m)
#define ORACLE_R ORACLE_NONE
#define ORACLE_R1 ORACLE_NONE
#define ORACLE_I ORACLE_NONE
#define ORACLE_U ORACLE_NONE
#define ORACLE_J ORACLE_NONE
#define ORACLE_JR ORACLE_NONE
#define ORACLE_B ORACLE_NONE
#define ORACLE_LD ORACLE_NONE
#define ORACLE_ST ORACLE_NONE
#define ORACLE_FLD ORACLE_NONE
#define ORACLE_FST ORACLE_NONE
#define ORACLE_CSR ORACLE_NONE
#define ORACLE_CSRI ORACLE_NONE
#define ORACLE_AMO ORACLE_NONE
#define ORACLE_LR ORACLE_NONE
#define ORACLE_SC ORACLE_NONE
#define ORACLE_SYS ORACLE_NONE
#define ORACLE_VMA ORACLE_NONE
#define OP(name, mnemonic, class) ORACLE_##class(name, mnemonic)
#include "isa/ops.def"
#undef OP

/* The table holds only the FP classes: the others expand to nothing. */
#define ENTRY(n, m) [OP_##n] = oracle_##n,
#define TABLE_F3 ENTRY
#define TABLE_F4 ENTRY
#define TABLE_F1 ENTRY
#define TABLE_FCMP ENTRY
#define TABLE_F2X ENTRY
#define TABLE_X2F ENTRY
#define TABLE_R ORACLE_NONE
#define TABLE_R1 ORACLE_NONE
#define TABLE_I ORACLE_NONE
#define TABLE_U ORACLE_NONE
#define TABLE_J ORACLE_NONE
#define TABLE_JR ORACLE_NONE
#define TABLE_B ORACLE_NONE
#define TABLE_LD ORACLE_NONE
#define TABLE_ST ORACLE_NONE
#define TABLE_FLD ORACLE_NONE
#define TABLE_FST ORACLE_NONE
#define TABLE_CSR ORACLE_NONE
#define TABLE_CSRI ORACLE_NONE
#define TABLE_AMO ORACLE_NONE
#define TABLE_LR ORACLE_NONE
#define TABLE_SC ORACLE_NONE
#define TABLE_SYS ORACLE_NONE
#define TABLE_VMA ORACLE_NONE
static const oracle_fn oracles[OP_COUNT] = {
#define OP(name, mnemonic, class) TABLE_##class(name, mnemonic)
#include "isa/ops.def"
#undef OP
};

static struct fpu_diff_case in[1024];
static struct fpu_diff_result out[1024];

static size_t read_full(void *buf, size_t size)
{
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(0, (char *)buf + got, size - got);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    return got;
}

int main(void)
{
    for (;;) {
        size_t n = read_full(in, sizeof in) / sizeof in[0];
        if (n == 0)
            return 0;
        for (size_t i = 0; i < n; i++) {
            if (in[i].op >= OP_COUNT || !oracles[in[i].op] || in[i].frm > 4)
                return 2;
            uint64_t flags;
            __asm__ volatile("csrw frm, %0\n csrw fflags, zero" : : "r"((uint64_t)in[i].frm));
            out[i].result = oracles[in[i].op](in[i].a, in[i].b, in[i].c);
            __asm__ volatile("csrr %0, fflags" : "=r"(flags));
            out[i].flags = flags;
        }
        for (size_t done = 0, size = n * sizeof out[0]; done < size;) {
            ssize_t w = write(1, (char *)out + done, size - done);
            if (w <= 0)
                return 1;
            done += (size_t)w;
        }
    }
}
