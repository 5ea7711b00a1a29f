/* A guest that tries to change host files: removes argv[1], creates argv[2], creates argv[3].
 * Under the sandbox the first two lie outside the allowed directories and must fail with
 * EACCES, the third lies inside and must succeed.  Prints one line per attempt. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void report(const char *what, const char *path, int rc)
{
    printf("%s %s: %s\n", what, path, rc == 0 ? "done" : strerror(errno));
}

int main(int argc, char **argv)
{
    if (argc != 4)
        return 2;
    report("unlink", argv[1], unlink(argv[1]));
    for (int i = 2; i <= 3; i++) {
        int fd = open(argv[i], O_WRONLY | O_CREAT | O_TRUNC, 0644);
        report("create", argv[i], fd < 0 ? -1 : 0);
        if (fd >= 0)
            close(fd);
    }
    return 0;
}
