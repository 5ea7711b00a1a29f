/* What a RISC-V Linux without x86-64 emulation does with the host's own programs: execve of
 * an x86-64 /bin/sh fails with ENOEXEC (snapsim never runs host binaries), so system() gets
 * its child's exit status 127, as from a shell that could not be run. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    char *args[] = { "sh", "-c", "exit 3", NULL };
    char *env[] = { NULL };
    int rc = execve("/bin/sh", args, env);
    printf("execve of the host's /bin/sh: %d %s\n", rc, strerror(errno));
    fflush(stdout);
    int status = system("exit 3");
    printf("system() with a foreign /bin/sh: %s %d\n", WIFEXITED(status) ? "exited" : "status",
           WIFEXITED(status) ? WEXITSTATUS(status) : status);
    return 0;
}
