/* Private contract between the system call files of the Linux layer: the handler signature, the
 * guest ABI constants that differ from (or must not depend on) the host's, and shared helpers. */
#ifndef SNAPSIM_LINUX_SYSCALL_INTERNAL_H
#define SNAPSIM_LINUX_SYSCALL_INTERNAL_H

#include <errno.h>
#include <stdint.h>

#include "core/machine.h"
#include "linux/process.h"

/* A handler gets the six argument registers and returns the a0 value (negative errno on error). */
typedef int64_t (*syscall_fn)(struct machine *m, const uint64_t a[6]);

const char *linux_syscall_name(uint64_t nr);

/* Guest ABI values (asm-generic, what RISC-V uses); translated explicitly so the host's own
 * constants never leak into the guest. */
enum {
    G_O_ACCMODE = 03, G_O_CREAT = 0100, G_O_EXCL = 0200, G_O_NOCTTY = 0400, G_O_TRUNC = 01000,
    G_O_APPEND = 02000, G_O_NONBLOCK = 04000, G_O_DSYNC = 010000, G_O_ASYNC = 020000,
    G_O_DIRECT = 040000, G_O_LARGEFILE = 0100000, G_O_DIRECTORY = 0200000,
    G_O_NOFOLLOW = 0400000, G_O_NOATIME = 01000000, G_O_CLOEXEC = 02000000,
    G_O_SYNC = 04010000, G_O_PATH = 010000000, G_O_TMPFILE = 020200000,
};
#define G_AT_FDCWD (-100)
enum {
    G_AT_SYMLINK_NOFOLLOW = 0x100, G_AT_REMOVEDIR = 0x200, G_AT_EACCESS = 0x200,
    G_AT_SYMLINK_FOLLOW = 0x400, G_AT_NO_AUTOMOUNT = 0x800, G_AT_EMPTY_PATH = 0x1000,
};

/* Arguments as the kernel sees them. */
static inline int arg_int(uint64_t v) { return (int)(int32_t)v; }

/* ---- fd table (fdtable.c) ---- */
/* Lowest free guest fd >= minfd that takes ownership of host_fd and path; -EMFILE if none
 * (the host fd is then closed unless passthrough). */
int fd_install(struct linux_process *p, int minfd, int host_fd, int flags, bool cloexec,
               bool passthrough, const char *path);
/* One more than the highest fd the guest may open: RLIMIT_NOFILE's soft limit. */
int fd_limit(const struct linux_process *p);
/* The open entry for a guest fd, or NULL (the caller returns -EBADF). */
struct linux_fd *fd_get(struct linux_process *p, int64_t fd);
/* Closes a guest fd (the host fd too unless passthrough); -EBADF if not open. */
int fd_close(struct linux_process *p, int fd);
/* Guest open flags <-> host open flags. */
int open_flags_to_host(int guest);
int open_flags_to_guest(int host);

/* ---- paths (path.c) ---- */
/* Resolves a guest path relative to dirfd (or the emulated cwd for AT_FDCWD) into an absolute,
 * cleaned-up path in out[LINUX_PATH_MAX].
 * Returns 0, -EBADF, -ENOTDIR, -ENOENT (empty path) or -ENAMETOOLONG. */
int path_resolve(const struct linux_process *p, int64_t dirfd, const char *path, char *out);
/* Reads a guest path string and resolves it; with allow_empty an empty string resolves to the
 * dirfd's own path (for AT_EMPTY_PATH).  /proc/self/exe becomes the guest program's path. */
int path_from_guest(struct machine *m, int64_t dirfd, uint64_t addr, bool allow_empty, char *out);
/* Lexical cleanup of an absolute path in place: drops "." and repeated or trailing slashes
 * ("/a/./b//" -> "/a/b"); ".." is kept since it may follow a symbolic link. */
void path_normalize(char *path);

/* ---- the guest's /proc (procfs.c) ---- */
/* What follows "/proc/self/", "/proc/thread-self/" or "/proc/<guest pid>/" in an absolute path,
 * or NULL. */
const char *proc_self_entry(const struct linux_process *p, const char *path);
/* Opens a generated /proc entry of the guest: false if path is not one (the host answers),
 * else true with the new guest fd or -errno in *result. */
bool procfs_open(struct machine *m, const char *path, int flags, int64_t *result);
/* ---- the start directory's guest name, linux:cwd (cwd_view.c) ---- */
/* Sets the view up from the host cwd in p->cwd; "host" (or anything not absolute) turns it off. */
void cwd_view_init(struct linux_process *p, const char *view);
/* An absolute guest path as a host path in out[LINUX_PATH_MAX]; 0 or -ENAMETOOLONG. */
int cwd_view_to_host(const struct linux_process *p, const char *guest, char *out);
/* A host path as the guest names it: out, or host itself when the view does not rename it. */
const char *cwd_view_from_host(const struct linux_process *p, const char *host, char *out);

/* ---- memory helpers (syscall_mem.c) ---- */
/* Linux's default vm.mmap_min_addr: MAP_FIXED below it is EPERM for an unprivileged process. */
#define LINUX_MMAP_MIN_ADDR 0x10000ull
/* The region tag of the pages of a file mapping past the end of the file (access: SIGBUS). */
#define LINUX_PAST_EOF_TAG "file past EOF"
/* Host pointer to a guest range that may be accessed with `need` permissions, or NULL.  With
 * MEM_W the caller may write the range (mem_before_write is done); it calls mem_mark_dirty for
 * what it wrote. */
void *guest_ptr(struct machine *m, uint64_t addr, uint64_t len, unsigned need);

/* ---- MAP_SHARED file mappings (shared_map.c) ---- */
/* Records a shared mapping of host_fd (duplicated here); false if the table is full. */
bool shared_map_add(struct linux_process *p, uint64_t addr, uint64_t len, int host_fd,
                    uint64_t offset, bool writable, const char *path);
/* Writes every writable shared mapping's changed bytes back to its file. */
void shared_map_flush(struct machine *m);
/* Re-reads every shared mapping from its file (after the guest wrote to some file). */
void shared_map_reload(struct machine *m);
/* Writes back and stops tracking whatever part of [addr, addr+len) is shared (munmap etc.). */
void shared_map_forget(struct machine *m, uint64_t addr, uint64_t len);
/* Drops every shared mapping without writing back (process teardown after flushing). */
void shared_map_release(struct linux_process *p);

/* ---- time (syscall_time.c) ---- */
/* Nanoseconds on a guest clock (CLOCK_REALTIME, CLOCK_MONOTONIC, ...); -EINVAL if unknown. */
int64_t clock_now_ns(struct machine *m, int64_t clock, uint64_t *ns);
/* Lets ns of guest time pass: advances the virtual clock (firing the timers that expire on the
 * way), or sleeps with host time.  Returns the time not slept: nonzero when a deliverable
 * signal cut the sleep short (the caller returns -EINTR). */
uint64_t clock_sleep_ns(struct machine *m, uint64_t ns);
/* Reads a guest struct timespec into nanoseconds; -EFAULT or -EINVAL (out of range). */
int timespec_from_guest(struct machine *m, uint64_t addr, uint64_t *ns);

/* ---- signals (signal.c, signal_frame.c, syscall_timer.c) ---- */
enum {
    G_SIGILL = 4, G_SIGTRAP = 5, G_SIGABRT = 6, G_SIGBUS = 7, G_SIGFPE = 8, G_SIGKILL = 9,
    G_SIGSEGV = 11, G_SIGPIPE = 13, G_SIGALRM = 14, G_SIGCHLD = 17, G_SIGCONT = 18,
    G_SIGSTOP = 19, G_SIGTSTP = 20, G_SIGTTIN = 21, G_SIGTTOU = 22, G_SIGURG = 23,
    G_SIGVTALRM = 26, G_SIGPROF = 27, G_SIGWINCH = 28,
};
enum {
    G_SA_SIGINFO = 4, G_SA_ONSTACK = 0x08000000, G_SA_RESTART = 0x10000000,
    G_SA_NODEFER = 0x40000000, G_SA_RESETHAND = (int)0x80000000u,
};
enum { G_SI_USER = 0, G_SI_KERNEL = 0x80, G_SI_TIMER = -2, G_SI_TKILL = -6 };
enum { G_SS_ONSTACK = 1, G_SS_DISABLE = 2, G_SS_AUTODISARM = (int)(1u << 31) };
#define G_SIG_DFL 0
#define G_SIG_IGN 1
#define G_SIG_UNBLOCKABLE ((1ull << (G_SIGKILL - 1)) | (1ull << (G_SIGSTOP - 1)))
/* Timers 0..2 are ITIMER_REAL, ITIMER_VIRTUAL and ITIMER_PROF; timer_create's follow. */
#define G_POSIX_TIMER_BASE 3

static inline uint64_t sig_bit(int sig) { return 1ull << (sig - 1); }

/* Makes sig pending with the given siginfo (unless its disposition discards it). */
void signal_send(struct machine *m, int sig, const struct linux_siginfo *info);
/* Whether sig's disposition throws it away (an ignored signal is never made pending). */
bool signal_ignored(const struct linux_process *p, int sig);
/* A write's result: -EPIPE also sends SIGPIPE, as a write to a pipe without readers does. */
int64_t signal_if_broken_pipe(struct machine *m, int64_t result);
/* Delivers every pending, unblocked signal at the current instruction boundary (hart.pc is
 * where the program continues): handler frames are stacked, default actions applied. */
void signal_deliver_pending(struct machine *m);
/* Whether a pending signal is unblocked (a sleep or wait ends for it). */
bool signal_deliverable(const struct linux_process *p);
/* Whether sp lies on the alternate signal stack. */
bool signal_on_altstack(const struct linux_process *p, uint64_t sp);
/* Pushes the rt_sigframe of one handler invocation (RISC-V Linux layout) and points the hart at
 * the handler; false if the frame cannot be written. */
bool signal_frame_push(struct machine *m, int sig, const struct linux_siginfo *info,
                       uint64_t saved_mask);
/* Maps the page holding the rt_sigreturn trampoline handlers return to (once). */
bool signal_trampoline_map(struct machine *m);
/* Guest time of a timer's clock (ns since the program started); CPU-time timers count retired
 * instructions only. */
uint64_t timer_now(const struct machine *m, unsigned timer);
bool timer_is_cpu(const struct linux_process *p, unsigned timer);
/* Guest ns until the next expiry of a timer that runs while the program sleeps (UINT64_MAX:
 * none armed). */
uint64_t timers_next_wall_ns(const struct machine *m);
/* Sends the signals of expired timers and re-arms periodic ones; true if any expired. */
bool timers_fire_due(struct machine *m);
/* Waits (in guest time) until a signal is deliverable: -EINTR, or -EDEADLK with the run
 * stopped if nothing could ever send one. */
int64_t signal_wait(struct machine *m);

/* ---- processes (syscall_process.c) ---- */
enum {
    G_CLONE_VM = 0x100, G_CLONE_FS = 0x200, G_CLONE_FILES = 0x400, G_CLONE_SIGHAND = 0x800,
    G_CLONE_PIDFD = 0x1000, G_CLONE_PTRACE = 0x2000, G_CLONE_VFORK = 0x4000,
    G_CLONE_PARENT = 0x8000, G_CLONE_THREAD = 0x10000, G_CLONE_SYSVSEM = 0x40000,
    G_CLONE_SETTLS = 0x80000, G_CLONE_PARENT_SETTID = 0x100000, G_CLONE_CHILD_CLEARTID = 0x200000,
    G_CLONE_DETACHED = 0x400000, G_CLONE_UNTRACED = 0x800000, G_CLONE_CHILD_SETTID = 0x1000000,
    G_CLONE_IO = 0x80000000,
};
/* What a clone child's registers (thread or process) get instead of its parent's: its own stack
 * (newsp 0: the same) and TLS, and no LR/SC reservation. */
static inline void clone_child_hart(struct hart *h, uint64_t flags, uint64_t newsp, uint64_t tls)
{
    if (newsp)
        h->x[2] = newsp;
    if (flags & G_CLONE_SETTLS)
        h->x[4] = tls;
    h->reservation_valid = false;
}
/* clone of a new process (a host fork): the guest pid, 0 in the child, or -errno. */
int64_t process_fork(struct machine *m, uint64_t flags, uint64_t newsp, uint64_t ptid, uint64_t tls,
                     uint64_t ctid);
/* A successful execve: a vfork parent waiting for it continues. */
void process_exec_done(void);
/* The process waits for a signal with nothing in it able to send one: waits on the host for a
 * child to end and sends its exit signal; false if no child is left to send one. */
bool process_wait_for_child_signal(struct machine *m);
/* kill() of other guest processes (pid > 0 a child, 0 or -pgid the children of the group);
 * -ESRCH when pid is no child. */
int64_t process_kill(struct machine *m, int64_t pid, int sig);

/* ---- threads (tasks.c, syscall_futex.c) ---- */
/* The slot of the live thread `tid`, or -1. */
int task_find(const struct linux_process *p, int64_t tid);
/* The running thread waits: on the futex word at futex_addr (0: a plain sleep) for a wake that
 * matches bitset, at most timeout_ns of guest time (UINT64_MAX: forever).  The model returns to
 * linux_run_model, which switches threads.  False (nothing changed) when a signal is already
 * deliverable: the call returns -EINTR instead. */
bool task_block(struct machine *m, uint64_t futex_addr, uint32_t bitset, uint64_t timeout_ns);
/* Ends a waiting thread's wait: its call returns `result`. */
void task_wake(struct machine *m, unsigned slot, int64_t result);
/* The running thread exits (not the last one): robust locks released, clear_child_tid cleared
 * and woken, and the run switches to another thread. */
int64_t task_exit(struct machine *m, int status);
/* Wakes up to n waiters on addr whose bitset intersects `bitset`, oldest first; the count. */
unsigned futex_wake(struct machine *m, uint64_t addr, uint32_t bitset, uint64_t n);
/* Wakes nwake waiters on addr and moves up to nrequeue more to addr2; the count of both. */
unsigned futex_requeue(struct machine *m, uint64_t addr, uint64_t addr2, uint64_t nwake,
                       uint64_t nrequeue);
/* Marks the futexes of the running thread's robust list OWNER_DIED (it is exiting as `tid`). */
void robust_list_release(struct machine *m, int32_t tid);

/* ---- handlers ---- */
#define SYSCALL(name) int64_t sys_##name(struct machine *m, const uint64_t a[6])
/* files: syscall_fs.c, syscall_fd.c, syscall_io.c, syscall_stat.c, syscall_poll.c */
SYSCALL(openat); SYSCALL(close); SYSCALL(close_range); SYSCALL(dup); SYSCALL(dup3);
SYSCALL(fcntl); SYSCALL(pipe2); SYSCALL(ioctl);
SYSCALL(read); SYSCALL(write); SYSCALL(readv); SYSCALL(writev); SYSCALL(pread64);
SYSCALL(pwrite64); SYSCALL(lseek); SYSCALL(ftruncate); SYSCALL(truncate); SYSCALL(fsync);
SYSCALL(fstat); SYSCALL(newfstatat); SYSCALL(statx); SYSCALL(getdents64);
SYSCALL(faccessat); SYSCALL(faccessat2); SYSCALL(unlinkat); SYSCALL(renameat);
SYSCALL(renameat2); SYSCALL(mkdirat); SYSCALL(readlinkat); SYSCALL(getcwd); SYSCALL(chdir);
SYSCALL(fchdir); SYSCALL(umask); SYSCALL(fchmod); SYSCALL(fchmodat); SYSCALL(symlinkat);
SYSCALL(linkat); SYSCALL(utimensat); SYSCALL(fchown); SYSCALL(fchownat); SYSCALL(statfs);
SYSCALL(fstatfs); SYSCALL(ppoll); SYSCALL(fadvise64);
/* memory: syscall_mem.c */
SYSCALL(brk); SYSCALL(mmap); SYSCALL(munmap); SYSCALL(mremap); SYSCALL(mprotect);
SYSCALL(madvise); SYSCALL(msync); SYSCALL(mlock);
/* process: syscall_proc.c */
SYSCALL(set_robust_list); SYSCALL(rseq);
SYSCALL(prlimit64); SYSCALL(getrlimit); SYSCALL(setrlimit); SYSCALL(getpid); SYSCALL(getppid);
SYSCALL(getuid); SYSCALL(getgid); SYSCALL(getresuid); SYSCALL(uname); SYSCALL(sysinfo);
SYSCALL(sched_getaffinity); SYSCALL(prctl);
SYSCALL(getrusage); SYSCALL(riscv_flush_icache); SYSCALL(membarrier); SYSCALL(process_group);
SYSCALL(getgroups); SYSCALL(getcpu); SYSCALL(sched_setaffinity); SYSCALL(getpriority);
SYSCALL(setpriority);
/* processes: syscall_process.c, exec.c */
SYSCALL(wait4); SYSCALL(waitid); SYSCALL(execve); SYSCALL(execveat);
/* threads: syscall_thread.c, syscall_futex.c */
SYSCALL(clone); SYSCALL(clone3); SYSCALL(gettid); SYSCALL(set_tid_address); SYSCALL(exit);
SYSCALL(exit_group); SYSCALL(sched_yield); SYSCALL(futex);
/* signals: syscall_signal.c */
SYSCALL(rt_sigaction); SYSCALL(rt_sigprocmask); SYSCALL(sigaltstack); SYSCALL(kill);
SYSCALL(tkill); SYSCALL(tgkill); SYSCALL(rt_sigpending); SYSCALL(rt_sigsuspend);
SYSCALL(rt_sigreturn);
/* the legacy newlib numbers (1024 and up): syscall_newlib.c */
syscall_fn newlib_syscall(uint64_t nr);
SYSCALL(newlib_open); SYSCALL(newlib_link); SYSCALL(newlib_unlink); SYSCALL(newlib_mkdir);
SYSCALL(newlib_access); SYSCALL(newlib_stat); SYSCALL(newlib_lstat); SYSCALL(newlib_time);
/* timers: syscall_timer.c */
SYSCALL(getitimer); SYSCALL(setitimer); SYSCALL(timer_create); SYSCALL(timer_settime);
SYSCALL(timer_gettime); SYSCALL(timer_getoverrun); SYSCALL(timer_delete);
/* time and randomness: syscall_time.c */
SYSCALL(clock_gettime); SYSCALL(clock_getres); SYSCALL(gettimeofday); SYSCALL(nanosleep);
SYSCALL(clock_nanosleep); SYSCALL(times); SYSCALL(getrandom);

#endif
