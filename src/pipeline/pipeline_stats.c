/* Statistics of the in-order pipeline: its own counters and those of the caches and the branch
 * predictor, minus what they were when the warm-up ended (stats:warmup_instructions). */
#include <string.h>

#include "pipeline/pipeline.h"
#include "timing/timing_stats.h"

/* Every counter struct here is a run of uint64_t, so baselines subtract word by word. */
#define SUB_U64(out, now, then)                                                          \
    do {                                                                                 \
        _Static_assert(sizeof(out) % sizeof(uint64_t) == 0, "counters are uint64_t");   \
        sub_words((uint64_t *)&(out), (const uint64_t *)&(now), (const uint64_t *)&(then), \
                  sizeof(out) / sizeof(uint64_t));                                       \
    } while (0)

static void sub_words(uint64_t *out, const uint64_t *now, const uint64_t *then, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = now[i] - then[i];
}

void pipe_stats_start(struct model_instance *p)
{
    p->base.c = p->cnt;
    p->base.l1i = p->ms.l1i.stats;
    p->base.l1d = p->ms.l1d.stats;
    p->base.l2 = p->ms.l2.stats;
    p->base.ms = p->ms.stats;
    p->base.bp = p->bp.stats;
}

void pipe_reset_stats(struct model_instance *p, const struct machine *m)
{
    (void)m;
    pipe_stats_start(p);
}

uint64_t pipe_cycles(const struct model_instance *p, const struct machine *m)
{
    (void)m;
    return p->cnt.cycles;
}

/* A cache's JSON with its counters replaced by the counted ones. */
static cJSON *cache_json(const struct cache *c, const struct cache_stats *then)
{
    struct cache view = *c;
    SUB_U64(view.stats, c->stats, *then);
    return cache_stats_json(&view);
}

static cJSON *counters(const char *const *names, const uint64_t *values, size_t n)
{
    cJSON *o = cJSON_CreateObject();
    for (size_t i = 0; o && i < n; i++)
        cJSON_AddNumberToObject(o, names[i], (double)values[i]);
    return o;
}

#define COUNTERS(names, ...) \
    counters(names, (const uint64_t[]){ __VA_ARGS__ }, sizeof(names) / sizeof(names[0]))

void pipe_stats_json(struct model_instance *p, cJSON *top, cJSON *core)
{
    struct pipe_counters c;
    struct memsys_stats ms;
    SUB_U64(c, p->cnt, p->base.c);
    SUB_U64(ms, p->ms.stats, p->base.ms);
    struct cache_stats l1i, l1d;
    SUB_U64(l1i, p->ms.l1i.stats, p->base.l1i);
    SUB_U64(l1d, p->ms.l1d.stats, p->base.l1d);
    struct bpred bp_view = p->bp;
    SUB_U64(bp_view.stats, p->bp.stats, p->base.bp);

    cJSON_AddNumberToObject(top, "cycle", (double)c.cycles);
    static const char *const mainmem_names[] = { "accesses", "reads", "writebacks", "latency" };
    cJSON *shared = cJSON_AddObjectToObject(top, "-1");
    if (shared)
        cJSON_AddItemToObject(shared, "mainmem",
                              COUNTERS(mainmem_names, ms.mem_reads + ms.mem_writebacks,
                                       ms.mem_reads, ms.mem_writebacks, p->ms.mem_latency));

    cJSON_AddNumberToObject(core, "cycles", (double)c.cycles);
    static const char *const fetch_names[] = { "l1ic_accesses", "l1ic_misses", "instructions" };
    cJSON *fetch = COUNTERS(fetch_names, l1i.accesses, l1i.misses, c.fetched);
    cJSON_AddItemToObject(fetch, "l1ic", cache_json(&p->ms.l1i, &p->base.l1i));
    cJSON_AddItemToObject(core, "fetch", fetch);

    static const char *const decode_names[] = { "instructions" };
    cJSON_AddItemToObject(core, "decode", COUNTERS(decode_names, c.decoded));
    static const char *const issue_names[] = { "instructions", "data_stall_cycles" };
    cJSON_AddItemToObject(core, "issue", COUNTERS(issue_names, c.issued, c.data_stalls));
    static const char *const commit_names[] = { "retires", "flushes" };
    cJSON_AddItemToObject(core, "commit", COUNTERS(commit_names, c.retires, c.flushes));

    static const char *const lsu_names[] = { "l1dc_accesses", "l1dc_misses" };
    cJSON *lsu = COUNTERS(lsu_names, l1d.accesses, l1d.misses);
    cJSON_AddItemToObject(lsu, "l1dc", cache_json(&p->ms.l1d, &p->base.l1d));
    cJSON_AddItemToObject(core, "lsu", lsu);
    cJSON_AddItemToObject(core, "l2", cache_json(&p->ms.l2, &p->base.l2));
    struct memsys ms_view = p->ms;
    ms_view.stats = ms;
    cJSON_AddItemToObject(core, "memsys", memsys_stats_json(&ms_view));
    cJSON_AddItemToObject(core, "brpred", bpred_stats_json(&bp_view));

    cJSON_AddNumberToObject(core, "ipc", c.cycles ? (double)c.retires / (double)c.cycles : 0.0);
    static const char *const why_names[WHY_COUNT] = {
        [WHY_BASE] = "base", [WHY_IFETCH] = "ifetch", [WHY_DATA] = "data_hazard",
        [WHY_DCACHE] = "dcache", [WHY_BRANCH] = "branch_mispredict", [WHY_STRUCTURAL] = "structural",
    };
    cJSON_AddItemToObject(core, "cpi_stack", counters(why_names, c.cpi, WHY_COUNT));
}
