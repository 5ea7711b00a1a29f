/* virtio-mmio block device through the bus, driven as the Linux driver does: identification,
 * feature negotiation and the status handshake, one split virtqueue in (fake) guest RAM, read,
 * write, flush and get-id requests on a disk image, the used-buffer interrupt and its
 * acknowledgement, and malformed chains answered by DEVICE_NEEDS_RESET. */
#include "test_dev_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "devices/virtio_blk.h"
#include "test_dev_snap.h"

enum { BASE = 0x10001000, QN = 8,
       DESC = FAKE_RAM_BASE + 0x1000, AVAIL = FAKE_RAM_BASE + 0x2000, USED = FAKE_RAM_BASE + 0x3000,
       HDR = FAKE_RAM_BASE + 0x4000, DATA = FAKE_RAM_BASE + 0x10000, STATUS = FAKE_RAM_BASE + 0x5000 };

struct rig {
    struct fake_machine m;
    struct disk_image disk;
    struct virtio_blk v;
    bool line;
    uint16_t avail_idx;
};

static void line(void *ctx, unsigned src, bool level) { (void)src; ((struct rig *)ctx)->line = level; }

static void put(uint8_t *p, uint64_t v, unsigned n) { for (unsigned i = 0; i < n; i++) p[i] = (uint8_t)(v >> 8 * i); }
static uint64_t get(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = n; i-- > 0;)
        v = v << 8 | p[i];
    return v;
}

/* A disk of 64 sectors whose sector s is filled with the byte s. */
static struct rig *rig_new(bool read_only)
{
    struct rig *r = calloc(1, sizeof *r);
    fake_init(&r->m);
    char path[] = "/tmp/test_dev_virtio-XXXXXX", err[200];
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    for (int s = 0; s < 64; s++) {
        uint8_t sec[512];
        memset(sec, s, sizeof sec);
        assert_int_equal(write(fd, sec, sizeof sec), 512);
    }
    close(fd);
    assert_int_equal(disk_image_open(&r->disk, path, err, sizeof err), 0);
    unlink(path);
    virtio_blk_init(&r->v, &r->disk, read_only, "snapsim-disk0", fake_dma(&r->m), (struct irq_line){ line, r, 1 });
    fake_add(&r->m, virtio_blk_region(&r->v, "virtio0", BASE));
    return r;
}

static void rig_free(struct rig *r)
{
    disk_image_close(&r->disk);
    free(r);
}

/* The driver's initialisation; returns the final status. */
static uint64_t handshake(struct rig *r, uint64_t features)
{
    struct fake_machine *m = &r->m;
    wr(m, BASE + 0x70, 4, 0);
    wr(m, BASE + 0x70, 4, VIRTIO_STATUS_ACKNOWLEDGE);
    wr(m, BASE + 0x70, 4, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    for (unsigned sel = 0; sel < 2; sel++) {
        wr(m, BASE + 0x24, 4, sel);
        wr(m, BASE + 0x20, 4, (uint32_t)(features >> 32 * sel));
    }
    wr(m, BASE + 0x70, 4, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
    if (!(rd(m, BASE + 0x70, 4) & VIRTIO_STATUS_FEATURES_OK))
        return rd(m, BASE + 0x70, 4);
    wr(m, BASE + 0x30, 4, 0);
    assert_int_equal(rd(m, BASE + 0x34, 4), VIRTIO_BLK_QUEUE_MAX);
    wr(m, BASE + 0x38, 4, QN);
    wr(m, BASE + 0x80, 4, (uint32_t)DESC), wr(m, BASE + 0x84, 4, 0);
    wr(m, BASE + 0x90, 4, (uint32_t)AVAIL), wr(m, BASE + 0x94, 4, 0);
    wr(m, BASE + 0xa0, 4, (uint32_t)USED), wr(m, BASE + 0xa4, 4, 0);
    wr(m, BASE + 0x44, 4, 1);
    wr(m, BASE + 0x70, 4, 0x0f);
    return rd(m, BASE + 0x70, 4);
}

static void desc(struct rig *r, unsigned i, uint64_t addr, uint32_t len, uint16_t flags, uint16_t next)
{
    uint8_t *d = ram_at(&r->m, DESC + 16 * i);
    put(d, addr, 8), put(d + 8, len, 4), put(d + 12, flags, 2), put(d + 14, next, 2);
}

/* Submits the three-descriptor request (header, data, status) starting at descriptor 0 and
 * returns the status byte; *used_len is the used element's length. */
static int request(struct rig *r, uint32_t type, uint64_t sector, uint32_t len, bool data_writable, uint32_t *used_len)
{
    uint8_t *h = ram_at(&r->m, HDR);
    put(h, type, 4), put(h + 4, 0, 4), put(h + 8, sector, 8);
    desc(r, 0, HDR, 16, 1, 1);
    desc(r, 1, DATA, len, (uint16_t)(1 | (data_writable ? 2 : 0)), 2);
    desc(r, 2, STATUS, 1, 2, 0);
    *ram_at(&r->m, STATUS) = 0xff;
    uint8_t *a = ram_at(&r->m, AVAIL);
    put(a + 4 + 2 * (r->avail_idx % QN), 0, 2);
    put(a + 2, ++r->avail_idx, 2);
    wr(&r->m, BASE + 0x50, 4, 0);
    uint8_t *u = ram_at(&r->m, USED);
    assert_int_equal(get(u + 2, 2), r->avail_idx);
    uint8_t *e = u + 4 + 8 * ((r->avail_idx - 1) % QN);
    assert_int_equal(get(e, 4), 0);                      /* the head's id */
    *used_len = (uint32_t)get(e + 4, 4);
    return *ram_at(&r->m, STATUS);
}

static void test_identity_and_features(void **state)
{
    (void)state;
    struct rig *r = rig_new(false);
    struct fake_machine *m = &r->m;
    assert_int_equal(rd(m, BASE, 4), 0x74726976);
    assert_int_equal(rd(m, BASE + 4, 4), 2);
    assert_int_equal(rd(m, BASE + 8, 4), 2);
    wr(m, BASE + 0x14, 4, 1);
    assert_int_equal(rd(m, BASE + 0x10, 4), 1);          /* VIRTIO_F_VERSION_1 */
    wr(m, BASE + 0x14, 4, 0);
    assert_true(rd(m, BASE + 0x10, 4) & (1u << 9));      /* FLUSH */
    assert_false(rd(m, BASE + 0x10, 4) & (1u << 5));     /* not read-only */
    assert_int_equal(rd(m, BASE + 0x100, 4), 64);        /* capacity in sectors */
    assert_int_equal(rd(m, BASE + 0x104, 4), 0);
    assert_int_equal(rd(m, BASE + 0x100, 8), 64);
    /* without VERSION_1, or with a feature not offered, FEATURES_OK does not stick */
    assert_false(handshake(r, VIRTIO_BLK_F_FLUSH) & VIRTIO_STATUS_FEATURES_OK);
    assert_false(handshake(r, VIRTIO_F_VERSION_1 | 1ull << 28) & VIRTIO_STATUS_FEATURES_OK);
    assert_int_equal(handshake(r, VIRTIO_F_VERSION_1 | VIRTIO_BLK_F_FLUSH), 0x0f);
    assert_int_equal(rd(m, BASE + 0x44, 4), 1);
    uint64_t v;
    assert_false(mmio_bus_read(&m->bus, BASE + 2, 2, &v));   /* registers are 32-bit */
    rig_free(r);
}

static void test_read_write_flush_id(void **state)
{
    (void)state;
    struct rig *r = rig_new(false);
    uint32_t used;
    handshake(r, VIRTIO_F_VERSION_1 | VIRTIO_BLK_F_FLUSH);
    assert_int_equal(request(r, 0, 3, 1024, true, &used), 0);   /* read sectors 3 and 4 */
    assert_int_equal(used, 1025);
    assert_int_equal(ram_at(&r->m, DATA)[0], 3);
    assert_int_equal(ram_at(&r->m, DATA)[1023], 4);
    assert_true(r->line);
    assert_int_equal(rd(&r->m, BASE + 0x60, 4), 1);
    wr(&r->m, BASE + 0x64, 4, 1);
    assert_false(r->line);

    memset(ram_at(&r->m, DATA), 0xab, 512);
    assert_int_equal(request(r, 1, 10, 512, false, &used), 0);  /* write sector 10 */
    assert_int_equal(used, 1);
    assert_int_equal(r->disk.ndirty, 1);
    memset(ram_at(&r->m, DATA), 0, 1536);
    assert_int_equal(request(r, 0, 9, 1536, true, &used), 0);
    assert_int_equal(ram_at(&r->m, DATA)[0], 9);
    assert_int_equal(ram_at(&r->m, DATA)[512], 0xab);
    assert_int_equal(ram_at(&r->m, DATA)[1024], 11);

    assert_int_equal(request(r, 4, 0, 0, true, &used), 0);       /* flush */
    assert_int_equal(request(r, 8, 0, 20, true, &used), 0);      /* get id */
    assert_int_equal(used, 21);
    assert_string_equal((char *)ram_at(&r->m, DATA), "snapsim-disk0");
    assert_int_equal(request(r, 0, 63, 1024, true, &used), 1);   /* past the end: IOERR */
    assert_int_equal(request(r, 11, 0, 512, true, &used), 2);    /* DISCARD: UNSUPP */
    for (int i = 0; i < QN; i++)                                  /* the rings wrap */
        assert_int_equal(request(r, 0, (uint64_t)i, 512, true, &used), 0);
    assert_int_equal(ram_at(&r->m, DATA)[0], QN - 1);
    rig_free(r);
}

static void test_read_only_and_no_interrupt(void **state)
{
    (void)state;
    struct rig *r = rig_new(true);
    uint32_t used;
    handshake(r, VIRTIO_F_VERSION_1 | VIRTIO_BLK_F_RO);
    assert_int_equal(request(r, 1, 0, 512, false, &used), 1);    /* writes fail on a read-only disk */
    assert_int_equal(r->disk.ndirty, 0);
    wr(&r->m, BASE + 0x64, 4, 1);
    put(ram_at(&r->m, AVAIL), 1, 2);                              /* VIRTQ_AVAIL_F_NO_INTERRUPT */
    assert_int_equal(request(r, 0, 0, 512, true, &used), 0);
    assert_false(r->line);
    rig_free(r);
}

static void test_driver_errors(void **state)
{
    (void)state;
    struct rig *r = rig_new(false);
    struct fake_machine *m = &r->m;
    uint32_t used;
    handshake(r, VIRTIO_F_VERSION_1);
    /* a chain that loops on itself */
    desc(r, 0, HDR, 16, 1, 0);
    uint8_t *a = ram_at(m, AVAIL);
    put(a + 4, 0, 2);
    put(a + 2, ++r->avail_idx, 2);
    wr(m, BASE + 0x50, 4, 0);
    assert_true(rd(m, BASE + 0x70, 4) & VIRTIO_STATUS_NEEDS_RESET);
    assert_int_equal(rd(m, BASE + 0x44, 4), 0);          /* the queue stopped */
    /* a reset brings it back; a data buffer outside RAM is refused as well */
    r->avail_idx = 0;
    memset(ram_at(m, USED), 0, 16);
    put(a + 2, 0, 2);
    assert_int_equal(handshake(r, VIRTIO_F_VERSION_1), 0x0f);
    assert_int_equal(request(r, 0, 0, 512, true, &used), 0);
    desc(r, 1, 0x1000, 512, 3, 2);
    put(a + 2, ++r->avail_idx, 2);
    wr(m, BASE + 0x50, 4, 0);
    assert_true(rd(m, BASE + 0x70, 4) & VIRTIO_STATUS_NEEDS_RESET);
    /* a queue size that is not a power of two cannot be made ready */
    wr(m, BASE + 0x70, 4, 0);
    wr(m, BASE + 0x38, 4, 6);
    wr(m, BASE + 0x44, 4, 1);
    assert_int_equal(rd(m, BASE + 0x44, 4), 0);
    rig_free(r);
}

/* Save mid-run (the rings partly used), restore into a second device over the same RAM and
 * disk content: both serve the next requests alike. */
static void test_snapshot(void **state)
{
    (void)state;
    struct rig *a = rig_new(false), *b = rig_new(false);
    uint32_t used_a, used_b;
    handshake(a, VIRTIO_F_VERSION_1 | VIRTIO_BLK_F_FLUSH);
    for (int i = 0; i < 5; i++)
        assert_int_equal(request(a, 0, (uint64_t)i, 512, true, &used_a), 0);
    struct snap_config cfg;
    char err[300];
    dev_save(&ckpt_virtio_blk_class, &a->v, &cfg);
    assert_int_equal(dev_restore(&ckpt_virtio_blk_class, &cfg, &b->v, err, sizeof err), 0);
    snap_config_free(&cfg);
    memcpy(b->m.ram, a->m.ram, FAKE_RAM_SIZE);
    b->avail_idx = a->avail_idx;
    virtio_blk_update_irq(&b->v);
    assert_int_equal(a->line, b->line);
    for (int i = 0; i < 2 * QN; i++) {
        assert_int_equal(request(a, 0, (uint64_t)(20 + i), 1024, true, &used_a),
                         request(b, 0, (uint64_t)(20 + i), 1024, true, &used_b));
        assert_int_equal(used_a, used_b);
        assert_memory_equal(a->m.ram, b->m.ram, 0x20000);
        assert_int_equal(rd(&a->m, BASE + 0x60, 4), rd(&b->m, BASE + 0x60, 4));
    }
    dev_refuses(&ckpt_virtio_blk_class, &a->v, &b->v, "queue_num", attr_uint(VIRTIO_BLK_QUEUE_MAX + 1), "queue_num");
    dev_refuses(&ckpt_virtio_blk_class, &a->v, &b->v, "queue_num", attr_uint(6), "power of two");
    dev_refuses(&ckpt_virtio_blk_class, &a->v, &b->v, "driver_features", attr_uint(1ull << 28), "does not offer");
    dev_refuses(&ckpt_virtio_blk_class, &a->v, &b->v, "interrupt_status", attr_uint(4), "interrupt_status");
    dev_refuses(&ckpt_virtio_blk_class, &a->v, &b->v, "queue_ready", attr_string("yes"), "queue_ready");
    rig_free(a);
    rig_free(b);
}

static int count_dirty(void *ctx, uint64_t block, const uint8_t *data)
{
    (void)data;
    ((uint64_t *)ctx)[0]++;
    ((uint64_t *)ctx)[1] = block;
    return 0;
}

static void test_disk_image_dirty_blocks(void **state)
{
    (void)state;
    struct disk_image d;
    char err[200];
    assert_int_equal(disk_image_init_blank(&d, 3 * DISK_BLOCK, err, sizeof err), 0);
    uint8_t buf[8] = "abcdefg";
    assert_true(disk_image_write(&d, DISK_BLOCK * 2 - 4, buf, 8));   /* spans blocks 1 and 2 */
    assert_int_equal(d.ndirty, 2);
    uint8_t back[8];
    assert_true(disk_image_read(&d, DISK_BLOCK * 2 - 4, back, 8));
    assert_memory_equal(back, buf, 8);
    assert_true(disk_image_read(&d, 0, back, 8));
    assert_int_equal(back[0], 0);
    uint64_t seen[2] = { 0, 0 };
    disk_image_each_dirty(&d, count_dirty, seen);
    assert_int_equal(seen[0], 2);
    assert_int_equal(seen[1], 2);
    disk_image_clear_dirty(&d);                          /* a snapshot took them */
    assert_int_equal(d.ndirty, 0);
    assert_true(disk_image_read(&d, DISK_BLOCK * 2 - 4, back, 8));   /* content stays */
    assert_memory_equal(back, buf, 8);
    assert_true(disk_image_write(&d, 0, buf, 1));
    seen[0] = 0;
    disk_image_each_dirty(&d, count_dirty, seen);
    assert_int_equal(seen[0], 1);
    assert_int_equal(seen[1], 0);
    assert_false(disk_image_write(&d, 3 * DISK_BLOCK - 1, buf, 2));   /* past the end */
    assert_false(disk_image_read(&d, UINT64_MAX, back, 2));
    disk_image_close(&d);
    assert_int_not_equal(disk_image_init_blank(&d, 1000, err, sizeof err), 0);
    assert_int_not_equal(disk_image_open(&d, "/nonexistent/disk.img", err, sizeof err), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identity_and_features), cmocka_unit_test(test_read_write_flush_id),
        cmocka_unit_test(test_read_only_and_no_interrupt), cmocka_unit_test(test_driver_errors),
        cmocka_unit_test(test_disk_image_dirty_blocks), cmocka_unit_test(test_snapshot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
