/* x86-64 code for straight-line RISC-V instructions: integer computation, loads and stores.
 *
 * Guest registers live in struct hart (rbx); the pinned ones live in host registers across all
 * translated code, and the others a block uses most live in host registers for the whole block,
 * loaded at its entry and stored back on every way out of it (see jit_ops_x86.h).  rax, rcx,
 * rdx and r8 are scratch.  Writes to x0 were already retargeted to
 * the sink x[32] by block formation and are dropped here.
 * Anything not handled returns false and stays with the interpreter, which is what makes newly
 * added ops work without the translator knowing them. */
#if defined(__x86_64__)

#include "fast/jit_ops_x86.h"
#include "isa/insn.h"

#include <string.h>

static void store_reg(struct xbuf *b, int reg, int32_t disp)
{
    x_mem(b, X_W, 0x89, reg, RBX, NO_REG, disp);
}

static void mov_rr(struct xbuf *b, int to, int from)
{
    if (to != from)
        x_rr(b, X_W, 0x8b, to, from);
}

/* [rbx + disp] = v, through `scratch` when v does not fit a sign-extended imm32. */
static void jit_store_const(struct xbuf *b, int32_t disp, uint64_t v, int scratch)
{
    if (fits_i32((int64_t)v)) {
        x_mem(b, X_W, 0xc7, 0, RBX, NO_REG, disp);
        x_u32(b, (uint32_t)v);
    } else {
        x_mov_ri64(b, scratch, v);
        store_reg(b, scratch, disp);
    }
}

/* Callee-saved host registers for the two hottest, so helper calls need not save them. */
static const struct { uint8_t guest; uint8_t host; } pinned[JIT_PINNED] = {
    { 15, RBP }, { 14, R15 }, { 2, R11 }, { 10, R10 },
};
static const int block_regs[JIT_BLOCK_REGS] = { RDI, R9, RSI };

/* The host register x[r] is pinned to, or -1. */
static int pinned_host(unsigned r)
{
    for (unsigned i = 0; i < JIT_PINNED; i++)
        if (pinned[i].guest == r)
            return pinned[i].host;
    return -1;
}

void jit_pinned_load(struct xbuf *b)
{
    for (unsigned i = 0; i < JIT_PINNED; i++)
        x_mem(b, X_W, 0x8b, pinned[i].host, RBX, NO_REG, GX(pinned[i].guest));
}

void jit_pinned_store(struct xbuf *b)
{
    for (unsigned i = 0; i < JIT_PINNED; i++)
        store_reg(b, pinned[i].host, GX(pinned[i].guest));
}

void jit_set_x_const_on_exit(struct jit_tr *t, unsigned r, uint64_t v)
{
    if (r == 0 || r == 32)
        return;
    if (pinned_host(r) >= 0)
        x_mov_ri64(&t->b, pinned_host(r), v);
    else
        jit_store_const(&t->b, GX(r), v, RCX);   /* a block register is dead after jit_writeback */
}

static void count_use(unsigned *uses, unsigned r, unsigned weight)
{
    if (r > 0 && r < 32)
        uses[r] += weight;
}

void jit_cache_plan(struct jit_tr *t, const struct fast_insn *insns, uint32_t n)
{
    unsigned uses[33] = { 0 };
    uint32_t rd_mask = 0;
    for (uint32_t k = 0; k < n; k++) {
        const struct fast_insn *in = &insns[k];
        enum op_class c = op_class(in->op);
        bool x_rs1 = c != CLASS_U && c != CLASS_J && c != CLASS_SYS && c != CLASS_F3 &&
                     c != CLASS_F4 && c != CLASS_F1 && c != CLASS_FCMP && c != CLASS_F2X &&
                     c != CLASS_CSRI;
        bool x_rs2 = c == CLASS_R || c == CLASS_B || c == CLASS_ST || c == CLASS_AMO || c == CLASS_SC;
        if (x_rs1)
            count_use(uses, in->rs1, 2);
        if (x_rs2)
            count_use(uses, in->rs2, 2);
        if (op_class_writes_x(c)) {
            count_use(uses, in->rd, 2);
            if (in->rd < 32)
                rd_mask |= 1u << in->rd;
        }
    }
    memset(t->host, -1, sizeof t->host);
    t->written = 0;
    t->borrowed = 0;
    /* The host registers this block may give its own guest registers: a self loop also borrows
     * those of pinned registers it does not use (spilled before the loop, reloaded on exit). */
    int avail[JIT_BLOCK_REGS + JIT_PINNED];
    unsigned navail = 0, borrower[JIT_BLOCK_REGS + JIT_PINNED];
    unsigned nblock = JIT_BLOCK_REGS - (t->self_loop ? 1 : 0);
    for (unsigned i = 0; i < nblock; i++)
        avail[navail++] = block_regs[i];
    for (unsigned i = 0; i < JIT_PINNED; i++) {
        if (t->self_loop && !uses[pinned[i].guest]) {
            borrower[navail] = i;
            avail[navail++] = pinned[i].host;
        } else {
            t->host[pinned[i].guest] = (int8_t)pinned[i].host;
        }
    }
    unsigned used = 0;
    for (; used < navail; used++) {
        unsigned best = 0;
        for (unsigned r = 1; r < 32; r++)
            if (t->host[r] < 0 && uses[r] > uses[best])
                best = r;
        /* Once used gains nothing over a memory operand, unless the block loops on itself. */
        if (uses[best] < (t->self_loop ? 1u : 3u))
            break;
        t->host[best] = (int8_t)avail[used];
        t->written |= rd_mask & (1u << best);
        if (used >= nblock)
            t->borrowed |= (uint8_t)(1u << borrower[used]);
    }
    for (unsigned i = used > nblock ? used : nblock; i < navail; i++)   /* not borrowed after all */
        t->host[pinned[borrower[i]].guest] = (int8_t)avail[i];
}

void jit_cache_preload(struct jit_tr *t)
{
    for (unsigned i = 0; i < JIT_PINNED; i++)
        if (t->borrowed >> i & 1)
            store_reg(&t->b, pinned[i].host, GX(pinned[i].guest));
    for (unsigned r = 1; r < 32; r++)
        if (t->host[r] >= 0 && pinned_host(r) < 0)
            x_mem(&t->b, X_W, 0x8b, t->host[r], RBX, NO_REG, GX(r));
}

void jit_writeback(struct jit_tr *t)
{
    for (unsigned r = 1; r < 32; r++)
        if (t->written >> r & 1)
            store_reg(&t->b, t->host[r], GX(r));
    for (unsigned i = 0; i < JIT_PINNED; i++)
        if (t->borrowed >> i & 1)
            x_mem(&t->b, X_W, 0x8b, pinned[i].host, RBX, NO_REG, GX(pinned[i].guest));
}

int jit_get_x(struct jit_tr *t, unsigned r, int scratch)
{
    struct xbuf *b = &t->b;
    if (r == 0) {
        x_rr(b, 0, 0x33, scratch, scratch);   /* xor: x0 reads zero */
        return scratch;
    }
    if (r < 32 && t->host[r] >= 0)
        return t->host[r];
    x_mem(b, X_W, 0x8b, scratch, RBX, NO_REG, GX(r));
    return scratch;
}

void jit_set_x(struct jit_tr *t, unsigned r, int src)
{
    if (r == 0 || r == 32)   /* the sink: a write to x0 */
        return;
    if (t->host[r] >= 0)
        mov_rr(&t->b, t->host[r], src);
    else
        store_reg(&t->b, src, GX(r));
}

/* rd = rs1 OP rs2 for ops that have a "reg, r/m" form: opcode, and whether it is 32-bit. */
static bool alu_rm_form(enum op op, uint32_t *opc, bool *word)
{
    *word = false;
    switch (op) {
    case OP_ADD: *opc = 0x03; return true;
    case OP_SUB: *opc = 0x2b; return true;
    case OP_XOR: *opc = 0x33; return true;
    case OP_OR: *opc = 0x0b; return true;
    case OP_AND: *opc = 0x23; return true;
    case OP_MUL: *opc = 0x0faf; return true;
    case OP_ADDW: *opc = 0x03; *word = true; return true;
    case OP_SUBW: *opc = 0x2b; *word = true; return true;
    case OP_MULW: *opc = 0x0faf; *word = true; return true;
    default: return false;
    }
}

/* An operation with x0 that copies its other operand: rd = x0 + rs, rs + x0, rs - x0, x0 | rs,
 * rs ^ x0, ... (the W forms then sign-extend it). */
static bool is_move(const struct fast_insn *in)
{
    switch (in->op) {
    case OP_ADD: case OP_OR: case OP_XOR: case OP_ADDW:
        return in->rs1 == 0 || in->rs2 == 0;
    case OP_SUB: case OP_SUBW:
        return in->rs2 == 0;
    default:
        return false;
    }
}

static bool commutes(enum op op)
{
    return op == OP_ADD || op == OP_XOR || op == OP_OR || op == OP_AND || op == OP_MUL ||
           op == OP_ADDW || op == OP_MULW;
}

/* Group-1 immediate forms: extension and whether it is 32-bit. */
static bool alu_imm_form(enum op op, int *ext, bool *word)
{
    *word = false;
    switch (op) {
    case OP_ADDI: *ext = ALU_ADD; return true;
    case OP_XORI: *ext = ALU_XOR; return true;
    case OP_ORI: *ext = ALU_OR; return true;
    case OP_ANDI: *ext = ALU_AND; return true;
    case OP_ADDIW: *ext = ALU_ADD; *word = true; return true;
    default: return false;
    }
}

static bool shift_form(enum op op, int *ext, bool *word, bool *imm)
{
    *word = op == OP_SLLW || op == OP_SRLW || op == OP_SRAW || op == OP_SLLIW || op == OP_SRLIW ||
            op == OP_SRAIW;
    *imm = op == OP_SLLI || op == OP_SRLI || op == OP_SRAI || op == OP_SLLIW || op == OP_SRLIW ||
           op == OP_SRAIW;
    switch (op) {
    case OP_SLL: case OP_SLLI: case OP_SLLW: case OP_SLLIW: *ext = SH_SHL; return true;
    case OP_SRL: case OP_SRLI: case OP_SRLW: case OP_SRLIW: *ext = SH_SHR; return true;
    case OP_SRA: case OP_SRAI: case OP_SRAW: case OP_SRAIW: *ext = SH_SAR; return true;
    default: return false;
    }
}

/* Where an instruction computes rd: its cache register, else rax (then stored). */
static int target_of(const struct jit_tr *t, unsigned rd)
{
    return rd < 32 && t->host[rd] >= 0 ? t->host[rd] : RAX;
}

static void finish(struct jit_tr *t, unsigned rd, int reg)
{
    if (reg == RAX)
        jit_set_x(t, rd, RAX);
}

/* Division and remainder with RISC-V's results where x86 would trap: by zero the quotient is
 * all ones and the remainder the dividend; dividing by -1 is negation (which wraps the most
 * negative value onto itself, RISC-V's overflow result) with remainder 0. */
static bool emit_divide(struct jit_tr *t, const struct fast_insn *in)
{
    bool word, is_signed, quotient;
    switch (in->op) {
    case OP_DIV: word = false, is_signed = true, quotient = true; break;
    case OP_DIVU: word = false, is_signed = false, quotient = true; break;
    case OP_REM: word = false, is_signed = true, quotient = false; break;
    case OP_REMU: word = false, is_signed = false, quotient = false; break;
    case OP_DIVW: word = true, is_signed = true, quotient = true; break;
    case OP_DIVUW: word = true, is_signed = false, quotient = true; break;
    case OP_REMW: word = true, is_signed = true, quotient = false; break;
    case OP_REMUW: word = true, is_signed = false, quotient = false; break;
    default: return false;
    }
    struct xbuf *b = &t->b;
    unsigned w = word ? 0 : X_W;
    mov_rr(b, RAX, jit_get_x(t, in->rs1, RAX));
    mov_rr(b, RCX, jit_get_x(t, in->rs2, RCX));
    x_rr(b, w, 0x85, RCX, RCX);                      /* test rcx, rcx */
    uint8_t *by_zero = x_jcc(b, CC_E, b->p);
    uint8_t *by_minus_one = NULL;
    if (is_signed) {
        x_alu_ri(b, w, ALU_CMP, RCX, -1);
        uint8_t *ordinary = x_jcc(b, CC_NE, b->p);
        if (quotient)
            x_rr(b, w, 0xf7, 3, RAX);                /* neg rax */
        else
            x_rr(b, 0, 0x33, RDX, RDX);              /* xor edx, edx */
        by_minus_one = x_jmp(b, b->p);
        if (!b->overflow)
            x_patch_rel32(ordinary, b->p);
        if (!word)
            x_byte(b, 0x48);
        x_byte(b, 0x99);                             /* cqo / cdq */
        x_rr(b, w, 0xf7, 7, RCX);                    /* idiv rcx */
    } else {
        x_rr(b, 0, 0x33, RDX, RDX);
        x_rr(b, w, 0xf7, 6, RCX);                    /* div rcx */
    }
    uint8_t *divided = x_jmp(b, b->p);
    if (!b->overflow)
        x_patch_rel32(by_zero, b->p);
    if (quotient)
        x_mov_ri64(b, RAX, UINT64_MAX);
    else
        mov_rr(b, RDX, RAX);
    if (!b->overflow) {
        x_patch_rel32(divided, b->p);
        if (by_minus_one)
            x_patch_rel32(by_minus_one, b->p);
    }
    int r = quotient ? RAX : RDX;
    if (word)
        x_rr(b, X_W, 0x63, r, r);                    /* movsxd: W results are sign-extended */
    jit_set_x(t, in->rd, r);
    return true;
}

static bool emit_compute(struct jit_tr *t, const struct fast_insn *in)
{
    struct xbuf *b = &t->b;
    uint32_t opc;
    int ext;
    bool word, imm;
    unsigned w;
    int d = target_of(t, in->rd);
    if (in->op == OP_LUI || in->op == OP_AUIPC) {
        /* auipc's imm is already pc-relative */
        x_mov_ri64(b, d, (uint64_t)in->imm);
        finish(t, in->rd, d);
        return true;
    }
    if (is_move(in)) {   /* mv, and the like: add rd, x0, rs and its kin */
        word = in->op == OP_ADDW || in->op == OP_SUBW;
        mov_rr(b, d, jit_get_x(t, in->rs1 ? in->rs1 : in->rs2, RAX));
    } else if (alu_rm_form(in->op, &opc, &word)) {
        w = word ? 0 : X_W;
        int a = jit_get_x(t, in->rs1, RAX);
        int v = jit_get_x(t, in->rs2, RCX);
        if (d == v && d != a) {
            if (commutes(in->op)) {   /* rd = rs1 op rd: rd op= rs1 */
                v = a;
                a = d;
            } else {
                d = RAX;   /* computing in place would overwrite the operand */
            }
        }
        mov_rr(b, d, a);
        x_rr(b, w, opc, d, v);
    } else if (in->op == OP_ANDI && in->imm == 0xff) {   /* zext.b */
        x_rr(b, X_BYTE, 0x0fb6, d, jit_get_x(t, in->rs1, RAX));   /* movzx d32, a8 */
    } else if (alu_imm_form(in->op, &ext, &word)) {
        w = word ? 0 : X_W;
        mov_rr(b, d, jit_get_x(t, in->rs1, RAX));
        if (in->imm || ext == ALU_AND)   /* sext.w (addiw rd, rs, 0) is the movsxd alone */
            x_alu_ri(b, w, ext, d, (int32_t)in->imm);
    } else if (shift_form(in->op, &ext, &word, &imm)) {
        w = word ? 0 : X_W;
        int a = jit_get_x(t, in->rs1, RAX);
        if (imm) {
            mov_rr(b, d, a);
            x_shift_ri(b, w, ext, d, (uint8_t)(in->imm & (word ? 31 : 63)));
        } else if (t->bmi2) {
            x_shiftx(b, w, ext, d, a, jit_get_x(t, in->rs2, RCX));
        } else {
            mov_rr(b, RCX, jit_get_x(t, in->rs2, RCX));
            mov_rr(b, d, a);
            x_rr(b, w, 0xd3, ext, d);   /* by cl: the host masks it like RISC-V */
        }
    } else if (in->op == OP_SLT || in->op == OP_SLTU || in->op == OP_SLTI || in->op == OP_SLTIU) {
        int a = jit_get_x(t, in->rs1, RAX);
        if (in->op == OP_SLT || in->op == OP_SLTU)
            x_rr(b, X_W, 0x3b, a, jit_get_x(t, in->rs2, RCX));
        else
            x_alu_ri(b, X_W, ALU_CMP, a, (int32_t)in->imm);
        bool is_signed = in->op == OP_SLT || in->op == OP_SLTI;
        x_rr(b, X_BYTE, 0x0f90u + (is_signed ? CC_L : CC_B), 0, RAX);   /* setcc al */
        x_rr(b, X_BYTE, 0x0fb6, RAX, RAX);                               /* movzx eax, al */
        jit_set_x(t, in->rd, RAX);
        return true;
    } else if (in->op == OP_MULH || in->op == OP_MULHU) {
        int a = jit_get_x(t, in->rs1, RAX);
        int v = jit_get_x(t, in->rs2, RCX);
        mov_rr(b, RAX, a);
        x_rr(b, X_W, 0xf7, in->op == OP_MULH ? 5 : 4, v);   /* rdx:rax = rax * v */
        jit_set_x(t, in->rd, RDX);
        return true;
    } else {
        return false;
    }
    if (word)
        x_rr(b, X_W, 0x63, d, d);   /* movsxd: W results are sign-extended */
    finish(t, in->rd, d);
    return true;
}

void jit_host_load(struct xbuf *b, enum op op, int to, int index, int32_t disp)
{
    static const struct { uint16_t op; uint8_t flags; uint32_t opc; } forms[] = {
        { OP_LB, X_W, 0x0fbe }, { OP_LH, X_W, 0x0fbf }, { OP_LW, X_W, 0x63 },
        { OP_LD, X_W, 0x8b },   { OP_LBU, 0, 0x0fb6 },  { OP_LHU, 0, 0x0fb7 },
        { OP_LWU, 0, 0x8b },    { OP_FLW, 0, 0x8b },    { OP_FLD, X_W, 0x8b },
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (forms[i].op == op)
            x_mem(b, forms[i].flags, forms[i].opc, to, R12, index, disp);   /* [host + index + disp] */
}

static unsigned access_size(enum op op)
{
    switch (op) {
    case OP_LB: case OP_LBU: case OP_SB: return 1;
    case OP_LH: case OP_LHU: case OP_SH: return 2;
    case OP_LW: case OP_LWU: case OP_SW: case OP_FLW: case OP_FSW: return 4;
    case OP_LD: case OP_SD: case OP_FLD: case OP_FSD: return 8;
    default: return 0;
    }
}

/* rax = the access's guest address, rs1 + imm. */
static void emit_address(struct jit_tr *t, const struct fast_insn *in)
{
    int base = jit_get_x(t, in->rs1, RAX);
    if (in->imm)
        x_mem(&t->b, X_W, 0x8d, RAX, base, NO_REG, (int32_t)in->imm);   /* lea rax, [base + imm] */
    else
        mov_rr(&t->b, RAX, base);
}

/* rax = guest address, rdx = its page number; falls back to the interpreter unless the access
 * is naturally aligned and below the address-space limit (the interpreter performs, or refuses,
 * misaligned ones itself; an aligned access never crosses a page, so one page byte then decides
 * its permission, as mem_access_ok does). */
static void emit_page_number(struct jit_tr *t, const struct fast_insn *in, uint32_t k, unsigned size)
{
    struct xbuf *b = &t->b;
    emit_address(t, in);
    x_mem(b, X_W, 0x85, RAX, RSP, NO_REG, JIT_ACCESS_MASK_SLOT(size));   /* test [rsp + mask], rax */
    jit_fault_jcc(t, CC_NE, k);
    x_rr(b, X_W, 0x8b, RDX, RAX);
    x_shift_ri(b, X_W, SH_SHR, RDX, GUEST_PAGE_SHIFT);
}

/* test byte [page + rdx], bits */
static void test_page_byte(struct xbuf *b, unsigned bits)
{
    x_mem(b, 0, 0xf6, 0, R13, RDX, 0);
    x_byte(b, (uint8_t)bits);
}

/* A store's page check: a page whose MEM_W_STORED is set takes the store as it is; any other
 * goes through a cold stub (jit_emit_store_stubs) that refuses it without MEM_W and otherwise
 * sets the page's stored bits, so they stay exactly mem_store's (incremental snapshots and
 * LightSSS read them) while the common store neither writes nor waits for the page byte. */
static void emit_store_check(struct jit_tr *t, uint32_t k)
{
    struct xbuf *b = &t->b;
    test_page_byte(b, MEM_W_STORED);
    uint8_t *field = x_jcc(b, CC_E, b->p);
    if (t->nstores < BLOCK_MAX_INSNS) {
        t->store_field[t->nstores] = field;
        t->store_back[t->nstores] = b->p;
        t->store_index[t->nstores++] = k;
    } else {
        b->overflow = true;   /* one store per instruction: cannot happen */
    }
}

void jit_emit_store_stubs(struct jit_tr *t)
{
    struct xbuf *b = &t->b;
    for (unsigned i = 0; i < t->nstores; i++) {
        if (!b->overflow)
            x_patch_rel32(t->store_field[i], b->p);
        test_page_byte(b, MEM_W);
        jit_fault_jcc(t, CC_E, t->store_index[i]);
        x_mem(b, 0, 0x80, ALU_OR, R13, RDX, 0);   /* or byte [page + rdx], stored bits */
        x_byte(b, MEM_STORED | MEM_W_STORED);
        x_jmp(b, t->store_back[i]);
    }
}

/* A load whose host faults resume the interpreter (jit_trap_x86.c): returns the host register
 * holding the base, x[rs1], for a load from [host + base + imm].  Only an address at or above
 * the address-space limit is refused inline, and only the base is compared with it, once per
 * block until the register is written: with the base below the limit, a 12-bit offset reaches
 * at most 2 KiB outside the guest space, into host pages kept inaccessible on either side
 * (mem_init), so such an access faults on the host like any unmapped page.  Misaligned loads
 * run on the host, which gives the interpreter's little-endian value.  The load must be the
 * next instruction emitted: it is recorded as the trapping site. */
int jit_guarded_base(struct jit_tr *t, unsigned rs1, uint32_t k)
{
    struct xbuf *b = &t->b;
    int base = jit_get_x(t, rs1, RAX);
    if (!(t->below_limit >> rs1 & 1)) {
        x_mem(b, X_W, 0x85, base, RSP, NO_REG, JIT_ACCESS_MASK_SLOT(1));   /* the limit only */
        jit_fault_jcc(t, CC_NE, k);
        t->below_limit |= 1u << rs1;
    }
    t->trap_site[t->ntraps] = b->p;
    t->trap_index[t->ntraps++] = k;
    return base;
}

static bool emit_memory(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    struct xbuf *b = &t->b;
    unsigned size = access_size(in->op);
    if (!size)
        return false;
    enum op_class cls = op_class(in->op);
    bool store = cls == CLASS_ST || cls == CLASS_FST;
    int index = RAX;
    int32_t disp = 0;
    if (!store && t->guarded) {
        index = jit_guarded_base(t, in->rs1, k);
        disp = (int32_t)in->imm;
    } else {
        emit_page_number(t, in, k, size);
        if (store) {
            emit_store_check(t, k);
        } else {
            test_page_byte(b, MEM_R);
            jit_fault_jcc(t, CC_E, k);
        }
    }
    if (!store) {
        int d = cls == CLASS_FLD ? R8 : target_of(t, in->rd);
        jit_host_load(b, in->op, d, index, disp);
        if (in->op == OP_FLW) {                    /* NaN-box the single */
            x_mov_ri64(b, RCX, 0xffffffff00000000ull);
            x_rr(b, X_W, 0x0b, R8, RCX);
        }
        if (cls == CLASS_FLD)
            store_reg(b, R8, GF(in->rd));
        else
            finish(t, in->rd, d);
        return true;
    }
    int v = R8;
    if (cls == CLASS_FST)
        x_mem(b, X_W, 0x8b, R8, RBX, NO_REG, GF(in->rs2));
    else
        v = jit_get_x(t, in->rs2, R8);
    unsigned flags = size == 8 ? X_W : size == 2 ? X_16 : size == 1 ? X_BYTE : 0;
    x_mem(b, flags, size == 1 ? 0x88 : 0x89, v, R12, RAX, 0);
    return true;
}

bool jit_emit_insn(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    if (in->op == OP_FENCE)   /* one hart, in order: nothing to order */
        return true;
    bool done = emit_compute(t, in) || emit_divide(t, in) || emit_memory(t, in, k) ||
                jit_emit_fp_inline(t, in, k) || jit_emit_call(t, in, k);
    if (in->rd < 32)   /* whatever rd means for the op: forgetting too much is safe */
        t->below_limit &= ~(1u << in->rd);
    return done;
}

#endif
