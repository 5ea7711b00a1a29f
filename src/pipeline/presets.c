/* The in-order pipeline as selectable models: its configuration keys, the presets that make it
 * Pompia or Oroblanco, and creation/destruction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "debug/session.h"
#include "pipeline/pipeline.h"
#include "timing/timing_config.h"

#define WIDTH(c, f, d, what) \
    { c, f, CONFIG_UINT, d, 1, PIPE_MAX_WIDTH, NULL, what }
#define STAGES(c, f, d, what) \
    { c, f, CONFIG_UINT, d, 1, PIPE_MAX_FRONT_STAGES, NULL, what }
#define LATENCY(c, f, d, what) \
    { c, f, CONFIG_UINT, d, 1, 1000, NULL, what }

/* Defaults describe Oroblanco; pompia_preset below overrides what differs. */
static const struct config_key own_keys[] = {
    STAGES("fetch", "stages", "1", "pipeline stages spent fetching (F1..Fn)"),
    STAGES("decode", "stages", "1", "pipeline stages spent decoding (D1..Dn)"),
    WIDTH("fetch", "width", "1", "instructions fetched per cycle (at most one cache block)"),
    WIDTH("decode", "max_instructions_to_decode", "1", "instructions decoded per cycle"),
    WIDTH("issue", "width", "1", "instructions issued to execute per cycle (in order)"),
    WIDTH("commit", "width", "1", "instructions committed per cycle"),
    { "alu", "result_forwarding", CONFIG_BOOL, "true", 0, 0, NULL,
      "forward results to dependent instructions (off: they wait for the producer to commit)" },
    LATENCY("alu", "mul_latency", "3", "cycles in execute of a multiply"),
    LATENCY("alu", "div_latency", "20", "cycles in execute of a divide or remainder"),
    LATENCY("fpu", "latency", "4", "cycles in execute of a floating-point operation"),
    LATENCY("fpu", "div_latency", "20", "cycles in execute of a floating-point divide or sqrt"),
    { "watchdog", "result_cycles", CONFIG_UINT, "1000000", 0, UINT64_MAX, NULL,
      "stop with an error when nothing retires for this many cycles (0 = never)" },
    { "pipeline", "max_cycles", CONFIG_UINT, "0", 0, UINT64_MAX, NULL,
      "stop the run after this many cycles (0 = no limit)" },
    { "pipeline", "trace_filename", CONFIG_STRING, "", 0, 0, NULL,
      "write a Kanata 0004 pipeline trace (Konata viewer) to this file (empty = off)" },
};
#define NOWN (sizeof own_keys / sizeof own_keys[0])

static const size_t own_nkeys = NOWN;
static const struct model_key_table pipeline_key_tables[] = {
    { own_keys, &own_nkeys },
    { timing_config_keys, &timing_config_nkeys },
    { inject_config_keys, &inject_config_nkeys },
    { debug_config_keys, &debug_config_nkeys },
};

/* Pompia: seven stages (two fetch stages read a whole cache block), several instructions decoded
 * and issued per cycle while there is no read-after-write hazard, no forwarding, no prediction. */
static const struct config_override pompia_preset[] = {
    { "fetch:stages", "2" },
    { "fetch:width", "8" },
    { "decode:max_instructions_to_decode", "4" },
    { "issue:width", "4" },
    { "commit:width", "4" },
    { "alu:result_forwarding", "false" },
    { "brpred:predictor_type", "none" },
};

/* Oroblanco: six stages, scalar, forwarding, the 2-bit BTB. */
static const struct config_override oroblanco_preset[] = {
    { "fetch:stages", "1" },
    { "alu:result_forwarding", "true" },
    { "brpred:predictor_type", "btb2bit" },
};

static const char *const fetch_names[] = { "F", "F1", "F2", "F3", "F4" };
static const char *const decode_names[] = { "D", "D1", "D2", "D3", "D4" };

static void read_params(struct pipe_params *prm, const struct config *c)
{
    prm->fetch_stages = (unsigned)config_uint(c, "fetch", "stages");
    prm->decode_stages = (unsigned)config_uint(c, "decode", "stages");
    prm->fetch_width = (unsigned)config_uint(c, "fetch", "width");
    prm->decode_width = (unsigned)config_uint(c, "decode", "max_instructions_to_decode");
    prm->issue_width = (unsigned)config_uint(c, "issue", "width");
    prm->commit_width = (unsigned)config_uint(c, "commit", "width");
    prm->forwarding = config_bool(c, "alu", "result_forwarding");
    prm->mul_latency = (unsigned)config_uint(c, "alu", "mul_latency");
    prm->div_latency = (unsigned)config_uint(c, "alu", "div_latency");
    prm->fpu_latency = (unsigned)config_uint(c, "fpu", "latency");
    prm->fdiv_latency = (unsigned)config_uint(c, "fpu", "div_latency");
    prm->watchdog_cycles = config_uint(c, "watchdog", "result_cycles");
    prm->max_cycles = config_uint(c, "pipeline", "max_cycles");
}

/* Stage k's name and capacity; see pipeline.h for the numbering (Cm = 0 ... F1 = n - 1). */
static void lay_out_stages(struct model_instance *p)
{
    const struct pipe_params *prm = &p->prm;
    unsigned nd = prm->decode_stages, nf = prm->fetch_stages;
    p->nstages = ST_FRONT + nd + nf;
    p->stage_name[ST_CM] = "Cm";
    p->stage_name[ST_MEM] = "Mem";
    p->stage_name[ST_EX] = "Ex";
    p->stage_name[ST_IS] = "Is";
    p->cap[ST_CM] = prm->commit_width;
    p->cap[ST_MEM] = p->cap[ST_EX] = p->cap[ST_IS] = prm->issue_width;
    for (unsigned i = 1; i <= nd; i++) {          /* D_i sits at ST_FRONT + nd - i */
        p->stage_name[ST_FRONT + nd - i] = decode_names[nd == 1 ? 0 : i];
        p->cap[ST_FRONT + nd - i] = prm->decode_width;
    }
    for (unsigned i = 1; i <= nf; i++) {
        p->stage_name[ST_FRONT + nd + nf - i] = fetch_names[nf == 1 ? 0 : i];
        p->cap[ST_FRONT + nd + nf - i] = prm->fetch_width;
    }
}

static void pipe_destroy(struct model_instance *p)
{
    if (!p)
        return;
    memsys_free(&p->ms);
    bpred_free(&p->bp);
    free(p->dcache);
    free(p);
}

static struct model_instance *pipe_create(struct machine *m, const struct config *c, char *err,
                                          size_t errlen)
{
    struct model_instance *p = calloc(1, sizeof *p);
    if (!p) {
        snprintf(err, errlen, "out of memory for the pipeline model");
        return NULL;
    }
    p->dcache = malloc(PIPE_DECODE_CACHE * sizeof *p->dcache);
    if (!p->dcache) {
        snprintf(err, errlen, "out of memory for the pipeline model");
        free(p);
        return NULL;
    }
    read_params(&p->prm, c);
    inject_from_config(&p->inj, c);
    bool ok = memsys_init_from_config(&p->ms, c, err, errlen);
    if (ok && !bpred_init_from_config(&p->bp, c, err, errlen)) {
        memsys_free(&p->ms);
        ok = false;
    }
    if (!ok) {
        free(p->dcache);
        free(p);
        return NULL;
    }
    lay_out_stages(p);
    for (unsigned k = 0; k <= p->nstages; k++)
        p->first[k] = 1;            /* seq 0 means "no producer" */
    pipe_decode_cache_flush(p);
    p->dcache_epoch = m->mem.code_epoch;
    p->system = m->sys != NULL;
    p->cycle_base = m->hart.instret + m->cycle_offset;
    m->counts_cycles = true;
    m->cycles = p->cycle_base;
    pipe_stats_start(p);   /* the run loop restarts them where a warm-up ends (reset_stats) */
    return p;
}

static void pipe_stats(struct model_instance *p, const struct machine *m, cJSON *top, cJSON *core)
{
    pipe_stats_json(p, top, core);
    if (p->system)
        pipe_system_stats(p, m, core);
}

/* A Linux process's run goes through the Linux layer, which stops it where guest timers
 * expire; a system-mode machine's devices are driven from the commit stage. */
static void pipe_run_model(struct model_instance *p, struct machine *m, uint64_t stop_at)
{
    if (p->system)
        pipe_run(p, m, stop_at);
    else
        linux_run_model(p, m, stop_at, pipe_run);
}

#define PIPELINE_MODEL(var, model_name, summary_text, preset_table)        \
    const struct model var = {                                              \
        .name = model_name,                                                 \
        .summary = summary_text,                                            \
        .key_tables = pipeline_key_tables,                                  \
        .nkey_tables = sizeof pipeline_key_tables / sizeof pipeline_key_tables[0], \
        .preset = preset_table,                                             \
        .npreset = sizeof preset_table / sizeof preset_table[0],            \
        .create = pipe_create,                                              \
        .run = pipe_run_model,                                              \
        .stats = pipe_stats,                                                \
        .reset_stats = pipe_reset_stats,                                    \
        .cycles = pipe_cycles,                                              \
        .destroy = pipe_destroy,                                            \
    }

/* The generic model: a textbook scalar in-order core of today's embedded class -- six stages
 * (F D Is Ex Mem Cm), forwarding, 32 KiB 4-way L1 caches, a 256 KiB 8-way L2, a gshare
 * predictor with a target buffer and a return stack -- to be reshaped with --config.  Unlike
 * Oroblanco (2 KiB L1s, 8 KiB L2, a 32-entry 2-bit BTB) its caches hold typical working sets. */
static const struct config_override inorder_preset[] = {
    { "fetch:stages", "1" },
    { "alu:result_forwarding", "true" },
    { "fetch:l1ic_nsets", "512" },
    { "fetch:l1ic_nways", "4" },
    { "lsu:l1dc_nsets", "512" },
    { "lsu:l1dc_nways", "4" },
    { "l2:nsets", "2048" },
    { "l2:nways", "8" },
    { "l2:hitlatency", "8" },
    { "mainmem:peek_latency_in_cycles", "60" },
    { "brpred:predictor_type", "gshare" },
    { "brpred:predictor_entries", "1024" },
    { "brpred:history_bits", "10" },
    { "brpred:btac_entries", "256" },
};

PIPELINE_MODEL(inorder_model, "inorder",
               "6-stage scalar in-order pipeline: 32 KiB L1s, 256 KiB L2, gshare; reshape with --config",
               inorder_preset);
PIPELINE_MODEL(pompia_model, "pompia",
               "7-stage in-order multi-issue pipeline: L1I/L1D/L2, no forwarding, no prediction",
               pompia_preset);
PIPELINE_MODEL(oroblanco_model, "oroblanco",
               "6-stage scalar in-order pipeline: L1I/L1D/L2, forwarding, 2-bit BTB", oroblanco_preset);
