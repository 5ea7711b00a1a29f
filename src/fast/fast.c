/* The fast functional model: a threaded interpreter over pre-decoded blocks, with hot blocks
 * translated to host code (fast/jit.h).
 *
 * Each handler ends by jumping straight to the next instruction's handler (computed goto), so
 * there is no central dispatch loop.  Retired instructions are counted per block; a stop at an
 * exact instruction count runs a truncated copy of the block.  A translated block runs only when
 * it retires entirely before the stop; whenever it hands back, the interpreter carries on at the
 * instruction boundary it names. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"
#include "core/model.h"
#include "debug/events.h"
#include "debug/step_record.h"
#include "fast/block.h"
#include "fast/jit.h"
#include "fast/fast.h"
#include "fast/fast_system.h"
#include "isa/fpu.h"
#include "isa/semantics.h"

struct model_instance {
    struct block_cache cache;
    struct jit jit;
    bool translate;            /* jit is initialised and in use */
    uint64_t hot_threshold;    /* interpreted executions of a block before it is translated */
    uint64_t stats_begin;      /* instret when the statistics started (the `cycle` baseline) */
    struct fast_system *sys;   /* the system-mode interpreter, on a system-mode machine */
};

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* mem_access_ok with the common case first: an access within one page needs one page byte. */
static inline bool access_ok(const struct guest_mem *mem, uint64_t addr, unsigned size, unsigned need)
{
    if (likely((addr & (GUEST_PAGE_SIZE - 1)) <= GUEST_PAGE_SIZE - size && addr < GUEST_VA_LIMIT))
        return (mem->page[addr >> GUEST_PAGE_SHIFT] & need) != 0;
    return mem_access_ok(mem, addr, size, need);
}

/* Corrects statistics of a block left part-way through by a fault: its entry was counted as a
 * complete execution, but only the instructions before `ip` retired. */
static void count_partial(struct machine *m, struct block *b, const struct fast_insn *ip)
{
    b->entries--;
    for (const struct fast_insn *k = b->insn; k < ip; k++)
        m->op_count[k->op]++;
}

/* The encoding of the instruction at pc, for fault reports (0 if it cannot be fetched). */
static uint32_t encoding_at(const struct machine *m, uint64_t pc, unsigned len)
{
    if (len != 2 && len != 4)
        len = 2;
    return mem_access_ok(&m->mem, pc, len, MEM_R) ? (uint32_t)mem_load(&m->mem, pc, len) : 0;
}

static void run_blocks(struct model_instance *self, struct machine *m, uint64_t stop_at)
{
    static const void *const handlers[OP_COUNT] = {
#define OP(name, mnemonic, class) [OP_##name] = &&L_##name,
#include "isa/ops.def"
#undef OP
    };
    struct block_cache *bc = &self->cache;
    if (!bc->handlers && block_cache_init(bc, handlers, &&L_STOP) != 0) {
        log_msg("out of memory for the block cache");
        m->halt = HALT_ERROR;
        m->exit_status = 1;
        return;
    }

    struct hart *h = &m->hart;
    struct guest_mem *mem = &m->mem;
    uint64_t *x = h->x;
    uint64_t *f = h->f;
    const struct fast_insn *ip;
    struct block *blk;
    struct block_link *link;
    uint64_t next_pc = h->pc;
    uint64_t addr;
    int fault_sig;
    const char *fault_what;
    /* Translation tier: the context its code runs in, and the exit it last left by, which is
     * linked to the next block if that one is translated too (unless the cache was flushed). */
    struct jit *jit = self->translate ? &self->jit : NULL;
    struct jit_ctx jctx = { .hart = h };
    void *pending_patch = NULL;
    int pending_kind = JIT_EXIT_CHAIN;
    uint64_t pending_generation = 0;

#define NEXT do { ip++; goto *ip->handler; } while (0)
#define END_BLOCK(pc_value, slot) \
    do { next_pc = (pc_value); h->instret += blk->ninsns; link = &blk->link[slot]; goto chain; } while (0)

    goto enter;
chain:
    /* Control transfers, system calls and code changes excepted, the successor is usually the
     * one this exit went to last time. */
    if (unlikely(h->instret >= stop_at))
        goto stop;
    if (likely(link->pc == next_pc && link->to)) {
        blk = link->to;
    } else {
        uint64_t generation = bc->generation;
        blk = block_lookup(bc, m, next_pc);
        if (unlikely(!blk))
            goto no_memory;
        if (generation == bc->generation)
            *link = (struct block_link){ next_pc, blk };
    }
    goto start_block;

enter:
    if (unlikely(h->instret >= stop_at || m->halt != HALT_NONE))
        goto stop;
    blk = block_lookup(bc, m, next_pc);
    if (unlikely(!blk))
        goto no_memory;
start_block:
    if (blk->jit) {
        if (likely(blk->ninsns <= stop_at - h->instret))
            goto run_translated;
    } else if (jit && !blk->jit_tried && blk->entries >= self->hot_threshold) {
        jit->guarded_loads = mem_loads_fault_on_host(mem);
        enum jit_result r = jit_translate(jit, blk, bc->generation);
        if (r == JIT_OK && blk->ninsns <= stop_at - h->instret)
            goto run_translated;
        if (r == JIT_FULL) {   /* the flush empties the code buffer too */
            next_pc = blk->pc;
            block_cache_flush(bc, m);
            goto enter;
        }
    }
    pending_patch = NULL;
    if (unlikely(blk->ninsns > stop_at - h->instret)) {
        /* Only part of this block may run before the stop: all but its last instruction are
         * straight-line, so a truncated copy ends exactly there. */
        uint32_t n = (uint32_t)(stop_at - h->instret);
        for (uint32_t k = 0; k < n; k++)
            m->op_count[blk->insn[k].op]++;
        blk = block_truncate(bc, blk, n);
    } else {
        blk->entries++;
    }
    ip = blk->insn;
    goto *ip->handler;

run_translated:
    if (pending_patch && pending_generation == bc->generation)
        jit_link(jit, pending_kind, pending_patch, blk);
    pending_patch = NULL;
    jctx.host = mem->host;
    jctx.page = mem->page;
    jctx.instret = h->instret;
    jctx.stop_at = stop_at;
    {
        int why = jit_run(jit, &jctx, blk->jit);
        h->instret = jctx.instret;
        if (why == JIT_EXIT_RESUME) {
            blk = jctx.blk;
            ip = &blk->insn[jctx.index];
            goto *ip->handler;
        }
        next_pc = jctx.next_pc;
        if (why == JIT_EXIT_ENTER)
            goto enter;
        blk = jctx.blk;
        link = &blk->link[jctx.slot];
        pending_patch = jctx.patch;
        pending_kind = why;
        pending_generation = bc->generation;
        goto chain;
    }

stop:
    h->pc = next_pc;
    if (m->halt == HALT_NONE)
        m->halt = HALT_LIMIT;
    return;
no_memory:
    h->pc = next_pc;
    log_msg("out of memory for the block cache");
    m->halt = HALT_ERROR;
    m->exit_status = 1;
    return;

L_STOP:
    END_BLOCK(ip->pc, LINK_FALLTHROUGH);

    /* ---- integer computation ---- */
#define R_OP(name) L_##name: x[ip->rd] = int_op(OP_##name, x[ip->rs1], x[ip->rs2]); NEXT;
#define I_OP(name) L_##name: x[ip->rd] = int_op(OP_##name, x[ip->rs1], (uint64_t)ip->imm); NEXT;
    R_OP(ADD) R_OP(SUB) R_OP(SLL) R_OP(SLT) R_OP(SLTU) R_OP(XOR) R_OP(SRL) R_OP(SRA) R_OP(OR)
    R_OP(AND) R_OP(ADDW) R_OP(SUBW) R_OP(SLLW) R_OP(SRLW) R_OP(SRAW)
    R_OP(MUL) R_OP(MULH) R_OP(MULHSU) R_OP(MULHU) R_OP(DIV) R_OP(DIVU) R_OP(REM) R_OP(REMU)
    R_OP(MULW) R_OP(DIVW) R_OP(DIVUW) R_OP(REMW) R_OP(REMUW)
    I_OP(ADDI) I_OP(SLTI) I_OP(SLTIU) I_OP(XORI) I_OP(ORI) I_OP(ANDI) I_OP(SLLI) I_OP(SRLI)
    I_OP(SRAI) I_OP(ADDIW) I_OP(SLLIW) I_OP(SRLIW) I_OP(SRAIW)
    /* bit manipulation; the unary ones (class R1) decode with imm 0, so I_OP fits them too */
    R_OP(ADD_UW) R_OP(SH1ADD) R_OP(SH2ADD) R_OP(SH3ADD) R_OP(SH1ADD_UW) R_OP(SH2ADD_UW)
    R_OP(SH3ADD_UW) I_OP(SLLI_UW)
    R_OP(ANDN) R_OP(ORN) R_OP(XNOR) I_OP(CLZ) I_OP(CTZ) I_OP(CPOP) I_OP(CLZW) I_OP(CTZW) I_OP(CPOPW)
    R_OP(MAX) R_OP(MAXU) R_OP(MIN) R_OP(MINU) I_OP(SEXT_B) I_OP(SEXT_H) I_OP(ZEXT_H)
    R_OP(ROL) R_OP(ROR) R_OP(ROLW) R_OP(RORW) I_OP(RORI) I_OP(RORIW) I_OP(ORC_B) I_OP(REV8)
    R_OP(BCLR) R_OP(BEXT) R_OP(BINV) R_OP(BSET) I_OP(BCLRI) I_OP(BEXTI) I_OP(BINVI) I_OP(BSETI)
    R_OP(CLMUL) R_OP(CLMULH) R_OP(CLMULR)
L_LUI:
L_AUIPC:
    x[ip->rd] = (uint64_t)ip->imm;
    NEXT;

    /* ---- loads and stores: misaligned accesses succeed, as Linux user mode provides ---- */
#define LOAD_OP(name, size) \
    L_##name: addr = x[ip->rs1] + (uint64_t)ip->imm; \
    if (unlikely(!access_ok(mem, addr, size, MEM_R))) goto load_fault; \
    x[ip->rd] = load_extend(OP_##name, mem_load(mem, addr, size)); NEXT;
#define STORE_OP(name, size) \
    L_##name: addr = x[ip->rs1] + (uint64_t)ip->imm; \
    if (unlikely(!access_ok(mem, addr, size, MEM_W))) goto store_fault; \
    mem_store(mem, addr, size, x[ip->rs2]); NEXT;
    LOAD_OP(LB, 1) LOAD_OP(LH, 2) LOAD_OP(LW, 4) LOAD_OP(LD, 8) LOAD_OP(LBU, 1) LOAD_OP(LHU, 2)
    LOAD_OP(LWU, 4)
    STORE_OP(SB, 1) STORE_OP(SH, 2) STORE_OP(SW, 4) STORE_OP(SD, 8)
L_FLW:
    addr = x[ip->rs1] + (uint64_t)ip->imm;
    if (unlikely(!access_ok(mem, addr, 4, MEM_R))) goto load_fault;
    f[ip->rd] = f32_box((uint32_t)mem_load(mem, addr, 4));
    NEXT;
L_FLD:
    addr = x[ip->rs1] + (uint64_t)ip->imm;
    if (unlikely(!access_ok(mem, addr, 8, MEM_R))) goto load_fault;
    f[ip->rd] = mem_load(mem, addr, 8);
    NEXT;
L_FSW:
    addr = x[ip->rs1] + (uint64_t)ip->imm;
    if (unlikely(!access_ok(mem, addr, 4, MEM_W))) goto store_fault;
    mem_store(mem, addr, 4, f[ip->rs2]);
    NEXT;
L_FSD:
    addr = x[ip->rs1] + (uint64_t)ip->imm;
    if (unlikely(!access_ok(mem, addr, 8, MEM_W))) goto store_fault;
    mem_store(mem, addr, 8, f[ip->rs2]);
    NEXT;

    /* ---- atomics (one hart: every AMO is trivially atomic) ---- */
L_LR_W:
L_LR_D: {
    unsigned size = mem_op_size(ip->op);
    addr = x[ip->rs1];
    if (unlikely(addr & (size - 1))) goto misaligned_atomic;
    if (unlikely(!mem_access_ok(mem, addr, size, MEM_R))) goto load_fault;
    x[ip->rd] = load_extend(ip->op, mem_load(mem, addr, size));
    h->reservation = addr;
    h->reservation_valid = true;
    NEXT;
}
L_SC_W:
L_SC_D: {
    unsigned size = mem_op_size(ip->op);
    addr = x[ip->rs1];
    if (unlikely(addr & (size - 1))) goto misaligned_atomic;
    if (unlikely(!mem_access_ok(mem, addr, size, MEM_W))) goto store_fault;
    bool ok = h->reservation_valid && h->reservation == addr;
    if (ok)
        mem_store(mem, addr, size, x[ip->rs2]);
    h->reservation_valid = false;
    x[ip->rd] = !ok;
    NEXT;
}
L_AMOSWAP_W: L_AMOADD_W: L_AMOXOR_W: L_AMOAND_W: L_AMOOR_W: L_AMOMIN_W: L_AMOMAX_W:
L_AMOMINU_W: L_AMOMAXU_W: L_AMOSWAP_D: L_AMOADD_D: L_AMOXOR_D: L_AMOAND_D: L_AMOOR_D:
L_AMOMIN_D: L_AMOMAX_D: L_AMOMINU_D: L_AMOMAXU_D: {
    unsigned size = mem_op_size(ip->op);
    addr = x[ip->rs1];
    if (unlikely(addr & (size - 1))) goto misaligned_atomic;
    if (unlikely(!mem_access_ok(mem, addr, size, MEM_R | MEM_W) ||
                 !mem_access_ok(mem, addr, size, MEM_W)))
        goto store_fault;
    uint64_t old = load_extend(size == 4 ? OP_LW : OP_LD, mem_load(mem, addr, size));
    mem_store(mem, addr, size, amo_op(ip->op, old, x[ip->rs2]));
    x[ip->rd] = old;
    NEXT;
}

    /* ---- floating point: one shared path; fpu.c holds the RISC-V rules ---- */
L_FMADD_S: L_FMSUB_S: L_FNMSUB_S: L_FNMADD_S: L_FADD_S: L_FSUB_S: L_FMUL_S: L_FDIV_S:
L_FSQRT_S: L_FSGNJ_S: L_FSGNJN_S: L_FSGNJX_S: L_FMIN_S: L_FMAX_S:
L_FMADD_D: L_FMSUB_D: L_FNMSUB_D: L_FNMADD_D: L_FADD_D: L_FSUB_D: L_FMUL_D: L_FDIV_D:
L_FSQRT_D: L_FSGNJ_D: L_FSGNJN_D: L_FSGNJX_D: L_FMIN_D: L_FMAX_D: L_FCVT_S_D: L_FCVT_D_S: {
    uint64_t r;
    if (unlikely(!fpu_execute(ip->op, f[ip->rs1], f[ip->rs2], f[ip->rs3], ip->rm, h->frm, &r, &h->fflags)))
        goto illegal;
    f[ip->rd] = r;
    NEXT;
}
L_FEQ_S: L_FLT_S: L_FLE_S: L_FEQ_D: L_FLT_D: L_FLE_D:
L_FCVT_W_S: L_FCVT_WU_S: L_FCVT_L_S: L_FCVT_LU_S: L_FMV_X_W: L_FCLASS_S:
L_FCVT_W_D: L_FCVT_WU_D: L_FCVT_L_D: L_FCVT_LU_D: L_FMV_X_D: L_FCLASS_D: {
    uint64_t r;
    if (unlikely(!fpu_execute(ip->op, f[ip->rs1], f[ip->rs2], 0, ip->rm, h->frm, &r, &h->fflags)))
        goto illegal;
    x[ip->rd] = r;
    NEXT;
}
L_FCVT_S_W: L_FCVT_S_WU: L_FCVT_S_L: L_FCVT_S_LU: L_FMV_W_X:
L_FCVT_D_W: L_FCVT_D_WU: L_FCVT_D_L: L_FCVT_D_LU: L_FMV_D_X: {
    uint64_t r;
    if (unlikely(!fpu_execute(ip->op, x[ip->rs1], 0, 0, ip->rm, h->frm, &r, &h->fflags)))
        goto illegal;
    f[ip->rd] = r;
    NEXT;
}

L_FENCE:
    NEXT;

    /* ---- block terminators ---- */
L_JAL:
    x[ip->rd] = ip->pc + ip->len;
    END_BLOCK((uint64_t)ip->imm, LINK_TAKEN);
L_JALR: {
    uint64_t target = (x[ip->rs1] + (uint64_t)ip->imm) & ~1ull;
    x[ip->rd] = ip->pc + ip->len;
    END_BLOCK(target, LINK_TAKEN);
}
#define BRANCH_OP(name) \
    L_##name: \
    if (branch_taken(OP_##name, x[ip->rs1], x[ip->rs2])) END_BLOCK((uint64_t)ip->imm, LINK_TAKEN); \
    END_BLOCK(ip->pc + ip->len, LINK_FALLTHROUGH);
    BRANCH_OP(BEQ) BRANCH_OP(BNE) BRANCH_OP(BLT) BRANCH_OP(BGE) BRANCH_OP(BLTU) BRANCH_OP(BGEU)

L_CSRRW: L_CSRRS: L_CSRRC: L_CSRRWI: L_CSRRSI: L_CSRRCI: {
    bool imm_form = ip->op >= OP_CSRRWI;
    uint64_t operand = imm_form ? ip->rs1 : x[ip->rs1];
    /* csrrs/csrrc with x0 or a zero immediate only read: no write side effects. */
    bool write = ip->op == OP_CSRRW || ip->op == OP_CSRRWI || ip->rs1 != 0;
    uint64_t old;
    h->instret += blk->ninsns - 1;   /* a counter read sees every instruction before this one */
    bool ok = machine_csr_access(m, (unsigned)ip->imm, ip->op, operand, write, &old);
    h->instret -= blk->ninsns - 1;
    if (unlikely(!ok))
        goto illegal;
    x[ip->rd] = old;
    END_BLOCK(ip->pc + ip->len, LINK_FALLTHROUGH);
}
L_ECALL:
    h->instret += blk->ninsns;
    h->pc = ip->pc;
    linux_syscall(m);
    next_pc = h->pc;   /* after the ecall, or a signal handler, or where rt_sigreturn goes */
    goto enter;
L_FENCE_I:
    /* The flush frees this very block: leave through the unlinked path. */
    next_pc = ip->pc + ip->len;
    h->instret += blk->ninsns;
    block_cache_flush(bc, m);
    goto enter;
L_EBREAK:
    fault_sig = SIGTRAP;
    fault_what = "breakpoint (ebreak)";
    goto fault;

    /* ---- faults: the instruction does not retire ---- */
L_MRET: L_SRET: L_WFI: L_SFENCE_VMA:   /* privileged: illegal in user mode, as under Linux */
    goto illegal;
L_ILLEGAL:
    if (ip->rs3 == 1) {
        fault_sig = SIGSEGV;
        fault_what = "instruction fetch from unmapped or non-executable memory";
        goto fault;
    }
illegal:
    fault_sig = SIGILL;
    fault_what = "illegal instruction";
    goto fault;
load_fault:
    fault_sig = SIGSEGV;
    fault_what = "load from unmapped or unreadable address";
    goto fault_addr;
store_fault:
    fault_sig = SIGSEGV;
    fault_what = "store to unmapped or read-only address";
    goto fault_addr;
misaligned_atomic:
    fault_sig = SIGBUS;
    fault_what = "misaligned atomic access";
    goto fault_addr;
fault_addr:
    h->pc = ip->pc;
    h->instret += (uint64_t)(ip - blk->insn);
    if (blk != bc->scratch)
        count_partial(m, blk, ip);
    if (linux_signal_fault(m, fault_sig, addr))
        goto handler;
    machine_kill(m, fault_sig, "%s 0x%llx", fault_what, (unsigned long long)addr);
    return;
fault:
    h->pc = ip->pc;
    h->instret += (uint64_t)(ip - blk->insn);
    if (blk != bc->scratch)
        count_partial(m, blk, ip);
    if (linux_signal_fault(m, fault_sig, ip->pc))
        goto handler;
    if (fault_sig == SIGILL) {
        unsigned len = ip->len ? ip->len : insn_length((uint16_t)encoding_at(m, ip->pc, 2));
        machine_kill(m, fault_sig, "%s 0x%0*x", fault_what, len == 2 ? 4 : 8, encoding_at(m, ip->pc, len));
    } else
        machine_kill(m, fault_sig, "%s", fault_what);
    return;
handler:
    /* The guest handles the fault: it continues in its handler (the instruction did not retire). */
    next_pc = h->pc;
    goto enter;
}

/* With debugging sinks listening (a commit log), one instruction at a time: each step's effects
 * become a commit event.  Ordinary runs never come here. */
static void run_reporting(struct model_instance *self, struct machine *m, uint64_t stop_at)
{
    if (m->hart.instret >= stop_at)
        m->halt = HALT_LIMIT;
    while (m->hart.instret < stop_at) {
        struct step_record r;
        struct commit_event ev;
        step_record_begin(&r, m);
        fast_step(self, m);
        step_record_end(&r, m, &ev);
        enum halt_reason halt = m->halt;
        event_emit_commit(m->events, m, &ev);
        if (halt != HALT_LIMIT || m->halt != HALT_LIMIT)
            return;
    }
}

void fast_step(struct model_instance *self, struct machine *m)
{
    m->halt = HALT_NONE;
    run_blocks(self, m, m->hart.instret + 1);
}

/* One step of linux_run_model: up to stop_at, or less where a guest timer expires. */
static void fast_advance(struct model_instance *self, struct machine *m, uint64_t stop_at)
{
    if (unlikely(event_bus_wants_commits(m->events)))   /* a sink reads commit events */
        run_reporting(self, m, stop_at);
    else
        run_blocks(self, m, stop_at);
}

static void fast_run(struct model_instance *self, struct machine *m, uint64_t stop_at)
{
    if (self->sys) {
        fast_system_run(self->sys, m, stop_at);
        return;
    }
    linux_run_model(self, m, stop_at, fast_advance);
}

static const struct config_key fast_keys[] = {
    { "fast", "translate", CONFIG_ENUM, "on", 0, 0, "off on always",
      "translate hot blocks to host code (x86-64 hosts): off, on (after fast:hot_threshold "
      "runs), always (every block, on first use)" },
    { "fast", "hot_threshold", CONFIG_UINT, "16", 1, UINT32_MAX, NULL,
      "interpreted executions of a block before fast:translate=on translates it" },
    { "fast", "perf_map", CONFIG_BOOL, "false", 0, 0, NULL,
      "name each translation in /tmp/perf-PID.map, where perf report finds the symbols of "
      "JIT-compiled code (guest pc and instruction count of its block)" },
};
static const size_t fast_nkeys = sizeof fast_keys / sizeof fast_keys[0];
static const struct model_key_table fast_key_tables[] = { { fast_keys, &fast_nkeys } };

static void fast_destroy(struct model_instance *self);

static struct model_instance *fast_create(struct machine *m, const struct config *c, char *err, size_t errlen)
{
    struct model_instance *self = calloc(1, sizeof *self);
    if (!self) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    self->stats_begin = m->hart.instret;
    if (m->sys) {   /* system mode: the translator stays off there for now */
        if (!(self->sys = fast_system_new())) {
            free(self);
            snprintf(err, errlen, "out of memory");
            return NULL;
        }
        return self;
    }
    const char *mode = config_string(c, "fast", "translate");
    if (strcmp(mode, "off") != 0) {
        /* Hosts without the back end, or without executable memory, just interpret. */
        self->translate = jit_init(&self->jit);
        self->hot_threshold = strcmp(mode, "always") == 0 ? 0 : config_uint(c, "fast", "hot_threshold");
        char why[160];
        if (self->translate && config_bool(c, "fast", "perf_map") &&
            !jit_open_perf_map(&self->jit, why, sizeof why)) {
            fast_destroy(self);
            snprintf(err, errlen, "fast:perf_map: %s", why);
            return NULL;
        }
    }
    return self;
}

/* The fast model has no timing: one cycle per instruction, as the seed system reports. */
static uint64_t fast_cycles(const struct model_instance *self, const struct machine *m)
{
    (void)self;
    return m->hart.instret;
}

static void fast_reset_stats(struct model_instance *self, const struct machine *m)
{
    self->stats_begin = m->hart.instret;
}

/* Per-op counts accumulate in the blocks (and in their translations' counters); folding walks
 * the whole block table, so it happens only when the totals are read, not after every system
 * call. */
static void fast_sync_stats(struct model_instance *self, struct machine *m)
{
    if (self->cache.table)
        block_cache_fold_stats(&self->cache, m);
}

static void fast_stats(struct model_instance *self, const struct machine *m, cJSON *top, cJSON *core)
{
    cJSON_AddNumberToObject(top, "cycle", (double)(m->hart.instret - self->stats_begin));
    /* Code changes (fence.i, executable mappings changed) and a full code buffer drop every
     * decoded block and translation (since the model was created). */
    cJSON_AddNumberToObject(core, "block_cache_flushes", (double)self->cache.generation);
    if (self->translate) {   /* the translator's own costs (since the model was created) */
        cJSON_AddNumberToObject(core, "jit_blocks", (double)self->jit.blocks);
        cJSON_AddNumberToObject(core, "jit_regions", (double)self->jit.regions);
        cJSON_AddNumberToObject(core, "jit_gathers", (double)self->jit.gathers);
        cJSON_AddNumberToObject(core, "jit_code_bytes", (double)self->jit.bytes);
        cJSON_AddNumberToObject(core, "jit_host_seconds", self->jit.seconds);
        cJSON_AddNumberToObject(core, "jit_host_faults", (double)self->jit.host_faults);
    }
    if (self->sys)   /* the MMU's costs, traps, the devices (since the model was created) */
        fast_system_stats(self->sys, m, core);
}

static void fast_destroy(struct model_instance *self)
{
    block_cache_free(&self->cache, NULL);
    fast_system_free(self->sys);
    if (self->translate)
        jit_free(&self->jit);
    free(self);
}

const struct model fast_model = {
    .name = "fast",
    .aliases = "amanatsu jabara",
    .summary = "functional model: pre-decoded blocks, threaded dispatch, hot blocks translated (no timing)",
    .key_tables = fast_key_tables,
    .nkey_tables = 1,
    .create = fast_create,
    .run = fast_run,
    .stats = fast_stats,
    .reset_stats = fast_reset_stats,
    .sync_stats = fast_sync_stats,
    .poll_slice = 1u << 24,   /* translated code does not poll machine_stop_requested */
    .cycles = fast_cycles,
    .destroy = fast_destroy,
};
