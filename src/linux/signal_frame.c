/* The RISC-V Linux signal frame: struct rt_sigframe { siginfo_t info; struct ucontext uc; } on
 * the guest stack (or the alternate stack), and rt_sigreturn, which reads the ucontext back
 * (registers, FP state and the mask, all of which the handler may have changed).
 *
 * Layout (as the kernel and glibc share it): siginfo 128 bytes; ucontext: uc_flags 0, uc_link
 * 8, uc_stack 16 (sp, flags, size), uc_sigmask 40, reserved to 176, uc_mcontext 176: gregs[32]
 * (pc, then x1..x31), then the FP state: f[32] as 64-bit values and fcsr, in a 528-byte union
 * (room for Q), 960 bytes in all. */
#include <string.h>

#include "linux/loader.h"
#include "linux/syscall_internal.h"

enum {
    SIGINFO_SIZE = 128,
    UC_STACK = 16, UC_SIGMASK = 40, UC_GREGS = 176, UC_FPREGS = UC_GREGS + 32 * 8,
    UC_FCSR = UC_FPREGS + 32 * 8, UC_SIZE = 960,
    FRAME_SIZE = SIGINFO_SIZE + UC_SIZE,
};

/* Handlers return to `li a7, 139; ecall` (rt_sigreturn) in a page of its own above the stack,
 * where the kernel's vDSO trampoline would be. */
#define TRAMPOLINE_ADDR (LINUX_STACK_END + 0x8000)
static const uint32_t trampoline_code[2] = { 0x08b00893, 0x00000073 };

bool signal_trampoline_map(struct machine *m)
{
    const struct mem_region *r = mem_region_at(&m->mem, TRAMPOLINE_ADDR);
    if (r)
        return true;
    if (mem_map(&m->mem, TRAMPOLINE_ADDR, GUEST_PAGE_SIZE, MEM_R | MEM_X, "[vdso]") != 0)
        return false;
    return mem_poke(&m->mem, TRAMPOLINE_ADDR, trampoline_code, sizeof trampoline_code) == 0;
}

static void put32(unsigned char *b, size_t off, uint32_t v) { memcpy(b + off, &v, 4); }
static void put64(unsigned char *b, size_t off, uint64_t v) { memcpy(b + off, &v, 8); }
static uint32_t get32(const unsigned char *b, size_t off) { uint32_t v; memcpy(&v, b + off, 4); return v; }
static uint64_t get64(const unsigned char *b, size_t off) { uint64_t v; memcpy(&v, b + off, 8); return v; }

bool signal_frame_push(struct machine *m, int sig, const struct linux_siginfo *info, uint64_t saved_mask)
{
    struct linux_process *p = m->proc;
    struct hart *h = &m->hart;
    const struct linux_sigaction *act = &p->sigactions[sig];
    uint64_t sp = h->x[2];
    bool on_alt = signal_on_altstack(p, sp);
    unsigned char f[FRAME_SIZE];
    memset(f, 0, sizeof f);

    /* siginfo: signo, errno, code, then the union at 16. */
    put32(f, 0, (uint32_t)sig);
    put32(f, 8, (uint32_t)info->code);
    if (info->code <= 0 || info->code == G_SI_KERNEL) {   /* sent by a process or a timer */
        put32(f, 16, (uint32_t)info->int1);
        put32(f, 20, (uint32_t)info->int2);
        put64(f, 24, info->word);
    } else {
        put64(f, 16, info->word);   /* si_addr */
    }

    /* The interrupted context: uc_stack describes the alternate stack as it was configured. */
    unsigned char *uc = f + SIGINFO_SIZE;
    put64(uc, UC_STACK, p->altstack_sp);
    put32(uc, UC_STACK + 8, p->altstack_size ? p->altstack_flags : (uint32_t)G_SS_DISABLE);
    put64(uc, UC_STACK + 16, p->altstack_size);
    put64(uc, UC_SIGMASK, saved_mask);
    put64(uc, UC_GREGS, h->pc);
    for (unsigned r = 1; r < 32; r++)
        put64(uc, UC_GREGS + 8 * r, h->x[r]);
    for (unsigned r = 0; r < 32; r++)
        put64(uc, UC_FPREGS + 8 * r, h->f[r]);
    put32(uc, UC_FCSR, h->frm << 5 | h->fflags);

    if ((act->flags & (uint64_t)G_SA_ONSTACK) && p->altstack_size && !on_alt) {
        sp = p->altstack_sp + p->altstack_size;
        if ((uint32_t)p->altstack_flags & (uint32_t)G_SS_AUTODISARM)
            p->altstack_sp = p->altstack_size = p->altstack_flags = 0;
    }
    uint64_t frame = (sp - FRAME_SIZE) & ~15ull;
    if (sp < FRAME_SIZE || !signal_trampoline_map(m) || mem_write(&m->mem, frame, f, sizeof f) != 0)
        return false;

    h->x[2] = frame;
    h->x[1] = TRAMPOLINE_ADDR;
    h->x[10] = (uint64_t)sig;
    h->x[11] = frame;
    h->x[12] = frame + SIGINFO_SIZE;
    h->pc = act->handler;
    h->reservation_valid = false;
    return true;
}

SYSCALL(rt_sigreturn)
{
    (void)a;
    struct linux_process *p = m->proc;
    struct hart *h = &m->hart;
    uint64_t frame = h->x[2];
    unsigned char uc[UC_SIZE];
    if (mem_read(&m->mem, frame + SIGINFO_SIZE, uc, sizeof uc) != 0) {
        p->exited = true;
        p->exit_status = 128 + G_SIGSEGV;
        machine_kill(m, G_SIGSEGV, "rt_sigreturn with no signal frame at sp 0x%llx",
                     (unsigned long long)frame);
        return 0;
    }
    p->sigmask = get64(uc, UC_SIGMASK) & ~G_SIG_UNBLOCKABLE;
    /* The saved alternate stack comes back unless the program is still running on it (the
     * kernel refuses that change), which is what re-arms an SS_AUTODISARM stack. */
    if (!signal_on_altstack(p, frame)) {
        uint64_t size = get64(uc, UC_STACK + 16);
        uint32_t flags = get32(uc, UC_STACK + 8);
        bool disable = (flags & ~(uint32_t)G_SS_AUTODISARM) == G_SS_DISABLE || size == 0;
        p->altstack_sp = disable ? 0 : get64(uc, UC_STACK);
        p->altstack_size = disable ? 0 : size;
        p->altstack_flags = disable ? 0 : flags & (uint32_t)G_SS_AUTODISARM;
    }
    for (unsigned r = 1; r < 32; r++)
        h->x[r] = get64(uc, UC_GREGS + 8 * r);
    for (unsigned r = 0; r < 32; r++)
        h->f[r] = get64(uc, UC_FPREGS + 8 * r);
    uint32_t fcsr = get32(uc, UC_FCSR);
    h->fflags = fcsr & 0x1f;
    h->frm = (fcsr >> 5) & 7;
    h->reservation_valid = false;
    p->resume_pc = get64(uc, UC_GREGS);
    return (int64_t)h->x[10];   /* the system call "returns" the interrupted a0 */
}
