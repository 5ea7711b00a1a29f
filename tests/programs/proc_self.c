/* The guest's own /proc: cmdline, stat, auxv and exe must describe this program (not the
 * simulator running it), also through /proc/<pid>/; maps is checked for its structure and for
 * where the stack, the heap, the program and a fresh mmap lie, since addresses differ between
 * simulators. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

static size_t slurp(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("%s: cannot open\n", path);
        return 0;
    }
    size_t len = 0;
    ssize_t n;
    while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
        len += (size_t)n;
    close(fd);
    buf[len] = 0;
    return len;
}

static const char *base(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static char buf[1 << 16], other[1 << 16];

static void show_cmdline(void)
{
    size_t n = slurp("/proc/self/cmdline", buf, sizeof buf);
    printf("cmdline:");
    for (size_t i = 0; i < n; i += strlen(buf + i) + 1)
        printf(" [%s]", i == 0 ? base(buf) : buf + i);
    printf("\n");
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/cmdline", (int)getpid());
    size_t m = slurp(path, other, sizeof other);
    printf("cmdline by pid: same %d\n", m == n && memcmp(buf, other, n) == 0);
}

static void show_stat(void)
{
    slurp("/proc/self/stat", buf, sizeof buf);
    int pid = 0, ppid = 0;
    char comm[64] = "", state = 0;
    sscanf(buf, "%d %63s %c %d", &pid, comm, &state, &ppid);
    printf("stat: pid ok %d, comm %s, ppid ok %d\n", pid == getpid(), comm, ppid == getppid());
}

static void show_auxv(void)
{
    size_t n = slurp("/proc/self/auxv", buf, sizeof buf);
    uint64_t *v = (uint64_t *)(void *)buf;
    int pagesz = 0, random_ok = 0, entry = 0, terminated = 0, uid = 0;
    for (size_t i = 0; i + 1 < n / 8; i += 2) {
        if (v[i] == AT_NULL) {
            terminated = 1;
            break;
        }
        if (v[i] == AT_PAGESZ)
            pagesz = (int)v[i + 1];
        if (v[i] == AT_RANDOM)
            random_ok = v[i + 1] == getauxval(AT_RANDOM);
        if (v[i] == AT_ENTRY)
            entry = v[i + 1] != 0;
        if (v[i] == AT_UID)
            uid = v[i + 1] == (uint64_t)getuid();
    }
    printf("auxv: AT_PAGESZ %d, AT_RANDOM matches %d, AT_ENTRY set %d, AT_UID matches %d, ends with AT_NULL %d\n",
           pagesz, random_ok, entry, uid, terminated);
}

static void show_exe(void)
{
    char link[4096];
    ssize_t n = readlink("/proc/self/exe", link, sizeof link - 1);
    link[n > 0 ? n : 0] = 0;
    printf("exe: %s\n", base(link));
    /* /proc/self/comm is left out: qemu-user passes it through to its own. */
}

/* Finds the maps line containing addr; returns its permissions and name. */
static int region_of(const char *maps, uintptr_t addr, char perms[5], char *name, size_t namelen)
{
    const char *line = maps;
    while (*line) {
        unsigned long lo, hi, off, inode;
        unsigned dmaj, dmin;
        char p[5];
        int used = 0;
        if (sscanf(line, "%lx-%lx %4s %lx %x:%x %lu%n", &lo, &hi, p, &off, &dmaj, &dmin, &inode, &used) != 7)
            return -1;
        const char *rest = line + used;
        while (*rest == ' ')
            rest++;
        const char *eol = strchr(rest, '\n');
        if (addr >= lo && addr < hi) {
            memcpy(perms, p, 5);
            size_t len = (size_t)(eol ? eol - rest : (long)strlen(rest));
            if (len >= namelen)
                len = namelen - 1;
            memcpy(name, rest, len);
            name[len] = 0;
            return 1;
        }
        if (!eol)
            break;
        line = eol + 1;
    }
    return 0;
}

static void show_maps(void)
{
    void *mapped = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *heap = malloc(100);
    slurp("/proc/self/maps", buf, sizeof buf);
    /* Every line: start-end perms offset dev inode [name], start below end. */
    int lines = 0, wellformed = 0, ordered = 1;
    unsigned long prev_end = 0;
    for (const char *line = buf; *line; lines++) {
        unsigned long lo, hi, off, inode;
        unsigned dmaj, dmin;
        char p[5];
        if (sscanf(line, "%lx-%lx %4s %lx %x:%x %lu", &lo, &hi, p, &off, &dmaj, &dmin, &inode) == 7 &&
            lo < hi && strlen(p) == 4 && strchr("r-", p[0]) && strchr("w-", p[1]) && strchr("x-", p[2]) &&
            strchr("ps", p[3]))
            wellformed++;
        if (lo < prev_end)
            ordered = 0;
        prev_end = hi;
        const char *eol = strchr(line, '\n');
        if (!eol)
            break;
        line = eol + 1;
    }
    printf("maps: %s, sorted %d\n", lines > 3 && wellformed == lines ? "every line well formed" : "malformed", ordered);
    char perms[5], name[4096];
    int local;
    if (region_of(buf, (uintptr_t)&local, perms, name, sizeof name) == 1)
        printf("maps: a local variable is in %s %s\n", perms, name);
    if (region_of(buf, (uintptr_t)show_maps, perms, name, sizeof name) == 1)
        printf("maps: the code is in %s %s\n", perms, base(name));
    if (region_of(buf, (uintptr_t)mapped, perms, name, sizeof name) == 1)
        printf("maps: the mmap is in %s [%s]\n", perms, name);
    if (region_of(buf, (uintptr_t)heap, perms, name, sizeof name) == 1)
        printf("maps: malloc memory is %c%c\n", perms[0], perms[1]);
    munmap(mapped, 3 * 4096);
    free(heap);
}

int main(void)
{
    show_cmdline();
    show_stat();
    show_auxv();
    show_exe();
    show_maps();
    return 0;
}
