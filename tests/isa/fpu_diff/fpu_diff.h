/* Records exchanged between the FPU differential test's host side and its qemu oracle. */
#ifndef SNAPSIM_TESTS_FPU_DIFF_H
#define SNAPSIM_TESTS_FPU_DIFF_H

#include <stdint.h>

struct fpu_diff_case {
    uint32_t op;     /* enum op */
    uint32_t frm;    /* rounding mode 0..4, used through DYN */
    uint64_t a, b, c;
};

struct fpu_diff_result {
    uint64_t result;
    uint64_t flags;
};

#endif
