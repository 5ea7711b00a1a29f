/* Linux behaviour with unkind arguments: writev whose second buffer is unmapped writes the first
 * and returns its length; the number of open files follows RLIMIT_NOFILE's soft limit, lowered
 * and raised (the limits are set here: the starting ones depend on the host under qemu). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <unistd.h>

/* Opens files until EMFILE; returns the highest fd obtained (qemu-user itself holds a guest fd
 * or two, so the count would differ but the highest fd does not). */
static int open_until_full(void)
{
    int fd, last = -1;
    while ((fd = open("/dev/null", O_RDONLY)) >= 0)
        last = fd;
    return last;
}

int main(void)
{
    struct iovec iov[2] = { { "written\n", 8 }, { (void *)0x10, 8 } };
    fflush(stdout);
    ssize_t n = writev(1, iov, 2);
    printf("writev with a bad second buffer: %zd\n", n);
    iov[0].iov_base = (void *)0x10;
    printf("writev with a bad first buffer: %zd\n", writev(1, iov, 1));

    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = 200;
    printf("soft limit 200: %d\n", setrlimit(RLIMIT_NOFILE, &rl));
    printf("highest fd before EMFILE: %d\n", open_until_full());
    rl.rlim_cur = 1500;
    printf("soft limit 1500: %d\n", setrlimit(RLIMIT_NOFILE, &rl));
    printf("highest fd before EMFILE: %d\n", open_until_full());
    printf("dup2 onto fd 1499: %d, onto fd 1500: %d\n", dup2(0, 1499), dup2(0, 1500));
    return 0;
}
