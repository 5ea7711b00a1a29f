#include "cli/run_monitor.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct sigaction old_int, old_term;

static void on_signal(int sig)
{
    machine_stop_requested = sig;
    /* A second SIGINT/SIGTERM acts as usual: the user can always stop the simulator. */
    signal(sig, SIG_DFL);
}

void run_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    machine_stop_requested = 0;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
}

void run_signals_restore(void)
{
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
}

int run_interrupted(void)
{
    return (int)machine_stop_requested;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void print_line(struct progress *p, bool last)
{
    /* Racy reads of counters another thread advances: only ever displayed. */
    uint64_t instret = __atomic_load_n(&p->m->hart.instret, __ATOMIC_RELAXED);
    uint64_t cycles = p->model->cycles ? p->model->cycles(p->inst, p->m) : instret;
    double t = now_seconds() - p->start_seconds;
    double rate = t > 0 ? (double)(instret - p->start_instret) / t : 0;
    char line[256];
    int n = snprintf(line, sizeof line, "snapsim: progress: %llu instructions, %.1f MIPS",
                     (unsigned long long)instret, rate / 1e6);
    if (cycles != instret && t > 0)
        n += snprintf(line + n, sizeof line - (size_t)n, ", %llu cycles, %.2f Mcycles/s",
                      (unsigned long long)cycles, (double)cycles / t / 1e6);
    if (p->limit > instret && rate > 0 && !last)
        n += snprintf(line + n, sizeof line - (size_t)n, ", ETA %.0f s", (double)(p->limit - instret) / rate);
    fprintf(stderr, p->tty ? "\r%s\033[K%s" : "%s\n%s", line, p->tty && last ? "\n" : "");
    fflush(stderr);
}

static void *progress_main(void *arg)
{
    struct progress *p = arg;
    pthread_mutex_lock(&p->lock);
    while (!p->stop) {
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_sec += 1;
        pthread_cond_timedwait(&p->wake, &p->lock, &deadline);
        if (!p->stop) {
            print_line(p, false);
            p->printed = true;
        }
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

void progress_start(struct progress *p, bool wanted, const struct machine *m, const struct model *model,
                    struct model_instance *inst, uint64_t limit)
{
    memset(p, 0, sizeof *p);
    p->tty = isatty(2);
    if (!wanted && !p->tty)
        return;
    p->wanted = wanted;
    p->m = m;
    p->model = model;
    p->inst = inst;
    p->limit = limit;
    p->start_instret = m->hart.instret;
    p->start_seconds = now_seconds();
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->wake, NULL);
    p->running = pthread_create(&p->thread, NULL, progress_main, p) == 0;
}

void progress_stop(struct progress *p)
{
    if (!p->running)
        return;
    pthread_mutex_lock(&p->lock);
    p->stop = true;
    pthread_cond_signal(&p->wake);
    pthread_mutex_unlock(&p->lock);
    pthread_join(p->thread, NULL);
    if (p->wanted || p->printed)   /* a short run on a terminal ends without a progress line */
        print_line(p, true);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->wake);
    p->running = false;
}
