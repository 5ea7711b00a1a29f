/* Integer semantics of RV64IMA and the bit-manipulation extensions (Zba, Zbb, Zbs, Zbc), as pure functions of operand values.  The fast model calls them
 * with constant `op` (so each folds to a few host instructions); the pipeline models call them in
 * their execute stage on values that flowed through their own register files. */
#ifndef SNAPSIM_ISA_SEMANTICS_H
#define SNAPSIM_ISA_SEMANTICS_H

#include <stdbool.h>
#include <stdint.h>

#include "isa/insn.h"

/* Forced inline: the fast model calls these with a constant op, and only inlining turns the
 * switch into the one host instruction it stands for. */
#define SEMANTICS_FN static inline __attribute__((always_inline))

SEMANTICS_FN uint64_t sext32(uint64_t v) { return (uint64_t)(int64_t)(int32_t)v; }

SEMANTICS_FN uint64_t mulhu64(uint64_t a, uint64_t b) { return (uint64_t)(((unsigned __int128)a * b) >> 64); }
SEMANTICS_FN uint64_t mulh64(int64_t a, int64_t b) { return (uint64_t)(((__int128)a * b) >> 64); }
SEMANTICS_FN uint64_t mulhsu64(int64_t a, uint64_t b) { return (uint64_t)(((__int128)a * (__int128)b) >> 64); }

SEMANTICS_FN uint64_t rotl64(uint64_t a, unsigned s) { s &= 63; return s ? a << s | a >> (64 - s) : a; }
SEMANTICS_FN uint64_t rotl32(uint64_t a, unsigned s)
{
    uint32_t v = (uint32_t)a;
    s &= 31;
    return sext32(s ? v << s | v >> (32 - s) : v);
}

/* Counts with the results the extension defines for a zero operand (the width), which the
 * compiler builtins leave undefined. */
SEMANTICS_FN uint64_t clz64(uint64_t a) { return a ? (uint64_t)__builtin_clzll(a) : 64; }
SEMANTICS_FN uint64_t ctz64(uint64_t a) { return a ? (uint64_t)__builtin_ctzll(a) : 64; }
SEMANTICS_FN uint64_t clz32(uint64_t a) { return (uint32_t)a ? (uint64_t)__builtin_clz((uint32_t)a) : 32; }
SEMANTICS_FN uint64_t ctz32(uint64_t a) { return (uint32_t)a ? (uint64_t)__builtin_ctz((uint32_t)a) : 32; }

/* orc.b: each byte becomes all ones if any of its bits is set, else zero. */
SEMANTICS_FN uint64_t orc_b(uint64_t a)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < 64; i += 8)
        if ((a >> i) & 0xff)
            r |= (uint64_t)0xff << i;
    return r;
}

/* The 128-bit carry-less product; clmul takes its low 64 bits, clmulh the high 64 and clmulr
 * bits 126..63 (the product of the bit-reversed operands, reversed). */
SEMANTICS_FN unsigned __int128 clmul128(uint64_t a, uint64_t b)
{
    unsigned __int128 r = 0;
    for (unsigned i = 0; i < 64; i++)
        if ((b >> i) & 1)
            r ^= (unsigned __int128)a << i;
    return r;
}

/* Result of a class R, R1 or I operation; `b` is rs2's value, the immediate, or 0 for R1. */
SEMANTICS_FN uint64_t int_op(enum op op, uint64_t a, uint64_t b)
{
    switch (op) {
    case OP_ADD: case OP_ADDI: return a + b;
    case OP_SUB: return a - b;
    case OP_SLL: case OP_SLLI: return a << (b & 63);
    case OP_SLT: case OP_SLTI: return (int64_t)a < (int64_t)b;
    case OP_SLTU: case OP_SLTIU: return a < b;
    case OP_XOR: case OP_XORI: return a ^ b;
    case OP_SRL: case OP_SRLI: return a >> (b & 63);
    case OP_SRA: case OP_SRAI: return (uint64_t)((int64_t)a >> (b & 63));
    case OP_OR: case OP_ORI: return a | b;
    case OP_AND: case OP_ANDI: return a & b;
    case OP_ADDW: case OP_ADDIW: return sext32(a + b);
    case OP_SUBW: return sext32(a - b);
    case OP_SLLW: case OP_SLLIW: return sext32((uint32_t)a << (b & 31));
    case OP_SRLW: case OP_SRLIW: return sext32((uint32_t)a >> (b & 31));
    case OP_SRAW: case OP_SRAIW: return (uint64_t)(int64_t)((int32_t)a >> (b & 31));
    case OP_MUL: return a * b;
    case OP_MULH: return mulh64((int64_t)a, (int64_t)b);
    case OP_MULHSU: return mulhsu64((int64_t)a, b);
    case OP_MULHU: return mulhu64(a, b);
    case OP_MULW: return sext32((uint32_t)a * (uint32_t)b);
    case OP_DIV:
        if (b == 0) return UINT64_MAX;
        if ((int64_t)a == INT64_MIN && (int64_t)b == -1) return a;
        return (uint64_t)((int64_t)a / (int64_t)b);
    case OP_DIVU: return b == 0 ? UINT64_MAX : a / b;
    case OP_REM:
        if (b == 0) return a;
        if ((int64_t)a == INT64_MIN && (int64_t)b == -1) return 0;
        return (uint64_t)((int64_t)a % (int64_t)b);
    case OP_REMU: return b == 0 ? a : a % b;
    case OP_DIVW: {
        int32_t x = (int32_t)a, y = (int32_t)b;
        if (y == 0) return UINT64_MAX;
        if (x == INT32_MIN && y == -1) return sext32((uint32_t)x);
        return (uint64_t)(int64_t)(x / y);
    }
    case OP_DIVUW: {
        uint32_t x = (uint32_t)a, y = (uint32_t)b;
        return y == 0 ? UINT64_MAX : sext32(x / y);
    }
    case OP_REMW: {
        int32_t x = (int32_t)a, y = (int32_t)b;
        if (y == 0) return sext32((uint32_t)x);
        if (x == INT32_MIN && y == -1) return 0;
        return (uint64_t)(int64_t)(x % y);
    }
    case OP_REMUW: {
        uint32_t x = (uint32_t)a, y = (uint32_t)b;
        return y == 0 ? sext32(x) : sext32(x % y);
    }
    /* Zba */
    case OP_ADD_UW: return (uint32_t)a + b;
    case OP_SH1ADD: return (a << 1) + b;
    case OP_SH2ADD: return (a << 2) + b;
    case OP_SH3ADD: return (a << 3) + b;
    case OP_SH1ADD_UW: return ((uint64_t)(uint32_t)a << 1) + b;
    case OP_SH2ADD_UW: return ((uint64_t)(uint32_t)a << 2) + b;
    case OP_SH3ADD_UW: return ((uint64_t)(uint32_t)a << 3) + b;
    case OP_SLLI_UW: return (uint64_t)(uint32_t)a << (b & 63);
    /* Zbb */
    case OP_ANDN: return a & ~b;
    case OP_ORN: return a | ~b;
    case OP_XNOR: return ~(a ^ b);
    case OP_CLZ: return clz64(a);
    case OP_CTZ: return ctz64(a);
    case OP_CPOP: return (uint64_t)__builtin_popcountll(a);
    case OP_CLZW: return clz32(a);
    case OP_CTZW: return ctz32(a);
    case OP_CPOPW: return (uint64_t)__builtin_popcount((uint32_t)a);
    case OP_MAX: return (int64_t)a > (int64_t)b ? a : b;
    case OP_MAXU: return a > b ? a : b;
    case OP_MIN: return (int64_t)a < (int64_t)b ? a : b;
    case OP_MINU: return a < b ? a : b;
    case OP_SEXT_B: return (uint64_t)(int64_t)(int8_t)a;
    case OP_SEXT_H: return (uint64_t)(int64_t)(int16_t)a;
    case OP_ZEXT_H: return (uint16_t)a;
    case OP_ROL: return rotl64(a, (unsigned)b);
    case OP_ROR: case OP_RORI: return rotl64(a, (unsigned)(64 - (b & 63)));
    case OP_ROLW: return rotl32(a, (unsigned)b);
    case OP_RORW: case OP_RORIW: return rotl32(a, (unsigned)(32 - (b & 31)));
    case OP_ORC_B: return orc_b(a);
    case OP_REV8: return __builtin_bswap64(a);
    /* Zbs */
    case OP_BCLR: case OP_BCLRI: return a & ~((uint64_t)1 << (b & 63));
    case OP_BEXT: case OP_BEXTI: return (a >> (b & 63)) & 1;
    case OP_BINV: case OP_BINVI: return a ^ (uint64_t)1 << (b & 63);
    case OP_BSET: case OP_BSETI: return a | (uint64_t)1 << (b & 63);
    /* Zbc */
    case OP_CLMUL: return (uint64_t)clmul128(a, b);
    case OP_CLMULH: return (uint64_t)(clmul128(a, b) >> 64);
    case OP_CLMULR: return (uint64_t)(clmul128(a, b) >> 63);
    default: return 0;
    }
}

SEMANTICS_FN bool branch_taken(enum op op, uint64_t a, uint64_t b)
{
    switch (op) {
    case OP_BEQ: return a == b;
    case OP_BNE: return a != b;
    case OP_BLT: return (int64_t)a < (int64_t)b;
    case OP_BGE: return (int64_t)a >= (int64_t)b;
    case OP_BLTU: return a < b;
    case OP_BGEU: return a >= b;
    default: return false;
    }
}

/* Access size in bytes of a load, store, LR/SC or AMO. */
SEMANTICS_FN unsigned mem_op_size(enum op op)
{
    switch (op) {
    case OP_LB: case OP_LBU: case OP_SB: return 1;
    case OP_LH: case OP_LHU: case OP_SH: return 2;
    case OP_LW: case OP_LWU: case OP_SW: case OP_FLW: case OP_FSW: return 4;
    case OP_LR_W: case OP_SC_W: case OP_AMOSWAP_W: case OP_AMOADD_W: case OP_AMOXOR_W:
    case OP_AMOAND_W: case OP_AMOOR_W: case OP_AMOMIN_W: case OP_AMOMAX_W: case OP_AMOMINU_W:
    case OP_AMOMAXU_W: return 4;
    default: return 8;
    }
}

/* Extends a loaded value of the load's width to 64 bits. */
SEMANTICS_FN uint64_t load_extend(enum op op, uint64_t v)
{
    switch (op) {
    case OP_LB: return (uint64_t)(int64_t)(int8_t)v;
    case OP_LH: return (uint64_t)(int64_t)(int16_t)v;
    case OP_LW: case OP_LR_W: return sext32(v);
    case OP_LBU: return (uint8_t)v;
    case OP_LHU: return (uint16_t)v;
    case OP_LWU: return (uint32_t)v;
    default: return v;
    }
}

/* New memory value of an AMO from the old one (`old` already extended) and rs2. */
SEMANTICS_FN uint64_t amo_op(enum op op, uint64_t old, uint64_t src)
{
    switch (op) {
    case OP_AMOSWAP_W: case OP_AMOSWAP_D: return src;
    case OP_AMOADD_W: case OP_AMOADD_D: return old + src;
    case OP_AMOXOR_W: case OP_AMOXOR_D: return old ^ src;
    case OP_AMOAND_W: case OP_AMOAND_D: return old & src;
    case OP_AMOOR_W: case OP_AMOOR_D: return old | src;
    case OP_AMOMIN_W: return (int32_t)old < (int32_t)src ? old : src;
    case OP_AMOMAX_W: return (int32_t)old > (int32_t)src ? old : src;
    case OP_AMOMINU_W: return (uint32_t)old < (uint32_t)src ? old : src;
    case OP_AMOMAXU_W: return (uint32_t)old > (uint32_t)src ? old : src;
    case OP_AMOMIN_D: return (int64_t)old < (int64_t)src ? old : src;
    case OP_AMOMAX_D: return (int64_t)old > (int64_t)src ? old : src;
    case OP_AMOMINU_D: return old < src ? old : src;
    case OP_AMOMAXU_D: return old > src ? old : src;
    default: return old;
    }
}

#endif
