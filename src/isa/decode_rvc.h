/* The 16-bit (C extension) half of the decoder, used by insn_decode(). */
#ifndef SNAPSIM_ISA_DECODE_RVC_H
#define SNAPSIM_ISA_DECODE_RVC_H

#include <stdbool.h>
#include <stdint.h>

#include "isa/insn.h"

/* Expands the compressed instruction `raw` into its base operation in `out` (which the caller
 * has zeroed, with out->raw set) and sets len = 2.  Returns false, with OP_ILLEGAL, for a reserved
 * encoding. */
bool insn_decode_rvc(uint16_t raw, struct insn *out);

#endif
