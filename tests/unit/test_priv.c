/* The privileged architecture (src/priv) as functions: interrupt priority and enables, PMP
 * address matching, the Sv48 walk (the assembly tests in tests/priv cover Sv39), the TLB's
 * flush on xlate_epoch, CSR write rules, and the validity check for restored state. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "isa/insn.h"
#include "priv/mmu.h"
#include "priv/pmp.h"
#include "priv/priv_attrs.h"
#include "priv/priv.h"
#include "priv/sysmem.h"

static void test_interrupt_priority(void **state)
{
    (void)state;
    struct hart h = { 0 };
    priv_reset(&h, 0);
    h.priv.mode = PRIV_U;
    h.priv.mie = MIP_ALL;
    h.priv.mip = MIP_ALL;
    /* MEI > MSI > MTI > SEI > SSI > STI, whatever the bit order. */
    static const unsigned order[] = { IRQ_MEI, IRQ_MSI, IRQ_MTI, IRQ_SEI, IRQ_SSI, IRQ_STI };
    for (unsigned i = 0; i < 6; i++) {
        assert_int_equal(priv_pending_interrupt(&h), CAUSE_INTERRUPT | order[i]);
        h.priv.mip &= ~(1ull << order[i]);
    }
    assert_int_equal(priv_pending_interrupt(&h), 0);
}

static void test_interrupt_enables(void **state)
{
    (void)state;
    struct hart h = { 0 };
    priv_reset(&h, 0);
    h.priv.mie = MIP_SSIP | MIP_MTIP;
    h.priv.mip = MIP_SSIP;
    h.priv.mideleg = MIP_SSIP;
    assert_int_equal(priv_pending_interrupt(&h), 0);   /* delegated: never in M */
    h.priv.mstatus |= MSTATUS_MIE;
    assert_int_equal(priv_pending_interrupt(&h), 0);
    h.priv.mode = PRIV_S;
    assert_int_equal(priv_pending_interrupt(&h), 0);   /* S with SIE off */
    h.priv.mode = PRIV_U;
    assert_int_equal(priv_pending_interrupt(&h), CAUSE_INTERRUPT | IRQ_SSI);
    h.priv.mip |= MIP_MTIP;                            /* an M interrupt wins over S ones */
    assert_int_equal(priv_pending_interrupt(&h), CAUSE_INTERRUPT | IRQ_MTI);

    /* Taking it: delegated interrupts vector through stvec in vectored mode. */
    h.priv.mip = MIP_SSIP;
    h.priv.stvec = 0x80001001;
    h.pc = 0x1234;
    priv_trap(&h, priv_pending_interrupt(&h), 0);
    assert_int_equal(h.priv.mode, PRIV_S);
    assert_int_equal(h.pc, 0x80001000 + 4 * IRQ_SSI);
    assert_int_equal(h.priv.sepc, 0x1234);
    assert_int_equal(h.priv.mstatus & MSTATUS_SPP, 0);
}

static void pmp_set(struct hart *h, unsigned e, uint8_t cfg, uint64_t addr)
{
    h->priv.pmpcfg[e] = cfg;
    h->priv.pmpaddr[e] = addr;
}

static void test_pmp(void **state)
{
    (void)state;
    struct hart h = { 0 };
    priv_reset(&h, 0);
    const struct priv_state *p = &h.priv;
    /* No entry: M may, S may not. */
    assert_true(pmp_allows(p, 0x80000000, 8, PMP_W, PRIV_M));
    assert_false(pmp_allows(p, 0x80000000, 8, PMP_R, PRIV_S));
    /* NAPOT 64 KiB at 0x80000000, read-only. */
    pmp_set(&h, 0, PMP_NAPOT << 3 | PMP_R, (0x80000000 >> 2) | 0x1fff);
    assert_true(pmp_allows(p, 0x8000fff8, 8, PMP_R, PRIV_S));
    assert_false(pmp_allows(p, 0x8000fff8, 8, PMP_W, PRIV_S));
    assert_false(pmp_allows(p, 0x80010000, 1, PMP_R, PRIV_S));
    assert_false(pmp_allows(p, 0x8000fffc, 8, PMP_R, PRIV_S));   /* straddles the end */
    assert_true(pmp_allows(p, 0x80000000, 8, PMP_W, PRIV_M));    /* unlocked: M ignores it */
    assert_int_equal(pmp_page_perms(p, 0x80003000, PRIV_U), PMP_R);
    /* TOR [0x80010000, 0x80020000) RWX after it: entry 1 is off, only its address (the lower
     * bound of entry 2) counts. */
    pmp_set(&h, 1, 0, 0x80010000 >> 2);
    pmp_set(&h, 2, PMP_TOR << 3 | PMP_R | PMP_W | PMP_X, 0x80020000 >> 2);
    assert_true(pmp_allows(p, 0x80010000, 4, PMP_X, PRIV_U));
    assert_false(pmp_allows(p, 0x8000fffc, 8, PMP_R, PRIV_U));   /* NAPOT end + TOR start */
    assert_true(pmp_allows(p, 0x8001fffc, 4, PMP_W, PRIV_U));
    assert_false(pmp_allows(p, 0x80020000, 4, PMP_R, PRIV_U));
    /* Locked: applies to M, and cannot be rewritten (nor, for TOR, the address below). */
    h.priv.pmpcfg[2] |= PMP_L;
    h.priv.pmpcfg[2] &= (uint8_t)~PMP_W;
    assert_false(pmp_allows(p, 0x80010000, 4, PMP_W, PRIV_M));
    pmp_cfg_write(&h, 0, 0);
    assert_int_equal(h.priv.pmpcfg[2], PMP_L | PMP_TOR << 3 | PMP_R | PMP_X);
    pmp_addr_write(&h, 1, 0);
    assert_int_equal(h.priv.pmpaddr[1], 0x80010000 >> 2);
    /* Whole address space NAPOT (all ones), as OpenSBI's last entry. */
    memset(&h.priv.pmpcfg, 0, sizeof h.priv.pmpcfg);
    pmp_set(&h, 0, PMP_NAPOT << 3 | PMP_R | PMP_W | PMP_X, (1ull << 54) - 1);
    assert_true(pmp_allows(p, 0xfffffffffff000ull, 8, PMP_W, PRIV_S));
    assert_true(pmp_allows(p, 0, 8, PMP_R, PRIV_U));
}

/* Sv48 tables in a small RAM: root -> L2 -> L1 -> L0 -> page, plus a misaligned gigapage. */
static void test_sv48_walk(void **state)
{
    (void)state;
    struct sysmem mem;
    assert_int_equal(sysmem_init(&mem, SYSMEM_RAM_BASE, 1u << 20), 0);
    struct hart h = { 0 };
    priv_reset(&h, 0);
    memset(h.priv.pmpcfg, 0, sizeof h.priv.pmpcfg);
    h.priv.pmpcfg[0] = PMP_NAPOT << 3 | PMP_R | PMP_W | PMP_X;
    h.priv.pmpaddr[0] = (1ull << 54) - 1;
    uint64_t root = SYSMEM_RAM_BASE, l2 = root + 0x1000, l1 = root + 0x2000, l0 = root + 0x3000;
    uint64_t page = root + 0x8000;
    uint64_t va = 0x0000123456789000ull & ((1ull << 47) - 1);
    uint64_t *t = (uint64_t *)(void *)mem.ram;
#define SLOT(table, level) (((table) - SYSMEM_RAM_BASE) / 8 + ((va >> (12 + 9 * (level))) & 511))
    t[SLOT(root, 3)] = (l2 >> 12) << 10 | 1;
    t[SLOT(l2, 2)] = (l1 >> 12) << 10 | 1;
    t[SLOT(l1, 1)] = (l0 >> 12) << 10 | 1;
    uint64_t *leaf = &t[SLOT(l0, 0)];
    *leaf = (page >> 12) << 10 | 0x7 /* V R W */;
    h.priv.satp = (uint64_t)SATP_SV48 << SATP_MODE_SHIFT | root >> 12;
    h.priv.mode = PRIV_S;

    struct priv_tlb tlb = { 0 };
    uint64_t pa;
    uint8_t *host;
    assert_int_equal(mmu_translate(&tlb, &h, &mem, va + 8, 8, MMU_LOAD, &pa, &host), 0);
    assert_int_equal(pa, page + 8);
    assert_ptr_equal(host, mem.ram + 0x8008);
    assert_int_equal(*leaf & 0xc0, 0x40);                        /* A, not D */
    assert_int_equal(mmu_translate(&tlb, &h, &mem, va, 8, MMU_STORE, &pa, &host), 0);
    assert_int_equal(*leaf & 0xc0, 0xc0);                        /* D too */
    assert_int_equal(tlb.walks, 2);                              /* the store walked again for D */
    assert_int_equal(mmu_translate(&tlb, &h, &mem, va + 16, 8, MMU_STORE, &pa, &host), 0);
    assert_int_equal(tlb.walks, 2);                              /* now a TLB hit */
    assert_int_equal(mmu_translate(&tlb, &h, &mem, va, 4, MMU_FETCH, &pa, &host), CAUSE_FETCH_PAGE);

    /* A changed PTE is used only after a flush (sfence.vma or satp bump the epoch). */
    *leaf = 0;
    assert_int_equal(mmu_translate(&tlb, &h, &mem, va, 8, MMU_LOAD, &pa, &host), 0);
    priv_flush_translations(&h);
    assert_int_equal(mmu_translate(&tlb, &h, &mem, va, 8, MMU_LOAD, &pa, &host), CAUSE_LOAD_PAGE);

    /* A gigapage whose physical page number is not 1 GiB aligned is a page fault. */
    t[SLOT(l2, 2)] = (0x80001000ull >> 12) << 10 | 0xcf;
    priv_flush_translations(&h);
    assert_int_equal(mmu_translate(&tlb, &h, &mem, va, 8, MMU_LOAD, &pa, &host), CAUSE_LOAD_PAGE);
    /* Non-canonical for Sv48: bit 47 not copied upwards. */
    assert_int_equal(mmu_translate(&tlb, &h, &mem, 1ull << 47, 8, MMU_LOAD, &pa, &host), CAUSE_LOAD_PAGE);
    /* Page tables outside RAM: an access fault. */
    h.priv.satp = (uint64_t)SATP_SV48 << SATP_MODE_SHIFT | 0x1000 >> 12;
    priv_flush_translations(&h);
    assert_int_equal(mmu_translate(&tlb, &h, &mem, va, 8, MMU_STORE, &pa, &host), CAUSE_STORE_ACCESS);
#undef SLOT
    sysmem_destroy(&mem);
}

static void test_csr_rules(void **state)
{
    (void)state;
    struct hart h = { 0 };
    priv_reset(&h, 0);
    struct priv_clock clk = { 100, 7 };
    uint64_t old;
    uint64_t epoch = h.priv.xlate_epoch;
    assert_true(priv_csr_access(&h, &clk, CSR_SATP, OP_CSRRW, (uint64_t)SATP_SV48 << 60 | 5, true, &old));
    assert_int_equal(h.priv.satp, (uint64_t)SATP_SV48 << 60 | 5);
    assert_true(h.priv.xlate_epoch != epoch);
    assert_true(priv_csr_access(&h, &clk, CSR_SATP, OP_CSRRW, 11ull << 60, true, &old));
    assert_int_equal(h.priv.satp, (uint64_t)SATP_SV48 << 60 | 5);  /* Sv64 ignored */
    assert_true(priv_csr_access(&h, &clk, CSR_TIME, OP_CSRRS, 0, false, &old));
    assert_int_equal(old, 7);
    assert_true(priv_csr_access(&h, &clk, CSR_CYCLE, OP_CSRRS, 0, false, &old));
    assert_int_equal(old, 100);
    assert_false(priv_csr_access(&h, &clk, CSR_CYCLE, OP_CSRRW, 0, true, &old));  /* read-only */
    /* FP CSRs need FS on; writing them makes FS dirty. */
    assert_false(priv_csr_access(&h, &clk, CSR_FFLAGS, OP_CSRRS, 0, false, &old));
    h.priv.mstatus |= 1ull << MSTATUS_FS_SHIFT;
    assert_true(priv_csr_access(&h, &clk, CSR_FFLAGS, OP_CSRRWI, 1, true, &old));
    assert_int_equal(h.priv.mstatus & MSTATUS_FS, MSTATUS_FS_DIRTY);
    /* mip: M software may set only the supervisor bits. */
    assert_true(priv_csr_access(&h, &clk, CSR_MIP, OP_CSRRW, MIP_ALL, true, &old));
    assert_int_equal(h.priv.mip, MIP_S_BITS);
    /* S-mode: sip lets it change only SSIP, and only when delegated. */
    h.priv.mode = PRIV_S;
    assert_true(priv_csr_access(&h, &clk, CSR_SIP, OP_CSRRW, 0, true, &old));
    assert_int_equal(h.priv.mip, MIP_S_BITS);
    h.priv.mideleg = MIP_SSIP;
    assert_true(priv_csr_access(&h, &clk, CSR_SIP, OP_CSRRW, 0, true, &old));
    assert_int_equal(h.priv.mip, MIP_STIP | MIP_SEIP);
    assert_false(priv_csr_access(&h, &clk, CSR_MSTATUS, OP_CSRRS, 0, false, &old));
}

static void test_state_valid(void **state)
{
    (void)state;
    struct hart h = { 0 };
    priv_reset(&h, 0);
    char why[128];
    assert_true(priv_state_valid(&h.priv, why, sizeof why));
    struct priv_state bad = h.priv;
    bad.mode = 2;
    assert_false(priv_state_valid(&bad, why, sizeof why));
    assert_non_null(strstr(why, "privilege mode 2"));
    bad = h.priv;
    bad.satp = 10ull << 60;
    assert_false(priv_state_valid(&bad, why, sizeof why));
    bad = h.priv;
    bad.mtvec = 0x80000002;
    assert_false(priv_state_valid(&bad, why, sizeof why));
    bad = h.priv;
    bad.mstatus |= 2ull << MSTATUS_MPP_SHIFT;
    assert_false(priv_state_valid(&bad, why, sizeof why));
    bad = h.priv;
    bad.mideleg = MIP_MTIP;
    assert_false(priv_state_valid(&bad, why, sizeof why));
}

/* The snapshot attribute: every field round-trips, a user-mode hart is NIL, bad values and
 * missing or unknown CSRs are refused without changing the state. */
static void test_snapshot_attr(void **state)
{
    (void)state;
    struct hart h = { 0 };
    struct attr_value v;
    assert_int_equal(priv_attr_get(&h.priv, &v), 0);
    assert_int_equal(v.kind, ATTR_NIL);
    priv_reset(&h, 3);
    h.priv.mode = PRIV_S;
    h.priv.satp = (uint64_t)SATP_SV39 << SATP_MODE_SHIFT | 0x80123;
    h.priv.mtvec = 0x80000101;
    h.priv.sepc = 0x1000;
    h.priv.pmpcfg[9] = 0x1f;
    h.priv.pmpaddr[15] = 0x1234;
    h.priv.instret_offset = 77;
    assert_int_equal(priv_attr_get(&h.priv, &v), 0);
    assert_int_equal(v.kind, ATTR_DICT);
    struct priv_state back = { .xlate_epoch = 5 };
    char err[200];
    assert_int_equal(priv_attr_set(&back, &v, err, sizeof err), 0);
    assert_int_not_equal(back.xlate_epoch, 5);   /* cached translations are stale */
    back.xlate_epoch = h.priv.xlate_epoch;
    assert_memory_equal(&back, &h.priv, sizeof back);

    /* A reserved satp mode: refused, the state unchanged. */
    for (size_t i = 0; i < v.dict.n; i++)
        if (!strcmp(v.dict.entries[i].key.str.bytes, "satp"))
            v.dict.entries[i].value.u = 5ull << SATP_MODE_SHIFT;
    struct priv_state before = back;
    assert_int_equal(priv_attr_set(&back, &v, err, sizeof err), -1);
    assert_non_null(strstr(err, "satp mode 5"));
    assert_memory_equal(&back, &before, sizeof back);
    /* An unknown CSR name. */
    attr_free(&v.dict.entries[0].key);
    v.dict.entries[0].key = attr_string("mfoo");
    assert_int_equal(priv_attr_set(&back, &v, err, sizeof err), -1);
    assert_non_null(strstr(err, "unknown CSR 'mfoo'"));
    attr_free(&v);
    /* A missing one. */
    struct attr_value partial = attr_dict(1);
    attr_dict_put(&partial, attr_string("mode"), attr_uint(3));
    assert_int_equal(priv_attr_set(&back, &partial, err, sizeof err), -1);
    assert_non_null(strstr(err, "missing"));
    attr_free(&partial);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_interrupt_priority),
        cmocka_unit_test(test_interrupt_enables),
        cmocka_unit_test(test_pmp),
        cmocka_unit_test(test_sv48_walk),
        cmocka_unit_test(test_csr_rules),
        cmocka_unit_test(test_state_valid),
        cmocka_unit_test(test_snapshot_attr),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
