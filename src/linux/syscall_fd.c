/* File descriptor management: open, close, dup, fcntl, pipes, ioctl.  Host descriptors are
 * always close-on-exec and kept above 2; the guest's numbering lives in the fd table. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/log.h"
#include "linux/stdio_view.h"
#include "linux/syscall_internal.h"

SYSCALL(openat)
{
    int flags = arg_int(a[2]);
    char path[LINUX_PATH_MAX];
    int rc = path_from_guest(m, (int64_t)(int32_t)a[0], a[1], false, path);
    if (rc != 0)
        return rc;
    int64_t proc_fd;
    if (procfs_open(m, path, flags, &proc_fd))
        return proc_fd;
    unsigned mode = 0;
    if ((flags & G_O_CREAT) || (flags & G_O_TMPFILE) == G_O_TMPFILE)
        mode = (unsigned)a[3] & 07777 & ~m->proc->umask;
    int hfd = open(path, open_flags_to_host(flags) | O_CLOEXEC, mode);
    if (hfd < 0)
        return -errno;
    /* Anything opened for writing may change: a snapshot must be able to give it back. */
    bool tmpfile = (flags & G_O_TMPFILE) == G_O_TMPFILE;
    if (!tmpfile && ((flags & G_O_ACCMODE) != 0 || (flags & (G_O_CREAT | G_O_TRUNC))))
        linux_touch_path(m->proc, path);
    return fd_install(m->proc, 0, hfd, flags & ~G_O_CLOEXEC, flags & G_O_CLOEXEC, false, path);
}

SYSCALL(close)
{
    return fd_close(m->proc, arg_int(a[0]));
}

SYSCALL(close_range)
{
    enum { G_CLOSE_RANGE_UNSHARE = 2, G_CLOSE_RANGE_CLOEXEC = 4 };
    uint32_t first = (uint32_t)a[0], last = (uint32_t)a[1];
    if (first > last || (a[2] & ~(uint64_t)(G_CLOSE_RANGE_UNSHARE | G_CLOSE_RANGE_CLOEXEC)))
        return -EINVAL;
    for (uint64_t fd = first; fd <= last && fd < LINUX_MAX_FDS; fd++) {
        struct linux_fd *f = fd_get(m->proc, (int64_t)fd);
        if (f && (a[2] & G_CLOSE_RANGE_CLOEXEC))
            f->cloexec = true;
        else if (f)
            fd_close(m->proc, (int)fd);
    }
    return 0;
}

/* A new guest fd at or above minfd sharing f's open file. */
static int64_t dup_from(struct machine *m, struct linux_fd *f, int minfd, bool cloexec)
{
    int hfd = fcntl(f->host_fd, F_DUPFD_CLOEXEC, 3);
    if (hfd < 0)
        return -errno;
    return fd_install(m->proc, minfd, hfd, f->flags, cloexec, false, f->path);
}

SYSCALL(dup)
{
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    return f ? dup_from(m, f, 0, false) : -EBADF;
}

SYSCALL(dup3)
{
    int oldfd = arg_int(a[0]), newfd = arg_int(a[1]);
    if (a[2] & ~(uint64_t)G_O_CLOEXEC)
        return -EINVAL;
    struct linux_fd *f = fd_get(m->proc, oldfd);
    if (!f)
        return -EBADF;
    if (oldfd == newfd)
        return -EINVAL;
    if (newfd < 0 || newfd >= fd_limit(m->proc))
        return -EBADF;
    int hfd = fcntl(f->host_fd, F_DUPFD_CLOEXEC, 3);
    if (hfd < 0)
        return -errno;
    fd_close(m->proc, newfd);
    return fd_install(m->proc, newfd, hfd, f->flags, a[2] & G_O_CLOEXEC, false, f->path);
}

/* Record locks go to the host, so they also hold against other host processes. */
static int64_t lock_op(struct machine *m, struct linux_fd *f, int cmd, uint64_t addr)
{
    struct { int16_t type, whence; int32_t pad; int64_t start, len; int32_t pid, pad2; } g;
    if (mem_read(&m->mem, addr, &g, sizeof g) != 0)
        return -EFAULT;
    struct flock h = { .l_type = g.type, .l_whence = g.whence, .l_start = g.start, .l_len = g.len };
    if (fcntl(f->host_fd, cmd, &h) != 0)
        return -errno;
    if (cmd == F_GETLK || cmd == F_OFD_GETLK) {
        g.type = h.l_type;
        g.whence = h.l_whence;
        g.start = h.l_start;
        g.len = h.l_len;
        g.pid = h.l_pid;
        if (mem_write(&m->mem, addr, &g, sizeof g) != 0)
            return -EFAULT;
    }
    return 0;
}

SYSCALL(fcntl)
{
    enum {
        G_F_DUPFD = 0, G_F_GETFD = 1, G_F_SETFD = 2, G_F_GETFL = 3, G_F_SETFL = 4,
        G_F_GETLK = 5, G_F_SETLK = 6, G_F_SETLKW = 7, G_F_OFD_GETLK = 36, G_F_OFD_SETLK = 37,
        G_F_OFD_SETLKW = 38, G_F_DUPFD_CLOEXEC = 1030, G_F_SETPIPE_SZ = 1031,
        G_F_GETPIPE_SZ = 1032,
    };
    /* Only these status flags can change after open. */
    const int settable = G_O_APPEND | G_O_NONBLOCK | G_O_ASYNC | G_O_DIRECT | G_O_NOATIME;
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    int cmd = arg_int(a[1]);
    switch (cmd) {
    case G_F_DUPFD:
    case G_F_DUPFD_CLOEXEC: {
        int64_t minfd = (int64_t)(int32_t)a[2];
        if (minfd < 0 || minfd >= fd_limit(m->proc))
            return -EINVAL;
        return dup_from(m, f, (int)minfd, cmd == G_F_DUPFD_CLOEXEC);
    }
    case G_F_GETFD:
        return f->cloexec ? 1 : 0;
    case G_F_SETFD:
        f->cloexec = a[2] & 1;
        return 0;
    case G_F_GETFL: {
        if (stdio_view_pinned(m->proc, f))   /* the host's say "terminal" or "appending file" */
            return f->flags & ~G_O_CLOEXEC;
        int hfl = fcntl(f->host_fd, F_GETFL);
        return hfl < 0 ? -errno : open_flags_to_guest(hfl) & ~G_O_CLOEXEC;
    }
    case G_F_SETFL: {
        int want = arg_int(a[2]) & settable;
        int hfl = fcntl(f->host_fd, F_GETFL);
        if (hfl < 0)
            return -errno;
        int keep = hfl & ~open_flags_to_host(settable);
        if (fcntl(f->host_fd, F_SETFL, keep | open_flags_to_host(want)) != 0)
            return -errno;
        f->flags = (f->flags & ~settable) | want;
        return 0;
    }
    case G_F_GETLK: return lock_op(m, f, F_GETLK, a[2]);
    case G_F_SETLK: return lock_op(m, f, F_SETLK, a[2]);
    case G_F_SETLKW: return lock_op(m, f, F_SETLKW, a[2]);
    case G_F_OFD_GETLK: return lock_op(m, f, F_OFD_GETLK, a[2]);
    case G_F_OFD_SETLK: return lock_op(m, f, F_OFD_SETLK, a[2]);
    case G_F_OFD_SETLKW: return lock_op(m, f, F_OFD_SETLKW, a[2]);
    case G_F_GETPIPE_SZ:
    case G_F_SETPIPE_SZ: {
        int r = fcntl(f->host_fd, cmd == G_F_GETPIPE_SZ ? F_GETPIPE_SZ : F_SETPIPE_SZ, arg_int(a[2]));
        return r < 0 ? -errno : r;
    }
    default: {
        char key[32];
        snprintf(key, sizeof key, "fcntl %d", cmd);
        log_once(key, "fcntl command %d not supported", cmd);
        return -EINVAL;
    }
    }
}

SYSCALL(pipe2)
{
    struct linux_process *p = m->proc;
    int flags = arg_int(a[1]);
    if (flags & ~(G_O_CLOEXEC | G_O_NONBLOCK | G_O_DIRECT))
        return -EINVAL;
    if (!mem_range_ok(&m->mem, a[0], 8, MEM_W))
        return -EFAULT;
    int h[2];
    if (pipe2(h, O_CLOEXEC | open_flags_to_host(flags & ~G_O_CLOEXEC)) != 0)
        return -errno;
    char name[32];
    snprintf(name, sizeof name, "pipe:[%u]", ++p->pipe_counter);
    bool cloexec = flags & G_O_CLOEXEC;
    int status = flags & (G_O_NONBLOCK | G_O_DIRECT);
    int fds[2];
    fds[0] = fd_install(p, 0, h[0], status | 0 /* O_RDONLY */, cloexec, false, name);
    if (fds[0] < 0) {
        close(h[1]);
        return fds[0];
    }
    fds[1] = fd_install(p, 0, h[1], status | 1 /* O_WRONLY */, cloexec, false, name);
    if (fds[1] < 0) {
        fd_close(p, fds[0]);
        return fds[1];
    }
    mem_write(&m->mem, a[0], fds, sizeof fds);
    return 0;
}

SYSCALL(ioctl)
{
    enum {
        G_TCGETS = 0x5401, G_TCSETS = 0x5402, G_TCSETSW = 0x5403, G_TCSETSF = 0x5404,
        G_TIOCGPGRP = 0x540f, G_TIOCGWINSZ = 0x5413, G_FIONREAD = 0x541b, G_FIONBIO = 0x5421,
        G_FIONCLEX = 0x5450, G_FIOCLEX = 0x5451,
    };
    enum { TERMIOS_SIZE = 36, WINSIZE_SIZE = 8 };   /* the kernel's struct termios / winsize */
    struct linux_fd *f = fd_get(m->proc, arg_int(a[0]));
    if (!f)
        return -EBADF;
    uint32_t req = (uint32_t)a[1];
    uint64_t arg = a[2];
    /* The host kernel's termios and winsize have the generic layout on x86-64, AArch64 and
     * RISC-V hosts, so terminal requests pass straight through. */
    int64_t viewed;
    if (stdio_view_ioctl(m, f, req, arg, &viewed))
        return viewed;
    unsigned char buf[64];
    memset(buf, 0, sizeof buf);
    switch (req) {
    case G_TCGETS:
    case G_TIOCGWINSZ: {
        size_t size = req == G_TCGETS ? TERMIOS_SIZE : WINSIZE_SIZE;
        if (ioctl(f->host_fd, req == G_TCGETS ? TCGETS : TIOCGWINSZ, buf) != 0)
            return -errno;
        return mem_write(&m->mem, arg, buf, size);
    }
    case G_TCSETS:
    case G_TCSETSW:
    case G_TCSETSF: {
        if (!isatty(f->host_fd))
            return -ENOTTY;
        if (mem_read(&m->mem, arg, buf, TERMIOS_SIZE) != 0)
            return -EFAULT;
        unsigned long hreq = req == G_TCSETS ? TCSETS : req == G_TCSETSW ? TCSETSW : TCSETSF;
        return ioctl(f->host_fd, hreq, buf) != 0 ? -errno : 0;
    }
    case G_TIOCGPGRP: {
        if (!isatty(f->host_fd))
            return -ENOTTY;
        int32_t pgrp = LINUX_PID;
        return mem_write(&m->mem, arg, &pgrp, sizeof pgrp);
    }
    case G_FIONREAD: {
        int n = 0;
        if (ioctl(f->host_fd, FIONREAD, &n) != 0)
            return -errno;
        int32_t v = n;
        return mem_write(&m->mem, arg, &v, sizeof v);
    }
    case G_FIONBIO: {
        int32_t on;
        if (mem_read(&m->mem, arg, &on, sizeof on) != 0)
            return -EFAULT;
        int hfl = fcntl(f->host_fd, F_GETFL);
        if (hfl < 0 || fcntl(f->host_fd, F_SETFL, on ? hfl | O_NONBLOCK : hfl & ~O_NONBLOCK) != 0)
            return -errno;
        f->flags = on ? f->flags | G_O_NONBLOCK : f->flags & ~G_O_NONBLOCK;
        return 0;
    }
    case G_FIOCLEX:
    case G_FIONCLEX:
        f->cloexec = req == G_FIOCLEX;
        return 0;
    default: {
        char key[32];
        snprintf(key, sizeof key, "ioctl %x", req);
        log_once(key, "ioctl request 0x%x not supported", req);
        return -ENOTTY;
    }
    }
}
