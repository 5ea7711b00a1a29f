/* Wrong-path faults must not kill the guest.  Without branch prediction (pompia, or
 * brpred:predictor_type:none) fetch runs on past every taken transfer until it resolves in Ex:
 *   - past a `ret` in the last word of a mapped page, into the unmapped page after it (a fetch
 *     fault on the wrong path), and
 *   - past a `j` into an illegal encoding.
 * The program exits 0 when it survives both. */
#include "ubench.h"
#define SYS_MMAP 222
#define SYS_MUNMAP 215
BENCH_BEGIN
    /* Two fresh RWX pages; unmap the second so the first ends at unmapped memory. */
    li a0, 0
    li a1, 8192
    li a2, 7                /* PROT_READ | PROT_WRITE | PROT_EXEC */
    li a3, 0x22             /* MAP_PRIVATE | MAP_ANONYMOUS */
    li a4, -1
    li a5, 0
    li a7, SYS_MMAP
    ecall
    mv s0, a0
    li t0, 4096
    add a0, s0, t0
    li a1, 4096
    li a7, SYS_MUNMAP
    ecall
    bnez a0, fail
    /* `ret` (jalr x0, 0(ra)) in the page's last word. */
    li t0, 4092
    add s1, s0, t0
    li t1, 0x00008067
    sw t1, 0(s1)
    fence.i
    li s2, 10
call:
    jalr ra, 0(s1)
    addi s2, s2, -1
    bnez s2, call
    j over
    .word 0                 /* an illegal encoding, reached only on the wrong path */
over:
BENCH_END
fail:
    li a0, 1
    li a7, SYS_EXIT
    ecall
