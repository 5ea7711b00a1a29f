/* Producers and consumers share a bounded ring through POSIX semaphores (futex waits when the
 * ring is full or empty) and a mutex; the totals printed after the joins do not depend on the
 * interleaving.  Also sched_yield, gettid distinctness and a timed wait that times out. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

enum { PRODUCERS = 3, CONSUMERS = 2, ITEMS = 400, SLOTS = 8 };

static int ring[SLOTS], head, tail;
static sem_t empty_slots, full_slots;
static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;
static long consumed_sum[CONSUMERS], consumed_count[CONSUMERS];
static pid_t tids[PRODUCERS + CONSUMERS];

static void *producer(void *arg)
{
    int id = (int)(long)arg;
    tids[id] = (pid_t)syscall(SYS_gettid);
    for (int i = 0; i < ITEMS; i++) {
        sem_wait(&empty_slots);
        pthread_mutex_lock(&ring_lock);
        ring[head] = id * 100000 + i;
        head = (head + 1) % SLOTS;
        pthread_mutex_unlock(&ring_lock);
        sem_post(&full_slots);
        if (i % 50 == 0)
            sched_yield();
    }
    return NULL;
}

static void *consumer(void *arg)
{
    int id = (int)(long)arg;
    tids[PRODUCERS + id] = (pid_t)syscall(SYS_gettid);
    for (;;) {
        sem_wait(&full_slots);
        pthread_mutex_lock(&ring_lock);
        int v = ring[tail];
        tail = (tail + 1) % SLOTS;
        pthread_mutex_unlock(&ring_lock);
        sem_post(&empty_slots);
        if (v < 0)
            break;
        consumed_sum[id] += v;
        consumed_count[id]++;
    }
    return NULL;
}

int main(void)
{
    sem_init(&empty_slots, 0, SLOTS);
    sem_init(&full_slots, 0, 0);
    pthread_t p[PRODUCERS], c[CONSUMERS];
    for (long i = 0; i < CONSUMERS; i++)
        pthread_create(&c[i], NULL, consumer, (void *)i);
    for (long i = 0; i < PRODUCERS; i++)
        pthread_create(&p[i], NULL, producer, (void *)i);
    for (int i = 0; i < PRODUCERS; i++)
        pthread_join(p[i], NULL);
    for (int i = 0; i < CONSUMERS; i++) {   /* one end marker per consumer */
        sem_wait(&empty_slots);
        pthread_mutex_lock(&ring_lock);
        ring[head] = -1;
        head = (head + 1) % SLOTS;
        pthread_mutex_unlock(&ring_lock);
        sem_post(&full_slots);
    }
    long sum = 0, count = 0;
    for (int i = 0; i < CONSUMERS; i++) {
        pthread_join(c[i], NULL);
        sum += consumed_sum[i];
        count += consumed_count[i];
    }
    printf("consumed %ld items, sum %ld\n", count, sum);
    int distinct = 1;
    pid_t me = (pid_t)syscall(SYS_gettid);
    for (int i = 0; i < PRODUCERS + CONSUMERS; i++) {
        distinct &= tids[i] != me && tids[i] > 0;
        for (int j = 0; j < i; j++)
            distinct &= tids[i] != tids[j];
    }
    printf("thread ids distinct: %s; main's tid is the pid: %s\n", distinct ? "yes" : "no",
           me == getpid() ? "yes" : "no");
    /* Nobody posts: the wait times out (in guest time under snapsim). */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 2000000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    int rc = sem_timedwait(&full_slots, &ts);
    printf("sem_timedwait on an empty semaphore: %s\n", rc == -1 && errno == ETIMEDOUT ? "ETIMEDOUT" : "?");
    return 0;
}
