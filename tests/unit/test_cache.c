/* Cache tag array and memory-system latency tests: hand-computed access sequences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/config.h"
#include "timing/cache.h"
#include "timing/memsys.h"
#include "timing/timing_config.h"
#include "timing/timing_stats.h"

static struct cache make(uint32_t nsets, uint32_t nways, uint32_t block, enum repl_policy pol,
                         uint64_t seed)
{
    struct cache c;
    char err[200];
    struct cache_params p = { "test", nsets, nways, block, pol, 1, seed };
    assert_true(cache_init(&c, &p, err, sizeof err));
    return c;
}

/* Runs a sequence of reads; writes one character per access, 'h' or 'm'. */
static void reads(struct cache *c, const uint64_t *addrs, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = cache_access(c, addrs[i], false, NULL) ? 'h' : 'm';
    out[n] = 0;
}

static void test_bad_geometry(void **state)
{
    (void)state;
    struct cache c;
    char err[200];
    struct cache_params p = { "fetch:l1ic", 12, 2, 16, REPL_LRU, 1, 0 };
    assert_false(cache_init(&c, &p, err, sizeof err));
    assert_non_null(strstr(err, "fetch:l1ic: number of sets must be a power of two"));
    assert_non_null(strstr(err, "got 12"));
    p = (struct cache_params){ "x", 16, 3, 16, REPL_LRU, 1, 0 };
    assert_false(cache_init(&c, &p, err, sizeof err));
    assert_non_null(strstr(err, "ways"));
    p = (struct cache_params){ "x", 16, 2, 2, REPL_LRU, 1, 0 };
    assert_false(cache_init(&c, &p, err, sizeof err));
    assert_non_null(strstr(err, "block size"));
    p = (struct cache_params){ "x", 0, 2, 16, REPL_LRU, 1, 0 };
    assert_false(cache_init(&c, &p, err, sizeof err));
    p = (struct cache_params){ "x", 1u << 22, 64, 16, REPL_LRU, 1, 0 };
    assert_false(cache_init(&c, &p, err, sizeof err));
    assert_non_null(strstr(err, "more than"));
}

static void test_direct_mapped(void **state)
{
    (void)state;
    struct cache c = make(4, 1, 16, REPL_LRU, 0);   /* 64 bytes: set = bits 4..5 */
    const uint64_t a[] = { 0x00, 0x04, 0x0f, 0x10, 0x40, 0x00, 0x10, 0x50, 0x10 };
    char got[16];
    reads(&c, a, 9, got);
    /* 0x40 and 0x00 conflict in set 0 (two evictions); 0x50 and 0x10 in set 1 (two more). */
    assert_string_equal(got, "mhhmmmhmm");
    assert_int_equal(c.stats.accesses, 9);
    assert_int_equal(c.stats.hits, 3);
    assert_int_equal(c.stats.misses, 6);
    assert_int_equal(c.stats.evictions, 4);
    assert_int_equal(c.stats.writebacks, 0);
    cJSON *j = cache_stats_json(&c);
    assert_non_null(j);
    assert_int_equal(cJSON_GetObjectItem(j, "misses")->valuedouble, 6);
    assert_int_equal(cJSON_GetObjectItem(j, "evictions")->valuedouble, 4);
    cJSON_Delete(j);
    cache_free(&c);
}

static void test_two_way_lru_order(void **state)
{
    (void)state;
    struct cache c = make(2, 2, 16, REPL_LRU, 0);   /* blocks 0x00 0x20 0x40 share set 0 */
    const uint64_t A = 0x00, B = 0x20, C = 0x40;
    const uint64_t a[] = { A, B, A, C, A, B, C, A };
    char got[16];
    reads(&c, a, 8, got);
    /* A B miss; A hit (B is LRU); C evicts B; A hit; B evicts C; C evicts A; A evicts B. */
    assert_string_equal(got, "mmhmhmmm");
    assert_true(cache_probe(&c, C));
    assert_true(cache_probe(&c, A));
    assert_false(cache_probe(&c, B));
    assert_int_equal(c.stats.hits, 2);
    cache_free(&c);
}

static void test_associativity_removes_conflicts(void **state)
{
    (void)state;
    /* Four blocks mapping to one set of a 4-set cache, visited three times. */
    const uint64_t a[] = { 0x000, 0x100, 0x200, 0x300, 0x000, 0x100, 0x200, 0x300,
                           0x000, 0x100, 0x200, 0x300 };
    const struct { uint32_t ways; const char *expect; } cases[] = {
        { 1, "mmmmmmmmmmmm" },
        { 2, "mmmmmmmmmmmm" },   /* LRU thrashes on a cycle longer than the ways */
        { 4, "mmmmhhhhhhhh" },
    };
    for (size_t i = 0; i < 3; i++) {
        struct cache c = make(4, cases[i].ways, 64, REPL_LRU, 0);
        char got[16];
        reads(&c, a, 12, got);
        assert_string_equal(got, cases[i].expect);
        cache_free(&c);
    }
}

static void test_block_size(void **state)
{
    (void)state;
    const uint32_t blocks[] = { 4, 16, 64 };
    const uint64_t misses[] = { 64, 16, 4 };
    for (size_t i = 0; i < 3; i++) {
        struct cache c = make(64, 1, blocks[i], REPL_LRU, 0);   /* large enough for 256 bytes */
        for (int pass = 0; pass < 2; pass++)
            for (uint64_t a = 0x1000; a < 0x1100; a += 4)
                cache_access(&c, a, false, NULL);
        assert_int_equal(c.stats.misses, misses[i]);
        assert_int_equal(c.stats.hits, 128 - misses[i]);
        cache_free(&c);
    }
}

static void test_writeback(void **state)
{
    (void)state;
    struct cache c = make(1, 1, 32, REPL_LRU, 0);
    uint64_t wb;
    assert_false(cache_access(&c, 0x1008, true, &wb));   /* write-allocate, dirty */
    assert_int_equal(wb, CACHE_NO_WRITEBACK);
    assert_true(cache_access(&c, 0x1010, false, &wb));
    assert_false(cache_access(&c, 0x2000, false, &wb));  /* evicts the dirty block */
    assert_int_equal(wb, 0x1000);
    assert_false(cache_access(&c, 0x1000, false, &wb));  /* evicts a clean block */
    assert_int_equal(wb, CACHE_NO_WRITEBACK);
    assert_true(cache_access(&c, 0x101f, true, &wb));    /* a write hit dirties it */
    assert_false(cache_access(&c, 0x3000, true, &wb));
    assert_int_equal(wb, 0x1000);
    assert_false(cache_access(&c, 0x1000, false, NULL)); /* NULL writeback pointer is allowed */
    assert_int_equal(c.stats.writebacks, 3);
    assert_int_equal(c.stats.evictions, 4);
    assert_int_equal(c.stats.writes, 3);
    assert_int_equal(c.stats.write_misses, 2);
    assert_int_equal(c.stats.reads, 4);
    assert_int_equal(c.stats.read_misses, 3);
    cache_free(&c);
}

static void test_random_replacement(void **state)
{
    (void)state;
    /* Five blocks cycling through one 4-way set: LRU never hits, random sometimes does. */
    char first[201], second[201], other[201];
    uint64_t a[200];
    for (int i = 0; i < 200; i++)
        a[i] = (uint64_t)(i % 5) * 0x40;
    struct cache c1 = make(1, 4, 16, REPL_RANDOM, 42), c2 = make(1, 4, 16, REPL_RANDOM, 42),
                 c3 = make(1, 4, 16, REPL_RANDOM, 7), lru = make(1, 4, 16, REPL_LRU, 0);
    reads(&c1, a, 200, first);
    reads(&c2, a, 200, second);
    reads(&c3, a, 200, other);
    assert_string_equal(first, second);             /* same seed, same choices */
    assert_memory_equal(first, "mmmmm", 5);         /* empty ways fill before any eviction */
    assert_true(c1.stats.hits > 20);
    assert_true(c1.stats.hits < 180);
    assert_int_equal(c1.stats.hits + c1.stats.misses, 200);
    reads(&lru, a, 200, other);
    assert_int_equal(lru.stats.hits, 0);
    cache_free(&c1);
    cache_free(&c2);
    cache_free(&c3);
    cache_free(&lru);
}

/* L1s: 4 sets x 1 way x 16 B; L2: 16 sets x 2 ways x 16 B; latencies 1 / 5 / 25. */
static struct memsys make_memsys(void)
{
    struct memsys ms;
    char err[200];
    struct memsys_params p = {
        .l1i = { "l1i", 4, 1, 16, REPL_LRU, 1, 1 },
        .l1d = { "l1d", 4, 1, 16, REPL_LRU, 1, 2 },
        .l2 = { "l2", 16, 2, 16, REPL_LRU, 5, 3 },
        .mem_latency = 25,
    };
    assert_true(memsys_init(&ms, &p, err, sizeof err));
    return ms;
}

static void test_memsys_latencies(void **state)
{
    (void)state;
    struct memsys ms = make_memsys();
    assert_int_equal(memsys_load(&ms, 0x1000, 8), 1 + 5 + 25);   /* cold */
    assert_int_equal(memsys_load(&ms, 0x1008, 8), 1);            /* L1 hit */
    assert_int_equal(memsys_load(&ms, 0x1040, 4), 31);           /* evicts 0x1000 from L1D */
    assert_int_equal(memsys_load(&ms, 0x1000, 4), 1 + 5);        /* L2 still has it */
    assert_int_equal(memsys_fetch(&ms, 0x1000, 4), 1 + 5);       /* separate L1I, shared L2 */
    assert_int_equal(memsys_fetch(&ms, 0x1002, 4), 1);
    /* Spans 0x1000's block (L1 hit) and 0x1010's (cold): 1 + 31. */
    assert_int_equal(memsys_load(&ms, 0x100c, 8), 1 + 31);
    assert_int_equal(ms.stats.split_accesses, 1);
    assert_int_equal(ms.stats.loads, 5);
    assert_int_equal(ms.stats.fetches, 2);
    assert_int_equal(ms.stats.mem_reads, 3);
    assert_int_equal(ms.l1d.stats.accesses, 6);
    assert_int_equal(ms.l2.stats.hits, 2);
    memsys_free(&ms);
}

static void test_memsys_writebacks(void **state)
{
    (void)state;
    struct memsys ms = make_memsys();
    assert_int_equal(memsys_store(&ms, 0x2000, 8), 31);   /* write-allocate */
    assert_int_equal(memsys_store(&ms, 0x2004, 4), 1);
    /* 0x2040 maps to the same L1D set: the dirty block goes to L2 with no extra latency. */
    assert_int_equal(memsys_load(&ms, 0x2040, 8), 31);
    assert_int_equal(ms.stats.l1_writebacks, 1);
    assert_int_equal(ms.l2.stats.writes, 1);
    assert_int_equal(memsys_load(&ms, 0x2000, 8), 6);      /* the written-back block hits in L2 */
    /* Two more blocks in L2 set 0 (0x2100, 0x2200) push the dirty 0x2000 out to memory. */
    memsys_load(&ms, 0x2100, 4);
    memsys_load(&ms, 0x2200, 4);
    assert_int_equal(ms.stats.mem_writebacks, 1);
    assert_int_equal(ms.stats.stores, 2);
    memsys_free(&ms);
}

static void test_memsys_from_config(void **state)
{
    (void)state;
    struct config cfg;
    struct memsys ms;
    char err[200];
    config_init(&cfg);
    config_register(&cfg, timing_config_keys, timing_config_nkeys);
    assert_true(memsys_init_from_config(&ms, &cfg, err, sizeof err));
    assert_int_equal(ms.l1i.nsets, 16);
    assert_int_equal(ms.l1d.nways, 2);
    assert_int_equal(ms.l2.nways, 16);
    assert_int_equal(ms.l2.hit_latency, 5);
    assert_int_equal(ms.mem_latency, 25);
    assert_int_equal(memsys_load(&ms, 0x40, 4), 1 + 5 + 25);
    memsys_free(&ms);

    assert_true(config_set(&cfg, "lsu:l1dc_evictionpolicy:random", err, sizeof err));
    assert_true(config_set(&cfg, "l2:nbytesperblock:64", err, sizeof err));
    assert_true(memsys_init_from_config(&ms, &cfg, err, sizeof err));
    assert_int_equal(ms.l1d.policy, REPL_RANDOM);
    assert_int_equal(ms.l2.block_bytes, 64);
    memsys_free(&ms);

    assert_true(config_set(&cfg, "fetch:l1ic_nsets:12", err, sizeof err));
    assert_false(memsys_init_from_config(&ms, &cfg, err, sizeof err));
    assert_non_null(strstr(err, "fetch:l1ic"));
    assert_non_null(strstr(err, "power of two"));
    config_free(&cfg);
}

static void test_memsys_l2_blocks_smaller_than_l1(void **state)
{
    (void)state;
    struct memsys ms;
    char err[200];
    struct memsys_params p = {
        .l1i = { "l1i", 4, 1, 64, REPL_LRU, 1, 1 },
        .l1d = { "l1d", 4, 1, 64, REPL_LRU, 1, 2 },
        .l2 = { "l2", 16, 2, 16, REPL_LRU, 5, 3 },
        .mem_latency = 25,
    };
    assert_true(memsys_init(&ms, &p, err, sizeof err));
    assert_int_equal(memsys_load(&ms, 0x1000, 4), 31);
    assert_int_equal(ms.l2.stats.accesses, 4);   /* the 64-byte fill covers four L2 blocks */
    assert_int_equal(ms.stats.mem_reads, 4);
    memsys_free(&ms);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_geometry),
        cmocka_unit_test(test_direct_mapped),
        cmocka_unit_test(test_two_way_lru_order),
        cmocka_unit_test(test_associativity_removes_conflicts),
        cmocka_unit_test(test_block_size),
        cmocka_unit_test(test_writeback),
        cmocka_unit_test(test_random_replacement),
        cmocka_unit_test(test_memsys_latencies),
        cmocka_unit_test(test_memsys_writebacks),
        cmocka_unit_test(test_memsys_from_config),
        cmocka_unit_test(test_memsys_l2_blocks_smaller_than_l1),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
