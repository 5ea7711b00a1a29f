/* A one-shot handler (SA_RESETHAND) runs for the first SIGUSR1; the second one finds the default
 * action again and ends the program with status 128 + SIGUSR1.  A handled SIGTERM blocked
 * across the raise stays pending until the mask drops, then runs before sigprocmask returns. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static void on_signal(int sig) { printf("handler for %d\n", sig); }

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGTERM);
    printf("SIGTERM raised while blocked\n");
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    printf("SIGTERM unblocked\n");

    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("first SIGUSR1 handled\n");
    raise(SIGUSR1);
    printf("not reached\n");
    return 0;
}
