/* Host input recorded in the parent and delivered again in a LightSSS replay (input_log.h). */
#include "debug/input_log.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/machine.h"
#include "snapshot/fd_io.h"

/* RISC-V Linux system call numbers of the input calls. */
enum { NR_READ = 63, NR_READV = 65, NR_PREAD64 = 67 };
/* A device's read (no system call has this number); its one range is {0, bytes}. */
#define NR_DEVICE UINT64_MAX

struct record {
    uint64_t instret, nr, result;   /* result: a0 after the call */
    uint64_t nranges;               /* guest ranges written, each {addr, len} then its bytes */
};

static bool is_input(uint64_t nr)
{
    return nr == NR_READ || nr == NR_READV || nr == NR_PREAD64;
}

static bool reserve(struct input_log *l, size_t more)
{
    if (l->len + more <= l->cap)
        return true;
    if (l->len + more > INPUT_LOG_MAX)
        return false;
    size_t cap = l->cap ? l->cap : 4096;
    while (cap < l->len + more)
        cap *= 2;
    unsigned char *b = realloc(l->buf, cap);
    if (!b)
        return false;
    l->buf = b;
    l->cap = cap;
    return true;
}

static void put(struct input_log *l, const void *p, size_t n)
{
    memcpy(l->buf + l->len, p, n);
    l->len += n;
}

/* The guest ranges the call filled: the buffer (read, pread64) or the iovecs (readv), cut at
 * the bytes it delivered.  Returns the number written to `out` (at most max). */
static size_t filled_ranges(const struct machine *m, uint64_t nr, const uint64_t *args, uint64_t got,
                            uint64_t (*out)[2], size_t max)
{
    if (nr != NR_READV) {
        out[0][0] = args[1], out[0][1] = got;
        return 1;
    }
    size_t n = 0;
    for (uint64_t i = 0; i < args[2] && got && n < max; i++) {
        uint64_t iov[2];
        if (mem_read(&m->mem, args[1] + 16 * i, iov, sizeof iov) != 0)
            break;
        uint64_t take = iov[1] < got ? iov[1] : got;
        out[n][0] = iov[0], out[n][1] = take;
        n++;
        got -= take;
    }
    return n;
}

#define MAX_RANGES 64

/* A record that could not be kept: a replay that needs it may diverge (lightsss.c says so). */
static void dropped(struct input_log *l, uint64_t instret)
{
    l->overflow = true;
    l->dropped_at = instret;
}

/* The replay's next record, if it is the call `nr` at instruction `instret`. */
static bool next_is(const struct input_log *l, uint64_t instret, uint64_t nr, struct record *r)
{
    if (l->next >= l->len)
        return false;
    memcpy(r, l->buf + l->next, sizeof *r);
    return r->instret == instret && r->nr == nr;
}

void input_log_record(struct input_log *l, const struct machine *m, const uint64_t *args)
{
    uint64_t nr = m->hart.x[17], result = m->hart.x[10];
    if (!is_input(nr) || m->halt == HALT_EXIT || m->halt == HALT_SIGNAL)
        return;
    uint64_t ranges[MAX_RANGES][2];
    int64_t got = (int64_t)result;
    size_t n = got > 0 ? filled_ranges(m, nr, args, (uint64_t)got, ranges, MAX_RANGES) : 0;
    size_t need = sizeof(struct record);
    for (size_t i = 0; i < n; i++)
        need += 16 + ranges[i][1];
    if (!reserve(l, need)) {
        dropped(l, m->hart.instret);
        return;
    }
    struct record r = { m->hart.instret, nr, result, n };
    size_t start = l->len;
    put(l, &r, sizeof r);
    for (size_t i = 0; i < n; i++) {
        put(l, ranges[i], 16);
        if (mem_read(&m->mem, ranges[i][0], l->buf + l->len, ranges[i][1]) != 0) {
            l->len = start;          /* the guest's buffer is gone: nothing to replay */
            dropped(l, m->hart.instret);
            return;
        }
        l->len += ranges[i][1];
    }
}

/* The size of the record at offset `at`. */
static size_t record_size(const struct input_log *l, size_t at)
{
    struct record r;
    memcpy(&r, l->buf + at, sizeof r);
    size_t size = sizeof r;
    for (uint64_t i = 0; i < r.nranges; i++) {
        uint64_t range[2];
        memcpy(range, l->buf + at + size, 16);
        size += 16 + range[1];
    }
    return size;
}

void input_log_trim(struct input_log *l, uint64_t instret)
{
    if (l->overflow && l->dropped_at < instret)
        l->overflow = false;         /* what was dropped is older than any replay now */
    if (!l->len)
        return;
    size_t at = 0;
    while (at < l->len) {
        struct record r;
        memcpy(&r, l->buf + at, sizeof r);
        if (r.instret >= instret)
            break;
        at += record_size(l, at);
    }
    memmove(l->buf, l->buf + at, l->len - at);
    l->len -= at;
}

bool input_log_replay(struct input_log *l, struct machine *m)
{
    struct record r;
    if (!next_is(l, m->hart.instret, m->hart.x[17], &r))
        return false;
    size_t at = l->next + sizeof r;
    for (uint64_t i = 0; i < r.nranges; i++) {
        uint64_t range[2];
        memcpy(range, l->buf + at, 16);
        mem_write(&m->mem, range[0], l->buf + at + 16, range[1]);
        at += 16 + range[1];
    }
    l->next = at;
    m->hart.x[10] = r.result;
    m->hart.pc += 4;                 /* past the ecall, as the call would have returned */
    return true;
}

void input_log_record_device(struct input_log *l, uint64_t instret, const uint8_t *buf, int got)
{
    uint64_t n = got > 0 ? (uint64_t)got : 0;
    if (!reserve(l, sizeof(struct record) + (n ? 16 + n : 0))) {
        dropped(l, instret);
        return;
    }
    struct record r = { instret, NR_DEVICE, (uint64_t)(int64_t)got, n ? 1 : 0 };
    put(l, &r, sizeof r);
    if (n) {
        uint64_t range[2] = { 0, n };
        put(l, range, sizeof range);
        put(l, buf, n);
    }
}

int input_log_replay_device(struct input_log *l, uint64_t instret, uint8_t *buf, unsigned max)
{
    struct record r;
    if (!next_is(l, instret, NR_DEVICE, &r))
        return 0;
    size_t at = l->next + sizeof r;
    uint64_t n = 0;
    if (r.nranges) {
        uint64_t range[2];
        memcpy(range, l->buf + at, 16);
        n = range[1] < max ? range[1] : max;   /* the same run asks for the same room */
        memcpy(buf, l->buf + at + 16, n);
        at += 16 + range[1];
    }
    l->next = at;
    return (int64_t)r.result < 0 ? -1 : (int)n;
}

bool input_log_send(const struct input_log *l, int fd)
{
    uint64_t len = l->len;
    return fd_write_all(fd, &len, sizeof len) && fd_write_all(fd, l->buf, l->len);
}

bool input_log_receive(struct input_log *l, int fd)
{
    uint64_t len;
    if (!fd_read_all(fd, &len, sizeof len) || len > INPUT_LOG_MAX)
        return false;
    free(l->buf);
    *l = (struct input_log){ .buf = malloc(len ? len : 1), .len = len, .cap = len };
    return l->buf && fd_read_all(fd, l->buf, len);
}

void input_log_free(struct input_log *l)
{
    free(l->buf);
    *l = (struct input_log){ 0 };
}
