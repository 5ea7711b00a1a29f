/* The initial process stack, laid out as Linux's exec does.  From the top of the stack down:
 * an 8-byte end marker, the AT_EXECFN string, the environment strings, the argument strings,
 * 16 AT_RANDOM bytes, then (16-byte aligned) argc, argv[], NULL, envp[], NULL, auxv pairs. */
#include "linux/loader.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "linux/process.h"

enum {
    AT_NULL = 0, AT_PHDR = 3, AT_PHENT = 4, AT_PHNUM = 5, AT_PAGESZ = 6, AT_BASE = 7,
    AT_FLAGS = 8, AT_ENTRY = 9, AT_UID = 11, AT_EUID = 12, AT_GID = 13, AT_EGID = 14,
    AT_HWCAP = 16, AT_CLKTCK = 17, AT_SECURE = 23, AT_RANDOM = 25, AT_EXECFN = 31,
};
#define NAUXV 17   /* entries written below, AT_NULL included */


#define HWCAP_LETTER(c) (1ull << ((c) - 'A'))

/* Reports a load error; 0 is the "no stack pointer" result. */
#define fail(err, errlen, ...) (load_error(err, errlen, __VA_ARGS__), (uint64_t)0)

static size_t count(char *const v[]) { size_t n = 0; while (v && v[n]) n++; return n; }

/* Writes the strings of v consecutively from pos; returns the address after the last one. */
static uint64_t put_strings(struct guest_mem *mem, char *const v[], size_t n, uint64_t pos)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(v[i]) + 1;
        mem_poke(mem, pos, v[i], len);
        pos += len;
    }
    return pos;
}

static bool strings_size(char *const v[], size_t n, uint64_t *total)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = strnlen(v[i], MAX_ARG_STRLEN) + 1;
        if (len > MAX_ARG_STRLEN)
            return false;
        *total += len;
    }
    return *total <= MAX_ARG_TOTAL;
}

uint64_t stack_build(struct machine *m, const struct elf_image *img, const char *execfn,
                     int argc, char *const argv[], char *const envp[], char *err, size_t errlen)
{
    struct guest_mem *mem = &m->mem;
    size_t nargs = 0, nenv = count(envp);
    while (argv && nargs < (size_t)(argc > 0 ? argc : 0) && argv[nargs])
        nargs++;
    uint64_t argbytes = 0, envbytes = 0, fnbytes = strlen(execfn) + 1;
    if (!strings_size(argv, nargs, &argbytes) || !strings_size(envp, nenv, &envbytes) ||
        fnbytes > MAX_ARG_STRLEN || argbytes + envbytes + fnbytes > MAX_ARG_TOTAL)
        return fail(err, errlen, "%s: argument list too long", execfn);

    unsigned perm = MEM_R | MEM_W | (img->exec_stack ? MEM_X : 0);
    if (mem_map(mem, LINUX_STACK_START, LINUX_STACK_SIZE, perm, "[stack]") != 0)
        return fail(err, errlen, "%s: cannot map the stack: guest memory capacity exceeded", execfn);

    uint64_t pos = LINUX_STACK_END - 8;
    pos -= fnbytes;
    uint64_t execfn_addr = pos;
    mem_poke(mem, pos, execfn, fnbytes);
    pos -= envbytes + argbytes;
    uint64_t strings = pos;
    put_strings(mem, envp, nenv, put_strings(mem, argv, nargs, strings));
    pos -= 16;
    uint64_t random_addr = pos;
    uint8_t random[16];
    linux_random_bytes(m->proc, random, sizeof random);
    mem_poke(mem, random_addr, random, sizeof random);

    uint64_t words = 1 + nargs + 1 + nenv + 1 + 2 * NAUXV;
    uint64_t sp = (pos - words * 8) & ~15ull;
    uint64_t w = sp;
#define PUT(v) do { uint64_t v_ = (v); mem_poke(mem, w, &v_, 8); w += 8; } while (0)
    PUT(nargs);
    uint64_t s = strings;   /* pointers follow the string lengths: no host array sized by argc */
    for (size_t i = 0; i < nargs; i++) {
        PUT(s);
        s += strlen(argv[i]) + 1;
    }
    PUT(0);
    for (size_t i = 0; i < nenv; i++) {
        PUT(s);
        s += strlen(envp[i]) + 1;
    }
    PUT(0);
    const uint64_t hwcap = HWCAP_LETTER('I') | HWCAP_LETTER('M') | HWCAP_LETTER('A') |
                           HWCAP_LETTER('F') | HWCAP_LETTER('D') | HWCAP_LETTER('C');
    const uint64_t auxv[NAUXV][2] = {
        { AT_PHDR, img->phdr }, { AT_PHENT, img->phent }, { AT_PHNUM, img->phnum },
        { AT_PAGESZ, GUEST_PAGE_SIZE }, { AT_BASE, 0 }, { AT_FLAGS, 0 }, { AT_ENTRY, img->entry },
        { AT_UID, LINUX_UID }, { AT_EUID, LINUX_UID }, { AT_GID, LINUX_GID },
        { AT_EGID, LINUX_GID }, { AT_SECURE, 0 }, { AT_RANDOM, random_addr },
        { AT_HWCAP, hwcap }, { AT_CLKTCK, 100 }, { AT_EXECFN, execfn_addr }, { AT_NULL, 0 },
    };
    /* /proc/self/cmdline, auxv and stat read these back. */
    m->proc->arg_start = strings;
    m->proc->arg_end = strings + argbytes;
    m->proc->auxv_addr = w;
    m->proc->start_stack = sp;
    for (size_t i = 0; i < NAUXV; i++) {
        PUT(auxv[i][0]);
        PUT(auxv[i][1]);
    }
#undef PUT
    return sp;
}
