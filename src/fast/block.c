/* Block formation and the block cache of the fast model. */
#include "fast/block.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_SIZE (64u << 20)
#define TABLE_INITIAL 4096

/* Instructions after which the fast model leaves the block: control flow, and everything that
 * needs the exact retired count or may change memory mappings or code. */
bool block_op_ends(enum op op)
{
    switch (op_class(op)) {
    case CLASS_J: case CLASS_JR: case CLASS_B: case CLASS_CSR: case CLASS_CSRI:
        return true;
    default:
        return op == OP_ECALL || op == OP_EBREAK || op == OP_FENCE_I || op == OP_ILLEGAL;
    }
}

int block_cache_init(struct block_cache *bc, const void *const *handlers, const void *stop_handler)
{
    memset(bc, 0, sizeof *bc);
    bc->handlers = handlers;
    bc->stop_handler = stop_handler;
    bc->arena_size = ARENA_SIZE;
    bc->arena = malloc(bc->arena_size);
    bc->table = calloc(TABLE_INITIAL, sizeof *bc->table);
    bc->scratch = malloc(sizeof *bc->scratch + (BLOCK_MAX_INSNS + 1) * sizeof(struct fast_insn));
    if (!bc->arena || !bc->table || !bc->scratch) {
        block_cache_free(bc, NULL);
        return -ENOMEM;
    }
    bc->table_mask = TABLE_INITIAL - 1;
    return 0;
}

void block_cache_fold_stats(struct block_cache *bc, struct machine *m)
{
    for (size_t i = 0; i <= bc->table_mask; i++) {
        struct block *b = bc->table[i];
        if (!b)
            continue;
        /* Modulo 2^64: a fault part-way through may have taken one back from either count. */
        uint64_t n = b->entries + (b->jit_entries ? *b->jit_entries : 0);
        if (b->jit_entries)
            *b->jit_entries = 0;
        b->entries = 0;
        for (uint32_t k = 0; n && k < b->ninsns; k++)
            m->op_count[b->insn[k].op] += n;
    }
}

void block_cache_free(struct block_cache *bc, struct machine *m)
{
    if (m && bc->table)
        block_cache_fold_stats(bc, m);
    free(bc->arena);
    free(bc->table);
    free(bc->scratch);
    memset(bc, 0, sizeof *bc);
}

void block_cache_flush(struct block_cache *bc, struct machine *m)
{
    block_cache_fold_stats(bc, m);
    memset(bc->table, 0, (bc->table_mask + 1) * sizeof *bc->table);
    bc->nblocks = 0;
    bc->arena_used = 0;
    bc->generation++;
    bc->code_epoch = m->mem.code_epoch;
}

static size_t hash_pc(uint64_t pc) { return (size_t)((pc >> 1) * 0x9e3779b97f4a7c15ull >> 20); }

static bool table_insert(struct block_cache *bc, struct block *b)
{
    if ((bc->nblocks + 1) * 2 > bc->table_mask + 1) {
        size_t size = (bc->table_mask + 1) * 2;
        struct block **t = calloc(size, sizeof *t);
        if (!t)
            return false;
        for (size_t i = 0; i <= bc->table_mask; i++) {
            struct block *o = bc->table[i];
            if (!o)
                continue;
            size_t j = hash_pc(o->pc) & (size - 1);
            while (t[j])
                j = (j + 1) & (size - 1);
            t[j] = o;
        }
        free(bc->table);
        bc->table = t;
        bc->table_mask = size - 1;
    }
    size_t j = hash_pc(b->pc) & bc->table_mask;
    while (bc->table[j])
        j = (j + 1) & bc->table_mask;
    bc->table[j] = b;
    bc->nblocks++;
    return true;
}

/* Fetches and decodes one instruction; an unfetchable or undecodable one becomes OP_ILLEGAL
 * with rs3 telling which (0 = illegal encoding, 1 = fetch fault), so that the fault is raised
 * only if the instruction is actually reached. */
static void fetch_decode(const struct machine *m, uint64_t pc, struct insn *in)
{
    if (!mem_access_ok(&m->mem, pc, 2, MEM_X)) {
        memset(in, 0, sizeof *in);
        in->op = OP_ILLEGAL;
        in->rs3 = 1;
        return;
    }
    uint16_t lo = (uint16_t)mem_load(&m->mem, pc, 2);
    uint32_t raw = lo;
    if (insn_length(lo) == 4) {
        if (!mem_access_ok(&m->mem, pc + 2, 2, MEM_X)) {
            memset(in, 0, sizeof *in);
            in->op = OP_ILLEGAL;
            in->rs3 = 1;
            in->raw = lo;
            return;
        }
        raw |= (uint32_t)mem_load(&m->mem, pc + 2, 2) << 16;
    }
    if (!insn_decode(raw, in)) {
        in->op = OP_ILLEGAL;
        in->rs3 = 0;
        in->raw = raw;
    }
}

static void prepare(const struct block_cache *bc, struct fast_insn *f, const struct insn *in, uint64_t pc)
{
    enum op_class cls = op_class(in->op);
    f->handler = bc->handlers[in->op];
    f->pc = pc;
    f->op = in->op;
    f->rd = in->rd;
    f->rs1 = in->rs1;
    f->rs2 = in->rs2;
    f->rs3 = in->rs3;
    f->rm = in->rm;
    f->len = in->len;
    f->imm = in->imm;
    if (op_class_writes_x(cls) && f->rd == 0)
        f->rd = 32;   /* the write sink: x0 stays zero without a branch in every handler */
    if (in->op == OP_AUIPC || cls == CLASS_B || cls == CLASS_J)
        f->imm = (int64_t)(pc + (uint64_t)in->imm);
}

struct block *block_lookup(struct block_cache *bc, struct machine *m, uint64_t pc)
{
    if (bc->code_epoch != m->mem.code_epoch)
        block_cache_flush(bc, m);
    for (size_t j = hash_pc(pc) & bc->table_mask; bc->table[j]; j = (j + 1) & bc->table_mask)
        if (bc->table[j]->pc == pc)
            return bc->table[j];

    size_t need = sizeof(struct block) + BLOCK_MAX_INSNS * sizeof(struct fast_insn);
    if (bc->arena_used + need > bc->arena_size)
        block_cache_flush(bc, m);
    struct block *b = (struct block *)(bc->arena + bc->arena_used);
    b->pc = pc;
    b->entries = 0;
    b->jit_tried = 0;
    b->jit = NULL;
    b->jit_entries = NULL;
    memset(b->link, 0, sizeof b->link);
    uint32_t n = 0;
    uint64_t at = pc;
    for (;;) {
        struct insn in;
        fetch_decode(m, at, &in);
        prepare(bc, &b->insn[n], &in, at);
        n++;
        if (block_op_ends(in.op) || n == BLOCK_MAX_INSNS)
            break;
        at += in.len;
    }
    b->ninsns = n;
    /* A block cut at the size limit ends in a non-control instruction: give it a stop record
     * so execution leaves the block at the next pc. */
    if (!block_op_ends(b->insn[n - 1].op)) {
        struct fast_insn *s = &b->insn[n];
        memset(s, 0, sizeof *s);
        s->handler = bc->stop_handler;
        s->pc = at + b->insn[n - 1].len;
    }
    bc->arena_used += sizeof(struct block) + (n + 1) * sizeof(struct fast_insn);
    bc->arena_used = (bc->arena_used + 63) & ~(size_t)63;
    if (!table_insert(bc, b))
        return NULL;
    return b;
}

struct block *block_truncate(struct block_cache *bc, const struct block *b, uint32_t n)
{
    struct block *s = bc->scratch;
    s->pc = b->pc;
    s->entries = 0;
    s->jit_tried = 1;   /* a partial copy is never translated */
    s->jit = NULL;
    s->jit_entries = NULL;
    memset(s->link, 0, sizeof s->link);
    s->ninsns = n;
    memcpy(s->insn, b->insn, n * sizeof *s->insn);
    struct fast_insn *stop = &s->insn[n];
    memset(stop, 0, sizeof *stop);
    stop->handler = bc->stop_handler;
    stop->pc = n ? b->insn[n - 1].pc + b->insn[n - 1].len : b->pc;
    return s;
}
