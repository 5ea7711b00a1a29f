/* The emulated Linux process: everything the kernel would keep for the program and its threads.
 *
 * The structure is plain data so a snapshot can save it: host file descriptors are recreated on
 * restore by reopening `path` (with `flags`) and seeking, the only host pointers are the owned
 * path strings.  Guest-visible values (pids, clocks, random bytes, fd numbers) are reproducible
 * unless the options ask for host time or host randomness. */
#ifndef SNAPSIM_LINUX_PROCESS_H
#define SNAPSIM_LINUX_PROCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/hart.h"

struct machine;

/* What the guest sees of the standard streams it inherits (stdio_view.c).  The host's are
 * different on every run (a terminal, a file, a pipe, /dev/null) and glibc's buffering asks, so
 * by default all three look like pipes; the data still flows to and from the host's. */
enum linux_stdio_view { LINUX_STDIO_PIPE, LINUX_STDIO_TTY, LINUX_STDIO_HOST };
enum linux_stdio_view linux_stdio_view_parse(const char *name);   /* "pipe" "tty" "host" */

struct linux_options {
    enum linux_stdio_view stdio;
    bool host_time;      /* clocks read the host clock instead of instret-derived time */
    bool host_random;    /* getrandom/AT_RANDOM read host randomness instead of the seeded PRNG */
    uint64_t seed;       /* seed of the deterministic PRNG */
    const char *cwd;     /* the guest's name for the start directory, "host" for its own */
    uint64_t quantum;    /* linux:quantum: instructions a thread runs before the next one's turn */
};

#define LINUX_MAX_FDS     8192   /* the hard RLIMIT_NOFILE; the soft limit starts at 1024 */
#define LINUX_NSIG        64
#define LINUX_RLIMITS     16
#define LINUX_PATH_MAX    4096
#define LINUX_MAX_TOUCHED 4096   /* distinct host paths a snapshot can reproduce */
#define LINUX_MAX_SHARED_MAPS 64
#define LINUX_MAX_TASKS   64     /* threads alive at once; clone beyond gets EAGAIN */
#define LINUX_TID_MAX     4194304   /* the kernel's PID_MAX_LIMIT */
#define LINUX_DEFAULT_QUANTUM 10000
#define LINUX_MAX_CHILDREN 64    /* child processes not yet waited for; fork beyond gets EAGAIN */

/* Guest-visible identity; fixed so that runs are reproducible.  LINUX_PID is the first
 * process's pid and the process group and session of every guest process; a forked child's pid
 * is its parent's next thread id (syscall_process.c). */
#define LINUX_PID   1000
#define LINUX_PPID  999
#define LINUX_UID   1000
#define LINUX_GID   1000

struct linux_fd {
    int host_fd;         /* -1: the guest fd is free */
    int flags;           /* guest open flags (O_ACCMODE, O_APPEND, ...; without O_CLOEXEC) */
    bool cloexec;
    bool passthrough;    /* the simulator's own stdin/stdout/stderr: never closed on the host */
    char *path;          /* absolute guest path at open time (owned); "pipe:[n]" for pipes */
    int64_t offset;      /* file position, recorded by linux_snapshot_prepare (-1: none) */
};

/* A MAP_SHARED file mapping: guest memory holds a copy, written back to the file whenever the
 * file could be observed (reads, msync, munmap, exit) and refreshed after writes to files. */
struct linux_shared_map {
    uint64_t addr, len;  /* guest range */
    uint64_t offset;     /* file offset of addr */
    int host_fd;         /* the mapping's own descriptor: the guest may close its fd */
    bool writable;       /* PROT_WRITE at mmap time (read-only maps are only refreshed) */
    char *path;          /* owned, for snapshots */
};

struct linux_sigaction {
    uint64_t handler, flags, mask;
};

/* What the siginfo of a pending signal says (one instance per standard signal, as Linux keeps). */
struct linux_siginfo {
    int32_t code;        /* si_code: SI_USER, SI_TKILL, SI_KERNEL, SI_TIMER, SEGV_MAPERR, ... */
    int32_t int1, int2;  /* si_pid/si_uid, or si_timerid/si_overrun */
    uint64_t word;       /* si_addr for faults, si_value for timers */
};

/* An interval timer in guest time (ns of guest monotonic time since the program started, which
 * advances with retired instructions and sleeps): ITIMER_REAL is timer 0, timer_create's timers
 * follow. */
#define LINUX_NTIMERS 9
struct linux_timer {
    bool used;           /* allocated (the three itimers always are) */
    int32_t clock;       /* timer_create's clock id; CLOCK_PROCESS_CPUTIME_ID (2) counts retired
                          * instructions only, like ITIMER_VIRTUAL and ITIMER_PROF */
    int32_t signo;       /* signal sent on expiry (0: none, SIGEV_NONE) */
    uint64_t expiry;     /* guest time of the next expiry; 0: disarmed */
    uint64_t interval;   /* re-arm period; 0: one-shot */
    uint64_t value;      /* sigev_value (timer_create) */
    int32_t overrun;     /* expiries merged into the pending signal */
};

struct linux_rlimit {
    uint64_t cur, max;
};

/* A child process (syscall_process.c): a host process running its own copy of the machine. */
struct linux_child {
    int32_t pid;         /* guest pid; 0: the slot is free */
    int32_t host_pid;    /* the host process that runs it */
    int32_t exit_signal; /* sent to the parent when it ends (clone's low byte: SIGCHLD, or 0) */
    bool notified;       /* exit_signal already sent for its end */
};

/* A guest thread (tasks.c).  Threads take turns on the machine's one hart: the running thread's
 * registers are the machine's hart and its per-thread fields are the process's `sigmask`,
 * `thread_pending`, `altstack_*`, `clear_child_tid` and `robust_list*`; the other threads keep
 * theirs here until their turn. */
enum linux_task_state {
    TASK_FREE = 0,       /* the slot holds no thread */
    TASK_RUNNABLE,       /* runs when its turn comes (the running thread is runnable too) */
    TASK_WAITING,        /* blocked: in FUTEX_WAIT on futex_addr, or (futex_addr 0) for a signal
                          * until the deadline (sigsuspend and pause: no deadline) */
    TASK_EXITED,         /* the running thread called exit: it leaves at the next switch */
};

struct linux_task {
    int32_t tid;
    uint8_t state;               /* enum linux_task_state */
    struct hart hart;            /* saved registers while another thread runs (instret unused) */
    uint64_t sigmask;
    uint64_t thread_pending;     /* signals sent to this thread (tkill, tgkill) */
    uint64_t altstack_sp, altstack_size;
    uint32_t altstack_flags;
    uint64_t clear_child_tid;    /* CLONE_CHILD_CLEARTID / set_tid_address */
    uint64_t robust_list, robust_list_len;
    /* A waiting thread: what wakes it. */
    uint64_t futex_addr;         /* 0: no futex (a timed sleep) */
    uint32_t futex_bitset;
    uint64_t deadline;           /* guest monotonic ns at which the wait times out; UINT64_MAX: never */
    uint64_t wait_seq;           /* waiters wake in the order they started waiting */
    bool suspended;              /* waits in rt_sigsuspend (or ppoll) with a temporary mask ... */
    uint64_t suspend_saved_mask; /* ... that its handler frame replaces with this one */
    uint64_t instret;            /* instructions this thread retired (statistics) */
};

struct linux_process {
    struct linux_options opt;
    int32_t pid, ppid;               /* LINUX_PID and LINUX_PPID unless forked */

    /* Memory layout policy. */
    uint64_t load_base;      /* 0 for ET_EXEC, the chosen base for static PIE */
    uint64_t brk_start, brk; /* program break: [brk_start, page_ceil(brk)) is mapped "[heap]" */
    uint64_t mmap_top;       /* top-down mmap placement starts below this address */
    uint64_t mmap_floor;     /* and never goes below this one */
    uint64_t stack_start, stack_end;

    /* Program identity. */
    char exe_path[LINUX_PATH_MAX];   /* absolute path: /proc/self/exe */
    uint64_t entry, phdr_addr, phnum;
    uint64_t arg_start, arg_end;     /* argument strings on the initial stack (/proc/self/cmdline) */
    uint64_t auxv_addr;              /* the auxiliary vector (/proc/self/auxv) */
    uint64_t start_stack;            /* initial sp (/proc/self/stat) */
    char comm[16];                   /* prctl(PR_SET_NAME) */

    /* Files. */
    struct linux_fd fds[LINUX_MAX_FDS];
    char cwd[LINUX_PATH_MAX];        /* the working directory (a host path) */
    char cwd_view[LINUX_PATH_MAX];   /* the guest's name for cwd_host ("": none; cwd_view.c) */
    char cwd_host[LINUX_PATH_MAX];   /* the host directory the run started in */
    uint32_t umask;
    uint32_t pipe_counter;           /* names pipes "pipe:[n]" reproducibly */
    struct linux_shared_map shared[LINUX_MAX_SHARED_MAPS];
    unsigned nshared;

    /* Signals (signal.c): dispositions, blocked and pending sets, the alternate stack, timers. */
    struct linux_sigaction sigactions[LINUX_NSIG + 1];   /* indexed by signal number */
    uint64_t sigmask;                /* of the running thread */
    uint64_t sigpending;             /* sent to the process: any thread that does not block it */
    uint64_t thread_pending;         /* sent to the running thread (siginfo: SI_TKILL from us) */
    struct linux_siginfo siginfo[LINUX_NSIG + 1];       /* of each pending signal */
    uint64_t altstack_sp, altstack_size;
    uint32_t altstack_flags;
    struct linux_timer timers[LINUX_NTIMERS];
    /* Within one system call only: the pc to continue at after it, and the mask rt_sigsuspend
     * replaced, which the handler frame must save instead (a thread that blocks in it keeps
     * the latter in its struct linux_task while others run). */
    uint64_t resume_pc;
    bool suspended;
    uint64_t suspend_saved_mask;

    /* The running thread's set_tid_address pointer and robust list head. */
    uint64_t clear_child_tid;
    uint64_t robust_list, robust_list_len;

    /* Threads (tasks.c): a deterministic round-robin in tid order.  The running thread switches
     * at the first instruction boundary at or after slice_end retired instructions when another
     * is runnable, or as soon as it blocks or exits. */
    struct linux_task tasks[LINUX_MAX_TASKS];
    unsigned cur;                    /* slot of the running thread */
    int32_t next_tid;                /* the tid the next clone gets */
    uint64_t slice_start, slice_end; /* the running thread's turn, in machine instret */
    uint64_t wait_seq;               /* counts futex waits (orders the waiters) */
    uint64_t threads_created, context_switches;   /* statistics */

    struct linux_rlimit rlimits[LINUX_RLIMITS];

    /* Child processes (host pids: never in a snapshot, which refuses while any exists). */
    struct linux_child children[LINUX_MAX_CHILDREN];
    uint64_t forks, execs;           /* statistics */

    /* Time and randomness. */
    uint64_t sleep_ns;               /* virtual time added by nanosleep and timeouts */
    uint64_t rng[4];                 /* xoshiro256** state */

    /* Host paths whose entry or content the guest changed (created, written, truncated,
     * renamed, linked or removed), absolute and owned, in first-touch order: a snapshot saves
     * their state so that a restore reproduces the files the guest saw. */
    char **touched;
    unsigned ntouched;
    bool touched_overflow;          /* more than LINUX_MAX_TOUCHED: the set is incomplete */

    /* Exit state (mirrors the machine's halt once the guest exits). */
    bool exited;
    int exit_status;
};

/* Creates a process with stdin/stdout/stderr passed through, cwd = the host cwd (shown to the
 * guest under opt->cwd), default limits.
 * NULL options mean deterministic defaults.  Returns NULL if out of memory. */
struct linux_process *linux_process_new(const struct linux_options *opt);
void linux_process_free(struct linux_process *p);

/* Loads the static RISC-V executable `path` into m (whose m->proc must exist): maps its segments,
 * builds the initial stack with argv/envp/auxv, and sets pc, sp and a0.  Returns 0, or 2 after
 * writing a one-line error such as "snapsim: prog: not a RISC-V executable (machine x86-64)" to
 * err (prefix included, no newline: print it as is). */
int linux_load(struct machine *m, const char *path, int argc, char *const argv[],
               char *const envp[], char *err, size_t errlen);

/* Snapshot support.  Before saving: writes shared mappings back and records each fd's file
 * position in fds[].offset.  After restoring the plain data of a process (paths included, host
 * descriptors meaningless): reopens every file at its recorded position; stdin/stdout/stderr
 * passthrough entries get the simulator's own 0/1/2.  Returns false with a one-line error if a
 * file cannot be reopened (pipes cannot be). */
void linux_snapshot_prepare(struct machine *m);
bool linux_snapshot_reopen(struct linux_process *p, char *err, size_t errlen);

/* Records that the guest changed the host entry at `path` (absolute).  Each path is kept once;
 * past LINUX_MAX_TOUCHED paths only touched_overflow is set (a snapshot then refuses). */
void linux_touch_path(struct linux_process *p, const char *path);

/* Threads that have not exited (running, runnable or waiting). */
unsigned tasks_alive(const struct linux_process *p);

/* The running thread's id. */
static inline int32_t linux_gettid(const struct linux_process *p) { return p->tasks[p->cur].tid; }

/* Guest processes (syscall_process.c).  The front end's part of a fork: `prepare` runs in the
 * parent before the host fork and may refuse it (a one-line reason in why: the guest's fork then
 * fails with ENOSYS); `child` runs in the new host process before it continues the guest, to
 * move its outputs aside (statistics, snapshots, progress). */
struct linux_fork_hooks {
    bool (*prepare)(void *ctx, char *why, size_t whylen);
    void (*child)(void *ctx, int32_t pid);
    void *ctx;
};
void linux_set_fork_hooks(const struct linux_fork_hooks *hooks);
/* Whether this host process runs a forked guest process (not the one the run started). */
bool linux_is_forked_child(void);
/* The last step of a forked guest process whose guest died by signal sig (0: it did not): the
 * host process dies by the same signal, without a core file, so that the parent's wait sees
 * WIFSIGNALED as Linux reports it.  Returns only when there is nothing to do. */
void linux_forked_child_end(int sig);
/* Whether a snapshot can hold the process: false, with a one-line reason, while it has child
 * processes (they are other host processes). */
bool linux_snapshot_allowed(const struct linux_process *p, char *why, size_t whylen);
/* Ends (SIGKILL) and reaps the children still running: the process is going away. */
void linux_children_kill(struct linux_process *p);

/* Deterministic generator shared by AT_RANDOM and getrandom (honours opt.host_random). */
void linux_random_bytes(struct linux_process *p, void *buf, size_t len);


#endif
