/* A file mapping longer than its file: the page holding the end of the file reads zeros after
 * it, pages wholly past the end raise SIGBUS (BUS_ADRERR), as on Linux. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf escape;
static volatile int got_sig, got_code;
static volatile uintptr_t got_addr;

static void on_bus(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got_sig = sig;
    got_code = si->si_code;
    got_addr = (uintptr_t)si->si_addr;
    siglongjmp(escape, 1);
}

int main(void)
{
    int fd = open("scratch/short.bin", O_RDWR | O_CREAT | O_TRUNC, 0600);
    char data[5000];
    memset(data, 'x', sizeof data);
    if (fd < 0 || write(fd, data, sizeof data) != (ssize_t)sizeof data)
        return 1;
    volatile char *p = mmap(NULL, 4 * 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED)
        return 2;
    printf("last byte of the file: %c, next byte: %d, end of its page: %d\n", p[4999], p[5000], p[8191]);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);
    for (int page = 2; page < 4; page++) {
        got_sig = 0;
        if (sigsetjmp(escape, 1) == 0)
            printf("page %d: read %d\n", page, p[page * 4096 + 10]);
        printf("page %d: signal %d code %s offset %ld\n", page, got_sig,
               got_code == BUS_ADRERR ? "BUS_ADRERR" : "other", (long)(got_addr - (uintptr_t)p));
    }
    munmap((void *)p, 4 * 4096);
    close(fd);
    return 0;
}
