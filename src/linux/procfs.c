/* The guest's own /proc entries.  The host's /proc/self describes the simulator, so opening
 * /proc/self/{cmdline,maps,stat,auxv,comm} (also through /proc/thread-self and /proc/<guest
 * pid>) gives a read-only file generated from the guest's state at open time, as the kernel
 * (and qemu-user) generate theirs. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>   /* memfd_create (the build defines _GNU_SOURCE) */
#include <unistd.h>

#include "linux/syscall_internal.h"

const char *proc_self_entry(const struct linux_process *p, const char *path)
{
    static const char *const selves[] = { "/proc/self/", "/proc/thread-self/" };
    for (size_t i = 0; i < sizeof selves / sizeof selves[0]; i++)
        if (strncmp(path, selves[i], strlen(selves[i])) == 0)
            return path + strlen(selves[i]);
    char pid_prefix[32];
    int n = snprintf(pid_prefix, sizeof pid_prefix, "/proc/%d/", p->pid);
    return strncmp(path, pid_prefix, (size_t)n) == 0 ? path + n : NULL;
}

/* A growing text buffer; on allocation failure it stays truncated and `failed` is set. */
struct text {
    char *buf;
    size_t len, cap;
    bool failed;
};

static void add(struct text *t, const void *data, size_t n)
{
    if (t->failed)
        return;
    if (t->len + n > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->len + n)
            cap *= 2;
        char *nb = realloc(t->buf, cap);
        if (!nb) {
            t->failed = true;
            return;
        }
        t->buf = nb;
        t->cap = cap;
    }
    memcpy(t->buf + t->len, data, n);
    t->len += n;
}

static void addf(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void addf(struct text *t, const char *fmt, ...)
{
    char line[LINUX_PATH_MAX + 128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n > 0)
        add(t, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

/* Copies guest memory [from, to) into t (what the kernel reads for cmdline and auxv). */
static void add_guest(struct text *t, struct machine *m, uint64_t from, uint64_t to)
{
    char chunk[512];
    while (from < to) {
        size_t n = to - from < sizeof chunk ? (size_t)(to - from) : sizeof chunk;
        if (mem_read(&m->mem, from, chunk, n) != 0)
            return;
        add(t, chunk, n);
        from += n;
    }
}

/* The name a region shows in maps: the program for its own segments, the kernel-style names
 * for the stack, heap and vdso, nothing for anonymous memory. */
static const char *region_name(const struct linux_process *p, const struct mem_region *r, char *buf)
{
    if (r->tag[0] == '[')
        return r->tag;
    if (strcmp(r->tag, "elf") == 0)   /* named as /proc/self/exe names it */
        return cwd_view_from_host(p, p->exe_path, buf);
    return r->tag[0] == '/' ? r->tag : "";
}

static void gen_maps(struct text *t, struct machine *m)
{
    for (size_t i = 0; i < m->mem.nregions; i++) {
        const struct mem_region *r = &m->mem.regions[i];
        char buf[LINUX_PATH_MAX];
        const char *name = region_name(m->proc, r, buf);
        int n = 0;
        char head[128];
        n = snprintf(head, sizeof head, "%08llx-%08llx %c%c%cp 00000000 00:00 0",
                     (unsigned long long)r->start, (unsigned long long)r->end,
                     r->perm & MEM_R ? 'r' : '-', r->perm & MEM_W ? 'w' : '-',
                     r->perm & MEM_X ? 'x' : '-');
        /* The kernel pads to column 73 before a name. */
        addf(t, "%s%*s%s\n", head, *name ? (n < 72 ? 72 - n : 0) + 1 : 0, "", name);
    }
}

static void gen_stat(struct text *t, struct machine *m)
{
    const struct linux_process *p = m->proc;
    const char *slash = strrchr(p->exe_path, '/');
    const char *comm = p->comm[0] ? p->comm : slash ? slash + 1 : p->exe_path;
    uint64_t utime = m->hart.instret / 10000000;   /* clock ticks of 10 ms at 1 ns per instruction */
    uint64_t vsize = m->mem.mapped_bytes;
    /* Fields as in proc(5): pid (comm) state ppid pgrp session tty tpgid flags faults x4
     * utime stime cutime cstime priority nice threads itrealvalue starttime vsize rss rsslim
     * startcode endcode startstack esp eip signal blocked ignored caught wchan nswap cnswap
     * exit_signal processor rt_priority policy blkio guest_time cguest_time start_data
     * end_data start_brk arg_start arg_end env_start env_end exit_code. */
    uint64_t ignored = 0, caught = 0;
    for (int s = 1; s <= LINUX_NSIG; s++) {
        if (p->sigactions[s].handler == G_SIG_IGN)
            ignored |= sig_bit(s);
        else if (p->sigactions[s].handler != G_SIG_DFL)
            caught |= sig_bit(s);
    }
    addf(t, "%d (%.15s) R %d %d %d 0 -1 4194304 0 0 0 0 %llu 0 0 0 20 0 1 0 0 %llu %llu "
            "18446744073709551615 %llu %llu %llu 0 0 %llu %llu %llu %llu 0 0 0 17 0 0 0 0 0 0 "
            "0 0 %llu %llu %llu 0 0 0\n",
         p->pid, comm, p->ppid, LINUX_PID, LINUX_PID, (unsigned long long)utime,
         (unsigned long long)vsize, (unsigned long long)(vsize / GUEST_PAGE_SIZE),
         (unsigned long long)p->load_base, (unsigned long long)p->brk_start,
         (unsigned long long)p->start_stack, (unsigned long long)p->sigpending,
         (unsigned long long)p->sigmask, (unsigned long long)ignored, (unsigned long long)caught,
         (unsigned long long)p->brk_start, (unsigned long long)p->arg_start,
         (unsigned long long)p->arg_end);
}

static void gen_auxv(struct text *t, struct machine *m)
{
    uint64_t at = m->proc->auxv_addr;
    for (unsigned i = 0; at && i < 64; i++, at += 16) {
        uint64_t pair[2];
        if (mem_read(&m->mem, at, pair, sizeof pair) != 0)
            return;
        add(t, pair, sizeof pair);
        if (pair[0] == 0)
            return;
    }
}

bool procfs_open(struct machine *m, const char *path, int flags, int64_t *result)
{
    const char *entry = proc_self_entry(m->proc, path);
    if (!entry)
        return false;
    struct text t = { 0 };
    if (strcmp(entry, "cmdline") == 0)
        add_guest(&t, m, m->proc->arg_start, m->proc->arg_end);
    else if (strcmp(entry, "maps") == 0)
        gen_maps(&t, m);
    else if (strcmp(entry, "stat") == 0)
        gen_stat(&t, m);
    else if (strcmp(entry, "auxv") == 0)
        gen_auxv(&t, m);
    else if (strcmp(entry, "comm") == 0)
        addf(&t, "%s\n", m->proc->comm[0] ? m->proc->comm
                         : strrchr(m->proc->exe_path, '/') ? strrchr(m->proc->exe_path, '/') + 1
                                                           : m->proc->exe_path);
    else
        return false;
    int64_t rc;
    if (t.failed) {
        rc = -ENOMEM;
    } else if ((flags & G_O_ACCMODE) != 0) {
        rc = -EACCES;   /* these entries are read-only */
    } else {
        int fd = memfd_create("snapsim-proc", MFD_CLOEXEC);
        if (fd < 0 || (t.len && write(fd, t.buf, t.len) != (ssize_t)t.len) || lseek(fd, 0, SEEK_SET) != 0) {
            rc = -errno;
            if (fd >= 0)
                close(fd);
        } else {
            rc = fd_install(m->proc, 0, fd, flags & ~G_O_CLOEXEC, flags & G_O_CLOEXEC, false, path);
        }
    }
    free(t.buf);
    *result = rc;
    return true;
}
