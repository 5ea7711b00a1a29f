#include "linux/guest_ops.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "linux/syscall_internal.h"
#include "snapsim/ops.h"

static const char *const names[SNAPSIM_OP_COUNT] = {
    [SNAPSIM_OP_CHECKPOINT] = "checkpoint", [SNAPSIM_OP_EXIT] = "exit", [SNAPSIM_OP_FAIL] = "fail",
    [SNAPSIM_OP_READFILE] = "readfile", [SNAPSIM_OP_WRITEFILE] = "writefile",
    [SNAPSIM_OP_RESET_STATS] = "reset_stats", [SNAPSIM_OP_DUMP_STATS] = "dump_stats",
    [SNAPSIM_OP_WORK_BEGIN] = "work_begin", [SNAPSIM_OP_WORK_END] = "work_end",
};

bool guest_op_number(uint64_t nr)
{
    return nr >= SNAPSIM_OP_BASE && nr < SNAPSIM_OP_BASE + SNAPSIM_OP_COUNT;
}

const char *guest_op_name(unsigned op)
{
    return op < SNAPSIM_OP_COUNT ? names[op] : "?";
}

/* Copies the --readfile FILE's bytes [offset, offset + len) that exist into guest memory. */
static int64_t readfile(struct machine *m, uint64_t buf, uint64_t len, uint64_t offset)
{
    if (!m->ops_env || !m->ops_env->readfile)
        return -ENOENT;
    if (len > SNAPSIM_OP_MAX_LEN)
        return -EINVAL;
    int fd = open(m->ops_env->readfile, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct stat st;
    int64_t result = 0;
    if (fstat(fd, &st) != 0) {
        result = -errno;
    } else if (offset < (uint64_t)st.st_size && len) {
        uint64_t n = (uint64_t)st.st_size - offset < len ? (uint64_t)st.st_size - offset : len;
        uint8_t *dst = guest_ptr(m, buf, n, MEM_W);
        if (!dst) {
            result = -EFAULT;
        } else {
            while ((uint64_t)result < n) {
                ssize_t r = pread(fd, dst + result, n - (uint64_t)result, (off_t)(offset + (uint64_t)result));
                if (r <= 0)
                    break;
                result += r;
            }
            mem_mark_dirty(&m->mem, buf, (uint64_t)result);
        }
    }
    close(fd);
    return result;
}

/* A writefile name: one plain file name inside the output directory, not one of the files
 * snapsim itself writes there. */
static int check_name(const char *name)
{
    static const char *const own[] = {"snapsim.log", "stats.json", "config.json"};
    size_t len = strlen(name);
    if (!len || strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
        return -EINVAL;
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
        if (!strcmp(name, own[i]))
            return -EINVAL;
    if (len >= 9 && !strcmp(name + len - 9, ".snapshot"))
        return -EINVAL;
    return 0;
}

static int64_t writefile(struct machine *m, uint64_t buf, uint64_t len, uint64_t offset, uint64_t name_addr)
{
    if (!m->ops_env || !m->ops_env->output_dir)
        return -EPERM;
    if (len > SNAPSIM_OP_MAX_LEN || offset > SNAPSIM_OP_MAX_LEN)
        return -EINVAL;
    char name[256];
    int rc = mem_read_string(&m->mem, name_addr, name, sizeof name);
    if (rc == -ENAMETOOLONG)
        return -EINVAL;
    if (rc < 0)
        return rc;
    if ((rc = check_name(name)) != 0)
        return rc;
    const uint8_t *src = len ? guest_ptr(m, buf, len, MEM_R) : (const uint8_t *)"";
    if (!src)
        return -EFAULT;
    int dir = open(m->ops_env->output_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return -errno;
    /* O_NOFOLLOW: a symbolic link planted in the directory is refused (ELOOP), not followed. */
    int fd = openat(dir, name, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (offset == 0 ? O_TRUNC : 0), 0644);
    int64_t result = fd < 0 ? -errno : 0;
    close(dir);
    while (fd >= 0 && (uint64_t)result < len) {
        ssize_t w = pwrite(fd, src + result, len - (uint64_t)result, (off_t)(offset + (uint64_t)result));
        if (w <= 0) {
            result = w < 0 ? -errno : -EIO;
            break;
        }
        result += w;
    }
    if (fd >= 0)
        close(fd);
    return result;
}

/* Ends the model's run so that the run loop carries the op out; the guest sees 0. */
static int64_t raise_event(struct machine *m, unsigned op, uint64_t arg)
{
    m->event = (struct machine_event){op, arg};
    m->halt = HALT_EVENT;
    return 0;
}

int64_t guest_op(struct machine *m, uint64_t nr, const uint64_t a[6])
{
    unsigned op = (unsigned)(nr - SNAPSIM_OP_BASE);
    switch (op) {
    case SNAPSIM_OP_READFILE:
        return readfile(m, a[0], a[1], a[2]);
    case SNAPSIM_OP_WRITEFILE:
        return writefile(m, a[0], a[1], a[2], a[3]);
    case SNAPSIM_OP_EXIT:
        return sys_exit(m, a);   /* the guest exits, as with exit_group */
    default:
        return raise_event(m, op, a[0]);
    }
}
