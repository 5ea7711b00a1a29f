/* The translation tier's code buffer and the routines every translated block enters and leaves
 * through (x86-64 hosts only; see jit_none.c for the others).
 *
 * Register convention inside translated code, fixed for the whole run of jit_run:
 *   rbx = struct hart (guest x[i] at [rbx + 8i])   r12 = guest_mem.host   r13 = guest_mem.page
 *   r14 = instructions left before stop_at (completed blocks are subtracted at their entry)
 *   [rsp] = stop_at   [rsp + 8] = jit_ctx   [rsp + JIT_ACCESS_MASK_SLOT(size)] = the access
 *   masks (jit_ops_x86.h)
 *   rbp, r15, r11, r10 hold the pinned guest registers (jit_ops_x86.h) throughout; rdi, r9 and
 *   rsi cache guest registers within a block (rsi counts a self loop's iterations instead);
 *   rax, rcx, rdx, r8 are scratch.
 * The fixed ones are callee-saved in the System V ABI, so translated code saves nothing between
 * blocks. */
#if defined(__x86_64__)

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fast/jit.h"
#include "fast/jit_ops_x86.h"
#include "fast/x86_emit.h"

#define JIT_CODE_SIZE (32u << 20)
#define JIT_COUNTS_SIZE (JIT_CODE_SIZE / 16 * sizeof(uint64_t))

#define CTX(field) ((int32_t)offsetof(struct jit_ctx, field))

static void store_ctx(struct xbuf *b, unsigned flags, int reg, int32_t off)
{
    x_mem(b, flags, 0x89, reg, RBP, NO_REG, off);
}

static void load_ctx_pointer(struct xbuf *b) { x_mem(b, X_W, 0x8b, RBP, RSP, NO_REG, 8); }

/* The entry routine, the common tail and the four exits; returns the end of the code. */
static const uint8_t *emit_routines(struct jit *j, struct xbuf *b)
{
    static const int saved[] = { RBX, RBP, R12, R13, R14, R15 };
    const size_t nsaved = sizeof saved / sizeof saved[0];

    /* int enter(struct jit_ctx *rdi, const void *entry rsi) */
    j->enter = (int (*)(struct jit_ctx *, const void *))(void *)b->p;
    for (size_t i = 0; i < nsaved; i++)
        x_push(b, saved[i]);
    /* The access masks, size 1 deepest: the slots of sizes 8, 4, 2, 1 follow jit_ctx. */
    for (unsigned size = 1; size <= 8; size *= 2) {
        x_mov_ri64(b, RAX, jit_access_mask(size));
        x_push(b, RAX);
    }
    x_push(b, RDI);
    x_mem(b, 0, 0xff, 6, RDI, NO_REG, CTX(stop_at));  /* push qword [rdi + stop_at] */
    x_mem(b, 0, 0x0fae, 3, RDI, NO_REG, CTX(host_mxcsr));   /* stmxcsr */
    x_mem(b, 0, 0x0fae, 2, RDI, NO_REG, CTX(mxcsr));        /* ldmxcsr */
    x_mem(b, X_W, 0x8b, RBX, RDI, NO_REG, CTX(hart));
    x_mem(b, X_W, 0x8b, R12, RDI, NO_REG, CTX(host));
    x_mem(b, X_W, 0x8b, R13, RDI, NO_REG, CTX(page));
    x_mem(b, X_W, 0x8b, R14, RDI, NO_REG, CTX(stop_at));
    x_mem(b, X_W, 0x2b, R14, RDI, NO_REG, CTX(instret));   /* r14 = stop_at - instret */
    jit_pinned_load(b);
    x_rr(b, 0, 0xff, 4, RSI);                       /* jmp rsi */

    /* Common tail: reason in esi, rbp = ctx. */
    const uint8_t *leave = b->p;
    x_mem(b, X_W, 0x8b, RCX, RSP, NO_REG, 0);
    x_rr(b, X_W, 0x2b, RCX, R14);
    store_ctx(b, X_W, RCX, CTX(instret));           /* instret = stop_at - r14 */
    x_mem(b, 0, 0x0fae, 3, RBP, NO_REG, CTX(mxcsr));        /* stmxcsr: the guest's flags */
    x_mem(b, 0, 0x0fae, 2, RBP, NO_REG, CTX(host_mxcsr));   /* ldmxcsr */
    x_rr(b, 0, 0x8b, RAX, RSI);                     /* mov eax, esi */
    x_alu_ri(b, X_W, ALU_ADD, RSP, JIT_FRAME_BYTES);
    for (size_t i = nsaved; i-- > 0;)
        x_pop(b, saved[i]);
    x_byte(b, 0xc3);

    /* Each exit first stores the pinned registers (rbp among them). */
    /* rdx = block, ecx = index of the instruction to interpret next. */
    j->exit_resume = b->p;
    jit_pinned_store(b);
    load_ctx_pointer(b);
    store_ctx(b, X_W, RDX, CTX(blk));
    store_ctx(b, 0, RCX, CTX(index));
    x_mov_ri64(b, RSI, JIT_EXIT_RESUME);
    x_jmp(b, leave);

    /* rax = pc of a block that does not fit in what is left before stop_at. */
    j->exit_enter = b->p;
    jit_pinned_store(b);
    load_ctx_pointer(b);
    store_ctx(b, X_W, RAX, CTX(next_pc));
    x_mov_ri64(b, RSI, JIT_EXIT_ENTER);
    x_jmp(b, leave);

    /* rax = next pc, rdx = block, ecx = exit slot, r8 = the exit's patch site. */
    j->exit_indirect = b->p;
    jit_pinned_store(b);
    x_mov_ri64(b, RSI, JIT_EXIT_INDIRECT);
    uint8_t *to_store_exit = x_jmp(b, b->p);
    j->exit_chain = b->p;
    jit_pinned_store(b);
    x_mov_ri64(b, RSI, JIT_EXIT_CHAIN);
    if (!b->overflow)
        x_patch_rel32(to_store_exit, b->p);
    load_ctx_pointer(b);
    store_ctx(b, X_W, RAX, CTX(next_pc));
    store_ctx(b, X_W, RDX, CTX(blk));
    store_ctx(b, 0, RCX, CTX(slot));
    store_ctx(b, X_W, R8, CTX(patch));
    x_jmp(b, leave);
    return b->p;
}

bool jit_init(struct jit *j)
{
    memset(j, 0, sizeof *j);
    void *p = mmap(NULL, JIT_CODE_SIZE + JIT_COUNTS_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return false;
    j->code = p;
    j->counts = (uint64_t *)(j->code + JIT_CODE_SIZE);
    mprotect(j->counts, JIT_COUNTS_SIZE, PROT_READ | PROT_WRITE);   /* data, never code */
    j->size = JIT_CODE_SIZE;
    j->targets = malloc(JIT_TARGETS * sizeof *j->targets);
    if (!j->targets) {
        munmap(p, JIT_CODE_SIZE + JIT_COUNTS_SIZE);
        j->code = NULL;
        return false;
    }
    jit_forget_targets(j);
    j->bmi2 = __builtin_cpu_supports("bmi2");
    if (!jit_trap_init(j))
        j->cap_traps = 0;
    struct xbuf b = { j->code, j->code + j->size, false };
    const uint8_t *end = emit_routines(j, &b);
    j->routines_end = j->used = (size_t)(end - j->code);
    return true;
}

bool jit_open_perf_map(struct jit *j, char *err, size_t errlen)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/perf-%ld.map", (long)getpid());
    /* perf's fixed name in a shared directory: never write through a link planted there. */
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd >= 0 && !(j->perf_map = fdopen(fd, "w")))
        close(fd);
    if (!j->perf_map)
        snprintf(err, errlen, "cannot create %s: %s", path, strerror(errno));
    return j->perf_map != NULL;
}

void jit_forget_targets(struct jit *j)
{
    for (size_t i = 0; i < JIT_TARGETS; i++)
        j->targets[i] = (struct jit_target_cache){ 1, NULL };   /* no pc is odd */
}

void jit_free(struct jit *j)
{
    if (j->code)
        munmap(j->code, j->size + JIT_COUNTS_SIZE);
    free(j->targets);
    jit_trap_free(j);
    if (j->perf_map)
        fclose(j->perf_map);
    memset(j, 0, sizeof *j);
}

void jit_link(struct jit *j, enum jit_exit kind, void *patch, const struct block *to)
{
    (void)j;
    if (kind == JIT_EXIT_CHAIN) {
        x_patch_rel32(patch, to->jit);
    } else {
        struct jit_target_cache *c = patch;
        c->pc = to->pc;
        c->code = to->jit;
    }
}

#endif
