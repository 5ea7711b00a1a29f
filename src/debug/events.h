/* The debugging event stream: what a model reports as it runs, and the sinks that listen.
 *
 * A model emits one commit event per retired instruction (and one for an instruction that
 * faults at commit) and, if it models time, one cycle event per simulated cycle and instruction
 * events as instructions enter, move through and leave its stages.  DiffTest, the commit log,
 * the waveform writer, the Kanata pipeline trace and LightSSS are sinks on this one stream, so a
 * new model gets every debugging tool by emitting these events.  The stream hangs off struct machine
 * (`m->events`); it is NULL on an ordinary run, so emission costs one predictable branch. */
#ifndef SNAPSIM_DEBUG_EVENTS_H
#define SNAPSIM_DEBUG_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/machine.h"

enum ev_mem { EV_MEM_NONE = 0, EV_MEM_LOAD = 1, EV_MEM_STORE = 2 };   /* bits; atomics: both */

/* Register numbers as the pipeline numbers them: x1..x31 are 1..31, f0..f31 are 32..63. */
#define EV_REG_F 32

struct commit_event {
    uint64_t instret;        /* retired instructions after this one (a fault: before it) */
    uint64_t cycle;          /* the model's cycle of the commit (the fast model: instret) */
    uint64_t pc, next_pc;
    uint32_t insn;           /* the encoding (16-bit encodings in the low half) */
    uint8_t len;
    uint8_t rd;              /* destination register, 0 = none (see EV_REG_F) */
    uint8_t mem;             /* enum ev_mem bits */
    uint8_t size;            /* bytes accessed */
    uint64_t rd_value;
    uint64_t addr, load_value, store_data;
    uint32_t fflags;         /* accrued flags after the instruction */
    bool csr_write;
    uint16_t csr;
    uint64_t csr_value;      /* the CSR's value after the write */
    bool syscall;
    uint64_t syscall_result; /* a0 after the system call */
    int exception;           /* signal the instruction killed the guest with, 0 = none */
    /* System machines (--machine bare, virt): */
    uint8_t priv;            /* privilege level it ran in (0 U, 1 S, 3 M); user mode: 0 */
    bool trap;               /* a trap was taken here instead: the instruction did not retire
                              * (an exception), or none ran (an interrupt, insn and len 0) */
    uint64_t cause, tval;    /* the trap's mcause/scause value (interrupt bit set) and tval */
};

/* A stage's contents at the end of a cycle (the oldest instruction it holds). */
struct stage_state {
    const char *name;
    bool valid, stall, flush;
    uint64_t pc;
    uint32_t insn;
};

#define EV_MAX_STAGES 16

/* An instruction's way through a pipeline: fetched into a stage, moved, retired or flushed. */
enum insn_ev_kind { IEV_FETCH, IEV_MOVE, IEV_RETIRE, IEV_FLUSH };

struct insn_event {
    enum insn_ev_kind kind;
    uint64_t cycle;
    uint64_t id;             /* the model's fetch number: unique, consecutive in fetch order */
    uint64_t seq;            /* the model's own instruction number (may be reused after a flush) */
    uint64_t pc;
    const struct insn *in;   /* IEV_FETCH: the decoded instruction */
    const char *from, *to;   /* stage names: left (MOVE, RETIRE, FLUSH), entered (FETCH, MOVE) */
};

struct cycle_event {
    uint64_t cycle;
    unsigned nstages;                 /* oldest (commit) first */
    struct stage_state stage[EV_MAX_STAGES];
    uint64_t fetch_pc;
    bool predict_valid;               /* a control transfer was predicted this cycle */
    uint64_t predict_pc, predict_target;
    bool resolve_valid, mispredict;   /* a control transfer resolved this cycle */
    uint64_t resolve_pc, resolve_target;
    bool icache_miss, dcache_miss;
    unsigned commits;                 /* instructions committed this cycle */
    uint64_t commit_pc;               /* the last one committed */
};

struct event_sink {
    void (*commit)(void *ctx, struct machine *m, const struct commit_event *ev);  /* may be NULL */
    void (*cycle)(void *ctx, struct machine *m, const struct cycle_event *ev);    /* may be NULL */
    void (*insn)(void *ctx, struct machine *m, const struct insn_event *ev);      /* may be NULL */
    /* The architectural state changed between instructions, not by one: a signal was delivered
     * (a timer expired, a handler took a fault).  A reference adopts the model's state. */
    void (*resync)(void *ctx, struct machine *m);                                 /* may be NULL */
    void *ctx;
};

/* A cheap alternative to cycle events for a tool that acts only at chosen cycles (LightSSS):
 * the model calls `fn` at the end of cycle `at - 1`, i.e. at the boundary before cycle `at`;
 * fn sets the next alarm (UINT64_MAX: none). */
struct cycle_alarm {
    uint64_t at;
    void (*fn)(void *ctx, struct machine *m, uint64_t cycle);
    void *ctx;
};

/* Who hears of a failure found while the model runs (see event_fail): LightSSS records the
 * failure point's state there, and a replay checks it and may let the model run on. */
struct failure_hook {
    /* Returns true if the model runs on past the failure instead of stopping. */
    bool (*fn)(void *ctx, struct machine *m, uint64_t cycle, uint64_t pc);
    void *ctx;
};

/* Around a model's system call (LightSSS: the parent records host input, a replay delivers it
 * again).  `before` returns true if it carried the call out itself (the model skips it). */
struct syscall_hook {
    bool (*before)(void *ctx, struct machine *m);
    void (*after)(void *ctx, struct machine *m, const uint64_t *args);   /* args: a0..a6 before */
    void *ctx;
};

/* Around the host input a device takes (the virt machine's console): LightSSS records it in the
 * parent and hands the same bytes to a replay, which never reads the host.  `replay` returns
 * true if it supplied the input (*got bytes into buf, or -1: the input ended here). */
struct device_input_hook {
    bool (*replay)(void *ctx, struct machine *m, uint8_t *buf, unsigned max, int *got);
    void (*record)(void *ctx, struct machine *m, const uint8_t *buf, int got);
    void *ctx;
};

#define EV_MAX_SINKS 8

struct event_bus {
    struct event_sink sink[EV_MAX_SINKS];
    unsigned nsinks;
    bool wants_commits;               /* some sink listens to commit events */
    bool wants_cycles;                /* ... to cycle events */
    bool wants_insns;                 /* ... to instruction events */
    struct cycle_alarm alarm;         /* fn NULL: none */
    struct failure_hook on_failure;   /* fn NULL: none */
    struct syscall_hook syscall;      /* before/after NULL: none */
    struct device_input_hook device_input;   /* replay/record NULL: none */
};

static inline bool event_bus_wants_cycles(const struct event_bus *bus) { return bus->wants_cycles; }
/* For models: bus may be NULL (an ordinary run).  A bus with only hooks (LightSSS's alarm,
 * failure and system-call hooks) wants no commit events, so a model builds none: building one per
 * retired instruction cost a LightSSS run about 7 % of its time. */
static inline bool event_bus_wants_commits(const struct event_bus *bus) { return bus && bus->wants_commits; }
static inline bool event_bus_wants_insns(const struct event_bus *bus) { return bus && bus->wants_insns; }

/* For models: is anything due at the end of `cycle` (cycle events or the alarm)? */
static inline bool event_bus_cycle_due(const struct event_bus *bus, uint64_t cycle)
{
    return bus->wants_cycles || (bus->alarm.fn && cycle + 1 >= bus->alarm.at);
}

/* Adds a sink; false if the bus is full (a programming error: the table is sized for the tools). */
bool event_bus_add(struct event_bus *bus, struct event_sink sink);
/* Removes the sinks whose context is ctx. */
void event_bus_remove(struct event_bus *bus, const void *ctx);

void event_emit_commit(struct event_bus *bus, struct machine *m, const struct commit_event *ev);
void event_emit_cycle(struct event_bus *bus, struct machine *m, const struct cycle_event *ev);
void event_emit_insn(struct event_bus *bus, struct machine *m, const struct insn_event *ev);
void event_emit_resync(struct event_bus *bus, struct machine *m);
/* Calls the alarm if it is due at the end of `cycle`. */
void event_emit_alarm(struct event_bus *bus, struct machine *m, uint64_t cycle);

/* A model or sink found a failure at `cycle` (a DiffTest mismatch, a model assertion, the
 * watchdog); `pc` is the next instruction to commit.  Stops the run with halt `h` and exit
 * status `status` unless the failure hook lets the model run on; returns whether it stops.
 * bus may be NULL (an ordinary run). */
bool event_fail(struct event_bus *bus, struct machine *m, uint64_t cycle, uint64_t pc,
                enum halt_reason h, int status);

/* For models, around a system call (bus may be NULL): false from event_syscall_before runs it. */
static inline bool event_syscall_before(struct event_bus *bus, struct machine *m)
{
    return bus && bus->syscall.before && bus->syscall.before(bus->syscall.ctx, m);
}
static inline void event_syscall_after(struct event_bus *bus, struct machine *m, const uint64_t *args)
{
    if (bus && bus->syscall.after)
        bus->syscall.after(bus->syscall.ctx, m, args);
}

/* For devices, around a read of host input (bus may be NULL): false from
 * event_device_input_replay reads the host, and event_device_input_record hears the result. */
static inline bool event_device_input_replay(struct event_bus *bus, struct machine *m, uint8_t *buf,
                                             unsigned max, int *got)
{
    return bus && bus->device_input.replay && bus->device_input.replay(bus->device_input.ctx, m, buf, max, got);
}
static inline void event_device_input_record(struct event_bus *bus, struct machine *m, const uint8_t *buf,
                                             int got)
{
    if (bus && bus->device_input.record)
        bus->device_input.record(bus->device_input.ctx, m, buf, got);
}

/* The destination register's ABI name ("a0", "ft1"), or "" for none. */
const char *event_reg_name(unsigned rd);

/* One line describing a commit ("pc 0x... (0x...) addi a0,a0,1  a0=0x..."), for reports. */
int event_describe(const struct commit_event *ev, char *buf, size_t size);

#endif
