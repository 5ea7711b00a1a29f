/* Decoder for the 32-bit RV64IMAFD + Zicsr + Zifencei + Zba/Zbb/Zbs/Zbc encodings; 16-bit encodings are handed to
 * isa/decode_rvc.c.  One switch on the major opcode, then small tables indexed by funct3, so
 * decoding costs a handful of branches whatever the program size.
 *
 * Field conventions beyond isa/insn.h:
 *   - FP operations that take no rounding mode (fsgnj*, fmin/fmax, fmv.*, fclass, feq/flt/fle)
 *     get rm = 0: funct3 selects the operation there and is already encoded in `op`.
 *   - rm values 5 and 6 are reserved in the encoding itself, so such instructions are illegal
 *     here; DYN (7) is left for the FPU to check against frm at run time.
 *   - fence: rm = pred<<4 | succ; the fm field stays in `raw` (fence.tso is a fence whose fm
 *     is 8, and other fm values must execute as a plain fence). */
#include "isa/decode_rvc.h"
#include "isa/insn.h"

#include <string.h>

enum {
    OPC_LOAD = 0x03, OPC_LOAD_FP = 0x07, OPC_MISC_MEM = 0x0f, OPC_OP_IMM = 0x13, OPC_AUIPC = 0x17,
    OPC_OP_IMM_32 = 0x1b, OPC_STORE = 0x23, OPC_STORE_FP = 0x27, OPC_AMO = 0x2f, OPC_OP = 0x33,
    OPC_LUI = 0x37, OPC_OP_32 = 0x3b, OPC_MADD = 0x43, OPC_MSUB = 0x47, OPC_NMSUB = 0x4b,
    OPC_NMADD = 0x4f, OPC_OP_FP = 0x53, OPC_BRANCH = 0x63, OPC_JALR = 0x67, OPC_JAL = 0x6f,
    OPC_SYSTEM = 0x73,
};

/* Tables indexed by funct3; 0 is OP_ILLEGAL, so unlisted slots are reserved encodings. */
_Static_assert(OP_ILLEGAL == 0, "decode tables rely on zero-initialised slots meaning illegal");
static const uint16_t load_ops[8] = { OP_LB, OP_LH, OP_LW, OP_LD, OP_LBU, OP_LHU, OP_LWU, 0 };
static const uint16_t store_ops[8] = { OP_SB, OP_SH, OP_SW, OP_SD };
static const uint16_t branch_ops[8] = { OP_BEQ, OP_BNE, 0, 0, OP_BLT, OP_BGE, OP_BLTU, OP_BGEU };
static const uint16_t op_imm_ops[8] = { OP_ADDI, OP_SLLI, OP_SLTI, OP_SLTIU,
                                        OP_XORI, OP_SRLI, OP_ORI, OP_ANDI };
static const uint16_t csr_ops[8] = { 0, OP_CSRRW, OP_CSRRS, OP_CSRRC,
                                     0, OP_CSRRWI, OP_CSRRSI, OP_CSRRCI };

/* AMO operations by funct5, for .w and .d (funct3 2 and 3). */
static const uint16_t amo_ops[2][32] = {
    { [0x00] = OP_AMOADD_W, [0x01] = OP_AMOSWAP_W, [0x02] = OP_LR_W, [0x03] = OP_SC_W,
      [0x04] = OP_AMOXOR_W, [0x08] = OP_AMOOR_W, [0x0c] = OP_AMOAND_W, [0x10] = OP_AMOMIN_W,
      [0x14] = OP_AMOMAX_W, [0x18] = OP_AMOMINU_W, [0x1c] = OP_AMOMAXU_W },
    { [0x00] = OP_AMOADD_D, [0x01] = OP_AMOSWAP_D, [0x02] = OP_LR_D, [0x03] = OP_SC_D,
      [0x04] = OP_AMOXOR_D, [0x08] = OP_AMOOR_D, [0x0c] = OP_AMOAND_D, [0x10] = OP_AMOMIN_D,
      [0x14] = OP_AMOMAX_D, [0x18] = OP_AMOMINU_D, [0x1c] = OP_AMOMAXU_D },
};

/* FP operations indexed by [fmt][...]: fmt 0 is single, 1 is double. */
static const uint16_t fp_fma_ops[2][4] = {
    { OP_FMADD_S, OP_FMSUB_S, OP_FNMSUB_S, OP_FNMADD_S },
    { OP_FMADD_D, OP_FMSUB_D, OP_FNMSUB_D, OP_FNMADD_D },
};
static const uint16_t fp_arith_ops[2][4] = {
    { OP_FADD_S, OP_FSUB_S, OP_FMUL_S, OP_FDIV_S },
    { OP_FADD_D, OP_FSUB_D, OP_FMUL_D, OP_FDIV_D },
};
static const uint16_t fp_sgnj_ops[2][8] = {   /* by funct3 */
    { OP_FSGNJ_S, OP_FSGNJN_S, OP_FSGNJX_S }, { OP_FSGNJ_D, OP_FSGNJN_D, OP_FSGNJX_D },
};
static const uint16_t fp_minmax_ops[2][8] = { { OP_FMIN_S, OP_FMAX_S }, { OP_FMIN_D, OP_FMAX_D } };
static const uint16_t fp_cmp_ops[2][8] = { { OP_FLE_S, OP_FLT_S, OP_FEQ_S }, { OP_FLE_D, OP_FLT_D, OP_FEQ_D } };
static const uint16_t fp_to_int_ops[2][32] = {   /* by rs2 */
    { OP_FCVT_W_S, OP_FCVT_WU_S, OP_FCVT_L_S, OP_FCVT_LU_S },
    { OP_FCVT_W_D, OP_FCVT_WU_D, OP_FCVT_L_D, OP_FCVT_LU_D },
};
static const uint16_t int_to_fp_ops[2][32] = {   /* by rs2 */
    { OP_FCVT_S_W, OP_FCVT_S_WU, OP_FCVT_S_L, OP_FCVT_S_LU },
    { OP_FCVT_D_W, OP_FCVT_D_WU, OP_FCVT_D_L, OP_FCVT_D_LU },
};

/* Sign-extends the low `n` bits of v. */
static inline int64_t sext(uint32_t v, unsigned n)
{
    int64_t m = (int64_t)1 << (n - 1);
    return ((int64_t)(v & (uint32_t)((1ull << n) - 1)) ^ m) - m;
}

static inline int64_t imm_i(uint32_t raw) { return sext(raw >> 20, 12); }

static inline int64_t imm_s(uint32_t raw) { return sext((raw >> 25) << 5 | ((raw >> 7) & 0x1f), 12); }

static inline int64_t imm_b(uint32_t raw)
{
    return sext((raw >> 31) << 12 | ((raw << 4) & 0x800) | ((raw >> 20) & 0x7e0) |
                ((raw >> 7) & 0x1e), 13);
}

static inline int64_t imm_j(uint32_t raw)
{
    return sext((raw >> 31) << 20 | (raw & 0xff000) | ((raw >> 9) & 0x800) | ((raw >> 20) & 0x7fe),
                21);
}

static inline int64_t imm_u(uint32_t raw) { return sext(raw & 0xfffff000, 32); }

static inline bool rm_reserved(unsigned rm) { return rm == 5 || rm == 6; }

/* Finishes a decode: `op` 0 (OP_ILLEGAL) means the encoding is reserved. */
static inline bool accept(struct insn *out, unsigned op)
{
    out->op = (uint16_t)op;
    return op != OP_ILLEGAL;
}

static bool reject(struct insn *out)
{
    out->op = OP_ILLEGAL;
    return false;
}

/* Zbb's unary operations in OP-IMM / OP-IMM-32 funct3 1 with funct7 0x30, selected by the rs2
 * field; they carry no immediate. */
static const uint16_t unary_ops[2][8] = {
    { OP_CLZ, OP_CTZ, OP_CPOP, 0, OP_SEXT_B, OP_SEXT_H },
    { OP_CLZW, OP_CTZW, OP_CPOPW },
};

static bool accept_unary(struct insn *out, unsigned op)
{
    out->imm = 0;
    return accept(out, op);
}

/* OP-IMM funct3 1 and 5: shifts, rotates, single-bit operations with a 6-bit shamt selected by
 * funct6, and the unary Zbb operations (whole funct12 fixed). */
static bool decode_op_imm_shift(uint32_t raw, unsigned funct3, struct insn *out)
{
    unsigned funct6 = raw >> 26, funct12 = raw >> 20, sel = (raw >> 20) & 0x1f;
    out->imm = (raw >> 20) & 0x3f;
    if (funct3 == 1) {
        switch (funct6) {
        case 0x00: return accept(out, OP_SLLI);
        case 0x0a: return accept(out, OP_BSETI);
        case 0x12: return accept(out, OP_BCLRI);
        case 0x1a: return accept(out, OP_BINVI);
        case 0x18: return (raw >> 25) == 0x30 && sel < 8 ? accept_unary(out, unary_ops[0][sel]) : reject(out);
        default: return reject(out);
        }
    }
    if (funct12 == 0x287)
        return accept_unary(out, OP_ORC_B);
    if (funct12 == 0x6b8)
        return accept_unary(out, OP_REV8);
    switch (funct6) {
    case 0x00: return accept(out, OP_SRLI);
    case 0x10: return accept(out, OP_SRAI);
    case 0x12: return accept(out, OP_BEXTI);
    case 0x18: return accept(out, OP_RORI);
    default: return reject(out);
    }
}

/* OP-IMM and OP-IMM-32: the shifts carry a shamt and a funct6/funct7 selector instead of an
 * immediate. */
static bool decode_op_imm(uint32_t raw, unsigned funct3, bool word, struct insn *out)
{
    unsigned funct7 = raw >> 25;
    if (!word) {
        if (funct3 == 1 || funct3 == 5)
            return decode_op_imm_shift(raw, funct3, out);
        return accept(out, op_imm_ops[funct3]);
    }
    switch (funct3) {
    case 0: return accept(out, OP_ADDIW);
    case 1:
        if ((raw >> 26) == 0x02) {   /* slli.uw: 6-bit shamt */
            out->imm = (raw >> 20) & 0x3f;
            return accept(out, OP_SLLI_UW);
        }
        if (funct7 == 0x30) {
            unsigned sel = (raw >> 20) & 0x1f;
            return sel < 8 ? accept_unary(out, unary_ops[1][sel]) : reject(out);
        }
        out->imm = (raw >> 20) & 0x1f;
        return funct7 == 0 ? accept(out, OP_SLLIW) : reject(out);   /* shamt[5] must be 0 */
    case 5:
        out->imm = (raw >> 20) & 0x1f;
        return funct7 == 0 ? accept(out, OP_SRLIW)
             : funct7 == 0x20 ? accept(out, OP_SRAIW)
             : funct7 == 0x30 ? accept(out, OP_RORIW) : reject(out);
    default: return reject(out);
    }
}

/* OP and OP-32 by funct7, then funct3.  Zero slots are reserved (or belong to extensions not
 * implemented, such as Zicond's funct7 0x07). */
static const uint16_t op_ops[2][8][8] = {
    {   /* OP */
        { OP_ADD, OP_SLL, OP_SLT, OP_SLTU, OP_XOR, OP_SRL, OP_OR, OP_AND },             /* 0x00 */
        { OP_MUL, OP_MULH, OP_MULHSU, OP_MULHU, OP_DIV, OP_DIVU, OP_REM, OP_REMU },     /* 0x01 */
        { [0] = OP_SUB, [4] = OP_XNOR, [5] = OP_SRA, [6] = OP_ORN, [7] = OP_ANDN },     /* 0x20 */
        { [2] = OP_SH1ADD, [4] = OP_SH2ADD, [6] = OP_SH3ADD },                          /* 0x10 */
        { [1] = OP_CLMUL, [2] = OP_CLMULR, [3] = OP_CLMULH, [4] = OP_MIN, [5] = OP_MINU,
          [6] = OP_MAX, [7] = OP_MAXU },                                                /* 0x05 */
        { [1] = OP_ROL, [5] = OP_ROR },                                                 /* 0x30 */
        { [1] = OP_BSET },                                                              /* 0x14 */
        { [1] = OP_BCLR, [5] = OP_BEXT },                                               /* 0x24 */
    },
    {   /* OP-32 */
        { [0] = OP_ADDW, [1] = OP_SLLW, [5] = OP_SRLW },
        { [0] = OP_MULW, [4] = OP_DIVW, [5] = OP_DIVUW, [6] = OP_REMW, [7] = OP_REMUW },
        { [0] = OP_SUBW, [5] = OP_SRAW },
        { [2] = OP_SH1ADD_UW, [4] = OP_SH2ADD_UW, [6] = OP_SH3ADD_UW },
        { 0 },
        { [1] = OP_ROLW, [5] = OP_RORW },
        { 0 },
        { 0 },
    },
};

static bool decode_op(uint32_t raw, unsigned funct3, bool word, struct insn *out)
{
    unsigned funct7 = raw >> 25;
    int row;
    switch (funct7) {
    case 0x00: row = 0; break;
    case 0x01: row = 1; break;
    case 0x20: row = 2; break;
    case 0x10: row = 3; break;
    case 0x05: row = 4; break;
    case 0x30: row = 5; break;
    case 0x14: row = 6; break;
    case 0x24: row = 7; break;
    case 0x34:   /* binv */
        return !word && funct3 == 1 ? accept(out, OP_BINV) : reject(out);
    case 0x04:   /* OP-32 only: add.uw, and zext.h (the rs2 = 0 case of Zbkb's packw) */
        if (!word)
            return reject(out);
        if (funct3 == 0)
            return accept(out, OP_ADD_UW);
        return funct3 == 4 && out->rs2 == 0 ? accept_unary(out, OP_ZEXT_H) : reject(out);
    default: return reject(out);
    }
    return accept(out, op_ops[word][row][funct3]);
}

static bool decode_amo(uint32_t raw, unsigned funct3, struct insn *out)
{
    if (funct3 != 2 && funct3 != 3)
        return reject(out);
    unsigned op = amo_ops[funct3 - 2][raw >> 27];
    if ((op == OP_LR_W || op == OP_LR_D) && out->rs2 != 0)
        return reject(out);
    out->rm = (raw >> 25) & 3;
    return accept(out, op);
}

/* OP-FP.  funct7 = funct5 | fmt; only fmt 0 (S) and 1 (D) exist in RV64GC. */
static bool decode_op_fp(uint32_t raw, unsigned funct3, struct insn *out)
{
    unsigned funct5 = raw >> 27, fmt = (raw >> 25) & 3, rs2 = out->rs2;
    if (fmt > 1)
        return reject(out);
    switch (funct5) {
    case 0x00: case 0x01: case 0x02: case 0x03:
        return rm_reserved(funct3) ? reject(out) : accept(out, fp_arith_ops[fmt][funct5]);
    case 0x0b:   /* fsqrt */
        if (rs2 != 0 || rm_reserved(funct3))
            return reject(out);
        return accept(out, fmt ? OP_FSQRT_D : OP_FSQRT_S);
    case 0x04:
        out->rm = 0;
        return accept(out, fp_sgnj_ops[fmt][funct3]);
    case 0x05:
        out->rm = 0;
        return accept(out, fp_minmax_ops[fmt][funct3]);
    case 0x14:
        out->rm = 0;
        return accept(out, fp_cmp_ops[fmt][funct3]);
    case 0x08:   /* fcvt.s.d has fmt S and rs2 = 1 (D); fcvt.d.s has fmt D and rs2 = 0 (S) */
        if (rs2 != (fmt ^ 1) || rm_reserved(funct3))
            return reject(out);
        return accept(out, fmt ? OP_FCVT_D_S : OP_FCVT_S_D);
    case 0x18:
        return rm_reserved(funct3) ? reject(out) : accept(out, fp_to_int_ops[fmt][rs2]);
    case 0x1a:
        return rm_reserved(funct3) ? reject(out) : accept(out, int_to_fp_ops[fmt][rs2]);
    case 0x1c:   /* fmv.x.w/d (funct3 0) and fclass (funct3 1) */
        if (rs2 != 0 || funct3 > 1)
            return reject(out);
        out->rm = 0;
        if (funct3 == 1)
            return accept(out, fmt ? OP_FCLASS_D : OP_FCLASS_S);
        return accept(out, fmt ? OP_FMV_X_D : OP_FMV_X_W);
    case 0x1e:   /* fmv.w/d.x */
        if (rs2 != 0 || funct3 != 0)
            return reject(out);
        return accept(out, fmt ? OP_FMV_D_X : OP_FMV_W_X);
    default: return reject(out);
    }
}

static bool decode_system(uint32_t raw, unsigned funct3, struct insn *out)
{
    if (funct3 == 0) {
        if (raw == 0x00000073)
            return accept(out, OP_ECALL);
        if (raw == 0x00100073)
            return accept(out, OP_EBREAK);
        if (raw == 0x30200073)
            return accept(out, OP_MRET);
        if (raw == 0x10200073)
            return accept(out, OP_SRET);
        if (raw == 0x10500073)
            return accept(out, OP_WFI);
        if ((raw & 0xfe007fff) == 0x12000073)
            return accept(out, OP_SFENCE_VMA);
        return reject(out);
    }
    out->imm = raw >> 20;
    return accept(out, csr_ops[funct3]);
}

static bool decode32(uint32_t raw, struct insn *out)
{
    unsigned funct3 = (raw >> 12) & 7;
    out->rd = (raw >> 7) & 0x1f;
    out->rs1 = (raw >> 15) & 0x1f;
    out->rs2 = (raw >> 20) & 0x1f;
    out->len = 4;

    switch (raw & 0x7f) {
    case OPC_LUI:
        out->imm = imm_u(raw);
        return accept(out, OP_LUI);
    case OPC_AUIPC:
        out->imm = imm_u(raw);
        return accept(out, OP_AUIPC);
    case OPC_JAL:
        out->imm = imm_j(raw);
        return accept(out, OP_JAL);
    case OPC_JALR:
        out->imm = imm_i(raw);
        return funct3 == 0 ? accept(out, OP_JALR) : reject(out);
    case OPC_BRANCH:
        out->imm = imm_b(raw);
        return accept(out, branch_ops[funct3]);
    case OPC_LOAD:
        out->imm = imm_i(raw);
        return accept(out, load_ops[funct3]);
    case OPC_STORE:
        out->imm = imm_s(raw);
        return accept(out, store_ops[funct3]);
    case OPC_OP_IMM:
    case OPC_OP_IMM_32:
        out->imm = imm_i(raw);
        return decode_op_imm(raw, funct3, (raw & 0x7f) == OPC_OP_IMM_32, out);
    case OPC_OP:
    case OPC_OP_32:
        return decode_op(raw, funct3, (raw & 0x7f) == OPC_OP_32, out);
    case OPC_MISC_MEM:
        if (funct3 == 0) {
            out->rm = (raw >> 20) & 0xff;
            return accept(out, OP_FENCE);
        }
        return funct3 == 1 ? accept(out, OP_FENCE_I) : reject(out);
    case OPC_SYSTEM:
        return decode_system(raw, funct3, out);
    case OPC_AMO:
        return decode_amo(raw, funct3, out);
    case OPC_LOAD_FP:
        out->imm = imm_i(raw);
        return funct3 == 2 ? accept(out, OP_FLW) : funct3 == 3 ? accept(out, OP_FLD) : reject(out);
    case OPC_STORE_FP:
        out->imm = imm_s(raw);
        return funct3 == 2 ? accept(out, OP_FSW) : funct3 == 3 ? accept(out, OP_FSD) : reject(out);
    case OPC_MADD: case OPC_MSUB: case OPC_NMSUB: case OPC_NMADD: {
        unsigned fmt = (raw >> 25) & 3;
        if (fmt > 1 || rm_reserved(funct3))
            return reject(out);
        out->rs3 = raw >> 27;
        out->rm = (uint8_t)funct3;
        return accept(out, fp_fma_ops[fmt][((raw & 0x7f) - OPC_MADD) >> 2]);
    }
    case OPC_OP_FP:
        out->rm = (uint8_t)funct3;
        return decode_op_fp(raw, funct3, out);
    default:
        return reject(out);
    }
}

/* Which of rd/rs1/rs2 each class reads or writes.  The others are cleared after decoding, since
 * in the encoding they hold immediate bits or selectors, and a model checking hazards should not
 * see phantom register operands. */
enum { F_RD = 1, F_RS1 = 2, F_RS2 = 4 };
static const uint8_t class_fields[CLASS_SYS + 1] = {
    [CLASS_R] = F_RD | F_RS1 | F_RS2, [CLASS_R1] = F_RD | F_RS1, [CLASS_I] = F_RD | F_RS1, [CLASS_U] = F_RD, [CLASS_J] = F_RD,
    [CLASS_JR] = F_RD | F_RS1, [CLASS_B] = F_RS1 | F_RS2, [CLASS_LD] = F_RD | F_RS1,
    [CLASS_ST] = F_RS1 | F_RS2, [CLASS_FLD] = F_RD | F_RS1, [CLASS_FST] = F_RS1 | F_RS2,
    [CLASS_CSR] = F_RD | F_RS1, [CLASS_CSRI] = F_RD | F_RS1, [CLASS_AMO] = F_RD | F_RS1 | F_RS2,
    [CLASS_LR] = F_RD | F_RS1, [CLASS_SC] = F_RD | F_RS1 | F_RS2, [CLASS_F3] = F_RD | F_RS1 | F_RS2,
    [CLASS_F4] = F_RD | F_RS1 | F_RS2, [CLASS_F1] = F_RD | F_RS1, [CLASS_FCMP] = F_RD | F_RS1 | F_RS2,
    [CLASS_F2X] = F_RD | F_RS1, [CLASS_X2F] = F_RD | F_RS1, [CLASS_VMA] = F_RS1 | F_RS2, [CLASS_SYS] = 0,
};

static bool clear_unused_fields(bool ok, struct insn *out)
{
    if (!ok) {   /* an illegal instruction keeps only its encoding and length */
        *out = (struct insn){ .raw = out->raw, .len = out->len, .op = OP_ILLEGAL };
        return false;
    }
    unsigned used = class_fields[op_class(out->op)];
    if (!(used & F_RD)) out->rd = 0;
    if (!(used & F_RS1)) out->rs1 = 0;
    if (!(used & F_RS2)) out->rs2 = 0;
    return ok;
}

bool insn_decode(uint32_t raw, struct insn *out)
{
    memset(out, 0, sizeof *out);
    if ((raw & 3) != 3) {
        out->raw = raw & 0xffff;
        return clear_unused_fields(insn_decode_rvc((uint16_t)raw, out), out);
    }
    out->raw = raw;
    return clear_unused_fields(decode32(raw, out), out);
}
