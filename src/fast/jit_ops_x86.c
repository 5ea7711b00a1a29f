/* x86-64 code for straight-line RISC-V instructions: integer computation, loads and stores.
 *
 * Guest registers live in struct hart (rbx); rax, rcx, rdx, rsi and r8 are scratch.  Writes to
 * x0 were already retargeted to the sink x[32] by block formation, so none is special here.
 * Anything not handled returns false and stays with the interpreter, which is what makes newly
 * added ops work without the translator knowing them. */
#if defined(__x86_64__)

#include "fast/jit_ops_x86.h"
#include "isa/insn.h"

static void load_x(struct xbuf *b, unsigned flags, int reg, unsigned r)
{
    x_mem(b, flags, 0x8b, reg, RBX, NO_REG, GX(r));
}

static void store_reg(struct xbuf *b, int reg, int32_t disp)
{
    x_mem(b, X_W, 0x89, reg, RBX, NO_REG, disp);
}

static void sext32_rax(struct xbuf *b) { x_rr(b, X_W, 0x63, RAX, RAX); }   /* movsxd rax, eax */

void jit_store_const(struct xbuf *b, int32_t disp, uint64_t v, int scratch)
{
    if (fits_i32((int64_t)v)) {
        x_mem(b, X_W, 0xc7, 0, RBX, NO_REG, disp);
        x_u32(b, (uint32_t)v);
    } else {
        x_mov_ri64(b, scratch, v);
        store_reg(b, scratch, disp);
    }
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

static bool emit_compute(struct xbuf *b, const struct fast_insn *in)
{
    uint32_t opc;
    int ext;
    bool word, imm;
    if (alu_rm_form(in->op, &opc, &word)) {
        load_x(b, word ? 0 : X_W, RAX, in->rs1);
        x_mem(b, word ? 0 : X_W, opc, RAX, RBX, NO_REG, GX(in->rs2));
        if (word)
            sext32_rax(b);
    } else if (alu_imm_form(in->op, &ext, &word)) {
        load_x(b, word ? 0 : X_W, RAX, in->rs1);
        x_alu_ri(b, word ? 0 : X_W, ext, RAX, (int32_t)in->imm);
        if (word)
            sext32_rax(b);
    } else if (shift_form(in->op, &ext, &word, &imm)) {
        load_x(b, word ? 0 : X_W, RAX, in->rs1);
        if (imm) {
            x_shift_ri(b, word ? 0 : X_W, ext, RAX, (uint8_t)(in->imm & (word ? 31 : 63)));
        } else {
            load_x(b, 0, RCX, in->rs2);
            x_rr(b, word ? 0 : X_W, 0xd3, ext, RAX);   /* the host masks cl like RISC-V */
        }
        if (word)
            sext32_rax(b);
    } else if (in->op == OP_SLT || in->op == OP_SLTU || in->op == OP_SLTI || in->op == OP_SLTIU) {
        load_x(b, X_W, RAX, in->rs1);
        if (in->op == OP_SLT || in->op == OP_SLTU)
            x_mem(b, X_W, 0x3b, RAX, RBX, NO_REG, GX(in->rs2));
        else
            x_alu_ri(b, X_W, ALU_CMP, RAX, (int32_t)in->imm);
        bool is_signed = in->op == OP_SLT || in->op == OP_SLTI;
        x_rr(b, X_BYTE, 0x0f90u + (is_signed ? CC_L : CC_B), 0, RAX);   /* setcc al */
        x_rr(b, X_BYTE, 0x0fb6, RAX, RAX);                               /* movzx eax, al */
    } else if (in->op == OP_MULH || in->op == OP_MULHU) {
        load_x(b, X_W, RAX, in->rs1);
        x_mem(b, X_W, 0xf7, in->op == OP_MULH ? 5 : 4, RBX, NO_REG, GX(in->rs2));
        store_reg(b, RDX, GX(in->rd));
        return true;
    } else if (in->op == OP_LUI || in->op == OP_AUIPC) {
        jit_store_const(b, GX(in->rd), (uint64_t)in->imm, RAX);   /* auipc's imm is already pc-relative */
        return true;
    } else {
        return false;
    }
    store_reg(b, RAX, GX(in->rd));
    return true;
}

/* The host load that gives a guest load's value extended to 64 bits, into r8. */
static void host_load(struct xbuf *b, enum op op)
{
    static const struct { uint16_t op; uint8_t flags; uint32_t opc; } forms[] = {
        { OP_LB, X_W, 0x0fbe }, { OP_LH, X_W, 0x0fbf }, { OP_LW, X_W, 0x63 },
        { OP_LD, X_W, 0x8b },   { OP_LBU, 0, 0x0fb6 },  { OP_LHU, 0, 0x0fb7 },
        { OP_LWU, 0, 0x8b },    { OP_FLW, 0, 0x8b },    { OP_FLD, X_W, 0x8b },
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (forms[i].op == op)
            x_mem(b, forms[i].flags, forms[i].opc, R8, R12, RAX, 0);
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

/* rax = guest address; rdx, rsi = page numbers of its first and last byte; falls back to the
 * interpreter unless both pages allow `need` — the interpreter's mem_access_ok, step by step. */
static void emit_access_check(struct jit_tr *t, const struct fast_insn *in, uint32_t k,
                              unsigned size, unsigned need)
{
    struct xbuf *b = &t->b;
    load_x(b, X_W, RAX, in->rs1);
    if (in->imm)
        x_alu_ri(b, X_W, ALU_ADD, RAX, (int32_t)in->imm);
    x_mem(b, X_W, 0x8d, RCX, RAX, NO_REG, (int32_t)size - 1);   /* rcx = last byte */
    /* addr > LIMIT - size  <=>  addr or its last byte has a bit at or above the limit (the
     * first test catches addresses whose last byte wraps around). */
    x_rr(b, X_W, 0x8b, RDX, RAX);
    x_rr(b, X_W, 0x0b, RDX, RCX);
    x_shift_ri(b, X_W, SH_SHR, RDX, GUEST_VA_BITS);
    jit_fault_jcc(t, CC_NE, k);
    x_rr(b, X_W, 0x8b, RDX, RAX);
    x_shift_ri(b, X_W, SH_SHR, RDX, GUEST_PAGE_SHIFT);
    x_rr(b, X_W, 0x8b, RSI, RCX);
    x_shift_ri(b, X_W, SH_SHR, RSI, GUEST_PAGE_SHIFT);
    x_mem(b, 0, 0x0fb6, R8, R13, RDX, 0);          /* movzx r8d, byte [page + first] */
    x_mem(b, X_BYTE, 0x22, R8, R13, RSI, 0);       /* and r8b, [page + last] */
    x_rr(b, X_BYTE, 0xf6, 0, R8);                  /* test r8b, need */
    x_byte(b, (uint8_t)need);
    jit_fault_jcc(t, CC_E, k);
}

static bool emit_memory(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    struct xbuf *b = &t->b;
    unsigned size = access_size(in->op);
    if (!size)
        return false;
    enum op_class cls = op_class(in->op);
    bool store = cls == CLASS_ST || cls == CLASS_FST;
    emit_access_check(t, in, k, size, store ? MEM_W : MEM_R);
    if (!store) {
        host_load(b, in->op);
        if (in->op == OP_FLW) {                    /* NaN-box the single */
            x_mov_ri64(b, RCX, 0xffffffff00000000ull);
            x_rr(b, X_W, 0x0b, R8, RCX);
        }
        store_reg(b, R8, cls == CLASS_FLD ? GF(in->rd) : GX(in->rd));
        return true;
    }
    x_mem(b, X_W, 0x8b, R8, RBX, NO_REG, cls == CLASS_FST ? GF(in->rs2) : GX(in->rs2));
    unsigned flags = size == 8 ? X_W : size == 2 ? X_16 : size == 1 ? X_BYTE : 0;
    x_mem(b, flags, size == 1 ? 0x88 : 0x89, R8, R12, RAX, 0);
    /* Dirty bits of both pages, as mem_store sets them (incremental snapshots read them). */
    x_mem(b, 0, 0x80, ALU_OR, R13, RDX, 0);
    x_byte(b, MEM_DIRTY);
    x_mem(b, 0, 0x80, ALU_OR, R13, RSI, 0);
    x_byte(b, MEM_DIRTY);
    return true;
}

bool jit_emit_insn(struct jit_tr *t, const struct fast_insn *in, uint32_t k)
{
    if (in->op == OP_FENCE)   /* one hart, in order: nothing to order */
        return true;
    return emit_compute(&t->b, in) || emit_memory(t, in, k);
}

#endif
