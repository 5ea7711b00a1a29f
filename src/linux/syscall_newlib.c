/* The legacy system calls of the RISC-V newlib port (libgloss's machine/syscall.h, as riscv-pk
 * and simulators for bare newlib programs implement them): numbers from 1024 on, path-based
 * forms of today's *at calls.  Each maps onto the modern call with AT_FDCWD; open also
 * translates newlib's own O_* values, and stat/lstat fill the kernel's 64-bit struct stat,
 * which is the struct kernel_stat newlib converts from. */
#include "linux/syscall_internal.h"

enum {
    NEWLIB_SYS_open = 1024, NEWLIB_SYS_link = 1025, NEWLIB_SYS_unlink = 1026,
    NEWLIB_SYS_mkdir = 1030, NEWLIB_SYS_access = 1033, NEWLIB_SYS_stat = 1038,
    NEWLIB_SYS_lstat = 1039, NEWLIB_SYS_time = 1062,
};

/* newlib's sys/_default_fcntl.h values; the access mode (low two bits) is the same. */
static int newlib_open_flags(uint64_t f)
{
    static const struct { unsigned newlib; int guest; } map[] = {
        { 0x0008, G_O_APPEND }, { 0x0200, G_O_CREAT }, { 0x0400, G_O_TRUNC }, { 0x0800, G_O_EXCL },
        { 0x2000, G_O_SYNC }, { 0x4000, G_O_NONBLOCK }, { 0x8000, G_O_NOCTTY },
    };
    int g = (int)(f & G_O_ACCMODE);
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (f & map[i].newlib)
            g |= map[i].guest;
    return g;
}

static const uint64_t CWD = (uint64_t)(int64_t)G_AT_FDCWD;

SYSCALL(newlib_open)
{
    const uint64_t b[6] = { CWD, a[0], (uint64_t)newlib_open_flags(a[1]), a[2] };
    return sys_openat(m, b);
}

SYSCALL(newlib_link)
{
    const uint64_t b[6] = { CWD, a[0], CWD, a[1], 0 };
    return sys_linkat(m, b);
}

SYSCALL(newlib_unlink)
{
    const uint64_t b[6] = { CWD, a[0], 0 };
    return sys_unlinkat(m, b);
}

SYSCALL(newlib_mkdir)
{
    const uint64_t b[6] = { CWD, a[0], a[1] };
    return sys_mkdirat(m, b);
}

SYSCALL(newlib_access)
{
    const uint64_t b[6] = { CWD, a[0], a[1] };
    return sys_faccessat(m, b);
}

SYSCALL(newlib_stat)
{
    const uint64_t b[6] = { CWD, a[0], a[1], 0 };
    return sys_newfstatat(m, b);
}

SYSCALL(newlib_lstat)
{
    const uint64_t b[6] = { CWD, a[0], a[1], G_AT_SYMLINK_NOFOLLOW };
    return sys_newfstatat(m, b);
}

SYSCALL(newlib_time)
{
    uint64_t ns;
    clock_now_ns(m, 0 /* CLOCK_REALTIME */, &ns);
    int64_t t = (int64_t)(ns / 1000000000ull);
    if (a[0] && mem_write(&m->mem, a[0], &t, sizeof t) != 0)
        return -EFAULT;
    return t;
}

syscall_fn newlib_syscall(uint64_t nr)
{
    switch (nr) {
    case NEWLIB_SYS_open: return sys_newlib_open;
    case NEWLIB_SYS_link: return sys_newlib_link;
    case NEWLIB_SYS_unlink: return sys_newlib_unlink;
    case NEWLIB_SYS_mkdir: return sys_newlib_mkdir;
    case NEWLIB_SYS_access: return sys_newlib_access;
    case NEWLIB_SYS_stat: return sys_newlib_stat;
    case NEWLIB_SYS_lstat: return sys_newlib_lstat;
    case NEWLIB_SYS_time: return sys_newlib_time;
    default: return NULL;
    }
}
