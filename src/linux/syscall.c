/* System call dispatch: number in a7, arguments in a0-a5, result (or -errno) in a0. */
#include <stdio.h>

#include "core/log.h"
#include "core/guest_ops.h"
#include "linux/guest_ops.h"
#include "linux/syscall_internal.h"

/* Indexed by the RISC-V (asm-generic) system call number. */
static const syscall_fn table[] = {
    [17] = sys_getcwd, [23] = sys_dup, [24] = sys_dup3, [25] = sys_fcntl, [29] = sys_ioctl,
    [34] = sys_mkdirat, [35] = sys_unlinkat, [36] = sys_symlinkat, [37] = sys_linkat,
    [38] = sys_renameat, [43] = sys_statfs, [44] = sys_fstatfs, [45] = sys_truncate,
    [46] = sys_ftruncate, [48] = sys_faccessat, [49] = sys_chdir, [50] = sys_fchdir,
    [52] = sys_fchmod, [53] = sys_fchmodat, [54] = sys_fchownat, [55] = sys_fchown,
    [56] = sys_openat, [57] = sys_close, [59] = sys_pipe2, [61] = sys_getdents64, [62] = sys_lseek,
    [63] = sys_read, [64] = sys_write, [65] = sys_readv, [66] = sys_writev, [67] = sys_pread64,
    [68] = sys_pwrite64, [73] = sys_ppoll, [78] = sys_readlinkat, [79] = sys_newfstatat,
    [80] = sys_fstat, [82] = sys_fsync, [95] = sys_waitid, [83] = sys_fsync, [88] = sys_utimensat, [93] = sys_exit,
    [94] = sys_exit_group, [96] = sys_set_tid_address, [98] = sys_futex, [99] = sys_set_robust_list,
    [101] = sys_nanosleep, [102] = sys_getitimer, [103] = sys_setitimer,
    [107] = sys_timer_create, [108] = sys_timer_gettime, [109] = sys_timer_getoverrun,
    [110] = sys_timer_settime, [111] = sys_timer_delete, [113] = sys_clock_gettime, [114] = sys_clock_getres,
    [115] = sys_clock_nanosleep, [122] = sys_sched_setaffinity, [123] = sys_sched_getaffinity,
    [124] = sys_sched_yield, [129] = sys_kill, [130] = sys_tkill, [131] = sys_tgkill,
    [132] = sys_sigaltstack, [133] = sys_rt_sigsuspend, [134] = sys_rt_sigaction,
    [135] = sys_rt_sigprocmask, [136] = sys_rt_sigpending, [139] = sys_rt_sigreturn,
    [140] = sys_setpriority, [141] = sys_getpriority, [148] = sys_getresuid, [150] = sys_getresuid,
    [153] = sys_times, [154] = sys_process_group, [155] = sys_process_group,
    [156] = sys_process_group, [157] = sys_process_group, [158] = sys_getgroups, [160] = sys_uname,
    [163] = sys_getrlimit, [164] = sys_setrlimit, [165] = sys_getrusage, [166] = sys_umask,
    [167] = sys_prctl, [168] = sys_getcpu, [169] = sys_gettimeofday, [172] = sys_getpid,
    [173] = sys_getppid, [174] = sys_getuid, [175] = sys_getuid, [176] = sys_getgid,
    [177] = sys_getgid, [178] = sys_gettid, [179] = sys_sysinfo, [214] = sys_brk,
    [215] = sys_munmap, [216] = sys_mremap, [220] = sys_clone, [221] = sys_execve, [222] = sys_mmap, [223] = sys_fadvise64, [226] = sys_mprotect,
    [227] = sys_msync, [228] = sys_mlock, [229] = sys_mlock, [230] = sys_mlock, [231] = sys_mlock,
    [233] = sys_madvise, [259] = sys_riscv_flush_icache, [260] = sys_wait4, [261] = sys_prlimit64,
    [276] = sys_renameat2, [278] = sys_getrandom, [281] = sys_execveat, [283] = sys_membarrier, [291] = sys_statx,
    [293] = sys_rseq, [435] = sys_clone3, [436] = sys_close_range, [439] = sys_faccessat2,
};

void linux_syscall(struct machine *m)
{
    struct linux_process *p = m->proc;
    p->resume_pc = m->hart.pc + 4;   /* ecall has no compressed form */
    p->suspended = false;
    uint64_t nr = m->hart.x[17];
    const uint64_t *a = &m->hart.x[10];
    syscall_fn fn = nr < sizeof table / sizeof table[0] ? table[nr] : newlib_syscall(nr);
    int64_t result;
    if (guest_op_number(nr)) {
        result = linux_guest_op(m, nr, a);
    } else if (fn) {
        result = fn(m, a);
    } else {
        char key[48];
        const char *name = linux_syscall_name(nr);
        snprintf(key, sizeof key, "syscall %llu", (unsigned long long)nr);
        if (name)
            log_once(key, "unimplemented system call %llu (%s)", (unsigned long long)nr, name);
        else
            log_once(key, "unimplemented system call %llu", (unsigned long long)nr);
        result = -ENOSYS;
    }
    bool ended = m->halt == HALT_EXIT || m->halt == HALT_SIGNAL;
    if (!ended)
        m->hart.x[10] = (uint64_t)result;
    m->hart.pc = p->resume_pc;
    if (ended)
        return;
    /* Signals the call made deliverable are delivered on its way back, as the kernel does. */
    signal_deliver_pending(m);
    if (p->suspended && p->tasks[p->cur].state == TASK_RUNNABLE) {
        /* woken without a handler: the temporary mask goes away (a thread that waits keeps it) */
        p->sigmask = p->suspend_saved_mask;
        p->suspended = false;
    }
}
