/* File system calls inside a scratch directory given as argv[1]: create, write, read, seek,
 * append, pread/pwrite, truncate, rename, link, unlink, mkdir/rmdir, stat/fstat/lstat, symlinks,
 * dup, and directory listing.  Directory order depends on the host file system, so names are
 * sorted before printing; times, inodes and devices are never printed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#define CHECK(expr)                                                                          \
    do {                                                                                     \
        if ((expr) < 0) {                                                                    \
            printf("FAILED line %d: %s: %s\n", __LINE__, #expr, strerror(errno));            \
            exit(1);                                                                         \
        }                                                                                    \
    } while (0)

/* Prints a call's result and, when it failed, its errno (read after the call: argument
 * evaluation order would not guarantee that inside one printf). */
static void report(const char *what, long rc)
{
    int err = errno;
    printf("%s: %ld%s%s\n", what, rc, rc < 0 ? " " : "", rc < 0 ? strerror(err) : "");
}

static void show_stat(const char *what, const struct stat *st)
{
    const char *type = S_ISREG(st->st_mode)   ? "file"
                       : S_ISDIR(st->st_mode) ? "dir"
                       : S_ISLNK(st->st_mode) ? "symlink"
                                              : "other";
    printf("%s: %s mode=%03o size=%lld", what, type, (unsigned)(st->st_mode & 0777),
           S_ISDIR(st->st_mode) ? 0LL : (long long)st->st_size);
    if (!S_ISDIR(st->st_mode))
        printf(" nlink=%lu", (unsigned long)st->st_nlink);
    printf("\n");
}

static void show_file(const char *path)
{
    char buf[256];
    int fd = open(path, O_RDONLY);
    CHECK(fd);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    CHECK(n);
    buf[n] = '\0';
    printf("%s contains %zd bytes: [%s]\n", path, n, buf);
    CHECK(close(fd));
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        printf("opendir %s: %s\n", path, strerror(errno));
        exit(1);
    }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64)
        names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_names);
    printf("%s has %d entries:", path, n);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: file_io SCRATCH_DIR\n");
        return 2;
    }
    umask(022);
    CHECK(chdir(argv[1]));

    /* create + write + read back */
    int fd = open("alpha.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    CHECK(fd);
    const char msg[] = "Hello, file system!\n";
    printf("write returned %zd\n", write(fd, msg, sizeof msg - 1));
    CHECK(close(fd));
    show_file("alpha.txt");

    /* seek in every mode, overwrite in the middle, extend with a hole */
    fd = open("alpha.txt", O_RDWR);
    CHECK(fd);
    printf("lseek SET 7 -> %lld\n", (long long)lseek(fd, 7, SEEK_SET));
    CHECK(write(fd, "FILE", 4));
    printf("lseek CUR -2 -> %lld\n", (long long)lseek(fd, -2, SEEK_CUR));
    char two[3] = {0};
    CHECK(read(fd, two, 2));
    printf("read after CUR: [%s]\n", two);
    printf("lseek END 0 -> %lld\n", (long long)lseek(fd, 0, SEEK_END));
    printf("lseek END +10 -> %lld\n", (long long)lseek(fd, 10, SEEK_END));
    CHECK(write(fd, "X", 1));
    struct stat st;
    CHECK(fstat(fd, &st));
    show_stat("fstat after hole", &st);
    char hole[40];
    ssize_t got = pread(fd, hole, sizeof hole, 0);
    printf("pread got %zd, hole bytes:", got);
    for (ssize_t i = 18; i < got; i++)
        printf(" %02x", (unsigned char)hole[i]);
    printf("\n");
    CHECK(pwrite(fd, "pw", 2, 0));
    printf("offset after pwrite still %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    CHECK(ftruncate(fd, 12));
    CHECK(close(fd));
    show_file("alpha.txt");

    /* append mode writes at the end whatever the offset */
    fd = open("alpha.txt", O_WRONLY | O_APPEND);
    CHECK(fd);
    CHECK(lseek(fd, 0, SEEK_SET));
    CHECK(write(fd, "+appended", 9));
    CHECK(close(fd));
    show_file("alpha.txt");

    /* stdio on top of the same calls */
    FILE *f = fopen("beta.txt", "w+");
    if (!f)
        return 1;
    for (int i = 0; i < 50; i++)
        fprintf(f, "line %d\n", i);
    rewind(f);
    char line[64];
    int lines = 0;
    long sum = 0;
    while (fgets(line, sizeof line, f)) {
        lines++;
        sum += atol(line + 5);
    }
    printf("beta.txt: %d lines, sum %ld, ftell %ld\n", lines, sum, ftell(f));
    fclose(f);

    /* dup shares the offset */
    fd = open("beta.txt", O_RDONLY);
    CHECK(fd);
    int fd2 = dup(fd);
    CHECK(fd2);
    CHECK(read(fd, line, 7));
    printf("dup offset: %lld\n", (long long)lseek(fd2, 0, SEEK_CUR));
    CHECK(close(fd));
    CHECK(close(fd2));

    /* directories, rename, hard and symbolic links */
    CHECK(mkdir("sub", 0755));
    CHECK(rename("beta.txt", "sub/gamma.txt"));
    CHECK(link("alpha.txt", "sub/alpha-link"));
    CHECK(symlink("alpha.txt", "alpha-sym"));
    char target[64];
    ssize_t tl = readlink("alpha-sym", target, sizeof target - 1);
    CHECK(tl);
    target[tl] = '\0';
    printf("readlink: [%s]\n", target);
    CHECK(stat("alpha.txt", &st));
    show_stat("stat alpha.txt", &st);
    CHECK(lstat("alpha-sym", &st));
    printf("lstat alpha-sym: symlink=%d size=%lld\n", S_ISLNK(st.st_mode), (long long)st.st_size);
    CHECK(stat("alpha-sym", &st));
    show_stat("stat alpha-sym", &st);
    CHECK(stat("sub", &st));
    show_stat("stat sub", &st);
    CHECK(chmod("alpha.txt", 0600));
    CHECK(stat("sub/alpha-link", &st));
    show_stat("stat sub/alpha-link", &st);
    report("access R_OK alpha.txt", access("alpha.txt", R_OK));
    report("access F_OK missing", access("missing", F_OK));
    list_dir(".");
    list_dir("sub");

    /* many files, then a listing that needs several getdents calls */
    CHECK(mkdir("many", 0755));
    for (int i = 0; i < 40; i++) {
        char name[64];
        snprintf(name, sizeof name, "many/file-%02d-with-a-longer-name-to-fill-buffers", i);
        fd = open(name, O_CREAT | O_WRONLY | O_EXCL, 0644);
        CHECK(fd);
        CHECK(close(fd));
    }
    DIR *d = opendir("many");
    int count = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        count += e->d_name[0] != '.';
    closedir(d);
    printf("many: %d files\n", count);
    for (int i = 0; i < 40; i++) {
        char name[64];
        snprintf(name, sizeof name, "many/file-%02d-with-a-longer-name-to-fill-buffers", i);
        CHECK(unlink(name));
    }

    /* errors come back as errno values */
    report("open missing", open("nope/nothing", O_RDONLY));
    report("mkdir existing", mkdir("sub", 0755));
    report("rmdir non-empty", rmdir("sub"));
    report("unlink dir", unlink("sub"));
    report("open O_EXCL existing", open("alpha.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    report("read bad fd", read(99, line, 1));
    report("close bad fd", close(99));

    /* clean up so the directory is empty again */
    CHECK(unlink("sub/alpha-link"));
    CHECK(unlink("sub/gamma.txt"));
    CHECK(rmdir("sub"));
    CHECK(rmdir("many"));
    CHECK(unlink("alpha-sym"));
    CHECK(unlink("alpha.txt"));
    list_dir(".");
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return 1;
    const char *base = strrchr(cwd, '/');
    printf("cwd basename: %s\n", base ? base + 1 : cwd);
    return 0;
}
