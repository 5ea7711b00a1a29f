/* Per-operation tables generated from isa/ops.def, so the list of instructions exists once. */
#include "isa/insn.h"

const unsigned char op_classes[OP_COUNT] = {
#define OP(name, mnemonic, class) [OP_##name] = CLASS_##class,
#include "isa/ops.def"
#undef OP
};

static const char *const op_mnemonics[OP_COUNT] = {
#define OP(name, mnemonic, class) [OP_##name] = mnemonic,
#include "isa/ops.def"
#undef OP
};

const char *op_mnemonic(enum op op)
{
    return (unsigned)op < OP_COUNT ? op_mnemonics[op] : "illegal";
}

bool op_class_writes_f(enum op_class c)
{
    return c == CLASS_FLD || c == CLASS_F3 || c == CLASS_F4 || c == CLASS_F1 || c == CLASS_X2F;
}

bool op_class_writes_x(enum op_class c)
{
    switch (c) {
    case CLASS_R: case CLASS_R1: case CLASS_I: case CLASS_U: case CLASS_J: case CLASS_JR: case CLASS_LD:
    case CLASS_CSR: case CLASS_CSRI: case CLASS_AMO: case CLASS_LR: case CLASS_SC:
    case CLASS_FCMP: case CLASS_F2X:
        return true;
    default:
        return false;
    }
}
