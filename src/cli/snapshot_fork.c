/* Snapshots written by forked children (see snapshot_fork.h). */
#include "cli/snapshot_fork.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/kcmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "checkpoint/ckpt_internal.h"
#include "cli/run.h"
#include "core/log.h"
#include "linux/process.h"
#include "snapshot/fd_io.h"

const struct config_key snapshot_fork_keys[] = {
    { "snapshot", "background", CONFIG_BOOL, "true", 0, 0, NULL,
      "write snapshots in a forked child, so the run stalls only for the fork (off: the run waits for each)" },
    { "snapshot", "jobs", CONFIG_UINT, "2", 1, 64, NULL,
      "snapshots being written in the background at once (the run waits for the oldest beyond that)" },
};
const size_t snapshot_fork_nkeys = sizeof snapshot_fork_keys / sizeof snapshot_fork_keys[0];

#define REPORT_PAYLOADS 64

struct report_payload {
    uint64_t hash, length, offset, stored;
};

/* What a child sends back before it exits: also the saved file contents it stored, which the
 * parent's chain must know of so that later snapshots reference them instead of copying. */
struct job_report {
    bool ok;
    struct ckpt_stats st;
    char err[2048];
    unsigned npayloads;      /* more than REPORT_PAYLOADS: the rest are stored again later */
    struct report_payload payload[REPORT_PAYLOADS];
};

struct job {
    pid_t pid;
    int fd;                  /* read end of the child's report pipe */
    char *path;
    char *name;              /* its absolute name, as the chain holds it */
    struct ckpt_chain *chain;
    double stall;            /* how long the fork held up the run */
};

struct snapshot_jobs {
    unsigned max, n;
    struct job *job;         /* oldest first */
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

struct snapshot_jobs *snapshot_jobs_create(const struct config *cfg)
{
    if (!config_bool(cfg, "snapshot", "background"))
        return NULL;
    struct snapshot_jobs *j = calloc(1, sizeof *j);
    unsigned max = (unsigned)config_uint(cfg, "snapshot", "jobs");
    if (!j || !(j->job = calloc(max, sizeof *j->job))) {
        free(j);
        return NULL;
    }
    j->max = max;
    return j;
}

static bool is_regular(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

const char *snapshot_fork_obstacle(const struct machine *m)
{
    const struct linux_process *p = m->proc;
    if (!p)
        return "no guest process";
    for (int i = 0; i < LINUX_MAX_FDS; i++) {
        const struct linux_fd *f = &p->fds[i];
        if (f->host_fd < 0 || f->passthrough)
            continue;
        if (f->flags & 3)           /* O_WRONLY, O_RDWR: the parent's guest may change it */
            return "the guest has a host file open for writing";
        struct stat st;
        if (fstat(f->host_fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode)))
            return "the guest has a host directory or device open";
    }
    if (p->nshared)
        return "the guest has shared file mappings";
    if (p->ntouched || p->touched_overflow)
        return "the guest changed host files";
    return NULL;
}

/* The position of every regular file the guest reads (and of a regular file as standard input),
 * taken in the parent at fork time.  A descriptor inherited through fork shares its position
 * with the parent, whose guest reads on while the child captures: the child gives each file
 * a description of its own at the recorded position (pin_files).  Contents cannot change under
 * the child: no file is open for writing and none was changed (snapshot_fork_obstacle). */
struct pin {
    int fd;
    off_t offset;
};

static struct pin *record_pins(const struct machine *m, unsigned *n)
{
    const struct linux_process *p = m->proc;
    struct pin *pins = NULL;
    unsigned cap = 0;
    *n = 0;
    for (int i = -1; i < LINUX_MAX_FDS; i++) {
        int fd = i < 0 ? STDIN_FILENO : p->fds[i].host_fd;
        if (i >= 0 && (fd < 0 || p->fds[i].passthrough))
            continue;
        if (!is_regular(fd))
            continue;
        if (*n == cap) {
            struct pin *more = realloc(pins, (cap = cap ? 2 * cap : 8) * sizeof *pins);
            if (!more) {
                free(pins);
                return NULL;
            }
            pins = more;
        }
        pins[(*n)++] = (struct pin){ fd, lseek(fd, 0, SEEK_CUR) };
    }
    if (!pins)
        pins = malloc(sizeof *pins);   /* none to pin: an empty list, not a failure */
    return pins;
}

static bool same_description(int a, int b)
{
    return syscall(SYS_kcmp, (long)getpid(), (long)getpid(), KCMP_FILE, (long)a, (long)b) == 0;
}

/* In the child: each recorded description replaced by a new one at the recorded position (the
 * descriptors that shared one share the new one, so duplicates are still seen as such). */
static bool pin_files(const struct pin *pins, unsigned n, char *err, size_t errlen)
{
    int *leader = malloc((n ? n : 1) * sizeof *leader);
    if (!leader)
        return snprintf(err, errlen, "out of memory"), false;
    for (unsigned i = 0; i < n; i++) {
        leader[i] = (int)i;
        for (unsigned k = 0; k < i && leader[i] == (int)i; k++)
            if (leader[k] == (int)k && same_description(pins[k].fd, pins[i].fd))
                leader[i] = (int)k;
    }
    bool ok = true;
    for (unsigned i = 0; i < n && ok; i++) {
        if (leader[i] != (int)i) {
            ok = dup2(pins[leader[i]].fd, pins[i].fd) >= 0;
            continue;
        }
        char self[64];
        snprintf(self, sizeof self, "/proc/self/fd/%d", pins[i].fd);
        int fd = open(self, O_RDONLY | O_CLOEXEC);
        ok = fd >= 0 && lseek(fd, pins[i].offset, SEEK_SET) == pins[i].offset && dup2(fd, pins[i].fd) >= 0;
        if (fd >= 0)
            close(fd);
    }
    if (!ok)
        snprintf(err, errlen, "cannot give the snapshot its own copy of a host file's position: %s",
                 strerror(errno));
    free(leader);
    return ok;
}

/* Test hook SNAPSIM_TEST_SNAPSHOT_CHILD_FAIL: "1" fails every child; "@N" only the one writing
 * the snapshot at instruction N, and late (after 0.3 s), so that the run reaches its next
 * snapshot point before the failure could be noticed. */
static bool fail_on_purpose(const struct machine *m)
{
    const char *hook = getenv("SNAPSIM_TEST_SNAPSHOT_CHILD_FAIL");
    if (!hook || !*hook)
        return false;
    if (*hook != '@')
        return true;
    if (strtoull(hook + 1, NULL, 10) != m->hart.instret)
        return false;
    nanosleep(&(struct timespec){ .tv_nsec = 300 * 1000 * 1000 }, NULL);
    return true;
}

/* In the child: the capture, its report, the end.  _exit: no atexit handler, no stdio flush of
 * the parent's buffers (flushed before the fork anyway), no statistics. */
static _Noreturn void child_capture(int fd, pid_t parent, struct machine *m, const char *path,
                                    struct ckpt_chain *chain, const struct ckpt_capture_opts *opts,
                                    const struct pin *pins, unsigned npins)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)        /* the parent died before the line above */
        _exit(1);
    signal(SIGINT, SIG_IGN);        /* the parent ends cleanly on these and waits for us */
    signal(SIGTERM, SIG_IGN);
    static struct job_report r;
    if (fail_on_purpose(m))
        snprintf(r.err, sizeof r.err, "failed on purpose (SNAPSIM_TEST_SNAPSHOT_CHILD_FAIL)");
    else if (pin_files(pins, npins, r.err, sizeof r.err))
        r.ok = ckpt_capture(m, path, chain, opts, &r.st, r.err, sizeof r.err) == 0;
    for (size_t i = 0; r.ok && chain && chain->n && i < chain->payloads.n && r.npayloads < REPORT_PAYLOADS; i++) {
        const struct ckpt_payload *p = &chain->payloads.v[i];
        if (!strcmp(p->dir, chain->dirs[0]))   /* stored by this capture */
            r.payload[r.npayloads++] = (struct report_payload){ p->hash, p->length, p->offset, p->stored };
    }
    bool sent = fd_write_all(fd, &r, sizeof r);
    _exit(r.ok && sent ? 0 : 1);
}

/* Collects job i (blocking or not); 1 done and written, 0 still running, -1 failed (reported). */
static int collect(struct snapshot_jobs *j, unsigned i, bool block)
{
    struct job *jb = &j->job[i];
    int status;
    pid_t got;
    while ((got = waitpid(jb->pid, &status, block ? 0 : WNOHANG)) < 0 && errno == EINTR)
        ;
    if (got == 0)
        return 0;
    static struct job_report r;
    memset(&r, 0, sizeof r);
    bool have = read(jb->fd, &r, sizeof r) == (ssize_t)sizeof r;
    close(jb->fd);
    bool ok = got == jb->pid && WIFEXITED(status) && WEXITSTATUS(status) == 0 && have && r.ok;
    if (!ok && have)
        log_msg("cannot write snapshot %s: %s", jb->path, r.err);
    else if (!ok && got == jb->pid && WIFSIGNALED(status))
        log_msg("cannot write snapshot %s: the process writing it was killed by signal %d", jb->path,
                WTERMSIG(status));
    else if (!ok)
        log_msg("cannot write snapshot %s: the process writing it ended without a report", jb->path);
    else
        run_snapshot_log(jb->path, &r.st, jb->stall);
    for (unsigned k = 0; ok && jb->chain && k < r.npayloads; k++)
        ckpt_payloads_add(&jb->chain->payloads, r.payload[k].hash, r.payload[k].length, jb->name,
                          r.payload[k].offset, r.payload[k].stored);
    free(jb->path);
    free(jb->name);
    memmove(jb, jb + 1, (j->n - i - 1) * sizeof *jb);
    j->n--;
    return ok ? 1 : -1;
}

/* Collects the finished children (all of them with `block`); false if one failed. */
static bool collect_all(struct snapshot_jobs *j, bool block)
{
    bool ok = true;
    for (unsigned i = 0; i < j->n;) {
        int r = collect(j, i, block);
        if (r == 0)
            i++;
        else if (r < 0)
            ok = false;
    }
    return ok;
}

/* The absolute name the snapshot will have (its directory exists; the snapshot not yet). */
static char *absolute_name(const char *path)
{
    char dir[PATH_MAX];
    const char *name = run_split_path(path, dir, sizeof dir);
    char *real = realpath(dir, NULL), *out = NULL;
    if (real && asprintf(&out, "%s%s%s", real, strcmp(real, "/") ? "/" : "", name) < 0)
        out = NULL;
    free(real);
    return out;
}

/* What a completed ckpt_capture() does to the run's state, done by the parent when it forks
 * the child that captures: the pages stored are no longer dirty, and the next incremental
 * snapshot has this one as its parent (or, after a standalone one, only this one). */
static void as_captured(struct machine *m, struct ckpt_chain *chain, const struct ckpt_capture_opts *opts,
                        char *name)
{
    bool incremental = chain && chain->n > 0 && chain->n < CKPT_MAX_CHAIN && !(opts && opts->independent);
    ckpt_clear_dirty(&m->mem);
    if (!chain) {
        free(name);
        return;
    }
    if (!incremental)
        ckpt_chain_free(chain);
    char **dirs = realloc(chain->dirs, (chain->n + 1) * sizeof *dirs);
    if (!dirs) {
        free(name);
        ckpt_chain_free(chain);     /* the next snapshot is then standalone */
        return;
    }
    memmove(dirs + 1, dirs, chain->n * sizeof *dirs);
    dirs[0] = name;
    chain->dirs = dirs;
    chain->n++;
}

bool snapshot_jobs_settle(struct snapshot_jobs *j, const struct ckpt_chain *chain,
                          const struct ckpt_capture_opts *opts)
{
    if (!j)
        return true;
    bool incremental = chain && chain->n > 0 && chain->n < CKPT_MAX_CHAIN && !(opts && opts->independent);
    return collect_all(j, incremental);
}

bool snapshot_jobs_start(struct snapshot_jobs *j, struct machine *m, const char *path,
                         struct ckpt_chain *chain, const struct ckpt_capture_opts *opts, bool *forked)
{
    *forked = false;
    if (!snapshot_jobs_settle(j, chain, opts))
        return false;
    while (j->n >= j->max)          /* bounded memory: wait for the oldest */
        if (collect(j, 0, true) < 0)
            return false;
    char *name = absolute_name(path), *copy = strdup(path), *name2 = name ? strdup(name) : NULL;
    unsigned npins;
    struct pin *pins = record_pins(m, &npins);
    int fds[2] = {-1, -1};
    if (!name || !copy || !name2 || !pins || pipe2(fds, O_CLOEXEC) != 0) {
        free(name);
        free(name2);
        free(copy);
        free(pins);
        return true;                /* synchronous, then */
    }
    fflush(NULL);                   /* the child must not inherit buffered output */
    pid_t parent = getpid();
    double t0 = now_seconds();
    pid_t pid = mem_fork_including(&m->mem);
    if (pid == 0) {
        close(fds[0]);
        child_capture(fds[1], parent, m, path, chain, opts, pins, npins);
    }
    double stall = now_seconds() - t0;
    free(pins);
    close(fds[1]);
    if (pid < 0) {
        log_once("snapshot-fork", "cannot fork to write snapshots in the background (%s): writing them "
                 "synchronously", strerror(errno));
        close(fds[0]);
        free(name);
        free(name2);
        free(copy);
        return true;
    }
    j->job[j->n++] = (struct job){ .pid = pid, .fd = fds[0], .path = copy, .name = name2, .chain = chain,
                                   .stall = stall };
    as_captured(m, chain, opts, name);
    *forked = true;
    return true;
}

bool snapshot_jobs_wait(struct snapshot_jobs *j)
{
    return !j || collect_all(j, true);
}

void snapshot_jobs_destroy(struct snapshot_jobs *j)
{
    if (!j)
        return;
    snapshot_jobs_wait(j);
    free(j->job);
    free(j);
}
