/* Byte gathers: RV64GC without Zbb or misaligned-access guarantees reads an unaligned 2-, 4- or
 * 8-byte little-endian value as that many lbu, each shifted into place and or-ed together (zstd
 * and LZ-style code do it in their hottest loops: 22 instructions for 8 bytes, where x86 has one
 * load).  A run of such instructions is translated as one host load per base register followed
 * by the final value of every register the run writes, each computed from the loaded bytes.
 *
 * The run is found by symbolic evaluation: a register written in it holds
 *     sum over offsets i in S of  byte[base + i] << 8 (i - origin)
 * for one base register (as it was when the run began), a set S of offsets and an origin.  lbu
 * starts such a value, slli by a multiple of 8 lowers the origin, and or (or add: the sets are
 * disjoint, so nothing carries) joins two values of one base and origin.  Anything else ends the
 * run.  The run is kept up to its longest prefix where every value written is a contiguous range
 * of bytes (then it is a shifted, masked piece of the loaded bytes), each base spans at most 8
 * bytes, and at least two lbu are replaced.
 *
 * Exactness: the loads come first, before any register is written, so a host fault in them (a
 * byte on an unmapped page, or one of up to three bytes past the gathered range that the
 * wider host load reads) resumes the interpreter at the run's first instruction, which then
 * performs the lbu one by one and faults, or not, exactly as it does.  Every register the run
 * writes gets its final value; the run's intermediate values were never visible. */
#if defined(__x86_64__)

#include <string.h>

#include "fast/jit_ops_x86.h"
#include "isa/insn.h"

#define GATHER_BASES 2   /* one host scratch register each */

struct gather_value {
    bool known;
    uint8_t base;        /* index into the run's bases */
    int32_t lo;          /* lowest offset in S */
    uint8_t mask;        /* S as bits from lo (the base's span is at most 8) */
    int32_t origin;
};

struct gather_run {
    struct gather_value v[32];
    uint32_t written;    /* registers written in the run */
    struct { uint8_t reg; int32_t lo, hi; } base[GATHER_BASES];
    unsigned nbases, loads;
};

static bool contiguous(uint8_t mask) { return (mask & (mask + 1u)) == 0; }

static int highest_bit(uint8_t mask) { return 31 - __builtin_clz(mask); }

/* Steps the symbolic state over one instruction; false when it cannot be part of the run. */
static bool gather_step(struct gather_run *r, const struct fast_insn *in)
{
    if (in->rd == 0 || in->rd >= 32)
        return false;
    struct gather_value v;
    switch (in->op) {
    case OP_LBU: {
        if (in->rs1 == 0 || (r->written >> in->rs1 & 1))   /* the base as the run found it */
            return false;
        unsigned b = 0;
        while (b < r->nbases && r->base[b].reg != in->rs1)
            b++;
        int32_t off = (int32_t)in->imm;
        if (b == r->nbases) {
            if (b == GATHER_BASES)
                return false;
            r->base[b].reg = (uint8_t)in->rs1;
            r->base[b].lo = r->base[b].hi = off;
        }
        int32_t lo = off < r->base[b].lo ? off : r->base[b].lo;
        int32_t hi = off > r->base[b].hi ? off : r->base[b].hi;
        if (hi - lo >= 8)
            return false;
        if (b == r->nbases)
            r->nbases++;
        r->base[b].lo = lo;
        r->base[b].hi = hi;
        r->loads++;
        v = (struct gather_value){ true, (uint8_t)b, off, 1, off };
        break;
    }
    case OP_SLLI: {
        v = r->v[in->rs1];
        if (in->rs1 == 0 || !v.known || in->imm % 8 != 0)
            return false;
        v.origin -= (int32_t)(in->imm / 8);
        if (v.lo + highest_bit(v.mask) - v.origin > 7)   /* a byte would leave the register */
            return false;
        break;
    }
    case OP_OR: case OP_ADD: {
        struct gather_value a = r->v[in->rs1], c = r->v[in->rs2];
        if (in->rs1 == 0 || in->rs2 == 0 || !a.known || !c.known || a.base != c.base ||
            a.origin != c.origin)
            return false;
        int32_t lo = a.lo < c.lo ? a.lo : c.lo;
        unsigned ma = (unsigned)a.mask << (a.lo - lo), mc = (unsigned)c.mask << (c.lo - lo);
        if ((ma & mc) || ((ma | mc) >> 8))
            return false;
        v = (struct gather_value){ true, a.base, lo, (uint8_t)(ma | mc), a.origin };
        break;
    }
    default:
        return false;
    }
    r->v[in->rd] = v;
    r->written |= 1u << in->rd;
    return true;
}

static bool all_contiguous(const struct gather_run *r)
{
    for (unsigned x = 1; x < 32; x++)
        if ((r->written >> x & 1) && !contiguous(r->v[x].mask))
            return false;
    return true;
}

/* d = the value v, from the bytes loaded into src (whose lowest is the base's offset `from`,
 * `width` bytes of them). */
static void extract(struct xbuf *b, int d, int src, const struct gather_value *v, int32_t from,
                    unsigned width)
{
    unsigned skip = (unsigned)(v->lo - from), n = (unsigned)highest_bit(v->mask) + 1;
    x_rr(b, X_W, 0x8b, d, src);
    if (skip)
        x_shift_ri(b, X_W, SH_SHR, d, (uint8_t)(8 * skip));
    if (skip + n < width) {   /* bytes above the value to clear */
        if (n == 4)
            x_rr(b, 0, 0x8b, d, d);                 /* mov d32, d32 */
        else if (n == 1)
            x_rr(b, X_BYTE, 0x0fb6, d, d);          /* movzx d32, d8 */
        else if (n == 2)
            x_rr(b, 0, 0x0fb7, d, d);               /* movzx d32, d16 */
        else if (n == 3)
            x_alu_ri(b, 0, ALU_AND, d, 0xffffff);
        else {
            x_shift_ri(b, X_W, SH_SHL, d, (uint8_t)(64 - 8 * n));
            x_shift_ri(b, X_W, SH_SHR, d, (uint8_t)(64 - 8 * n));
        }
    }
    if (v->lo > v->origin)
        x_shift_ri(b, X_W, SH_SHL, d, (uint8_t)(8 * (v->lo - v->origin)));
}

/* The zero-extending guest load that covers offsets lo..hi. */
static enum op load_op(int32_t lo, int32_t hi)
{
    unsigned span = (unsigned)(hi - lo + 1);
    return span <= 1 ? OP_LBU : span <= 2 ? OP_LHU : span <= 4 ? OP_LWU : OP_LD;
}

static unsigned load_width(int32_t lo, int32_t hi)
{
    enum op op = load_op(lo, hi);
    return op == OP_LBU ? 1 : op == OP_LHU ? 2 : op == OP_LWU ? 4 : 8;
}

uint32_t jit_emit_gather(struct jit_tr *t, const struct fast_insn *insn, uint32_t k, uint32_t end)
{
    if (!t->guarded || insn[k].op != OP_LBU)
        return 0;
    struct gather_run r, best;
    memset(&r, 0, sizeof r);
    best = r;
    uint32_t n = 0;
    for (uint32_t i = k; i < end && gather_step(&r, &insn[i]); i++)
        if (r.loads >= 2 && all_contiguous(&r)) {
            best = r;
            n = i + 1 - k;
        }
    if (!n)
        return 0;

    /* The loads, as any translated load (their faults resume at the run's first lbu), into
     * rcx and rdx. */
    struct xbuf *b = &t->b;
    static const int scratch[GATHER_BASES] = { RCX, RDX };
    for (unsigned i = 0; i < best.nbases; i++) {
        int base = jit_guarded_base(t, best.base[i].reg, k);
        jit_host_load(b, load_op(best.base[i].lo, best.base[i].hi), scratch[i], base, best.base[i].lo);
    }
    /* Then every register the run writes, in its final value. */
    for (unsigned x = 1; x < 32; x++) {
        if (!(best.written >> x & 1))
            continue;
        const struct gather_value *v = &best.v[x];
        int d = t->host[x] >= 0 ? t->host[x] : RAX;
        extract(b, d, scratch[v->base], v, best.base[v->base].lo,
                load_width(best.base[v->base].lo, best.base[v->base].hi));
        if (d == RAX)
            jit_set_x(t, x, RAX);
    }
    t->below_limit &= ~best.written;
    t->gathers++;
    return n;
}

#endif
