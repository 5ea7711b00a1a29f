/* The guest's view of the standard streams it inherits from the simulator.
 *
 * The host's streams differ from run to run -- a terminal, a file, a pipe, /dev/null -- and a
 * program asks: glibc's stdio sizes and line-buffers its buffers from fstat and the TCGETS
 * ioctl (so `printf` alone retires a different number of instructions into a file than on a
 * terminal), and isatty, lseek and fcntl(F_GETFL) tell the kinds apart.  Unless linux:stdio is
 * "host", the three streams (and their dups, and /dev/stdin etc. opened by name) therefore look
 * the same on every run: pipes, or a terminal of fixed settings and size.  Reads and writes still
 * go to the host's streams; a guest's terminal settings are accepted but not applied. */
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "linux/stdio_view.h"

enum linux_stdio_view linux_stdio_view_parse(const char *name)
{
    return strcmp(name, "tty") == 0 ? LINUX_STDIO_TTY
         : strcmp(name, "host") == 0 ? LINUX_STDIO_HOST : LINUX_STDIO_PIPE;
}

int stdio_view_stream(const struct linux_process *p, const char *path)
{
    static const char *const names[3] = { "/dev/stdin", "/dev/stdout", "/dev/stderr" };
    if (p->opt.stdio == LINUX_STDIO_HOST || !path)
        return -1;
    for (int i = 0; i < 3; i++)
        if (strcmp(path, names[i]) == 0)
            return i;
    return -1;
}

bool stdio_view_pinned(const struct linux_process *p, const struct linux_fd *f)
{
    return stdio_view_stream(p, f->path) >= 0;
}

void stdio_view_stat(const struct linux_process *p, int stream, struct stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_nlink = 1;
    st->st_uid = LINUX_UID;
    if (p->opt.stdio == LINUX_STDIO_TTY) {
        /* One pseudo-terminal, /dev/pts/0, for all three streams, as a shell gives them. */
        st->st_dev = makedev(0, 24);
        st->st_ino = 3;
        st->st_mode = S_IFCHR | 0620;
        st->st_gid = 5;   /* the tty group */
        st->st_rdev = makedev(136, 0);
        st->st_blksize = 1024;
    } else {
        st->st_dev = makedev(0, 12);   /* pipefs */
        st->st_ino = 1000 + (ino_t)stream;
        st->st_mode = S_IFIFO | 0600;
        st->st_gid = LINUX_GID;
        st->st_blksize = 4096;
    }
}

void stdio_view_statx(const struct linux_process *p, int stream, struct statx *stx)
{
    struct stat st;
    stdio_view_stat(p, stream, &st);
    memset(stx, 0, sizeof *stx);
    stx->stx_mask = STATX_BASIC_STATS;
    stx->stx_blksize = (uint32_t)st.st_blksize;
    stx->stx_nlink = (uint32_t)st.st_nlink;
    stx->stx_uid = st.st_uid;
    stx->stx_gid = st.st_gid;
    stx->stx_mode = (uint16_t)st.st_mode;
    stx->stx_ino = st.st_ino;
    stx->stx_rdev_major = major(st.st_rdev);
    stx->stx_rdev_minor = minor(st.st_rdev);
    stx->stx_dev_major = major(st.st_dev);
    stx->stx_dev_minor = minor(st.st_dev);
}

/* The kernel's struct termios (36 bytes) as a fresh terminal has it: 38400 baud, 8 bits, canonical
 * mode with echo and the usual control characters. */
static void default_termios(unsigned char out[36])
{
    const uint32_t flags[4] = {
        0x0500,   /* c_iflag: ICRNL | IXON */
        0x0005,   /* c_oflag: OPOST | ONLCR */
        0x00bf,   /* c_cflag: B38400 | CS8 | CREAD */
        0x8a3b,   /* c_lflag: ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN */
    };
    /* c_line, then c_cc: INTR QUIT ERASE KILL EOF TIME MIN SWTC START STOP SUSP EOL REPRINT
     * DISCARD WERASE LNEXT EOL2. */
    const unsigned char cc[18] = { 0, 3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0,
                                   0x12, 0x0f, 0x17, 0x16, 0 };
    memset(out, 0, 36);
    memcpy(out, flags, sizeof flags);
    memcpy(out + 16, cc, sizeof cc);
}

bool stdio_view_ioctl(struct machine *m, const struct linux_fd *f, uint32_t req, uint64_t arg,
                      int64_t *result)
{
    enum {
        G_TCGETS = 0x5401, G_TCSETS = 0x5402, G_TCSETSW = 0x5403, G_TCSETSF = 0x5404,
        G_TIOCGPGRP = 0x540f, G_TIOCGWINSZ = 0x5413,
    };
    if (!stdio_view_pinned(m->proc, f))
        return false;
    bool tty = m->proc->opt.stdio == LINUX_STDIO_TTY;
    unsigned char buf[36];
    switch (req) {
    case G_TCGETS:
        default_termios(buf);
        *result = tty ? mem_write(&m->mem, arg, buf, 36) : -ENOTTY;
        return true;
    case G_TCSETS:
    case G_TCSETSW:
    case G_TCSETSF:
        *result = !tty ? -ENOTTY : mem_read(&m->mem, arg, buf, 36) != 0 ? -EFAULT : 0;
        return true;
    case G_TIOCGWINSZ: {
        const uint16_t ws[4] = { 24, 80, 0, 0 };   /* rows, columns, pixel sizes */
        *result = tty ? mem_write(&m->mem, arg, ws, sizeof ws) : -ENOTTY;
        return true;
    }
    case G_TIOCGPGRP: {
        int32_t pgrp = LINUX_PID;
        *result = tty ? mem_write(&m->mem, arg, &pgrp, sizeof pgrp) : -ENOTTY;
        return true;
    }
    default:
        return false;   /* FIONREAD, FIONBIO, FIOCLEX...: about the data, passed through */
    }
}
