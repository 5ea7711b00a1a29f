/* JSON views of the timing components' counters: see timing_stats.h. */
#include "timing/timing_stats.h"

struct counter { const char *name; uint64_t value; };

static cJSON *object_of(const struct counter *c, size_t n)
{
    cJSON *o = cJSON_CreateObject();
    for (size_t i = 0; o && i < n; i++)
        cJSON_AddNumberToObject(o, c[i].name, (double)c[i].value);
    return o;
}

#define OBJECT(...) \
    object_of((const struct counter[]){ __VA_ARGS__ }, \
              sizeof((const struct counter[]){ __VA_ARGS__ }) / sizeof(struct counter))

cJSON *cache_stats_json(const struct cache *c)
{
    const struct cache_stats *s = &c->stats;
    return OBJECT({ "accesses", s->accesses }, { "hits", s->hits }, { "misses", s->misses },
                  { "reads", s->reads }, { "writes", s->writes },
                  { "read_misses", s->read_misses }, { "write_misses", s->write_misses },
                  { "evictions", s->evictions }, { "writebacks", s->writebacks });
}

cJSON *memsys_stats_json(const struct memsys *ms)
{
    const struct memsys_stats *s = &ms->stats;
    return OBJECT({ "fetches", s->fetches }, { "loads", s->loads }, { "stores", s->stores },
                  { "split_accesses", s->split_accesses }, { "l1_writebacks", s->l1_writebacks },
                  { "mem_reads", s->mem_reads }, { "mem_writebacks", s->mem_writebacks });
}

cJSON *bpred_stats_json(const struct bpred *bp)
{
    const struct bpred_stats *s = &bp->stats;
    return OBJECT({ "predictions", s->predictions }, { "conditional", s->conditional },
                  { "mispredictions", s->mispredictions },
                  { "direction_mispredictions", s->dir_mispredictions },
                  { "target_mispredictions", s->target_mispredictions },
                  { "btb_hits", s->btb_hits }, { "btb_misses", s->btb_misses },
                  { "ras_pushes", s->ras_pushes }, { "ras_pops", s->ras_pops });
}
