/* qsort and bsearch over integers, strings and structs (with a stable tie-break), plus a few
 * edge cases: empty and one-element arrays, all-equal keys, already sorted and reversed input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t lcg = 12345;

static uint32_t next_random(void)
{
    lcg = lcg * 1103515245u + 12345u;
    return lcg >> 8;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct person {
    char name[12];
    int age;
    int id;
};

/* Age descending, then name, then id: a total order, so the result is unique. */
static int cmp_person(const void *a, const void *b)
{
    const struct person *p = a, *q = b;
    if (p->age != q->age)
        return q->age - p->age;
    int c = strcmp(p->name, q->name);
    return c ? c : p->id - q->id;
}

static uint64_t hash_ints(const int *v, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint32_t)v[i]) * 1099511628211ULL;
    return h;
}

static int sorted(const int *v, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (v[i - 1] > v[i])
            return 0;
    return 1;
}

static void integers(void)
{
    enum { N = 5000 };
    static int v[N];
    for (int i = 0; i < N; i++)
        v[i] = (int)(next_random() % 20000) - 10000;
    qsort(v, N, sizeof v[0], cmp_int);
    printf("ints: sorted=%d min=%d max=%d median=%d hash=%016llx\n", sorted(v, N), v[0], v[N - 1],
           v[N / 2], (unsigned long long)hash_ints(v, N));
    int found = 0, missing = 0;
    for (int key = -10000; key < 10000; key += 7) {
        int *p = bsearch(&key, v, N, sizeof v[0], cmp_int);
        if (p && *p == key)
            found++;
        else if (!p)
            missing++;
    }
    printf("bsearch: found=%d missing=%d\n", found, missing);

    /* Degenerate inputs. */
    qsort(v, 0, sizeof v[0], cmp_int);
    qsort(v, 1, sizeof v[0], cmp_int);
    for (int i = 0; i < 1000; i++)
        v[i] = 1000 - i;
    qsort(v, 1000, sizeof v[0], cmp_int);
    printf("reversed: sorted=%d first=%d last=%d\n", sorted(v, 1000), v[0], v[999]);
    qsort(v, 1000, sizeof v[0], cmp_int);
    printf("already sorted: sorted=%d\n", sorted(v, 1000));
    for (int i = 0; i < 1000; i++)
        v[i] = 42;
    qsort(v, 1000, sizeof v[0], cmp_int);
    int key = 42, absent = 41;
    printf("all equal: sorted=%d bsearch hit=%d miss=%d\n", sorted(v, 1000),
           bsearch(&key, v, 1000, sizeof v[0], cmp_int) != NULL,
           bsearch(&absent, v, 1000, sizeof v[0], cmp_int) != NULL);
}

static void strings(void)
{
    static const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "apple", "date",
                                  "elderberry", "grape", "Apple", "kiwi", "lemon", "", "mango"};
    enum { N = sizeof words / sizeof words[0] };
    const char *w[N];
    memcpy(w, words, sizeof w);
    qsort(w, N, sizeof w[0], cmp_str);
    printf("strings:");
    for (int i = 0; i < N; i++)
        printf(" [%s]", w[i]);
    printf("\n");
    const char *key = "date";
    const char **hit = bsearch(&key, w, N, sizeof w[0], cmp_str);
    printf("bsearch date at %td\n", hit ? hit - w : -1);
}

static void structs(void)
{
    enum { N = 300 };
    static struct person p[N];
    static const char *names[] = {"ann", "bob", "cy", "dee", "eve", "fay", "gus"};
    for (int i = 0; i < N; i++) {
        snprintf(p[i].name, sizeof p[i].name, "%s", names[next_random() % 7]);
        p[i].age = 20 + (int)(next_random() % 15);
        p[i].id = i;
    }
    qsort(p, N, sizeof p[0], cmp_person);
    printf("structs:");
    for (int i = 0; i < N; i += 37)
        printf(" %s/%d/%d", p[i].name, p[i].age, p[i].id);
    printf("\n");
    struct person probe = {"cy", 25, 0};
    int lo = 0;
    for (int id = 0; id < N; id++) {
        probe.id = id;
        lo += bsearch(&probe, p, N, sizeof p[0], cmp_person) != NULL;
    }
    printf("cy aged 25: %d\n", lo);
}

int main(void)
{
    integers();
    strings();
    structs();
    return 0;
}
