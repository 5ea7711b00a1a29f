/* The translator's out-of-line operations (see jit_helpers.h).  The argument choice per class
 * mirrors the interpreter's handlers in fast.c. */
#include "fast/jit_helpers.h"

#include "fast/jit_fp_host.h"

#include "isa/fpu.h"
#include "isa/semantics.h"

uint64_t jit_int_op(uint32_t op, uint64_t a, uint64_t b)
{
    return int_op((enum op)op, a, b);
}

struct jit_fp_result jit_fp_to_f(struct hart *h, const struct fast_insn *in)
{
    uint64_t r = 0;
    bool ok = jit_fp_host((enum op)in->op, h->f[in->rs1], h->f[in->rs2], in->rm, h->frm, &r, &h->fflags) ||
              fpu_execute((enum op)in->op, h->f[in->rs1], h->f[in->rs2], h->f[in->rs3], in->rm, h->frm,
                          &r, &h->fflags);
    if (ok)
        h->f[in->rd] = r;
    return (struct jit_fp_result){ r, ok };
}

struct jit_fp_result jit_fp_to_x(struct hart *h, const struct fast_insn *in)
{
    uint64_t r = 0;
    bool ok = fpu_execute((enum op)in->op, h->f[in->rs1], h->f[in->rs2], 0, in->rm, h->frm, &r, &h->fflags);
    return (struct jit_fp_result){ r, ok };
}

struct jit_fp_result jit_fp_from_x(struct hart *h, const struct fast_insn *in, uint64_t xa)
{
    uint64_t r = 0;
    bool ok = fpu_execute((enum op)in->op, xa, 0, 0, in->rm, h->frm, &r, &h->fflags);
    if (ok)
        h->f[in->rd] = r;
    return (struct jit_fp_result){ r, ok };
}
