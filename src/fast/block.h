/* Pre-decoded basic blocks for the fast model: every instruction is decoded once, into a record
 * that carries the address of its handler, and executed from the cache until code changes. */
#ifndef SNAPSIM_FAST_BLOCK_H
#define SNAPSIM_FAST_BLOCK_H

#include <stdint.h>

#include "core/machine.h"

/* 32 bytes: two per cache line. */
struct fast_insn {
    const void *handler;   /* threaded-dispatch target */
    int64_t imm;           /* immediate; absolute target for branches and jal; pc+imm for auipc */
    uint64_t pc;
    uint16_t op;
    uint8_t rd, rs1, rs2, rs3, rm, len;
};

/* A remembered successor: blocks chain to the block their last exit went to, so that the
 * common case skips the hash lookup. */
struct block_link {
    uint64_t pc;
    struct block *to;
};

enum { LINK_FALLTHROUGH = 0, LINK_TAKEN = 1 };

struct block {
    uint64_t pc;           /* guest address of the first instruction */
    struct block_link link[2];
    uint64_t entries;      /* times executed to the end (per-op statistics) */
    uint32_t ninsns;       /* instructions, the last one ends the block */
    uint32_t jit_tried;    /* translation was attempted (it succeeded when jit is set) */
    const void *jit;       /* entry of its machine code (fast/jit.h), or NULL */
    uint64_t *jit_entries; /* executions its machine code counted (added to entries), or NULL */
    struct fast_insn insn[];
};

#define BLOCK_MAX_INSNS 64

struct block_cache {
    const void *const *handlers;  /* handler address per enum op */
    const void *stop_handler;     /* ends a truncated block (exact instruction-count stops) */
    uint8_t *arena;               /* bump allocator of blocks */
    size_t arena_used, arena_size;
    struct block **table;         /* open-addressed hash: pc -> block */
    size_t table_mask, nblocks;
    uint64_t code_epoch;          /* guest_mem.code_epoch the cache was built for */
    uint64_t generation;          /* bumped by every flush: links made before it are void */
    struct block *scratch;        /* truncated copy of a block for partial execution */
};

/* Does op end a block?  Control flow, and everything that needs the exact retired count or may
 * change memory mappings or code. */
bool block_op_ends(enum op op);

int block_cache_init(struct block_cache *bc, const void *const *handlers, const void *stop_handler);
void block_cache_free(struct block_cache *bc, struct machine *m);

/* The block starting at pc, decoding it on first use; NULL only if out of host memory. */
struct block *block_lookup(struct block_cache *bc, struct machine *m, uint64_t pc);

/* Drops every block (after fence.i or a change of executable memory), folding their
 * statistics into m->op_count first. */
void block_cache_flush(struct block_cache *bc, struct machine *m);

/* Adds the blocks' execution counts to m->op_count and zeroes them. */
void block_cache_fold_stats(struct block_cache *bc, struct machine *m);

/* A copy of the first n instructions of b followed by a stop record. */
struct block *block_truncate(struct block_cache *bc, const struct block *b, uint32_t n);

#endif
