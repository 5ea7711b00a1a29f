/* A guest that tries to change host files: changes the mode and times of argv[1] (by path and
 * through an fd opened for reading), removes it, creates argv[2], creates argv[3] and changes
 * its mode.  Under the sandbox the first two lie outside the allowed directories and every
 * attempt on them must fail with EACCES; the third lies inside and must succeed.  Prints one
 * line per attempt. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void report(const char *what, const char *path, int rc)
{
    printf("%s %s: %s\n", what, path, rc == 0 ? "done" : strerror(errno));
}

int main(int argc, char **argv)
{
    if (argc != 4)
        return 2;
    report("chmod", argv[1], chmod(argv[1], 0600));
    struct timespec times[2] = {{.tv_sec = 12345}, {.tv_sec = 12345}};
    report("utimensat", argv[1], utimensat(AT_FDCWD, argv[1], times, 0));
    int rd = open(argv[1], O_RDONLY);
    report("fchmod", argv[1], rd < 0 ? -1 : fchmod(rd, 0600));
    if (rd >= 0)
        close(rd);
    report("unlink", argv[1], unlink(argv[1]));
    for (int i = 2; i <= 3; i++) {
        int fd = open(argv[i], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        report("create", argv[i], fd < 0 ? -1 : 0);
        if (fd >= 0)
            close(fd);
    }
    report("chmod", argv[3], chmod(argv[3], 0600));
    return 0;
}
