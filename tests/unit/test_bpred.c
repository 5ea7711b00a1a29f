/* Branch predictor tests: misprediction counts for hand-simulated outcome sequences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/config.h"
#include "timing/bpred.h"
#include "timing/timing_config.h"
#include "timing/timing_stats.h"

static struct insn branch(int64_t imm) { return (struct insn){ .op = OP_BNE, .rs1 = 10, .imm = imm, .len = 4 }; }
static struct insn jal(unsigned rd, int64_t imm) { return (struct insn){ .op = OP_JAL, .rd = (uint8_t)rd, .imm = imm, .len = 4 }; }
static struct insn jalr(unsigned rd, unsigned rs1) { return (struct insn){ .op = OP_JALR, .rd = (uint8_t)rd, .rs1 = (uint8_t)rs1, .len = 4 }; }

static struct bpred make(enum bpred_type type, uint32_t entries, uint32_t history_bits,
                         uint32_t ras)
{
    struct bpred bp;
    char err[200];
    struct bpred_params p = { .type = type, .entries = entries, .btac_entries = 16,
                              .history_bits = history_bits, .ras_entries = ras };
    assert_true(bpred_init(&bp, &p, err, sizeof err));
    return bp;
}

/* Predicts and immediately resolves one instruction; returns true if it redirected fetch. */
static bool step(struct bpred *bp, uint64_t pc, const struct insn *in, bool taken, uint64_t target)
{
    struct prediction p;
    bpred_predict(bp, pc, in, &p);
    return bpred_update(bp, pc, in, &p, taken, target);
}

/* A loop's backward branch at 0x1000 (to 0xfe0): 10 rounds of 9 taken then 1 not taken. */
static uint64_t run_loop(struct bpred *bp)
{
    struct insn b = branch(-0x20);
    for (int round = 0; round < 10; round++)
        for (int i = 0; i < 10; i++) {
            bool taken = i < 9;
            step(bp, 0x1000, &b, taken, taken ? 0xfe0 : 0x1004);
        }
    assert_int_equal(bp->stats.predictions, 100);
    assert_int_equal(bp->stats.conditional, 100);
    return bp->stats.mispredictions;
}

static void test_loop_pattern(void **state)
{
    (void)state;
    /* none: every taken branch redirects.  static (backward taken): only the exits. */
    struct bpred none = make(BPRED_NONE, 16, 0, 0), stat = make(BPRED_STATIC, 16, 0, 0);
    assert_int_equal(run_loop(&none), 90);
    assert_int_equal(run_loop(&stat), 10);
    /* btb2bit: round 1 misses the first taken (BTB miss, entry at 2) and the exit (3 -> 2);
     * later rounds only the exit.  bimodal (counter starts at 1) behaves the same: 1 + 10. */
    struct bpred btb = make(BPRED_BTB2BIT, 8, 0, 0), bim = make(BPRED_BIMODAL, 16, 0, 0);
    assert_int_equal(run_loop(&btb), 11);
    assert_int_equal(btb.stats.dir_mispredictions, 11);
    assert_int_equal(run_loop(&bim), 11);
    /* gshare, 4 history bits, 16 counters, pc bits select counter 0 so index = history:
     * round 1: histories 0000 0001 0011 0111 1111 each start weakly not taken -> 5 misses for
     * the first five taken, then the exit (counter 1111 at 3) -> 6.  Round 2: 1110 1101 1011 are
     * new -> 3 misses, 0111 and 1111 are trained, exit misses again -> 4.  Rounds 3-10: the exit
     * shares history 1111 with the taken iterations 4-8, so 1 miss each -> 8.  Total 18. */
    struct bpred gs = make(BPRED_GSHARE, 16, 4, 0);
    assert_int_equal(run_loop(&gs), 18);
    bpred_free(&btb);
    bpred_free(&bim);
    bpred_free(&gs);
}

static void test_gshare_learns_alternation(void **state)
{
    (void)state;
    struct bpred bim = make(BPRED_BIMODAL, 16, 0, 0), gs = make(BPRED_GSHARE, 16, 2, 0);
    struct insn b = branch(0x40);
    for (int i = 0; i < 200; i++) {
        bool taken = !(i & 1);
        step(&bim, 0x2000, &b, taken, taken ? 0x2040 : 0x2004);
        step(&gs, 0x2000, &b, taken, taken ? 0x2040 : 0x2004);
    }
    /* bimodal's counter swings between 1 and 2 and is always wrong.  gshare: histories 00 and
     * 10 precede a taken branch, 01 a not-taken one; 00 and 10 each miss once. */
    assert_int_equal(bim.stats.mispredictions, 200);
    assert_int_equal(gs.stats.mispredictions, 2);
    bpred_free(&bim);
    bpred_free(&gs);
}

static void test_btb2bit_eviction(void **state)
{
    (void)state;
    struct bpred bp = make(BPRED_BTB2BIT, 8, 0, 0);
    struct insn b = branch(0x100);
    assert_true(step(&bp, 0x3000, &b, true, 0x3100));    /* BTB miss: new entry, counter 2 */
    assert_int_not_equal(btb_find(&bp.btb, 0x3000), BTB_MISS);
    assert_int_equal(bp.btb.counter[btb_find(&bp.btb, 0x3000)], 2);
    assert_true(step(&bp, 0x3000, &b, false, 0x3004));   /* predicted taken; counter 1 */
    assert_false(step(&bp, 0x3000, &b, false, 0x3004));  /* predicted not taken; counter 0 */
    assert_int_equal(btb_find(&bp.btb, 0x3000), BTB_MISS);        /* ... so the entry is gone */
    assert_true(step(&bp, 0x3000, &b, true, 0x3100));    /* a BTB miss again */
    assert_int_equal(bp.stats.btb_hits, 2);
    assert_int_equal(bp.stats.btb_misses, 2);
    assert_int_equal(bp.stats.mispredictions, 3);
    /* Saturation: after many taken outcomes one not-taken does not flip the prediction. */
    for (int i = 0; i < 5; i++)
        step(&bp, 0x3000, &b, true, 0x3100);
    assert_int_equal(bp.btb.counter[btb_find(&bp.btb, 0x3000)], 3);
    assert_true(step(&bp, 0x3000, &b, false, 0x3004));
    assert_false(step(&bp, 0x3000, &b, true, 0x3100));
    bpred_free(&bp);
}

static void test_btb_capacity_lru(void **state)
{
    (void)state;
    struct bpred bp = make(BPRED_BTB2BIT, 2, 0, 0);      /* 2 entries, fully associative */
    struct insn b = branch(0x10);
    step(&bp, 0x100, &b, true, 0x110);
    step(&bp, 0x200, &b, true, 0x210);
    step(&bp, 0x100, &b, true, 0x110);                    /* 0x200 becomes LRU */
    step(&bp, 0x300, &b, true, 0x310);                    /* evicts 0x200 */
    assert_int_not_equal(btb_find(&bp.btb, 0x100), BTB_MISS);
    assert_int_equal(btb_find(&bp.btb, 0x200), BTB_MISS);
    assert_true(step(&bp, 0x200, &b, true, 0x210));
    assert_int_equal(bp.stats.btb_misses, 4);
    bpred_free(&bp);
}

/* main (0x100) calls f (0x1000), which calls g (0x2000); both return. */
static uint64_t run_nested_calls(struct bpred *bp, int times)
{
    struct insn call_f = jal(1, 0x1000 - 0x100), call_g = jal(1, 0x2000 - 0x1004);
    struct insn ret = jalr(0, 1);
    for (int i = 0; i < times; i++) {
        step(bp, 0x100, &call_f, true, 0x1000);
        step(bp, 0x1004, &call_g, true, 0x2000);
        step(bp, 0x2000, &ret, true, 0x1008);
        step(bp, 0x100c, &ret, true, 0x104);
    }
    return bp->stats.mispredictions;
}

static void test_ras_nested_calls(void **state)
{
    (void)state;
    struct bpred with = make(BPRED_STATIC, 16, 0, 8), without = make(BPRED_STATIC, 16, 0, 0),
                 shallow = make(BPRED_STATIC, 16, 0, 1);
    assert_int_equal(run_nested_calls(&with, 3), 0);       /* jal targets known, returns via RAS */
    assert_int_equal(with.stats.ras_pushes, 6);
    assert_int_equal(with.stats.ras_pops, 6);
    assert_int_equal(run_nested_calls(&without, 3), 6);    /* every return redirects */
    assert_int_equal(without.stats.target_mispredictions, 6);
    assert_int_equal(run_nested_calls(&shallow, 3), 3);    /* depth 1: only the inner return */
    /* btb2bit: the two calls miss the BTB the first time only; returns always come from the RAS. */
    struct bpred btb = make(BPRED_BTB2BIT, 8, 0, 8);
    assert_int_equal(run_nested_calls(&btb, 3), 2);
    bpred_free(&btb);
}

static void test_ras_hints_and_repair(void **state)
{
    (void)state;
    struct bpred bp = make(BPRED_STATIC, 16, 0, 8);
    struct insn call = jal(1, 0x400), ret = jalr(0, 1), swap = jalr(5, 1), ret_t0 = jalr(0, 5);
    struct insn fwd = branch(0x40);
    struct prediction p, q;
    step(&bp, 0x100, &call, true, 0x500);                 /* pushes 0x104 */
    /* A forward branch predicted not taken but taken: the wrong-path return fetched after it
     * pops 0x104; resolving the branch must put it back. */
    bpred_predict(&bp, 0x500, &fwd, &p);
    assert_false(p.taken);
    bpred_predict(&bp, 0x504, &ret, &q);
    assert_true(q.taken);
    assert_int_equal(q.target, 0x104);
    assert_true(bpred_update(&bp, 0x500, &fwd, &p, true, 0x540));
    /* Coroutine swap: jalr t0, ra pops 0x104 then pushes 0x544; jalr x0, t0 returns there. */
    bpred_predict(&bp, 0x540, &swap, &p);
    assert_true(p.taken);
    assert_int_equal(p.target, 0x104);
    assert_false(bpred_update(&bp, 0x540, &swap, &p, true, 0x104));
    bpred_predict(&bp, 0x104, &ret_t0, &p);
    assert_true(p.taken);
    assert_int_equal(p.target, 0x544);
    /* jalr ra, ra (rd == rs1, both links) only pushes; jalr a0, a1 leaves the RAS alone. */
    uint32_t count = bp.ras.count;
    struct insn same = jalr(1, 1), plain = jalr(10, 11);
    bpred_predict(&bp, 0x600, &same, &p);
    assert_false(p.taken);                                 /* static has no jalr target */
    assert_int_equal(bp.ras.count, count + 1);
    bpred_predict(&bp, 0x700, &plain, &p);
    assert_int_equal(bp.ras.count, count + 1);
    bpred_free(&bp);
}

static void test_indirect_target_mispredict(void **state)
{
    (void)state;
    /* An indirect jump whose target alternates: bimodal's BTAC holds the last target. */
    struct bpred bp = make(BPRED_BIMODAL, 16, 0, 0);
    struct insn j = jalr(0, 15);
    for (int i = 0; i < 10; i++)
        step(&bp, 0x800, &j, true, i & 1 ? 0x900 : 0xa00);
    assert_int_equal(bp.stats.mispredictions, 10);
    assert_int_equal(bp.stats.target_mispredictions, 10);
    assert_int_equal(bp.stats.dir_mispredictions, 0);
    assert_int_equal(bp.stats.btb_misses, 1);
    cJSON *stats = bpred_stats_json(&bp);
    assert_non_null(stats);
    assert_int_equal(cJSON_GetObjectItem(stats, "target_mispredictions")->valuedouble, 10);
    assert_int_equal(cJSON_GetObjectItem(stats, "btb_hits")->valuedouble, 9);
    cJSON_Delete(stats);
    bpred_free(&bp);
}

static void test_non_control_ignored(void **state)
{
    (void)state;
    struct bpred bp = make(BPRED_GSHARE, 16, 4, 4);
    struct insn add = { .op = OP_ADDI, .rd = 1, .rs1 = 1, .imm = 1, .len = 4 };
    struct prediction p;
    assert_false(bpred_predict(&bp, 0x100, &add, &p));
    assert_false(bpred_update(&bp, 0x100, &add, &p, false, 0));
    assert_int_equal(bp.stats.predictions, 0);
    assert_int_equal(bp.stats.btb_misses, 0);
    assert_int_equal(bp.ras.count, 0);
    bpred_free(&bp);
}

static void test_init_errors_and_config(void **state)
{
    (void)state;
    struct bpred bp;
    char err[200];
    struct bpred_params p = { .type = BPRED_BIMODAL, .entries = 12, .btac_entries = 16 };
    assert_false(bpred_init(&bp, &p, err, sizeof err));
    assert_non_null(strstr(err, "brpred:predictor_entries must be a power of two"));
    p = (struct bpred_params){ .type = BPRED_GSHARE, .entries = 16, .btac_entries = 16,
                               .btb_nways = 32 };
    assert_false(bpred_init(&bp, &p, err, sizeof err));
    assert_non_null(strstr(err, "brpred:btac_entries"));

    struct config cfg;
    config_init(&cfg);
    config_register(&cfg, timing_config_keys, timing_config_nkeys);
    assert_true(bpred_init_from_config(&bp, &cfg, err, sizeof err));
    assert_int_equal(bp.type, BPRED_BTB2BIT);
    assert_int_equal(bp.btb.nways, 32);
    assert_int_equal(bp.ras.depth, 8);
    bpred_free(&bp);
    assert_true(config_set(&cfg, "brpred:predictor_type:gshare", err, sizeof err));
    assert_true(config_set(&cfg, "brpred:predictor_entries:1024", err, sizeof err));
    assert_true(config_set(&cfg, "brpred:btb_nways:4", err, sizeof err));
    assert_true(bpred_init_from_config(&bp, &cfg, err, sizeof err));
    assert_int_equal(bp.type, BPRED_GSHARE);
    assert_int_equal(bp.counter_mask, 1023);
    assert_int_equal(bp.btb.nsets, 16);
    assert_int_equal(bp.history_mask, 0xff);
    bpred_free(&bp);
    assert_true(config_set(&cfg, "brpred:btac_entries:48", err, sizeof err));
    assert_false(bpred_init_from_config(&bp, &cfg, err, sizeof err));
    assert_non_null(strstr(err, "got 48"));
    config_free(&cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loop_pattern),
        cmocka_unit_test(test_gshare_learns_alternation),
        cmocka_unit_test(test_btb2bit_eviction),
        cmocka_unit_test(test_btb_capacity_lru),
        cmocka_unit_test(test_ras_nested_calls),
        cmocka_unit_test(test_ras_hints_and_repair),
        cmocka_unit_test(test_indirect_target_mispredict),
        cmocka_unit_test(test_non_control_ignored),
        cmocka_unit_test(test_init_errors_and_config),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
