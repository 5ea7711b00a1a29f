#include "core/guest_ops.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* The length of the piece of [va, va + n) that starts at va and stays within va's page. */
static size_t page_piece(uint64_t va, uint64_t n)
{
    uint64_t room = 4096 - (va & 4095);
    return (size_t)(n < room ? n : room);
}

/* Can the caller access all of [va, va + n)?  Checked before any byte moves, so that an op
 * given a bad buffer changes nothing. */
static bool view_allows(struct guest_view *v, uint64_t va, uint64_t n, bool write)
{
    for (uint64_t done = 0; done < n;) {
        size_t piece = page_piece(va + done, n - done);
        if (!v->bytes(v, va + done, piece, write))
            return false;
        done += piece;
    }
    return true;
}

/* Copies the --readfile FILE's bytes [offset, offset + len) that exist into guest memory. */
static int64_t readfile(struct guest_view *v, uint64_t buf, uint64_t len, uint64_t offset)
{
    const struct guest_ops_env *env = v->m->ops_env;
    if (!env || !env->readfile)
        return -ENOENT;
    if (len > SNAPSIM_OP_MAX_LEN)
        return -EINVAL;
    int fd = open(env->readfile, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct stat st;
    int64_t result = 0;
    if (fstat(fd, &st) != 0) {
        result = -errno;
    } else if (offset < (uint64_t)st.st_size && len) {
        uint64_t n = (uint64_t)st.st_size - offset < len ? (uint64_t)st.st_size - offset : len;
        if (!view_allows(v, buf, n, true)) {
            result = -EFAULT;
        } else {
            while ((uint64_t)result < n) {
                uint64_t va = buf + (uint64_t)result;
                size_t piece = page_piece(va, n - (uint64_t)result);
                ssize_t r = pread(fd, v->bytes(v, va, piece, true), piece, (off_t)(offset + (uint64_t)result));
                if (r <= 0)
                    break;
                v->wrote(v, va, (size_t)r);
                result += r;
            }
        }
    }
    close(fd);
    return result;
}

/* The NUL-terminated string at va, read as the caller may; 0, -EFAULT or -ENAMETOOLONG. */
static int read_string(struct guest_view *v, uint64_t va, char *out, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        const uint8_t *b = v->bytes(v, va + i, 1, false);
        if (!b)
            return -EFAULT;
        if ((out[i] = (char)*b) == 0)
            return 0;
    }
    return -ENAMETOOLONG;
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

static int64_t writefile(struct guest_view *v, uint64_t buf, uint64_t len, uint64_t offset, uint64_t name_addr)
{
    const struct guest_ops_env *env = v->m->ops_env;
    if (!env || !env->output_dir)
        return -EPERM;
    if (len > SNAPSIM_OP_MAX_LEN || offset > SNAPSIM_OP_MAX_LEN)
        return -EINVAL;
    char name[256];
    int rc = read_string(v, name_addr, name, sizeof name);
    if (rc == -ENAMETOOLONG)
        return -EINVAL;
    if (rc < 0)
        return rc;
    if ((rc = check_name(name)) != 0)
        return rc;
    if (!view_allows(v, buf, len, false))
        return -EFAULT;
    int dir = open(env->output_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return -errno;
    /* O_NOFOLLOW: a symbolic link planted in the directory is refused (ELOOP), not followed. */
    int fd = openat(dir, name, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (offset == 0 ? O_TRUNC : 0), 0644);
    int64_t result = fd < 0 ? -errno : 0;
    close(dir);
    while (fd >= 0 && (uint64_t)result < len) {
        uint64_t va = buf + (uint64_t)result;
        size_t piece = page_piece(va, len - (uint64_t)result);
        ssize_t w = pwrite(fd, v->bytes(v, va, piece, false), piece, (off_t)(offset + (uint64_t)result));
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

int64_t guest_op(struct guest_view *v, uint64_t nr, const uint64_t a[6])
{
    unsigned op = (unsigned)(nr - SNAPSIM_OP_BASE);
    switch (op) {
    case SNAPSIM_OP_READFILE:
        return readfile(v, a[0], a[1], a[2]);
    case SNAPSIM_OP_WRITEFILE:
        return writefile(v, a[0], a[1], a[2], a[3]);
    case SNAPSIM_OP_EXIT:
        return v->exit(v, (int64_t)a[0]);
    default:
        return raise_event(v->m, op, a[0]);
    }
}
