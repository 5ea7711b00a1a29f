/* Prints everything of the host a program can see through the process interface: the standard
 * streams' kinds and buffering, cwd (and a file reached through it by absolute name), argv,
 * environment, auxv, identity, uname, limits, page size and clocks -- each through glibc, the way
 * ordinary programs meet them.  Under snapsim's defaults all of it, and so the instruction count,
 * must be the same whichever directory, shell, or stdin/stdout/stderr kind it runs with. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static void stream(const char *name, int fd)
{
    struct stat st;
    int ok = fstat(fd, &st) == 0;
    printf("%s: tty=%d mode=%o blksize=%ld seek=%d\n", name, isatty(fd), ok ? (unsigned)st.st_mode : 0,
           ok ? (long)st.st_blksize : 0L, lseek(fd, 0, SEEK_CUR) >= 0);
}

int main(int argc, char **argv)
{
    stream("stdin", 0);
    stream("stdout", 1);
    stream("stderr", 2);
    char line[256];
    long lines = 0, bytes = 0;
    while (fgets(line, sizeof line, stdin)) {
        lines++;
        bytes += (long)strlen(line);
    }
    printf("stdin: %ld lines, %ld bytes\n", lines, bytes);

    char cwd[PATH_MAX], real[PATH_MAX], link[PATH_MAX];
    printf("cwd=%s\n", getcwd(cwd, sizeof cwd) ? cwd : "(error)");
    printf("realpath(.)=%s\n", realpath(".", real) ? real : "(error)");
    ssize_t n = readlink("/proc/self/cwd", link, sizeof link - 1);
    printf("/proc/self/cwd=%.*s\n", n > 0 ? (int)n : 0, link);
    char data[PATH_MAX + 16];
    snprintf(data, sizeof data, "%s/data.txt", cwd);
    FILE *f = fopen(data, "r");
    printf("cwd/data.txt by absolute name: %s\n", f && fgets(line, sizeof line, f) ? line : "(unreadable)\n");
    if (f)
        fclose(f);

    printf("argc=%d argv0=%s execfn=%s\n", argc, argv[0], (const char *)getauxval(AT_EXECFN));
    int nenv = 0;
    while (environ[nenv])
        nenv++;
    printf("environment: %d variables\n", nenv);
    printf("hwcap=%#lx pagesize=%ld clktck=%ld\n", getauxval(AT_HWCAP), sysconf(_SC_PAGESIZE),
           sysconf(_SC_CLK_TCK));
    printf("pid=%d ppid=%d uid=%d gid=%d\n", (int)getpid(), (int)getppid(), (int)getuid(), (int)getgid());
    struct utsname u;
    uname(&u);
    printf("uname: %s %s %s %s\n", u.sysname, u.nodename, u.release, u.machine);
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    printf("nofile=%llu stack=", (unsigned long long)rl.rlim_cur);
    getrlimit(RLIMIT_STACK, &rl);
    printf("%llu\n", (unsigned long long)rl.rlim_cur);
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    printf("monotonic=%lld.%09ld\n", (long long)ts.tv_sec, ts.tv_nsec);
    fprintf(stderr, "done\n");
    return 0;
}
