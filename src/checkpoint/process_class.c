/* The linux-process class: everything the emulated kernel keeps for the program
 * (linux/process.h).  Host-dependent parts (fds, host files, shared mappings, cwd) are staged in
 * struct ckpt_process and applied by host_files.c once the whole snapshot has been checked. */
#include <stdlib.h>
#include <string.h>

#include "checkpoint/ckpt_internal.h"
#include "core/memory.h"
#include "snapshot/snap_error.h"

#define CP(o) ((struct ckpt_process *)(o))
#define P(o) (CP(o)->p)

/* A 64-bit field of the process with an inclusive upper bound. */
#define U64_FIELD(name, field, max)                                                          \
    static int get_##name(void *o, struct attr_value *v) { *v = attr_uint(P(o)->field); return 0; } \
    static int set_##name(void *o, const struct attr_value *v, char *err, size_t errlen)    \
    {                                                                                        \
        uint64_t x;                                                                          \
        if (!attr_get_u64(v, &x) || x > (uint64_t)(max))                                     \
            return snap_err(err, errlen, "out of range (at most 0x%llx)", (unsigned long long)(max)); \
        P(o)->field = (__typeof__(P(o)->field))x;                                            \
        return 0;                                                                            \
    }

#define BOOL_FIELD(name, field)                                                              \
    static int get_##name(void *o, struct attr_value *v) { *v = attr_bool(P(o)->field); return 0; } \
    static int set_##name(void *o, const struct attr_value *v, char *err, size_t errlen)    \
    {                                                                                        \
        (void)err, (void)errlen;                                                             \
        P(o)->field = v->b;                                                                  \
        return 0;                                                                            \
    }

/* A NUL-terminated string field stored in a fixed array. */
#define STR_FIELD(name, field)                                                               \
    static int get_##name(void *o, struct attr_value *v) { *v = attr_string(P(o)->field); return 0; } \
    static int set_##name(void *o, const struct attr_value *v, char *err, size_t errlen)    \
    {                                                                                        \
        if (v->str.len >= sizeof P(o)->field || strlen(v->str.bytes) != v->str.len)          \
            return snap_err(err, errlen, "string too long or contains NUL");                  \
        memcpy(P(o)->field, v->str.bytes, v->str.len + 1);                                   \
        return 0;                                                                            \
    }

BOOL_FIELD(host_time, opt.host_time)
BOOL_FIELD(host_random, opt.host_random)
U64_FIELD(seed, opt.seed, UINT64_MAX)
U64_FIELD(load_base, load_base, GUEST_VA_LIMIT)
U64_FIELD(brk_start, brk_start, GUEST_VA_LIMIT)
U64_FIELD(brk, brk, GUEST_VA_LIMIT)
U64_FIELD(mmap_top, mmap_top, GUEST_VA_LIMIT)
U64_FIELD(mmap_floor, mmap_floor, GUEST_VA_LIMIT)
U64_FIELD(stack_start, stack_start, GUEST_VA_LIMIT)
U64_FIELD(stack_end, stack_end, GUEST_VA_LIMIT)
STR_FIELD(exe_path, exe_path)
U64_FIELD(entry, entry, GUEST_VA_LIMIT)
U64_FIELD(phdr_addr, phdr_addr, GUEST_VA_LIMIT)
U64_FIELD(phnum, phnum, 65535)
U64_FIELD(arg_start, arg_start, GUEST_VA_LIMIT)
U64_FIELD(arg_end, arg_end, GUEST_VA_LIMIT)
U64_FIELD(auxv_addr, auxv_addr, GUEST_VA_LIMIT)
U64_FIELD(start_stack, start_stack, GUEST_VA_LIMIT)
STR_FIELD(comm, comm)
U64_FIELD(umask, umask, 0777)
U64_FIELD(pipe_counter, pipe_counter, UINT32_MAX)
U64_FIELD(sigmask, sigmask, UINT64_MAX)
U64_FIELD(clear_child_tid, clear_child_tid, UINT64_MAX)
U64_FIELD(robust_list, robust_list, UINT64_MAX)
U64_FIELD(robust_list_len, robust_list_len, UINT64_MAX)
U64_FIELD(sleep_ns, sleep_ns, UINT64_MAX)
BOOL_FIELD(exited, exited)

static int get_exit_status(void *o, struct attr_value *v) { *v = attr_int(P(o)->exit_status); return 0; }
static int set_exit_status(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    int64_t s;
    if (!attr_get_i64(v, &s) || s < 0 || s > 255 + 128)
        return snap_err(err, errlen, "exit_status out of range");
    P(o)->exit_status = (int)s;
    return 0;
}

static int get_rng(void *o, struct attr_value *v) { *v = attr_list_of_uints(P(o)->rng, 4); return 0; }
static int set_rng(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t s[4];
    for (int i = 0; i < 4; i++)
        if (!attr_get_u64(&v->list.items[i], &s[i]))
            return snap_err(err, errlen, "rng[%d]: not an unsigned 64-bit value", i);
    if ((s[0] | s[1] | s[2] | s[3]) == 0)
        return snap_err(err, errlen, "rng: an all-zero xoshiro state never leaves zero");
    memcpy(P(o)->rng, s, sizeof s);
    return 0;
}

static int get_altstack(void *o, struct attr_value *v)
{
    uint64_t a[3] = {P(o)->altstack_sp, P(o)->altstack_size, P(o)->altstack_flags};
    *v = attr_list_of_uints(a, 3);
    return 0;
}
static int set_altstack(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t a[3];
    for (int i = 0; i < 3; i++)
        if (!attr_get_u64(&v->list.items[i], &a[i]))
            return snap_err(err, errlen, "altstack[%d]: not an unsigned value", i);
    if (a[2] > UINT32_MAX)
        return snap_err(err, errlen, "altstack flags out of range");
    P(o)->altstack_sp = a[0];
    P(o)->altstack_size = a[1];
    P(o)->altstack_flags = (uint32_t)a[2];
    return 0;
}

static int get_rlimits(void *o, struct attr_value *v)
{
    *v = attr_list(LINUX_RLIMITS);
    for (int i = 0; i < LINUX_RLIMITS; i++) {
        uint64_t pair[2] = {P(o)->rlimits[i].cur, P(o)->rlimits[i].max};
        attr_list_append(v, attr_list_of_uints(pair, 2));
    }
    return 0;
}
static int set_rlimits(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    struct linux_rlimit r[LINUX_RLIMITS];
    for (int i = 0; i < LINUX_RLIMITS; i++) {
        const struct attr_value *pair = v->list.items[i].list.items;
        if (!attr_get_u64(&pair[0], &r[i].cur) || !attr_get_u64(&pair[1], &r[i].max) || r[i].cur > r[i].max)
            return snap_err(err, errlen, "rlimits[%d]: need 0 <= cur <= max", i);
    }
    memcpy(P(o)->rlimits, r, sizeof r);
    return 0;
}

/* Signal dispositions other than the default: (signal, handler, flags, mask). */
static int get_sigactions(void *o, struct attr_value *v)
{
    *v = attr_list(0);
    for (int s = 1; s <= LINUX_NSIG; s++) {
        const struct linux_sigaction *a = &P(o)->sigactions[s];
        if (!a->handler && !a->flags && !a->mask)
            continue;
        uint64_t t[4] = {(uint64_t)s, a->handler, a->flags, a->mask};
        attr_list_append(v, attr_list_of_uints(t, 4));
    }
    return 0;
}
static int set_sigactions(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    struct linux_sigaction acts[LINUX_NSIG + 1];
    memset(acts, 0, sizeof acts);
    for (size_t i = 0; i < v->list.n; i++) {
        const struct attr_value *t = v->list.items[i].list.items;
        uint64_t sig;
        if (!attr_get_u64(&t[0], &sig) || sig < 1 || sig > LINUX_NSIG)
            return snap_err(err, errlen, "sigactions[%zu]: signal number out of range 1..%d", i, LINUX_NSIG);
        struct linux_sigaction *a = &acts[sig];
        if (!attr_get_u64(&t[1], &a->handler) || !attr_get_u64(&t[2], &a->flags) || !attr_get_u64(&t[3], &a->mask))
            return snap_err(err, errlen, "sigactions[%zu]: values must be unsigned", i);
    }
    memcpy(P(o)->sigactions, acts, sizeof acts);
    return 0;
}

/* Pending signals with their siginfo: (signal, code, int1, int2, word); see linux/process.h. */
static int get_sigpending(void *o, struct attr_value *v)
{
    *v = attr_list(0);
    for (int s = 1; s <= LINUX_NSIG; s++) {
        if (!(P(o)->sigpending & (1ull << (s - 1))))
            continue;
        const struct linux_siginfo *si = &P(o)->siginfo[s];
        struct attr_value t = attr_list(5);
        attr_list_append(&t, attr_int(s));
        attr_list_append(&t, attr_int(si->code));
        attr_list_append(&t, attr_int(si->int1));
        attr_list_append(&t, attr_int(si->int2));
        attr_list_append(&t, attr_uint(si->word));
        attr_list_append(v, t);
    }
    return 0;
}
static bool get_i32(const struct attr_value *v, int32_t *out)
{
    int64_t x;
    if (!attr_get_i64(v, &x) || x < INT32_MIN || x > INT32_MAX)
        return false;
    *out = (int32_t)x;
    return true;
}
static int set_sigpending(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    uint64_t pending = 0;
    struct linux_siginfo info[LINUX_NSIG + 1];
    memset(info, 0, sizeof info);
    for (size_t i = 0; i < v->list.n; i++) {
        const struct attr_value *t = v->list.items[i].list.items;
        int32_t sig;
        if (!get_i32(&t[0], &sig) || sig < 1 || sig > LINUX_NSIG)
            return snap_err(err, errlen, "sigpending[%zu]: signal number out of range 1..%d", i, LINUX_NSIG);
        struct linux_siginfo *si = &info[sig];
        if (!get_i32(&t[1], &si->code) || !get_i32(&t[2], &si->int1) || !get_i32(&t[3], &si->int2) ||
            !attr_get_u64(&t[4], &si->word))
            return snap_err(err, errlen, "sigpending[%zu]: values out of range", i);
        pending |= 1ull << (sig - 1);
    }
    P(o)->sigpending = pending;
    memcpy(P(o)->siginfo, info, sizeof info);
    return 0;
}

/* Timers in use: (index, clock, signal, expiry, interval, value, overrun); index 0..2 are the
 * itimers, expiry 0 means disarmed. */
static int get_timers(void *o, struct attr_value *v)
{
    *v = attr_list(0);
    for (int i = 0; i < LINUX_NTIMERS; i++) {
        const struct linux_timer *tm = &P(o)->timers[i];
        if (!tm->used && !tm->expiry && !tm->interval)
            continue;
        struct attr_value t = attr_list(7);
        attr_list_append(&t, attr_int(i));
        attr_list_append(&t, attr_int(tm->clock));
        attr_list_append(&t, attr_int(tm->signo));
        attr_list_append(&t, attr_uint(tm->expiry));
        attr_list_append(&t, attr_uint(tm->interval));
        attr_list_append(&t, attr_uint(tm->value));
        attr_list_append(&t, attr_int(tm->overrun));
        attr_list_append(v, t);
    }
    return 0;
}
static int set_timers(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    struct linux_timer timers[LINUX_NTIMERS];
    memset(timers, 0, sizeof timers);
    for (size_t i = 0; i < v->list.n; i++) {
        const struct attr_value *t = v->list.items[i].list.items;
        int32_t index;
        if (!get_i32(&t[0], &index) || index < 0 || index >= LINUX_NTIMERS)
            return snap_err(err, errlen, "timers[%zu]: index out of range 0..%d", i, LINUX_NTIMERS - 1);
        struct linux_timer *tm = &timers[index];
        if (!get_i32(&t[1], &tm->clock) || !get_i32(&t[2], &tm->signo) || tm->signo < 0 ||
            tm->signo > LINUX_NSIG || !attr_get_u64(&t[3], &tm->expiry) ||
            !attr_get_u64(&t[4], &tm->interval) || !attr_get_u64(&t[5], &tm->value) ||
            !get_i32(&t[6], &tm->overrun))
            return snap_err(err, errlen, "timers[%zu]: values out of range", i);
        tm->used = true;
    }
    memcpy(P(o)->timers, timers, sizeof timers);
    return 0;
}

static bool plain_path(const struct attr_value *s)
{
    return s->str.len > 0 && s->str.len < LINUX_PATH_MAX && strlen(s->str.bytes) == s->str.len;
}

static int get_cwd(void *o, struct attr_value *v) { *v = attr_string(P(o)->cwd); return 0; }
static int set_cwd(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    if (!plain_path(v) || v->str.bytes[0] != '/')
        return snap_err(err, errlen, "cwd must be an absolute path");
    free(CP(o)->cwd);
    CP(o)->cwd = strdup(v->str.bytes);
    return CP(o)->cwd ? 0 : snap_err(err, errlen, "out of memory");
}

/* fds: (fd, path, flags, cloexec, stdio, offset, dup_of). */
static int get_fds(void *o, struct attr_value *v)
{
    *v = attr_list(CP(o)->nfds);
    for (size_t i = 0; i < CP(o)->nfds; i++) {
        const struct ckpt_fd *f = &CP(o)->fds[i];
        struct attr_value t = attr_list(7);
        attr_list_append(&t, attr_int(f->fd));
        attr_list_append(&t, attr_string(f->path));
        attr_list_append(&t, attr_uint((uint64_t)(unsigned)f->flags));
        attr_list_append(&t, attr_bool(f->cloexec));
        attr_list_append(&t, attr_int(f->stdio));
        attr_list_append(&t, attr_int(f->offset));
        attr_list_append(&t, attr_int(f->dup_of));
        attr_list_append(v, t);
    }
    return 0;
}
static int set_fds(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    struct ckpt_process *cp = CP(o);
    if (v->list.n > LINUX_MAX_FDS)
        return snap_err(err, errlen, "more than %d fds", LINUX_MAX_FDS);
    struct ckpt_fd *fds = calloc(v->list.n ? v->list.n : 1, sizeof *fds);
    if (!fds)
        return snap_err(err, errlen, "out of memory");
    size_t n = 0;
    int rc = 0;
    for (size_t i = 0; i < v->list.n && rc == 0; i++) {
        const struct attr_value *t = v->list.items[i].list.items;
        int64_t fd, stdio, offset, dup_of;
        uint64_t flags;
        if (!attr_get_i64(&t[0], &fd) || fd < 0 || fd >= LINUX_MAX_FDS || (n > 0 && fd <= fds[n - 1].fd))
            rc = snap_err(err, errlen, "fds[%zu]: fd out of range 0..%d or not increasing", i, LINUX_MAX_FDS - 1);
        else if (!plain_path(&t[1]))
            rc = snap_err(err, errlen, "fds[%zu]: bad path", i);
        else if (!attr_get_u64(&t[2], &flags) || flags > INT32_MAX)
            rc = snap_err(err, errlen, "fds[%zu]: bad flags", i);
        else if (!attr_get_i64(&t[4], &stdio) || stdio < -1 || stdio > 2)
            rc = snap_err(err, errlen, "fds[%zu]: stdio must be -1, 0, 1 or 2", i);
        else if (!attr_get_i64(&t[5], &offset) || offset < -1)
            rc = snap_err(err, errlen, "fds[%zu]: bad offset", i);
        else if (!attr_get_i64(&t[6], &dup_of) || dup_of < -1 || dup_of >= fd)
            rc = snap_err(err, errlen, "fds[%zu]: dup_of must name an earlier fd", i);
        else {
            fds[n] = (struct ckpt_fd){.fd = (int)fd, .path = strdup(t[1].str.bytes), .flags = (int)flags,
                                      .cloexec = t[3].b, .stdio = (int)stdio, .offset = offset,
                                      .dup_of = (int)dup_of};
            if (!fds[n++].path)
                rc = snap_err(err, errlen, "out of memory");
        }
    }
    for (size_t i = 0; i < cp->nfds; i++)
        free(cp->fds[i].path);
    free(cp->fds);
    cp->fds = fds;
    cp->nfds = n;
    return rc;
}

static const char *const kind_names[] = {"file", "dir", "device", "stdio", "other"};

/* files: (path, kind, size, mtime_ns, xxh3, content or NIL). */
static int get_files(void *o, struct attr_value *v)
{
    *v = attr_list(CP(o)->nfiles);
    for (size_t i = 0; i < CP(o)->nfiles; i++) {
        const struct ckpt_file *f = &CP(o)->files[i];
        struct attr_value t = attr_list(6);
        attr_list_append(&t, attr_string(f->path));
        attr_list_append(&t, attr_string(kind_names[f->kind]));
        attr_list_append(&t, attr_uint(f->size));
        attr_list_append(&t, attr_uint(f->mtime_ns));
        attr_list_append(&t, attr_uint(f->hash));
        attr_list_append(&t, f->has_content ? attr_data(f->content, f->size) : attr_nil());
        attr_list_append(v, t);
    }
    return 0;
}
static int set_files(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    struct ckpt_process *cp = CP(o);
    if (v->list.n > CKPT_MAX_FILES)
        return snap_err(err, errlen, "more than %d host files", CKPT_MAX_FILES);
    struct ckpt_file *files = calloc(v->list.n ? v->list.n : 1, sizeof *files);
    if (!files)
        return snap_err(err, errlen, "out of memory");
    size_t n = 0;
    int rc = 0;
    for (size_t i = 0; i < v->list.n && rc == 0; i++) {
        const struct attr_value *t = v->list.items[i].list.items;
        struct ckpt_file *f = &files[n];
        int kind = -1;
        for (int k = 0; k < (int)(sizeof kind_names / sizeof kind_names[0]); k++)
            if (!strcmp(t[1].str.bytes, kind_names[k]))
                kind = k;
        if (!plain_path(&t[0]) || t[0].str.bytes[0] != '/')
            rc = snap_err(err, errlen, "files[%zu]: path must be absolute", i);
        else if (kind < 0)
            rc = snap_err(err, errlen, "files[%zu]: unknown kind '%s'", i, t[1].str.bytes);
        else if (!attr_get_u64(&t[2], &f->size) || !attr_get_u64(&t[3], &f->mtime_ns) ||
                 !attr_get_u64(&t[4], &f->hash))
            rc = snap_err(err, errlen, "files[%zu]: size, mtime and hash must be unsigned", i);
        else if (t[5].kind == ATTR_DATA && t[5].data.length != f->size)
            rc = snap_err(err, errlen, "files[%zu]: content length differs from the size", i);
        else {
            f->kind = (enum ckpt_file_kind)kind;
            f->path = strdup(t[0].str.bytes);
            if (t[5].kind == ATTR_DATA) {
                f->has_content = true;
                f->content = malloc(f->size ? f->size : 1);
                if (f->content && f->size)
                    memcpy(f->content, t[5].data.payload, f->size);
            }
            n++;
            if (!f->path || (f->has_content && !f->content))
                rc = snap_err(err, errlen, "out of memory");
        }
    }
    for (size_t i = 0; i < cp->nfiles; i++) {
        free(cp->files[i].path);
        free(cp->files[i].content);
    }
    free(cp->files);
    cp->files = files;
    cp->nfiles = n;
    return rc;
}

/* shared_maps: (addr, len, file offset, writable, path). */
static int get_shared(void *o, struct attr_value *v)
{
    const struct linux_process *p = P(o);
    *v = attr_list(p->nshared);
    for (unsigned i = 0; i < p->nshared; i++) {
        const struct linux_shared_map *s = &p->shared[i];
        struct attr_value t = attr_list(5);
        attr_list_append(&t, attr_uint(s->addr));
        attr_list_append(&t, attr_uint(s->len));
        attr_list_append(&t, attr_uint(s->offset));
        attr_list_append(&t, attr_bool(s->writable));
        attr_list_append(&t, attr_string(s->path));
        attr_list_append(v, t);
    }
    return 0;
}
static int set_shared(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    struct ckpt_process *cp = CP(o);
    if (v->list.n > LINUX_MAX_SHARED_MAPS)
        return snap_err(err, errlen, "more than %d shared mappings", LINUX_MAX_SHARED_MAPS);
    struct linux_shared_map *s = calloc(v->list.n ? v->list.n : 1, sizeof *s);
    if (!s)
        return snap_err(err, errlen, "out of memory");
    size_t n = 0;
    int rc = 0;
    for (size_t i = 0; i < v->list.n && rc == 0; i++) {
        const struct attr_value *t = v->list.items[i].list.items;
        struct linux_shared_map *m = &s[n];
        if (!attr_get_u64(&t[0], &m->addr) || !attr_get_u64(&t[1], &m->len) || !attr_get_u64(&t[2], &m->offset) ||
            m->len == 0 || m->addr >= GUEST_VA_LIMIT || m->len > GUEST_VA_LIMIT - m->addr || m->offset > INT64_MAX)
            rc = snap_err(err, errlen, "shared_maps[%zu]: range outside the guest address space", i);
        else if (!plain_path(&t[4]) || t[4].str.bytes[0] != '/')
            rc = snap_err(err, errlen, "shared_maps[%zu]: path must be absolute", i);
        else {
            m->writable = t[3].b;
            m->host_fd = -1;
            m->path = strdup(t[4].str.bytes);
            n++;
            if (!m->path)
                rc = snap_err(err, errlen, "out of memory");
        }
    }
    for (size_t i = 0; i < cp->nshared; i++)
        free(cp->shared[i].path);
    free(cp->shared);
    cp->shared = s;
    cp->nshared = n;
    return rc;
}

/* The cycle count guest time derives from (the cycle and time CSRs, clocks, timers): a restore
 * continues it in any model.  Older snapshots lack it; they continue from instret. */
static int get_cycles(void *o, struct attr_value *v) { *v = attr_uint(CP(o)->cycles); return 0; }
static int set_cycles(void *o, const struct attr_value *v, char *err, size_t errlen)
{
    CP(o)->has_cycles = v->kind != ATTR_NIL;
    if (CP(o)->has_cycles && !attr_get_u64(v, &CP(o)->cycles))
        return snap_err(err, errlen, "cycles must be a non-negative 64-bit count");
    return 0;
}

#define FIELD(name, type, desc) {#name, type, SNAP_ATTR_REQUIRED, NULL, get_##name, set_##name, desc}

static const struct snap_attr_def process_attrs[] = {
    {"host_time", "b", SNAP_ATTR_OPTIONAL, "FALSE", get_host_time, set_host_time,
     "guest clocks follow the host clock (not reproducible)"},
    {"host_random", "b", SNAP_ATTR_OPTIONAL, "FALSE", get_host_random, set_host_random,
     "getrandom reads host randomness (not reproducible)"},
    {"seed", "i", SNAP_ATTR_OPTIONAL, NULL, get_seed, set_seed, "seed the random generator started from"},
    FIELD(load_base, "i", "load address of a PIE executable (0 for ET_EXEC)"),
    FIELD(brk_start, "i", "start of the heap"),
    FIELD(brk, "i", "program break"),
    FIELD(mmap_top, "i", "top-down mmap placement starts below this address"),
    FIELD(mmap_floor, "i", "lowest address mmap places mappings at"),
    FIELD(stack_start, "i", "lowest address of the stack region"),
    FIELD(stack_end, "i", "end of the stack region"),
    FIELD(exe_path, "s", "the program's absolute path (/proc/self/exe)"),
    FIELD(entry, "i", "entry point (AT_ENTRY)"),
    FIELD(phdr_addr, "i", "program headers in memory (AT_PHDR)"),
    FIELD(phnum, "i", "number of program headers (AT_PHNUM)"),
    {"arg_start", "i", SNAP_ATTR_OPTIONAL, "0", get_arg_start, set_arg_start, "argument strings (/proc/self/cmdline)"},
    {"arg_end", "i", SNAP_ATTR_OPTIONAL, "0", get_arg_end, set_arg_end, "end of the argument strings"},
    {"auxv_addr", "i", SNAP_ATTR_OPTIONAL, "0", get_auxv_addr, set_auxv_addr, "auxiliary vector (/proc/self/auxv)"},
    {"start_stack", "i", SNAP_ATTR_OPTIONAL, "0", get_start_stack, set_start_stack, "initial stack pointer"},
    FIELD(comm, "s", "thread name (prctl PR_SET_NAME)"),
    FIELD(cwd, "s", "guest working directory (must lie inside the allowed directories)"),
    FIELD(umask, "i", "file mode creation mask"),
    FIELD(pipe_counter, "i", "pipes created so far (names pipe:[n])"),
    FIELD(files, "[[ssiiid|n]*]", "host files in use: (path, kind, size, mtime ns, xxh3, content or NIL)"),
    {"fs_changes", "[[ssiiiid|s|n]*]", SNAP_ATTR_OPTIONAL, "()", ckpt_get_fs_changes, ckpt_set_fs_changes,
     "host paths the program changed: (path, file|dir|symlink|absent, mode, same_as, size, xxh3, "
     "content | symlink target | NIL)"},
    FIELD(fds, "[[isibiii]*]", "open fds: (fd, path, flags, cloexec, stdio 0-2 or -1, offset, dup_of fd or -1)"),
    FIELD(shared, "[[iiibs]*]", "MAP_SHARED file mappings: (address, length, file offset, writable, path)"),
    FIELD(sigactions, "[[iiii]*]", "non-default signal dispositions: (signal, handler, flags, mask)"),
    FIELD(sigmask, "i", "blocked signals"),
    FIELD(altstack, "[i{3}]", "sigaltstack: (sp, size, flags)"),
    {"sigpending", "[[iiiii]*]", SNAP_ATTR_OPTIONAL, "()", get_sigpending, set_sigpending,
     "pending signals: (signal, si_code, pid or timer id, uid or overrun, address or value)"},
    {"timers", "[[iiiiiii]*]", SNAP_ATTR_OPTIONAL, "()", get_timers, set_timers,
     "timers in use: (index, clock, signal, expiry in guest ns, interval, sigev value, overrun)"},
    FIELD(clear_child_tid, "i", "set_tid_address pointer"),
    FIELD(robust_list, "i", "set_robust_list head"),
    FIELD(robust_list_len, "i", "set_robust_list length"),
    FIELD(rlimits, "[[ii]{16}]", "resource limits (cur, max) by RLIMIT number"),
    FIELD(sleep_ns, "i", "virtual time added by sleeps (guest clocks = cycle time + this)"),
    {"cycles", "i|n", SNAP_ATTR_OPTIONAL, "NIL", get_cycles, set_cycles,
     "the guest's cycle count (cycle CSR; time and clocks derive from it); NIL: instret"},
    FIELD(rng, "[i{4}]", "xoshiro256** state behind getrandom"),
    FIELD(exited, "b", "the program has exited"),
    FIELD(exit_status, "i", "exit status once exited"),
};

const struct snap_class_def ckpt_process_class = {
    "linux-process", "the emulated Linux process: layout, files, signals, clocks, randomness",
    process_attrs, sizeof process_attrs / sizeof process_attrs[0]};

void ckpt_process_clear(struct ckpt_process *cp)
{
    for (size_t i = 0; i < cp->nfiles; i++) {
        free(cp->files[i].path);
        free(cp->files[i].content);
    }
    for (size_t i = 0; i < cp->nfds; i++)
        free(cp->fds[i].path);
    for (size_t i = 0; i < cp->nshared; i++)
        free(cp->shared[i].path);
    free(cp->files);
    free(cp->fds);
    free(cp->shared);
    free(cp->cwd);
    ckpt_fs_clear(cp);
    struct linux_process *p = cp->p;
    *cp = (struct ckpt_process){.p = p};
}
