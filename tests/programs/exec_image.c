/* execve: the errno of what cannot be executed, then new images in forked children (argv and
 * envp, inherited and close-on-exec descriptors, reset signal dispositions), a "#!" script whose
 * interpreter is this program, vfork + exec, posix_spawn, and finally an exec of the first
 * process itself (same pid).  Every image is this program, named by its own path, so that
 * qemu-riscv64 can run it too (tests/lib/qemu_binfmt.sh); exec_foreign covers host binaries. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void on_usr1(int sig) { (void)sig; }

static void show_errno(const char *what, int rc)
{
    printf("%s: %d %s\n", what, rc, rc < 0 ? strerror(errno) : "");
}

/* The new image of a child: what it received. */
static int child_image(int argc, char **argv)
{
    printf("child image: argc %d", argc);
    for (int i = 1; i < argc; i++)
        printf(" [%s]", argv[i]);
    int nenv = 0;
    while (environ[nenv])
        nenv++;
    printf("; %d environment strings, GREETING=%s\n", nenv, getenv("GREETING") ? getenv("GREETING") : "(none)");
    printf("child image: fd 5 open %d, close-on-exec fd 6 open %d\n", fcntl(5, F_GETFD) >= 0,
           fcntl(6, F_GETFD) >= 0);
    struct sigaction sa;
    sigaction(SIGUSR1, NULL, &sa);
    printf("child image: SIGUSR1 handler reset %d, ", sa.sa_handler == SIG_DFL);
    sigaction(SIGUSR2, NULL, &sa);
    sigset_t mask;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    printf("SIGUSR2 still ignored %d, SIGHUP still blocked %d\n", sa.sa_handler == SIG_IGN,
           sigismember(&mask, SIGHUP));
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    const char *base = strrchr(exe, '/');
    printf("child image: /proc/self/exe is %s\n", base ? base + 1 : exe);
    return 7;
}

static int run_and_wait(const char *what, pid_t pid)
{
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid) {
        printf("%s: fork or wait failed: %s\n", what, strerror(errno));
        return -1;
    }
    if (WIFEXITED(status))
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else
        printf("%s: status 0x%x\n", what, status);
    return status;
}

static char self[4096];   /* this program's path, as /proc/self/exe names it */

static void errors(const char *scratch)
{
    char *args[] = { "x", NULL };
    char *env[] = { NULL };
    char path[256];
    show_errno("execve of a missing file", execve("/nonexistent/program", args, env));
    show_errno("execve of a directory", execve(".", args, env));
    snprintf(path, sizeof path, "%s/text", scratch);
    FILE *f = fopen(path, "w");
    fputs("just some text\n", f);
    fclose(f);
    show_errno("execve of a file without execute permission", execve(path, args, env));
    chmod(path, 0755);
    show_errno("execve of an executable text file", execve(path, args, env));
    snprintf(path, sizeof path, "%s/bad-interp", scratch);
    f = fopen(path, "w");
    fputs("#!/nonexistent/interpreter -x\n", f);
    fclose(f);
    chmod(path, 0755);
    show_errno("execve of a script with a missing interpreter", execve(path, args, env));
    static char big[200 * 1024];
    memset(big, 'a', sizeof big - 1);
    char *big_args[] = { "x", big, NULL };
    show_errno("execve with a 200 KiB argument", execve(self, big_args, env));
    char **volatile bad_argv = (char **)8;   /* not a readable address */
    show_errno("execve with a bad argv", execve(self, bad_argv, env));
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "exec-child") == 0)
        return child_image(argc, argv);
    if (argc > 1 && strcmp(argv[1], "script-mode") == 0) {
        /* argv[0] is the interpreter's host path and argv[2] the script as exec named it */
        printf("interpreter: argc %d, script %s, then [%s]\n", argc, argv[2], argc > 3 ? argv[3] : "");
        return 8;
    }
    if (argc > 1 && strcmp(argv[1], "spawned") == 0) {
        printf("spawned: argc %d\n", argc);
        return 9;
    }
    if (argc > 2 && strcmp(argv[1], "final") == 0) {
        printf("final image: same pid %d\n", atoi(argv[2]) == (int)getpid());
        return 0;
    }
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    self[n > 0 ? n : 0] = 0;
    const char *scratch = argc > 1 ? argv[1] : "scratch";
    errors(scratch);

    /* fd 5 survives exec, fd 6 (close-on-exec) does not; SIGUSR1's handler is reset, the
     * ignored SIGUSR2 and the blocked SIGHUP stay. */
    dup2(1, 5);
    fcntl(dup2(1, 6), F_SETFD, FD_CLOEXEC);
    signal(SIGUSR1, on_usr1);
    signal(SIGUSR2, SIG_IGN);
    sigset_t hup;
    sigemptyset(&hup);
    sigaddset(&hup, SIGHUP);
    sigprocmask(SIG_BLOCK, &hup, NULL);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *args[] = { "exec_image", "exec-child", "two words", "", NULL };
        char *env[] = { "GREETING=hello", "OTHER=1", NULL };
        execve(self, args, env);
        _exit(100);
    }
    run_and_wait("exec child", pid);
    close(5);
    close(6);

    char script[256];
    snprintf(script, sizeof script, "%s/script", scratch);
    FILE *f = fopen(script, "w");
    fprintf(f, "#!%s script-mode\nthe interpreter does not read this\n", self);
    fclose(f);
    chmod(script, 0755);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        char *args[] = { "script", "arg1", NULL };
        execve(script, args, environ);
        _exit(100);
    }
    run_and_wait("script child", pid);

    fflush(stdout);
    pid = vfork();
    if (pid == 0) {
        char *args[] = { "exec_image", "spawned", NULL };
        execve(self, args, environ);
        _exit(100);
    }
    run_and_wait("vfork + exec child", pid);

    char *spawn_args[] = { "exec_image", "spawned", "by", "posix_spawn", NULL };
    fflush(stdout);
    int rc = posix_spawn(&pid, self, NULL, NULL, spawn_args, environ);
    printf("posix_spawn: %d\n", rc);
    if (rc == 0)
        run_and_wait("spawned child", pid);

    char pidtext[16];
    snprintf(pidtext, sizeof pidtext, "%d", (int)getpid());
    char *final_args[] = { "exec_image", "final", pidtext, NULL };
    fflush(stdout);
    execve(self, final_args, environ);
    printf("exec of the first process failed: %s\n", strerror(errno));
    return 1;
}
