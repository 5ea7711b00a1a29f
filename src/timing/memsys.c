/* Memory hierarchy timing: see memsys.h for the latency model. */
#include "timing/memsys.h"

#include <string.h>

#include "core/config.h"

bool memsys_init(struct memsys *ms, const struct memsys_params *p, char *err, size_t errlen)
{
    memset(ms, 0, sizeof *ms);
    ms->mem_latency = p->mem_latency;
    if (!cache_init(&ms->l1i, &p->l1i, err, errlen))
        return false;
    if (!cache_init(&ms->l1d, &p->l1d, err, errlen)) {
        cache_free(&ms->l1i);
        return false;
    }
    if (!cache_init(&ms->l2, &p->l2, err, errlen)) {
        cache_free(&ms->l1i);
        cache_free(&ms->l1d);
        return false;
    }
    return true;
}

void memsys_free(struct memsys *ms)
{
    cache_free(&ms->l1i);
    cache_free(&ms->l1d);
    cache_free(&ms->l2);
}

/* Reads one cache's keys: component:<prefix>nsets, ... (prefix "l1ic_", "l1dc_" or ""). */
static bool cache_params_from_config(struct cache_params *p, const struct config *cfg,
                                     const char *component, const char *prefix, const char *name,
                                     uint64_t seed, char *err, size_t errlen)
{
    char key[64];
    const char *field[] = { "nsets", "nways", "nbytesperblock", "hitlatency", "evictionpolicy" };
    uint64_t v[4];
    for (int i = 0; i < 4; i++) {
        snprintf(key, sizeof key, "%s%s", prefix, field[i]);
        v[i] = config_uint(cfg, component, key);
    }
    snprintf(key, sizeof key, "%s%s", prefix, field[4]);
    const char *policy = config_string(cfg, component, key);
    if (!repl_parse(policy, &p->policy)) {
        snprintf(err, errlen, "%s:%s: unknown eviction policy '%s' (choices: lru random)",
                 component, key, policy);
        return false;
    }
    p->name = name;
    p->nsets = (uint32_t)v[0];
    p->nways = (uint32_t)v[1];
    p->block_bytes = (uint32_t)v[2];
    p->hit_latency = (uint32_t)v[3];
    p->seed = seed;
    return true;
}

bool memsys_init_from_config(struct memsys *ms, const struct config *cfg, char *err, size_t errlen)
{
    struct memsys_params p;
    memset(&p, 0, sizeof p);
    memset(ms, 0, sizeof *ms);
    /* Distinct fixed seeds keep the caches' random choices independent yet reproducible. */
    if (!cache_params_from_config(&p.l1i, cfg, "fetch", "l1ic_", "fetch:l1ic", 0x1c0ffee1, err,
                                  errlen) ||
        !cache_params_from_config(&p.l1d, cfg, "lsu", "l1dc_", "lsu:l1dc", 0x1dca11ed, err,
                                  errlen) ||
        !cache_params_from_config(&p.l2, cfg, "l2", "", "l2", 0x12c0de, err, errlen))
        return false;
    p.mem_latency = (uint32_t)config_uint(cfg, "mainmem", "peek_latency_in_cycles");
    return memsys_init(ms, &p, err, errlen);
}

/* Accesses every L2 block in [addr, addr + bytes); returns true if all hit. */
static bool l2_access_range(struct memsys *ms, uint64_t addr, uint32_t bytes, bool is_write)
{
    struct cache *l2 = &ms->l2;
    uint64_t first = cache_block_addr(l2, addr);
    uint64_t last = cache_block_addr(l2, addr + bytes - 1);
    bool all_hit = true;
    for (uint64_t a = first;; a += l2->block_bytes) {
        uint64_t wb;
        if (!cache_access(l2, a, is_write, &wb)) {
            all_hit = false;
            if (!is_write)
                ms->stats.mem_reads++;
        }
        if (wb != CACHE_NO_WRITEBACK)
            ms->stats.mem_writebacks++;
        if (a == last)
            break;
    }
    return all_hit;
}

/* One L1 block's lookup, and on a miss the fill from L2 / memory. */
static unsigned access_block(struct memsys *ms, struct cache *l1, uint64_t addr, bool is_write)
{
    uint64_t wb;
    unsigned latency = l1->hit_latency;
    if (cache_access(l1, addr, is_write, &wb))
        return latency;
    if (wb != CACHE_NO_WRITEBACK) {
        ms->stats.l1_writebacks++;
        l2_access_range(ms, wb, l1->block_bytes, true);
    }
    latency += ms->l2.hit_latency;
    if (!l2_access_range(ms, cache_block_addr(l1, addr), l1->block_bytes, false))
        latency += ms->mem_latency;
    return latency;
}

/* Looks up every L1 block the request touches, one after the other. */
static unsigned request(struct memsys *ms, struct cache *l1, uint64_t addr, unsigned size,
                        bool is_write)
{
    uint64_t end = addr + (size ? size - 1 : 0);
    if (end < addr)
        end = UINT64_MAX;      /* a request that wraps stops at the top of the address space */
    uint64_t first = cache_block_addr(l1, addr), last = cache_block_addr(l1, end);
    unsigned latency = access_block(ms, l1, addr, is_write);
    if (first != last) {
        ms->stats.split_accesses++;
        for (uint64_t a = first; a != last;) {
            a += l1->block_bytes;
            latency += access_block(ms, l1, a, is_write);
        }
    }
    return latency;
}

unsigned memsys_fetch(struct memsys *ms, uint64_t addr, unsigned size)
{
    ms->stats.fetches++;
    return request(ms, &ms->l1i, addr, size, false);
}

unsigned memsys_load(struct memsys *ms, uint64_t addr, unsigned size)
{
    ms->stats.loads++;
    return request(ms, &ms->l1d, addr, size, false);
}

unsigned memsys_store(struct memsys *ms, uint64_t addr, unsigned size)
{
    ms->stats.stores++;
    return request(ms, &ms->l1d, addr, size, true);
}
