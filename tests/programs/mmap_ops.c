/* Memory mapping calls: anonymous private mappings, MAP_FIXED over part of a mapping, partial
 * munmap, mremap growing/shrinking/moving, mprotect changes that stay legal, file-backed shared
 * and private mappings (checked against read()), and brk.  Only contents and return codes are
 * printed, never addresses. */
#define _GNU_SOURCE /* mremap */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096UL

/* Prints a call's result and, when it failed, its errno (read after the call: argument
 * evaluation order would not guarantee that inside one printf). */
static void report(const char *what, long rc)
{
    int err = errno;
    printf("%s: %ld%s%s\n", what, rc, rc < 0 ? " " : "", rc < 0 ? strerror(err) : "");
}

static void report_map(const char *what, void *p)
{
    int err = errno;
    printf("%s: failed=%d %s\n", what, p == MAP_FAILED, p == MAP_FAILED ? strerror(err) : "");
}

static unsigned long sum_bytes(const unsigned char *p, size_t n)
{
    unsigned long s = 0;
    for (size_t i = 0; i < n; i += 64)
        s = s * 131 + p[i];
    return s;
}

static void anonymous(void)
{
    size_t len = 16 * PAGE;
    unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        printf("mmap failed\n");
        exit(1);
    }
    size_t zeros = 0;
    for (size_t i = 0; i < len; i += 512)
        zeros += p[i] == 0;
    printf("anon: page aligned=%d zero samples=%zu of %zu\n", ((uintptr_t)p & (PAGE - 1)) == 0,
           zeros, len / 512);
    for (size_t i = 0; i < len; i++)
        p[i] = (unsigned char)(i / PAGE + 1);

    /* Replace pages 4..5 with fresh zero pages at the same address. */
    void *q = mmap(p + 4 * PAGE, 2 * PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED at requested address=%d page3=%d page4=%d page6=%d\n",
           q == (void *)(p + 4 * PAGE), p[3 * PAGE], p[4 * PAGE + 100], p[6 * PAGE]);

    /* Unmap a hole in the middle; the two ends stay usable. */
    printf("munmap middle=%d\n", munmap(p + 8 * PAGE, 4 * PAGE));
    printf("after hole: page7=%d page12=%d page15=%d\n", p[7 * PAGE], p[12 * PAGE], p[15 * PAGE]);

    /* Read-only then writable again: legal accesses only. */
    printf("mprotect ro=%d\n", mprotect(p, 2 * PAGE, PROT_READ));
    unsigned long s = sum_bytes(p, 2 * PAGE);
    printf("mprotect rw=%d\n", mprotect(p, 2 * PAGE, PROT_READ | PROT_WRITE));
    p[0] = 99;
    printf("read-only checksum=%lu, rewritten page0=%d\n", s, p[0]);
    report("mprotect unaligned", mprotect(p + 1, PAGE, PROT_READ));
    printf("munmap rest=%d %d\n", munmap(p, 8 * PAGE), munmap(p + 12 * PAGE, 4 * PAGE));
    report("munmap unaligned", munmap(p + 1, PAGE));
    report_map("mmap length 0", mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
}

static void remapping(void)
{
    size_t len = 4 * PAGE;
    unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (size_t i = 0; i < len; i++)
        p[i] = (unsigned char)(i * 7);
    unsigned long before = sum_bytes(p, len);

    unsigned char *g = mremap(p, len, 64 * PAGE, MREMAP_MAYMOVE);
    if (g == MAP_FAILED) {
        printf("mremap grow failed\n");
        exit(1);
    }
    size_t zeros = 0;
    for (size_t i = len; i < 64 * PAGE; i += PAGE)
        zeros += g[i] == 0;
    printf("mremap grow: contents kept=%d new pages zero=%zu of 60\n", sum_bytes(g, len) == before,
           zeros);
    g[64 * PAGE - 1] = 0xee;

    unsigned char *s = mremap(g, 64 * PAGE, 2 * PAGE, 0);
    printf("mremap shrink: same address=%d kept=%d\n", s == g,
           sum_bytes(s, 2 * PAGE) == sum_bytes(g, 2 * PAGE));
    void *fail = mremap(s, 2 * PAGE, 1UL << 40, 0);
    printf("mremap huge without MAYMOVE: failed=%d\n", fail == MAP_FAILED);
    printf("munmap=%d\n", munmap(s, 2 * PAGE));
}

static void file_backed(void)
{
    char name[] = "mmap_ops.tmp";
    int fd = open(name, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        printf("open failed: %s\n", strerror(errno));
        exit(1);
    }
    char page[PAGE];
    for (size_t i = 0; i < PAGE; i++)
        page[i] = (char)('a' + i % 26);
    for (int i = 0; i < 3; i++)
        if (write(fd, page, PAGE) != (ssize_t)PAGE)
            exit(1);

    /* A shared mapping writes through to the file. */
    char *sh = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    printf("shared map ok=%d first=[%.10s]\n", sh != MAP_FAILED, sh);
    memcpy(sh + PAGE + 10, "SHARED-WRITE", 12);
    printf("msync=%d\n", msync(sh, 3 * PAGE, MS_SYNC));
    char buf[32] = {0};
    if (pread(fd, buf, 12, PAGE + 10) != 12)
        exit(1);
    printf("file sees shared write: [%s]\n", buf);

    /* A private mapping's writes stay private; the file's later writes... are not checked,
     * because whether an untouched private page sees them is unspecified. */
    char *pr = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, PAGE);
    printf("private map at offset PAGE: [%.22s]\n", pr + 10);
    memcpy(pr, "PRIVATE", 7);
    memset(buf, 0, sizeof buf);
    if (pread(fd, buf, 7, PAGE) != 7)
        exit(1);
    printf("file after private write: [%s] mapping: [%.7s]\n", buf, pr);

    /* Mapping past the end of the file: the tail of the last page reads as zero. */
    if (ftruncate(fd, 2 * PAGE + 100) != 0)
        exit(1);
    char *tail = mmap(NULL, 3 * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
    printf("tail: last file byte=%c beyond eof=%d\n", tail[2 * PAGE + 99], tail[2 * PAGE + 100]);

    /* A read-only mapping of a file opened read-only. */
    int rfd = open(name, O_RDONLY);
    char *ro = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, rfd, 0);
    printf("read-only map: [%.5s]\n", ro);
    report_map("writable shared map of O_RDONLY fd",
               mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, rfd, 0));
    report_map("mmap bad fd", mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 77, 0));

    printf("munmaps=%d %d %d %d\n", munmap(sh, 3 * PAGE), munmap(pr, 2 * PAGE),
           munmap(tail, 3 * PAGE), munmap(ro, PAGE));
    close(rfd);
    close(fd);
    unlink(name);
}

static void program_break(void)
{
    char *start = sbrk(0);
    char *grown = sbrk(3 * PAGE);
    memset(grown, 0x3c, 3 * PAGE);
    char *now = sbrk(0);
    printf("sbrk grew by %ld, old break returned=%d\n", (long)(now - start), grown == start);
    printf("brk back=%d\n", brk(start));
    printf("sbrk after shrink at start=%d\n", sbrk(0) == start);
}

int main(void)
{
    anonymous();
    remapping();
    file_backed();
    program_break();
    return 0;
}
