/* Double-precision floating point in inline SSE: add, sub, mul, div and sqrt in round to
 * nearest even, the three comparisons, conversions from integers, and the bit moves.  A helper
 * call per instruction (jit_call_x86.c) costs tens of cycles in the call and in loading MXCSR;
 * these cost one or two host instructions and a range check.
 *
 * Exactness rests on three facts.  First, with every exception masked and no flush-to-zero
 * (JIT_MXCSR_IEEE, loaded on entry to translated code), SSE computes the IEEE-754 result, and
 * RISC-V's result is the same number wherever it is a normal number, infinity aside: the two
 * differ only in NaN payloads (RISC-V returns the canonical NaN) and possibly in when a tiny
 * result counts as underflow.  So the inline code keeps a result only when its magnitude is a
 * normal number clearly above the smallest one; zeros, subnormals, infinities and NaNs go to the
 * helper, which decides them as the interpreter does.  Second, the exceptions the kept results
 * raise (inexact, overflow never, invalid never, divide-by-zero never) are the same in both
 * architectures, and fflags is sticky as MXCSR's flags are: so they stay in MXCSR and are folded
 * into fflags when translated code is left (jit_run), before anything can read fflags (a CSR
 * instruction always runs in the interpreter).  Third, the comparisons raise invalid exactly as
 * RISC-V does: comisd for every NaN (flt, fle), ucomisd for signalling ones only (feq), and
 * their results never round. */
#if defined(__x86_64__)

#include "fast/jit_ops_x86.h"
#include "isa/insn.h"

enum { XMM0 = 0 };

/* The SSE operation of an arithmetic op, or 0. */
static uint32_t arith_opcode(enum op op)
{
    switch (op) {
    case OP_FADD_D: return 0x0f58;
    case OP_FMUL_D: return 0x0f59;
    case OP_FSUB_D: return 0x0f5c;
    case OP_FDIV_D: return 0x0f5e;
    case OP_FSQRT_D: return 0x0f51;
    default: return 0;
    }
}

/* The cold-path record of in, opened by its first jump there. */
static struct jit_fp_slow *slow_path(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    if (t->nfp_slow && t->fp_slow[t->nfp_slow - 1].in == in)
        return &t->fp_slow[t->nfp_slow - 1];
    if (t->nfp_slow == BLOCK_MAX_INSNS) {   /* one record per instruction: cannot happen */
        t->b.overflow = true;
        return &t->fp_slow[0];
    }
    t->fp_slow[t->nfp_slow] = (struct jit_fp_slow){ .in = in, .k = k };
    return &t->fp_slow[t->nfp_slow++];
}

/* The rounding mode must be round to nearest even: statically, or frm when dynamic (frm only
 * changes through a CSR instruction, but checking it costs one compare). */
static bool rounds_to_nearest(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    if (in->rm == RM_RNE)
        return true;
    if (in->rm != RM_DYN)
        return false;
    x_mem(&t->b, 0, 0x83, ALU_CMP, RBX, NO_REG, (int32_t)offsetof(struct hart, frm));
    x_byte(&t->b, 0);                                   /* cmp dword [rbx + frm], 0 */
    slow_path(t, in, k)->to_call = x_jcc(&t->b, CC_NE, t->b.p);
    return true;
}

static void end_normal_result(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    struct xbuf *b = &t->b;
    x_rr(b, X_16 | X_W, 0x0f7e, XMM0, RAX);             /* movq rax, xmm0 */
    /* ecx = bits 62..31 (exponent and high fraction): keep 0x200000 < ecx < 0xffe00000, a
     * finite normal number above the smallest normal's neighbourhood. */
    x_mem(b, X_W, 0x8d, RCX, RAX, RAX, 0);              /* lea rcx, [rax + rax] */
    x_shift_ri(b, X_W, SH_SHR, RCX, 32);
    x_alu_ri(b, 0, ALU_SUB, RCX, 0x200001);
    x_alu_ri(b, 0, ALU_CMP, RCX, (int32_t)0xffbffffeu);
    struct jit_fp_slow *s = slow_path(t, in, k);
    s->to_zero = x_jcc(b, CC_A, b->p);
    x_mem(b, X_W, 0x89, RAX, RBX, NO_REG, GF(in->rd));  /* mov [rbx + f], rax */
    s->back = b->p;
}

static bool emit_arith(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    uint32_t opc = arith_opcode(in->op);
    if (!opc || !rounds_to_nearest(t, in, k))
        return false;
    struct xbuf *b = &t->b;
    if (in->op == OP_FSQRT_D) {
        x_mem(b, X_F2, opc, XMM0, RBX, NO_REG, GF(in->rs1));         /* sqrtsd xmm0, [f1] */
    } else {
        x_mem(b, X_F2, 0x0f10, XMM0, RBX, NO_REG, GF(in->rs1));      /* movsd xmm0, [f1] */
        x_mem(b, X_F2, opc, XMM0, RBX, NO_REG, GF(in->rs2));         /* op xmm0, [f2] */
    }
    end_normal_result(t, in, k);
    return true;
}

static bool emit_compare(struct jit_tr *t, const struct fast_insn *in)
{
    struct xbuf *b = &t->b;
    switch (in->op) {
    case OP_FLT_D: case OP_FLE_D:   /* b > a, b >= a: both false when unordered */
        x_mem(b, X_F2, 0x0f10, XMM0, RBX, NO_REG, GF(in->rs2));
        x_mem(b, X_16, 0x0f2f, XMM0, RBX, NO_REG, GF(in->rs1));      /* comisd */
        x_rr(b, X_BYTE, 0x0f90u + (in->op == OP_FLT_D ? CC_A : CC_AE), 0, RAX);
        break;
    case OP_FEQ_D:                  /* equal and ordered */
        x_mem(b, X_F2, 0x0f10, XMM0, RBX, NO_REG, GF(in->rs1));
        x_mem(b, X_16, 0x0f2e, XMM0, RBX, NO_REG, GF(in->rs2));      /* ucomisd */
        x_rr(b, X_BYTE, 0x0f90u + CC_E, 0, RAX);
        x_rr(b, X_BYTE, 0x0f90u + CC_NP, 0, RCX);
        x_rr(b, X_BYTE, 0x22, RAX, RCX);                             /* and al, cl */
        break;
    default:
        return false;
    }
    x_rr(b, X_BYTE, 0x0fb6, RAX, RAX);                               /* movzx eax, al */
    jit_set_x(t, in->rd, RAX);
    return true;
}

/* fcvt.d.w, fcvt.d.wu (exact) and fcvt.d.l (rounds: nearest even only); fmv.d.x, fmv.x.d. */
static bool emit_convert(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    struct xbuf *b = &t->b;
    switch (in->op) {
    case OP_FMV_X_D: {
        int d = in->rd < 32 && t->host[in->rd] >= 0 ? t->host[in->rd] : RAX;
        x_mem(b, X_W, 0x8b, d, RBX, NO_REG, GF(in->rs1));
        if (d == RAX)
            jit_set_x(t, in->rd, RAX);
        return true;
    }
    case OP_FMV_D_X:
        x_mem(b, X_W, 0x89, jit_get_x(t, in->rs1, RAX), RBX, NO_REG, GF(in->rd));
        return true;
    case OP_FCVT_D_W: case OP_FCVT_D_WU: case OP_FCVT_D_L:
        break;
    default:
        return false;
    }
    /* The rounding mode must be valid even where nothing rounds; nearest even is the mode
     * compilers leave, so the others go to the helper. */
    if (!rounds_to_nearest(t, in, k))
        return false;
    int v = jit_get_x(t, in->rs1, RAX);
    if (in->op == OP_FCVT_D_WU) {
        x_rr(b, 0, 0x8b, RAX, v);                                    /* mov eax: zero-extends */
        x_rr(b, X_F2 | X_W, 0x0f2a, XMM0, RAX);                      /* cvtsi2sd xmm0, rax */
    } else {
        x_rr(b, X_F2 | (in->op == OP_FCVT_D_L ? X_W : 0), 0x0f2a, XMM0, v);
    }
    x_mem(b, X_16, 0x0fd6, XMM0, RBX, NO_REG, GF(in->rd));           /* movq [rbx + f], xmm0 */
    if (t->nfp_slow && t->fp_slow[t->nfp_slow - 1].in == in)
        t->fp_slow[t->nfp_slow - 1].back = b->p;   /* after the rounding-mode check */
    return true;
}

bool jit_emit_fp_inline(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    return emit_arith(t, in, k) || emit_compare(t, in) || emit_convert(t, in, k);
}

/* rax = a result outside the normal range: keep it if it is a zero that cannot have
 * underflowed, the common case there (a sum of opposites, a product with a zero operand),
 * which the host gives exactly and with no flag; else fall through. */
static void emit_exact_zero(struct xbuf *b, const struct fast_insn *in, uint8_t *keep[2])
{
    x_mem(b, X_W, 0x8d, RCX, RAX, RAX, 0);              /* lea rcx, [rax + rax]: drop the sign */
    x_rr(b, X_W, 0x85, RCX, RCX);
    uint8_t *not_zero = x_jcc(b, CC_NE, b->p);
    if (in->op == OP_FADD_D || in->op == OP_FSUB_D) {
        keep[0] = x_jmp(b, b->p);
    } else if (in->op == OP_FMUL_D) {
        for (unsigned i = 0; i < 2; i++) {
            x_mem(b, X_W, 0x8b, RCX, RBX, NO_REG, GF(i ? in->rs2 : in->rs1));
            x_mem(b, X_W, 0x8d, RCX, RCX, RCX, 0);
            x_rr(b, X_W, 0x85, RCX, RCX);
            keep[i] = x_jcc(b, CC_E, b->p);
        }
    }
    if (!b->overflow)
        x_patch_rel32(not_zero, b->p);
}

void jit_emit_fp_stubs(struct jit_tr *t)
{
    struct xbuf *b = &t->b;
    for (unsigned i = 0; i < t->nfp_slow; i++) {
        const struct jit_fp_slow *s = &t->fp_slow[i];
        uint8_t *keep[2] = { NULL, NULL };
        if (s->to_zero) {
            if (!b->overflow)
                x_patch_rel32(s->to_zero, b->p);
            emit_exact_zero(b, s->in, keep);
        }
        if (s->to_call && !b->overflow)
            x_patch_rel32(s->to_call, b->p);
        jit_emit_fp_call(t, s->in, s->k);
        x_jmp(b, s->back);
        if (!keep[0])
            continue;
        for (unsigned n = 0; n < 2; n++)
            if (keep[n] && !b->overflow)
                x_patch_rel32(keep[n], b->p);
        x_mem(b, X_W, 0x89, RAX, RBX, NO_REG, GF(s->in->rd));
        x_jmp(b, s->back);
    }
}

#endif
