/* The event bus: fan-out of model events to the debugging sinks (see events.h). */
#include "debug/events.h"

#include <inttypes.h>
#include <stdio.h>

#include "isa/insn.h"

bool event_bus_add(struct event_bus *bus, struct event_sink sink)
{
    if (bus->nsinks == EV_MAX_SINKS)
        return false;
    bus->sink[bus->nsinks++] = sink;
    if (sink.commit)
        bus->wants_commits = true;
    if (sink.cycle)
        bus->wants_cycles = true;
    if (sink.insn)
        bus->wants_insns = true;
    return true;
}

void event_bus_remove(struct event_bus *bus, const void *ctx)
{
    unsigned keep = 0;
    bus->wants_commits = bus->wants_cycles = bus->wants_insns = false;
    for (unsigned i = 0; i < bus->nsinks; i++) {
        if (bus->sink[i].ctx == ctx)
            continue;
        bus->sink[keep++] = bus->sink[i];
        bus->wants_commits |= bus->sink[i].commit != NULL;
        bus->wants_cycles |= bus->sink[i].cycle != NULL;
        bus->wants_insns |= bus->sink[i].insn != NULL;
    }
    bus->nsinks = keep;
}

void event_emit_commit(struct event_bus *bus, struct machine *m, const struct commit_event *ev)
{
    for (unsigned i = 0; i < bus->nsinks; i++)
        if (bus->sink[i].commit)
            bus->sink[i].commit(bus->sink[i].ctx, m, ev);
}

void event_emit_resync(struct event_bus *bus, struct machine *m)
{
    for (unsigned i = 0; i < bus->nsinks; i++)
        if (bus->sink[i].resync)
            bus->sink[i].resync(bus->sink[i].ctx, m);
}

void event_emit_alarm(struct event_bus *bus, struct machine *m, uint64_t cycle)
{
    if (bus->alarm.fn && cycle + 1 >= bus->alarm.at)
        bus->alarm.fn(bus->alarm.ctx, m, cycle + 1);
}

void event_emit_cycle(struct event_bus *bus, struct machine *m, const struct cycle_event *ev)
{
    for (unsigned i = 0; i < bus->nsinks; i++)
        if (bus->sink[i].cycle)
            bus->sink[i].cycle(bus->sink[i].ctx, m, ev);
}

bool event_fail(struct event_bus *bus, struct machine *m, uint64_t cycle, uint64_t pc,
                enum halt_reason h, int status)
{
    if (bus && bus->on_failure.fn && bus->on_failure.fn(bus->on_failure.ctx, m, cycle, pc))
        return false;
    m->halt = h;
    m->exit_status = status;
    return true;
}

void event_emit_insn(struct event_bus *bus, struct machine *m, const struct insn_event *ev)
{
    for (unsigned i = 0; i < bus->nsinks; i++)
        if (bus->sink[i].insn)
            bus->sink[i].insn(bus->sink[i].ctx, m, ev);
}

const char *event_reg_name(unsigned rd)
{
    if (!rd)
        return "";
    return rd < EV_REG_F ? reg_name_x(rd) : reg_name_f(rd - EV_REG_F);
}

int event_describe(const struct commit_event *ev, char *buf, size_t size)
{
    struct insn in;
    char dis[96];
    insn_decode(ev->insn, &in);
    insn_disasm(&in, ev->pc, dis, sizeof dis);
    int n = snprintf(buf, size, "#%-8" PRIu64 " pc 0x%" PRIx64 " (0x%0*" PRIx32 ") %-28s", ev->instret,
                     ev->pc, ev->len == 2 ? 4 : 8, ev->insn, dis);
#define MORE(...) \
    do { if (n >= 0 && (size_t)n < size) n += snprintf(buf + n, size - (size_t)n, __VA_ARGS__); } while (0)
    if (ev->exception)
        MORE(" exception signal %d", ev->exception);
    if (ev->trap)
        MORE(" trap cause 0x%" PRIx64 " tval 0x%" PRIx64, ev->cause, ev->tval);
    if (ev->rd)
        MORE(" %s=0x%" PRIx64, event_reg_name(ev->rd), ev->rd_value);
    if (ev->mem & EV_MEM_LOAD)
        MORE(" load[0x%" PRIx64 "]/%u=0x%" PRIx64, ev->addr, ev->size, ev->load_value);
    if (ev->mem & EV_MEM_STORE)
        MORE(" store[0x%" PRIx64 "]/%u=0x%" PRIx64, ev->addr, ev->size, ev->store_data);
    if (ev->csr_write)
        MORE(" csr 0x%03x=0x%" PRIx64, ev->csr, ev->csr_value);
    if (ev->syscall)
        MORE(" syscall=0x%" PRIx64, ev->syscall_result);
#undef MORE
    return n;
}
