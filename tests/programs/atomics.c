/* C11 atomics and gcc __atomic builtins, single-threaded: on RV64 these compile to AMOs
 * (amoadd/amoswap/amoand/amoor/amoxor .w/.d), LR/SC loops (compare-exchange, nand, 8- and
 * 16-bit operations done on the containing word), and fences.  Every result is printed. */
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

static _Atomic int ai = 5;
static _Atomic long al = -100;
static _Atomic unsigned char ac = 250;
static _Atomic short as = -2;
static int plain_i = 0x7ffffff0;
static long plain_l = 1;
static uint32_t u32 = 0xfffffff0u;
static uint64_t u64 = 0xfffffffffffffff0ULL;

static void c11_int(void)
{
    printf("int fetch_add=%d", atomic_fetch_add(&ai, 10));
    printf(" fetch_sub=%d", atomic_fetch_sub(&ai, 20));
    printf(" fetch_and=%d", atomic_fetch_and(&ai, 0x0f));
    printf(" fetch_or=%d", atomic_fetch_or(&ai, 0x100));
    printf(" fetch_xor=%d", atomic_fetch_xor(&ai, 0x1ff));
    printf(" exchange=%d", atomic_exchange(&ai, -7));
    printf(" load=%d\n", atomic_load(&ai));

    int expected = 3;
    _Bool ok = atomic_compare_exchange_strong(&ai, &expected, 11);
    printf("cas wrong expected: ok=%d expected now=%d value=%d\n", ok, expected,
           atomic_load(&ai));
    ok = atomic_compare_exchange_strong(&ai, &expected, 11);
    printf("cas right expected: ok=%d value=%d\n", ok, atomic_load(&ai));

    /* A weak-CAS loop may fail spuriously, so count only the final result. */
    for (int i = 0; i < 1000; i++) {
        int old = atomic_load_explicit(&ai, memory_order_relaxed);
        while (!atomic_compare_exchange_weak(&ai, &old, old * 3 + 1))
            ;
    }
    printf("after 1000 weak-cas updates: %d\n", atomic_load(&ai));
}

static void c11_long(void)
{
    printf("long fetch_add=%ld", atomic_fetch_add(&al, 0x100000000L));
    printf(" fetch_sub=%ld", atomic_fetch_sub_explicit(&al, 1, memory_order_acq_rel));
    printf(" fetch_and=%ld", atomic_fetch_and_explicit(&al, ~0xffL, memory_order_acquire));
    printf(" fetch_or=%ld", atomic_fetch_or_explicit(&al, 0x8000000000000000L,
                                                    memory_order_release));
    printf(" fetch_xor=%ld", atomic_fetch_xor_explicit(&al, -1L, memory_order_relaxed));
    printf(" exchange=%ld", atomic_exchange(&al, 0x0123456789abcdefL));
    printf(" load=%ld\n", atomic_load_explicit(&al, memory_order_seq_cst));
    long expected = 0x0123456789abcdefL;
    _Bool ok = atomic_compare_exchange_strong(&al, &expected, -1L);
    printf("long cas ok=%d value=%ld\n", ok, atomic_load(&al));
    long sum = 0;
    for (long i = 1; i <= 500; i++)
        sum += atomic_fetch_add(&al, i);
    printf("long fetch_add series: final=%ld sum of olds=%ld\n", atomic_load(&al), sum);
    atomic_store(&al, 42);
    printf("store/load=%ld\n", atomic_load(&al));
}

static void c11_small(void)
{
    /* 8- and 16-bit atomics are LR/SC loops on the aligned word: neighbours must not change. */
    printf("uchar fetch_add=%u", atomic_fetch_add(&ac, 10));
    printf(" now=%u", atomic_load(&ac));
    printf(" exchange=%u", atomic_exchange(&ac, 7));
    unsigned char ce = 7;
    printf(" cas=%d now=%u\n", atomic_compare_exchange_strong(&ac, &ce, 200), atomic_load(&ac));
    printf("short fetch_sub=%d", atomic_fetch_sub(&as, 32767));
    printf(" now=%d", atomic_load(&as));
    printf(" fetch_or=%d now=%d\n", atomic_fetch_or(&as, 0x0f00), atomic_load(&as));

    static struct {
        unsigned char before;
        _Atomic unsigned char mid;
        unsigned char after[2];
        _Atomic unsigned short half;
        unsigned short tail;
    } packed = {0x11, 0x22, {0x33, 0x44}, 0x5566, 0x7788};
    for (int i = 0; i < 300; i++)
        atomic_fetch_add(&packed.mid, 3);
    atomic_fetch_xor(&packed.half, 0xffff);
    printf("neighbours: before=%x mid=%x after=%x,%x half=%x tail=%x\n", packed.before,
           packed.mid, packed.after[0], packed.after[1], packed.half, packed.tail);
}

static void builtins(void)
{
    printf("__atomic 32: add_fetch=%d", __atomic_add_fetch(&plain_i, 0x20, __ATOMIC_SEQ_CST));
    printf(" fetch_nand=%d", __atomic_fetch_nand(&plain_i, 0xff00ff, __ATOMIC_SEQ_CST));
    printf(" nand_fetch=%d", __atomic_nand_fetch(&plain_i, -1, __ATOMIC_RELAXED));
    int want = plain_i, desired = 12345;
    printf(" cas=%d", __atomic_compare_exchange_n(&plain_i, &want, desired, 0, __ATOMIC_ACQ_REL,
                                                  __ATOMIC_ACQUIRE));
    printf(" test_and_set=%d", __atomic_test_and_set(&plain_l, __ATOMIC_SEQ_CST));
    printf(" value=%d\n", __atomic_load_n(&plain_i, __ATOMIC_ACQUIRE));

    printf("__atomic 64: fetch_add=%ld", __atomic_fetch_add(&plain_l, 1L << 40, __ATOMIC_SEQ_CST));
    printf(" sub_fetch=%ld", __atomic_sub_fetch(&plain_l, 3, __ATOMIC_RELEASE));
    printf(" exchange=%ld", __atomic_exchange_n(&plain_l, -5L, __ATOMIC_SEQ_CST));
    printf(" or_fetch=%ld\n", __atomic_or_fetch(&plain_l, 0x100, __ATOMIC_SEQ_CST));

    /* Unsigned wraparound through the AMOs; 32-bit results must come back sign-extended
     * in registers even though the type is unsigned. */
    printf("u32 fetch_add=%u", __atomic_fetch_add(&u32, 0x20u, __ATOMIC_SEQ_CST));
    printf(" now=%u", __atomic_load_n(&u32, __ATOMIC_SEQ_CST));
    printf(" u64 fetch_add=%llu", (unsigned long long)__atomic_fetch_add(&u64, 0x20, __ATOMIC_SEQ_CST));
    printf(" now=%llu\n", (unsigned long long)__atomic_load_n(&u64, __ATOMIC_SEQ_CST));
    uint32_t big = 0x80000000u;
    uint32_t old = __atomic_exchange_n(&u32, big, __ATOMIC_SEQ_CST);
    uint64_t widened = __atomic_load_n(&u32, __ATOMIC_SEQ_CST);
    printf("u32 exchange old=%u widened=%llx\n", old, (unsigned long long)widened);

    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    __atomic_signal_fence(__ATOMIC_SEQ_CST);
    atomic_flag flag = ATOMIC_FLAG_INIT;
    int first = atomic_flag_test_and_set(&flag);
    int second = atomic_flag_test_and_set(&flag);
    atomic_flag_clear(&flag);
    int third = atomic_flag_test_and_set(&flag);
    printf("flag: %d %d %d lock-free int=%d long=%d\n", first, second, third,
           (int)atomic_is_lock_free(&ai), (int)atomic_is_lock_free(&al));
}

int main(void)
{
    c11_int();
    c11_long();
    c11_small();
    builtins();
    return 0;
}
