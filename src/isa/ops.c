/* Per-operation tables generated from isa/ops.def, so the list of instructions exists once. */
#include "isa/insn.h"

static const unsigned char op_classes[OP_COUNT] = {
#define OP(name, mnemonic, class) [OP_##name] = CLASS_##class,
#include "isa/ops.def"
#undef OP
};

static const char *const op_mnemonics[OP_COUNT] = {
#define OP(name, mnemonic, class) [OP_##name] = mnemonic,
#include "isa/ops.def"
#undef OP
};

enum op_class op_class(enum op op)
{
    return (unsigned)op < OP_COUNT ? (enum op_class)op_classes[op] : CLASS_SYS;
}

const char *op_mnemonic(enum op op)
{
    return (unsigned)op < OP_COUNT ? op_mnemonics[op] : "illegal";
}
