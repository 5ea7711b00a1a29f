/* The ways a process's memory changes other than by its own stores, round after round: read(),
 * readv() and pread() of a file into buffers, a file mapping (its pages arrive from
 * the file), an anonymous mapping written and unmapped, mremap growing a mapping (which moves
 * it), and on mappings that live across rounds (their pages written long before): mremap moving
 * one, mmap(MAP_FIXED) replacing a page, madvise(MADV_DONTNEED) zeroing one; and signal frames
 * on the stack.  One checksum per round.  LightSSS's tests replay its last rounds from fork snapshots and check
 * that the memory a replay starts from is the run's at the fork: every one of these writes must
 * have kept the old contents for it.
 *     mem_writers [ROUNDS]   (default 6; runs in a directory holding scratch/) */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAP_BYTES (16u << 10)
#define STABLE_BYTES (64u << 10)          /* 16 pages, one replaced and one zeroed per round */
#define FILE_BYTES (8u << 10)

static uint8_t inbox[3][8192];
static volatile uint64_t handled;

static void on_signal(int sig)
{
    volatile uint8_t frame[512];            /* written on the signal's stack frame */
    for (unsigned i = 0; i < sizeof frame; i++)
        frame[i] = (uint8_t)(sig + i);
    handled += frame[sig];
}

static uint64_t mix(uint64_t h, const void *p, size_t n)   /* n: a multiple of 8 */
{
    for (size_t i = 0; i < n; i += 8) {
        uint64_t w;
        memcpy(&w, (const uint8_t *)p + i, sizeof w);
        h = (h ^ w) * 0x100000001b3ull;
    }
    return h;
}

static void fill(uint8_t *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(seed * 31 + i * 7 + (i >> 9));
}

static void check(int ok, const char *what)
{
    if (!ok) {
        printf("FAILED: %s\n", what);
        exit(1);
    }
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 6;
    int fd = open("scratch/mem_writers.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
    check(fd >= 0, "open");
    static uint8_t file[FILE_BYTES];
    fill(file, sizeof file, 5);
    check(write(fd, file, sizeof file) == (ssize_t)sizeof file, "write the file");
    signal(SIGUSR1, on_signal);
    /* Long-lived: `stable` (its pages replaced and zeroed one at a time) and `moving` (moved
     * between the two halves of a reserved area every round). */
    uint8_t *stable = mmap(NULL, STABLE_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    uint8_t *area = mmap(NULL, 2 * MAP_BYTES, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check(stable != MAP_FAILED && area != MAP_FAILED, "mmap the long-lived mappings");
    uint8_t *moving = mmap(area, MAP_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    check(moving == area, "mmap in the reserved area");
    fill(stable, STABLE_BYTES, 7);
    fill(moving, MAP_BYTES, 9);
    for (int r = 0; r < rounds; r++) {
        uint64_t h = 0xcbf29ce484222325ull;
        uint8_t *p = mmap(NULL, MAP_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        check(p != MAP_FAILED, "mmap");
        fill(p, MAP_BYTES, (unsigned)r);
        /* the file's bytes into the mapping and into two buffers at once */
        check(lseek(fd, (off_t)r * 53, SEEK_SET) == (off_t)r * 53, "lseek");
        check(read(fd, p + 1000 + (size_t)r * 13, 3000) == 3000, "read");
        struct iovec iov[2] = { { inbox[0] + r, 1500 }, { inbox[1] + 2 * r, 1500 } };
        check(readv(fd, iov, 2) == 3000, "readv");
        check(pread(fd, inbox[2] + r, 5000, (off_t)r * 97) == 5000, "pread");
        /* grown, so moved; the new half written */
        uint8_t *q = mremap(p, MAP_BYTES, 2 * MAP_BYTES, MREMAP_MAYMOVE);
        check(q != MAP_FAILED, "mremap");
        memset(q + MAP_BYTES, r, MAP_BYTES);
        check(madvise(q + 8192, 8192, MADV_DONTNEED) == 0, "madvise");
        /* a file mapping's pages come from the file */
        uint8_t *f = mmap(NULL, FILE_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        check(f != MAP_FAILED, "mmap the file");
        f[r] ^= 0xff;
        h = mix(h, f, FILE_BYTES);
        check(munmap(f, FILE_BYTES) == 0, "munmap the file");
        uint8_t *page = stable + (size_t)(r % 16) * 4096;
        check(mmap(page, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == page,
              "mmap MAP_FIXED over a page");
        page[r] = (uint8_t)r;
        check(madvise(stable + (size_t)((r + 8) % 16) * 4096, 4096, MADV_DONTNEED) == 0, "madvise a page");
        uint8_t *to = area + (moving == area ? MAP_BYTES : 0);
        moving = mremap(moving, MAP_BYTES, MAP_BYTES, MREMAP_MAYMOVE | MREMAP_FIXED, to);
        check(moving == to, "mremap to the other half");
        moving[r * 3] ^= 0x5a;
        h = mix(h, stable, STABLE_BYTES);
        h = mix(h, moving, MAP_BYTES);
        raise(SIGUSR1);
        h = mix(h, q, 2 * MAP_BYTES);
        h = mix(h, inbox, sizeof inbox);
        check(munmap(q, 2 * MAP_BYTES) == 0, "munmap");
        printf("round %d %016llx\n", r, (unsigned long long)h);
    }
    printf("signals %llu\n", (unsigned long long)handled);
    return 0;
}
