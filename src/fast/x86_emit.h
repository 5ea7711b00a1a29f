/* A minimal x86-64 instruction encoder: just the forms the translator emits.
 *
 * Every emitter appends to a code buffer; running past its end sets `overflow` instead of
 * writing, so a translation that does not fit is detected once, at the end, and discarded. */
#ifndef SNAPSIM_FAST_X86_EMIT_H
#define SNAPSIM_FAST_X86_EMIT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum x86_reg {
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15,
    RIP_REL = -2,   /* memory operand base meaning [rip + disp32] */
    NO_REG = -1,
};

/* Condition codes, as in jcc/setcc opcodes. */
enum x86_cc { CC_B = 2, CC_AE = 3, CC_E = 4, CC_NE = 5, CC_A = 7, CC_NP = 0xb, CC_L = 0xc, CC_GE = 0xd };

/* Operand-size flags of an instruction. */
enum { X_W = 1,      /* REX.W: 64-bit operands */
       X_16 = 2,     /* 0x66 prefix: 16-bit operands */
       X_BYTE = 4,   /* byte register operands: a REX prefix turns 4..7 into spl..dil */
       X_F2 = 8 };   /* 0xf2 prefix: scalar-double SSE (written before any REX) */

struct xbuf {
    uint8_t *p, *end;
    bool overflow;
};

static inline void x_byte(struct xbuf *b, uint8_t v)
{
    if (b->p < b->end)
        *b->p++ = v;
    else
        b->overflow = true;
}

static inline void x_u32(struct xbuf *b, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        x_byte(b, (uint8_t)(v >> (8 * i)));
}

static inline void x_u64(struct xbuf *b, uint64_t v)
{
    x_u32(b, (uint32_t)v);
    x_u32(b, (uint32_t)(v >> 32));
}

static inline bool fits_i32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }
static inline bool fits_i8(int64_t v) { return v >= -128 && v <= 127; }

static inline void x_prefix(struct xbuf *b, unsigned flags, int reg, int index, int base)
{
    if (flags & X_16)
        x_byte(b, 0x66);
    if (flags & X_F2)
        x_byte(b, 0xf2);
    unsigned rex = (flags & X_W ? 8u : 0u) | (reg >= 8 ? 4u : 0u) | (index >= 8 ? 2u : 0u) |
                   (base >= 8 ? 1u : 0u);
    if (rex || ((flags & X_BYTE) && ((reg >= 4 && reg < 8) || (base >= 4 && base < 8))))
        x_byte(b, (uint8_t)(0x40 | rex));
}

static inline void x_opcode(struct xbuf *b, uint32_t opc)
{
    /* Multi-byte opcodes are written most significant byte first: 0x0fb6 is 0f b6. */
    if (opc > 0xffff)
        x_byte(b, (uint8_t)(opc >> 16));
    if (opc > 0xff)
        x_byte(b, (uint8_t)(opc >> 8));
    x_byte(b, (uint8_t)opc);
}

/* opc reg, [base + index + disp] (reg may be an opcode extension /0../7). */
static inline void x_mem(struct xbuf *b, unsigned flags, uint32_t opc, int reg, int base, int index,
                         int32_t disp)
{
    x_prefix(b, flags, reg, index, base < 0 ? 0 : base);
    x_opcode(b, opc);
    unsigned r = (unsigned)reg & 7;
    if (base == RIP_REL) {
        x_byte(b, (uint8_t)(r << 3 | 5));
        x_u32(b, (uint32_t)disp);
        return;
    }
    unsigned mod = disp == 0 && (base & 7) != RBP ? 0 : fits_i8(disp) ? 1 : 2;
    if (index != NO_REG || (base & 7) == RSP) {
        x_byte(b, (uint8_t)(mod << 6 | r << 3 | 4));
        x_byte(b, (uint8_t)(((index == NO_REG ? RSP : index) & 7) << 3 | (base & 7)));
    } else {
        x_byte(b, (uint8_t)(mod << 6 | r << 3 | (base & 7)));
    }
    if (mod == 1)
        x_byte(b, (uint8_t)disp);
    else if (mod == 2)
        x_u32(b, (uint32_t)disp);
}

/* opc reg, rm (register-direct). */
static inline void x_rr(struct xbuf *b, unsigned flags, uint32_t opc, int reg, int rm)
{
    x_prefix(b, flags, reg, 0, rm);
    x_opcode(b, opc);
    x_byte(b, (uint8_t)(0xc0 | (reg & 7) << 3 | (rm & 7)));
}

/* Group-1 arithmetic with an immediate: ext is add 0, or 1, and 4, sub 5, xor 6, cmp 7. */
enum { ALU_ADD = 0, ALU_OR = 1, ALU_AND = 4, ALU_SUB = 5, ALU_XOR = 6, ALU_CMP = 7 };

static inline void x_alu_ri(struct xbuf *b, unsigned flags, int ext, int rm, int32_t imm)
{
    if (fits_i8(imm)) {
        x_rr(b, flags, 0x83, ext, rm);
        x_byte(b, (uint8_t)imm);
    } else {
        x_rr(b, flags, 0x81, ext, rm);
        x_u32(b, (uint32_t)imm);
    }
}

/* Shifts by an immediate or by cl: ext is shl 4, shr 5, sar 7. */
enum { SH_SHL = 4, SH_SHR = 5, SH_SAR = 7 };

static inline void x_shift_ri(struct xbuf *b, unsigned flags, int ext, int rm, uint8_t n)
{
    x_rr(b, flags, 0xc1, ext, rm);
    x_byte(b, n);
}

/* shlx/shrx/sarx reg, rm, count (BMI2; ext as for x_shift_ri): the count in any register,
 * masked to the operand size as RISC-V masks it, and the flags untouched. */
static inline void x_shiftx(struct xbuf *b, unsigned flags, int ext, int reg, int rm, int count)
{
    unsigned pp = ext == SH_SHL ? 1 : ext == SH_SAR ? 2 : 3;   /* 66, f3, f2 */
    x_byte(b, 0xc4);                                           /* three-byte VEX, map 0f38 */
    x_byte(b, (uint8_t)((reg >= 8 ? 0 : 0x80) | 0x40 | (rm >= 8 ? 0 : 0x20) | 0x02));
    x_byte(b, (uint8_t)((flags & X_W ? 0x80 : 0) | (~(unsigned)count & 15) << 3 | pp));
    x_byte(b, 0xf7);
    x_byte(b, (uint8_t)(0xc0 | (reg & 7) << 3 | (rm & 7)));
}

static inline void x_mov_ri64(struct xbuf *b, int reg, uint64_t v)
{
    if (v <= UINT32_MAX) {               /* mov r32, imm32 zero-extends */
        x_prefix(b, 0, 0, 0, reg);
        x_byte(b, (uint8_t)(0xb8 + (reg & 7)));
        x_u32(b, (uint32_t)v);
    } else if (fits_i32((int64_t)v)) {   /* mov r/m64, imm32 sign-extends */
        x_rr(b, X_W, 0xc7, 0, reg);
        x_u32(b, (uint32_t)v);
    } else {
        x_prefix(b, X_W, 0, 0, reg);
        x_byte(b, (uint8_t)(0xb8 + (reg & 7)));
        x_u64(b, v);
    }
}

static inline void x_push(struct xbuf *b, int reg)
{
    x_prefix(b, 0, 0, 0, reg);
    x_byte(b, (uint8_t)(0x50 + (reg & 7)));
}

static inline void x_pop(struct xbuf *b, int reg)
{
    x_prefix(b, 0, 0, 0, reg);
    x_byte(b, (uint8_t)(0x58 + (reg & 7)));
}

/* jmp/jcc rel32 to `target`; returns the address of the rel32 field (for later patching). */
static inline uint8_t *x_jmp(struct xbuf *b, const uint8_t *target)
{
    x_byte(b, 0xe9);
    uint8_t *field = b->p;
    x_u32(b, (uint32_t)(target - (b->p + 4)));
    return field;
}

static inline uint8_t *x_jcc(struct xbuf *b, enum x86_cc cc, const uint8_t *target)
{
    x_byte(b, 0x0f);
    x_byte(b, (uint8_t)(0x80 + cc));
    uint8_t *field = b->p;
    x_u32(b, (uint32_t)(target - (b->p + 4)));
    return field;
}

/* Points an earlier rel32 field at `target`. */
static inline void x_patch_rel32(uint8_t *field, const uint8_t *target)
{
    int32_t rel = (int32_t)(target - (field + 4));
    memcpy(field, &rel, 4);
}

#endif
