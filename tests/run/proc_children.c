/* A parent with a child for tests/run/processes.sh:
 *   proc_children checkpoint   the checkpoint op while a child exists (refused: the run ends)
 *   proc_children after        the checkpoint op once the child was waited for (written)
 *   proc_children exit         a child blocked forever on a pipe; the parent exits 3 without
 *                              waiting for it
 *   proc_children kill         the same child; the parent dies by SIGKILL
 *   proc_children wait         the same child; the parent waits for it forever
 * "child ready" is printed once the child runs. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "snapsim/ops.h"

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    int fds[2], ready[2];
    if (pipe(fds) != 0 || pipe(ready) != 0)
        return 1;
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        char c;
        close(fds[1]);
        printf("child ready\n");
        fflush(stdout);
        close(ready[1]);   /* the parent's read of `ready` returns 0: the child runs */
        return read(fds[0], &c, 1) == 1 ? 0 : 5;   /* blocks until the parent writes */
    }
    close(fds[0]);
    close(ready[1]);
    char c;
    if (read(ready[0], &c, 1) != 0)
        return 1;
    close(ready[0]);
    if (!strcmp(mode, "checkpoint")) {
        printf("checkpoint with a child: %ld\n", snapsim_checkpoint());
        return 1;
    }
    if (!strcmp(mode, "after")) {
        if (write(fds[1], "x", 1) != 1)
            return 1;
        close(fds[1]);   /* a pipe cannot be in a snapshot */
        int status;
        waitpid(child, &status, 0);
        printf("child exited %d\n", WEXITSTATUS(status));
        fflush(stdout);
        printf("checkpoint without a child: %ld\n", snapsim_checkpoint());
        return 0;
    }
    if (!strcmp(mode, "kill"))
        raise(SIGKILL);
    if (!strcmp(mode, "wait"))
        waitpid(child, NULL, 0);
    return 3;
}
