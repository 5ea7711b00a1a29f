/* The pieces of program loading shared by exec.c, loader.c (the ELF image) and stack.c (the
 * initial stack), and the fixed address-space layout they agree on. */
#ifndef SNAPSIM_LINUX_LOADER_H
#define SNAPSIM_LINUX_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/machine.h"

/* Layout, top down: guard gap, 8 MiB stack, a gap, then mmap space growing down.  Fixed
 * addresses (no randomization) keep every run identical. */
#define LINUX_STACK_SIZE   (8ull << 20)
#define LINUX_STACK_END    (GUEST_VA_LIMIT - (64ull << 10))
#define LINUX_STACK_START  (LINUX_STACK_END - LINUX_STACK_SIZE)
#define LINUX_MMAP_TOP     (LINUX_STACK_START - (128ull << 20))
#define LINUX_MMAP_FLOOR   0x10000ull
/* Where a static PIE goes: two thirds of the address space, as the kernel does for Sv39. */
#define LINUX_PIE_BASE     0x2aaaaaa000ull

/* Linux caps one argument or environment string at 32 pages and all of them at a quarter of the
 * stack limit (E2BIG beyond). */
#define MAX_ARG_STRLEN (32 * GUEST_PAGE_SIZE)
#define MAX_ARG_TOTAL  (LINUX_STACK_SIZE / 4)

struct elf_image {
    uint64_t base;        /* load bias: 0 for ET_EXEC */
    uint64_t entry;       /* biased entry point */
    uint64_t phdr;        /* guest address of the program headers (AT_PHDR) */
    uint64_t phnum, phent;
    uint64_t brk;         /* page-aligned end of the highest segment */
    bool exec_stack;      /* PT_GNU_STACK asks for an executable stack */
};

/* Writes "snapsim: <message>" to err: the one-line form every load error takes. */
void load_error(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Validates the ELF file and maps its segments into m (m NULL: only validates, as execve does
 * before it discards the old image).  Returns 0, or 2 with a one-line error. */
int elf_load(struct machine *m, const char *path, struct elf_image *img, char *err, size_t errlen);

/* Maps the stack and writes argc, argv, envp, auxv and their strings the way Linux lays them out.
 * Returns the initial sp, or 0 with a one-line error. */
uint64_t stack_build(struct machine *m, const struct elf_image *img, const char *execfn,
                     int argc, char *const argv[], char *const envp[], char *err, size_t errlen);

#endif
