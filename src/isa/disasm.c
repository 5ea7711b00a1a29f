/* Disassembler in the format of GNU objdump -d -M no-aliases, so a trace can be checked against
 * objdump line by line: ABI register names, operands separated by "," without spaces,
 * pc-relative targets as bare hex addresses, shift amounts and U-type immediates in hex, rounding
 * modes only when not dynamic, compressed instructions under their c.* names.  The one
 * deliberate difference is a single space, not a tab, between mnemonic and operands.
 *
 * Operands are rendered from a small format string per class (see render()), so each class's
 * layout is written once and the compressed forms only need their own format strings. */
#include "isa/insn.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

static const char *const x_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

static const char *const f_names[32] = {
    "ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0", "fa1", "fa2", "fa3",
    "fa4", "fa5", "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10",
    "fs11", "ft8", "ft9", "ft10", "ft11",
};

const char *reg_name_x(unsigned r) { return r < 32 ? x_names[r] : "?"; }
const char *reg_name_f(unsigned r) { return r < 32 ? f_names[r] : "?"; }

/* Operand formats by class.  Letters:
 *   d s t r  rd, rs1, rs2, rs3 (x or f register by class)    i  immediate (hex for shifts)
 *   u  U-type immediate as objdump shows it (bits 31..12)      b  pc-relative target
 *   m  imm(rs1)      a  (rs1)      c  csr      z  CSRI uimm (in rs1)
 *   R  ",rm" when the rounding mode is static                  f  fence pred,succ
 * Any other character is copied. */
static const char *const class_formats[CLASS_SYS + 1] = {
    [CLASS_R] = "d,s,t", [CLASS_R1] = "d,s", [CLASS_I] = "d,s,i", [CLASS_U] = "d,u", [CLASS_J] = "d,b",
    [CLASS_JR] = "d,m", [CLASS_B] = "s,t,b", [CLASS_LD] = "d,m", [CLASS_ST] = "t,m",
    [CLASS_FLD] = "d,m", [CLASS_FST] = "t,m", [CLASS_CSR] = "d,c,s", [CLASS_CSRI] = "d,c,z",
    [CLASS_AMO] = "d,t,a", [CLASS_LR] = "d,a", [CLASS_SC] = "d,t,a", [CLASS_F3] = "d,s,tR",
    [CLASS_F4] = "d,s,t,rR", [CLASS_F1] = "d,sR", [CLASS_FCMP] = "d,s,t", [CLASS_F2X] = "d,sR",
    [CLASS_X2F] = "d,sR", [CLASS_VMA] = "s,t", [CLASS_SYS] = "",
};

/* Which operands name f registers, by class. */
enum { FP_RD = 1, FP_RS1 = 2, FP_RS2 = 4 };
static const unsigned char class_fp_regs[CLASS_SYS + 1] = {
    [CLASS_FLD] = FP_RD, [CLASS_FST] = FP_RS2, [CLASS_F3] = FP_RD | FP_RS1 | FP_RS2,
    [CLASS_F4] = FP_RD | FP_RS1 | FP_RS2, [CLASS_F1] = FP_RD | FP_RS1, [CLASS_FCMP] = FP_RS1 | FP_RS2,
    [CLASS_F2X] = FP_RS1, [CLASS_X2F] = FP_RD,
};

struct out {
    char buf[128];
    size_t len;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, sizeof o->buf - o->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n < sizeof o->buf - o->len ? (size_t)n : sizeof o->buf - 1 - o->len;
}

static bool is_shift_imm(enum op op)
{
    switch (op) {
    case OP_SLLI: case OP_SRLI: case OP_SRAI: case OP_SLLIW: case OP_SRLIW: case OP_SRAIW:
    case OP_SLLI_UW: case OP_RORI: case OP_RORIW: case OP_BCLRI: case OP_BEXTI: case OP_BINVI:
    case OP_BSETI:
        return true;
    default:
        return false;
    }
}

/* Whether the operation's rm field rounds anything (objdump omits it otherwise). */
static bool has_rounding_mode(enum op op)
{
    switch (op) {
    case OP_FSGNJ_S: case OP_FSGNJN_S: case OP_FSGNJX_S: case OP_FMIN_S: case OP_FMAX_S:
    case OP_FSGNJ_D: case OP_FSGNJN_D: case OP_FSGNJX_D: case OP_FMIN_D: case OP_FMAX_D:
    case OP_FMV_X_W: case OP_FMV_W_X: case OP_FMV_X_D: case OP_FMV_D_X:
    case OP_FCLASS_S: case OP_FCLASS_D:
        return false;
    default:
        return true;
    }
}

/* Conversions that are always exact: objdump shows their rm only when it is not RNE or DYN. */
static bool is_exact_conversion(enum op op)
{
    return op == OP_FCVT_D_W || op == OP_FCVT_D_WU || op == OP_FCVT_D_S;
}

static void put_rounding_mode(struct out *o, const struct insn *in)
{
    static const char *const names[8] = { "rne", "rtz", "rdn", "rup", "rmm", "5", "6", "dyn" };
    enum op op = in->op;
    if (!has_rounding_mode(op) || in->rm == RM_DYN || (is_exact_conversion(op) && in->rm == RM_RNE))
        return;
    put(o, ",%s", names[in->rm & 7]);
}

/* Names of the user-mode CSRs and of the privileged ones snapsim implements; others print as
 * numbers, as objdump does for numbers it does not know. */
static void put_csr(struct out *o, unsigned csr)
{
    static const struct { unsigned short num; const char *name; } named[] = {
        { 0x001, "fflags" }, { 0x002, "frm" }, { 0x003, "fcsr" }, { 0x008, "vstart" },
        { 0x009, "vxsat" }, { 0x00a, "vxrm" }, { 0x00f, "vcsr" }, { 0x015, "seed" },
        { 0xc00, "cycle" }, { 0xc01, "time" }, { 0xc02, "instret" }, { 0xc20, "vl" },
        { 0xc21, "vtype" }, { 0xc22, "vlenb" }, { 0xc80, "cycleh" }, { 0xc81, "timeh" },
        { 0xc82, "instreth" },
        { 0x100, "sstatus" }, { 0x104, "sie" }, { 0x105, "stvec" }, { 0x106, "scounteren" },
        { 0x140, "sscratch" }, { 0x141, "sepc" }, { 0x142, "scause" }, { 0x143, "stval" },
        { 0x144, "sip" }, { 0x180, "satp" }, { 0x300, "mstatus" }, { 0x301, "misa" },
        { 0x302, "medeleg" }, { 0x303, "mideleg" }, { 0x304, "mie" }, { 0x305, "mtvec" },
        { 0x306, "mcounteren" }, { 0x320, "mcountinhibit" }, { 0x340, "mscratch" },
        { 0x341, "mepc" }, { 0x342, "mcause" }, { 0x343, "mtval" }, { 0x344, "mip" },
        { 0xb00, "mcycle" }, { 0xb02, "minstret" }, { 0xf11, "mvendorid" }, { 0xf12, "marchid" },
        { 0xf13, "mimpid" }, { 0xf14, "mhartid" },
    };
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (named[i].num == csr) {
            put(o, "%s", named[i].name);
            return;
        }
    if (csr >= 0x3a0 && csr <= 0x3af)
        put(o, "pmpcfg%u", csr - 0x3a0);
    else if (csr >= 0x3b0 && csr <= 0x3ef)
        put(o, "pmpaddr%u", csr - 0x3b0);
    else if (csr >= 0xc03 && csr <= 0xc1f)
        put(o, "hpmcounter%u", csr - 0xc00);
    else if (csr >= 0xc83 && csr <= 0xc9f)
        put(o, "hpmcounter%uh", csr - 0xc80);
    else
        put(o, "0x%x", csr);
}

static void put_fence_set(struct out *o, unsigned set)
{
    if (!set) {
        put(o, "0");
        return;
    }
    static const char letters[] = "iorw";
    for (unsigned i = 0; i < 4; i++)
        if (set & (8u >> i))
            put(o, "%c", letters[i]);
}

static void render(struct out *o, const char *fmt, const struct insn *in, uint64_t pc)
{
    unsigned fp = class_fp_regs[op_class(in->op)];
    for (; *fmt; fmt++) {
        switch (*fmt) {
        case 'd': put(o, "%s", fp & FP_RD ? f_names[in->rd & 31] : x_names[in->rd & 31]); break;
        case 's': put(o, "%s", fp & FP_RS1 ? f_names[in->rs1 & 31] : x_names[in->rs1 & 31]); break;
        case 't': put(o, "%s", fp & FP_RS2 ? f_names[in->rs2 & 31] : x_names[in->rs2 & 31]); break;
        case 'r': put(o, "%s", f_names[in->rs3 & 31]); break;
        case 'i':
            if (is_shift_imm(in->op))
                put(o, "0x%" PRIx64, (uint64_t)in->imm);
            else
                put(o, "%" PRId64, in->imm);
            break;
        case 'u': put(o, "0x%" PRIx64, ((uint64_t)in->imm >> 12) & 0xfffff); break;
        case 'b': put(o, "%" PRIx64, pc + (uint64_t)in->imm); break;
        case 'm': put(o, "%" PRId64 "(%s)", in->imm, x_names[in->rs1 & 31]); break;
        case 'a': put(o, "(%s)", x_names[in->rs1 & 31]); break;
        case 'c': put_csr(o, (unsigned)in->imm & 0xfff); break;
        case 'z': put(o, "%u", in->rs1 & 31u); break;
        case 'R': put_rounding_mode(o, in); break;
        case 'f':
            put_fence_set(o, in->rm >> 4);
            put(o, ",");
            put_fence_set(o, in->rm & 15);
            break;
        default: put(o, "%c", *fmt); break;
        }
    }
}

/* The c.* name and operand format of a compressed instruction, from its encoding.  `fmt` NULL
 * means the base class's format fits (loads, stores, c.addi4spn). */
static const char *compressed_name(const struct insn *in, const char **fmt)
{
    static const char *const names[3][8] = {
        { "c.addi4spn", "c.fld", "c.lw", "c.ld", NULL, "c.fsd", "c.sw", "c.sd" },
        { "c.addi", "c.addiw", "c.li", "c.lui", NULL, "c.j", "c.beqz", "c.bnez" },
        { "c.slli", "c.fldsp", "c.lwsp", "c.ldsp", NULL, "c.fsdsp", "c.swsp", "c.sdsp" },
    };
    static const char *const ca_names[8] = { "c.sub", "c.xor", "c.or", "c.and", "c.subw", "c.addw" };
    uint32_t raw = in->raw;
    unsigned quadrant = raw & 3, funct3 = (raw >> 13) & 7;
    bool bit12 = (raw >> 12) & 1;

    *fmt = NULL;
    if (quadrant == 1) {
        switch (funct3) {
        case 3:
            if (in->op == OP_LUI) {
                *fmt = "d,u";
                return "c.lui";
            }
            *fmt = "d,i";
            return "c.addi16sp";
        case 4:
            switch ((raw >> 10) & 3) {
            case 0: *fmt = in->imm ? "d,i" : "d"; return in->imm ? "c.srli" : "c.srli64";
            case 1: *fmt = in->imm ? "d,i" : "d"; return in->imm ? "c.srai" : "c.srai64";
            case 2: *fmt = "d,i"; return "c.andi";
            default: *fmt = "d,t"; return ca_names[bit12 << 2 | ((raw >> 5) & 3)];
            }
        case 5: *fmt = "b"; break;
        case 6: case 7: *fmt = "s,b"; break;
        default: *fmt = "d,i"; break;
        }
    } else if (quadrant == 2 && funct3 == 0) {
        *fmt = in->imm ? "d,i" : "d";
        return in->imm ? "c.slli" : "c.slli64";
    } else if (quadrant == 2 && funct3 == 4) {
        if (in->op == OP_EBREAK) {
            *fmt = "";
            return "c.ebreak";
        }
        if (in->op == OP_JALR) {
            *fmt = "s";
            return in->rd ? "c.jalr" : "c.jr";
        }
        *fmt = "d,t";
        return bit12 ? "c.add" : "c.mv";
    }
    return names[quadrant][funct3];
}

static const char *amo_suffix(const struct insn *in)
{
    static const char *const suffixes[4] = { "", ".rl", ".aq", ".aqrl" };
    switch (op_class(in->op)) {
    case CLASS_AMO: case CLASS_LR: case CLASS_SC: return suffixes[in->rm & 3];
    default: return "";
    }
}

int insn_disasm(const struct insn *in, uint64_t pc, char *buf, size_t size)
{
    struct out o = { .len = 0 };
    o.buf[0] = '\0';
    enum op op = in->op;

    if (op == OP_ILLEGAL || op >= OP_COUNT) {
        put(&o, in->len == 2 ? "illegal 0x%04" PRIx32 : "illegal 0x%08" PRIx32, in->raw);
    } else if (op == OP_FENCE && in->raw == 0x8330000f) {
        put(&o, "fence.tso");
    } else {
        const char *fmt = class_formats[op_class(op)];
        const char *name = op_mnemonic(op);
        if (in->len == 2) {
            const char *cfmt;
            name = compressed_name(in, &cfmt);
            if (cfmt)
                fmt = cfmt;
        }
        if (op == OP_FENCE)
            fmt = "f";
        put(&o, "%s%s", name, amo_suffix(in));
        if (*fmt) {
            put(&o, " ");
            render(&o, fmt, in, pc);
        }
    }
    return snprintf(buf, size, "%s", o.buf);
}
