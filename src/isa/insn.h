/* A decoded RISC-V instruction: the one representation every model executes. */
#ifndef SNAPSIM_ISA_INSN_H
#define SNAPSIM_ISA_INSN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum op {
#define OP(name, mnemonic, class) OP_##name,
#include "isa/ops.def"
#undef OP
    OP_COUNT
};

/* Operand shapes; see isa/ops.def. */
enum op_class {
    CLASS_R, CLASS_R1, CLASS_I, CLASS_U, CLASS_J, CLASS_JR, CLASS_B, CLASS_LD, CLASS_ST,
    CLASS_FLD, CLASS_FST, CLASS_CSR, CLASS_CSRI, CLASS_AMO, CLASS_LR, CLASS_SC,
    CLASS_F3, CLASS_F4, CLASS_F1, CLASS_FCMP, CLASS_F2X, CLASS_X2F, CLASS_VMA, CLASS_SYS,
};

/* Rounding-mode field values (fcsr.frm and the instruction's rm field). */
enum { RM_RNE = 0, RM_RTZ = 1, RM_RDN = 2, RM_RUP = 3, RM_RMM = 4, RM_DYN = 7 };

struct insn {
    int64_t imm;      /* sign-extended immediate; csr number for CSR classes; shift amount for shifts */
    uint32_t raw;     /* the encoding as fetched (16-bit encodings in the low half) */
    uint16_t op;      /* enum op */
    uint8_t rd, rs1, rs2, rs3; /* register numbers; file given by the class. CSRI: uimm5 in rs1 */
    uint8_t rm;       /* rounding mode for FP; aq<<1|rl for AMO/LR/SC; fence pred<<4|succ */
    uint8_t len;      /* 2 (compressed) or 4 */
};

/* Decodes the instruction whose first 16 or 32 bits are in `raw` (a 16-bit encoding uses only the
 * low half; the upper half is ignored).  Compressed instructions expand to their base operation
 * with len = 2.  Returns false for a reserved or unknown encoding; `out` then holds OP_ILLEGAL. */
bool insn_decode(uint32_t raw, struct insn *out);

/* Instruction length in bytes from its first 16-bit parcel. */
static inline unsigned insn_length(uint16_t parcel) { return (parcel & 3) == 3 ? 4 : 2; }

/* Every model's execute step switches on the class: inline, not a call per instruction (the
 * system-mode interpreter spent 5% of a Linux boot in the call). */
extern const unsigned char op_classes[OP_COUNT];
static inline enum op_class op_class(enum op op)
{
    return (unsigned)op < OP_COUNT ? (enum op_class)op_classes[op] : CLASS_SYS;
}
/* Does an operation of this class write an integer register (rd)? */
bool op_class_writes_x(enum op_class c);
bool op_class_writes_f(enum op_class c);   /* an f register */
const char *op_mnemonic(enum op op);

/* Writes a disassembly in objdump -M no-aliases style, e.g. "addi a0,sp,16" or "beq a0,a1,10a4c" (pc-relative
 * targets resolved against pc).  Returns the length written, truncating like snprintf. */
int insn_disasm(const struct insn *in, uint64_t pc, char *buf, size_t size);

/* ABI register names: "zero", "ra", ... and "ft0", ... */
const char *reg_name_x(unsigned r);
const char *reg_name_f(unsigned r);

#endif
