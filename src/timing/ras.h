/* Return-address stack: a circular stack that overwrites its oldest entry when full.
 *
 * Fixed capacity inside the struct (plain data, no allocation).  Predictors push and pop it when
 * they predict, i.e. speculatively; a checkpoint of the top (position, count and top value) taken
 * after an instruction's own push/pop is enough to repair it when that instruction turns out to
 * have been mispredicted and the younger, wrong-path pushes and pops are discarded. */
#ifndef SNAPSIM_TIMING_RAS_H
#define SNAPSIM_TIMING_RAS_H

#include <stdbool.h>
#include <stdint.h>

#define RAS_MAX_ENTRIES 64

struct ras {
    uint64_t stack[RAS_MAX_ENTRIES];
    uint32_t depth;    /* capacity in use, 0 = no RAS */
    uint32_t top;      /* index of the newest entry */
    uint32_t count;    /* valid entries, <= depth */
};

struct ras_checkpoint { uint64_t top_value; uint32_t top, count; };

static inline void ras_init(struct ras *r, uint32_t depth)
{
    *r = (struct ras){ .depth = depth > RAS_MAX_ENTRIES ? RAS_MAX_ENTRIES : depth };
}

static inline void ras_push(struct ras *r, uint64_t return_addr)
{
    if (!r->depth)
        return;
    r->top = r->top + 1 == r->depth ? 0 : r->top + 1;
    r->stack[r->top] = return_addr;
    if (r->count < r->depth)
        r->count++;
}

/* False (and no change) when empty. */
static inline bool ras_pop(struct ras *r, uint64_t *return_addr)
{
    if (!r->count)
        return false;
    *return_addr = r->stack[r->top];
    r->top = r->top ? r->top - 1 : r->depth - 1;
    r->count--;
    return true;
}

static inline struct ras_checkpoint ras_save(const struct ras *r)
{
    return (struct ras_checkpoint){ r->stack[r->top], r->top, r->count };
}

static inline void ras_restore(struct ras *r, struct ras_checkpoint c)
{
    r->top = c.top;
    r->count = c.count;
    r->stack[c.top] = c.top_value;
}

#endif
