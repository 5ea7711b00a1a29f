/* The machine: construction, guest termination, and the user-level CSRs. */
#include "core/machine.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "core/log.h"
#include "linux/process.h"
#include "platform/virt_machine.h"
#include "priv/system.h"

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
    { "linux", "core_frequency_hz", CONFIG_UINT, "1000000000", 1000, 100000000000ull, NULL,
      "guest core clock: the time CSR (10 MHz timebase) and guest clocks advance by cycles at this "
      "rate (the fast model retires one instruction per cycle)" },
    { "linux", "host_env", CONFIG_BOOL, "false", 0, 0, NULL,
      "the guest environment is the host's, as under qemu-user (default: only -E variables)" },
    { "linux", "cwd", CONFIG_STRING, "/tmp/cwd", 0, 0, NULL,
      "the guest's name for the directory the run starts in (getcwd, /proc/self/cwd); "
      "\"host\" shows the host's own (not reproducible)" },
    { "linux", "quantum", CONFIG_UINT, "10000", 1, UINT64_MAX / 4, NULL,
      "retired instructions a guest thread runs before the next runnable thread (in tid order) "
      "takes its turn; threads also switch when they block or exit" },
    { "linux", "stdio", CONFIG_ENUM, "pipe", 0, 0, "pipe tty host",
      "what the standard streams look like to the guest (fstat, terminal ioctls, lseek): "
      "pipes, a terminal, or whatever the host's are (not reproducible)" },
    { "system", "ram_size", CONFIG_UINT, "268435456", 1u << 20, 1ull << 36, NULL,
      "bytes of RAM at physical 0x80000000 of a system-mode machine (--machine bare or virt, --memory; whole 4 KiB pages)" },
};
const size_t machine_config_nkeys = sizeof machine_config_keys / sizeof machine_config_keys[0];

volatile sig_atomic_t machine_stop_requested;

int machine_init(struct machine *m, const struct config *cfg)
{
    memset(m, 0, sizeof *m);
    m->config = cfg;
    m->core_hz = config_uint(cfg, "linux", "core_frequency_hz");
    int rc = mem_init(&m->mem, config_uint(cfg, "mainmem", "capacity"));
    if (rc != 0)
        return rc;
    struct linux_options opts = {
        .host_time = config_bool(cfg, "linux", "host_time"),
        .host_random = config_bool(cfg, "linux", "host_random"),
        .seed = config_uint(cfg, "linux", "seed"),
        .cwd = config_string(cfg, "linux", "cwd"),
        .stdio = linux_stdio_view_parse(config_string(cfg, "linux", "stdio")),
        .quantum = config_uint(cfg, "linux", "quantum"),
    };
    m->proc = linux_process_new(&opts);
    if (!m->proc) {
        mem_destroy(&m->mem);
        return -1;
    }
    return 0;
}

int machine_init_system(struct machine *m, const struct config *cfg)
{
    memset(m, 0, sizeof *m);
    m->config = cfg;
    m->core_hz = config_uint(cfg, "linux", "core_frequency_hz");
    m->sys = calloc(1, sizeof *m->sys);
    if (!m->sys)
        return -1;
    /* Whole pages: a TLB entry maps a page of RAM or none. */
    uint64_t size = config_uint(cfg, "system", "ram_size") & ~(uint64_t)(GUEST_PAGE_SIZE - 1);
    int rc = sysmem_init(&m->sys->mem, SYSMEM_RAM_BASE, size);
    m->sys->event_at = UINT64_MAX;
    if (rc != 0) {
        free(m->sys);
        m->sys = NULL;
    }
    return rc;
}

void machine_destroy(struct machine *m)
{
    if (m->sys) {
        virt_machine_free(m->sys->virt);
        sysmem_destroy(&m->sys->mem);
        free(m->sys);
        m->sys = NULL;
    }
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

uint64_t machine_cycles_to_ns(const struct machine *m, uint64_t cycles)
{
    return (uint64_t)((unsigned __int128)cycles * 1000000000u / (m->core_hz ? m->core_hz : 1));
}

/* Guest-visible time: 10 MHz, the timebase of common RISC-V platforms, derived from the model's
 * cycles at the core frequency (not the host clock) so that runs are reproducible. */
enum { TIMEBASE_HZ = 10000000 };
uint64_t machine_time(const struct machine *m)
{
    return (uint64_t)((unsigned __int128)machine_cycles(m) * TIMEBASE_HZ / (m->core_hz ? m->core_hz : 1));
}

bool machine_csr_access(struct machine *m, unsigned csr, unsigned op, uint64_t operand,
                        bool do_write, uint64_t *old)
{
    struct hart *h = &m->hart;
    uint64_t value;
    switch (csr) {
    case CSR_FFLAGS: value = h->fflags; break;
    case CSR_FRM: value = h->frm; break;
    case CSR_FCSR: value = (uint64_t)h->frm << 5 | h->fflags; break;
    case CSR_CYCLE: value = machine_cycles(m); break;
    case CSR_INSTRET: value = h->instret; break;
    case CSR_TIME: value = machine_time(m); break;
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
