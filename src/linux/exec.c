/* Program images: linux_load, the exec of the program a run starts with, and execve/execveat,
 * which replace the image of the calling guest process in the same host process (the simulator
 * never runs a host binary).  What cannot be executed gets the errno Linux gives before anything
 * of the old image is lost: ENOENT, EACCES (a directory, a file without execute permission),
 * ENOEXEC (neither a RISC-V static executable nor a "#!" script whose interpreter is one: a host
 * x86-64 program included), ELOOP (interpreters nested too deep), E2BIG, EFAULT. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/array.h"
#include "core/log.h"
#include "linux/loader.h"
#include "linux/syscall_internal.h"

/* Maps path's image, builds its initial stack (AT_EXECFN execfn) and starts the hart at its
 * entry.  0, or 2 with a one-line error. */
static int load_image(struct machine *m, const char *path, const char *execfn, int argc, char *const argv[],
                      char *const envp[], char *err, size_t errlen)
{
    struct linux_process *p = m->proc;
    struct elf_image img;
    if (elf_load(m, path, &img, err, errlen) != 0)
        return 2;
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

int linux_load(struct machine *m, const char *path, int argc, char *const argv[],
               char *const envp[], char *err, size_t errlen)
{
    if (!m->proc) {
        snprintf(err, errlen, "snapsim: %s: internal error: machine has no process", path);
        return 2;
    }
    /* AT_EXECFN is the program as the command line names it (argv[0]), not the file found for
     * it: a bundled example's location differs between machines and installs, and the string's
     * length moves the whole initial stack. */
    const char *execfn = argc > 0 && argv && argv[0] ? argv[0] : path;
    return load_image(m, path, execfn, argc, argv, envp, err, errlen);
}

/* ---- execve ---- */

#define EXEC_MAX_DEPTH 4     /* "#!" interpreters that are scripts themselves, as Linux allows */
#define EXEC_HEADER    256   /* the kernel's BINPRM_BUF_SIZE: how much of a "#!" line it reads */

/* A NULL-terminated string vector being built (owned strings). */
struct strvec {
    char **v;
    size_t n, cap;
    uint64_t bytes;          /* total string bytes, terminators included */
};

static void strvec_free(struct strvec *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    *s = (struct strvec){0};
}

/* Inserts a copy of str at index at; -E2BIG past Linux's limits, -ENOMEM. */
static int strvec_insert(struct strvec *s, size_t at, const char *str)
{
    size_t len = strlen(str) + 1;
    if (len > MAX_ARG_STRLEN || s->bytes + len > MAX_ARG_TOTAL)
        return -E2BIG;
    if (!array_reserve((void **)&s->v, &s->cap, s->n + 2, sizeof *s->v, 16))
        return -ENOMEM;
    char *copy = strdup(str);
    if (!copy)
        return -ENOMEM;
    memmove(s->v + at + 1, s->v + at, (s->n - at) * sizeof *s->v);
    s->v[at] = copy;
    s->n++;
    s->v[s->n] = NULL;
    s->bytes += len;
    return 0;
}

/* Copies the guest's NULL-terminated array of strings at addr (NULL: empty, as Linux allows). */
static int strvec_from_guest(struct machine *m, uint64_t addr, struct strvec *s, char *buf)
{
    for (uint64_t i = 0; addr; i++) {
        uint64_t ptr;
        if (mem_read(&m->mem, addr + 8 * i, &ptr, 8) != 0)
            return -EFAULT;
        if (!ptr)
            break;
        int rc = mem_read_string(&m->mem, ptr, buf, MAX_ARG_STRLEN);
        if (rc != 0)
            return rc == -ENAMETOOLONG ? -E2BIG : rc;
        if ((rc = strvec_insert(s, s->n, buf)) != 0)
            return rc;
    }
    return 0;
}

/* The host file at path may be executed: 0 or Linux's errno. */
static int check_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -errno;
    if (!S_ISREG(st.st_mode) || access(path, X_OK) != 0)
        return -EACCES;
    return 0;
}

/* Splits a "#!" line (header holds the first bytes of the file) into the interpreter and its one
 * optional argument, as the kernel does: blanks around them dropped.  false if there is no
 * interpreter. */
static bool parse_shebang(char *header, size_t len, char **interp, char **arg)
{
    header[len] = 0;
    char *end = strchr(header, '\n');
    if (end)
        *end = 0;
    char *s = header + 2;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s)
        return false;
    *interp = s;
    while (*s && *s != ' ' && *s != '\t')
        s++;
    if (*s)
        *s++ = 0;
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        *--e = 0;
    *arg = *s ? s : NULL;
    return true;
}

/* Finds the RISC-V executable that runs `host` (following "#!" lines, each adding its
 * interpreter, argument and the script's name in front of argv[1..]) and validates it.  On
 * success host holds the executable's host path. */
static int resolve_image(struct linux_process *p, char *host, const char *guest_name, struct strvec *argv)
{
    char name[LINUX_PATH_MAX];
    snprintf(name, sizeof name, "%s", guest_name);
    for (int depth = 0;; depth++) {
        int rc = check_file(host);
        if (rc != 0)
            return rc;
        char header[EXEC_HEADER + 1];
        int fd = open(host, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return -errno;
        ssize_t n = read(fd, header, EXEC_HEADER);
        close(fd);
        if (n < 0)
            return -EIO;
        if (n >= 4 && memcmp(header, "\177ELF", 4) == 0) {
            char err[512];
            struct elf_image img;
            if (elf_load(NULL, host, &img, err, sizeof err) != 0) {
                log_once(err, "execve: %s: ENOEXEC", err + strlen("snapsim: "));
                return -ENOEXEC;
            }
            return 0;
        }
        char *interp, *arg;
        if (n < 2 || header[0] != '#' || header[1] != '!' || !parse_shebang(header, (size_t)n, &interp, &arg))
            return -ENOEXEC;
        if (depth == EXEC_MAX_DEPTH)
            return -ELOOP;
        /* argv[0] gives way to the interpreter, its argument and the script's name. */
        if (argv->n > 0) {
            argv->bytes -= strlen(argv->v[0]) + 1;
            free(argv->v[0]);
            memmove(argv->v, argv->v + 1, argv->n * sizeof *argv->v);
            argv->n--;
        }
        if ((rc = strvec_insert(argv, 0, name)) != 0 || (arg && (rc = strvec_insert(argv, 0, arg)) != 0) ||
            (rc = strvec_insert(argv, 0, interp)) != 0)
            return rc;
        snprintf(name, sizeof name, "%s", interp);
        if ((rc = path_resolve(p, G_AT_FDCWD, interp, host)) != 0)
            return rc;
    }
}

/* Past the point of no return: what of the process survives an exec (execve(2)). */
static void discard_image(struct machine *m)
{
    struct linux_process *p = m->proc;
    /* Other threads end; the caller becomes the leader, with the process's pid. */
    for (unsigned i = 0; i < LINUX_MAX_TASKS; i++)
        if (i != p->cur)
            p->tasks[i] = (struct linux_task){ .state = TASK_FREE };
    p->tasks[p->cur].tid = p->pid;
    p->clear_child_tid = p->robust_list = p->robust_list_len = 0;
    shared_map_flush(m);
    shared_map_release(p);
    for (int fd = 0; fd < LINUX_MAX_FDS; fd++)
        if (p->fds[fd].host_fd >= 0 && p->fds[fd].cloexec)
            fd_close(p, fd);
    /* Handled signals go back to their default action; ignored ones stay ignored; the mask and
     * the pending signals stay; the alternate stack goes.  POSIX timers are deleted, the
     * interval timers survive. */
    for (int s = 1; s <= LINUX_NSIG; s++)
        p->sigactions[s] = (struct linux_sigaction){
            .handler = p->sigactions[s].handler == G_SIG_IGN ? G_SIG_IGN : G_SIG_DFL };
    p->altstack_sp = p->altstack_size = 0;
    p->altstack_flags = 0;
    for (unsigned t = G_POSIX_TIMER_BASE; t < LINUX_NTIMERS; t++)
        p->timers[t] = (struct linux_timer){0};
    while (m->mem.nregions)
        mem_unmap(&m->mem, m->mem.regions[0].start, m->mem.regions[0].end - m->mem.regions[0].start);
    m->mem.code_epoch++;   /* every model drops the old image's decoded code */
    memset(m->hart.f, 0, sizeof m->hart.f);
    m->hart.fflags = m->hart.frm = 0;
    m->hart.reservation_valid = false;
}

static int64_t do_execve(struct machine *m, int64_t dirfd, uint64_t path_addr, uint64_t argv_addr,
                         uint64_t envp_addr, int flags)
{
    enum { G_AT_EMPTY = 0x1000, G_AT_NOFOLLOW = 0x100 };
    struct linux_process *p = m->proc;
    if (flags & ~(G_AT_EMPTY | G_AT_NOFOLLOW))
        return -EINVAL;
    char host[LINUX_PATH_MAX], guest_name[LINUX_PATH_MAX];
    int rc = mem_read_string(&m->mem, path_addr, guest_name, sizeof guest_name);
    if (rc == 0)
        rc = path_from_guest(m, dirfd, path_addr, flags & G_AT_EMPTY, host);
    if (rc != 0)
        return rc;
    struct stat st;
    if ((flags & G_AT_NOFOLLOW) && lstat(host, &st) == 0 && S_ISLNK(st.st_mode))
        return -ELOOP;
    struct strvec argv = {0}, envp = {0};
    char *buf = malloc(MAX_ARG_STRLEN);
    int64_t result = buf ? 0 : -ENOMEM;
    if (result == 0)
        result = strvec_from_guest(m, argv_addr, &argv, buf);
    if (result == 0)
        result = strvec_from_guest(m, envp_addr, &envp, buf);
    free(buf);
    if (result == 0)
        result = resolve_image(p, host, guest_name, &argv);
    if (result == 0 && argv.bytes + envp.bytes > MAX_ARG_TOTAL)
        result = -E2BIG;
    if (result == 0 && (!argv.v || !envp.v)) {   /* empty vectors still need their NULL */
        if ((!argv.v && !(argv.v = calloc(1, sizeof *argv.v))) || (!envp.v && !(envp.v = calloc(1, sizeof *envp.v))))
            result = -ENOMEM;
    }
    if (result != 0) {
        strvec_free(&argv);
        strvec_free(&envp);
        return result;
    }

    discard_image(m);
    char err[1024];
    if (load_image(m, host, guest_name, (int)argv.n, argv.v, envp.v, err, sizeof err) != 0) {
        /* The old image is gone: like Linux, the process dies. */
        p->exited = true;
        p->exit_status = 128 + G_SIGKILL;
        machine_kill(m, G_SIGKILL, "execve of %s failed after the old image was discarded: %s", guest_name,
                     err + strlen("snapsim: "));
    } else {
        const char *base = strrchr(guest_name, '/');
        /* comm is the file name's first 15 bytes */
        const char *file = base ? base + 1 : guest_name;
        size_t n = strnlen(file, sizeof p->comm - 1);
        memcpy(p->comm, file, n);
        p->comm[n] = 0;
        p->execs++;
        p->resume_pc = m->hart.pc;   /* the new program starts at its entry, a0 = 0 */
        /* Everything the loader wrote is new to anyone who compares memory by dirty pages. */
        for (size_t i = 0; i < m->mem.nregions; i++)
            mem_mark_dirty(&m->mem, m->mem.regions[i].start, m->mem.regions[i].end - m->mem.regions[i].start);
        process_exec_done();
    }
    strvec_free(&argv);
    strvec_free(&envp);
    return 0;
}

SYSCALL(execve) { return do_execve(m, G_AT_FDCWD, a[0], a[1], a[2], 0); }
SYSCALL(execveat) { return do_execve(m, (int32_t)a[0], a[1], a[2], a[3], arg_int(a[4])); }
