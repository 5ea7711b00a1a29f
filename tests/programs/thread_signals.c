/* Signals and deaths among threads: pthread_kill runs the handler in the thread it names, a
 * process-directed signal goes to a thread that does not block it, a thread that dies holding
 * a robust mutex hands the next locker EOWNERDEAD, threads exit while others wait on futexes,
 * pthread_cancel ends a thread blocked in a condition wait, sigsuspend ends when another thread
 * signals, and clone with flag combinations
 * the kernel refuses gets EINVAL. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

static __thread volatile sig_atomic_t got_usr1;
static volatile sig_atomic_t usr2_by_main, usr2_by_other;
static pthread_t main_thread;

static void on_usr1(int sig) { (void)sig; got_usr1++; }
static void on_usr2(int sig)
{
    (void)sig;
    if (pthread_equal(pthread_self(), main_thread))
        usr2_by_main++;
    else
        usr2_by_other++;
}

static pthread_barrier_t ready;
static volatile int release_waiter;

static void *kill_target(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&ready);       /* main sends SIGUSR1 to this thread now */
    while (!got_usr1)
        sched_yield();
    return (void *)(long)got_usr1;
}

static void *usr2_taker(void *arg)
{
    (void)arg;
    sigset_t usr2;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    pthread_sigmask(SIG_UNBLOCK, &usr2, NULL);
    pthread_barrier_wait(&ready);       /* main, which blocks SIGUSR2, sends it to the process */
    while (!usr2_by_other)
        sched_yield();
    return NULL;
}

static void *kill_main(void *arg)
{
    (void)arg;
    pthread_barrier_wait(&ready);       /* main waits in sigsuspend (or is about to) */
    pthread_kill(main_thread, SIGUSR1);
    return NULL;
}

static pthread_mutex_t robust;
static void *die_holding(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&robust);
    return NULL;                        /* exits with the lock held */
}

static pthread_mutex_t wait_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;
static void unlock_wait_lock(void *arg)
{
    (void)arg;
    pthread_mutex_unlock(&wait_lock);   /* a cancelled condition wait holds the mutex again */
}

static void *wait_forever(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&wait_lock);
    pthread_cleanup_push(unlock_wait_lock, NULL);
    for (;;)
        pthread_cond_wait(&never, &wait_lock);   /* a cancellation point */
    pthread_cleanup_pop(1);
    return NULL;
}

static void *exit_early(void *arg)
{
    return arg;                         /* joined by main while others still wait */
}

int main(void)
{
    main_thread = pthread_self();
    signal(SIGUSR1, on_usr1);
    signal(SIGUSR2, on_usr2);

    pthread_barrier_init(&ready, NULL, 2);
    pthread_t t;
    void *r;
    int rc;
    pthread_create(&t, NULL, kill_target, NULL);
    pthread_barrier_wait(&ready);
    pthread_kill(t, SIGUSR1);
    pthread_join(t, &r);
    printf("pthread_kill: handler ran %ld time(s) in the target, %d in main\n", (long)r, got_usr1);

    sigset_t usr2;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &usr2, NULL);
    pthread_create(&t, NULL, usr2_taker, NULL);
    pthread_barrier_wait(&ready);
    kill(getpid(), SIGUSR2);
    pthread_join(t, NULL);
    printf("process-directed SIGUSR2: main %d, other thread %d\n", (int)usr2_by_main, (int)usr2_by_other);
    pthread_sigmask(SIG_UNBLOCK, &usr2, NULL);

    sigset_t usr1, none;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigemptyset(&none);
    pthread_sigmask(SIG_BLOCK, &usr1, NULL);
    pthread_create(&t, NULL, kill_main, NULL);
    pthread_barrier_wait(&ready);
    rc = sigsuspend(&none);
    sigset_t now;
    pthread_sigmask(SIG_SETMASK, NULL, &now);
    printf("sigsuspend woken by another thread: %s, handler ran %d time(s), SIGUSR1 blocked again: %s\n",
           rc == -1 && errno == EINTR ? "EINTR" : "?", got_usr1, sigismember(&now, SIGUSR1) ? "yes" : "no");
    pthread_join(t, NULL);
    pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);

    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&robust, &ma);
    pthread_create(&t, NULL, die_holding, NULL);
    pthread_join(t, NULL);
    rc = pthread_mutex_lock(&robust);
    printf("robust mutex after its owner died: %s\n", rc == EOWNERDEAD ? "EOWNERDEAD" : strerror(rc));
    if (rc == EOWNERDEAD)
        pthread_mutex_consistent(&robust);
    pthread_mutex_unlock(&robust);

    pthread_t waiters[3], early;
    for (int i = 0; i < 3; i++)
        pthread_create(&waiters[i], NULL, wait_forever, NULL);
    pthread_create(&early, NULL, exit_early, (void *)42L);
    pthread_join(early, &r);
    printf("a thread exited while three wait on a condition: returned %ld\n", (long)r);
    int cancelled = 0;
    for (int i = 0; i < 3; i++) {
        pthread_cancel(waiters[i]);
        pthread_join(waiters[i], &r);
        cancelled += r == PTHREAD_CANCELED;
    }
    printf("cancelled %d waiting threads\n", cancelled);

    long e1 = syscall(SYS_clone, CLONE_THREAD, 0, 0, 0, 0);
    int errno1 = errno;
    long e2 = syscall(SYS_clone, CLONE_SIGHAND | CLONE_THREAD, 0, 0, 0, 0);
    int errno2 = errno;
    printf("clone(CLONE_THREAD): %ld %s; clone(CLONE_SIGHAND|CLONE_THREAD): %ld %s\n", e1,
           errno1 == EINVAL ? "EINVAL" : "?", e2, errno2 == EINVAL ? "EINVAL" : "?");
    return 0;
}
