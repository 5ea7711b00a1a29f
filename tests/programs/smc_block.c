/* A block that rewrites one of its own later instructions: a store into the code being run,
 * then fence.i, then the rewritten instruction, which must run as written (in every tier: the
 * store is translated with the rest of the block once it is hot).  The code is copied from
 * .text into an RWX mapping and run 300 times with a different immediate each time. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

/* patched(word): stores word over the addi at offset 16, fence.i, returns 0 + its immediate. */
extern const char patched_start[], patched_end[];
__asm__(".text\n"
        ".option push\n"
        ".option norvc\n"
        ".globl patched_start\n"
        "patched_start:\n"
        "    auipc t1, 0\n"
        "    sw a0, 16(t1)\n"
        "    fence.i\n"
        "    li a0, 0\n"
        "    addi a0, a0, 0\n"
        "    ret\n"
        ".globl patched_end\n"
        "patched_end:\n"
        ".option pop\n");

static uint32_t addi_a0(int imm) { return ((uint32_t)imm & 0xfff) << 20 | 10u << 15 | 10u << 7 | 0x13; }

int main(void)
{
    size_t len = (size_t)(patched_end - patched_start);
    void *code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED)
        return 1;
    memcpy(code, patched_start, len);
    __builtin___clear_cache((char *)code, (char *)code + len);
    long (*fn)(uint32_t) = (long (*)(uint32_t))code;
    long sum = 0, mismatches = 0;
    for (int i = 0; i < 300; i++) {
        int imm = (i * 37) % 2000 - 1000;
        long got = fn(addi_a0(imm));
        sum += got;
        mismatches += got != imm;
    }
    printf("sum %ld mismatches %ld\n", sum, mismatches);
    return 0;
}
