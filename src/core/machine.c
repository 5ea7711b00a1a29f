/* The machine: construction, guest termination, and the user-level CSRs. */
#include "core/machine.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "core/log.h"
#include "linux/process.h"

const struct config_key machine_config_keys[] = {
    { "mainmem", "capacity", CONFIG_UINT, "4294967296", 1u << 20, GUEST_VA_LIMIT, NULL,
      "bytes of guest memory the program may map (mmap/brk fail with ENOMEM beyond)" },
    { "mainmem", "filename", CONFIG_STRING, "", 0, 0, NULL,
      "base name of snapshots (default LOGDIR/mainmem.raw, or ./mainmem.raw without --log)" },
    { "stats", "output_filename", CONFIG_STRING, "", 0, 0, NULL,
      "write statistics as JSON to this file (default: none)" },
    { "linux", "host_time", CONFIG_BOOL, "false", 0, 0, NULL,
      "guest clocks follow the host clock instead of the retired-instruction count (not reproducible)" },
    { "linux", "host_random", CONFIG_BOOL, "false", 0, 0, NULL,
      "getrandom and AT_RANDOM use host randomness instead of the seeded generator (not reproducible)" },
    { "linux", "seed", CONFIG_UINT, "0x5eed", 0, UINT64_MAX, NULL,
      "seed of the deterministic random generator behind getrandom and AT_RANDOM" },
};
const size_t machine_config_nkeys = sizeof machine_config_keys / sizeof machine_config_keys[0];

int machine_init(struct machine *m, const struct config *cfg)
{
    memset(m, 0, sizeof *m);
    m->config = cfg;
    int rc = mem_init(&m->mem, config_uint(cfg, "mainmem", "capacity"));
    if (rc != 0)
        return rc;
    struct linux_options opts = {
        .host_time = config_bool(cfg, "linux", "host_time"),
        .host_random = config_bool(cfg, "linux", "host_random"),
        .seed = config_uint(cfg, "linux", "seed"),
    };
    m->proc = linux_process_new(&opts);
    if (!m->proc) {
        mem_destroy(&m->mem);
        return -1;
    }
    return 0;
}

void machine_destroy(struct machine *m)
{
    if (m->proc)
        linux_process_free(m->proc);
    mem_destroy(&m->mem);
    m->proc = NULL;
}

static const char *signal_name(int sig)
{
    switch (sig) {
    case SIGSEGV: return "SIGSEGV";
    case SIGILL: return "SIGILL";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGABRT: return "SIGABRT";
    case SIGTRAP: return "SIGTRAP";
    case SIGKILL: return "SIGKILL";
    case SIGTERM: return "SIGTERM";
    default: return "signal";
    }
}

void machine_kill(struct machine *m, int sig, const char *fmt, ...)
{
    char cause[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cause, sizeof cause, fmt, ap);
    va_end(ap);
    if (!m->quiet)
        log_msg("guest killed by %s at pc 0x%llx after %llu instructions: %s", signal_name(sig),
                (unsigned long long)m->hart.pc, (unsigned long long)m->hart.instret, cause);
    m->halt = HALT_SIGNAL;
    m->exit_status = 128 + sig;
}

void machine_exit(struct machine *m, int status)
{
    m->halt = HALT_EXIT;
    m->exit_status = status & 0xff;
}

/* Guest-visible time: 10 MHz, the timebase of common RISC-V platforms, derived from the retired
 * instruction count (one instruction per nanosecond) so that runs are reproducible. */
static uint64_t time_csr(const struct machine *m) { return m->hart.instret / 100; }

bool machine_csr_access(struct machine *m, unsigned csr, unsigned op, uint64_t operand,
                        bool do_write, uint64_t *old)
{
    struct hart *h = &m->hart;
    uint64_t value;
    switch (csr) {
    case CSR_FFLAGS: value = h->fflags; break;
    case CSR_FRM: value = h->frm; break;
    case CSR_FCSR: value = (uint64_t)h->frm << 5 | h->fflags; break;
    case CSR_CYCLE: case CSR_INSTRET: value = h->instret; break;
    case CSR_TIME: value = time_csr(m); break;
    default: return false;
    }
    if (do_write) {
        uint64_t nv = op == OP_CSRRW || op == OP_CSRRWI ? operand
                    : op == OP_CSRRS || op == OP_CSRRSI ? value | operand
                    : value & ~operand;
        switch (csr) {
        case CSR_FFLAGS: h->fflags = nv & 0x1f; break;
        case CSR_FRM: h->frm = nv & 7; break;
        case CSR_FCSR: h->fflags = nv & 0x1f; h->frm = (nv >> 5) & 7; break;
        default: return false;   /* counters are read-only at user level */
        }
    }
    *old = value;
    return true;
}
