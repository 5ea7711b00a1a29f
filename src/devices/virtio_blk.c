#include "devices/virtio_blk.h"

#include <stdlib.h>
#include <string.h>

enum {
    R_MAGIC = 0x000, R_VERSION = 0x004, R_DEVICE_ID = 0x008, R_VENDOR_ID = 0x00c,
    R_DEVICE_FEATURES = 0x010, R_DEVICE_FEATURES_SEL = 0x014,
    R_DRIVER_FEATURES = 0x020, R_DRIVER_FEATURES_SEL = 0x024,
    R_QUEUE_SEL = 0x030, R_QUEUE_NUM_MAX = 0x034, R_QUEUE_NUM = 0x038, R_QUEUE_READY = 0x044,
    R_QUEUE_NOTIFY = 0x050, R_INTERRUPT_STATUS = 0x060, R_INTERRUPT_ACK = 0x064, R_STATUS = 0x070,
    R_QUEUE_DESC_LOW = 0x080, R_QUEUE_DESC_HIGH = 0x084, R_QUEUE_DRIVER_LOW = 0x090,
    R_QUEUE_DRIVER_HIGH = 0x094, R_QUEUE_DEVICE_LOW = 0x0a0, R_QUEUE_DEVICE_HIGH = 0x0a4,
    R_CONFIG_GENERATION = 0x0fc, R_CONFIG = 0x100,
    MAGIC = 0x74726976,              /* "virt" */
    VENDOR = 0x50414e53,             /* "SNAP" */
    DESC_F_NEXT = 1, DESC_F_WRITE = 2, DESC_F_INDIRECT = 4,
    AVAIL_F_NO_INTERRUPT = 1,
    T_IN = 0, T_OUT = 1, T_FLUSH = 4, T_GET_ID = 8,
    S_OK = 0, S_IOERR = 1, S_UNSUPP = 2,
    HEADER_BYTES = 16,
};

void virtio_blk_init(struct virtio_blk *v, struct disk_image *disk, bool read_only, const char *id,
                     struct dev_dma dma, struct irq_line irq)
{
    memset(v, 0, sizeof *v);
    v->disk = disk;
    v->dma = dma;
    v->irq = irq;
    v->features = VIRTIO_F_VERSION_1 | VIRTIO_BLK_F_SEG_MAX | VIRTIO_BLK_F_BLK_SIZE | VIRTIO_BLK_F_FLUSH |
                  (read_only ? VIRTIO_BLK_F_RO : 0);
    strncpy(v->id, id ? id : "", sizeof v->id);
}

void virtio_blk_update_irq(struct virtio_blk *v) { irq_line_drive(&v->irq, v->interrupt_status != 0); }

static void reset(struct virtio_blk *v)
{
    v->status = 0;
    v->device_features_sel = v->driver_features_sel = 0;
    v->driver_features = 0;
    v->queue_sel = v->queue_num = 0;
    v->queue_ready = false;
    v->desc_addr = v->avail_addr = v->used_addr = 0;
    v->last_avail = v->used_idx = 0;
    v->interrupt_status = 0;
    virtio_blk_update_irq(v);
}

static void fail(struct virtio_blk *v)
{
    v->status |= VIRTIO_STATUS_NEEDS_RESET;
    v->queue_ready = false;
}

/* ---- one request: its descriptor chain as a readable and a writable byte stream ---- */

struct seg { uint64_t addr; uint32_t len; };
struct chain {
    struct seg rd[VIRTIO_BLK_QUEUE_MAX], wr[VIRTIO_BLK_QUEUE_MAX];
    unsigned nrd, nwr;
    uint64_t rd_bytes, wr_bytes;
};

static bool load_u16(struct virtio_blk *v, uint64_t pa, uint16_t *out)
{
    uint8_t b[2];
    if (!v->dma.read(v->dma.ctx, pa, b, 2))
        return false;
    *out = (uint16_t)(b[0] | b[1] << 8);
    return true;
}

static bool store_u16(struct virtio_blk *v, uint64_t pa, uint16_t x)
{
    uint8_t b[2] = { (uint8_t)x, (uint8_t)(x >> 8) };
    return v->dma.write(v->dma.ctx, pa, b, 2);
}

static uint64_t le(const uint8_t *p, unsigned n)
{
    uint64_t x = 0;
    for (unsigned i = n; i-- > 0;)
        x = x << 8 | p[i];
    return x;
}

/* Walks the chain from head: readable descriptors must precede writable ones, and a chain may
 * not be longer than the queue (which also stops a loop). */
static bool walk(struct virtio_blk *v, uint16_t head, struct chain *c)
{
    uint16_t i = head;
    c->nrd = c->nwr = 0;
    c->rd_bytes = c->wr_bytes = 0;
    for (unsigned n = 0;; n++) {
        uint8_t d[16];
        if (n == v->queue_num || i >= v->queue_num || !v->dma.read(v->dma.ctx, v->desc_addr + 16ull * i, d, 16))
            return false;
        struct seg s = { le(d, 8), (uint32_t)le(d + 8, 4) };
        uint16_t flags = (uint16_t)le(d + 12, 2), next = (uint16_t)le(d + 14, 2);
        if (flags & DESC_F_INDIRECT)                  /* not offered */
            return false;
        if (flags & DESC_F_WRITE) {
            c->wr[c->nwr++] = s;
            c->wr_bytes += s.len;
        } else {
            if (c->nwr)
                return false;
            c->rd[c->nrd++] = s;
            c->rd_bytes += s.len;
        }
        if (!(flags & DESC_F_NEXT))
            return true;
        i = next;
    }
}

/* Copies n bytes at offset off of a stream to or from buf. */
static bool stream_copy(struct virtio_blk *v, const struct seg *segs, unsigned nseg, uint64_t off, uint8_t *buf,
                        uint64_t n, bool to_guest)
{
    for (unsigned k = 0; k < nseg && n; k++) {
        if (off >= segs[k].len) {
            off -= segs[k].len;
            continue;
        }
        uint64_t chunk = segs[k].len - off < n ? segs[k].len - off : n;
        bool ok = to_guest ? v->dma.write(v->dma.ctx, segs[k].addr + off, buf, chunk)
                           : v->dma.read(v->dma.ctx, segs[k].addr + off, buf, chunk);
        if (!ok)
            return false;
        buf += chunk, n -= chunk, off = 0;
    }
    return n == 0;
}

/* Moves len bytes between the disk at byte `at` and the data part of the chain, a bounded
 * chunk at a time (a request's size is the driver's choice).  *driver_error is set when guest
 * memory refused the copy; false with it clear is a disk error (IOERR). */
static bool transfer(struct virtio_blk *v, const struct chain *c, uint64_t at, uint64_t len, bool to_guest,
                     bool *driver_error)
{
    enum { CHUNK = 16 * 1024 };
    uint8_t buf[CHUNK];
    for (uint64_t pos = 0; pos < len; pos += CHUNK) {
        uint64_t n = len - pos < CHUNK ? len - pos : CHUNK;
        if (to_guest) {
            if (!disk_image_read(v->disk, at + pos, buf, n))
                return false;
            if (!stream_copy(v, c->wr, c->nwr, pos, buf, n, true))
                return !(*driver_error = true);
        } else {
            if (!stream_copy(v, c->rd, c->nrd, HEADER_BYTES + pos, buf, n, false))
                return !(*driver_error = true);
            if (!disk_image_write(v->disk, at + pos, buf, n))
                return false;
        }
    }
    return true;
}

/* Performs the request; returns false on a driver error, else sets *written (bytes put in the
 * writable part, status byte included). */
static bool serve(struct virtio_blk *v, const struct chain *c, uint32_t *written)
{
    uint8_t hdr[HEADER_BYTES];
    if (c->rd_bytes < HEADER_BYTES || c->wr_bytes < 1 || !stream_copy(v, c->rd, c->nrd, 0, hdr, HEADER_BYTES, false))
        return false;
    uint32_t type = (uint32_t)le(hdr, 4);
    uint64_t sector = le(hdr + 8, 8);
    uint64_t data_in = c->rd_bytes - HEADER_BYTES, data_out = c->wr_bytes - 1;
    uint64_t len = type == T_OUT ? data_in : data_out, out_bytes = 0;
    bool range_ok = sector <= v->disk->size / DISK_SECTOR && len <= v->disk->size - sector * DISK_SECTOR &&
                    len % DISK_SECTOR == 0;
    bool driver_error = false;
    uint8_t status = S_OK;
    switch (type) {
    case T_IN:
        if (!range_ok || !transfer(v, c, sector * DISK_SECTOR, len, true, &driver_error))
            status = S_IOERR;
        else
            out_bytes = len;
        break;
    case T_OUT:
        if ((v->features & VIRTIO_BLK_F_RO) || !range_ok ||
            !transfer(v, c, sector * DISK_SECTOR, len, false, &driver_error))
            status = S_IOERR;
        break;
    case T_FLUSH:                                     /* writes are in the image already */
        break;
    case T_GET_ID:
        out_bytes = data_out < VIRTIO_BLK_ID_BYTES ? data_out : VIRTIO_BLK_ID_BYTES;
        driver_error = !stream_copy(v, c->wr, c->nwr, 0, (uint8_t *)v->id, out_bytes, true);
        break;
    default:
        status = S_UNSUPP;
        break;
    }
    if (driver_error || !stream_copy(v, c->wr, c->nwr, data_out, &status, 1, true))
        return false;
    *written = (uint32_t)(out_bytes + 1);
    return true;
}

static void notify(struct virtio_blk *v)
{
    if (!v->queue_ready || !(v->status & VIRTIO_STATUS_DRIVER_OK))
        return;
    struct chain *c = malloc(sizeof *c);
    uint16_t avail_flags, avail_idx;
    bool served = false;
    if (!c || !load_u16(v, v->avail_addr, &avail_flags) || !load_u16(v, v->avail_addr + 2, &avail_idx)) {
        free(c);
        fail(v);
        return;
    }
    while (v->last_avail != avail_idx) {
        uint16_t head;
        uint32_t written = 0;
        if (!load_u16(v, v->avail_addr + 4 + 2ull * (v->last_avail % v->queue_num), &head) ||
            !walk(v, head, c) || !serve(v, c, &written))
            goto driver_error;
        uint8_t elem[8];
        for (unsigned k = 0; k < 4; k++) {
            elem[k] = (uint8_t)(head >> 8 * k);
            elem[4 + k] = (uint8_t)(written >> 8 * k);
        }
        uint64_t slot = v->used_addr + 4 + 8ull * (v->used_idx % v->queue_num);
        if (!v->dma.write(v->dma.ctx, slot, elem, 8) || !store_u16(v, v->used_addr + 2, (uint16_t)(v->used_idx + 1)))
            goto driver_error;
        v->used_idx++;
        v->last_avail++;
        served = true;
    }
    free(c);
    if (served && !(avail_flags & AVAIL_F_NO_INTERRUPT)) {
        v->interrupt_status |= 1;
        virtio_blk_update_irq(v);
    }
    return;
driver_error:
    free(c);
    fail(v);
    v->interrupt_status |= 2;                         /* configuration change: look at status */
    virtio_blk_update_irq(v);
}

/* The configuration space: capacity (le64, sectors), size_max (le32), seg_max (le32),
 * geometry (4 bytes), blk_size (le32). */
static uint64_t config_read(const struct virtio_blk *v, uint64_t off, unsigned size)
{
    uint8_t cfg[24] = { 0 };
    uint64_t cap = v->disk->size / DISK_SECTOR;
    uint32_t seg_max = VIRTIO_BLK_QUEUE_MAX - 2, blk = DISK_SECTOR;
    for (unsigned k = 0; k < 8; k++)
        cfg[k] = (uint8_t)(cap >> 8 * k);
    for (unsigned k = 0; k < 4; k++) {
        cfg[12 + k] = (uint8_t)(seg_max >> 8 * k);
        cfg[20 + k] = (uint8_t)(blk >> 8 * k);
    }
    return off + size <= sizeof cfg ? le(cfg + off, size) : 0;
}

static bool vb_read(void *dev, uint64_t off, unsigned size, uint64_t *val)
{
    struct virtio_blk *v = dev;
    if (off >= R_CONFIG) {
        *val = config_read(v, off - R_CONFIG, size);
        return true;
    }
    if (size != 4 || off % 4)
        return false;
    uint64_t q_ok = v->queue_sel == 0;
    switch (off) {
    case R_MAGIC: *val = MAGIC; break;
    case R_VERSION: *val = 2; break;
    case R_DEVICE_ID: *val = 2; break;
    case R_VENDOR_ID: *val = VENDOR; break;
    case R_DEVICE_FEATURES:
        *val = v->device_features_sel < 2 ? (uint32_t)(v->features >> 32 * v->device_features_sel) : 0;
        break;
    case R_QUEUE_NUM_MAX: *val = q_ok ? VIRTIO_BLK_QUEUE_MAX : 0; break;
    case R_QUEUE_READY: *val = q_ok && v->queue_ready; break;
    case R_INTERRUPT_STATUS: *val = v->interrupt_status; break;
    case R_STATUS: *val = v->status; break;
    case R_CONFIG_GENERATION: *val = 0; break;
    default: *val = 0; break;
    }
    return true;
}

static void set_half(uint64_t *reg, uint64_t off_high, uint64_t off, uint64_t val)
{
    if (off == off_high)
        *reg = (*reg & 0xffffffffull) | val << 32;
    else
        *reg = (*reg & ~0xffffffffull) | val;
}

/* Queue 0 only, and its layout may change only while it is not ready. */
static bool queue_writable(const struct virtio_blk *v) { return v->queue_sel == 0 && !v->queue_ready; }

static bool vb_write(void *dev, uint64_t off, unsigned size, uint64_t val)
{
    struct virtio_blk *v = dev;
    if (off >= R_CONFIG)
        return true;                                  /* the block config is read-only */
    if (size != 4 || off % 4)
        return false;
    val &= 0xffffffffull;
    switch (off) {
    case R_DEVICE_FEATURES_SEL: v->device_features_sel = (uint32_t)val; break;
    case R_DRIVER_FEATURES_SEL: v->driver_features_sel = (uint32_t)val; break;
    case R_DRIVER_FEATURES:
        if (v->driver_features_sel < 2 && !(v->status & VIRTIO_STATUS_FEATURES_OK)) {
            unsigned sh = 32 * v->driver_features_sel;
            v->driver_features = (v->driver_features & ~(0xffffffffull << sh)) | val << sh;
        }
        break;
    case R_QUEUE_SEL: v->queue_sel = (uint32_t)val; break;
    case R_QUEUE_NUM:
        if (queue_writable(v))
            v->queue_num = (uint32_t)val;
        break;
    case R_QUEUE_READY:
        if (v->queue_sel != 0)
            break;
        if (val & 1) {
            bool pow2 = v->queue_num && !(v->queue_num & (v->queue_num - 1));
            if (!pow2 || v->queue_num > VIRTIO_BLK_QUEUE_MAX) {
                fail(v);
                break;
            }
        }
        v->queue_ready = val & 1;
        break;
    case R_QUEUE_NOTIFY:
        if (val == 0)
            notify(v);
        break;
    case R_INTERRUPT_ACK:
        v->interrupt_status &= ~(uint32_t)val;
        virtio_blk_update_irq(v);
        break;
    case R_STATUS:
        if (val == 0) {
            reset(v);
            break;
        }
        /* FEATURES_OK holds only for a subset of the offered features that includes VERSION_1 */
        if ((val & VIRTIO_STATUS_FEATURES_OK) && !(v->status & VIRTIO_STATUS_FEATURES_OK) &&
            ((v->driver_features & ~v->features) || !(v->driver_features & VIRTIO_F_VERSION_1)))
            val &= ~(uint64_t)VIRTIO_STATUS_FEATURES_OK;
        v->status = (uint32_t)val | (v->status & VIRTIO_STATUS_NEEDS_RESET);
        break;
    case R_QUEUE_DESC_LOW: case R_QUEUE_DESC_HIGH:
        if (queue_writable(v))
            set_half(&v->desc_addr, R_QUEUE_DESC_HIGH, off, val);
        break;
    case R_QUEUE_DRIVER_LOW: case R_QUEUE_DRIVER_HIGH:
        if (queue_writable(v))
            set_half(&v->avail_addr, R_QUEUE_DRIVER_HIGH, off, val);
        break;
    case R_QUEUE_DEVICE_LOW: case R_QUEUE_DEVICE_HIGH:
        if (queue_writable(v))
            set_half(&v->used_addr, R_QUEUE_DEVICE_HIGH, off, val);
        break;
    default: break;
    }
    return true;
}

struct mmio_region virtio_blk_region(struct virtio_blk *v, const char *name, uint64_t base)
{
    return (struct mmio_region){ name, base, VIRTIO_MMIO_SIZE, v, vb_read, vb_write };
}
