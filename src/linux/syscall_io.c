/* Data transfer: read/write and friends, lseek, truncation, directory listing.  The host kernel
 * copies straight into or out of guest memory (one flat host mapping), after the range has been
 * checked against the guest's page permissions: no intermediate buffers. */
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "linux/stdio_view.h"
#include "linux/syscall_internal.h"

#define MAX_RW_COUNT 0x7ffff000ull   /* the kernel's cap on one transfer */
#define G_UIO_MAXIOV 1024

static uint64_t clamp_count(uint64_t n) { return n > MAX_RW_COUNT ? MAX_RW_COUNT : n; }

/* Runs a host transfer, retrying when a host signal interrupts it, except SIGINT/SIGTERM to the
 * simulator: a guest blocked on a pipe or terminal must not keep the run from ending (the call
 * fails with EINTR and the model stops before the next instruction). */
#define RETRY(expr) \
    ({ ssize_t r_; do r_ = (expr); while (r_ < 0 && errno == EINTR && !machine_stop_requested); r_; })

static int64_t do_read(struct machine *m, uint64_t fd, uint64_t buf, uint64_t count,
                       bool positioned, int64_t off)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(fd));
    if (!f)
        return -EBADF;
    if (positioned && off < 0)
        return -EINVAL;
    if (m->proc->nshared)
        shared_map_flush(m);
    count = clamp_count(count);
    void *dst = guest_ptr(m, buf, count, MEM_W);
    if (!dst)
        return -EFAULT;
    ssize_t n = positioned ? RETRY(pread(f->host_fd, dst, count, off))
                           : RETRY(read(f->host_fd, dst, count));
    if (n < 0)
        return -errno;
    mem_mark_dirty(&m->mem, buf, (uint64_t)n);
    return n;
}

static int64_t do_write(struct machine *m, uint64_t fd, uint64_t buf, uint64_t count,
                        bool positioned, int64_t off)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(fd));
    if (!f)
        return -EBADF;
    if (positioned && off < 0)
        return -EINVAL;
    count = clamp_count(count);
    const void *src = guest_ptr(m, buf, count, MEM_R);
    if (!src)
        return -EFAULT;
    if (m->proc->nshared)
        shared_map_flush(m);
    ssize_t n = positioned ? RETRY(pwrite(f->host_fd, src, count, off))
                           : RETRY(write(f->host_fd, src, count));
    int64_t result = n < 0 ? -errno : n;
    if (m->proc->nshared)
        shared_map_reload(m);
    return signal_if_broken_pipe(m, result);
}

SYSCALL(read) { return do_read(m, a[0], a[1], a[2], false, 0); }
SYSCALL(write) { return do_write(m, a[0], a[1], a[2], false, 0); }
SYSCALL(pread64) { return do_read(m, a[0], a[1], a[2], true, (int64_t)a[3]); }
SYSCALL(pwrite64) { return do_write(m, a[0], a[1], a[2], true, (int64_t)a[3]); }

/* Translates a guest iovec array into host iovecs pointing into guest memory; returns how many
 * can be used.  As on Linux, a buffer that cannot be accessed ends the transfer there: the
 * buffers before it are still transferred, and only a first bad buffer is -EFAULT. */
static int64_t gather(struct machine *m, uint64_t iov, uint64_t cnt, unsigned need,
                      struct iovec *out)
{
    uint64_t total = 0, usable = cnt;
    for (uint64_t i = 0; i < cnt; i++) {
        uint64_t g[2];
        if (mem_read(&m->mem, iov + i * 16, g, sizeof g) != 0)
            return -EFAULT;
        if ((int64_t)g[1] < 0)
            return -EINVAL;
        uint64_t len = g[1] > MAX_RW_COUNT - total ? MAX_RW_COUNT - total : g[1];
        void *p = usable == cnt ? guest_ptr(m, g[0], len, need) : NULL;
        if (!p && usable == cnt) {
            if (i == 0 || g[0] >= GUEST_VA_LIMIT)
                return -EFAULT;
            usable = i;
        }
        out[i] = (struct iovec){ .iov_base = p, .iov_len = len };
        total += len;
    }
    return (int64_t)usable;
}

static int64_t do_vector(struct machine *m, const uint64_t a[6], bool is_read)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    uint64_t cnt = a[2];
    if (cnt > G_UIO_MAXIOV)
        return -EINVAL;
    struct iovec iov[G_UIO_MAXIOV];
    int64_t rc = gather(m, a[1], cnt, is_read ? MEM_W : MEM_R, iov);
    if (rc < 0)
        return rc;
    cnt = (uint64_t)rc;
    if (m->proc->nshared)
        shared_map_flush(m);
    ssize_t n = is_read ? RETRY(readv(f->host_fd, iov, (int)cnt))
                        : RETRY(writev(f->host_fd, iov, (int)cnt));
    int err = errno;
    if (!is_read && m->proc->nshared)
        shared_map_reload(m);
    if (n < 0)
        return is_read ? -err : signal_if_broken_pipe(m, -err);
    if (is_read)
        for (uint64_t i = 0, left = (uint64_t)n; i < cnt && left > 0; i++) {
            uint64_t len = iov[i].iov_len < left ? iov[i].iov_len : left;
            mem_mark_dirty(&m->mem, (uint64_t)((uint8_t *)iov[i].iov_base - m->mem.host), len);
            left -= len;
        }
    return n;
}

SYSCALL(readv) { return do_vector(m, a, true); }
SYSCALL(writev) { return do_vector(m, a, false); }

SYSCALL(lseek)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    if (a[2] > 4)   /* SEEK_SET, CUR, END, DATA, HOLE */
        return -EINVAL;
    if (stdio_view_pinned(m->proc, f))   /* pipes and terminals cannot seek */
        return -ESPIPE;
    off_t r = lseek(f->host_fd, (off_t)a[1], (int)a[2]);
    return r < 0 ? -errno : r;
}

SYSCALL(ftruncate)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    if ((int64_t)a[1] < 0)
        return -EINVAL;
    int rc = ftruncate(f->host_fd, (off_t)a[1]) != 0 ? -errno : 0;
    if (m->proc->nshared)
        shared_map_reload(m);
    return rc;
}

SYSCALL(truncate)
{
    char path[LINUX_PATH_MAX];
    int rc = path_from_guest(m, G_AT_FDCWD, a[0], false, path);
    if (rc != 0)
        return rc;
    if ((int64_t)a[1] < 0)
        return -EINVAL;
    rc = truncate(path, (off_t)a[1]) != 0 ? -errno : 0;
    if (rc == 0)
        linux_touch_path(m->proc, path);
    if (m->proc->nshared)
        shared_map_reload(m);
    return rc;
}

/* fsync and fdatasync. */
SYSCALL(fsync)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    return fsync(f->host_fd) != 0 ? -errno : 0;
}

SYSCALL(getdents64)
{
    /* struct linux_dirent64 has the same layout on every Linux architecture. */
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    uint64_t count = a[2] > (1u << 20) ? (1u << 20) : a[2];
    void *dst = guest_ptr(m, a[1], count, MEM_W);
    if (!dst)
        return -EFAULT;
    long n = syscall(SYS_getdents64, f->host_fd, dst, (size_t)count);
    if (n < 0)
        return -errno;
    mem_mark_dirty(&m->mem, a[1], (uint64_t)n);
    return n;
}

SYSCALL(fadvise64)
{
    /* Advice only affects caching, which a simulated program cannot observe. */
    if (!fd_get(m->proc, arg_int(a[0])))
        return -EBADF;
    return a[3] > 5 || (int64_t)a[2] < 0 ? -EINVAL : 0;
}
