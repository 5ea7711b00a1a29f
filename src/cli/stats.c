#include "cli/stats.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "core/host_usage.h"
#include "core/log.h"
#include "linux/process.h"

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t model_cycles(const struct run_stats *s)
{
    return s->model->cycles ? s->model->cycles(s->inst, s->m) : s->m->hart.instret;
}

/* m->op_count, complete: the model may still hold counts of its own. */
static const uint64_t *op_totals(const struct run_stats *s)
{
    if (s->model->sync_stats)
        s->model->sync_stats(s->inst, s->m);
    return s->m->op_count;
}

void run_stats_init(struct run_stats *s, const struct model *model, struct model_instance *inst,
                    struct machine *m, const char *path, cJSON *config)
{
    memset(s, 0, sizeof *s);
    s->model = model;
    s->inst = inst;
    s->m = m;
    s->path = path ? path : "";
    s->config = config;
    s->dumps = cJSON_CreateArray();
    s->start_seconds = now_seconds();
    s->start_cpu_seconds = host_cpu_seconds(RUSAGE_SELF);
    s->begin_instret = m->hart.instret;
    s->begin_cycle = model_cycles(s);
    memcpy(s->op_base, op_totals(s), sizeof s->op_base);
}

void run_stats_free(struct run_stats *s)
{
    cJSON_Delete(s->dumps);
    cJSON_Delete(s->config);
    free(s->work);
    memset(s, 0, sizeof *s);
}

void run_stats_reset(struct run_stats *s)
{
    if (s->model->reset_stats)
        s->model->reset_stats(s->inst, s->m);
    s->begin_instret = s->m->hart.instret;
    s->begin_cycle = model_cycles(s);
    memcpy(s->op_base, op_totals(s), sizeof s->op_base);
}

static struct work_counts *find_work(struct run_stats *s, uint64_t id)
{
    for (size_t i = 0; i < s->nwork; i++)
        if (s->work[i].id == id)
            return &s->work[i];
    return NULL;
}

static struct work_counts *work_of(struct run_stats *s, uint64_t id)
{
    struct work_counts *found = find_work(s, id);
    if (found)
        return found;
    struct work_counts *w = realloc(s->work, (s->nwork + 1) * sizeof *w);
    if (!w)
        return NULL;
    s->work = w;
    w = &s->work[s->nwork++];
    *w = (struct work_counts){.id = id};
    return w;
}

bool run_stats_work(struct run_stats *s, uint64_t id, bool begin, bool *ended)
{
    *ended = false;
    struct work_counts *w = begin ? work_of(s, id) : find_work(s, id);
    if (begin && !w)
        return false;
    uint64_t instret = s->m->hart.instret, cycle = model_cycles(s);
    if (begin) {
        if (w->open)
            log_msg("work_begin %llu again without work_end: the region restarts here",
                    (unsigned long long)id);
        w->open = true;
        w->begin_instret = instret;
        w->begin_cycle = cycle;
    } else if (!w || !w->open) {
        log_msg("work_end %llu without work_begin: ignored", (unsigned long long)id);
    } else {
        w->open = false;
        w->regions++;
        w->instructions += instret - w->begin_instret;
        w->cycles += cycle - w->begin_cycle;
        *ended = true;
    }
    return true;
}

static cJSON *op_counts(const struct run_stats *s)
{
    cJSON *ops = cJSON_CreateObject();
    const uint64_t *total = op_totals(s);
    for (int op = 0; op < OP_COUNT; op++) {
        uint64_t n = total[op] - s->op_base[op];
        if (n)
            cJSON_AddNumberToObject(ops, op_mnemonic((enum op)op), (double)n);
    }
    return ops;
}

static cJSON *work_json(const struct run_stats *s)
{
    cJSON *work = cJSON_CreateObject();
    for (size_t i = 0; i < s->nwork; i++) {
        const struct work_counts *w = &s->work[i];
        char id[24];
        snprintf(id, sizeof id, "%llu", (unsigned long long)w->id);
        cJSON *o = cJSON_AddObjectToObject(work, id);
        cJSON_AddNumberToObject(o, "regions", (double)w->regions);
        cJSON_AddNumberToObject(o, "instructions", (double)w->instructions);
        cJSON_AddNumberToObject(o, "cycles", (double)w->cycles);
    }
    return work;
}

/* Guest threads and processes, counted since the program started (they are state, not a
 * measurement; a forked child counts from its fork): threads created by clone, threads alive
 * now, switches between threads on the hart, child processes forked, images exec'd. */
static cJSON *linux_json(const struct linux_process *p)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "threads_created", (double)p->threads_created);
    cJSON_AddNumberToObject(o, "threads_alive", tasks_alive(p));
    cJSON_AddNumberToObject(o, "context_switches", (double)p->context_switches);
    cJSON_AddNumberToObject(o, "forks", (double)p->forks);
    cJSON_AddNumberToObject(o, "execs", (double)p->execs);
    return o;
}

/* One dump: the window so far, with the model's counters. */
static cJSON *dump_json(struct run_stats *s, const char *why)
{
    uint64_t end = s->m->hart.instret, instructions = end - s->begin_instret;
    cJSON *top = cJSON_CreateObject();
    cJSON_AddStringToObject(top, "model", s->model->name);
    cJSON_AddNumberToObject(top, "instructions", (double)instructions);
    cJSON_AddNumberToObject(top, "dump", (double)cJSON_GetArraySize(s->dumps));
    cJSON_AddStringToObject(top, "dump_cause", why);
    cJSON_AddNumberToObject(top, "begin_instret", (double)s->begin_instret);
    cJSON_AddNumberToObject(top, "end_instret", (double)end);
    cJSON_AddNumberToObject(top, "begin_cycle", (double)s->begin_cycle);
    cJSON_AddNumberToObject(top, "end_cycle", (double)model_cycles(s));
    cJSON *core = cJSON_CreateObject();
    cJSON_AddNumberToObject(core, "instructions", (double)instructions);
    cJSON_AddItemToObject(core, "opcodes", op_counts(s));
    if (s->model->stats)
        s->model->stats(s->inst, s->m, top, core);
    cJSON *cycle = cJSON_GetObjectItem(top, "cycle");
    if (!cycle)
        cycle = cJSON_AddNumberToObject(top, "cycle", (double)(model_cycles(s) - s->begin_cycle));
    double cycles = cycle ? cycle->valuedouble : 0;
    cJSON_AddNumberToObject(top, "ipc", cycles > 0 ? (double)instructions / cycles : 0.0);
    cJSON_AddNumberToObject(top, "host_seconds", now_seconds() - s->start_seconds);
    cJSON_AddNumberToObject(top, "begin_cpu_host_seconds", s->start_cpu_seconds);
    cJSON_AddItemToObject(top, "0", core);
    cJSON_AddItemToObject(top, "work", work_json(s));
    if (s->m->proc)
        cJSON_AddItemToObject(top, "linux", linux_json(s->m->proc));
    return top;
}

bool run_stats_dump(struct run_stats *s, const char *why)
{
    cJSON *d = dump_json(s, why);
    return d && cJSON_AddItemToArray(s->dumps, d);
}

static bool write_atomically(const char *path, const char *text)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp.%d", path, (int)getpid());
    FILE *f = fopen(tmp, "w");
    bool ok = f && fputs(text, f) >= 0 && fputc('\n', f) != EOF;
    if (f && fclose(f) != 0)
        ok = false;
    if (ok && rename(tmp, path) != 0)
        ok = false;
    if (!ok) {
        log_msg("cannot write statistics to %s: %s", path, strerror(errno));
        unlink(tmp);
    }
    return ok;
}

bool run_stats_write(struct run_stats *s, const char *exit_cause, int exit_status)
{
    if (!*s->path)
        return true;
    cJSON *top = dump_json(s, "now");
    int n = cJSON_GetArraySize(s->dumps);
    if (n > 0) {   /* the top level repeats the last dump */
        cJSON_Delete(top);
        top = cJSON_Duplicate(cJSON_GetArrayItem(s->dumps, n - 1), 1);
    }
    char *text = NULL;
    if (top) {
        cJSON_AddStringToObject(top, "exit_cause", exit_cause);
        cJSON_AddNumberToObject(top, "exit_status", exit_status);
        cJSON_AddItemReferenceToObject(top, "dumps", s->dumps);
        if (s->config)
            cJSON_AddItemReferenceToObject(top, "config", s->config);
        text = cJSON_Print(top);
        cJSON_Delete(top);
    }
    if (!text) {
        log_msg("cannot format statistics: out of memory");
        return false;
    }
    bool ok = write_atomically(s->path, text);
    free(text);
    return ok;
}

bool stats_path_writable(const char *path)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp.%d", path, (int)getpid()) >= (int)sizeof tmp) {
        log_msg("cannot write statistics to %s: name too long", path);
        return false;
    }
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        log_msg("cannot write statistics to %s: %s", path, strerror(errno));
        return false;
    }
    close(fd);
    unlink(tmp);
    return true;
}
