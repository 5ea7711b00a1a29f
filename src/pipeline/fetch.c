/* The fetch unit: reads the L1 instruction cache a block at a time, predicts control flow and
 * fills the first fetch stage.  One cache block per cycle (an instruction straddling two blocks
 * reads both); a predicted-taken transfer ends the cycle's fetch; a serializing or faulting
 * instruction stops fetch until commit (or a misprediction) redirects it. */
#include "pipeline/pipeline.h"

#define NO_BLOCK UINT64_MAX

void pipe_redirect(struct model_instance *p, uint64_t pc, uint64_t resume, enum pwhy why)
{
    p->fetch_pc = pc;
    p->fetch_resume = resume;
    p->fetch_stopped = false;
    p->fetch_why = (uint8_t)why;
    /* The fetch buffer held the old path: the new one starts with a cache access. */
    p->fetch_block[0] = p->fetch_block[1] = NO_BLOCK;
}

static bool have_block(const struct model_instance *p, uint64_t block)
{
    return block == p->fetch_block[0] || block == p->fetch_block[1];
}

/* Reads a block through the memory hierarchy; false if fetch must wait for it. */
static bool read_block(struct model_instance *p, uint64_t block)
{
    unsigned latency = memsys_fetch(&p->ms, block, p->ms.l1i.block_bytes);
    p->fetch_block[1] = p->fetch_block[0];
    p->fetch_block[0] = block;
    if (latency > 1) {
        p->note.icache_miss = true;
        p->fetch_resume = p->now + latency - 1;
        p->fetch_why = WHY_IFETCH;
        return false;
    }
    return true;
}

static bool stops_fetch(unsigned kind)
{
    return kind == PK_CSR || kind == PK_ECALL || kind == PK_FENCEI || kind == PK_FAULT;
}

void pipe_fetch(struct model_instance *p, struct machine *m)
{
    unsigned f1 = p->nstages - 1;
    uint64_t block_mask = ~(uint64_t)(p->ms.l1i.block_bytes - 1);
    unsigned n = 0;
    if (!p->fetch_stopped && p->now >= p->fetch_resume) {
        while (n < p->prm.fetch_width && pipe_occupancy(p, f1) < p->cap[f1]) {
            uint64_t pc = p->fetch_pc, block = pc & block_mask;
            if (!have_block(p, block)) {
                if (n)
                    break;                 /* the next block is next cycle's */
                /* An unfetchable pc makes a fault record below without touching the cache. */
                /* (In system mode the cache is read first: whether pc can be fetched is known
                 * only from the translation, which the read below makes.) */
                if ((p->system || mem_access_ok(&m->mem, pc, 2, MEM_X)) && !read_block(p, block))
                    break;
            }
            struct pdec scratch;
            const struct pdec *d = p->system ? pipe_decode_system(p, m, pc, &scratch)
                                             : pipe_decode_at(p, m, pc, &scratch);
            if (d->in.len == 4 && d->fault != PF_FETCH && ((pc + 2) & block_mask) != block &&
                !have_block(p, block + p->ms.l1i.block_bytes) &&
                !read_block(p, block + p->ms.l1i.block_bytes))
                break;
            struct pinst *in = pipe_new_insn(p, pc, d);
            p->cnt.fetched++;
            n++;
            unsigned kind = d->kind;
            if ((kind == PK_BRANCH || kind == PK_JAL || kind == PK_JALR) &&
                bpred_predict(&p->bp, pc, &d->in, &in->pred)) {
                in->pred_next = in->pred.target;
                p->fetch_pc = in->pred.target;
                p->note.predicted = true;
                p->note.pred_pc = pc;
                p->note.pred_target = in->pred.target;
                break;                      /* the target is fetched next cycle */
            }
            p->fetch_pc = in->pred_next;
            if (stops_fetch(kind)) {
                p->fetch_stopped = true;
                p->fetch_why = WHY_STRUCTURAL;
                break;
            }
        }
    }
    if (!pipe_occupancy(p, f1))
        p->bubble[f1] = p->fetch_why;
}
