/* snapsim guest operations: a program run by snapsim asks the simulator to take a checkpoint,
 * read the run's input file, write a file into the output directory, mark statistics regions,
 * or end the run.
 *
 * Encoding: each op is an `ecall` with a7 = SNAPSIM_OP_BASE + op and its arguments in a0..a3,
 * the result in a0, like a system call.  The numbers are far above every Linux system call, so
 * outside snapsim (real hardware, qemu-riscv64) the kernel answers -ENOSYS (-38) and nothing else
 * happens: each function below then returns -38 and has no effect (snapsim_exit and snapsim_fail
 * return too — follow them with exit() if the program must end everywhere).
 *
 * In snapsim (every model does them the same way, the pipeline models when the ecall commits):
 *   snapsim_checkpoint()        take a snapshot now (--on-checkpoint snapshot, the default), take
 *                               it and end the run (exit), or nothing (ignore); returns 0 — also
 *                               in a run restored from that snapshot.
 *   snapsim_exit(code)          end the run now, as exit(code) would but without the C library's
 *                               exit handlers (stdio buffers are not flushed).
 *   snapsim_fail(code)          end the run with exit cause `fail`, status code (1 if 0).
 *   snapsim_readfile(buf, len, offset)
 *                               copy up to len bytes of the --readfile FILE from offset into buf;
 *                               returns the bytes copied (0 at the end of the file), -ENOENT
 *                               without --readfile, -EFAULT if buf is not writable guest memory.
 *   snapsim_writefile(buf, len, offset, name)
 *                               write len bytes at offset of the file `name` in the output
 *                               directory (--log DIR); offset 0 creates or truncates the file.
 *                               name is a plain file name: "..", "/" and symbolic links are
 *                               refused (-EINVAL, -ELOOP); -EPERM without --log.  Returns the
 *                               bytes written.
 *   snapsim_reset_stats()       statistics restart from here.
 *   snapsim_dump_stats()        append a dump of the statistics so far to stats.json "dumps".
 *   snapsim_work_begin(id)      a region of interest `id` starts (stats "work"."id").
 *   snapsim_work_end(id)        it ends: its instructions and cycles are added to that id.
 * Lengths above SNAPSIM_OP_MAX_LEN are refused with -EINVAL.
 *
 * Assembly (.S files) includes this header too: with the arguments in a0..a3,
 *     SNAPSIM_OP SNAPSIM_OP_CHECKPOINT
 * leaves the result in a0 and changes a7. */
#ifndef SNAPSIM_OPS_H
#define SNAPSIM_OPS_H

#define SNAPSIM_OP_BASE 0x5300
#define SNAPSIM_OP_MAX_LEN (1 << 30)

#define SNAPSIM_OP_CHECKPOINT 0
#define SNAPSIM_OP_EXIT 1
#define SNAPSIM_OP_FAIL 2
#define SNAPSIM_OP_READFILE 3
#define SNAPSIM_OP_WRITEFILE 4
#define SNAPSIM_OP_RESET_STATS 5
#define SNAPSIM_OP_DUMP_STATS 6
#define SNAPSIM_OP_WORK_BEGIN 7
#define SNAPSIM_OP_WORK_END 8
#define SNAPSIM_OP_COUNT 9

#if defined(__ASSEMBLER__)
.macro SNAPSIM_OP op
    li a7, SNAPSIM_OP_BASE + \op
    ecall
.endm
#elif defined(__riscv)
static inline long snapsim_op_call(long op, long a0, long a1, long a2, long a3)
{
    register long r_a0 __asm__("a0") = a0;
    register long r_a1 __asm__("a1") = a1;
    register long r_a2 __asm__("a2") = a2;
    register long r_a3 __asm__("a3") = a3;
    register long r_a7 __asm__("a7") = SNAPSIM_OP_BASE + op;
    __asm__ volatile("ecall" : "+r"(r_a0) : "r"(r_a1), "r"(r_a2), "r"(r_a3), "r"(r_a7) : "memory");
    return r_a0;
}

static inline long snapsim_checkpoint(void) { return snapsim_op_call(SNAPSIM_OP_CHECKPOINT, 0, 0, 0, 0); }
static inline long snapsim_exit(long code) { return snapsim_op_call(SNAPSIM_OP_EXIT, code, 0, 0, 0); }
static inline long snapsim_fail(long code) { return snapsim_op_call(SNAPSIM_OP_FAIL, code, 0, 0, 0); }
static inline long snapsim_readfile(void *buf, unsigned long len, unsigned long offset)
{
    return snapsim_op_call(SNAPSIM_OP_READFILE, (long)buf, (long)len, (long)offset, 0);
}
static inline long snapsim_writefile(const void *buf, unsigned long len, unsigned long offset,
                                     const char *name)
{
    return snapsim_op_call(SNAPSIM_OP_WRITEFILE, (long)buf, (long)len, (long)offset, (long)name);
}
static inline long snapsim_reset_stats(void) { return snapsim_op_call(SNAPSIM_OP_RESET_STATS, 0, 0, 0, 0); }
static inline long snapsim_dump_stats(void) { return snapsim_op_call(SNAPSIM_OP_DUMP_STATS, 0, 0, 0, 0); }
static inline long snapsim_work_begin(unsigned long id) { return snapsim_op_call(SNAPSIM_OP_WORK_BEGIN, (long)id, 0, 0, 0); }
static inline long snapsim_work_end(unsigned long id) { return snapsim_op_call(SNAPSIM_OP_WORK_END, (long)id, 0, 0, 0); }
#endif

#endif
