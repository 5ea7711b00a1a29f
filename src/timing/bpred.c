/* Branch predictors: see bpred.h for the behaviour of each type. */
#include "timing/bpred.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"

static const char *const type_names[] = {
    [BPRED_NONE] = "none", [BPRED_STATIC] = "static", [BPRED_BTB2BIT] = "btb2bit",
    [BPRED_BIMODAL] = "bimodal", [BPRED_GSHARE] = "gshare",
};

#define NTYPES (sizeof type_names / sizeof type_names[0])

bool bpred_type_parse(const char *name, enum bpred_type *out)
{
    for (size_t i = 0; i < NTYPES; i++)
        if (!strcmp(name, type_names[i])) {
            *out = (enum bpred_type)i;
            return true;
        }
    return false;
}

const char *bpred_type_name(enum bpred_type t)
{
    return (size_t)t < NTYPES ? type_names[t] : "?";
}

enum { COUNTER_INIT = 1, COUNTER_MAX = 3, BTB2BIT_NEW_COUNTER = 2 };

bool bpred_init(struct bpred *bp, const struct bpred_params *p, char *err, size_t errlen)
{
    memset(bp, 0, sizeof *bp);
    bp->type = p->type;
    if (p->ras_entries > RAS_MAX_ENTRIES) {
        snprintf(err, errlen, "brpred:ras_entries must be at most %u (got %u)", RAS_MAX_ENTRIES,
                 p->ras_entries);
        return false;
    }
    ras_init(&bp->ras, p->type == BPRED_NONE ? 0 : p->ras_entries);

    switch (p->type) {
    case BPRED_NONE:
    case BPRED_STATIC:
        return true;
    case BPRED_BTB2BIT:
        return btb_init(&bp->btb, "brpred:predictor_entries", p->entries, p->btb_nways,
                        p->btb_policy, p->seed, err, errlen);
    case BPRED_BIMODAL:
    case BPRED_GSHARE:
        break;
    default:
        snprintf(err, errlen, "brpred:predictor_type: unknown type %d", (int)p->type);
        return false;
    }
    if (!is_pow2_u64(p->entries) || p->entries > BPRED_MAX_COUNTERS) {
        snprintf(err, errlen, "brpred:predictor_entries must be a power of two in [1, %u] (got %u)",
                 BPRED_MAX_COUNTERS, p->entries);
        return false;
    }
    if (p->history_bits > BPRED_MAX_HISTORY_BITS) {
        snprintf(err, errlen, "brpred:history_bits must be at most %u (got %u)",
                 BPRED_MAX_HISTORY_BITS, p->history_bits);
        return false;
    }
    if (!btb_init(&bp->btb, "brpred:btac_entries", p->btac_entries, p->btb_nways, p->btb_policy,
                  p->seed, err, errlen))
        return false;
    bp->counters = malloc(p->entries);
    if (!bp->counters) {
        btb_free(&bp->btb);
        snprintf(err, errlen, "brpred: out of memory for %u counters", p->entries);
        return false;
    }
    memset(bp->counters, COUNTER_INIT, p->entries);
    bp->counter_mask = p->entries - 1;
    bp->history_mask = p->type == BPRED_GSHARE ? (1ull << p->history_bits) - 1 : 0;
    return true;
}

bool bpred_init_from_config(struct bpred *bp, const struct config *cfg, char *err, size_t errlen)
{
    struct bpred_params p = {
        .entries = (uint32_t)config_uint(cfg, "brpred", "predictor_entries"),
        .btac_entries = (uint32_t)config_uint(cfg, "brpred", "btac_entries"),
        .btb_nways = (uint32_t)config_uint(cfg, "brpred", "btb_nways"),
        .history_bits = (uint32_t)config_uint(cfg, "brpred", "history_bits"),
        .ras_entries = (uint32_t)config_uint(cfg, "brpred", "ras_entries"),
        .seed = 0xb7b5eed,
    };
    memset(bp, 0, sizeof *bp);
    const char *type = config_string(cfg, "brpred", "predictor_type");
    if (!bpred_type_parse(type, &p.type)) {
        snprintf(err, errlen, "brpred:predictor_type: unknown type '%s' (choices: none static "
                 "btb2bit bimodal gshare)", type);
        return false;
    }
    const char *policy = config_string(cfg, "brpred", "btb_evictionpolicy");
    if (!repl_parse(policy, &p.btb_policy)) {
        snprintf(err, errlen, "brpred:btb_evictionpolicy: unknown policy '%s' (choices: lru random)",
                 policy);
        return false;
    }
    return bpred_init(bp, &p, err, errlen);
}

void bpred_free(struct bpred *bp)
{
    btb_free(&bp->btb);
    free(bp->counters);
    bp->counters = NULL;
}

static bool is_control(enum op_class k) { return k == CLASS_B || k == CLASS_J || k == CLASS_JR; }

static bool is_link(unsigned r) { return r == 1 || r == 5; }

/* Applies the RISC-V return-address-stack hints; returns true with *target if it popped. */
static bool ras_hint(struct bpred *bp, uint64_t pc, const struct insn *in, enum op_class k,
                     uint64_t *target)
{
    bool push = is_link(in->rd);
    bool pop = k == CLASS_JR && is_link(in->rs1) && !(push && in->rd == in->rs1);
    bool popped = pop && ras_pop(&bp->ras, target);
    if (popped)
        bp->stats.ras_pops++;
    if (push && bp->ras.depth) {
        ras_push(&bp->ras, pc + in->len);
        bp->stats.ras_pushes++;
    }
    return popped;
}

static int32_t btb_lookup(struct bpred *bp, uint64_t pc, struct prediction *out)
{
    int32_t slot = out->btb_slot = btb_find(&bp->btb, pc);
    if (slot != BTB_MISS)
        bp->stats.btb_hits++;
    else
        bp->stats.btb_misses++;
    return slot;
}

static uint32_t counter_index(const struct bpred *bp, uint64_t pc)
{
    return (uint32_t)(((pc >> 1) ^ bp->history) & bp->counter_mask);
}

bool bpred_predict(struct bpred *bp, uint64_t pc, const struct insn *in, struct prediction *out)
{
    enum op_class k = op_class((enum op)in->op);
    memset(out, 0, sizeof *out);
    out->btb_slot = BTB_MISS;
    if (!is_control(k) || bp->type == BPRED_NONE)
        return false;

    uint64_t ras_target = 0;
    bool from_ras = k != CLASS_B && ras_hint(bp, pc, in, k, &ras_target);
    out->ras = ras_save(&bp->ras);

    bool have_target = false;
    uint64_t target = 0;
    switch (bp->type) {
    case BPRED_STATIC:
        out->dir_taken = k != CLASS_B || in->imm < 0;
        if (k != CLASS_JR) {
            have_target = true;
            target = pc + (uint64_t)in->imm;
        }
        break;
    case BPRED_BTB2BIT: {
        int32_t slot = btb_lookup(bp, pc, out);
        bool hit_taken = slot != BTB_MISS && bp->btb.counter[slot] >= 2;
        out->dir_taken = k != CLASS_B || hit_taken;
        if (hit_taken) {
            have_target = true;
            target = bp->btb.target[slot];
        }
        break;
    }
    case BPRED_BIMODAL:
    case BPRED_GSHARE: {
        if (k == CLASS_B) {
            out->index = counter_index(bp, pc);
            out->dir_taken = bp->counters[out->index] >= 2;
        } else {
            out->dir_taken = true;
        }
        int32_t slot = btb_lookup(bp, pc, out);
        if (slot != BTB_MISS) {
            have_target = true;
            target = bp->btb.target[slot];
        }
        break;
    }
    default:
        break;
    }
    if (from_ras) {
        have_target = true;
        target = ras_target;
    }
    out->taken = out->dir_taken && have_target;
    out->target = out->taken ? target : 0;
    return out->taken;
}

static void train_btb2bit(struct bpred *bp, const struct prediction *pred, uint64_t pc,
                          bool taken, uint64_t target)
{
    struct btb *b = &bp->btb;
    int32_t slot = btb_find_hinted(b, pc, pred->btb_slot);
    if (taken) {
        if (slot == BTB_MISS) {
            slot = btb_insert(b, pc);
            b->counter[slot] = BTB2BIT_NEW_COUNTER;
        } else {
            btb_touch(b, slot);
            if (b->counter[slot] < COUNTER_MAX)
                b->counter[slot]++;
        }
        b->target[slot] = target;
    } else if (slot != BTB_MISS) {
        if (--b->counter[slot] == 0)
            btb_remove(b, slot);
        else
            btb_touch(b, slot);
    }
}

static void train_counters(struct bpred *bp, enum op_class k, const struct prediction *pred,
                           uint64_t pc, bool taken, uint64_t target)
{
    if (k == CLASS_B) {
        uint8_t *c = &bp->counters[pred->index];
        if (taken && *c < COUNTER_MAX)
            (*c)++;
        else if (!taken && *c > 0)
            (*c)--;
        bp->history = (bp->history << 1 | taken) & bp->history_mask;
    }
    if (taken) {
        int32_t slot = btb_find_hinted(&bp->btb, pc, pred->btb_slot);
        if (slot == BTB_MISS)
            slot = btb_insert(&bp->btb, pc);
        else
            btb_touch(&bp->btb, slot);
        bp->btb.target[slot] = target;
    }
}

bool bpred_update(struct bpred *bp, uint64_t pc, const struct insn *in,
                  const struct prediction *pred, bool taken, uint64_t target)
{
    enum op_class k = op_class((enum op)in->op);
    if (!is_control(k))
        return false;

    struct bpred_stats *s = &bp->stats;
    bool target_right = pred->taken && pred->target == target;
    bool redirect = taken ? !target_right : pred->taken;
    s->predictions++;
    s->mispredictions += redirect;
    if (k == CLASS_B) {
        s->conditional++;
        s->dir_mispredictions += pred->dir_taken != taken;
    }
    if (taken && (k != CLASS_B || pred->dir_taken) && !target_right)
        s->target_mispredictions++;

    switch (bp->type) {
    case BPRED_BTB2BIT:
        train_btb2bit(bp, pred, pc, taken, target);
        break;
    case BPRED_BIMODAL:
    case BPRED_GSHARE:
        train_counters(bp, k, pred, pc, taken, target);
        break;
    default:
        break;
    }
    if (redirect && bp->ras.depth)
        ras_restore(&bp->ras, pred->ras);
    return redirect;
}
