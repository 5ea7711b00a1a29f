/* LightSSS: fork snapshots, their lifetime and the replay of a failure (see lightsss.h). */
#include "debug/lightsss.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/host_usage.h"
#include "core/log.h"
#include "core/machine.h"
#include "debug/fork_cost.h"
#include "debug/input_log.h"
#include "debug/preimages.h"

#define MAX_STOPS 256      /* run stop points (snapshots, limits) a replay repeats */
#define MAX_ZOMBIES 64

/* Where the parent failed, sent to the child it wakes. */
struct wake_msg {
    uint64_t cycle, instret, state;     /* the failure point and its architectural state hash */
    bool hooked;                        /* ... recorded where it was found (event_fail) */
    uint64_t start_cycle;               /* outputs on from this cycle */
    uint64_t nstops;
    uint64_t stops[MAX_STOPS];          /* the stop points the parent ran to after the fork */
};

/* What the child found, sent back. */
struct result_msg {
    bool verified;
    bool memory_differed;               /* lightsss:check_memory found the snapshot's wrong */
    uint64_t cycle, instret, first_cycle, last_cycle;
};

/* A failure point: where it was found, and the architectural state there. */
struct failure_point {
    bool seen;
    uint64_t cycle, instret, state;
};

struct slot {
    pid_t pid;
    int wake_fd, result_fd;             /* parent's ends */
    uint64_t cycle, instret;            /* when it was forked */
    uint64_t epoch;                     /* its fork's number (preimages.h) */
};

struct lightsss {
    uint64_t interval, window, after;
    unsigned nslots;
    char dir[4096];
    struct lightsss_outputs out;
    struct slot *slot;                  /* oldest first */
    unsigned used;
    pid_t zombie[MAX_ZOMBIES];          /* killed children not reaped yet */
    unsigned nzombies;
    uint64_t stops[MAX_STOPS], nstops;  /* stop points since the oldest slot */
    bool stops_overflow;
    uint64_t forks;
    double fork_seconds, fork_max, fork_cpu_seconds;
    long faults_at_first_fork;          /* minor page faults (copy-on-write copies among them) */
    double children_cpu_seconds;        /* of the reaped snapshots: their start and teardown */
    uint64_t reaped;
    struct guest_mem *cow;              /* guest memory left out of the forks, or NULL */
    struct preimages pre;               /* ... and the old contents its snapshots need */
    uint64_t epochs;                    /* fork attempts so far */
    bool check_memory;                  /* lightsss:check_memory */
    uint64_t fork_memory_hash;          /* ... the guest memory's hash at the latest fork */
    bool memory_differed;               /* in a woken child: its memory is not that */
    struct failure_point failed;        /* the parent's failure, or where the replay's came */
    struct input_log input;             /* host input consumed since the oldest slot's fork */
    struct fork_cost *measure;          /* lightsss:measure, or NULL */
    /* in a woken child */
    bool child, outputs_on;
    struct wake_msg wake;
    int result_fd;
    uint64_t first_cycle;
    uint64_t stop_at;                   /* the boundary the replay ends at (after its failure) */
    uint64_t last_cycle;                /* the last cycle recorded */
};

static double clock_seconds(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct lightsss *lightsss_create(const struct config *cfg, const char *dir,
                                 const struct lightsss_outputs *out)
{
    uint64_t interval = config_uint(cfg, "lightsss", "interval");
    uint64_t slots = config_uint(cfg, "lightsss", "slots");
    uint64_t window = config_uint(cfg, "lightsss", "window");
    uint64_t after = config_uint(cfg, "lightsss", "after");
    if (interval == 0 || slots == 0) {
        log_msg("lightsss:%s must be at least 1", interval == 0 ? "interval" : "slots");
        return NULL;
    }
    if (window > interval * slots) {
        log_msg("lightsss:window (%" PRIu64 ") must not exceed lightsss:interval x lightsss:slots "
                "(%" PRIu64 "): no snapshot would be old enough", window, interval * slots);
        return NULL;
    }
    if (access(dir, W_OK | X_OK) != 0) {
        log_msg("lightsss: cannot write the replay's files into %s: %s", dir, strerror(errno));
        return NULL;
    }
    struct lightsss *l = calloc(1, sizeof *l);
    if (!l || !(l->slot = calloc(slots + 1, sizeof *l->slot))) {
        free(l);
        log_msg("out of memory");
        return NULL;
    }
    l->interval = interval;
    l->window = window;
    l->after = after;
    l->nslots = (unsigned)slots;
    l->check_memory = config_bool(cfg, "lightsss", "check_memory");
    uint64_t period = config_uint(cfg, "lightsss", "measure");
    if (period == 1 || (period && !(l->measure = fork_cost_create(period)))) {
        log_msg(period == 1 ? "lightsss:measure must be 0 (off) or at least 2 (a fork every K intervals)"
                            : "out of memory");
        lightsss_destroy(l);
        return NULL;
    }
    snprintf(l->dir, sizeof l->dir, "%s", dir);
    l->out = *out;
    return l;
}

/* A killed snapshot's exit (its page tables torn down) is charged to it, and to the parent's
 * children's time once reaped: a real cost of LightSSS, counted in children_cpu_seconds. */
static void reap_zombies(struct lightsss *l, bool block)
{
    unsigned keep = 0, reaped = 0;
    double before = host_cpu_seconds(RUSAGE_CHILDREN);
    for (unsigned i = 0; i < l->nzombies; i++) {
        if (waitpid(l->zombie[i], NULL, block ? 0 : WNOHANG) == 0)
            l->zombie[keep++] = l->zombie[i];
        else
            reaped++;
    }
    l->nzombies = keep;
    l->reaped += reaped;
    if (reaped)
        l->children_cpu_seconds += host_cpu_seconds(RUSAGE_CHILDREN) - before;
}

static void drop_slot(struct lightsss *l, unsigned i)
{
    struct slot *s = &l->slot[i];
    close(s->wake_fd);                  /* EOF wakes it to exit; SIGKILL makes sure */
    close(s->result_fd);
    kill(s->pid, SIGKILL);
    if (l->nzombies == MAX_ZOMBIES)
        reap_zombies(l, true);
    l->zombie[l->nzombies++] = s->pid;
    memmove(&l->slot[i], &l->slot[i + 1], (l->used - i - 1) * sizeof *l->slot);
    l->used--;
    if (i == 0) {                       /* input and contents before the new oldest fork are history */
        input_log_trim(&l->input, l->used ? l->slot[0].instret : UINT64_MAX);
        preimages_trim(&l->pre, l->used ? l->slot[0].epoch : UINT64_MAX);
    }
}

void lightsss_destroy(struct lightsss *l)
{
    if (!l)
        return;
    if (!l->child) {
        while (l->used)
            drop_slot(l, 0);
        reap_zombies(l, true);
    }
    input_log_free(&l->input);
    if (l->cow)
        l->cow->first_write = (struct mem_first_write){ 0 };
    preimages_free(&l->pre);
    fork_cost_free(l->measure);
    free(l->slot);
    free(l);
}

/* Test hook (SNAPSIM_TEST_LIGHTSSS_DIVERGE=memory): a replay whose memory differs from the
 * run's where the guest never looks (the stack's lowest page), so only the memory hash sees it. */
static void perturb_memory(struct guest_mem *m)
{
    const char *e = getenv("SNAPSIM_TEST_LIGHTSSS_DIVERGE");
    if (!e || strcmp(e, "memory") != 0)
        return;
    for (size_t i = 0; i < m->nregions; i++)
        if (strcmp(m->regions[i].tag, "[stack]") == 0)
            m->host[m->regions[i].start] ^= 1;
}

/* In the child, forever: sleeps until the parent sends a failure (or goes away). */
static void child_wait(struct lightsss *l, int wake_fd, int result_fd, pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)            /* the parent died before the line above */
        _exit(0);
    for (unsigned i = 0; i < l->used; i++) {       /* the older snapshots' pipes are not ours */
        close(l->slot[i].wake_fd);
        close(l->slot[i].result_fd);
    }
    size_t got = 0;
    char *buf = (char *)&l->wake;
    while (got < sizeof l->wake) {
        ssize_t n = read(wake_fd, buf + got, sizeof l->wake - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            _exit(0);                   /* the parent ended without a failure */
        got += (size_t)n;
    }
    /* Only now does the snapshot write its own memory: every page it wrote while it slept would
     * be a copy-on-write fault, and most snapshots never wake.  Its guest memory is not here
     * (preimages.h): the saving hook and the parent's saved pages are forgotten. */
    if (l->cow) {
        l->cow->first_write = (struct mem_first_write){ 0 };
        preimages_forget(&l->pre);
    }
    if (!input_log_receive(&l->input, wake_fd) || (l->cow && !preimages_receive(l->cow, wake_fd)))
        _exit(1);
    close(wake_fd);
    if (l->cow) {
        if (l->check_memory)
            l->memory_differed = guest_memory_hash(l->cow) != l->fork_memory_hash;
        perturb_memory(l->cow);
    }
    l->child = true;
    l->result_fd = result_fd;
    /* Never write the parent's outputs: no guest output, no log file, no open writer. */
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        close(null);
    }
    log_close();
    l->out.silence(l->out.ctx);
}

static void take_snapshot(struct lightsss *l, struct machine *m, uint64_t cycle)
{
    int wake[2], result[2];
    if (pipe(wake) != 0)
        return;
    if (pipe(result) != 0) {
        close(wake[0]);
        close(wake[1]);
        return;
    }
    if (l->epochs == 0) {
        malloc_trim(0);                 /* memory the allocator holds free is copied by every fork too */
        /* A process's guest memory (not a system machine's RAM) is snapshotted in software. */
        if (m->proc && !m->sys && mem_exclude_from_forks(&m->mem) == 0) {
            l->cow = &m->mem;
            m->mem.first_write = (struct mem_first_write){ preimages_save, &l->pre };
        }
    }
    uint64_t epoch = ++l->epochs;       /* a failed fork's number is skipped, never reused */
    if (l->cow) {
        mem_clear_written(l->cow);
        l->pre.epoch = epoch;
        if (l->check_memory)            /* the snapshot checks what it is sent against this */
            l->fork_memory_hash = guest_memory_hash(l->cow);
    }
    fflush(NULL);                       /* a child must not inherit buffered output */
    pid_t parent = getpid();
    /* Wall time measures the stall; the thread's CPU time (the kernel's page-table copy is
     * charged to it) the cost, which a busy machine's scheduling does not inflate. */
    double t0 = clock_seconds(CLOCK_MONOTONIC), c0 = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
    pid_t pid = fork();
    if (pid == 0) {
        close(wake[1]);
        close(result[0]);
        child_wait(l, wake[0], result[1], parent);
        l->first_cycle = cycle;
        return;                         /* woken: replay from here */
    }
    double dt = clock_seconds(CLOCK_MONOTONIC) - t0;
    double dc = clock_seconds(CLOCK_THREAD_CPUTIME_ID) - c0;
    close(wake[0]);
    close(result[1]);
    if (pid < 0) {
        log_once("lightsss-fork", "lightsss: fork failed: %s (continuing without this snapshot)",
                 strerror(errno));
        close(wake[1]);
        close(result[0]);
        return;
    }
    if (l->forks++ == 0)
        l->faults_at_first_fork = host_minor_faults();
    l->fork_seconds += dt;
    l->fork_cpu_seconds += dc;
    if (dt > l->fork_max)
        l->fork_max = dt;
    if (l->used == l->nslots)
        drop_slot(l, 0);
    l->slot[l->used++] = (struct slot){ pid, wake[1], result[0], cycle, m->hart.instret, epoch };
    reap_zombies(l, false);
    if (l->used == 1) {                 /* stop points before the oldest snapshot are history */
        l->nstops = 0;
        l->stops_overflow = false;
    }
}

static void note_cycle(void *ctx, struct machine *m, const struct cycle_event *ev)
{
    (void)m;
    ((struct lightsss *)ctx)->last_cycle = ev->cycle;
}

static void start_outputs(struct lightsss *l, struct machine *m, uint64_t cycle)
{
    l->outputs_on = true;
    l->first_cycle = l->last_cycle = cycle;
    l->out.start(l->out.ctx, m, l->dir);
    event_bus_add(m->events, (struct event_sink){ .cycle = note_cycle, .ctx = l });
}

/* A replaying child's next alarm: the start of the recording, then its end. */
static uint64_t child_alarm(const struct lightsss *l)
{
    if (!l->outputs_on)
        return l->wake.start_cycle;
    return l->failed.seen ? l->stop_at : UINT64_MAX;
}

/* Cycle events are costly; LightSSS only needs the boundaries it acts at, so it uses the
 * bus's alarm, and a cycle sink only to know the last cycle for failures without a commit. */
static void on_alarm(void *ctx, struct machine *m, uint64_t boundary)
{
    struct lightsss *l = ctx;
    struct event_bus *bus = m->events;
    if (l->child) {
        if (!l->outputs_on && boundary >= l->wake.start_cycle)
            start_outputs(l, m, boundary);
        if (l->failed.seen && boundary >= l->stop_at) {
            m->halt = HALT_STOPPED;         /* lightsss:after cycles past the failure recorded */
            m->exit_status = 0;
        }
        bus->alarm.at = child_alarm(l);
        return;
    }
    if (!l->measure || fork_cost_boundary(l->measure, boundary / l->interval))
        take_snapshot(l, m, boundary);
    if (l->child) {                    /* woken: the outputs start at the window */
        if (l->wake.start_cycle < boundary)
            l->wake.start_cycle = boundary;
        on_alarm(ctx, m, boundary);
        return;
    }
    bus->alarm.at = (boundary / l->interval + 1) * l->interval;
}

/* FNV-1a over the architectural state a replay must reproduce: the registers and a process's
 * memory (a system machine's RAM is not hashed); `pc` is the next instruction (the hart's pc is
 * not current in the middle of a pipeline's run). */
static uint64_t state_hash(const struct machine *m, uint64_t pc)
{
    const struct hart *h = &m->hart;
    uint64_t v[32 + 32 + 5];
    memcpy(v, h->x, 32 * sizeof *v);
    memcpy(v + 32, h->f, 32 * sizeof *v);
    v[64] = pc, v[65] = h->instret, v[66] = h->fflags, v[67] = h->frm;
    v[68] = guest_memory_hash(&m->mem);
    uint64_t hash = 0xcbf29ce484222325ull;
    const unsigned char *b = (const unsigned char *)v;
    for (size_t i = 0; i < sizeof v; i++)
        hash = (hash ^ b[i]) * 0x100000001b3ull;
    return hash;
}

/* The failure hook (events.h).  The parent records where the failure was found and stops.  A
 * replaying child checks its first failure against the parent's and runs on for lightsss:after
 * cycles (stopped by the alarm), so the artefacts show what followed the failure. */
static bool on_failure(void *ctx, struct machine *m, uint64_t cycle, uint64_t pc)
{
    struct lightsss *l = ctx;
    if (l->failed.seen)                 /* the replay, past its failure */
        return l->child;
    l->failed = (struct failure_point){ true, cycle, m->hart.instret, state_hash(m, pc) };
    if (!l->child || l->after == 0)
        return false;
    l->stop_at = cycle + l->after + 1;
    m->events->alarm.at = child_alarm(l);
    return true;
}

/* The parent records the host input a replay will need; a replay delivers it. */
static bool before_syscall(void *ctx, struct machine *m)
{
    struct lightsss *l = ctx;
    return l->child && input_log_replay(&l->input, m);
}

static void after_syscall(void *ctx, struct machine *m, const uint64_t *args)
{
    struct lightsss *l = ctx;
    if (!l->child && l->used)
        input_log_record(&l->input, m, args);
}

/* The virt machine's console input: recorded as system calls are, and never read from the host
 * in a replay (input that arrives nowhere in the log did not arrive in the parent either). */
static bool replay_device_input(void *ctx, struct machine *m, uint8_t *buf, unsigned max, int *got)
{
    struct lightsss *l = ctx;
    if (!l->child)
        return false;
    *got = input_log_replay_device(&l->input, m->hart.instret, buf, max);
    return true;
}

static void record_device_input(void *ctx, struct machine *m, const uint8_t *buf, int got)
{
    struct lightsss *l = ctx;
    if (!l->child && l->used)
        input_log_record_device(&l->input, m->hart.instret, buf, got);
}

void lightsss_attach(struct lightsss *l, struct event_bus *bus)
{
    bus->syscall = (struct syscall_hook){ .before = before_syscall, .after = after_syscall, .ctx = l };
    bus->device_input = (struct device_input_hook){ .replay = replay_device_input,
                                                    .record = record_device_input, .ctx = l };
    bus->alarm = (struct cycle_alarm){ .at = l->interval, .fn = on_alarm, .ctx = l };
    bus->on_failure = (struct failure_hook){ .fn = on_failure, .ctx = l };
}

/* A failure no model reported through event_fail (e.g. a deadlocked guest): its point is where
 * the run ended, the state the one it ended with. */
static struct failure_point ended_at(const struct machine *m, const struct commit_event *f)
{
    return (struct failure_point){ true, f ? f->cycle : 0, m->hart.instret, state_hash(m, m->hart.pc) };
}

/* In the child: the replay reached its end; report and exit. */
static void child_finish(struct lightsss *l, struct machine *m, const struct commit_event *f)
{
    if (!l->outputs_on)
        start_outputs(l, m, l->first_cycle);
    l->out.finish(l->out.ctx);
    struct failure_point p = l->failed;
    if (!l->wake.hooked)
        p = halt_is_failure(m->halt) ? ended_at(m, f) : (struct failure_point){ 0 };
    struct result_msg r = { .cycle = p.cycle, .instret = p.seen ? p.instret : m->hart.instret,
                            .first_cycle = l->first_cycle };
    r.last_cycle = l->last_cycle;
    r.memory_differed = l->memory_differed;
    r.verified = !r.memory_differed && p.seen && p.cycle == l->wake.cycle && p.instret == l->wake.instret &&
                 p.state == l->wake.state;
    ssize_t n = write(l->result_fd, &r, sizeof r);
    _exit(n == (ssize_t)sizeof r ? 0 : 1);
}

static void list_artefacts(const struct lightsss *l, char *buf, size_t size)
{
    snprintf(buf, size, "%s/lightsss.vcd %s/lightsss.kanata %s/lightsss.commits%s%s%s", l->dir,
             l->dir, l->dir, l->out.difftest ? " " : "", l->out.difftest ? l->dir : "",
             l->out.difftest ? "/lightsss.commits.ref" : "");
}

/* In the parent: wakes the oldest snapshot with the failure and waits for its replay. */
static void replay(struct lightsss *l, struct machine *m, const struct commit_event *f)
{
    if (!l->used) {
        log_msg("lightsss: no snapshot was taken before the failure (lightsss:interval %" PRIu64
                " cycles); nothing to replay", l->interval);
        return;
    }
    struct slot s = l->slot[0];
    struct failure_point p = l->failed.seen ? l->failed : ended_at(m, f);
    uint64_t fcycle = p.cycle;
    struct wake_msg w = { .cycle = fcycle, .instret = p.instret, .state = p.state, .hooked = l->failed.seen };
    w.start_cycle = l->window && fcycle > l->window && fcycle - l->window > s.cycle ? fcycle - l->window
                                                                                   : s.cycle;
    w.nstops = l->nstops;
    memcpy(w.stops, l->stops, sizeof w.stops);
    log_msg("lightsss: failure at instruction %" PRIu64 " (cycle %" PRIu64 "); replaying from the "
            "snapshot at cycle %" PRIu64 ", recording from cycle %" PRIu64, w.instret, fcycle, s.cycle,
            w.start_cycle);
    if (l->stops_overflow)
        log_msg("lightsss: more than %d run stops since the snapshot: the replay may diverge", MAX_STOPS);
    if (l->pre.lost)
        log_msg("lightsss: the host ran out of memory for the snapshot's guest pages: the replay "
                "may diverge");
    if (l->input.overflow)
        log_msg("lightsss: more than %u MiB of host input since the snapshot: the replay may diverge",
                INPUT_LOG_MAX >> 20);
    for (unsigned i = 1; i < l->used; i++)
        kill(l->slot[i].pid, SIGKILL);
    struct result_msg r;
    bool sent = write(s.wake_fd, &w, sizeof w) == (ssize_t)sizeof w && input_log_send(&l->input, s.wake_fd) &&
                (!l->cow || preimages_send(&l->pre, l->cow, s.epoch, s.wake_fd));
    bool got = sent && read(s.result_fd, &r, sizeof r) == (ssize_t)sizeof r;
    waitpid(s.pid, NULL, 0);
    l->slot[0].pid = 0;
    char files[4 * 4200];
    list_artefacts(l, files, sizeof files);
    if (!got)
        log_msg("lightsss: the replay did not report back (it crashed or could not run)");
    else if (r.memory_differed)
        log_msg("lightsss: replay diverged: the snapshot's guest memory was not the run's at its "
                "fork (cycle %" PRIu64 "; lightsss:check_memory)", s.cycle);
    else if (r.verified)
        log_msg("lightsss: replay verified: it reached the failure's architectural state at "
                "instruction %" PRIu64 " (cycle %" PRIu64 ")", r.instret, r.cycle);
    else
        log_msg("lightsss: replay diverged: it ended at instruction %" PRIu64 " (cycle %" PRIu64
                "), the failure was at instruction %" PRIu64 " (cycle %" PRIu64 ")", r.instret,
                r.cycle, w.instret, w.cycle);
    if (got)
        log_msg("lightsss: wrote cycles %" PRIu64 "-%" PRIu64 ": %s", r.first_cycle, r.last_cycle, files);
}

void lightsss_run(struct lightsss *l, struct machine *m, uint64_t stop_at,
                  void (*run)(void *ctx, struct machine *m, uint64_t stop_at), void *ctx,
                  const struct commit_event *(*failure)(void *ctx))
{
    if (!l->child) {
        if (l->used && l->nstops < MAX_STOPS)
            l->stops[l->nstops++] = stop_at;
        else if (l->used)
            l->stops_overflow = true;
    }
    run(ctx, m, stop_at);
    if (!l->child) {
        if (halt_is_failure(m->halt))
            replay(l, m, failure(ctx));
        for (unsigned i = 0; i < l->used; i++)   /* the woken one, if any, is gone */
            if (l->slot[i].pid == 0) {
                close(l->slot[i].wake_fd);
                close(l->slot[i].result_fd);
                memmove(&l->slot[i], &l->slot[i + 1], (l->used - i - 1) * sizeof *l->slot);
                l->used--;
            }
        return;
    }
    /* A replaying child: repeat the parent's later stops (the pipeline restarts at each, which
     * changes timing), never return to the run loop. */
    while (m->halt == HALT_LIMIT) {
        uint64_t next = UINT64_MAX;
        for (uint64_t i = 0; i < l->wake.nstops; i++)
            if (l->wake.stops[i] > m->hart.instret) {
                next = l->wake.stops[i];
                break;
            }
        m->halt = HALT_NONE;
        run(ctx, m, next);
    }
    child_finish(l, m, failure(ctx));
}

void lightsss_stats(const struct lightsss *l, cJSON *top)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "snapshots", (double)l->forks);
    cJSON_AddNumberToObject(o, "fork_seconds", l->fork_seconds);
    cJSON_AddNumberToObject(o, "fork_max_seconds", l->fork_max);
    cJSON_AddNumberToObject(o, "fork_cpu_seconds", l->fork_cpu_seconds);
    /* Every page the run writes after a fork is copied once per snapshot still sharing it: this
     * count, not the fork, is what LightSSS costs a run that writes much of its memory. */
    cJSON_AddNumberToObject(o, "page_faults", l->forks ? (double)(host_minor_faults() - l->faults_at_first_fork) : 0);
    cJSON_AddNumberToObject(o, "reaped", (double)l->reaped);
    cJSON_AddNumberToObject(o, "children_cpu_seconds", l->children_cpu_seconds);
    /* The software copy-on-write of guest memory (preimages.h): pages copied, most held. */
    cJSON_AddBoolToObject(o, "software_copy_on_write", l->cow != NULL);
    cJSON_AddNumberToObject(o, "saved_pages", (double)l->pre.saved);
    cJSON_AddNumberToObject(o, "saved_bytes_peak", (double)l->pre.peak_bytes);
    if (l->measure)
        fork_cost_stats(l->measure, l->reaped ? l->children_cpu_seconds / (double)l->reaped : 0, o);
    cJSON_AddItemToObject(top, "lightsss", o);
}
