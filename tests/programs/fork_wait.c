/* Guest processes: fork children that compute and exit with codes, wait for them in a fixed
 * order, a pipe from children to the parent (EOF once every writer is gone), a child killed by a
 * signal, vfork, the SIGCHLD handler, waitid and the errors of waiting with no child.  Nothing
 * printed depends on pids or on which process the host runs first. */
#define _GNU_SOURCE   /* the CLONE_ flags */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t sigchld_count;
static volatile sig_atomic_t sigchld_code;

static void on_sigchld(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    sigchld_count++;
    sigchld_code = si->si_code;
}

static unsigned long collatz_steps(unsigned long n)
{
    unsigned long steps = 0;
    while (n != 1) {
        n = n % 2 ? 3 * n + 1 : n / 2;
        steps++;
    }
    return steps;
}

static void describe(const char *what, int status)
{
    if (WIFEXITED(status))
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("%s: killed by signal %d\n", what, WTERMSIG(status));
    else
        printf("%s: status 0x%x\n", what, status);
}

/* Children compute, write their result to a pipe each and exit with a code; the parent waits
 * for each in reverse order, then reads every pipe to EOF.  (One pipe per child keeps the
 * parent's instructions independent of the order in which the host ran the children.) */
static void compute_children(void)
{
    enum { N = 4 };
    int fds[N][2];
    pid_t pids[N];
    for (int i = 0; i < N; i++) {
        if (pipe(fds[i]) != 0) {
            perror("pipe");
            exit(1);
        }
        fflush(stdout);
        pids[i] = fork();
        if (pids[i] < 0) {
            perror("fork");
            exit(1);
        }
        if (pids[i] == 0) {
            close(fds[i][0]);
            unsigned long steps = collatz_steps(27 + (unsigned long)i * 1000);
            char line[64];
            int n = snprintf(line, sizeof line, "child %d: %lu steps\n", i, steps);
            if (write(fds[i][1], line, (size_t)n) != n)
                _exit(100);
            _exit(10 + i);
        }
        close(fds[i][1]);
    }
    for (int i = N - 1; i >= 0; i--) {
        int status = 0;
        pid_t got = waitpid(pids[i], &status, 0);
        char what[32];
        snprintf(what, sizeof what, "child %d", i);
        if (got != pids[i])
            printf("%s: waitpid returned %d (%s)\n", what, (int)got, strerror(errno));
        else
            describe(what, status);
    }
    for (int i = 0; i < N; i++) {
        char buf[128];
        size_t len = 0;
        ssize_t n;
        while ((n = read(fds[i][0], buf + len, sizeof buf - 1 - len)) > 0)
            len += (size_t)n;
        buf[len] = 0;
        printf("pipe %d: %s", i, buf);
        printf("pipe %d: read returned %zd at EOF\n", i, n);
        close(fds[i][0]);
    }
}

/* A child blocked reading a pipe nobody writes is killed; another one aborts. */
static void signalled_children(void)
{
    int fds[2];
    if (pipe(fds) != 0)
        exit(1);
    fflush(stdout);
    pid_t blocked = fork();
    if (blocked == 0) {
        char c;
        close(fds[1]);
        ssize_t n = read(fds[0], &c, 1);
        _exit(n == 0 ? 50 : 51);
    }
    close(fds[0]);
    int status = 0;
    printf("waitpid WNOHANG on a running child: %d\n", (int)waitpid(blocked, &status, WNOHANG));
    kill(blocked, SIGKILL);
    if (waitpid(blocked, &status, 0) == blocked)
        describe("killed child", status);
    close(fds[1]);

    fflush(stdout);
    pid_t aborting = fork();
    if (aborting == 0) {
        struct rlimit no_core = {0, 0};
        setrlimit(RLIMIT_CORE, &no_core);
        abort();
    }
    if (waitpid(aborting, &status, 0) == aborting)
        describe("aborting child", status);
}

/* SIGCHLD arrives once per child that ended; waitid reports it in a siginfo. */
static void sigchld_and_waitid(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigchld;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);
    fflush(stdout);
    pid_t child = fork();
    if (child == 0)
        _exit(42);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int rc = waitid(P_PID, (id_t)child, &si, WEXITED | WNOWAIT);
    printf("waitid WNOWAIT: rc %d signo %d code %d status %d pid matches %d\n", rc, si.si_signo,
           si.si_code, si.si_status, si.si_pid == child);
    memset(&si, 0, sizeof si);
    rc = waitid(P_ALL, 0, &si, WEXITED);
    printf("waitid P_ALL: rc %d signo %d code %d status %d pid matches %d\n", rc, si.si_signo,
           si.si_code, si.si_status, si.si_pid == child);
    printf("SIGCHLD handler ran %d time(s), si_code %d\n", (int)sigchld_count, (int)sigchld_code);
    memset(&si, 0, sizeof si);
    errno = 0;
    rc = waitid(P_ALL, 0, &si, WEXITED | WNOHANG);
    printf("waitid with no child: rc %d errno %s\n", rc, strerror(errno));

    /* sigsuspend returns once the child's SIGCHLD was handled (blocked until then, so it
     * cannot be missed). */
    sigset_t chld, empty;
    sigemptyset(&chld);
    sigemptyset(&empty);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    sigchld_count = 0;
    fflush(stdout);
    child = fork();
    if (child == 0)
        _exit(5);
    errno = 0;
    rc = sigsuspend(&empty);
    printf("sigsuspend: %d (%s), SIGCHLD handler ran %d time(s)\n", rc, strerror(errno), (int)sigchld_count);
    int status = 0;
    if (waitpid(child, &status, 0) == child)
        describe("child that ended during sigsuspend", status);
    sigprocmask(SIG_UNBLOCK, &chld, NULL);
    signal(SIGCHLD, SIG_DFL);
}

static void vfork_child(void)
{
    fflush(stdout);
    pid_t child = vfork();
    if (child == 0)
        _exit(7);
    int status = 0;
    if (waitpid(child, &status, 0) == child)
        describe("vfork child", status);
}

/* A pipe whose reader is another process that is gone: the writer gets EPIPE with SIGPIPE
 * ignored, and dies by SIGPIPE with the default action. */
static void broken_pipes(void)
{
    int fds[2];
    if (pipe(fds) != 0)
        exit(1);
    fflush(stdout);
    pid_t reader = fork();
    if (reader == 0) {
        close(fds[1]);
        char c;
        _exit(read(fds[0], &c, 1) == 1 ? c : 0);   /* one byte, then the read end goes */
    }
    close(fds[0]);
    if (write(fds[1], "\x21", 1) != 1)
        exit(1);
    int status;
    waitpid(reader, &status, 0);
    describe("reader", status);
    signal(SIGPIPE, SIG_IGN);
    errno = 0;
    printf("write with the reader gone, SIGPIPE ignored: %zd (%s)\n", write(fds[1], "x", 1), strerror(errno));
    signal(SIGPIPE, SIG_DFL);
    fflush(stdout);
    pid_t writer = fork();
    if (writer == 0) {
        ssize_t n = write(fds[1], "x", 1);
        _exit(n < 0 ? 60 : 61);   /* not reached: SIGPIPE ends the process */
    }
    close(fds[1]);
    waitpid(writer, &status, 0);
    describe("writer to a pipe without readers", status);
}

/* Flag combinations the kernel itself refuses with EINVAL (no process is created). */
static void bad_clones(void)
{
    static const struct { const char *what; unsigned long flags; } cases[] = {
        { "CLONE_SIGHAND without CLONE_VM", CLONE_SIGHAND | SIGCHLD },
        { "CLONE_NEWNS with CLONE_FS", CLONE_NEWNS | CLONE_FS | SIGCHLD },
        { "CLONE_PIDFD with CLONE_PARENT_SETTID", CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int tid = 0;
        errno = 0;
        long r = syscall(SYS_clone, cases[i].flags, 0, &tid, 0, &tid);
        if (r == 0)
            _exit(99);   /* not reached where the kernel's rules hold */
        printf("clone %s: %ld (%s)\n", cases[i].what, r, strerror(errno));
    }
}

int main(void)
{
    pid_t me = getpid();
    compute_children();
    signalled_children();
    sigchld_and_waitid();
    vfork_child();
    broken_pipes();
    bad_clones();

    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        printf("child: getppid is the parent: %d, getpid differs: %d\n", getppid() == me, getpid() != me);
        fflush(stdout);
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    errno = 0;
    printf("wait with no child: %d (%s)\n", (int)wait(&status), strerror(errno));
    errno = 0;
    printf("waitpid of no such child: %d (%s)\n", (int)waitpid(12345, &status, 0), strerror(errno));
    errno = 0;
    printf("wait4 with bad options: %d (%s)\n", (int)wait4(-1, &status, 0x100, NULL), strerror(errno));
    return 0;
}
