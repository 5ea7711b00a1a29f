/* MAP_SHARED file mappings.  Guest memory is private to the simulator, so a shared mapping is a
 * copy kept coherent by hand: changed bytes go back to the file before anything could read the
 * file, and the copy is refreshed after the guest writes to a file.  With one process this is
 * indistinguishable from real sharing. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linux/syscall_internal.h"

#define CHUNK (64u << 10)

bool shared_map_add(struct linux_process *p, uint64_t addr, uint64_t len, int host_fd,
                    uint64_t offset, bool writable, const char *path)
{
    if (p->nshared == LINUX_MAX_SHARED_MAPS)
        return false;
    int fd = dup(host_fd);
    char *copy = strdup(path);
    if (fd < 0 || !copy) {
        if (fd >= 0)
            close(fd);
        free(copy);
        return false;
    }
    p->shared[p->nshared++] = (struct linux_shared_map){
        .addr = addr, .len = len, .offset = offset, .host_fd = fd, .writable = writable, .path = copy };
    return true;
}

/* Bytes of the mapping that lie inside the file (the rest has no file behind it). */
static uint64_t backed_len(const struct linux_shared_map *s)
{
    struct stat st;
    if (fstat(s->host_fd, &st) != 0 || (uint64_t)st.st_size <= s->offset)
        return 0;
    uint64_t in_file = (uint64_t)st.st_size - s->offset;
    return in_file < s->len ? in_file : s->len;
}

static void flush_one(struct machine *m, const struct linux_shared_map *s)
{
    uint64_t len = backed_len(s);
    uint8_t *file = len ? malloc(CHUNK) : NULL;
    if (!file)
        return;
    for (uint64_t done = 0; done < len;) {
        size_t n = len - done < CHUNK ? (size_t)(len - done) : CHUNK;
        const uint8_t *mem = m->mem.host + s->addr + done;
        ssize_t got = pread(s->host_fd, file, n, (off_t)(s->offset + done));
        /* Only differing chunks are written, so unchanged files keep their timestamps. */
        if (got != (ssize_t)n || memcmp(file, mem, n) != 0)
            if (pwrite(s->host_fd, mem, n, (off_t)(s->offset + done)) != (ssize_t)n)
                break;
        done += n;
    }
    free(file);
}

void shared_map_flush(struct machine *m)
{
    struct linux_process *p = m->proc;
    for (unsigned i = 0; i < p->nshared; i++)
        if (p->shared[i].writable)
            flush_one(m, &p->shared[i]);
}

void shared_map_reload(struct machine *m)
{
    struct linux_process *p = m->proc;
    for (unsigned i = 0; i < p->nshared; i++) {
        const struct linux_shared_map *s = &p->shared[i];
        uint64_t len = backed_len(s);
        if (len == 0)
            continue;
        mem_before_write(&m->mem, s->addr, len);
        ssize_t n = pread(s->host_fd, m->mem.host + s->addr, len, (off_t)s->offset);
        if (n > 0)
            mem_mark_dirty(&m->mem, s->addr, (uint64_t)n);
    }
}

static void drop(struct linux_process *p, unsigned i)
{
    close(p->shared[i].host_fd);
    free(p->shared[i].path);
    p->shared[i] = p->shared[--p->nshared];
}

void shared_map_forget(struct machine *m, uint64_t addr, uint64_t len)
{
    struct linux_process *p = m->proc;
    uint64_t end = addr + len;
    for (unsigned i = 0; i < p->nshared;) {
        struct linux_shared_map *s = &p->shared[i];
        uint64_t s_end = s->addr + s->len;
        if (s_end <= addr || s->addr >= end) {
            i++;
            continue;
        }
        if (s->writable)
            flush_one(m, s);
        if (s->addr >= addr && s_end <= end) {
            drop(p, i);   /* the replacement entry moves into slot i */
            continue;
        }
        if (s->addr < addr && s_end > end) {
            /* A hole in the middle: keep the head here and add the tail as its own entry. */
            /* (With the table full the tail is simply no longer written back.) */
            shared_map_add(p, end, s_end - end, s->host_fd, s->offset + (end - s->addr),
                           s->writable, s->path);
            s = &p->shared[i];
            s->len = addr - s->addr;
        } else if (s->addr < addr) {
            s->len = addr - s->addr;
        } else {
            s->offset += end - s->addr;
            s->len = s_end - end;
            s->addr = end;
        }
        i++;
    }
}

void shared_map_release(struct linux_process *p)
{
    while (p->nshared > 0)
        drop(p, p->nshared - 1);
}
