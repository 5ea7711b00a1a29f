/* Every operation in src/isa/ops.def at least once, plus the operand extremes the decoder must
 * get right (immediate ranges, every rounding mode, aq/rl, HINTs) and a few instructions from
 * outside RV64GC that must be rejected.  Linked into the objdump comparison program, never run. */
    .text
    .globl decode_every_op
decode_every_op:
    .option push
    .option norvc
    /* RV64I */
    lui     a0, 0xfffff
    lui     t6, 0x80000
    lui     zero, 1
    auipc   s11, 0x7ffff
    jal     ra, decode_every_op
    jal     zero, 1f
1:  jalr    ra, -2048(t0)
    jalr    zero, 2047(a5)
    beq     a0, a1, decode_every_op
    bne     s0, s1, 2f
    blt     t0, t1, 2f
    bge     zero, a0, 2f
    bltu    a2, a3, 2f
2:  bgeu    a4, a5, decode_every_op
    lb      a0, -2048(a1)
    lh      a0, 2047(a1)
    lw      t3, 0(sp)
    ld      t4, -8(s0)
    lbu     t5, 1(gp)
    lhu     t6, -1(tp)
    lwu     ra, 100(zero)
    sb      a0, -2048(a1)
    sh      a0, 2047(a1)
    sw      s2, 4(sp)
    sd      s3, -16(s4)
    addi    a0, a1, -2048
    addi    a0, a1, 2047
    addi    zero, zero, 0
    slti    a0, a1, -1
    sltiu   a0, a1, 1
    xori    a0, a1, -1
    ori     a0, a1, 0x7ff
    andi    a0, a1, -2048
    slli    a0, a1, 0
    slli    a0, a1, 63
    srli    a0, a1, 32
    srai    a0, a1, 63
    addiw   a0, a1, -1
    slliw   a0, a1, 31
    srliw   a0, a1, 1
    sraiw   a0, a1, 31
    add     a0, a1, a2
    sub     s5, s6, s7
    sll     s8, s9, s10
    slt     s11, t3, t4
    sltu    t5, t6, zero
    xor     a0, a1, a2
    srl     a0, a1, a2
    sra     a0, a1, a2
    or      a0, a1, a2
    and     a0, a1, a2
    addw    a0, a1, a2
    subw    a0, a1, a2
    sllw    a0, a1, a2
    srlw    a0, a1, a2
    sraw    a0, a1, a2
    fence
    fence   rw, rw
    fence   r, w
    fence   io, o
    fence.tso
    fence.i
    ecall
    ebreak
    /* privileged */
    mret
    sret
    wfi
    sfence.vma zero, zero
    sfence.vma a0, a1
    csrrw   a0, mstatus, a1
    csrrs   a0, satp, zero
    csrrc   a0, sstatus, a1
    csrrwi  a0, mie, 5
    csrrs   a0, pmpcfg2, zero
    csrrw   zero, pmpaddr15, a0
    csrrs   a0, mhartid, zero
    /* Zicsr */
    csrrw   a0, fflags, a1
    csrrs   a0, frm, zero
    csrrc   zero, fcsr, a1
    csrrs   a0, cycle, zero
    csrrs   a0, time, zero
    csrrs   a0, instret, zero
    csrrs   a0, hpmcounter5, zero
    csrrs   a0, 0x7c0, zero
    csrrwi  a0, frm, 0
    csrrsi  zero, fflags, 31
    csrrci  a0, fcsr, 16
    /* M */
    mul     a0, a1, a2
    mulh    a0, a1, a2
    mulhsu  a0, a1, a2
    mulhu   a0, a1, a2
    div     a0, a1, a2
    divu    a0, a1, a2
    rem     a0, a1, a2
    remu    a0, a1, a2
    mulw    a0, a1, a2
    divw    a0, a1, a2
    divuw   a0, a1, a2
    remw    a0, a1, a2
    remuw   a0, a1, a2
    /* A, with every aq/rl combination */
    lr.w        a0, (a1)
    lr.w.aq     a0, (a1)
    lr.d.rl     a0, (a1)
    lr.d.aqrl   a0, (a1)
    sc.w        a0, a2, (a1)
    sc.d.aqrl   a0, a2, (a1)
    amoswap.w   a0, a2, (a1)
    amoadd.w.aq a0, a2, (a1)
    amoxor.w.rl a0, a2, (a1)
    amoand.w.aqrl a0, a2, (a1)
    amoor.w     a0, a2, (a1)
    amomin.w    a0, a2, (a1)
    amomax.w    a0, a2, (a1)
    amominu.w   a0, a2, (a1)
    amomaxu.w   a0, a2, (a1)
    amoswap.d   a0, a2, (a1)
    amoadd.d    a0, a2, (a1)
    amoxor.d    a0, a2, (a1)
    amoand.d    a0, a2, (a1)
    amoor.d     a0, a2, (a1)
    amomin.d    a0, a2, (a1)
    amomax.d    a0, a2, (a1)
    amominu.d   a0, a2, (a1)
    amomaxu.d.aqrl zero, zero, (sp)
    /* F */
    flw     fa0, -2048(a0)
    fsw     ft11, 2047(sp)
    fmadd.s  fa0, fa1, fa2, fa3
    fmsub.s  fa0, fa1, fa2, fa3, rtz
    fnmsub.s ft0, ft1, ft2, ft3, rdn
    fnmadd.s fs0, fs1, fs2, fs11, rup
    fadd.s  fa0, fa1, fa2, rne
    fadd.s  fa0, fa1, fa2, rtz
    fadd.s  fa0, fa1, fa2, rdn
    fadd.s  fa0, fa1, fa2, rup
    fadd.s  fa0, fa1, fa2, rmm
    fadd.s  fa0, fa1, fa2
    fsub.s  fa0, fa1, fa2
    fmul.s  fa0, fa1, fa2
    fdiv.s  fa0, fa1, fa2
    fsqrt.s fa0, fa1
    fsqrt.s fa0, fa1, rmm
    fsgnj.s  fa0, fa1, fa2
    fsgnjn.s fa0, fa1, fa2
    fsgnjx.s fa0, fa1, fa2
    fmin.s  fa0, fa1, fa2
    fmax.s  fa0, fa1, fa2
    fcvt.w.s  a0, fa1, rtz
    fcvt.wu.s a0, fa1
    fcvt.l.s  a0, fa1
    fcvt.lu.s a0, fa1, rne
    fmv.x.w   a0, fa1
    fclass.s  a0, fa1
    feq.s   a0, fa1, fa2
    flt.s   a0, fa1, fa2
    fle.s   a0, fa1, fa2
    fcvt.s.w  fa0, a1
    fcvt.s.wu fa0, a1, rtz
    fcvt.s.l  fa0, a1
    fcvt.s.lu fa0, a1
    fmv.w.x   fa0, a1
    /* D */
    fld     fa0, -8(sp)
    fsd     fa0, 8(sp)
    fmadd.d  fa0, fa1, fa2, fa3
    fmsub.d  fa0, fa1, fa2, fa3
    fnmsub.d fa0, fa1, fa2, fa3
    fnmadd.d ft8, ft9, ft10, ft11, rmm
    fadd.d  fa0, fa1, fa2
    fsub.d  fa0, fa1, fa2, rup
    fmul.d  fa0, fa1, fa2
    fdiv.d  fa0, fa1, fa2
    fsqrt.d fa0, fa1
    fsgnj.d  fa0, fa1, fa2
    fsgnjn.d fa0, fa1, fa2
    fsgnjx.d fa0, fa1, fa2
    fmin.d  fa0, fa1, fa2
    fmax.d  fa0, fa1, fa2
    fcvt.s.d  fa0, fa1
    fcvt.s.d  fa0, fa1, rtz
    fcvt.d.s  fa0, fa1
    fcvt.w.d  a0, fa1, rtz
    fcvt.wu.d a0, fa1
    fcvt.l.d  a0, fa1
    fcvt.lu.d a0, fa1
    fmv.x.d   a0, fa1
    fclass.d  a0, fa1
    feq.d   a0, fa1, fa2
    flt.d   a0, fa1, fa2
    fle.d   a0, fa1, fa2
    fcvt.d.w  fa0, a1
    fcvt.d.wu fa0, a1
    fcvt.d.l  fa0, a1, rtz
    fcvt.d.lu fa0, a1
    fmv.d.x   fa0, a1
    .option pop

    /* RV64C, with immediate extremes and the HINT encodings */
    c.addi4spn  a0, sp, 4
    c.addi4spn  s1, sp, 1020
    c.fld   fa0, 0(a1)
    c.fld   fs0, 248(a5)
    c.lw    a0, 124(a1)
    c.ld    s1, 248(s0)
    c.fsd   fa5, 8(s1)
    c.sw    a0, 0(a1)
    c.sd    a0, 248(a1)
    c.addi  zero, 0
    c.addi  a0, -32
    c.addi  t6, 31
    c.addi  zero, 5
    c.addiw a0, -32
    c.addiw s11, 31
    c.li    a0, -32
    c.li    zero, 1
    c.addi16sp sp, -512
    c.addi16sp sp, 496
    c.lui   a0, 0xfffe0
    c.lui   t6, 0x1f
    c.srli  a0, 1
    c.srli  s1, 63
    c.srai  a5, 32
    c.andi  a0, -32
    c.andi  a0, 31
    c.sub   s0, s1
    c.xor   a0, a5
    c.or    a0, a1
    c.and   a0, a1
    c.subw  a0, a1
    c.addw  a0, a1
    c.j     decode_every_op
    c.j     3f
    c.beqz  a0, decode_every_op
    c.bnez  s1, 3f
3:  c.slli  a0, 1
    c.slli  t6, 63
    c.fldsp fa0, 0(sp)
    c.fldsp ft11, 504(sp)
    c.lwsp  a0, 252(sp)
    c.ldsp  ra, 504(sp)
    c.jr    ra
    c.mv    a0, t6
    c.mv    zero, a0
    c.ebreak
    c.jalr  a0
    c.add   a0, a1
    c.fsdsp fa0, 504(sp)
    c.swsp  a0, 252(sp)
    c.sdsp  ra, 0(sp)
    .insn 2, 0x8001        /* c.srli64 s0: a HINT, decodes as srli s0, s0, 0 */
    .insn 2, 0x0002        /* c.slli64 zero: a HINT */

    /* Zba, Zbb, Zbs, Zbc, with the shift-amount extremes */
    .option push
    .option arch, +zba, +zbb, +zbs, +zbc
    add.uw    a0, a1, a2
    add.uw    a0, a1, zero
    sh1add    a0, a1, a2
    sh2add    a0, a1, a2
    sh3add    a0, a1, a2
    sh1add.uw a0, a1, a2
    sh2add.uw a0, a1, a2
    sh3add.uw a0, a1, a2
    slli.uw   a0, a1, 0
    slli.uw   a0, a1, 63
    andn      a0, a1, a2
    orn       a0, a1, a2
    xnor      a0, a1, a2
    clz       a0, a1
    ctz       a0, a1
    cpop      a0, a1
    clzw      a0, a1
    ctzw      a0, a1
    cpopw     a0, a1
    max       a0, a1, a2
    maxu      a0, a1, a2
    min       a0, a1, a2
    minu      a0, a1, a2
    sext.b    a0, a1
    sext.h    a0, a1
    zext.h    a0, a1
    rol       a0, a1, a2
    ror       a0, a1, a2
    rolw      a0, a1, a2
    rorw      a0, a1, a2
    rori      a0, a1, 63
    roriw     a0, a1, 31
    orc.b     a0, a1
    rev8      a0, a1
    bclr      a0, a1, a2
    bext      a0, a1, a2
    binv      a0, a1, a2
    bset      a0, a1, a2
    bclri     a0, a1, 63
    bexti     a0, a1, 0
    binvi     a0, a1, 5
    bseti     a0, a1, 32
    clmul     a0, a1, a2
    clmulh    a0, a1, a2
    clmulr    a0, a1, a2
    rori      t0, t1, 0
    roriw     t0, t1, 0
    slli.uw   zero, t6, 31
    bseti     s0, s1, 63
    bexti     s0, s1, 63
    .option pop

    /* Outside the implemented extensions: objdump names them, the decoder must reject them.  The all-zero parcel
     * (c.unimp) sits between non-zero code because objdump folds runs of zeros into "...". */
    .option push
    .option arch, +zbkb
    pack    a0, a1, a2
    packw   a0, a1, a2     /* packw with rs2 != 0; with rs2 = 0 it is zext.h */
    .option pop
    .insn 2, 0
    c.nop
    ret
