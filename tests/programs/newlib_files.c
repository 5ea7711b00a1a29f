/* The legacy system calls of the RISC-V newlib port (1024 open, 1025 link, 1026 unlink, 1030
 * mkdir, 1033 access, 1038 stat, 1039 lstat, 1062 time), issued directly as a newlib program
 * issues them: open takes newlib's O_* values, stat fills the kernel's struct stat.  The program
 * writes a file, copies it to standard output like cat, and inspects files with stat. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { SYS_OPEN = 1024, SYS_LINK = 1025, SYS_UNLINK = 1026, SYS_MKDIR = 1030, SYS_ACCESS = 1033,
       SYS_STAT = 1038, SYS_LSTAT = 1039, SYS_TIME = 1062,
       SYS_CLOSE = 57, SYS_READ = 63, SYS_WRITE = 64 };
/* newlib's O_* values (sys/_default_fcntl.h), not Linux's. */
enum { NL_O_RDONLY = 0, NL_O_WRONLY = 1, NL_O_RDWR = 2, NL_O_APPEND = 0x8, NL_O_CREAT = 0x200,
       NL_O_TRUNC = 0x400, NL_O_EXCL = 0x800 };

static long ecall3(long n, long a0, long a1, long a2)
{
    register long r0 __asm__("a0") = a0;
    register long r1 __asm__("a1") = a1;
    register long r2 __asm__("a2") = a2;
    register long nr __asm__("a7") = n;
    __asm__ volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r2), "r"(nr) : "memory");
    return r0;
}

/* The kernel's 64-bit struct stat (asm-generic), which newlib's struct kernel_stat mirrors. */
struct kstat {
    uint64_t dev, ino;
    uint32_t mode, nlink, uid, gid;
    uint64_t rdev, pad1;
    int64_t size;
    int32_t blksize, pad2;
    int64_t blocks;
    int64_t atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns;
    uint32_t unused[2];
};

static void put(const char *s) { ecall3(SYS_WRITE, 1, (long)s, (long)strlen(s)); }

static void cat(const char *path)
{
    long fd = ecall3(SYS_OPEN, (long)path, NL_O_RDONLY, 0);
    if (fd < 0) {
        printf("cat %s: error %ld\n", path, -fd);
        return;
    }
    char buf[7];   /* small, so the copy loops */
    long n;
    fflush(stdout);
    while ((n = ecall3(SYS_READ, fd, (long)buf, sizeof buf)) > 0)
        ecall3(SYS_WRITE, 1, (long)buf, n);
    ecall3(SYS_CLOSE, fd, 0, 0);
}

static void show_stat(const char *path, int link)
{
    struct kstat st;
    memset(&st, 0xa5, sizeof st);
    long rc = ecall3(link ? SYS_LSTAT : SYS_STAT, (long)path, (long)&st, 0);
    if (rc < 0) {
        printf("%s %s: error %ld\n", link ? "lstat" : "stat", path, -rc);
        return;
    }
    const char *kind = S_ISREG(st.mode) ? "file" : S_ISDIR(st.mode) ? "directory"
                     : S_ISLNK(st.mode) ? "symlink" : "other";
    /* Sizes and link counts of directories and symlinks depend on the host file system. */
    if (S_ISREG(st.mode))
        printf("%s %s: file, mode %o, size %lld, links %u, blksize set %d\n", link ? "lstat" : "stat",
               path, st.mode & 07777, (long long)st.size, st.nlink, st.blksize > 0);
    else
        printf("%s %s: %s, mode %o\n", link ? "lstat" : "stat", path, kind, st.mode & 07777);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    umask(022);
    long fd = ecall3(SYS_OPEN, (long)"notes.txt", NL_O_WRONLY | NL_O_CREAT | NL_O_TRUNC, 0640);
    put(fd >= 0 ? "created notes.txt\n" : "cannot create notes.txt\n");
    const char *text = "first line\nsecond line, a little longer\n";
    ecall3(SYS_WRITE, fd, (long)text, (long)strlen(text));
    ecall3(SYS_CLOSE, fd, 0, 0);
    fd = ecall3(SYS_OPEN, (long)"notes.txt", NL_O_WRONLY | NL_O_APPEND, 0);
    ecall3(SYS_WRITE, fd, (long)"appended\n", 9);
    ecall3(SYS_CLOSE, fd, 0, 0);
    printf("exclusive create of an existing file: error %ld\n",
           -ecall3(SYS_OPEN, (long)"notes.txt", NL_O_RDWR | NL_O_CREAT | NL_O_EXCL, 0600));

    cat("notes.txt");
    cat("missing.txt");
    show_stat("notes.txt", 0);

    printf("link: %ld\n", ecall3(SYS_LINK, (long)"notes.txt", (long)"copy.txt", 0));
    show_stat("copy.txt", 0);
    symlink("notes.txt", "alias.txt");
    show_stat("alias.txt", 1);
    show_stat("alias.txt", 0);
    printf("mkdir: %ld\n", ecall3(SYS_MKDIR, (long)"scratch/sub", 0750, 0));
    show_stat("scratch/sub", 0);
    printf("mkdir again: error %ld\n", -ecall3(SYS_MKDIR, (long)"scratch/sub", 0750, 0));
    printf("access notes.txt R_OK: %ld, missing: error %ld\n",
           ecall3(SYS_ACCESS, (long)"notes.txt", R_OK, 0), -ecall3(SYS_ACCESS, (long)"nothing", F_OK, 0));
    printf("unlink copy.txt: %ld, again: error %ld\n", ecall3(SYS_UNLINK, (long)"copy.txt", 0, 0),
           -ecall3(SYS_UNLINK, (long)"copy.txt", 0, 0));
    show_stat("notes.txt", 0);
    long t = 0, r = ecall3(SYS_TIME, (long)&t, 0, 0);
    printf("time: returned and stored agree %d, after 2020 %d\n", r == t, t > 1577836800L);
    printf("stat of a bad pointer: error %ld\n", -ecall3(SYS_STAT, (long)"notes.txt", 16, 0));
    return 0;
}
