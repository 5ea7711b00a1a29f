/* Creating and freeing the emulated process: stdio passthrough, cwd, limits, signals, RNG. */
#include "linux/process.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "linux/syscall_internal.h"

#define RLIM_INF UINT64_MAX

/* Limits a fresh login shell typically has; fixed so the guest sees the same values every run. */
static const struct linux_rlimit default_rlimits[LINUX_RLIMITS] = {
    [0] = { RLIM_INF, RLIM_INF },                   /* CPU */
    [1] = { RLIM_INF, RLIM_INF },                   /* FSIZE */
    [2] = { RLIM_INF, RLIM_INF },                   /* DATA */
    [3] = { 8u << 20, RLIM_INF },                   /* STACK */
    [4] = { 0, RLIM_INF },                          /* CORE */
    [5] = { RLIM_INF, RLIM_INF },                   /* RSS */
    [6] = { 63432, 63432 },                         /* NPROC */
    [7] = { 1024, LINUX_MAX_FDS },                  /* NOFILE */
    [8] = { 8u << 20, 8u << 20 },                   /* MEMLOCK */
    [9] = { RLIM_INF, RLIM_INF },                   /* AS */
    [10] = { RLIM_INF, RLIM_INF },                  /* LOCKS */
    [11] = { 63432, 63432 },                        /* SIGPENDING */
    [12] = { 819200, 819200 },                      /* MSGQUEUE */
    [13] = { 0, 0 },                                /* NICE */
    [14] = { 0, 0 },                                /* RTPRIO */
    [15] = { RLIM_INF, RLIM_INF },                  /* RTTIME */
};

static uint64_t splitmix64(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

struct linux_process *linux_process_new(const struct linux_options *opt)
{
    struct linux_process *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    /* A guest write to a pipe without readers must come back as EPIPE (the guest then gets its
     * own SIGPIPE) instead of killing the simulator. */
    signal(SIGPIPE, SIG_IGN);
    /* Every guest fd is backed by a host fd: let the host allow as many as the guest may have. */
    struct rlimit host_nofile;
    if (getrlimit(RLIMIT_NOFILE, &host_nofile) == 0 && host_nofile.rlim_cur < LINUX_MAX_FDS + 64) {
        host_nofile.rlim_cur = host_nofile.rlim_max < LINUX_MAX_FDS + 64 ? host_nofile.rlim_max
                                                                         : LINUX_MAX_FDS + 64;
        setrlimit(RLIMIT_NOFILE, &host_nofile);
    }
    if (opt)
        p->opt = *opt;
    memcpy(p->rlimits, default_rlimits, sizeof p->rlimits);   /* fd_install reads NOFILE */
    for (int i = 0; i < LINUX_MAX_FDS; i++)
        p->fds[i].host_fd = -1;
    static const char *const std_names[3] = { "/dev/stdin", "/dev/stdout", "/dev/stderr" };
    for (int i = 0; i < 3; i++) {
        int accmode = i == 0 ? 0 : 1;   /* O_RDONLY, O_WRONLY */
        if (fd_install(p, i, i, accmode, false, true, std_names[i]) != i) {
            linux_process_free(p);
            return NULL;
        }
    }
    if (!getcwd(p->cwd, sizeof p->cwd))
        strcpy(p->cwd, "/");
    cwd_view_init(p, p->opt.cwd);
    p->opt.cwd = NULL;   /* the process is plain data: no pointer into the configuration */
    p->umask = 022;
    if (!p->opt.quantum)
        p->opt.quantum = LINUX_DEFAULT_QUANTUM;
    p->pid = LINUX_PID;
    p->ppid = LINUX_PPID;
    p->tasks[0] = (struct linux_task){ .tid = LINUX_PID, .state = TASK_RUNNABLE };
    p->next_tid = LINUX_PID + 1;
    p->slice_end = p->opt.quantum;
    uint64_t s = p->opt.seed;
    for (int i = 0; i < 4; i++)
        p->rng[i] = splitmix64(&s);
    return p;
}

void linux_process_free(struct linux_process *p)
{
    if (!p)
        return;
    linux_children_kill(p);
    shared_map_release(p);
    for (int i = 0; i < LINUX_MAX_FDS; i++)
        if (p->fds[i].host_fd >= 0)
            fd_close(p, i);
    for (unsigned i = 0; i < p->ntouched; i++)
        free(p->touched[i]);
    free(p->touched);
    free(p);
}
