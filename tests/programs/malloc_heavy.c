/* Heap stress: many sizes, realloc growth and shrink, interleaved frees, a chained hash table
 * and a binary search tree, and allocations large enough that glibc serves them with mmap and
 * grows them with mremap.  Prints only contents-derived checksums, never addresses. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ULL;
    return h;
}

/* Blocks past 1 KiB get every 509th byte only: enough to catch lost pages, cheap to simulate. */
static size_t stride(size_t n) { return n > 1024 ? 509 : 1; }

/* Writes a pattern derived from the slot, so corruption shows when checked. */
static void fill(unsigned char *p, size_t n, unsigned slot)
{
    for (size_t i = 0; i < n; i += stride(n))
        p[i] = (unsigned char)(slot * 7 + i);
}

/* Checks the pattern as written by fill(p, written, slot) over the first n bytes. */
static int check_part(const unsigned char *p, size_t written, size_t n, unsigned slot)
{
    for (size_t i = 0; i < n; i += stride(written))
        if (p[i] != (unsigned char)(slot * 7 + i))
            return 0;
    return 1;
}

static int check(const unsigned char *p, size_t n, unsigned slot)
{
    return check_part(p, n, n, slot);
}

static void random_blocks(void)
{
    enum { SLOTS = 512, ROUNDS = 4000 };
    static unsigned char *blk[SLOTS];
    static size_t len[SLOTS];
    unsigned bad = 0, allocs = 0, frees = 0, reallocs = 0;
    for (int r = 0; r < ROUNDS; r++) {
        unsigned s = (unsigned)(rng() % SLOTS);
        if (!blk[s]) {
            /* Mostly small, sometimes medium, rarely past the mmap threshold. */
            uint64_t k = rng() % 100;
            size_t n = k < 80 ? rng() % 64 + 1 : k < 98 ? rng() % 4096 + 1 : rng() % 300000 + 140000;
            blk[s] = malloc(n);
            len[s] = n;
            fill(blk[s], n, s);
            allocs++;
        } else if (rng() % 3 == 0) {
            bad += !check(blk[s], len[s], s);
            size_t n = rng() % 2 ? len[s] * 2 + 1 : len[s] / 2 + 1;
            unsigned char *p = realloc(blk[s], n);
            if (!p)
                return;
            size_t keep = n < len[s] ? n : len[s];
            bad += !check_part(p, len[s], keep, s);
            blk[s] = p;
            len[s] = n;
            fill(p, n, s);
            reallocs++;
        } else {
            bad += !check(blk[s], len[s], s);
            free(blk[s]);
            blk[s] = NULL;
            frees++;
        }
    }
    for (unsigned s = 0; s < SLOTS; s++) {
        if (blk[s]) {
            bad += !check(blk[s], len[s], s);
            free(blk[s]);
        }
    }
    printf("random blocks: allocs=%u frees=%u reallocs=%u corrupt=%u\n", allocs, frees, reallocs,
           bad);
}

struct entry {
    char *key;
    long value;
    struct entry *next;
};

struct table {
    struct entry **bucket;
    size_t nbuckets, count;
};

static size_t hash_str(const char *s) { return (size_t)fnv(0xcbf29ce484222325ULL, s, strlen(s)); }

static void table_grow(struct table *t)
{
    size_t n = t->nbuckets ? t->nbuckets * 2 : 8;
    struct entry **b = calloc(n, sizeof *b);
    for (size_t i = 0; i < t->nbuckets; i++) {
        for (struct entry *e = t->bucket[i], *next; e; e = next) {
            next = e->next;
            size_t h = hash_str(e->key) % n;
            e->next = b[h];
            b[h] = e;
        }
    }
    free(t->bucket);
    t->bucket = b;
    t->nbuckets = n;
}

static void table_add(struct table *t, const char *key, long v)
{
    if (t->count >= t->nbuckets)
        table_grow(t);
    size_t h = hash_str(key) % t->nbuckets;
    for (struct entry *e = t->bucket[h]; e; e = e->next) {
        if (strcmp(e->key, key) == 0) {
            e->value += v;
            return;
        }
    }
    struct entry *e = malloc(sizeof *e);
    e->key = strdup(key);
    e->value = v;
    e->next = t->bucket[h];
    t->bucket[h] = e;
    t->count++;
}

static void hash_table(void)
{
    struct table t = {0};
    char key[32];
    for (int i = 0; i < 4000; i++) {
        snprintf(key, sizeof key, "key-%llu", (unsigned long long)(rng() % 2500));
        table_add(&t, key, i);
    }
    long total = 0;
    size_t longest = 0;
    for (size_t i = 0; i < t.nbuckets; i++) {
        size_t chain = 0;
        for (struct entry *e = t.bucket[i], *next; e; e = next) {
            next = e->next;
            total += e->value;
            chain++;
            free(e->key);
            free(e);
        }
        if (chain > longest)
            longest = chain;
    }
    free(t.bucket);
    printf("hash table: keys=%zu buckets=%zu total=%ld longest_chain=%zu\n", t.count, t.nbuckets,
           total, longest);
}

struct node {
    long key;
    struct node *left, *right;
};

static struct node *tree_insert(struct node *n, long key)
{
    if (!n) {
        n = calloc(1, sizeof *n);
        n->key = key;
        return n;
    }
    if (key < n->key)
        n->left = tree_insert(n->left, key);
    else if (key > n->key)
        n->right = tree_insert(n->right, key);
    return n;
}

static void tree_walk(const struct node *n, uint64_t *h, long *count, int depth, int *maxdepth)
{
    if (!n)
        return;
    if (depth > *maxdepth)
        *maxdepth = depth;
    tree_walk(n->left, h, count, depth + 1, maxdepth);
    *h = fnv(*h, &n->key, sizeof n->key);
    ++*count;
    tree_walk(n->right, h, count, depth + 1, maxdepth);
}

static void tree_free(struct node *n)
{
    if (!n)
        return;
    tree_free(n->left);
    tree_free(n->right);
    free(n);
}

static void binary_tree(void)
{
    struct node *root = NULL;
    for (int i = 0; i < 3000; i++)
        root = tree_insert(root, (long)(rng() % 100000) - 50000);
    uint64_t h = 0xcbf29ce484222325ULL;
    long count = 0;
    int depth = 0;
    tree_walk(root, &h, &count, 1, &depth);
    tree_free(root);
    printf("tree: nodes=%ld inorder_hash=%016llx depth=%d\n", count, (unsigned long long)h, depth);
}

static void big_blocks(void)
{
    /* Past glibc's mmap threshold: served by mmap, grown by mremap, zeroed by calloc. */
    size_t n = 3 << 20;
    unsigned char *p = malloc(n);
    fill(p, n, 3);
    p = realloc(p, n * 2);
    int ok = check(p, n, 3);
    memset(p + n, 0x5a, n);
    uint64_t h = fnv(0xcbf29ce484222325ULL, p + n - 100, 200);
    p = realloc(p, 100000);
    ok &= check_part(p, n, 100000, 3);
    free(p);
    unsigned char *z = calloc(1 << 20, 4);
    size_t nonzero = 0;
    for (size_t i = 0; i < (4u << 20); i += 4096)
        nonzero += z[i] != 0;
    free(z);
    void *aligned = NULL;
    int rc = posix_memalign(&aligned, 1 << 16, 70000);
    printf("big blocks: ok=%d hash=%016llx calloc_nonzero=%zu memalign_rc=%d aligned=%d\n", ok,
           (unsigned long long)h, nonzero, rc, ((uintptr_t)aligned & 0xffff) == 0);
    free(aligned);
}

int main(void)
{
    random_blocks();
    hash_table();
    binary_tree();
    big_blocks();
    return 0;
}
