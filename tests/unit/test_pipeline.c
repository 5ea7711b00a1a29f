/* The in-order pipeline against the fast model, in lockstep: both run the same program to the
 * same stop points (many of them a few instructions apart, to exercise the exact stop and the
 * restart of a drained pipeline) and must agree on the whole architectural state at each one.
 * Then the run limits (max cycles, watchdog), the statistics' invariants and the warm-up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/run.h"
#include "core/machine.h"
#include "core/model.h"
#include "linux/process.h"

#define GUEST(name) SNAPSIM_GUEST_DIR "/" name

struct side {
    struct config cfg;
    struct machine m;
    const struct model *model;
    struct model_instance *inst;
};

static struct side *side_new(const char *model, const char *const *cfg, size_t ncfg,
                             const char *prog, char **argv)
{
    struct side *s = calloc(1, sizeof *s);
    assert_non_null(s);
    s->model = model_find(model);
    assert_non_null(s->model);
    assert_true(run_build_config(&s->cfg, s->model, cfg, ncfg));
    assert_int_equal(machine_init(&s->m, &s->cfg), 0);
    int argc = 0;
    while (argv[argc])
        argc++;
    char *envp[] = { "LANG=C", NULL };
    char err[512] = "";
    if (linux_load(&s->m, prog, argc, argv, envp, err, sizeof err) != 0)
        fail_msg("cannot load %s: %s", prog, err);
    s->inst = s->model->create(&s->m, &s->cfg, err, sizeof err);
    if (!s->inst)
        fail_msg("cannot create %s: %s", model, err);
    return s;
}

static void side_free(struct side *s)
{
    s->model->destroy(s->inst);
    machine_destroy(&s->m);
    config_free(&s->cfg);
    free(s);
}

static void run_to(struct side *s, uint64_t stop)
{
    s->m.halt = HALT_NONE;
    s->model->run(s->inst, &s->m, stop);
}

static void same_state(const struct machine *a, const struct machine *b)
{
    const struct hart *x = &a->hart, *y = &b->hart;
    if (x->instret != y->instret || x->pc != y->pc)
        fail_msg("instret/pc differ: fast %llu 0x%llx, pipeline %llu 0x%llx",
                 (unsigned long long)x->instret, (unsigned long long)x->pc,
                 (unsigned long long)y->instret, (unsigned long long)y->pc);
    for (int r = 1; r < 32; r++)
        if (x->x[r] != y->x[r])
            fail_msg("x%d differs at instret %llu (pc 0x%llx): fast 0x%llx, pipeline 0x%llx", r,
                     (unsigned long long)x->instret, (unsigned long long)x->pc,
                     (unsigned long long)x->x[r], (unsigned long long)y->x[r]);
    for (int r = 0; r < 32; r++)
        if (x->f[r] != y->f[r])
            fail_msg("f%d differs at instret %llu: fast 0x%llx, pipeline 0x%llx", r,
                     (unsigned long long)x->instret, (unsigned long long)x->f[r],
                     (unsigned long long)y->f[r]);
    assert_int_equal(x->fflags, y->fflags);
    assert_int_equal(x->frm, y->frm);
    assert_int_equal(x->reservation_valid, y->reservation_valid);
    assert_int_equal(a->halt, b->halt);
    if (a->halt != HALT_LIMIT)
        assert_int_equal(a->exit_status, b->exit_status);
}

static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Runs prog on the fast model and on `model` with cfg, stopping both at the same random points:
 * a quarter of the steps are 1..8 instructions, the rest up to 1000. */
static void lockstep(const char *model, const char *const *cfg, size_t ncfg, const char *prog,
                     char **argv)
{
    struct side *fast = side_new("fast", NULL, 0, prog, argv);
    struct side *pipe = side_new(model, cfg, ncfg, prog, argv);
    same_state(&fast->m, &pipe->m);
    uint64_t rng = 0x1234567;
    unsigned stops = 0;
    for (;;) {
        uint64_t r = next_random(&rng);
        uint64_t step = (r & 3) == 0 ? 1 + (r >> 8) % 8 : 1 + (r >> 8) % 1000;
        uint64_t stop = fast->m.hart.instret + step;
        run_to(fast, stop);
        run_to(pipe, stop);
        same_state(&fast->m, &pipe->m);
        stops++;
        if (fast->m.halt != HALT_LIMIT)
            break;
    }
    assert_true(stops > 1);
    assert_true(fast->m.halt == HALT_EXIT || fast->m.halt == HALT_SIGNAL);
    /* Per-op statistics are per committed instruction, as on the fast model. */
    if (fast->model->sync_stats)
        fast->model->sync_stats(fast->inst, &fast->m);
    assert_memory_equal(fast->m.op_count, pipe->m.op_count, sizeof fast->m.op_count);
    side_free(fast);
    side_free(pipe);
}

static const char *const odd_config[] = {
    "fetch:stages:3", "decode:stages:2", "fetch:width:3", "decode:max_instructions_to_decode:3",
    "issue:width:2", "commit:width:3", "alu:result_forwarding:false", "brpred:predictor_type:gshare",
    "lsu:l1dc_nsets:2", "lsu:l1dc_evictionpolicy:random", "fetch:l1ic_nsets:1", "l2:nsets:2",
};
static const char *const wide_config[] = {
    "fetch:width:8", "decode:max_instructions_to_decode:8", "issue:width:8", "commit:width:8",
    "brpred:predictor_type:bimodal", "alu:mul_latency:1", "fpu:latency:1", "lsu:l1dc_nbytesperblock:64",
};
#define N(a) (sizeof a / sizeof a[0])

static void test_lockstep_sum(void **state)
{
    (void)state;
    char *argv[] = { "sum", "3", "4", "1000", NULL };
    lockstep("pompia", NULL, 0, GUEST("sum"), argv);
    lockstep("oroblanco", NULL, 0, GUEST("sum"), argv);
    lockstep("inorder", odd_config, N(odd_config), GUEST("sum"), argv);
    lockstep("inorder", wide_config, N(wide_config), GUEST("sum"), argv);
}

static void test_lockstep_intbench(void **state)
{
    (void)state;
    char *argv[] = { "intbench", "1", NULL };
    lockstep("pompia", NULL, 0, GUEST("intbench"), argv);
    lockstep("oroblanco", NULL, 0, GUEST("intbench"), argv);
    lockstep("inorder", odd_config, N(odd_config), GUEST("intbench"), argv);
    lockstep("inorder", wide_config, N(wide_config), GUEST("intbench"), argv);
}

static void test_lockstep_fp(void **state)
{
    (void)state;
    const char *progs[] = { "fp_arith_d", "fp_fma", "fp_cvt_int_s", "fp_compare_d" };
    for (size_t i = 0; i < N(progs); i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/isa/%s", SNAPSIM_GUEST_DIR, progs[i]);
        char *argv[] = { (char *)progs[i], NULL };
        lockstep("oroblanco", NULL, 0, path, argv);
        lockstep("inorder", odd_config, N(odd_config), path, argv);
    }
}

/* A stop at the current count returns at once, changing nothing. */
static void test_stop_now(void **state)
{
    (void)state;
    char *argv[] = { "sum", NULL };
    struct side *s = side_new("oroblanco", NULL, 0, GUEST("sum"), argv);
    run_to(s, 100);
    assert_int_equal(s->m.halt, HALT_LIMIT);
    assert_int_equal(s->m.hart.instret, 100);
    uint64_t pc = s->m.hart.pc;
    run_to(s, 100);
    assert_int_equal(s->m.halt, HALT_LIMIT);
    assert_int_equal(s->m.hart.instret, 100);
    assert_int_equal(s->m.hart.pc, pc);
    side_free(s);
}

static double stat(cJSON *o, const char *a, const char *b)
{
    cJSON *v = cJSON_GetObjectItem(o, a);
    if (b)
        v = cJSON_GetObjectItem(v, b);
    if (!cJSON_IsNumber(v))
        fail_msg("statistic %s%s%s missing", a, b ? "." : "", b ? b : "");
    return v->valuedouble;
}

/* Runs to the end and returns the statistics (top object; core "0" added as in the CLI). */
static cJSON *finish(struct side *s)
{
    run_to(s, UINT64_MAX);
    cJSON *top = cJSON_CreateObject(), *core = cJSON_CreateObject();
    s->model->stats(s->inst, &s->m, top, core);
    cJSON_AddItemToObject(top, "0", core);
    return top;
}

static void test_max_cycles(void **state)
{
    (void)state;
    const char *cfg[] = { "pipeline:max_cycles:1000" };
    char *argv[] = { "sum", NULL };
    struct side *s = side_new("pompia", cfg, 1, GUEST("sum"), argv);
    cJSON *st = finish(s);
    assert_int_equal(s->m.halt, HALT_STOPPED);
    assert_int_equal(s->m.exit_status, 0);
    assert_int_equal((uint64_t)stat(st, "cycle", NULL), 1000);
    cJSON_Delete(st);
    side_free(s);
}

static void test_watchdog(void **state)
{
    (void)state;
    const char *cfg[] = { "watchdog:result_cycles:500", "mainmem:peek_latency_in_cycles:2000" };
    char *argv[] = { "sum", NULL };
    struct side *s = side_new("oroblanco", cfg, 2, GUEST("sum"), argv);
    cJSON *st = finish(s);
    assert_int_equal(s->m.halt, HALT_WATCHDOG);
    assert_int_not_equal(s->m.exit_status, 0);
    cJSON_Delete(st);
    side_free(s);
}

static double cpi_total(cJSON *st)
{
    cJSON *stack = cJSON_GetObjectItem(cJSON_GetObjectItem(st, "0"), "cpi_stack");
    double sum = 0;
    const char *parts[] = { "base", "ifetch", "data_hazard", "dcache", "branch_mispredict", "structural" };
    for (size_t i = 0; i < N(parts); i++)
        sum += stat(stack, parts[i], NULL);
    return sum;
}

static void test_stats_invariants(void **state)
{
    (void)state;
    const char *models[] = { "pompia", "oroblanco" };
    for (size_t i = 0; i < N(models); i++) {
        char *argv[] = { "intbench", "1", NULL };
        struct side *s = side_new(models[i], NULL, 0, GUEST("intbench"), argv);
        cJSON *st = finish(s);
        cJSON *core = cJSON_GetObjectItem(st, "0");
        double cycles = stat(st, "cycle", NULL);
        assert_true(cycles > s->m.hart.instret);
        assert_true(cpi_total(st) == cycles);
        assert_true(stat(core, "commit", "retires") == (double)s->m.hart.instret);
        assert_true(stat(core, "fetch", "l1ic_accesses") > 0);
        assert_true(stat(core, "lsu", "l1dc_misses") > 0);
        assert_true(stat(core, "brpred", "mispredictions") > 0);
        assert_true(stat(cJSON_GetObjectItem(st, "-1"), "mainmem", "accesses") > 0);
        cJSON_Delete(st);
        side_free(s);
    }
}

/* After a warm-up (the run loop stops there and calls reset_stats), only the rest is counted,
 * and the cold misses fall in the warm-up. */
static void test_warmup(void **state)
{
    (void)state;
    char *argv[] = { "intbench", "2", NULL };
    struct side *cold = side_new("oroblanco", NULL, 0, GUEST("intbench"), argv);
    struct side *warm = side_new("oroblanco", NULL, 0, GUEST("intbench"), argv);
    run_to(warm, 200000);
    warm->model->reset_stats(warm->inst, &warm->m);
    cJSON *a = finish(cold), *b = finish(warm);
    double retires = stat(cJSON_GetObjectItem(b, "0"), "commit", "retires");
    assert_true(retires == (double)warm->m.hart.instret - 200000);
    assert_true(stat(b, "cycle", NULL) < stat(a, "cycle", NULL));
    assert_true(cpi_total(b) == stat(b, "cycle", NULL));
    assert_true(stat(cJSON_GetObjectItem(b, "0"), "lsu", "l1dc_accesses") <
                stat(cJSON_GetObjectItem(a, "0"), "lsu", "l1dc_accesses"));
    cJSON_Delete(a);
    cJSON_Delete(b);
    side_free(cold);
    side_free(warm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lockstep_sum),
        cmocka_unit_test(test_lockstep_intbench),
        cmocka_unit_test(test_lockstep_fp),
        cmocka_unit_test(test_stop_now),
        cmocka_unit_test(test_max_cycles),
        cmocka_unit_test(test_watchdog),
        cmocka_unit_test(test_stats_invariants),
        cmocka_unit_test(test_warmup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
