/* File system calls: open/read/write/seek round trips through guest memory, fd numbering, stat,
 * directories, paths relative to the emulated cwd, and the errors Linux gives. */
#include <fcntl.h>
#include <sys/stat.h>

#include "test_syscall_helpers.h"

#define BUF   (SCRATCH + 0x10000)   /* data buffer */
#define PATHS SCRATCH               /* path strings */
#define O_CREAT_G 0100
#define O_TRUNC_G 01000
#define O_APPEND_G 02000
#define O_CLOEXEC_G 02000000
#define O_DIRECTORY_G 0200000

static int setup(void **state) { *state = fixture_new(NULL); return 0; }
static int teardown(void **state) { fixture_free(*state); return 0; }

static const struct linux_fd *fd_is_open(struct machine *m, int64_t fd)
{
    return m->proc->fds[fd].host_fd >= 0 ? &m->proc->fds[fd] : NULL;
}

static int64_t open_path(struct machine *m, const char *path, int flags)
{
    put_str(m, PATHS, path);
    return sc(m, NR_openat, AT_FDCWD_G, PATHS, (uint64_t)flags, 0644, 0, 0);
}

static void test_open_read_write_seek(void **state)
{
    struct fixture *f = *state;
    struct machine *m = &f->m;
    char path[128];
    snprintf(path, sizeof path, "%s/file.txt", f->tmpdir);
    int64_t fd = open_path(m, path, O_RDWR | O_CREAT_G | O_TRUNC_G);
    assert_int_equal(fd, 3);   /* lowest free after stdin/stdout/stderr */

    put_str(m, BUF, "hello, world");
    assert_int_equal(SC3(m, NR_write, (uint64_t)fd, BUF, 12), 12);
    assert_int_equal(SC3(m, NR_lseek, (uint64_t)fd, 0, SEEK_CUR), 12);
    assert_int_equal(SC3(m, NR_lseek, (uint64_t)fd, 7, SEEK_SET), 7);
    char out[32] = { 0 };
    assert_int_equal(SC3(m, NR_read, (uint64_t)fd, BUF + 100, 32), 5);
    assert_int_equal(mem_read(&m->mem, BUF + 100, out, 5), 0);
    assert_memory_equal(out, "world", 5);
    assert_int_equal(SC3(m, NR_read, (uint64_t)fd, BUF + 100, 32), 0);   /* EOF */
    assert_int_equal(sc(m, NR_pread64, (uint64_t)fd, BUF + 200, 5, 0, 0, 0), 5);
    assert_int_equal(mem_read(&m->mem, BUF + 200, out, 5), 0);
    assert_memory_equal(out, "hello", 5);
    put_str(m, BUF, "HELLO");
    assert_int_equal(sc(m, NR_pwrite64, (uint64_t)fd, BUF, 5, 0, 0, 0), 5);
    assert_int_equal(SC3(m, NR_lseek, (uint64_t)fd, 0, SEEK_CUR), 12);   /* p* leave the offset */
    assert_int_equal(sc(m, NR_pread64, (uint64_t)fd, BUF, 5, (uint64_t)-1, 0, 0), -EINVAL);

    /* writev / readv */
    uint64_t iov[4] = { BUF + 300, 2, BUF + 400, 3 };
    put_str(m, BUF + 300, "ab");
    put_str(m, BUF + 400, "cde");
    assert_int_equal(mem_write(&m->mem, BUF + 500, iov, sizeof iov), 0);
    assert_int_equal(SC3(m, NR_writev, (uint64_t)fd, BUF + 500, 2), 5);
    assert_int_equal(SC3(m, NR_lseek, (uint64_t)fd, 0, SEEK_SET), 0);
    assert_int_equal(SC3(m, NR_readv, (uint64_t)fd, BUF + 500, 2), 5);
    assert_int_equal(mem_read(&m->mem, BUF + 300, out, 2), 0);
    assert_int_equal(mem_read(&m->mem, BUF + 400, out + 2, 3), 0);
    assert_memory_equal(out, "HELLO", 5);
    assert_int_equal(SC3(m, NR_writev, (uint64_t)fd, BUF + 500, 5000), -EINVAL);

    /* The host file really has the data. */
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    assert_non_null(fgets(out, sizeof out, fp));
    fclose(fp);
    assert_string_equal(out, "HELLO, worldabcde");

    /* ftruncate and fstat */
    assert_int_equal(SC2(m, NR_ftruncate, (uint64_t)fd, 4), 0);
    assert_int_equal(SC2(m, NR_fstat, (uint64_t)fd, BUF), 0);
    assert_int_equal(get_u64(m, BUF + 48), 4);                      /* st_size */
    uint32_t mode;
    assert_int_equal(mem_read(&m->mem, BUF + 16, &mode, 4), 0);
    assert_true(S_ISREG(mode));
    assert_int_equal(mode & 0777, 0644 & ~022);

    /* Faults and bad descriptors. */
    assert_int_equal(SC3(m, NR_read, (uint64_t)fd, 0x1000, 4), -EFAULT);
    assert_int_equal(SC3(m, NR_write, (uint64_t)fd, 0x1000, 4), -EFAULT);
    assert_int_equal(SC3(m, NR_read, (uint64_t)fd, SCRATCH + SCRATCH_SIZE - 2, 4), -EFAULT);
    assert_int_equal(SC3(m, NR_write, 77, BUF, 1), -EBADF);
    assert_int_equal(SC3(m, NR_read, (uint64_t)-1, BUF, 1), -EBADF);
    assert_int_equal(SC3(m, NR_lseek, (uint64_t)fd, 0, 9), -EINVAL);
    assert_int_equal(SC1(m, NR_close, (uint64_t)fd), 0);
    assert_int_equal(SC1(m, NR_close, (uint64_t)fd), -EBADF);
}

static void test_fd_numbering(void **state)
{
    struct fixture *f = *state;
    struct machine *m = &f->m;
    char path[128];
    snprintf(path, sizeof path, "%s/n", f->tmpdir);
    assert_int_equal(open_path(m, path, O_RDWR | O_CREAT_G), 3);
    assert_int_equal(open_path(m, path, O_RDONLY), 4);
    assert_int_equal(open_path(m, path, O_RDONLY), 5);
    assert_int_equal(SC1(m, NR_close, 4), 0);
    assert_int_equal(open_path(m, path, O_RDONLY), 4);   /* lowest free */
    assert_int_equal(SC1(m, NR_dup, 3), 6);
    assert_int_equal(SC3(m, NR_dup3, 3, 10, O_CLOEXEC_G), 10);
    assert_int_equal(SC2(m, NR_fcntl, 10, F_GETFD), FD_CLOEXEC);
    assert_int_equal(SC2(m, NR_fcntl, 6, F_GETFD), 0);
    assert_int_equal(SC3(m, NR_dup3, 3, 3, 0), -EINVAL);
    assert_int_equal(SC3(m, NR_dup3, 3, 5000, 0), -EBADF);
    assert_int_equal(SC3(m, NR_fcntl, 3, F_DUPFD, 20), 20);
    assert_int_equal(SC3(m, NR_fcntl, 3, F_DUPFD_CLOEXEC, 20), 21);
    assert_int_equal(SC2(m, NR_fcntl, 21, F_GETFD), FD_CLOEXEC);
    assert_int_equal(SC3(m, NR_fcntl, 21, F_SETFD, 0), 0);
    assert_int_equal(SC2(m, NR_fcntl, 21, F_GETFD), 0);
    assert_int_equal(SC2(m, NR_fcntl, 3, F_GETFL) & 3, O_RDWR);
    assert_int_equal(SC3(m, NR_fcntl, 3, F_SETFL, O_APPEND_G), 0);
    assert_true(SC2(m, NR_fcntl, 3, F_GETFL) & O_APPEND_G);
    assert_int_equal(SC2(m, NR_fcntl, 99, F_GETFD), -EBADF);

    /* Closing stdout frees number 1 without closing the simulator's own stdout. */
    assert_int_equal(SC1(m, NR_close, 1), 0);
    assert_int_equal(open_path(m, path, O_RDONLY), 1);
    assert_true(fcntl(1, F_GETFD) >= 0);

    /* Pipes: both ends, data flows, no seeking. */
    assert_int_equal(SC2(m, NR_pipe2, BUF, 0), 0);
    int32_t p[2];
    assert_int_equal(mem_read(&m->mem, BUF, p, sizeof p), 0);
    assert_int_equal(p[0], 7);
    assert_int_equal(p[1], 8);
    put_str(m, BUF + 100, "ping");
    assert_int_equal(SC3(m, NR_write, 8, BUF + 100, 4), 4);
    assert_int_equal(SC3(m, NR_read, 7, BUF + 200, 10), 4);
    assert_int_equal(SC3(m, NR_lseek, 7, 0, SEEK_SET), -ESPIPE);
    assert_int_equal(SC2(m, NR_pipe2, BUF, 0x1), -EINVAL);
    assert_int_equal(SC2(m, NR_pipe2, 0x1000, 0), -EFAULT);
    /* A non-terminal has no termios. */
    assert_int_equal(SC3(m, NR_ioctl, 7, 0x5401, BUF), -ENOTTY);
}

/* Counts the entries getdents64 returns for fd and notes whether `want` is among them. */
static int count_entries(struct machine *m, int64_t fd, const char *want, bool *found)
{
    int n = 0;
    for (;;) {
        int64_t len = SC3(m, NR_getdents64, (uint64_t)fd, BUF, 512);
        assert_true(len >= 0);
        if (len == 0)
            return n;
        for (int64_t off = 0; off < len;) {
            uint16_t reclen;
            char name[256];
            assert_int_equal(mem_read(&m->mem, BUF + (uint64_t)off + 16, &reclen, 2), 0);
            assert_int_equal(mem_read_string(&m->mem, BUF + (uint64_t)off + 19, name, sizeof name), 0);
            if (strcmp(name, want) == 0)
                *found = true;
            n++;
            off += reclen;
        }
    }
}

static void test_directories_and_paths(void **state)
{
    struct fixture *f = *state;
    struct machine *m = &f->m;
    char cwd[256];
    /* The start directory shows under its fixed guest name (linux:cwd), and a file in it is
     * reached by that absolute name. */
    assert_int_equal(SC2(m, NR_getcwd, BUF, sizeof cwd), (int64_t)strlen("/tmp/cwd") + 1);
    assert_int_equal(mem_read_string(&m->mem, BUF, cwd, sizeof cwd), 0);
    assert_string_equal(cwd, "/tmp/cwd");
    assert_int_equal(SC2(m, NR_getcwd, BUF, 1), -ERANGE);
    put_str(m, PATHS, "/tmp/cwd");
    assert_int_equal(SC3(m, NR_faccessat, AT_FDCWD_G, PATHS, F_OK), 0);

    put_str(m, PATHS, f->tmpdir);
    assert_int_equal(SC1(m, NR_chdir, PATHS), 0);
    assert_int_equal(mem_read_string(&m->mem, BUF, cwd, sizeof cwd), 0);
    assert_int_equal(SC2(m, NR_getcwd, BUF, sizeof cwd), (int64_t)strlen(f->tmpdir) + 1);
    assert_int_equal(mem_read_string(&m->mem, BUF, cwd, sizeof cwd), 0);
    assert_string_equal(cwd, f->tmpdir);

    /* Relative paths resolve against the guest cwd, not the simulator's. */
    put_str(m, PATHS, "sub");
    assert_int_equal(SC3(m, NR_mkdirat, AT_FDCWD_G, PATHS, 0755), 0);
    assert_int_equal(SC3(m, NR_mkdirat, AT_FDCWD_G, PATHS, 0755), -EEXIST);
    int64_t fd = open_path(m, "sub/x", O_WRONLY | O_CREAT_G);
    assert_true(fd >= 3);
    char host[256];
    snprintf(host, sizeof host, "%s/sub/x", f->tmpdir);
    assert_int_equal(access(host, F_OK), 0);
    assert_string_equal(m->proc->fds[fd].path, host);
    SC1(m, NR_close, (uint64_t)fd);

    /* dirfd-relative: openat(dirfd of sub, "y") */
    int64_t dfd = open_path(m, "sub", O_RDONLY | O_DIRECTORY_G);
    assert_true(dfd >= 3);
    put_str(m, PATHS, "y");
    int64_t y = sc(m, NR_openat, (uint64_t)dfd, PATHS, O_WRONLY | O_CREAT_G, 0600, 0, 0);
    assert_true(y >= 3);
    bool found = false;
    int n = count_entries(m, dfd, "y", &found);
    assert_int_equal(n, 4);   /* ., .., x, y */
    assert_true(found);
    assert_int_equal(SC3(m, NR_getdents64, (uint64_t)dfd, 0x1000, 512), -EFAULT);

    /* newfstatat, faccessat, renameat2, unlinkat */
    put_str(m, PATHS, "sub/y");
    assert_int_equal(sc(m, NR_newfstatat, AT_FDCWD_G, PATHS, BUF, 0, 0, 0), 0);
    uint32_t mode;
    assert_int_equal(mem_read(&m->mem, BUF + 16, &mode, 4), 0);
    assert_int_equal(mode & 0777, 0600);
    put_str(m, PATHS, "");
    assert_int_equal(sc(m, NR_newfstatat, (uint64_t)dfd, PATHS, BUF, 0x1000, 0, 0), 0);   /* AT_EMPTY_PATH */
    assert_int_equal(mem_read(&m->mem, BUF + 16, &mode, 4), 0);
    assert_true(S_ISDIR(mode));
    assert_int_equal(sc(m, NR_newfstatat, (uint64_t)dfd, PATHS, BUF, 0, 0, 0), -ENOENT);
    put_str(m, PATHS, "sub/y");
    assert_int_equal(SC3(m, NR_faccessat, AT_FDCWD_G, PATHS, R_OK | W_OK), 0);
    put_str(m, PATHS, "sub/none");
    assert_int_equal(SC3(m, NR_faccessat, AT_FDCWD_G, PATHS, F_OK), -ENOENT);
    assert_int_equal(sc(m, NR_statx, AT_FDCWD_G, PATHS, 0, 0xfff, BUF, 0), -ENOENT);
    put_str(m, PATHS, "sub/y");
    put_str(m, PATHS + 100, "sub/z");
    assert_int_equal(sc(m, NR_renameat2, AT_FDCWD_G, PATHS, AT_FDCWD_G, PATHS + 100, 0, 0), 0);
    assert_int_equal(sc(m, NR_statx, AT_FDCWD_G, PATHS + 100, 0, 0xfff, BUF, 0), 0);
    assert_int_equal(SC3(m, NR_unlinkat, AT_FDCWD_G, PATHS + 100, 0), 0);
    assert_int_equal(SC3(m, NR_unlinkat, AT_FDCWD_G, PATHS + 100, 0), -ENOENT);
    put_str(m, PATHS, "sub");
    assert_int_equal(SC3(m, NR_unlinkat, AT_FDCWD_G, PATHS, 0x200), -ENOTEMPTY);
    assert_int_equal(SC3(m, NR_unlinkat, AT_FDCWD_G, PATHS, 0x999), -EINVAL);

    /* Path faults and missing files. */
    assert_int_equal(SC3(m, NR_openat, AT_FDCWD_G, 0x1000, O_RDONLY), -EFAULT);
    assert_int_equal(open_path(m, "nonexistent", O_RDONLY), -ENOENT);
    assert_int_equal(open_path(m, "", O_RDONLY), -ENOENT);
    put_str(m, PATHS, "x");
    assert_int_equal(SC3(m, NR_openat, 99, PATHS, O_RDONLY), -EBADF);
    put_str(m, PATHS, "nonexistent");
    assert_int_equal(SC1(m, NR_chdir, PATHS), -ENOENT);
}

static void test_readlink_proc_self_exe(void **state)
{
    struct machine *m = &((struct fixture *)*state)->m;
    char *real = realpath(SUM_PATH, NULL);
    assert_non_null(real);
    put_str(m, PATHS, "/proc/self/exe");
    int64_t n = SC4(m, NR_readlinkat, AT_FDCWD_G, PATHS, BUF, 4096);
    assert_int_equal(n, (int64_t)strlen(real));
    char out[4096] = { 0 };
    assert_int_equal(mem_read(&m->mem, BUF, out, (size_t)n), 0);
    assert_string_equal(out, real);
    /* Truncated silently to the buffer size, no NUL. */
    assert_int_equal(SC4(m, NR_readlinkat, AT_FDCWD_G, PATHS, BUF, 3), 3);
    assert_int_equal(SC4(m, NR_readlinkat, AT_FDCWD_G, PATHS, BUF, 0), -EINVAL);
    /* open("/proc/self/exe") opens the program, not the simulator. */
    int64_t fd = sc(m, NR_openat, AT_FDCWD_G, PATHS, O_RDONLY, 0, 0, 0);
    assert_true(fd >= 3);
    assert_int_equal(SC3(m, NR_read, (uint64_t)fd, BUF, 20), 20);
    uint16_t machine;
    assert_int_equal(mem_read(&m->mem, BUF + 18, &machine, 2), 0);
    assert_int_equal(machine, 243);   /* EM_RISCV */
    free(real);
}

/* A snapshot records file positions; a restored process reopens its files where they were. */
static void test_snapshot_reopen(void **state)
{
    struct fixture *f = *state;
    struct machine *m = &f->m;
    char path[128];
    snprintf(path, sizeof path, "%s/snap", f->tmpdir);
    FILE *fp = fopen(path, "w");
    fputs("0123456789", fp);
    fclose(fp);
    int64_t fd = open_path(m, path, O_RDONLY);
    assert_int_equal(SC3(m, NR_read, (uint64_t)fd, BUF, 4), 4);
    linux_snapshot_prepare(m);
    assert_int_equal(m->proc->fds[fd].offset, 4);
    assert_int_equal(m->proc->fds[1].offset, -1);

    /* Pretend this is a new simulator process: the old host descriptor is gone. */
    close(m->proc->fds[fd].host_fd);
    m->proc->fds[fd].host_fd = 1000;
    char err[256];
    assert_true(linux_snapshot_reopen(m->proc, err, sizeof err));
    assert_int_equal(SC3(m, NR_read, (uint64_t)fd, BUF, 10), 6);
    char out[7] = { 0 };
    assert_int_equal(mem_read(&m->mem, BUF, out, 6), 0);
    assert_string_equal(out, "456789");

    /* A file that disappeared is a clear error, and the stale descriptor is never closed. */
    assert_int_equal(SC2(m, NR_pipe2, BUF, 0), 0);
    assert_int_equal(unlink(path), 0);
    assert_false(linux_snapshot_reopen(m->proc, err, sizeof err));
    assert_non_null(strstr(err, "snapsim: cannot restore guest fd"));
    assert_null(fd_is_open(m, fd));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_open_read_write_seek, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fd_numbering, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directories_and_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_readlink_proc_self_exe, setup, teardown),
        cmocka_unit_test_setup_teardown(test_snapshot_reopen, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
