/* Guest ops in a Linux process (user mode): the system call path sees a7 in the op range and
 * comes here; the op reaches the process's memory through its mappings and their permissions,
 * and `exit` ends the program as exit_group does. */
#include "linux/guest_ops.h"

#include "core/guest_ops.h"
#include "linux/syscall_internal.h"

static uint8_t *process_bytes(struct guest_view *v, uint64_t va, size_t n, bool write)
{
    return guest_ptr(v->m, va, n, write ? MEM_W : MEM_R);
}

static void process_wrote(struct guest_view *v, uint64_t va, size_t n)
{
    mem_mark_dirty(&v->m->mem, va, n);
}

static int64_t process_exit(struct guest_view *v, int64_t code)
{
    const uint64_t a[6] = { (uint64_t)code };
    return sys_exit(v->m, a);
}

int64_t linux_guest_op(struct machine *m, uint64_t nr, const uint64_t a[6])
{
    struct guest_view v = { m, process_bytes, process_wrote, process_exit };
    return guest_op(&v, nr, a);
}
