/* Decoder for the RV64C 16-bit encodings: each expands to the base operation it abbreviates
 * (c.addi16sp becomes addi sp, sp, imm; c.mv becomes add rd, x0, rs2; ...) with len = 2, so the
 * models never see compressed forms.
 *
 * HINT encodings (for example c.addi with rd = 0 and a non-zero immediate, c.mv/c.li/c.lui to
 * x0, c.slli with shift 0) are legal and decode to their base operation, which has no effect. */
#include "isa/decode_rvc.h"

/* Bits hi..lo of x, shifted down to bit 0. */
static inline uint32_t bits(uint32_t x, unsigned hi, unsigned lo)
{
    return (x >> lo) & ((1u << (hi - lo + 1)) - 1);
}

/* Sign-extends the low `n` bits of v. */
static inline int64_t sext(uint32_t v, unsigned n)
{
    int64_t m = (int64_t)1 << (n - 1);
    return ((int64_t)(v & ((1u << n) - 1)) ^ m) - m;
}

/* The 3-bit register fields of the CIW/CL/CS/CA/CB formats name x8..x15 (or f8..f15). */
static inline uint8_t creg(uint32_t raw, unsigned lo) { return (uint8_t)(8 + bits(raw, lo + 2, lo)); }

static inline int64_t ci_imm(uint32_t raw) { return sext(bits(raw, 12, 12) << 5 | bits(raw, 6, 2), 6); }

static inline uint32_t ci_shamt(uint32_t raw) { return bits(raw, 12, 12) << 5 | bits(raw, 6, 2); }

/* Offsets of the doubleword (c.ld/c.sd/c.fld/c.fsd) and word (c.lw/c.sw) register-based forms. */
static inline uint32_t cl_d_offset(uint32_t raw) { return bits(raw, 12, 10) << 3 | bits(raw, 6, 5) << 6; }

static inline uint32_t cl_w_offset(uint32_t raw)
{
    return bits(raw, 12, 10) << 3 | bits(raw, 6, 6) << 2 | bits(raw, 5, 5) << 6;
}

static inline int64_t cj_offset(uint32_t raw)
{
    return sext(bits(raw, 12, 12) << 11 | bits(raw, 11, 11) << 4 | bits(raw, 10, 9) << 8 |
                bits(raw, 8, 8) << 10 | bits(raw, 7, 7) << 6 | bits(raw, 6, 6) << 7 |
                bits(raw, 5, 3) << 1 | bits(raw, 2, 2) << 5, 12);
}

static inline int64_t cb_offset(uint32_t raw)
{
    return sext(bits(raw, 12, 12) << 8 | bits(raw, 11, 10) << 3 | bits(raw, 6, 5) << 6 |
                bits(raw, 4, 3) << 1 | bits(raw, 2, 2) << 5, 9);
}

static bool set(struct insn *out, enum op op, unsigned rd, unsigned rs1, unsigned rs2, int64_t imm)
{
    out->op = (uint16_t)op;
    out->rd = (uint8_t)rd;
    out->rs1 = (uint8_t)rs1;
    out->rs2 = (uint8_t)rs2;
    out->imm = imm;
    return true;
}

static bool reject(struct insn *out)
{
    out->op = OP_ILLEGAL;
    return false;
}

enum { X_RA = 1, X_SP = 2 };

static bool quadrant0(uint32_t raw, struct insn *out)
{
    unsigned rd = creg(raw, 2), rs1 = creg(raw, 7);
    switch (bits(raw, 15, 13)) {
    case 0: {   /* c.addi4spn; a zero immediate (including the all-zero parcel) is reserved */
        uint32_t imm = bits(raw, 12, 11) << 4 | bits(raw, 10, 7) << 6 | bits(raw, 6, 6) << 2 |
                       bits(raw, 5, 5) << 3;
        return imm ? set(out, OP_ADDI, rd, X_SP, 0, imm) : reject(out);
    }
    case 1: return set(out, OP_FLD, rd, rs1, 0, cl_d_offset(raw));
    case 2: return set(out, OP_LW, rd, rs1, 0, cl_w_offset(raw));
    case 3: return set(out, OP_LD, rd, rs1, 0, cl_d_offset(raw));
    case 5: return set(out, OP_FSD, 0, rs1, rd, cl_d_offset(raw));
    case 6: return set(out, OP_SW, 0, rs1, rd, cl_w_offset(raw));
    case 7: return set(out, OP_SD, 0, rs1, rd, cl_d_offset(raw));
    default: return reject(out);
    }
}

/* c.srli, c.srai, c.andi and the register-register CA group. */
static bool quadrant1_alu(uint32_t raw, struct insn *out)
{
    static const uint16_t ca_ops[2][4] = {
        { OP_SUB, OP_XOR, OP_OR, OP_AND },
        { OP_SUBW, OP_ADDW, OP_ILLEGAL, OP_ILLEGAL },
    };
    unsigned rd = creg(raw, 7), rs2 = creg(raw, 2);
    switch (bits(raw, 11, 10)) {
    case 0: return set(out, OP_SRLI, rd, rd, 0, ci_shamt(raw));
    case 1: return set(out, OP_SRAI, rd, rd, 0, ci_shamt(raw));
    case 2: return set(out, OP_ANDI, rd, rd, 0, ci_imm(raw));
    default: {
        enum op op = ca_ops[bits(raw, 12, 12)][bits(raw, 6, 5)];
        return op != OP_ILLEGAL ? set(out, op, rd, rd, rs2, 0) : reject(out);
    }
    }
}

static bool quadrant1(uint32_t raw, struct insn *out)
{
    unsigned rd = bits(raw, 11, 7);
    switch (bits(raw, 15, 13)) {
    case 0: return set(out, OP_ADDI, rd, rd, 0, ci_imm(raw));   /* c.addi, c.nop */
    case 1: return rd ? set(out, OP_ADDIW, rd, rd, 0, ci_imm(raw)) : reject(out);
    case 2: return set(out, OP_ADDI, rd, 0, 0, ci_imm(raw));   /* c.li */
    case 3:
        if (rd == X_SP) {   /* c.addi16sp */
            uint32_t imm = bits(raw, 12, 12) << 9 | bits(raw, 6, 6) << 4 | bits(raw, 5, 5) << 6 |
                           bits(raw, 4, 3) << 7 | bits(raw, 2, 2) << 5;
            return imm ? set(out, OP_ADDI, X_SP, X_SP, 0, sext(imm, 10)) : reject(out);
        }
        /* c.lui: the immediate is bits 17..12 */
        return ci_shamt(raw) ? set(out, OP_LUI, rd, 0, 0, ci_imm(raw) * 4096) : reject(out);
    case 4: return quadrant1_alu(raw, out);
    case 5: return set(out, OP_JAL, 0, 0, 0, cj_offset(raw));
    case 6: return set(out, OP_BEQ, 0, creg(raw, 7), 0, cb_offset(raw));
    default: return set(out, OP_BNE, 0, creg(raw, 7), 0, cb_offset(raw));
    }
}

static bool quadrant2(uint32_t raw, struct insn *out)
{
    unsigned rd = bits(raw, 11, 7), rs2 = bits(raw, 6, 2);
    uint32_t dsp = bits(raw, 12, 12) << 5 | bits(raw, 6, 5) << 3 | bits(raw, 4, 2) << 6;
    uint32_t wsp = bits(raw, 12, 12) << 5 | bits(raw, 6, 4) << 2 | bits(raw, 3, 2) << 6;
    switch (bits(raw, 15, 13)) {
    case 0: return set(out, OP_SLLI, rd, rd, 0, ci_shamt(raw));
    case 1: return set(out, OP_FLD, rd, X_SP, 0, dsp);
    case 2: return rd ? set(out, OP_LW, rd, X_SP, 0, wsp) : reject(out);
    case 3: return rd ? set(out, OP_LD, rd, X_SP, 0, dsp) : reject(out);
    case 4:
        if (!bits(raw, 12, 12)) {
            if (rs2)   /* c.mv */
                return set(out, OP_ADD, rd, 0, rs2, 0);
            return rd ? set(out, OP_JALR, 0, rd, 0, 0) : reject(out);   /* c.jr */
        }
        if (rs2)   /* c.add */
            return set(out, OP_ADD, rd, rd, rs2, 0);
        if (rd)    /* c.jalr */
            return set(out, OP_JALR, X_RA, rd, 0, 0);
        return set(out, OP_EBREAK, 0, 0, 0, 0);
    case 5: return set(out, OP_FSD, 0, X_SP, rs2, bits(raw, 12, 10) << 3 | bits(raw, 9, 7) << 6);
    case 6: return set(out, OP_SW, 0, X_SP, rs2, bits(raw, 12, 9) << 2 | bits(raw, 8, 7) << 6);
    default: return set(out, OP_SD, 0, X_SP, rs2, bits(raw, 12, 10) << 3 | bits(raw, 9, 7) << 6);
    }
}

bool insn_decode_rvc(uint16_t raw, struct insn *out)
{
    out->len = 2;
    switch (raw & 3) {
    case 0: return quadrant0(raw, out);
    case 1: return quadrant1(raw, out);
    case 2: return quadrant2(raw, out);
    default: return reject(out);
    }
}
