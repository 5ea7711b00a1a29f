/* Host faults of translated loads.  Where guest memory allows it (mem_loads_fault_on_host), a
 * translated load is a plain host load from host + A: an unmapped guest page is inaccessible on
 * the host, so the load faults there, and the SIGSEGV handler sends the translated code to the
 * stub that resumes the interpreter at that instruction — the same stub a failed inline check
 * jumps to, reached with the same registers (the load wrote nothing).  The interpreter then
 * performs the access itself and raises the guest's fault, so pc, instret and registers are
 * exactly its own.
 *
 * The table maps the host address of each such load to its stub, as offsets into the code
 * buffer; translations are appended in address order, so it is sorted and searched by
 * bisection (in the handler: no allocation, no locks). */
#if defined(__x86_64__)

#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "fast/jit.h"
#include "fast/jit_ops_x86.h"

_Thread_local struct jit *jit_running;

static struct sigaction previous;

/* A load site is at least 4 bytes of code (REX, opcode, ModRM and SIB of the load from
 * [r12 + index]): one entry per 4 bytes of buffer can never run out. */
size_t jit_trap_capacity(size_t code_size) { return code_size / 4; }

bool jit_trap_add(struct jit *j, const uint8_t *at, const uint8_t *stub)
{
    if (j->ntraps == j->cap_traps)
        return false;
    j->trap_at[j->ntraps] = (uint32_t)(at - j->code);
    j->trap_to[j->ntraps++] = (uint32_t)(stub - j->code);
    return true;
}

static const uint8_t *stub_of(const struct jit *j, uintptr_t rip)
{
    if (rip < (uintptr_t)j->code || rip - (uintptr_t)j->code >= j->used)
        return NULL;
    uint32_t off = (uint32_t)(rip - (uintptr_t)j->code);
    size_t lo = 0, hi = j->ntraps;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (j->trap_at[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < j->ntraps && j->trap_at[lo] == off ? j->code + j->trap_to[lo] : NULL;
}

static void on_segv(int sig, siginfo_t *si, void *context)
{
    ucontext_t *uc = context;
    struct jit *j = jit_running;
    const uint8_t *stub = j ? stub_of(j, (uintptr_t)uc->uc_mcontext.gregs[REG_RIP]) : NULL;
    if (stub) {
        uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)stub;
        j->host_faults++;
        return;
    }
    /* Not a guest access: whatever handled SIGSEGV before (a sanitizer's report, or the default
     * action once the instruction faults again). */
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction) {
        previous.sa_sigaction(sig, si, context);
    } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
    } else {
        signal(sig, SIG_DFL);
    }
}

bool jit_trap_init(struct jit *j)
{
    j->cap_traps = jit_trap_capacity(j->size);
    void *p = mmap(NULL, 2 * j->cap_traps * sizeof(uint32_t), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return false;
    j->trap_at = p;
    j->trap_to = j->trap_at + j->cap_traps;
    static bool installed;
    if (!installed) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_segv;
        sa.sa_flags = SA_SIGINFO;
        sigemptyset(&sa.sa_mask);
        if (sigaction(SIGSEGV, &sa, &previous) != 0)
            return false;
        installed = true;
    }
    return true;
}

void jit_trap_free(struct jit *j)
{
    if (jit_running == j)
        jit_running = NULL;
    if (j->trap_at)
        munmap(j->trap_at, 2 * j->cap_traps * sizeof(uint32_t));
}

#endif
