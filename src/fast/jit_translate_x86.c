/* Translation of one block to x86-64: the entry check against the stop count, the body, the
 * block's exits (patchable direct jumps, a target cache for register jumps) and the cold stubs
 * that hand control back to the interpreter. */
#if defined(__x86_64__)

#include <inttypes.h>
#include <time.h>

#include "fast/jit.h"
#include "fast/jit_ops_x86.h"
#include "isa/insn.h"

void jit_fault_jcc(struct jit_tr *t, enum x86_cc cc, uint32_t k)
{
    uint8_t *field = x_jcc(&t->b, cc, t->b.p);
    if (t->nfaults < MAX_FAULT_SITES) {
        t->fault_field[t->nfaults] = field;
        t->fault_index[t->nfaults++] = k;
    } else {
        t->b.overflow = true;   /* cannot happen with two sites per instruction; never emit a dangling jump */
    }
}

/* A direct exit towards a known pc: a jmp or jcc whose rel32 first points at a stub that
 * reports JIT_EXIT_CHAIN, and is later patched to the successor's translation. */
struct chain_exit {
    uint8_t *field;
    uint64_t pc;
    unsigned slot;
};

/* Before any exit of a self-looping block: its executions, counted in rsi, go to its count
 * (rdi is free: cached registers are dead once the block is left). */
static void emit_count_flush(struct jit_tr *t, const struct block *blk)
{
    if (!t->self_loop)
        return;
    x_mov_ri64(&t->b, RDI, (uint64_t)(uintptr_t)&blk->entries);
    x_mem(&t->b, X_W, 0x01, RSI, RDI, NO_REG, 0);   /* add [rdi], rsi */
}

static void emit_chain_stub(struct jit_tr *t, const struct jit *j, const struct block *blk,
                            const struct chain_exit *e)
{
    struct xbuf *b = &t->b;
    if (!b->overflow)
        x_patch_rel32(e->field, b->p);
    x_mov_ri64(b, RAX, e->pc);
    x_mov_ri64(b, RCX, e->slot);
    x_mem(b, X_W, 0x8d, R8, RIP_REL, NO_REG, 0);   /* lea r8, [rip + field] */
    if (!b->overflow)
        x_patch_rel32(b->p - 4, e->field);
    x_mov_ri64(b, RDX, (uint64_t)(uintptr_t)blk);
    x_jmp(b, j->exit_chain);
}

static enum x86_cc branch_cc(enum op op)
{
    switch (op) {
    case OP_BEQ: return CC_E;
    case OP_BNE: return CC_NE;
    case OP_BLT: return CC_L;
    case OP_BGE: return CC_GE;
    case OP_BLTU: return CC_B;
    default: return CC_AE;   /* BGEU */
    }
}

/* The flags of a branch's comparison a - v; v = NO_REG is x0 (beqz, bnez, bltz, bgez), where a test
 * gives the same flags (carry and overflow clear). */
static void emit_compare(struct xbuf *b, int a, int v)
{
    if (v == NO_REG)
        x_rr(b, X_W, 0x85, a, a);                   /* test a, a */
    else
        x_rr(b, X_W, 0x3b, a, v);                   /* cmp a, v */
}

/* A register jump: rax = target; jump straight to the translation it reached last time, else
 * report JIT_EXIT_INDIRECT with the cache to fill. */
static void emit_indirect(struct xbuf *b, const struct jit *j, const struct block *blk)
{
    x_mem(b, X_W, 0x3b, RAX, RIP_REL, NO_REG, 0);   /* cmp rax, [rip + cache.pc] */
    uint8_t *pc_field = b->p - 4;
    uint8_t *miss = x_jcc(b, CC_NE, b->p);
    x_mem(b, 0, 0xff, 4, RIP_REL, NO_REG, 0);       /* jmp [rip + cache.code] */
    uint8_t *code_field = b->p - 4;
    if (!b->overflow)
        x_patch_rel32(miss, b->p);
    /* Then the table of all translations. */
    x_rr(b, 0, 0x8b, RDX, RAX);                     /* mov edx, eax */
    x_shift_ri(b, 0, SH_SHR, RDX, 1);
    x_alu_ri(b, 0, ALU_AND, RDX, JIT_TARGETS - 1);
    x_shift_ri(b, X_W, SH_SHL, RDX, 4);             /* 16-byte entries */
    x_mov_ri64(b, RCX, (uint64_t)(uintptr_t)j->targets);
    x_mem(b, X_W, 0x3b, RAX, RCX, RDX, 0);          /* cmp rax, [rcx + rdx] */
    uint8_t *table_miss = x_jcc(b, CC_NE, b->p);
    x_mem(b, 0, 0xff, 4, RCX, RDX, 8);              /* jmp [rcx + rdx + 8] */
    if (!b->overflow)
        x_patch_rel32(table_miss, b->p);
    x_mov_ri64(b, RCX, LINK_TAKEN);
    x_mem(b, X_W, 0x8d, R8, RIP_REL, NO_REG, 0);    /* lea r8, [rip + cache] */
    uint8_t *cache_field = b->p - 4;
    x_mov_ri64(b, RDX, (uint64_t)(uintptr_t)blk);
    x_jmp(b, j->exit_indirect);
    while ((uintptr_t)b->p & 7)
        x_byte(b, 0xcc);
    uint8_t *cache = b->p;
    x_u64(b, 1);   /* no pc is odd: the first comparison misses */
    x_u64(b, 0);
    if (!b->overflow) {
        x_patch_rel32(pc_field, cache);
        x_patch_rel32(code_field, cache + 8);
        x_patch_rel32(cache_field, cache);
    }
}

static bool is_jump(enum op op)
{
    enum op_class c = op_class(op);
    return c == CLASS_B || c == CLASS_J || c == CLASS_JR;
}

/* A translation is one block, or a region of up to REGION_BLOCKS blocks that the interpreter
 * saw run after the first (grow_region): then the members keep the cached registers from one
 * to the next, and the jumps between them, loops included, stay inside the translation, with
 * no writeback, reload or dispatch.  Each member still checks the budget and counts its
 * executions as a block does, and leaves to the interpreter in its own name, so exact stops and
 * statistics are those of single blocks. */
#define REGION_BLOCKS 4

struct region {
    struct {
        struct block *blk;
        uint64_t *count;        /* its execution counter */
        const uint8_t *label;   /* its budget check, where jumps from the other members land */
    } m[REGION_BLOCKS];
    unsigned n;
    struct region_jump {        /* jumps between members, placed once every member has a label */
        uint8_t *field;
        unsigned to;
    } jump[2 * REGION_BLOCKS];
    unsigned njumps;
};

/* Does the block end in a direct branch or plain jump, with no link register to set? */
static bool ends_in_direct_jump(const struct block *b)
{
    const struct fast_insn *last = &b->insn[b->ninsns - 1];
    return op_class(last->op) == CLASS_B || (op_class(last->op) == CLASS_J && last->rd == 32);
}

static bool loops_on_itself(const struct block *b)
{
    return ends_in_direct_jump(b) && (uint64_t)b->insn[b->ninsns - 1].imm == b->pc;
}

static int member_of(const struct region *r, uint64_t pc)
{
    for (unsigned i = 0; i < r->n; i++)
        if (r->m[i].blk->pc == pc)
            return (int)i;
    return -1;
}

/* A jump to member `to` of a region of several blocks (placed by emit_region), from the jmp or
 * jcc whose rel32 is at `field`. */
static void region_jump(struct region *r, uint8_t *field, int to)
{
    r->jump[r->njumps++] = (struct region_jump){ field, (unsigned)to };
}

/* Emits the block's end after its straight-line body: the branch or jump that ends it, or the
 * fall-through of a block cut at the size limit, with the cached registers stored back on the
 * way out (a self loop's back edge, and a jump to another member of the block's region, keep
 * them).  Returns the number of direct exits out of the translation. */
static unsigned emit_end(struct jit_tr *t, const struct jit *j, const struct block *blk,
                         const uint8_t *loop_head, struct region *r, struct chain_exit exits[2])
{
    struct xbuf *b = &t->b;
    uint32_t n = blk->ninsns;
    const struct fast_insn *in = &blk->insn[n - 1];
    enum op_class cls = op_class(in->op);
    if (cls == CLASS_JR) {
        int base = jit_get_x(t, in->rs1, RAX);
        x_mem(b, X_W, 0x8d, RAX, base, NO_REG, (int32_t)in->imm);   /* lea rax, [base + imm] */
        x_alu_ri(b, X_W, ALU_AND, RAX, -2);
        jit_writeback(t);
        jit_set_x_const_on_exit(t, in->rd, in->pc + in->len);   /* after reading rs1: it may be rd */
        emit_indirect(b, j, blk);
        return 0;
    }
    if (!block_op_ends(in->op)) {
        jit_writeback(t);
        exits[0] = (struct chain_exit){ x_jmp(b, b->p), blk->insn[n].pc, LINK_FALLTHROUGH };
        return 1;
    }
    int taken = r->n > 1 ? member_of(r, (uint64_t)in->imm) : -1;
    int fall = r->n > 1 ? member_of(r, in->pc + in->len) : -1;
    if (cls == CLASS_J) {
        if (t->self_loop) {
            x_jmp(b, loop_head);
            return 0;
        }
        if (taken >= 0) {   /* region members end in plain jumps: no link register to set */
            region_jump(r, x_jmp(b, b->p), taken);
            return 0;
        }
        jit_writeback(t);
        jit_set_x_const_on_exit(t, in->rd, in->pc + in->len);
        exits[0] = (struct chain_exit){ x_jmp(b, b->p), (uint64_t)in->imm, LINK_TAKEN };
        return 1;
    }
    int a = jit_get_x(t, in->rs1, RAX);
    int v = in->rs2 ? jit_get_x(t, in->rs2, RCX) : NO_REG;
    if (t->self_loop) {
        emit_compare(b, a, v);
        x_jcc(b, branch_cc(in->op), loop_head);
        jit_writeback(t);
        emit_count_flush(t, blk);   /* here, not in the stub: the exit may be linked past it */
        exits[0] = (struct chain_exit){ x_jmp(b, b->p), in->pc + in->len, LINK_FALLTHROUGH };
        return 1;
    }
    if (taken >= 0 || fall >= 0) {   /* into the region first, keeping the registers */
        emit_compare(b, a, v);
        bool stays_taken = taken >= 0;   /* else the inverted condition keeps the fall-through */
        enum x86_cc cc = branch_cc(in->op);
        region_jump(r, x_jcc(b, stays_taken ? cc : (enum x86_cc)(cc ^ 1), b->p),
                    stays_taken ? taken : fall);
        if (taken >= 0 && fall >= 0) {
            region_jump(r, x_jmp(b, b->p), fall);
            return 0;
        }
        jit_writeback(t);
        exits[0] = stays_taken
                       ? (struct chain_exit){ x_jmp(b, b->p), in->pc + in->len, LINK_FALLTHROUGH }
                       : (struct chain_exit){ x_jmp(b, b->p), (uint64_t)in->imm, LINK_TAKEN };
        return 1;
    }
    jit_writeback(t);                               /* moves and stores: the flags wait */
    emit_compare(b, a, v);
    exits[0] = (struct chain_exit){ x_jcc(b, branch_cc(in->op), b->p), (uint64_t)in->imm, LINK_TAKEN };
    exits[1] = (struct chain_exit){ x_jmp(b, b->p), in->pc + in->len, LINK_FALLTHROUGH };
    return 2;
}

/* The stub that resumes the interpreter at instruction k, made once per index. */
static const uint8_t *resume_stub(struct xbuf *b, const uint8_t *tail, uint32_t k,
                                  const uint8_t *stub_of[BLOCK_MAX_INSNS + 1])
{
    if (!stub_of[k]) {
        stub_of[k] = b->p;
        x_mov_ri64(b, RCX, k);
        x_jmp(b, tail);
    }
    return stub_of[k];
}

/* The stubs that give control back to the interpreter at instruction k, all through one tail
 * that names the block: for the inline checks' jumps, and for the loads whose host faults
 * resume there (a load whose base was checked by an earlier load has no jump of its own). */
static void emit_resume_stubs(struct jit_tr *t, const struct jit *j, const struct block *blk,
                              const uint8_t *stub_of[BLOCK_MAX_INSNS + 1])
{
    struct xbuf *b = &t->b;
    if (!t->nfaults && !t->ntraps)
        return;
    const uint8_t *tail = b->p;
    jit_writeback(t);
    emit_count_flush(t, blk);
    x_alu_ri(b, X_W, ALU_ADD, R14, (int32_t)blk->ninsns);   /* not retired as a block */
    x_mov_ri64(b, RDX, (uint64_t)(uintptr_t)blk);
    x_jmp(b, j->exit_resume);
    for (unsigned i = 0; i < t->nfaults; i++) {
        const uint8_t *stub = resume_stub(b, tail, t->fault_index[i], stub_of);
        if (!b->overflow)
            x_patch_rel32(t->fault_field[i], stub);
    }
    for (unsigned e = 0; e < t->ntraps; e++)
        resume_stub(b, tail, t->trap_index[e], stub_of);
}

/* Adds to r, breadth first, the blocks its members' direct exits went to last, while they fit
 * in `room` instructions: the paths the interpreter saw leave the first block, and the loops
 * among them.  A block that loops on itself is better alone (it counts in a register there),
 * and members end in direct jumps, whose exits chain. */
static void grow_region(struct region *r, uint32_t room)
{
    for (unsigned i = 0; i < r->n && r->n < REGION_BLOCKS; i++) {
        const struct block *b = r->m[i].blk;
        if (!ends_in_direct_jump(b))
            continue;
        for (unsigned s = 0; s < 2 && r->n < REGION_BLOCKS; s++) {
            struct block *to = b->link[s].to;
            if (!to || b->link[s].pc != to->pc || member_of(r, to->pc) >= 0 || to->ninsns > room ||
                loops_on_itself(to) || !ends_in_direct_jump(to))
                continue;
            r->m[r->n++].blk = to;
            room -= to->ninsns;
        }
    }
}

static enum jit_result translate(struct jit *j, struct block *blk, uint64_t generation);

/* The members after the first need translations of their own (they may be entered from
 * elsewhere), whose counters the region counts in too. */
static enum jit_result translate_members(struct jit *j, const struct region *r, uint64_t generation)
{
    for (unsigned i = 1; i < r->n; i++) {
        struct block *b = r->m[i].blk;
        if (!b->jit && !b->jit_tried) {
            enum jit_result res = translate(j, b, generation);
            if (res == JIT_FULL)
                return res;
        }
        if (!b->jit)
            return JIT_UNTRANSLATABLE;
    }
    return JIT_OK;
}

/* Emits member i: its entry check and count, its body, its end, and its cold stubs. */
static enum jit_result emit_member(struct jit_tr *t, struct jit *j, struct region *r, unsigned i)
{
    struct xbuf *b = &t->b;
    struct block *blk = r->m[i].blk;
    uint64_t *count = r->m[i].count;
    t->nfaults = t->nstores = t->ntraps = t->nfp_slow = 0;
    t->below_limit = 0;   /* it may be entered from any member */
    uint32_t n = blk->ninsns;
    const struct fast_insn *last = &blk->insn[n - 1];
    uint32_t body = block_op_ends(last->op) ? n - 1 : n;

    /* Each execution: run only if the whole block retires before stop_at (else the interpreter
     * runs the part that fits); then count it for the per-op statistics. */
    const uint8_t *loop_head = r->m[i].label = b->p;
    x_alu_ri(b, X_W, ALU_SUB, R14, (int32_t)n);    /* counted as retired from here on */
    uint8_t *budget = x_jcc(b, CC_B, b->p);
    if (t->self_loop) {
        x_rr(b, X_W, 0xff, 0, RSI);                /* inc rsi */
    } else {
        x_mem(b, X_W, 0xff, 0, RIP_REL, NO_REG, 0);  /* inc qword [rip + count] */
        if (!b->overflow)
            x_patch_rel32(b->p - 4, (const uint8_t *)count);
    }

    uint32_t k = 0;
    while (k < body) {
        uint32_t fused = jit_emit_gather(t, blk->insn, k, body);
        if (fused)
            k += fused;
        else if (jit_emit_insn(t, &blk->insn[k], k))
            k++;
        else
            break;
    }
    bool whole = k == body && (body == n || is_jump(last->op));
    if ((k == 0 || r->n > 1) && !whole)
        return JIT_UNTRANSLATABLE;   /* nothing would run translated before handing back */
    struct chain_exit exits[2];
    unsigned nexits = 0;
    if (whole) {
        nexits = emit_end(t, j, blk, loop_head, r, exits);
    } else {   /* the interpreter runs the rest of the block, from instruction k */
        t->fault_field[t->nfaults] = x_jmp(b, b->p);
        t->fault_index[t->nfaults++] = k;
    }

    /* Cold stubs. */
    jit_emit_store_stubs(t);
    jit_emit_fp_stubs(t);
    if (!b->overflow)
        x_patch_rel32(budget, b->p);
    x_alu_ri(b, X_W, ALU_ADD, R14, (int32_t)n);
    jit_writeback(t);
    emit_count_flush(t, blk);
    x_mov_ri64(b, RAX, blk->pc);
    x_jmp(b, j->exit_enter);
    const uint8_t *stub_of[BLOCK_MAX_INSNS + 1] = { NULL };
    emit_resume_stubs(t, j, blk, stub_of);
    for (unsigned e = 0; e < nexits; e++)
        emit_chain_stub(t, j, blk, &exits[e]);
    if (b->overflow)
        return JIT_FULL;
    for (unsigned e = 0; e < t->ntraps; e++)
        if (!jit_trap_add(j, t->trap_site[e], stub_of[t->trap_index[e]]))
            return JIT_FULL;
    return JIT_OK;
}

static enum jit_result emit_region(struct jit *j, struct region *r)
{
    struct jit_tr t = { .b = { j->code + j->used, j->code + j->size, false },
                        .guarded = j->guarded_loads && j->cap_traps, .bmi2 = j->bmi2 };
    struct xbuf *b = &t.b;
    uint8_t *entry = b->p;
    struct block *first = r->m[0].blk;
    r->m[0].count = &j->counts[(size_t)(entry - j->code) / 16];   /* no other translation's */
    *r->m[0].count = 0;
    for (unsigned i = 1; i < r->n; i++)
        r->m[i].count = r->m[i].blk->jit_entries;
    r->njumps = 0;

    /* One register plan for all the members. */
    struct fast_insn all[BLOCK_MAX_INSNS];
    uint32_t total = 0;
    for (unsigned i = 0; i < r->n; i++)
        for (uint32_t k = 0; k < r->m[i].blk->ninsns; k++)
            all[total++] = r->m[i].blk->insn[k];
    t.self_loop = r->n == 1 && loops_on_itself(first);
    jit_cache_plan(&t, all, total);
    jit_cache_preload(&t);
    if (t.self_loop)
        x_rr(b, 0, 0x33, RSI, RSI);                /* xor esi, esi: executions so far */

    size_t ntraps = j->ntraps;
    for (unsigned i = 0; i < r->n; i++) {
        enum jit_result res = emit_member(&t, j, r, i);
        if (res != JIT_OK) {
            j->ntraps = ntraps;
            return res;
        }
    }
    for (unsigned e = 0; e < r->njumps; e++)
        x_patch_rel32(r->jump[e].field, r->m[r->jump[e].to].label);

    j->used = ((size_t)(b->p - j->code) + 15) & ~(size_t)15;
    j->blocks++;
    j->regions += r->n > 1;
    j->gathers += t.gathers;
    j->bytes += (size_t)(b->p - entry);
    first->jit = entry;
    first->jit_entries = r->m[0].count;
    j->targets[jit_target_slot(first->pc)] = (struct jit_target_cache){ first->pc, entry };
    if (j->perf_map)   /* flushed by jit_free: perf reads the map after the run */
        fprintf(j->perf_map, "%lx %lx guest_%" PRIx64 "_%u\n", (unsigned long)(uintptr_t)entry,
                (unsigned long)(b->p - entry), first->pc, (unsigned)total);
    return JIT_OK;
}

enum jit_result jit_translate(struct jit *j, struct block *blk, uint64_t generation)
{
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    enum jit_result r = translate(j, blk, generation);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    j->seconds += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    return r;
}

static enum jit_result translate(struct jit *j, struct block *blk, uint64_t generation)
{
    if (j->generation != generation) {   /* the block cache was flushed: so is every translation */
        j->used = j->routines_end;
        j->ntraps = 0;
        j->generation = generation;
        jit_forget_targets(j);
    }
    blk->jit_tried = 1;
    struct region r = { .m = { { .blk = blk } }, .n = 1 };
    if (!loops_on_itself(blk))
        grow_region(&r, BLOCK_MAX_INSNS - blk->ninsns);
    if (r.n > 1) {
        enum jit_result res = translate_members(j, &r, generation);
        if (res == JIT_OK)
            res = emit_region(j, &r);
        if (res != JIT_UNTRANSLATABLE)
            return res;
        r.n = 1;   /* a member the translator leaves to the interpreter: this block alone */
    }
    return emit_region(j, &r);
}

#endif
