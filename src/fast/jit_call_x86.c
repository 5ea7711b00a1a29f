/* Translated instructions that call a C helper (fast/jit_helpers.h): integer operations without
 * inline code (division, remainder, mulhsu, bit manipulation) and floating-point arithmetic,
 * comparisons, conversions and moves.  A call costs far less than handing the rest of the block
 * to the interpreter, and the helper is the interpreter's own semantics, so results, fflags and
 * rounding are exact by construction (the host FPU serves the common arithmetic only where
 * its result is provably the same: jit_fp_host.h).
 *
 * Around the call, the host registers the System V ABI lets the callee clobber and that hold
 * something live (guest registers in rdi, rsi, r9, r10, r11, or a self loop's count in rsi) are
 * pushed and popped, with the stack kept 16-byte aligned (translated code runs with rsp = 8 mod
 * 16: see jit_runtime_x86.c).  The helper's results come back in rax (and rdx), which are
 * scratch. */
#if defined(__x86_64__)

#include "fast/jit_helpers.h"
#include "fast/jit_ops_x86.h"
#include "isa/insn.h"

static const int clobbered_cache_regs[] = { RDI, RSI, R9, R10, R11 };

/* Pushes what the call may clobber; returns the number of stack slots taken. */
static unsigned call_begin(struct jit_tr *t, int saved[5], unsigned *nsaved)
{
    *nsaved = 0;
    for (unsigned i = 0; i < sizeof clobbered_cache_regs / sizeof clobbered_cache_regs[0]; i++) {
        bool live = clobbered_cache_regs[i] == RSI && t->self_loop;
        for (unsigned r = 1; r < 32 && !live; r++)
            live = t->host[r] == clobbered_cache_regs[i];
        if (live)
            saved[(*nsaved)++] = clobbered_cache_regs[i];
    }
    for (unsigned i = 0; i < *nsaved; i++)
        x_push(&t->b, saved[i]);
    bool pad = (*nsaved & 1) == 0;   /* rsp = 8 mod 16 before: an odd count of slots aligns it */
    if (pad)
        x_alu_ri(&t->b, X_W, ALU_SUB, RSP, 8);
    return *nsaved + pad;
}

static void call_end(struct jit_tr *t, const int saved[5], unsigned nsaved, unsigned slots)
{
    if (slots > nsaved)
        x_alu_ri(&t->b, X_W, ALU_ADD, RSP, 8);
    for (unsigned i = nsaved; i-- > 0;)
        x_pop(&t->b, saved[i]);
}

static void call(struct xbuf *b, const void *fn)
{
    x_mov_ri64(b, RAX, (uint64_t)(uintptr_t)fn);
    x_rr(b, 0, 0xff, 2, RAX);   /* call rax */
}

static void mov_rr(struct xbuf *b, int to, int from)
{
    if (to != from)
        x_rr(b, X_W, 0x8b, to, from);
}

/* rd = jit_int_op(op, x[rs1], x[rs2] or imm). */
static void emit_int_call(struct jit_tr *t, const struct fast_insn *in)
{
    struct xbuf *b = &t->b;
    int saved[5];
    unsigned nsaved, slots = call_begin(t, saved, &nsaved);
    /* Arguments into rdx, then rsi, then rdi: a source may be in rsi or rdi (never in rdx). */
    if (op_class(in->op) == CLASS_R)
        mov_rr(b, RDX, jit_get_x(t, in->rs2, RCX));
    else
        x_mov_ri64(b, RDX, (uint64_t)in->imm);
    mov_rr(b, RSI, jit_get_x(t, in->rs1, RAX));
    x_mov_ri64(b, RDI, in->op);
    call(b, (const void *)jit_int_op);
    call_end(t, saved, nsaved, slots);
    jit_set_x(t, in->rd, RAX);
}

/* A floating-point helper; on a reserved rounding mode (ok = 0 in rdx) the interpreter takes
 * over at this instruction, before anything was written.  The helpers may load MXCSR (the host
 * FPU's own arithmetic does), so the flags the block's inline arithmetic collected there are
 * kept on the stack across the call. */
void jit_emit_fp_call(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    struct xbuf *b = &t->b;
    enum op_class c = op_class(in->op);
    int saved[5];
    unsigned nsaved, slots = call_begin(t, saved, &nsaved);
    x_alu_ri(b, X_W, ALU_SUB, RSP, 16);            /* keeps the alignment */
    x_mem(b, 0, 0x0fae, 3, RSP, NO_REG, 0);         /* stmxcsr [rsp] */
    const void *fn;
    if (c == CLASS_X2F) {
        mov_rr(b, RDX, jit_get_x(t, in->rs1, RAX));
        fn = (const void *)jit_fp_from_x;
    } else if (c == CLASS_FCMP || c == CLASS_F2X) {
        fn = (const void *)jit_fp_to_x;
    } else {
        fn = (const void *)jit_fp_to_f;
    }
    x_mov_ri64(b, RSI, (uint64_t)(uintptr_t)in);   /* the block outlives its translation */
    mov_rr(b, RDI, RBX);
    call(b, fn);
    x_mem(b, 0, 0x0fae, 2, RSP, NO_REG, 0);         /* ldmxcsr [rsp] */
    x_alu_ri(b, X_W, ALU_ADD, RSP, 16);
    call_end(t, saved, nsaved, slots);
    x_rr(b, 0, 0x85, RDX, RDX);   /* test edx, edx */
    jit_fault_jcc(t, CC_E, k);
    if (c == CLASS_FCMP || c == CLASS_F2X)
        jit_set_x(t, in->rd, RAX);
}

bool jit_emit_call(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    switch (op_class(in->op)) {
    case CLASS_R: case CLASS_R1: case CLASS_I:
        emit_int_call(t, in);
        return true;
    case CLASS_F3: case CLASS_F4: case CLASS_F1: case CLASS_FCMP: case CLASS_F2X: case CLASS_X2F:
        jit_emit_fp_call(t, in, k);
        return true;
    default:
        return false;
    }
}

#endif
