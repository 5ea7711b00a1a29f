/* See fork_cost.h. */
#include "debug/fork_cost.h"

#include <math.h>
#include <stdlib.h>

#include "core/host_usage.h"

#define MAX_PERIODS 65536               /* periods kept for the medians (the first ones) */

struct fork_cost {
    uint64_t period;
    uint64_t next_index;                /* the boundary that closes the open interval, +1 (0: none) */
    double opened_at;                   /* thread CPU seconds when it opened */
    uint64_t filled;                    /* places of the current period timed so far */
    double sum;                         /* ... their CPU seconds */
    double *cost, *clean;               /* per whole period: the fork's cost, the last interval */
    uint64_t periods;
};

struct fork_cost *fork_cost_create(uint64_t period)
{
    struct fork_cost *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->period = period;
    c->cost = malloc(MAX_PERIODS * sizeof *c->cost);
    c->clean = malloc(MAX_PERIODS * sizeof *c->clean);
    if (!c->cost || !c->clean) {
        fork_cost_free(c);
        return NULL;
    }
    return c;
}

void fork_cost_free(struct fork_cost *c)
{
    if (!c)
        return;
    free(c->cost);
    free(c->clean);
    free(c);
}

bool fork_cost_boundary(struct fork_cost *c, uint64_t index)
{
    double now = host_thread_cpu_seconds();
    uint64_t place = (index + c->period - 1) % c->period;       /* of the interval ending here */
    if (c->next_index == index + 1 && place == c->filled) {
        double t = now - c->opened_at;
        c->sum += t;
        if (++c->filled == c->period) {
            if (c->periods < MAX_PERIODS) {
                c->cost[c->periods] = c->sum - (double)c->period * t;
                c->clean[c->periods] = t;
            }
            c->periods++;
            c->filled = 0;
            c->sum = 0;
        }
    } else {                            /* a boundary skipped or the first one: start over */
        c->filled = 0;
        c->sum = 0;
    }
    c->next_index = index + 2;
    c->opened_at = now;
    return index % c->period == 0;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of v[0..n) and the distribution-free 95 % confidence interval around it: the
 * order statistics n/2 -+ 0.98 sqrt(n) (sorts v). */
struct estimate {
    double median, low, high;
};

static struct estimate estimate(double *v, uint64_t n)
{
    qsort(v, n, sizeof *v, by_value);
    double half = 0.98 * sqrt((double)n);
    double lo = floor((double)n / 2 - half), hi = ceil((double)n / 2 + half);
    return (struct estimate){
        .median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2,
        .low = v[lo < 0 ? 0 : (uint64_t)lo],
        .high = v[hi > (double)(n - 1) ? n - 1 : (uint64_t)hi],
    };
}

void fork_cost_stats(struct fork_cost *c, double child_seconds, cJSON *lightsss)
{
    cJSON *o = cJSON_CreateObject();
    uint64_t n = c->periods < MAX_PERIODS ? c->periods : MAX_PERIODS;
    cJSON_AddNumberToObject(o, "period", (double)c->period);
    cJSON_AddNumberToObject(o, "periods", (double)c->periods);
    if (n) {
        /* Sorted in place: statistics are written once, at the end. */
        struct estimate parent = estimate(c->cost, n), interval = estimate(c->clean, n);
        double per = interval.median > 0 ? 1 / interval.median : 0;
        cJSON_AddNumberToObject(o, "interval_cpu_seconds", interval.median);
        cJSON_AddNumberToObject(o, "parent_cost_seconds", parent.median);
        cJSON *range = cJSON_AddArrayToObject(o, "parent_cost_95");
        cJSON_AddItemToArray(range, cJSON_CreateNumber(parent.low));
        cJSON_AddItemToArray(range, cJSON_CreateNumber(parent.high));
        cJSON_AddNumberToObject(o, "child_cost_seconds", child_seconds);
        cJSON_AddNumberToObject(o, "overhead", (parent.median + child_seconds) * per);
        range = cJSON_AddArrayToObject(o, "overhead_95");
        cJSON_AddItemToArray(range, cJSON_CreateNumber((parent.low + child_seconds) * per));
        cJSON_AddItemToArray(range, cJSON_CreateNumber((parent.high + child_seconds) * per));
    }
    cJSON_AddItemToObject(lightsss, "measured", o);
}
