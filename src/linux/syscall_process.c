/* Guest processes: fork, vfork and clone without CLONE_VM become a host fork() of the simulator,
 * as in qemu-user: each guest process is a host process running its own copy of the machine in
 * the same model.  wait4 and waitid map the guest's children to those host processes.
 *
 * Guest pids are virtual, so that runs are reproducible: a child's pid is its parent's next
 * thread id (threads and processes share the id space, as in Linux).  Pids are unique among one
 * process's threads and children, not across a whole tree (a grandchild may reuse a number its
 * uncle has).
 *
 * Timing between processes is the host's, so what the guest sees of it is made to depend only on
 * its own program order: the exit signal (SIGCHLD) of a child is sent when the parent's wait
 * observes the child's end, or when the parent blocks waiting for a signal (pause, sigsuspend)
 * while a child is alive; a blocking wait blocks the whole process (all its threads). */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "linux/syscall_internal.h"

static struct linux_fork_hooks fork_hooks;
static bool forked_child;      /* this host process runs a forked guest process */
static int vfork_release = -1; /* a vfork child: its parent waits for EOF on this pipe */

void linux_set_fork_hooks(const struct linux_fork_hooks *hooks) { fork_hooks = *hooks; }
bool linux_is_forked_child(void) { return forked_child; }

void linux_forked_child_end(int sig)
{
    if (!forked_child || sig <= 0 || sig >= NSIG || sig == SIGSTOP)
        return;
    /* qemu-user does the same: no core file, the default action, the signal unblocked. */
    struct rlimit no_core = { 0, 0 };
    setrlimit(RLIMIT_CORE, &no_core);
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    kill(getpid(), sig);
}

static unsigned children_count(const struct linux_process *p)
{
    unsigned n = 0;
    for (unsigned i = 0; i < LINUX_MAX_CHILDREN; i++)
        n += p->children[i].pid != 0;
    return n;
}

bool linux_snapshot_allowed(const struct linux_process *p, char *why, size_t whylen)
{
    unsigned n = children_count(p);
    if (n == 0)
        return true;
    snprintf(why, whylen, "guest process %d has %u child process%s (other host processes, which a "
             "snapshot cannot hold)", p->pid, n, n == 1 ? "" : "es");
    return false;
}

void linux_children_kill(struct linux_process *p)
{
    for (unsigned i = 0; i < LINUX_MAX_CHILDREN; i++) {
        struct linux_child *c = &p->children[i];
        if (!c->pid)
            continue;
        kill(c->host_pid, SIGKILL);
        while (waitpid(c->host_pid, NULL, 0) < 0 && errno == EINTR)
            ;
        c->pid = 0;
    }
}

/* ---- fork ---- */

/* The simulator's own output files (statistics being written, logs, traces) that the child
 * inherited: it writes none of them, so they become /dev/null.  The guest's files stay.  Every
 * descriptor number up to the host limit is looked at (no /proc needed, which a sandbox may
 * hide); the simulator raises that limit only to the guest's (8192). */
static void detach_simulator_outputs(const struct linux_process *p)
{
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null < 0)
        return;
    struct rlimit lim;
    int max = getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < 65536 ? (int)lim.rlim_cur : 65536;
    for (int fd = 3; fd < max; fd++) {
        int fl = fcntl(fd, F_GETFL);
        struct stat st;
        if (fd == null || fl < 0 || (fl & O_ACCMODE) == O_RDONLY || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        bool guest = false;
        for (int i = 0; i < LINUX_MAX_FDS && !guest; i++)
            guest = p->fds[i].host_fd == fd;
        for (unsigned i = 0; i < p->nshared && !guest; i++)
            guest = p->shared[i].host_fd == fd;
        int keep = fcntl(fd, F_GETFD);
        if (!guest)
            dup3(null, fd, keep >= 0 && (keep & FD_CLOEXEC) ? O_CLOEXEC : 0);
    }
    close(null);
}

/* The new host process becomes the child: its own pid, only the calling thread, no pending
 * signals, timers or children (fork(2)); the registers clone asked for. */
static void become_child(struct machine *m, int32_t pid, pid_t parent, uint64_t flags, uint64_t newsp,
                         uint64_t tls, uint64_t ctid, int release)
{
    forked_child = true;
    prctl(PR_SET_PDEATHSIG, SIGKILL);   /* no simulator outlives the run that started it */
    if (getppid() != parent)
        _exit(128 + SIGKILL);
    if (vfork_release >= 0)
        close(vfork_release);
    vfork_release = release;
    struct linux_process *p = m->proc;
    p->ppid = p->pid;
    p->pid = pid;
    for (unsigned i = 0; i < LINUX_MAX_TASKS; i++)
        if (i != p->cur)
            p->tasks[i] = (struct linux_task){ .state = TASK_FREE };
    p->tasks[p->cur].tid = pid;
    p->sigpending = p->thread_pending = 0;
    memset(p->timers, 0, sizeof p->timers);
    memset(p->children, 0, sizeof p->children);
    p->forks = p->execs = p->threads_created = p->context_switches = 0;
    clone_child_hart(&m->hart, flags, newsp, tls);
    if (flags & G_CLONE_CHILD_SETTID)
        mem_write(&m->mem, ctid, &pid, 4);
    if (flags & G_CLONE_CHILD_CLEARTID)
        p->clear_child_tid = ctid;
    detach_simulator_outputs(p);
    if (fork_hooks.child)
        fork_hooks.child(fork_hooks.ctx, pid);
}

/* What a process can be created with here: its exit signal, CLONE_VFORK (CLONE_VM only with it:
 * the child gets a copy of the memory, which is all a vfork child may use before exec or exit)
 * and the id and TLS settings. */
#define G_FORK_FLAGS (G_CLONE_VFORK | G_CLONE_VM | G_CLONE_SETTLS | G_CLONE_PARENT_SETTID |          \
                      G_CLONE_CHILD_SETTID | G_CLONE_CHILD_CLEARTID | G_CLONE_DETACHED |             \
                      G_CLONE_UNTRACED | G_CLONE_PTRACE | G_CLONE_IO | G_CLONE_SYSVSEM | 0xff)

int64_t process_fork(struct machine *m, uint64_t flags, uint64_t newsp, uint64_t ptid, uint64_t tls,
                     uint64_t ctid)
{
    struct linux_process *p = m->proc;
    if ((flags & 0xff) > LINUX_NSIG)
        return -EINVAL;
    if ((flags & ~(uint64_t)G_FORK_FLAGS) || ((flags & G_CLONE_VM) && !(flags & G_CLONE_VFORK))) {
        log_once("clone process flags", "clone flags 0x%llx not supported (a new process shares nothing "
                 "with its parent here, CLONE_VM only with CLONE_VFORK): EINVAL", (unsigned long long)flags);
        return -EINVAL;
    }
    unsigned slot = 0;
    while (slot < LINUX_MAX_CHILDREN && p->children[slot].pid)
        slot++;
    if (slot == LINUX_MAX_CHILDREN || p->next_tid >= LINUX_TID_MAX)
        return -EAGAIN;
    char why[256] = "";
    if (fork_hooks.prepare && !fork_hooks.prepare(fork_hooks.ctx, why, sizeof why)) {
        log_once("fork refused", "the guest's fork is refused (ENOSYS): %s", why);
        return -ENOSYS;
    }
    shared_map_flush(m);   /* both processes see the files as they are now */
    fflush(NULL);          /* nothing buffered is written twice */
    int release[2] = { -1, -1 };
    if ((flags & G_CLONE_VFORK) && pipe2(release, O_CLOEXEC) != 0)
        return -EAGAIN;
    int32_t pid = p->next_tid;
    pid_t parent = getpid();
    pid_t host = fork();
    if (host == 0) {
        if (release[0] >= 0)
            close(release[0]);
        become_child(m, pid, parent, flags, newsp, tls, ctid, release[1]);
        return 0;
    }
    if (release[1] >= 0)
        close(release[1]);
    if (host < 0) {
        if (release[0] >= 0)
            close(release[0]);
        return -EAGAIN;
    }
    p->next_tid++;
    p->forks++;
    p->children[slot] = (struct linux_child){ .pid = pid, .host_pid = host, .exit_signal = (int32_t)(flags & 0xff) };
    if (flags & G_CLONE_PARENT_SETTID)
        mem_write(&m->mem, ptid, &pid, 4);
    if (release[0] >= 0) {
        /* vfork: the parent is suspended until the child execs or exits (EOF on the pipe). */
        char c;
        while (read(release[0], &c, 1) < 0 && errno == EINTR)
            ;
        close(release[0]);
    }
    return pid;
}

void process_exec_done(void)
{
    if (vfork_release >= 0)
        close(vfork_release);
    vfork_release = -1;
}

/* ---- waiting ---- */

enum { G_WNOHANG = 1, G_WUNTRACED = 2, G_WSTOPPED = 2, G_WEXITED = 4, G_WCONTINUED = 8,
       G_WNOWAIT = 0x1000000, G_WNOTHREAD = 0x20000000, G_WALL = 0x40000000, G_WCLONE = (int)0x80000000u };
enum { G_P_ALL = 0, G_P_PID = 1, G_P_PGID = 2, G_P_PIDFD = 3 };

/* Whether child c is one that `which` selects (wait4's pid: -1 any, > 0 that pid, 0 or -pgid
 * the caller's group, which every guest process is in). */
static bool selects(const struct linux_child *c, int64_t which)
{
    return which == -1 || which == 0 || which == -LINUX_PID || which == c->pid;
}

/* Sends the parent the exit signal of a child whose end it observed (once). */
static void notify(struct machine *m, struct linux_child *c, const siginfo_t *si)
{
    if (c->notified || !c->exit_signal)
        return;
    c->notified = true;
    signal_send(m, c->exit_signal, &(struct linux_siginfo){ .code = si->si_code, .int1 = c->pid,
                                                            .int2 = LINUX_UID, .word = (uint32_t)si->si_status });
}

/* The slot of the first selected child (in fork order, as Linux scans them) that has ended,
 * with its host siginfo; with `block` it waits for one.  `reap` collects it.  -1: none ended
 * yet; -ECHILD: no child is selected. */
static int find_ended(struct linux_process *p, int64_t which, bool block, bool reap, siginfo_t *si)
{
    long delay_ns = 50000;
    for (;;) {
        bool any = false;
        for (unsigned i = 0; i < LINUX_MAX_CHILDREN; i++) {
            struct linux_child *c = &p->children[i];
            if (!c->pid || !selects(c, which))
                continue;
            any = true;
            memset(si, 0, sizeof *si);
            int rc = waitid(P_PID, (id_t)c->host_pid, si, WEXITED | WNOHANG | WNOWAIT);
            if (rc != 0 && errno != EINTR) {   /* cannot happen to a child only we reap */
                log_msg("internal error: guest child %d (host process %d) vanished", c->pid, c->host_pid);
                si->si_code = CLD_KILLED;
                si->si_status = SIGKILL;
                return (int)i;
            }
            if (rc == 0 && si->si_pid == c->host_pid) {
                siginfo_t done;
                if (reap)
                    while (waitid(P_PID, (id_t)c->host_pid, &done, WEXITED) != 0 && errno == EINTR)
                        ;
                return (int)i;
            }
        }
        if (!any)
            return -ECHILD;
        if (!block)
            return -1;
        /* The children are other host processes: poll them, backing off to 5 ms. */
        nanosleep(&(struct timespec){ 0, delay_ns }, NULL);
        if (delay_ns < 5000000)
            delay_ns *= 2;
    }
}

/* Linux's status word of a child's end (the host's encoding is the same). */
static uint32_t status_word(const siginfo_t *si)
{
    switch (si->si_code) {
    case CLD_EXITED: return (uint32_t)(si->si_status & 0xff) << 8;
    case CLD_DUMPED: return (uint32_t)(si->si_status & 0x7f) | 0x80;
    default: return (uint32_t)(si->si_status & 0x7f);
    }
}

/* With SIGCHLD ignored (SIG_IGN or SA_NOCLDWAIT) children are reaped as they end and a wait
 * returns ECHILD once none is left (blocking until then). */
static bool children_auto_reaped(const struct linux_process *p)
{
    enum { G_SA_NOCLDWAIT = 2 };
    return p->sigactions[G_SIGCHLD].handler == G_SIG_IGN || (p->sigactions[G_SIGCHLD].flags & G_SA_NOCLDWAIT);
}

/* One wait: the selected child that ended (reaped unless `peek`), its slot in *slot_out, or 0
 * (WNOHANG, none yet) or -errno. */
static int64_t wait_one(struct machine *m, int64_t which, int options, bool peek, siginfo_t *si, int *slot_out)
{
    struct linux_process *p = m->proc;
    bool block = !(options & G_WNOHANG);
    for (;;) {
        int slot = find_ended(p, which, block, !peek, si);
        if (slot == -1)
            return 0;
        if (slot < 0)
            return slot;
        struct linux_child *c = &p->children[slot];
        notify(m, c, si);
        if (!peek && children_auto_reaped(p)) {
            c->pid = 0;
            continue;
        }
        *slot_out = slot;
        return c->pid;
    }
}

static int64_t zero_rusage(struct machine *m, uint64_t addr)
{
    /* Resource use is not measured per process: all zero, which is reproducible. */
    static const uint8_t zero[144];   /* struct rusage on RV64 */
    return addr && mem_write(&m->mem, addr, zero, sizeof zero) != 0 ? -EFAULT : 0;
}

SYSCALL(wait4)
{
    int64_t which = (int32_t)a[0];
    int options = arg_int(a[2]);
    if (options & ~(G_WNOHANG | G_WUNTRACED | G_WCONTINUED | G_WNOTHREAD | G_WCLONE | G_WALL))
        return -EINVAL;
    if (which == INT32_MIN)
        return -ESRCH;
    siginfo_t si;
    int slot = -1;
    int64_t pid = wait_one(m, which, options, false, &si, &slot);
    if (pid <= 0)
        return pid;
    m->proc->children[slot].pid = 0;
    uint32_t status = status_word(&si);
    if (a[1] && mem_write(&m->mem, a[1], &status, 4) != 0)
        return -EFAULT;
    return zero_rusage(m, a[3]) ? -EFAULT : pid;
}

SYSCALL(waitid)
{
    int idtype = arg_int(a[0]);
    int64_t id = (int32_t)a[1];
    int options = arg_int(a[3]);
    if (options & ~(G_WNOHANG | G_WSTOPPED | G_WEXITED | G_WCONTINUED | G_WNOWAIT | G_WNOTHREAD | G_WCLONE | G_WALL))
        return -EINVAL;
    if (!(options & (G_WEXITED | G_WSTOPPED | G_WCONTINUED)))
        return -EINVAL;
    int64_t which;
    switch (idtype) {
    case G_P_ALL: which = -1; break;
    case G_P_PID: if (id <= 0) return -EINVAL; which = id; break;
    case G_P_PGID: if (id < 0) return -EINVAL; which = id == 0 ? 0 : -id; break;
    case G_P_PIDFD:
        log_once("waitid pidfd", "waitid(P_PIDFD) is not supported (no pidfds): EINVAL");
        return -EINVAL;
    default: return -EINVAL;
    }
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int slot = -1;
    int64_t pid;
    if (options & G_WEXITED) {
        pid = wait_one(m, which, options, options & G_WNOWAIT, &si, &slot);
    } else {
        /* Children never stop or continue here: there is nothing to wait for. */
        pid = find_ended(m->proc, which, false, false, &si) == -ECHILD ? -ECHILD : 0;
        if (pid == 0 && !(options & G_WNOHANG)) {
            log_msg("guest deadlocked: waitid waits for a child to stop or continue, which never happens here");
            m->halt = HALT_ERROR;
            m->exit_status = 2;
            return -EDEADLK;
        }
        memset(&si, 0, sizeof si);
    }
    if (pid < 0)
        return pid;
    if (pid > 0 && !(options & G_WNOWAIT))
        m->proc->children[slot].pid = 0;
    if (a[2]) {
        /* The fields the kernel writes (a WNOHANG call that found nothing gets zeros). */
        int32_t f[7] = { pid ? G_SIGCHLD : 0, 0, pid ? si.si_code : 0, 0, (int32_t)pid,
                         pid ? LINUX_UID : 0, pid ? si.si_status : 0 };
        if (mem_write(&m->mem, a[2], f, 12) != 0 || mem_write(&m->mem, a[2] + 16, f + 4, 12) != 0)
            return -EFAULT;
    }
    return zero_rusage(m, a[4]);
}

bool process_wait_for_child_signal(struct machine *m)
{
    struct linux_process *p = m->proc;
    long delay_ns = 50000;
    for (;;) {
        bool waiting = false;
        for (unsigned i = 0; i < LINUX_MAX_CHILDREN; i++) {
            struct linux_child *c = &p->children[i];
            if (!c->pid || c->notified || !c->exit_signal)
                continue;
            waiting = true;
            siginfo_t si;
            memset(&si, 0, sizeof si);
            if (waitid(P_PID, (id_t)c->host_pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 &&
                si.si_pid == c->host_pid) {
                notify(m, c, &si);
                return true;
            }
        }
        if (!waiting)
            return false;
        nanosleep(&(struct timespec){ 0, delay_ns }, NULL);
        if (delay_ns < 5000000)
            delay_ns *= 2;
    }
}

int64_t process_kill(struct machine *m, int64_t pid, int sig)
{
    struct linux_process *p = m->proc;
    for (unsigned i = 0; i < LINUX_MAX_CHILDREN; i++) {
        struct linux_child *c = &p->children[i];
        if (!c->pid || !(selects(c, pid) && pid != -1))
            continue;
        /* The host signal has the same number; the child's simulator dies by it (its default
         * action) or, for SIGINT and SIGTERM, stops and then dies by it. */
        if (sig != 0 && kill(c->host_pid, sig) != 0 && errno != ESRCH)
            return -errno;
        if (pid > 0)
            return 0;
    }
    return pid > 0 ? -ESRCH : 0;
}
