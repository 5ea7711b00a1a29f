/* The fast model in system mode: each instruction fetched through the MMU, decoded (through a
 * cache keyed by its encoding, so self-modifying code needs no invalidation), and executed with
 * the shared semantics (isa/semantics.h, isa/fpu.h) and privileged rules (priv/).  Exceptions
 * and interrupts become traps at instruction boundaries; the instruction that traps does not
 * retire. */
#include "fast/fast_system.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "isa/fpu.h"
#include "isa/semantics.h"
#include "platform/virt_machine.h"
#include "priv/mmu.h"
#include "priv/priv.h"
#include "priv/system.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

enum { DECODE_CACHE = 4096 };
/* Traps in a row without an instruction retiring: a trap vector that itself faults (mtvec
 * unset, its page unmapped) would loop forever without the instruction count ever reaching a
 * stop, so the run ends there.  Real handlers retire an instruction long before this many. */
enum { TRAP_LOOP_LIMIT = 1000 };

struct decoded {
    uint32_t raw;
    bool valid;
    struct insn in;
};

struct fast_system {
    struct priv_tlb tlb;
    struct decoded dc[DECODE_CACHE];
    /* statistics since the model was created */
    uint64_t interrupts, exceptions;
    uint64_t mode_insns[4];           /* retired instructions per privilege (U, S, -, M) */
};

struct fast_system *fast_system_new(void)
{
    return calloc(1, sizeof(struct fast_system));
}

void fast_system_free(struct fast_system *s) { free(s); }

void fast_system_stats(const struct fast_system *s, const struct machine *m, cJSON *core)
{
    cJSON_AddNumberToObject(core, "tlb_misses", (double)s->tlb.misses);
    cJSON_AddNumberToObject(core, "page_walks", (double)s->tlb.walks);
    cJSON_AddNumberToObject(core, "interrupts", (double)s->interrupts);
    cJSON_AddNumberToObject(core, "exceptions", (double)s->exceptions);
    cJSON_AddNumberToObject(core, "instructions_m", (double)s->mode_insns[PRIV_M]);
    cJSON_AddNumberToObject(core, "instructions_s", (double)s->mode_insns[PRIV_S]);
    cJSON_AddNumberToObject(core, "instructions_u", (double)s->mode_insns[PRIV_U]);
    if (m->sys->virt)
        virt_machine_stats(m->sys->virt, core);
}

/* What an instruction leaves behind when it does not complete: the trap to take. */
struct exc {
    uint64_t cause, tval;
};

struct ctx {
    struct fast_system *s;
    struct machine *m;
    struct hart *h;
    struct sysmem *mem;
    struct exc exc;
};

static bool trap_with(struct ctx *c, uint64_t cause, uint64_t tval)
{
    c->exc = (struct exc){ cause, tval };
    return false;
}

/* ---- memory: virtual -> physical -> RAM or device ---- */

/* An access within one page.  Device accesses must be naturally aligned.  Inlined: it is the
 * whole of every load and store that hits the TLB. */
static inline __attribute__((always_inline)) bool access_page(struct ctx *c, uint64_t va, unsigned size, enum mmu_access acc,
                        uint64_t *v, bool store)
{
    uint64_t pa;
    uint8_t *host;
    uint64_t cause = mmu_translate(&c->s->tlb, c->h, c->mem, va, size, acc, &pa, &host);
    if (unlikely(cause))
        return trap_with(c, cause, va);
    if (likely(host != NULL)) {
        if (store) {
            memcpy(host, v, size);
            sysmem_note_store(c->mem, pa, size);
        } else {
            *v = 0;
            memcpy(v, host, size);
        }
        return true;
    }
    bool ok = (pa & (size - 1)) == 0 &&
              (store ? mmio_bus_write(&c->mem->bus, pa, size, *v) : mmio_bus_read(&c->mem->bus, pa, size, v));
    return ok ? true : trap_with(c, mmu_access_fault(acc), va);
}

static bool crosses_page(uint64_t va, unsigned size) { return (va & 4095) + size > 4096; }

/* Misaligned accesses are carried out in hardware; one that spans two pages is split into bytes,
 * every byte translated before a store writes any (so a fault leaves memory unchanged). */
static bool load(struct ctx *c, uint64_t va, unsigned size, uint64_t *v)
{
    if (likely(!crosses_page(va, size)))
        return access_page(c, va, size, MMU_LOAD, v, false);
    uint64_t r = 0;
    for (unsigned i = 0; i < size; i++) {
        uint64_t b;
        if (!access_page(c, va + i, 1, MMU_LOAD, &b, false))
            return false;
        r |= b << (8 * i);
    }
    *v = r;
    return true;
}

static bool store(struct ctx *c, uint64_t va, unsigned size, uint64_t v)
{
    if (likely(!crosses_page(va, size)))
        return access_page(c, va, size, MMU_STORE, &v, true);
    for (unsigned i = 0; i < size; i++) {
        uint64_t pa;
        uint8_t *host;
        uint64_t cause = mmu_translate(&c->s->tlb, c->h, c->mem, va + i, 1, MMU_STORE, &pa, &host);
        if (cause)
            return trap_with(c, cause, va + i);
    }
    for (unsigned i = 0; i < size; i++) {
        uint64_t b = (v >> (8 * i)) & 0xff;
        if (!access_page(c, va + i, 1, MMU_STORE, &b, true))
            return false;
    }
    return true;
}

/* The physical address an atomic access goes to (for the reservation), with its faults. */
static bool atomic_pa(struct ctx *c, uint64_t va, unsigned size, enum mmu_access acc, uint64_t *pa)
{
    if (va & (size - 1))
        return trap_with(c, acc == MMU_LOAD ? CAUSE_LOAD_MISALIGNED : CAUSE_STORE_MISALIGNED, va);
    uint8_t *host;
    uint64_t cause = mmu_translate(&c->s->tlb, c->h, c->mem, va, size, acc, pa, &host);
    return cause ? trap_with(c, cause, va) : true;
}

/* ---- fetch and decode ---- */

static bool fetch(struct ctx *c, uint64_t pc, uint32_t *raw)
{
    /* The common case: RAM, and all four bytes that may hold the instruction on this page. */
    uint64_t pa;
    uint8_t *host;
    uint64_t cause = mmu_translate(&c->s->tlb, c->h, c->mem, pc, 2, MMU_FETCH, &pa, &host);
    if (unlikely(cause))
        return trap_with(c, cause, pc);
    if (likely(host != NULL && (pc & 4095) <= 4092)) {
        uint32_t v;
        memcpy(&v, host, 4);
        *raw = (v & 3) == 3 ? v : v & 0xffff;
        return true;
    }
    uint64_t lo;
    if (!access_page(c, pc, 2, MMU_FETCH, &lo, false))
        return false;
    if ((lo & 3) != 3) {
        *raw = (uint32_t)lo;
        return true;
    }
    uint64_t hi;
    if (!access_page(c, pc + 2, 2, MMU_FETCH, &hi, false))
        return false;
    *raw = (uint32_t)(lo | hi << 16);
    return true;
}

static const struct insn *decode(struct fast_system *s, uint32_t raw)
{
    struct decoded *d = &s->dc[(raw ^ (raw >> 12) ^ (raw >> 20)) % DECODE_CACHE];
    if (!d->valid || d->raw != raw) {
        insn_decode(raw, &d->in);
        d->raw = raw;
        d->valid = true;
    }
    return &d->in;
}

/* ---- execution ---- */

static bool illegal(struct ctx *c, const struct insn *in)
{
    return trap_with(c, CAUSE_ILLEGAL, in->raw);
}

static bool exec_fp(struct ctx *c, const struct insn *in)
{
    struct hart *h = c->h;
    if (!priv_fp_enabled(h))
        return illegal(c, in);
    enum op_class cls = op_class(in->op);
    uint64_t a = cls == CLASS_X2F ? h->x[in->rs1] : h->f[in->rs1];
    uint64_t r;
    if (!fpu_execute(in->op, a, h->f[in->rs2], h->f[in->rs3], in->rm, h->frm, &r, &h->fflags))
        return illegal(c, in);
    if (cls == CLASS_FCMP || cls == CLASS_F2X)
        h->x[in->rd] = r;
    else
        h->f[in->rd] = r;
    priv_fp_dirty(h);
    return true;
}

static bool exec_atomic(struct ctx *c, const struct insn *in)
{
    struct hart *h = c->h;
    unsigned size = mem_op_size(in->op);
    uint64_t va = h->x[in->rs1], pa, old;
    enum op_class cls = op_class(in->op);
    if (cls == CLASS_LR) {
        if (!atomic_pa(c, va, size, MMU_LOAD, &pa) || !load(c, va, size, &old))
            return false;
        h->x[in->rd] = load_extend(in->op, old);
        h->reservation = pa;
        h->reservation_valid = true;
        return true;
    }
    if (!atomic_pa(c, va, size, MMU_STORE, &pa))
        return false;
    if (cls == CLASS_SC) {
        bool ok = h->reservation_valid && h->reservation == pa;
        if (ok && !store(c, va, size, h->x[in->rs2]))
            return false;
        h->reservation_valid = false;
        h->x[in->rd] = !ok;
        return true;
    }
    if (!load(c, va, size, &old))
        return false;
    old = load_extend(size == 4 ? OP_LW : OP_LD, old);
    if (!store(c, va, size, amo_op(in->op, old, h->x[in->rs2])))
        return false;
    h->x[in->rd] = old;
    return true;
}

static bool exec_csr(struct ctx *c, const struct insn *in)
{
    struct hart *h = c->h;
    bool imm_form = in->op >= OP_CSRRWI;
    uint64_t operand = imm_form ? in->rs1 : h->x[in->rs1];
    bool write = in->op == OP_CSRRW || in->op == OP_CSRRWI || in->rs1 != 0;
    struct priv_clock clk = { machine_cycles(c->m), machine_time(c->m) };
    uint64_t old;
    if (!priv_csr_access(h, &clk, (unsigned)in->imm, in->op, operand, write, &old))
        return illegal(c, in);
    h->x[in->rd] = old;
    return true;
}

/* The privileged and system instructions; *next_pc is where the hart goes on. */
static bool exec_system(struct ctx *c, const struct insn *in, uint64_t *next_pc)
{
    struct hart *h = c->h;
    switch (in->op) {
    case OP_FENCE: case OP_FENCE_I:
        return true;   /* one hart, and decoded code is keyed by its encoding */
    case OP_ECALL:
        return trap_with(c, h->priv.mode == PRIV_U ? CAUSE_ECALL_U
                        : h->priv.mode == PRIV_S ? CAUSE_ECALL_S : CAUSE_ECALL_M, 0);
    case OP_EBREAK:
        return trap_with(c, CAUSE_BREAKPOINT, h->pc);
    case OP_MRET: case OP_SRET:
        if (!(in->op == OP_MRET ? priv_mret(h) : priv_sret(h)))
            return illegal(c, in);
        *next_pc = h->pc;
        return true;
    case OP_WFI:
        /* On the bare machine time follows retired instructions, so waiting is retiring: wfi is a
         * nop that lets the interrupt check at the next boundary see whatever became pending.
         * The virt machine moves its clock on to the next timer deadline instead. */
        if (!priv_wfi_legal(h))
            return illegal(c, in);
        if (c->m->sys->virt)
            virt_machine_idle(c->m);
        return true;
    case OP_SFENCE_VMA:
        if (!priv_sfence_legal(h))
            return illegal(c, in);
        priv_flush_translations(h);
        return true;
    default:
        return illegal(c, in);
    }
}

/* Executes one decoded instruction at h->pc; false with c->exc set if it traps. */
static bool execute(struct ctx *c, const struct insn *in, uint64_t *next_pc)
{
    struct hart *h = c->h;
    uint64_t *x = h->x;
    uint64_t pc = h->pc, v;
    /* x[32] is the sink for writes to x0 (see core/hart.h); decoders leave rd 0 for x0. */
    switch (op_class(in->op)) {
    case CLASS_R:
        x[in->rd] = int_op(in->op, x[in->rs1], x[in->rs2]);
        break;
    case CLASS_R1: case CLASS_I:
        x[in->rd] = int_op(in->op, x[in->rs1], (uint64_t)in->imm);
        break;
    case CLASS_U:
        x[in->rd] = in->op == OP_AUIPC ? pc + (uint64_t)in->imm : (uint64_t)in->imm;
        break;
    case CLASS_J:
        x[in->rd] = pc + in->len;
        *next_pc = pc + (uint64_t)in->imm;
        break;
    case CLASS_JR: {
        uint64_t target = (x[in->rs1] + (uint64_t)in->imm) & ~1ull;
        x[in->rd] = pc + in->len;
        *next_pc = target;
        break;
    }
    case CLASS_B:
        if (branch_taken(in->op, x[in->rs1], x[in->rs2]))
            *next_pc = pc + (uint64_t)in->imm;
        break;
    case CLASS_LD:
        if (!load(c, x[in->rs1] + (uint64_t)in->imm, mem_op_size(in->op), &v))
            return false;
        x[in->rd] = load_extend(in->op, v);
        break;
    case CLASS_ST:
        return store(c, x[in->rs1] + (uint64_t)in->imm, mem_op_size(in->op), x[in->rs2]);
    case CLASS_FLD:
        if (!priv_fp_enabled(h))
            return illegal(c, in);
        if (!load(c, x[in->rs1] + (uint64_t)in->imm, in->op == OP_FLW ? 4 : 8, &v))
            return false;
        h->f[in->rd] = in->op == OP_FLW ? f32_box((uint32_t)v) : v;
        priv_fp_dirty(h);
        break;
    case CLASS_FST:
        if (!priv_fp_enabled(h))
            return illegal(c, in);
        return store(c, x[in->rs1] + (uint64_t)in->imm, in->op == OP_FSW ? 4 : 8, h->f[in->rs2]);
    case CLASS_CSR: case CLASS_CSRI:
        return exec_csr(c, in);
    case CLASS_AMO: case CLASS_LR: case CLASS_SC:
        return exec_atomic(c, in);
    case CLASS_F3: case CLASS_F4: case CLASS_F1: case CLASS_FCMP: case CLASS_F2X: case CLASS_X2F:
        return exec_fp(c, in);
    case CLASS_VMA: case CLASS_SYS:
        return exec_system(c, in, next_pc);
    }
    return true;
}

static void trap_loop(struct machine *m, const struct exc *e)
{
    log_msg("the hart traps without retiring an instruction: cause %llu at pc 0x%llx (tval 0x%llx) "
            "after %llu instructions; is the trap vector (mtvec 0x%llx, stvec 0x%llx) set up?",
            (unsigned long long)e->cause, (unsigned long long)m->hart.pc, (unsigned long long)e->tval,
            (unsigned long long)m->hart.instret, (unsigned long long)m->hart.priv.mtvec,
            (unsigned long long)m->hart.priv.stvec);
    m->halt = HALT_ERROR;
    m->exit_status = 1;
}

void fast_system_run(struct fast_system *s, struct machine *m, uint64_t stop_at)
{
    struct hart *h = &m->hart;
    struct system *sys = m->sys;
    struct ctx c = { .s = s, .m = m, .h = h, .mem = &sys->mem };
    unsigned traps_in_a_row = 0;
    while (m->halt == HALT_NONE) {
        if (unlikely(h->instret >= stop_at || h->instret >= sys->event_at)) {
            if (h->instret >= stop_at) {
                m->halt = HALT_LIMIT;
                break;
            }
            virt_machine_tick(m);   /* sets the next event_at */
        }
        if (unlikely(h->priv.mip & h->priv.mie)) {
            uint64_t irq = priv_pending_interrupt(h);
            if (irq) {
                s->interrupts++;
                priv_trap(h, irq, 0);
                continue;
            }
        }
        uint32_t raw;
        uint64_t next_pc;
        const struct insn *in = NULL;
        bool ok = fetch(&c, h->pc, &raw);
        if (ok) {
            in = decode(s, raw);
            next_pc = h->pc + in->len;
            ok = in->op != OP_ILLEGAL ? execute(&c, in, &next_pc) : illegal(&c, in);
        }
        if (unlikely(!ok)) {
            if (++traps_in_a_row >= TRAP_LOOP_LIMIT) {
                trap_loop(m, &c.exc);
                break;
            }
            s->exceptions++;
            priv_trap(h, c.exc.cause, c.exc.tval);
            continue;
        }
        traps_in_a_row = 0;
        s->mode_insns[h->priv.mode & 3]++;
        h->x[0] = 0;
        h->pc = next_pc;
        h->instret++;
        m->op_count[in->op]++;
        if (unlikely(c.mem->watch_hit))
            htif_tohost(m);
    }
}
