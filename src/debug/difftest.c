/* DiffTest: the reference machine, per-commit comparison and the mismatch report (difftest.h). */
#include "debug/difftest.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/machine.h"
#include "core/model.h"
#include "debug/difftest_system.h"
#include "debug/mem_sync.h"
#include "debug/step_record.h"
#include "fast/fast.h"

struct difftest {
    struct machine ref;                      /* user mode: the reference machine */
    struct difftest_system *sys;             /* system mode: the reference (ref unused) */
    struct config ref_cfg;                   /* the model's configuration plus the fast model's keys */
    const struct model *ref_model;
    struct model_instance *ref_inst;
    struct event_sink ref_sink;              /* the reference's commits, e.g. its commit log */
    unsigned history;                        /* difftest:history */
    struct commit_event *model_hist, *ref_hist;
    uint64_t recorded;                       /* commits recorded in the rings */
    uint64_t code_epoch;                     /* the model's code epoch at the last sync */
    uint64_t compared;
    bool failed;
    struct commit_event failure;
};

/* The reference runs under the detailed model's configuration (the machine and Linux keys are
 * what matter to it) with the fast model's own keys added at their defaults, except that it
 * only interprets: it is stepped one instruction at a time, which translation cannot speed up. */
static bool reference_config(struct difftest *d, const struct config *cfg)
{
    char err[256];
    if (!config_copy(&d->ref_cfg, cfg))
        return false;
    d->ref.config = &d->ref_cfg;
    for (size_t t = 0; t < d->ref_model->nkey_tables; t++)
        config_register(&d->ref_cfg, d->ref_model->key_tables[t].keys, *d->ref_model->key_tables[t].count);
    return config_set(&d->ref_cfg, "fast:translate:off", err, sizeof err);
}

struct difftest *difftest_create(struct machine *m, const struct config *cfg, char *err,
                                 size_t errlen)
{
    struct difftest *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, errlen, "difftest: out of memory");
        return NULL;
    }
    d->history = (unsigned)config_uint(cfg, "difftest", "history");
    d->model_hist = calloc(d->history, sizeof *d->model_hist);
    d->ref_hist = calloc(d->history, sizeof *d->ref_hist);
    d->ref.quiet = true;
    if (m->sys) {
        if (!d->model_hist || !d->ref_hist || !(d->sys = difftest_system_create(m, err, errlen))) {
            if (!d->sys)
                snprintf(err, errlen, "difftest: out of memory for the reference machine");
            difftest_destroy(d);
            return NULL;
        }
        return d;
    }
    d->ref_model = model_find("fast");
    if (!d->model_hist || !d->ref_hist || !d->ref_model || !reference_config(d, cfg) ||
        mem_init(&d->ref.mem, m->mem.capacity) != 0) {
        snprintf(err, errlen, "difftest: out of memory for the reference machine");
        difftest_destroy(d);
        return NULL;
    }
    d->ref.hart = m->hart;
    d->code_epoch = m->mem.code_epoch;
    if (mem_sync(&d->ref.mem, &m->mem, true) != 0) {
        snprintf(err, errlen, "difftest: cannot copy guest memory to the reference machine");
        difftest_destroy(d);
        return NULL;
    }
    d->ref_inst = d->ref_model->create(&d->ref, &d->ref_cfg, err, errlen);
    if (!d->ref_inst) {
        difftest_destroy(d);
        return NULL;
    }
    return d;
}

void difftest_destroy(struct difftest *d)
{
    if (!d)
        return;
    if (d->ref_inst)
        d->ref_model->destroy(d->ref_inst);
    difftest_system_destroy(d->sys);
    mem_destroy(&d->ref.mem);
    config_free(&d->ref_cfg);
    free(d->model_hist);
    free(d->ref_hist);
    free(d);
}

void difftest_set_reference_sink(struct difftest *d, const struct event_sink *sink)
{
    d->ref_sink = sink ? *sink : (struct event_sink){ 0 };
}

bool difftest_failed(const struct difftest *d) { return d->failed; }
const struct commit_event *difftest_failure(const struct difftest *d) { return &d->failure; }

/* The reference machine, of either mode. */
static struct machine *reference(struct difftest *d)
{
    return d->sys ? difftest_system_machine(d->sys) : &d->ref;
}

void difftest_perturb(struct difftest *d) { reference(d)->hart.pc += 2; }

void difftest_stats(const struct difftest *d, cJSON *top)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "compared", (double)d->compared);
    cJSON_AddNumberToObject(o, "mismatch", d->failed ? 1 : 0);
    cJSON_AddItemToObject(top, "difftest", o);
}

/* The first field in which two commits differ: its name and both values; false if none. */
static bool first_difference(const struct commit_event *a, const struct commit_event *b,
                             const char **field, uint64_t *va, uint64_t *vb)
{
#define FIELD(name, x) \
    do { if (a->x != b->x) { *field = name; *va = (uint64_t)a->x; *vb = (uint64_t)b->x; return true; } } while (0)
    FIELD("pc", pc);
    FIELD("instruction bits", insn);
    FIELD("privilege level", priv);
    FIELD("exception (signal)", exception);
    FIELD("trap", trap);
    if (a->trap) {
        FIELD("trap cause", cause);
        FIELD("trap value (tval)", tval);
    }
    FIELD("system call", syscall);
    if (a->exception || a->trap)
        return false;              /* both faulted alike: nothing else happened */
    FIELD("next pc", next_pc);
    FIELD("destination register", rd);
    FIELD("destination value", rd_value);
    FIELD("memory access (1 load, 2 store, 3 both)", mem);
    if (a->mem) {
        FIELD("memory address", addr);
        FIELD("memory size", size);
    }
    if (a->mem & EV_MEM_LOAD)
        FIELD("load value", load_value);
    if (a->mem & EV_MEM_STORE)
        FIELD("store data", store_data);
    FIELD("fflags", fflags);
    FIELD("csr write", csr_write);
    if (a->csr_write) {
        FIELD("csr number", csr);
        FIELD("csr value", csr_value);
    }
#undef FIELD
    return false;
}

static void record(struct difftest *d, const struct commit_event *mine, const struct commit_event *ref)
{
    unsigned slot = (unsigned)(d->recorded++ % d->history);
    d->model_hist[slot] = *mine;
    d->ref_hist[slot] = *ref;
}

static void print_history(const struct difftest *d, const char *side, const struct commit_event *ring)
{
    uint64_t n = d->recorded < d->history ? d->recorded : d->history;
    log_msg("difftest: last %" PRIu64 " commits of the %s:", n, side);
    for (uint64_t k = d->recorded - n; k < d->recorded; k++) {
        char line[320];
        event_describe(&ring[k % d->history], line, sizeof line);
        log_msg("difftest:   %s", line);
    }
}

static void report(struct difftest *d, const struct commit_event *mine,
                   const char *field, uint64_t va, uint64_t vb)
{
    struct insn in;
    char dis[96];
    insn_decode(mine->insn, &in);
    insn_disasm(&in, mine->pc, dis, sizeof dis);
    const char *reg = strcmp(field, "destination value") == 0 ? event_reg_name(mine->rd) : "";
    log_msg("difftest: mismatch at instruction %" PRIu64 " (cycle %" PRIu64 "), pc 0x%" PRIx64
            " (0x%0*" PRIx32 ") %s: %s%s%s: model 0x%" PRIx64 ", reference 0x%" PRIx64,
            mine->exception || mine->trap ? mine->instret + 1 : mine->instret, mine->cycle, mine->pc,
            mine->len == 2 ? 4 : 8, mine->insn, dis, field, *reg ? " " : "", reg, va, vb);
    print_history(d, "model", d->model_hist);
    print_history(d, "reference", d->ref_hist);
}

/* A read of the cycle or time CSR, whose value depends on the model's timing. */
static bool reads_clock(const struct insn *in)
{
    bool csr_op = in->op == OP_CSRRW || in->op == OP_CSRRS || in->op == OP_CSRRC ||
                  in->op == OP_CSRRWI || in->op == OP_CSRRSI || in->op == OP_CSRRCI;
    unsigned csr = (unsigned)in->imm & 0xfff;
    return csr_op && (csr == 0xc00 || csr == 0xc01);
}

/* Runs the reference over the instruction the model committed; false (ref filled from what it
 * found) when the reference must not run it: a system call on one side only. */
static bool step_reference(struct difftest *d, struct machine *m, const struct commit_event *mine,
                           struct commit_event *ref)
{
    struct step_record r;
    step_record_begin(&r, &d->ref);
    bool ref_syscall = r.in.op == OP_ECALL && r.fetched;
    if (mine->syscall || ref_syscall) {
        *ref = *mine;
        ref->pc = r.pc;
        ref->insn = r.in.raw;
        ref->syscall = ref_syscall;
        if (!mine->syscall || !ref_syscall || mine->pc != r.pc)
            return false;
        /* The system call happened once, in the model: the reference takes its results. */
        d->ref.hart = m->hart;
        d->ref.hart.pc = mine->next_pc;
        if (mem_sync(&d->ref.mem, &m->mem, false) != 0)
            log_msg("difftest: cannot copy the system call's memory to the reference");
        if (m->mem.code_epoch != d->code_epoch)   /* e.g. riscv_flush_icache: drop decoded code */
            d->ref.mem.code_epoch++;
        d->code_epoch = m->mem.code_epoch;
        return true;
    }
    fast_step(d->ref_inst, &d->ref);
    step_record_end(&r, &d->ref, ref);
    ref->cycle = mine->cycle;
    /* The clock is the model's own (cycles, and time derived from them): like a system call's
     * result, the reference takes the value the model read. */
    if (reads_clock(&r.in) && ref->rd == mine->rd && mine->rd && mine->rd < 32) {
        d->ref.hart.x[mine->rd] = mine->rd_value;
        ref->rd_value = mine->rd_value;
    }
    return true;
}

/* The reference takes the model's whole architectural state (registers and memory). */
static void adopt_model_state(struct difftest *d, struct machine *m)
{
    d->ref.hart = m->hart;
    d->ref.halt = HALT_NONE;
    if (mem_sync(&d->ref.mem, &m->mem, false) != 0)
        log_msg("difftest: cannot copy the model's memory to the reference");
    if (m->mem.code_epoch != d->code_epoch)
        d->ref.mem.code_epoch++;
    d->code_epoch = m->mem.code_epoch;
}

static void on_resync(void *ctx, struct machine *m)
{
    struct difftest *d = ctx;
    if (d->failed)
        return;
    if (d->sys)
        difftest_system_adopt(d->sys, m);
    else
        adopt_model_state(d, m);
}

static void on_commit(void *ctx, struct machine *m, const struct commit_event *mine)
{
    struct difftest *d = ctx;
    if (d->failed)
        return;
    struct commit_event ref;
    if (d->sys)
        difftest_system_step(d->sys, m, mine, &ref);
    else
        step_reference(d, m, mine, &ref);
    if (d->ref_sink.commit)
        d->ref_sink.commit(d->ref_sink.ctx, reference(d), &ref);
    record(d, mine, &ref);
    d->compared++;
    const char *field;
    uint64_t va, vb;
    if (!first_difference(mine, &ref, &field, &va, &vb)) {
        /* Both faulted alike and a guest handler took the model's fault (the reference has no
         * signal handling of its own): the reference continues from the handler's frame. */
        if (mine->exception && m->halt != HALT_SIGNAL && !d->sys)
            adopt_model_state(d, m);
        return;
    }
    d->failed = true;
    d->failure = *mine;
    report(d, mine, field, va, vb);
    event_fail(m->events, m, mine->cycle, mine->next_pc, HALT_MISMATCH, DIFFTEST_EXIT_STATUS);
}

struct event_sink difftest_sink(struct difftest *d)
{
    return (struct event_sink){ .commit = on_commit, .resync = on_resync, .ctx = d };
}
