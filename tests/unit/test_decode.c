/* insn_decode(), insn_disasm() and the ops.def tables, on hand-assembled encodings.  The
 * exhaustive check against objdump is the decode.vs_objdump test; these pin down the field
 * conventions of isa/insn.h and the reserved-encoding rules one by one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "isa/insn.h"

static void check_fields(uint32_t raw, unsigned len, enum op op, int rd, int rs1, int rs2, int64_t imm,
                         int rs3, int rm)
{
    struct insn in;
    if (!insn_decode(raw, &in))
        fail_msg("0x%08x did not decode", (unsigned)raw);
    if (in.op != op)
        fail_msg("0x%08x decoded as %s, want %s", (unsigned)raw, op_mnemonic(in.op), op_mnemonic(op));
    assert_int_equal(in.len, len);
    assert_int_equal(in.rd, rd);
    assert_int_equal(in.rs1, rs1);
    assert_int_equal(in.rs2, rs2);
    assert_int_equal(in.rs3, rs3);
    assert_int_equal(in.rm, rm);
    if (in.imm != imm)
        fail_msg("0x%08x: imm %lld, want %lld", (unsigned)raw, (long long)in.imm, (long long)imm);
    assert_int_equal(in.raw, len == 2 ? (raw & 0xffff) : raw);
}

/* An instruction with no rs3 and rm 0. */
static void check(uint32_t raw, unsigned len, enum op op, int rd, int rs1, int rs2, int64_t imm)
{
    check_fields(raw, len, op, rd, rs1, rs2, imm, 0, 0);
}

/* A 32-bit instruction with no immediate but an rs3 or an rm (FP, AMO, fence). */
static void check_rm(uint32_t raw, enum op op, int rd, int rs1, int rs2, int rs3, int rm)
{
    check_fields(raw, 4, op, rd, rs1, rs2, 0, rs3, rm);
}

static void check_illegal(uint32_t raw)
{
    struct insn in;
    if (insn_decode(raw, &in))
        fail_msg("reserved encoding 0x%08x decoded as %s", (unsigned)raw, op_mnemonic(in.op));
    assert_int_equal(in.op, OP_ILLEGAL);
}

static void check_text(uint32_t raw, uint64_t pc, const char *want)
{
    struct insn in;
    insn_decode(raw, &in);
    char buf[96];
    int n = insn_disasm(&in, pc, buf, sizeof buf);
    assert_string_equal(buf, want);
    assert_int_equal(n, (int)strlen(want));
}

static void test_tables(void **state)
{
    (void)state;
    assert_int_equal(op_class(OP_ADD), CLASS_R);
    assert_int_equal(op_class(OP_FMADD_D), CLASS_F4);
    assert_int_equal(op_class(OP_CSRRWI), CLASS_CSRI);
    assert_int_equal(op_class(OP_FMV_X_D), CLASS_F2X);
    assert_string_equal(op_mnemonic(OP_FENCE_I), "fence.i");
    assert_string_equal(op_mnemonic(OP_AMOMAXU_D), "amomaxu.d");
    assert_string_equal(op_mnemonic(OP_COUNT), "illegal");
    assert_string_equal(reg_name_x(0), "zero");
    assert_string_equal(reg_name_x(8), "s0");
    assert_string_equal(reg_name_x(31), "t6");
    assert_string_equal(reg_name_f(10), "fa0");
    assert_string_equal(reg_name_f(31), "ft11");
}

static void test_integer(void **state)
{
    (void)state;
    check(0xfffff537, 4, OP_LUI, 10, 0, 0, -4096);            /* lui a0,0xfffff */
    check(0x80000fb7, 4, OP_LUI, 31, 0, 0, -0x80000000ll);    /* lui t6,0x80000 */
    check(0x7ffffd97, 4, OP_AUIPC, 27, 0, 0, 0x7ffff000);     /* auipc s11,0x7ffff */
    check(0xfe9ff0ef, 4, OP_JAL, 1, 0, 0, -24);
    check(0x7ffff06f, 4, OP_JAL, 0, 0, 0, 0xffffe);           /* largest forward */
    check(0x800000ef, 4, OP_JAL, 1, 0, 0, -0x100000);         /* largest backward */
    check(0x800280e7, 4, OP_JALR, 1, 5, 0, -2048);            /* jalr ra,-2048(t0) */
    check(0xfeb50ae3, 4, OP_BEQ, 0, 10, 11, -12);
    check(0x7e959fe3, 4, OP_BNE, 0, 11, 9, 4094);
    check(0x80b54063, 4, OP_BLT, 0, 10, 11, -4096);
    check(0x00a05463, 4, OP_BGE, 0, 0, 10, 8);
    check(0x00d66463, 4, OP_BLTU, 0, 12, 13, 8);
    check(0x00f77463, 4, OP_BGEU, 0, 14, 15, 8);
    check(0x80058503, 4, OP_LB, 10, 11, 0, -2048);
    check(0x7ff59503, 4, OP_LH, 10, 11, 0, 2047);
    check(0x00012e03, 4, OP_LW, 28, 2, 0, 0);
    check(0xff843e83, 4, OP_LD, 29, 8, 0, -8);
    check(0x0011cf03, 4, OP_LBU, 30, 3, 0, 1);
    check(0xfff25f83, 4, OP_LHU, 31, 4, 0, -1);
    check(0x06406083, 4, OP_LWU, 1, 0, 0, 100);
    check(0x80a58023, 4, OP_SB, 0, 11, 10, -2048);
    check(0x7ea59fa3, 4, OP_SH, 0, 11, 10, 2047);
    check(0x01212223, 4, OP_SW, 0, 2, 18, 4);
    check(0xff3a3823, 4, OP_SD, 0, 20, 19, -16);
    check(0x80058513, 4, OP_ADDI, 10, 11, 0, -2048);
    check(0x7ff58513, 4, OP_ADDI, 10, 11, 0, 2047);
    check(0xfff5a513, 4, OP_SLTI, 10, 11, 0, -1);
    check(0xfff5b513, 4, OP_SLTIU, 10, 11, 0, -1);    /* sign-extended, then unsigned */
    check(0xfff5c513, 4, OP_XORI, 10, 11, 0, -1);
    check(0x7ff5e513, 4, OP_ORI, 10, 11, 0, 2047);
    check(0x8005f513, 4, OP_ANDI, 10, 11, 0, -2048);
    check(0xfff5851b, 4, OP_ADDIW, 10, 11, 0, -1);
    check(0x00c58533, 4, OP_ADD, 10, 11, 12, 0);
    check(0x417b0ab3, 4, OP_SUB, 21, 22, 23, 0);
    check(0x01ac9c33, 4, OP_SLL, 24, 25, 26, 0);
    check(0x01de2db3, 4, OP_SLT, 27, 28, 29, 0);
    check(0x000fbf33, 4, OP_SLTU, 30, 31, 0, 0);
    check(0x00c5c533, 4, OP_XOR, 10, 11, 12, 0);
    check(0x00c5d533, 4, OP_SRL, 10, 11, 12, 0);
    check(0x40c5d533, 4, OP_SRA, 10, 11, 12, 0);
    check(0x00c5e533, 4, OP_OR, 10, 11, 12, 0);
    check(0x00c5f533, 4, OP_AND, 10, 11, 12, 0);
    check(0x00c5853b, 4, OP_ADDW, 10, 11, 12, 0);
    check(0x40c5853b, 4, OP_SUBW, 10, 11, 12, 0);
    check(0x00c5953b, 4, OP_SLLW, 10, 11, 12, 0);
    check(0x00c5d53b, 4, OP_SRLW, 10, 11, 12, 0);
    check(0x40c5d53b, 4, OP_SRAW, 10, 11, 12, 0);
}

static void test_shifts(void **state)
{
    (void)state;
    check(0x00059513, 4, OP_SLLI, 10, 11, 0, 0);
    check(0x03f59513, 4, OP_SLLI, 10, 11, 0, 63);     /* 6-bit shamt on RV64 */
    check(0x0205d513, 4, OP_SRLI, 10, 11, 0, 32);
    check(0x43f5d513, 4, OP_SRAI, 10, 11, 0, 63);     /* imm is the shamt, not 0x43f */
    check(0x01f5951b, 4, OP_SLLIW, 10, 11, 0, 31);
    check(0x0015d51b, 4, OP_SRLIW, 10, 11, 0, 1);
    check(0x41f5d51b, 4, OP_SRAIW, 10, 11, 0, 31);
}

/* Zba/Zbb/Zbs/Zbc: the unary operations carry no immediate (their selector sits where an
 * immediate would), the immediate shifts and bit indexes keep a 6-bit (5 for *w) amount. */
static void test_bitmanip(void **state)
{
    (void)state;
    check(0x08c5853b, 4, OP_ADD_UW, 10, 11, 12, 0);
    check(0x20c5e53b, 4, OP_SH3ADD_UW, 10, 11, 12, 0);
    check(0x0bf5951b, 4, OP_SLLI_UW, 10, 11, 0, 63);
    check(0x40c5f533, 4, OP_ANDN, 10, 11, 12, 0);
    check(0x60059513, 4, OP_CLZ, 10, 11, 0, 0);
    check(0x6025951b, 4, OP_CPOPW, 10, 11, 0, 0);
    check(0x60559513, 4, OP_SEXT_H, 10, 11, 0, 0);
    check(0x0805c53b, 4, OP_ZEXT_H, 10, 11, 0, 0);
    check(0x0ac5d533, 4, OP_MINU, 10, 11, 12, 0);
    check(0x63f5d513, 4, OP_RORI, 10, 11, 0, 63);
    check(0x61f5d51b, 4, OP_RORIW, 10, 11, 0, 31);
    check(0x2875d513, 4, OP_ORC_B, 10, 11, 0, 0);
    check(0x6b85d513, 4, OP_REV8, 10, 11, 0, 0);
    check(0x4bf59513, 4, OP_BCLRI, 10, 11, 0, 63);
    check(0x4805d513, 4, OP_BEXTI, 10, 11, 0, 0);
    check(0x68c59533, 4, OP_BINV, 10, 11, 12, 0);
    check(0x2a059513, 4, OP_BSETI, 10, 11, 0, 32);
    check(0x0ac5b533, 4, OP_CLMULH, 10, 11, 12, 0);
    check_illegal(0x60359513);   /* unary selector 3 */
    check_illegal(0x6085951b);   /* clzw-group selector 8 */
    check_illegal(0x08c5c53b);   /* packw (Zbkb): zext.h only with rs2 = 0 */
    check_illegal(0x68c5953b);   /* binv has no *w form */
    check_illegal(0x0ec5d533);   /* czero.eqz (Zicond, not implemented) */
    check_illegal(0x6205951b);   /* roriw's group in slliw position with shamt[5] */
    check_illegal(0x2865d513);   /* orc.b's neighbour: funct12 0x286 */
    check_text(0x0805853b, 0, "add.uw a0,a1,zero");
    check_text(0x0bf5951b, 0, "slli.uw a0,a1,0x3f");
    check_text(0x60259513, 0, "cpop a0,a1");
    check_text(0x68559513, 0, "binvi a0,a1,0x5");
}

static void test_system_and_csr(void **state)
{
    (void)state;
    check_rm(0x0ff0000f, OP_FENCE, 0, 0, 0, 0, 0xff);     /* fence iorw,iorw */
    check_rm(0x0330000f, OP_FENCE, 0, 0, 0, 0, 0x33);     /* fence rw,rw */
    check_rm(0x8330000f, OP_FENCE, 0, 0, 0, 0, 0x33);     /* fence.tso */
    check(0x0000100f, 4, OP_FENCE_I, 0, 0, 0, 0);
    check(0x00000073, 4, OP_ECALL, 0, 0, 0, 0);
    check(0x00100073, 4, OP_EBREAK, 0, 0, 0, 0);
    check(0x00159573, 4, OP_CSRRW, 10, 11, 0, 0x001);
    check(0xc0002573, 4, OP_CSRRS, 10, 0, 0, 0xc00);   /* csr number is unsigned */
    check(0x0035b073, 4, OP_CSRRC, 0, 11, 0, 0x003);
    check(0x002fd573, 4, OP_CSRRWI, 10, 31, 0, 0x002);  /* uimm 31 in rs1 */
    check(0x001fe073, 4, OP_CSRRSI, 0, 31, 0, 0x001);
    check(0x00387573, 4, OP_CSRRCI, 10, 16, 0, 0x003);
}

static void test_mul_div(void **state)
{
    (void)state;
    static const struct { uint32_t raw; enum op op; } cases[] = {
        { 0x02c58533, OP_MUL }, { 0x02c59533, OP_MULH }, { 0x02c5a533, OP_MULHSU },
        { 0x02c5b533, OP_MULHU }, { 0x02c5c533, OP_DIV }, { 0x02c5d533, OP_DIVU },
        { 0x02c5e533, OP_REM }, { 0x02c5f533, OP_REMU }, { 0x02c5853b, OP_MULW },
        { 0x02c5c53b, OP_DIVW }, { 0x02c5d53b, OP_DIVUW }, { 0x02c5e53b, OP_REMW },
        { 0x02c5f53b, OP_REMUW },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(cases[i].raw, 4, cases[i].op, 10, 11, 12, 0);
}

static void test_atomics(void **state)
{
    (void)state;
    check(0x1005a52f, 4, OP_LR_W, 10, 11, 0, 0);
    check_rm(0x1605b52f, OP_LR_D, 10, 11, 0, 0, 3);     /* .aqrl */
    check(0x18c5a52f, 4, OP_SC_W, 10, 11, 12, 0);
    check_rm(0x1ac5b52f, OP_SC_D, 10, 11, 12, 0, 1);    /* .rl */
    check_rm(0x04c5a52f, OP_AMOADD_W, 10, 11, 12, 0, 2); /* .aq */
    static const struct { uint32_t raw; enum op op; } cases[] = {
        { 0x08c5a52f, OP_AMOSWAP_W }, { 0x20c5a52f, OP_AMOXOR_W }, { 0x60c5a52f, OP_AMOAND_W },
        { 0x40c5a52f, OP_AMOOR_W }, { 0x80c5a52f, OP_AMOMIN_W }, { 0xa0c5a52f, OP_AMOMAX_W },
        { 0xc0c5a52f, OP_AMOMINU_W }, { 0xe0c5a52f, OP_AMOMAXU_W }, { 0x08c5b52f, OP_AMOSWAP_D },
        { 0x00c5b52f, OP_AMOADD_D }, { 0x20c5b52f, OP_AMOXOR_D }, { 0x60c5b52f, OP_AMOAND_D },
        { 0x40c5b52f, OP_AMOOR_D }, { 0x80c5b52f, OP_AMOMIN_D }, { 0xa0c5b52f, OP_AMOMAX_D },
        { 0xc0c5b52f, OP_AMOMINU_D }, { 0xe0c5b52f, OP_AMOMAXU_D },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(cases[i].raw, 4, cases[i].op, 10, 11, 12, 0);
}

static void test_float(void **state)
{
    (void)state;
    check(0x80052507, 4, OP_FLW, 10, 10, 0, -2048);
    check(0x7ff12fa7, 4, OP_FSW, 0, 2, 31, 2047);
    check(0xff813507, 4, OP_FLD, 10, 2, 0, -8);
    check(0x00a13427, 4, OP_FSD, 0, 2, 10, 8);
    /* F4: rs3 and rm */
    check_rm(0x68c5f543, OP_FMADD_S, 10, 11, 12, 13, 7);
    check_rm(0x68c59547, OP_FMSUB_S, 10, 11, 12, 13, 1);
    check_rm(0x1820a04b, OP_FNMSUB_S, 0, 1, 2, 3, 2);
    check_rm(0xfbf3fe4f, OP_FNMADD_D, 28, 7, 31, 31, 7);
    /* F3 with rounding modes */
    check(0x00c58553, 4, OP_FADD_S, 10, 11, 12, 0);
    check_rm(0x00c5c553, OP_FADD_S, 10, 11, 12, 0, 4);
    check_rm(0x0ac5f553, OP_FSUB_D, 10, 11, 12, 0, 7);
    check_rm(0x12c5f553, OP_FMUL_D, 10, 11, 12, 0, 7);
    check_rm(0x1ac5f553, OP_FDIV_D, 10, 11, 12, 0, 7);
    /* no rounding mode: rm is 0 whatever funct3 was */
    check(0x22c5a553, 4, OP_FSGNJX_D, 10, 11, 12, 0);
    check(0x20c59553, 4, OP_FSGNJN_S, 10, 11, 12, 0);
    check(0x28c59553, 4, OP_FMAX_S, 10, 11, 12, 0);
    check(0x2ac58553, 4, OP_FMIN_D, 10, 11, 12, 0);
    check(0xa0c5a553, 4, OP_FEQ_S, 10, 11, 12, 0);
    check(0xa2c59553, 4, OP_FLT_D, 10, 11, 12, 0);
    check(0xa0c58553, 4, OP_FLE_S, 10, 11, 12, 0);
    check(0xe2059553, 4, OP_FCLASS_D, 10, 11, 0, 0);
    check(0xe0058553, 4, OP_FMV_X_W, 10, 11, 0, 0);
    check(0xf2058553, 4, OP_FMV_D_X, 10, 11, 0, 0);
    /* F1, F2X, X2F: rs2 selects the operation and is cleared */
    check_rm(0x5805c553, OP_FSQRT_S, 10, 11, 0, 0, 4);
    check_rm(0x4015f553, OP_FCVT_S_D, 10, 11, 0, 0, 7);
    check(0x42058553, 4, OP_FCVT_D_S, 10, 11, 0, 0);
    check_rm(0xc0059553, OP_FCVT_W_S, 10, 11, 0, 0, 1);
    check_rm(0xc015f553, OP_FCVT_WU_S, 10, 11, 0, 0, 7);
    check_rm(0xc225f553, OP_FCVT_L_D, 10, 11, 0, 0, 7);
    check_rm(0xc235f553, OP_FCVT_LU_D, 10, 11, 0, 0, 7);
    check_rm(0xd005f553, OP_FCVT_S_W, 10, 11, 0, 0, 7);
    check(0xd2158553, 4, OP_FCVT_D_WU, 10, 11, 0, 0);
    check_rm(0xd225f553, OP_FCVT_D_L, 10, 11, 0, 0, 7);
    check_rm(0xd035f553, OP_FCVT_S_LU, 10, 11, 0, 0, 7);
}

/* One encoding of every compressed form, expanded to its base operation. */
static void test_compressed(void **state)
{
    (void)state;
    check(0x0048, 2, OP_ADDI, 10, 2, 0, 4);        /* c.addi4spn a0,sp,4 */
    check(0x1fe4, 2, OP_ADDI, 9, 2, 0, 1020);      /* c.addi4spn s1,sp,1020 */
    check(0x2188, 2, OP_FLD, 10, 11, 0, 0);
    check(0x3fe0, 2, OP_FLD, 8, 15, 0, 248);
    check(0x5de8, 2, OP_LW, 10, 11, 0, 124);
    check(0x7c64, 2, OP_LD, 9, 8, 0, 248);
    check(0xa49c, 2, OP_FSD, 0, 9, 15, 8);
    check(0xc188, 2, OP_SW, 0, 11, 10, 0);
    check(0xfde8, 2, OP_SD, 0, 11, 10, 248);
    check(0x0001, 2, OP_ADDI, 0, 0, 0, 0);         /* c.nop */
    check(0x1501, 2, OP_ADDI, 10, 10, 0, -32);
    check(0x0ffd, 2, OP_ADDI, 31, 31, 0, 31);
    check(0x3501, 2, OP_ADDIW, 10, 10, 0, -32);
    check(0x2dfd, 2, OP_ADDIW, 27, 27, 0, 31);
    check(0x5501, 2, OP_ADDI, 10, 0, 0, -32);      /* c.li */
    check(0x7101, 2, OP_ADDI, 2, 2, 0, -512);      /* c.addi16sp */
    check(0x617d, 2, OP_ADDI, 2, 2, 0, 496);
    check(0x7501, 2, OP_LUI, 10, 0, 0, -0x20000);  /* c.lui a0,0xfffe0 */
    check(0x6ffd, 2, OP_LUI, 31, 0, 0, 0x1f000);
    check(0x8105, 2, OP_SRLI, 10, 10, 0, 1);
    check(0x90fd, 2, OP_SRLI, 9, 9, 0, 63);
    check(0x9781, 2, OP_SRAI, 15, 15, 0, 32);
    check(0x9901, 2, OP_ANDI, 10, 10, 0, -32);
    check(0x8c05, 2, OP_SUB, 8, 8, 9, 0);
    check(0x8d3d, 2, OP_XOR, 10, 10, 15, 0);
    check(0x8d4d, 2, OP_OR, 10, 10, 11, 0);
    check(0x8d6d, 2, OP_AND, 10, 10, 11, 0);
    check(0x9d0d, 2, OP_SUBW, 10, 10, 11, 0);
    check(0x9d2d, 2, OP_ADDW, 10, 10, 11, 0);
    check(0xbffd, 2, OP_JAL, 0, 0, 0, -2);         /* c.j */
    check(0xaffd, 2, OP_JAL, 0, 0, 0, 2046);
    check(0xd101, 2, OP_BEQ, 0, 10, 0, -256);      /* c.beqz */
    check(0xed7d, 2, OP_BNE, 0, 10, 0, 254);       /* c.bnez */
    check(0x0506, 2, OP_SLLI, 10, 10, 0, 1);
    check(0x1ffe, 2, OP_SLLI, 31, 31, 0, 63);
    check(0x2502, 2, OP_FLD, 10, 2, 0, 0);
    check(0x3ffe, 2, OP_FLD, 31, 2, 0, 504);
    check(0x557e, 2, OP_LW, 10, 2, 0, 252);
    check(0x70fe, 2, OP_LD, 1, 2, 0, 504);
    check(0x8082, 2, OP_JALR, 0, 1, 0, 0);         /* c.jr ra */
    check(0x857e, 2, OP_ADD, 10, 0, 31, 0);           /* c.mv a0,t6 */
    check(0x9002, 2, OP_EBREAK, 0, 0, 0, 0);
    check(0x9502, 2, OP_JALR, 1, 10, 0, 0);        /* c.jalr a0 */
    check(0x952e, 2, OP_ADD, 10, 10, 11, 0);
    check(0xbfaa, 2, OP_FSD, 0, 2, 10, 504);
    check(0xdfaa, 2, OP_SW, 0, 2, 10, 252);
    check(0xe006, 2, OP_SD, 0, 2, 1, 0);
    /* the upper half of a 16-bit fetch is ignored */
    check(0xdead8082, 2, OP_JALR, 0, 1, 0, 0);
}

/* HINT encodings are legal and behave as their base operation. */
static void test_compressed_hints(void **state)
{
    (void)state;
    check(0x0015, 2, OP_ADDI, 0, 0, 0, 5);         /* c.addi zero,5 */
    check(0x4005, 2, OP_ADDI, 0, 0, 0, 1);         /* c.li zero,1 */
    check(0x6005, 2, OP_LUI, 0, 0, 0, 0x1000);     /* c.lui zero,1 */
    check(0x802a, 2, OP_ADD, 0, 0, 10, 0);            /* c.mv zero,a0 */
    check(0x8001, 2, OP_SRLI, 8, 8, 0, 0);         /* c.srli64 */
    check(0x0002, 2, OP_SLLI, 0, 0, 0, 0);         /* c.slli64 zero */
}

static void test_reserved_compressed(void **state)
{
    (void)state;
    check_illegal(0x0000);   /* the all-zero parcel */
    check_illegal(0x0008);   /* c.addi4spn with imm 0, rd != 0 */
    check_illegal(0x8000);   /* quadrant 0, funct3 4 */
    check_illegal(0x6001);   /* c.lui zero with imm 0 */
    check_illegal(0x6501);   /* c.lui a0 with imm 0 */
    check_illegal(0x6101);   /* c.addi16sp with imm 0 */
    check_illegal(0x2001);   /* c.addiw with rd 0 */
    check_illegal(0x4002);   /* c.lwsp with rd 0 */
    check_illegal(0x6002);   /* c.ldsp with rd 0 */
    check_illegal(0x8002);   /* c.jr with rs1 0 */
    check_illegal(0x9c41);   /* CA group, funct 2 with bit 12 set */
    check_illegal(0x9c61);   /* CA group, funct 3 with bit 12 set */
}

static void test_reserved_32(void **state)
{
    (void)state;
    check_illegal(0xffffffff);
    check_illegal(0x0000706b);   /* custom-2 major opcode */
    check_illegal(0x00007503);   /* load funct3 7 */
    check_illegal(0x00a5c023);   /* store funct3 4 */
    check_illegal(0x00b52063 | 0x2000);   /* branch funct3 2 */
    check_illegal(0x00b51067);   /* jalr funct3 1 */
    check_illegal(0x4005951b | 0x02000000);   /* slliw with shamt[5] set */
    check_illegal(0x0205d51b);   /* srliw with shamt[5] set */
    check_illegal(0x4205d51b);   /* sraiw with shamt[5] set */
    check_illegal(0x40059513);   /* slli with funct6 0x10 */
    check_illegal(0x8005d513);   /* srli/srai with an unknown funct6 */
    check_illegal(0x80c58533);   /* OP with funct7 0x40 */
    check_illegal(0x40c59533);   /* OP funct7 0x20 with funct3 1 */
    check_illegal(0x00c5a53b);   /* OP-32 funct3 2 */
    check_illegal(0x02c5953b);   /* OP-32 M funct3 1 (no mulhw) */
    check_illegal(0x0000200f);   /* MISC-MEM funct3 2 (cbo) */
    check_illegal(0x10600073);   /* SYSTEM funct3 0 between wfi and sfence.vma */
    check_illegal(0x12000173);   /* sfence.vma with rd set */
    check_illegal(0x30300073);   /* mret's neighbour */
    check_illegal(0x00004073);   /* SYSTEM funct3 4 */
    check_illegal(0x00200073);   /* uret (ecall with imm 2): not user mode */
    check_illegal(0x000000f3);   /* ecall with rd set */
    check_illegal(0x00c5952f);   /* AMO funct3 1 */
    check_illegal(0x14c5a52f);   /* lr.w with rs2 != 0 */
    check_illegal(0x28c5a52f);   /* AMO funct5 0x05 */
    check_illegal(0x00054507);   /* LOAD-FP funct3 4 (vector) */
    check_illegal(0x00a51027);   /* STORE-FP funct3 1 (flh) */
}

static void test_reserved_float(void **state)
{
    (void)state;
    check_illegal(0x04c58553);   /* fadd with fmt 2 (H) */
    check_illegal(0x06c58553);   /* fadd with fmt 3 (Q) */
    check_illegal(0x02c5d553);   /* fadd.d with rm 5 */
    check_illegal(0x02c5e553);   /* fadd.d with rm 6 */
    check_illegal(0x6ec5f543);   /* fmadd with fmt 3 */
    check_illegal(0x68c5d543);   /* fmadd with rm 5 */
    check_illegal(0x5a15f553);   /* fsqrt.d with rs2 1 */
    check_illegal(0x22c5b553);   /* fsgnj funct3 3 */
    check_illegal(0x2ac5a553);   /* fmin/fmax funct3 2 */
    check_illegal(0xa2c5b553);   /* fcmp funct3 3 */
    check_illegal(0x4005f553);   /* fcvt.s.? with rs2 0 (would be fcvt.s.s) */
    check_illegal(0x4215f553);   /* fcvt.d.? with rs2 1 (would be fcvt.d.d) */
    check_illegal(0x4025f553);   /* fcvt.s.h */
    check_illegal(0xc245f553);   /* fcvt.int.fp with rs2 4 */
    check_illegal(0xd255f553);   /* fcvt.fp.int with rs2 5 */
    check_illegal(0xe2159553);   /* fclass with rs2 1 */
    check_illegal(0xe205a553);   /* fmv.x.d/fclass funct3 2 */
    check_illegal(0xf2059553);   /* fmv.d.x funct3 1 */
    check_illegal(0xf2158553);   /* fmv.d.x rs2 1 */
    check_illegal(0x3ec58553);   /* OP-FP funct5 0x07 */
}

/* Illegal instructions keep their encoding and length for the trap handler. */
static void test_illegal_fields(void **state)
{
    (void)state;
    struct insn in;
    assert_false(insn_decode(0x02c5d553, &in));
    assert_int_equal(in.op, OP_ILLEGAL);
    assert_int_equal(in.len, 4);
    assert_int_equal(in.raw, 0x02c5d553);
    assert_int_equal(in.rd, 0);
    assert_int_equal(in.imm, 0);
    assert_false(insn_decode(0xffff0000, &in));
    assert_int_equal(in.len, 2);
    assert_int_equal(in.raw, 0);
}

static void test_disasm(void **state)
{
    (void)state;
    check_text(0x01010513, 0x1000, "addi a0,sp,16");
    check_text(0xfeb50ae3, 0x10a58, "beq a0,a1,10a4c");
    check_text(0x1ed0e0ef, 0x10474, "jal ra,1ee60");
    check_text(0x000780e7, 0, "jalr ra,0(a5)");
    check_text(0xfe113c23, 0, "sd ra,-8(sp)");
    check_text(0x43f5d513, 0, "srai a0,a1,0x3f");
    check_text(0xfffff537, 0, "lui a0,0xfffff");
    check_text(0x00067717, 0, "auipc a4,0x67");
    check_text(0x00102773, 0, "csrrs a4,fflags,zero");
    check_text(0xc0302573, 0, "csrrs a0,hpmcounter3,zero");
    check_text(0x7c002573, 0, "csrrs a0,0x7c0,zero");
    check_text(0x00186073, 0, "csrrsi zero,fflags,16");
    check_text(0x0f50000f, 0, "fence iorw,ow");
    check_text(0x8330000f, 0, "fence.tso");
    check_text(0x0000100f, 0, "fence.i");
    check_text(0x00000073, 0, "ecall");
    check_text(0x1ce426af, 0, "sc.w.aq a3,a4,(s0)");
    check_text(0x1605b52f, 0, "lr.d.aqrl a0,(a1)");
    check_text(0x02c59553, 0, "fadd.d fa0,fa1,fa2,rtz");
    check_text(0x02c5f553, 0, "fadd.d fa0,fa1,fa2");
    check_text(0x68c59543, 0, "fmadd.s fa0,fa1,fa2,fa3,rtz");
    check_text(0xc2059553, 0, "fcvt.w.d a0,fa1,rtz");
    check_text(0xd0050553, 0, "fcvt.s.w fa0,a0,rne");
    check_text(0xd2050553, 0, "fcvt.d.w fa0,a0");   /* exact: objdump shows no rne */
    check_text(0x22f7a7d3, 0, "fsgnjx.d fa5,fa5,fa5");
    check_text(0xe20785d3, 0, "fmv.x.d a1,fa5");
    check_text(0xa0b52553, 0, "feq.s a0,fa0,fa1");
    check_text(0xffc52507, 0, "flw fa0,-4(a0)");
    /* compressed instructions under their own names */
    check_text(0x7131, 0, "c.addi16sp sp,-192");
    check_text(0xf922, 0, "c.sdsp s0,176(sp)");
    check_text(0x641c, 0, "c.ld a5,8(s0)");
    check_text(0x4681, 0, "c.li a3,0");
    check_text(0x84a2, 0, "c.mv s1,s0");
    check_text(0xe781, 0x10466, "c.bnez a5,1046e");
    check_text(0xa021, 0x10506, "c.j 1050e");
    check_text(0x8082, 0, "c.jr ra");
    check_text(0x9782, 0, "c.jalr a5");
    check_text(0x952e, 0, "c.add a0,a1");
    check_text(0x9d0d, 0, "c.subw a0,a1");
    check_text(0x070e, 0, "c.slli a4,0x3");
    check_text(0x66bd, 0, "c.lui a3,0xf");
    check_text(0x1028, 0, "c.addi4spn a0,sp,40");
    check_text(0x9b81, 0, "c.andi a5,-32");
    check_text(0x2546, 0, "c.fldsp fa0,80(sp)");
    check_text(0x9002, 0, "c.ebreak");
    check_text(0x0001, 0, "c.addi zero,0");
    check_text(0x8001, 0, "c.srli64 s0");
    check_text(0x0000, 0, "illegal 0x0000");
    check_text(0x10500073, 0, "wfi");
    check_text(0x30200073, 0, "mret");
    check_text(0x10200073, 0, "sret");
    check_text(0x12b50073, 0, "sfence.vma a0,a1");
    check_text(0x30002573, 0, "csrrs a0,mstatus,zero");
    check_text(0x3a202573, 0, "csrrs a0,pmpcfg2,zero");
    check_text(0x3bf02573, 0, "csrrs a0,pmpaddr15,zero");
    check_text(0x10600073, 0, "illegal 0x10600073");
}

static void test_disasm_truncates(void **state)
{
    (void)state;
    struct insn in;
    insn_decode(0x01010513, &in);   /* addi a0,sp,16 */
    char buf[6];
    memset(buf, 'x', sizeof buf);
    assert_int_equal(insn_disasm(&in, 0, buf, sizeof buf), 13);
    assert_string_equal(buf, "addi ");
    assert_int_equal(insn_disasm(&in, 0, NULL, 0), 13);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_integer),
        cmocka_unit_test(test_shifts),
        cmocka_unit_test(test_system_and_csr),
        cmocka_unit_test(test_mul_div),
        cmocka_unit_test(test_atomics),
        cmocka_unit_test(test_float),
        cmocka_unit_test(test_compressed),
        cmocka_unit_test(test_compressed_hints),
        cmocka_unit_test(test_reserved_compressed),
        cmocka_unit_test(test_bitmanip),
        cmocka_unit_test(test_reserved_32),
        cmocka_unit_test(test_reserved_float),
        cmocka_unit_test(test_illegal_fields),
        cmocka_unit_test(test_disasm),
        cmocka_unit_test(test_disasm_truncates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
