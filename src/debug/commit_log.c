/* The Spike-style commit log writer (see commit_log.h). */
#include "debug/commit_log.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "debug/detach.h"
#include "priv/priv.h"

struct commit_log {
    FILE *f;
    char *path;
    struct debug_window window;
};

struct commit_log *commit_log_open(const char *path, const struct debug_window *w, char *err,
                                   size_t errlen)
{
    struct commit_log *l = calloc(1, sizeof *l);
    if (!l || !(l->path = strdup(path))) {
        free(l);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    l->window = w ? *w : (struct debug_window){ .from = 0, .to = UINT64_MAX };
    l->f = fopen(path, "w");
    if (!l->f) {
        snprintf(err, errlen, "cannot create commit log %s: %s", path, strerror(errno));
        free(l->path);
        free(l);
        return NULL;
    }
    setvbuf(l->f, NULL, _IOFBF, 1 << 16);
    return l;
}

bool commit_log_close(struct commit_log *l)
{
    if (!l)
        return true;
    bool ok = !ferror(l->f);
    if (fclose(l->f) != 0)
        ok = false;
    if (!ok)
        log_msg("error writing the commit log %s", l->path);
    free(l->path);
    free(l);
    return ok;
}

/* Spike's names of the exceptions ("trap_illegal_instruction"); interrupts are "interrupt #N". */
static void trap_name(uint64_t cause, char *buf, size_t size)
{
    static const char *const names[16] = {
        "instruction_address_misaligned", "instruction_access_fault", "illegal_instruction",
        "breakpoint", "load_address_misaligned", "load_access_fault", "store_address_misaligned",
        "store_access_fault", "user_ecall", "supervisor_ecall", "virtual_supervisor_ecall",
        "machine_ecall", "instruction_page_fault", "load_page_fault", NULL, "store_page_fault",
    };
    uint64_t code = cause & ~CAUSE_INTERRUPT;
    if (cause & CAUSE_INTERRUPT)
        snprintf(buf, size, "interrupt #%" PRIu64, code);
    else if (code < 16 && names[code])
        snprintf(buf, size, "trap_%s", names[code]);
    else
        snprintf(buf, size, "trap #%" PRIu64, code);
}

/* A trap on a system machine, as Spike logs one: the trap and its epc, then tval if it has one. */
static void log_trap(FILE *f, const struct commit_event *ev)
{
    char name[64];
    trap_name(ev->cause, name, sizeof name);
    fprintf(f, "core   0: exception %s, epc 0x%016" PRIx64 "\n", name, ev->pc);
    if (ev->tval)
        fprintf(f, "core   0:           tval 0x%016" PRIx64 "\n", ev->tval);
}

static void on_commit(void *ctx, struct machine *m, const struct commit_event *ev)
{
    (void)m;
    struct commit_log *l = ctx;
    bool retired = !ev->exception && !ev->trap;
    uint64_t number = retired ? ev->instret : ev->instret + 1;
    if (!window_contains(&l->window, number, ev->cycle))
        return;
    FILE *f = l->f;
    if (ev->exception) {
        fprintf(f, "core   0: exception signal %d, epc 0x%016" PRIx64 "\n", ev->exception, ev->pc);
        return;
    }
    if (ev->trap) {
        log_trap(f, ev);
        return;
    }
    fprintf(f, "core   0: %u 0x%016" PRIx64 " (0x%0*" PRIx32 ")", ev->priv, ev->pc, ev->len == 2 ? 4 : 8, ev->insn);
    if (ev->rd)
        fprintf(f, " %c%-2u 0x%016" PRIx64, ev->rd < EV_REG_F ? 'x' : 'f', ev->rd % EV_REG_F, ev->rd_value);
    if (ev->syscall)
        fprintf(f, " x10 0x%016" PRIx64, ev->syscall_result);
    if (ev->csr_write)
        fprintf(f, " c0x%03x 0x%016" PRIx64, ev->csr, ev->csr_value);
    if (ev->mem & EV_MEM_LOAD)
        fprintf(f, " mem 0x%016" PRIx64, ev->addr);
    if (ev->mem & EV_MEM_STORE)
        fprintf(f, " mem 0x%016" PRIx64 " 0x%0*" PRIx64, ev->addr, 2 * ev->size, ev->store_data);
    fputc('\n', f);
}

struct event_sink commit_log_sink(struct commit_log *l)
{
    return (struct event_sink){ .commit = on_commit, .ctx = l };
}

void commit_log_detach(struct commit_log *l)
{
    if (l)
        debug_file_detach(l->f);
}
