/* linux_load: the exec of the one program a run simulates. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/loader.h"
#include "linux/syscall_internal.h"

int linux_load(struct machine *m, const char *path, int argc, char *const argv[],
               char *const envp[], char *err, size_t errlen)
{
    struct linux_process *p = m->proc;
    if (!p) {
        snprintf(err, errlen, "snapsim: %s: internal error: machine has no process", path);
        return 2;
    }
    struct elf_image img;
    if (elf_load(m, path, &img, err, errlen) != 0)
        return 2;
    /* AT_EXECFN is the program as the command line names it (argv[0]), not the file found for
     * it: a bundled example's location differs between machines and installs, and the string's
     * length moves the whole initial stack. */
    const char *execfn = argc > 0 && argv && argv[0] ? argv[0] : path;
    uint64_t sp = stack_build(m, &img, execfn, argc, argv, envp, err, errlen);
    if (sp == 0)
        return 2;

    /* /proc/self/exe names the file itself, symbolic links resolved. */
    char *real = realpath(path, NULL);
    if (real) {
        snprintf(p->exe_path, sizeof p->exe_path, "%s", real);
        free(real);
    } else if (path_resolve(p, G_AT_FDCWD, path, p->exe_path) != 0) {
        snprintf(p->exe_path, sizeof p->exe_path, "%s", path);
    }
    p->load_base = img.base;
    p->entry = img.entry;
    p->phdr_addr = img.phdr;
    p->phnum = img.phnum;
    p->brk_start = p->brk = img.brk;
    p->stack_start = LINUX_STACK_START;
    p->stack_end = LINUX_STACK_END;
    p->mmap_top = LINUX_MMAP_TOP;
    p->mmap_floor = LINUX_MMAP_FLOOR;

    /* The kernel starts a program with every register zero except sp; a0 (rtld_fini) is 0 for
     * a static program. */
    memset(m->hart.x, 0, sizeof m->hart.x);
    m->hart.x[2] = sp;
    m->hart.pc = img.entry;
    return 0;
}
