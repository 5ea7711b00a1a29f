/* M-mode program whose trap vector points at nothing: the first trap faults again at the
 * vector, forever, without retiring.  The run must end with an error, not hang. */
#include "env.h"

    .option norelax
    .text
    .globl test_main
test_main:
    csrw mtvec, zero
    ecall
