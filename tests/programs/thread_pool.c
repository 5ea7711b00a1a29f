/* A pool of worker threads takes jobs from a queue guarded by a mutex and two condition
 * variables, each job a checksum of a block of generated data; the main thread joins them and
 * prints the results, so the output is the same whatever the interleaving.  Exercises clone,
 * futex wait/wake/requeue (condvar broadcast), thread-local storage and pthread_join. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

enum { WORKERS = 4, JOBS = 24, BLOCK = 2048 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t have_job = PTHREAD_COND_INITIALIZER, job_done = PTHREAD_COND_INITIALIZER;
static int next_job, done_jobs, stop;
static uint32_t results[JOBS];
static __thread unsigned jobs_by_me;     /* thread-local: each worker counts its own */
static __thread uint32_t tls_seed = 12345;

static uint32_t checksum(int job)
{
    uint32_t x = 0x9e3779b9u * (uint32_t)(job + 1), a = 1, b = 0;
    for (int i = 0; i < BLOCK; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        a = (a + (x & 0xff)) % 65521;
        b = (b + a) % 65521;
    }
    return b << 16 | a;
}

static void *worker(void *arg)
{
    (void)arg;
    tls_seed += 1;   /* each thread has its own copy: stays 12346 */
    pthread_mutex_lock(&lock);
    for (;;) {
        while (next_job == JOBS && !stop)
            pthread_cond_wait(&have_job, &lock);
        if (next_job == JOBS)
            break;
        int job = next_job++;
        pthread_mutex_unlock(&lock);
        uint32_t r = checksum(job);
        jobs_by_me++;
        pthread_mutex_lock(&lock);
        results[job] = r;
        done_jobs++;
        pthread_cond_signal(&job_done);
    }
    pthread_mutex_unlock(&lock);
    return (void *)(uintptr_t)(jobs_by_me * 1000 + (tls_seed - 12000));
}

int main(void)
{
    pthread_t t[WORKERS];
    pthread_mutex_lock(&lock);
    next_job = JOBS;   /* workers wait until the queue is filled */
    pthread_mutex_unlock(&lock);
    for (int i = 0; i < WORKERS; i++)
        if (pthread_create(&t[i], NULL, worker, NULL) != 0) {
            puts("pthread_create failed");
            return 1;
        }
    pthread_mutex_lock(&lock);
    next_job = 0;
    pthread_cond_broadcast(&have_job);
    while (done_jobs < JOBS)
        pthread_cond_wait(&job_done, &lock);
    stop = 1;
    pthread_cond_broadcast(&have_job);
    pthread_mutex_unlock(&lock);
    unsigned total_jobs = 0, seeds_ok = 1;
    for (int i = 0; i < WORKERS; i++) {
        void *r;
        pthread_join(t[i], &r);
        uintptr_t v = (uintptr_t)r;
        total_jobs += (unsigned)(v / 1000);
        seeds_ok &= v % 1000 == 346;
    }
    uint32_t sum = 0;
    for (int i = 0; i < JOBS; i++) {
        printf("job %2d: %08x\n", i, results[i]);
        sum = sum * 31 + results[i];
    }
    printf("checksum %08x, jobs %u, thread-local seeds %s, main's seed %u, main's jobs %u\n", sum,
           total_jobs, seeds_ok ? "private" : "SHARED", tls_seed, jobs_by_me);
    return 0;
}
