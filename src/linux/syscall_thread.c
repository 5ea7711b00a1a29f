/* Thread system calls: clone for threads, the thread's id, exit of one thread or of the whole
 * process, sched_yield.  Scheduling itself is tasks.c. */
#include "core/log.h"
#include "linux/syscall_internal.h"

/* What a thread shares with its creator here: everything (glibc and musl ask for exactly this). */
#define G_THREAD_SHARES (G_CLONE_VM | G_CLONE_FS | G_CLONE_FILES | G_CLONE_SIGHAND | G_CLONE_THREAD)
/* Flags that change nothing for a thread of this process. */
#define G_THREAD_OPTIONAL (G_CLONE_SYSVSEM | G_CLONE_SETTLS | G_CLONE_PARENT_SETTID |         \
                           G_CLONE_CHILD_CLEARTID | G_CLONE_DETACHED | G_CLONE_UNTRACED |    \
                           G_CLONE_CHILD_SETTID | G_CLONE_IO | G_CLONE_PTRACE)

static int free_slot(const struct linux_process *p)
{
    for (unsigned i = 0; i < LINUX_MAX_TASKS; i++)
        if (p->tasks[i].state == TASK_FREE)
            return (int)i;
    return -1;
}

/* riscv's clone takes (flags, newsp, parent_tid, tls, child_tid), like CLONE_BACKWARDS. */
SYSCALL(clone)
{
    struct linux_process *p = m->proc;
    uint64_t flags = a[0], newsp = a[1], ptid = a[2], tls = a[3], ctid = a[4];
    /* The kernel's own consistency rules come first, with its errno. */
    if (((flags & G_CLONE_THREAD) && !(flags & G_CLONE_SIGHAND)) ||
        ((flags & G_CLONE_SIGHAND) && !(flags & G_CLONE_VM)) || (flags >> 32))
        return -EINVAL;
    if ((flags & G_CLONE_THREAD) == 0)
        return process_fork(m, flags, newsp, ptid, tls, ctid);   /* fork, vfork, posix_spawn */
    uint64_t extra = flags & ~(uint64_t)(G_THREAD_SHARES | G_THREAD_OPTIONAL | 0xff);
    if ((flags & G_THREAD_SHARES) != G_THREAD_SHARES || extra) {
        log_once("clone flags", "clone flags 0x%llx not supported (a thread must share memory, files, "
                 "the file system and signal handlers): EINVAL", (unsigned long long)flags);
        return -EINVAL;
    }
    int slot = free_slot(p);
    if (slot < 0 || p->next_tid >= LINUX_TID_MAX)
        return -EAGAIN;
    int32_t tid = p->next_tid;
    if ((flags & G_CLONE_PARENT_SETTID) && mem_write(&m->mem, ptid, &tid, 4) != 0)
        return -EFAULT;
    if ((flags & G_CLONE_CHILD_SETTID) && mem_write(&m->mem, ctid, &tid, 4) != 0)
        return -EFAULT;
    p->next_tid++;
    p->threads_created++;
    /* The child continues after the ecall like its parent, with a0 = 0, its own stack and TLS;
     * it inherits the signal mask but not the alternate stack (the kernel clears that when the
     * memory is shared). */
    struct linux_task *t = &p->tasks[slot];
    *t = (struct linux_task){ .tid = tid, .state = TASK_RUNNABLE, .hart = m->hart, .sigmask = p->sigmask,
                              .deadline = UINT64_MAX };
    t->hart.pc = p->resume_pc;
    t->hart.x[10] = 0;
    clone_child_hart(&t->hart, flags, newsp, tls);
    if (flags & G_CLONE_CHILD_CLEARTID)
        t->clear_child_tid = ctid;
    return tid;
}

SYSCALL(clone3)
{
    (void)m;
    (void)a;
    /* As qemu-user answers here: newer C libraries then fall back to clone. */
    return -ENOSYS;
}

SYSCALL(gettid) { (void)a; return linux_gettid(m->proc); }

SYSCALL(set_tid_address)
{
    m->proc->clear_child_tid = a[0];
    return linux_gettid(m->proc);
}

/* exit_group, and exit of the last thread: the process ends. */
SYSCALL(exit_group)
{
    shared_map_flush(m);
    m->proc->exited = true;
    m->proc->exit_status = (int)(a[0] & 0xff);
    machine_exit(m, (int)(a[0] & 0xff));
    return 0;
}

SYSCALL(exit)
{
    if (tasks_alive(m->proc) <= 1)
        return sys_exit_group(m, a);
    return task_exit(m, (int)(a[0] & 0xff));
}

SYSCALL(sched_yield)
{
    (void)a;
    /* The turn ends here: the next runnable thread, if any, runs from this instruction on. */
    if (tasks_alive(m->proc) > 1) {
        m->proc->slice_end = m->hart.instret;
        m->halt = HALT_LIMIT;
    }
    return 0;
}
