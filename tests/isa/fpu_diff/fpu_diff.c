/* FPU differential test: runs many generated cases (edge values, values with few significant
 * bits so that ties are common, cancellations, subnormals, improperly boxed singles) through
 * fpu_execute and through the real instructions under qemu-riscv64, and compares result bits
 * and flags.
 *
 *   fpu_diff QEMU ORACLE [CASES_PER_OP [SEED]]
 *
 * Exits 0 when everything agrees. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fpu_diff.h"
#include "isa/fpu.h"

static const struct {
    enum op op;
    const char *name;
    enum op_class cls;
} ops[] = {
#define OP(name, mnemonic, class) { OP_##name, mnemonic, CLASS_##class },
#include "isa/ops.def"
#undef OP
};
#define NOPS (sizeof ops / sizeof ops[0])

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static uint64_t pick(const uint64_t *values, size_t n) { return values[next_random() % n]; }
#define PICK(array) pick(array, sizeof(array) / sizeof((array)[0]))

static const uint64_t single_edges[] = {
    0, 0x80000000, 0x3f800000, 0xbf800000, 1, 0x80000001, 0x007fffff, 0x00800000, 0x7f7fffff,
    0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc12345, 0x7f800001, 0xffc00000, 0x3f000000,
    0xbf000000, 0x4b800001, 0x4f000000, 0xcf000000, 0x4f800000, 0x5f000000, 0xdf000000, 0x5f800000,
    0x33800000,
};
static const uint64_t double_edges[] = {
    0, 1ull << 63, 0x3ff0000000000000, 0xbff0000000000000, 1, 0x8000000000000001,
    0x000fffffffffffff, 0x0010000000000000, 0x7fefffffffffffff, 0xffefffffffffffff,
    0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000, 0x7ff8000000012345,
    0x7ff0000000000001, 0xfff8000000000000, 0x3fe0000000000000, 0x41dfffffffc00000,
    0x41e0000000000000, 0xc1e0000000000000, 0x41f0000000000000, 0x43e0000000000000,
    0xc3e0000000000000, 0x43f0000000000000, 0x3ca0000000000000, 0x47efffffe0000000,
    0x380fffffffffffff, 0x3690000000000000,
};
static const uint64_t int_edges[] = {
    0, 1, UINT64_MAX, 0x7fffffff, 0x80000000, 0xffffffff, 0xffffffff80000000, INT64_MAX,
    1ull << 63, 0x1000001, 0x20000000000001, 0xfffffffffffffc00, 0xffffff8000000000,
};

/* A value of the given format, biased towards the interesting parts of the number line. */
static uint64_t random_float(bool dbl)
{
    unsigned frac_bits = dbl ? 52 : 23, exp_bits = dbl ? 11 : 8, bias = dbl ? 1023 : 127;
    uint64_t frac = next_random() & ((1ull << frac_bits) - 1);
    uint64_t exp, sign = (next_random() & 1) << (frac_bits + exp_bits);
    switch (next_random() % 6) {
    case 0: return dbl ? PICK(double_edges) : PICK(single_edges);
    case 1:   /* near 1 with few significant bits: ties when added or converted */
        frac &= ~((1ull << (next_random() % frac_bits)) - 1);
        exp = bias - 3 + next_random() % 8;
        break;
    case 2: exp = next_random() % (1u << exp_bits); break;
    case 3: exp = next_random() % 4 + (next_random() & 1 ? 0 : (1u << exp_bits) - 5); break;
    case 4: exp = next_random() % (2 * frac_bits); break;   /* subnormals and small results */
    default: exp = bias - (frac_bits + 10) + next_random() % (2 * frac_bits + 20); break;
    }
    return sign | exp << frac_bits | frac;
}

static uint64_t random_int(void)
{
    switch (next_random() % 4) {
    case 0: return PICK(int_edges);
    case 1: return next_random() >> (next_random() % 64);
    case 2: return 0 - (next_random() >> (next_random() % 64));
    default: return next_random();
    }
}

static struct fpu_diff_case random_case(size_t op_index)
{
    const char *name = ops[op_index].name;
    size_t len = strlen(name);
    /* the format of the f operands: the mnemonic's last letter, except for fcvt.d.s */
    bool dbl = strcmp(name, "fcvt.d.s") != 0 && (name[len - 1] == 'd' || strcmp(name, "fcvt.s.d") == 0);
    struct fpu_diff_case c = { .op = ops[op_index].op, .frm = (uint32_t)(next_random() % 5) };
    if (ops[op_index].cls == CLASS_X2F) {
        c.a = random_int();
        return c;
    }
    c.a = random_float(dbl);
    c.b = next_random() % 4 ? random_float(dbl) : c.a ^ (next_random() & 1) << (dbl ? 63 : 31);
    c.c = random_float(dbl);
    if (!dbl) {
        c.a = f32_box((uint32_t)c.a);
        c.b = f32_box((uint32_t)c.b);
        c.c = f32_box((uint32_t)c.c);
        if (next_random() % 50 == 0)
            c.a &= 0xfffffffeffffffffull;   /* improperly boxed */
    }
    return c;
}

static bool is_fp_class(enum op_class cls)
{
    return cls == CLASS_F3 || cls == CLASS_F4 || cls == CLASS_F1 || cls == CLASS_FCMP ||
           cls == CLASS_F2X || cls == CLASS_X2F;
}

/* Runs `oracle` under `qemu` with stdin/stdout redirected to the given files. */
static bool run_oracle(const char *qemu, const char *oracle, int in_fd, int out_fd)
{
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0)
            _exit(127);
        execl(qemu, qemu, oracle, (char *)NULL);
        _exit(127);
    }
    int status;
    return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static int make_temp(char *path, size_t size, const char *suffix)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, size, "%s/fpu_diff_%s_XXXXXX", dir && *dir ? dir : "/tmp", suffix);
    int fd = mkstemp(path);
    if (fd >= 0)
        unlink(path);   /* only the descriptors are needed */
    return fd;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 5) {
        fprintf(stderr, "usage: %s QEMU ORACLE [CASES_PER_OP [SEED]]\n", argv[0]);
        return 2;
    }
    long per_op = argc > 3 ? strtol(argv[3], NULL, 0) : 20000;
    if (per_op <= 0 || per_op > 10000000) {
        fprintf(stderr, "fpu_diff: CASES_PER_OP must be in 1..10000000\n");
        return 2;
    }
    if (argc > 4)
        rng ^= strtoull(argv[4], NULL, 0) * 0x2545f4914f6cdd1dull;

    size_t fp_ops = 0;
    for (size_t i = 0; i < NOPS; i++)
        fp_ops += is_fp_class(ops[i].cls);
    size_t n = fp_ops * (size_t)per_op, k = 0;
    struct fpu_diff_case *cases = malloc(n * sizeof *cases);
    struct fpu_diff_result *results = malloc(n * sizeof *results);
    if (!cases || !results) {
        fprintf(stderr, "fpu_diff: out of memory\n");
        return 2;
    }
    for (size_t i = 0; i < NOPS; i++)
        for (long j = 0; is_fp_class(ops[i].cls) && j < per_op; j++)
            cases[k++] = random_case(i);

    char in_path[4096], out_path[4096];
    int in_fd = make_temp(in_path, sizeof in_path, "in"), out_fd = make_temp(out_path, sizeof out_path, "out");
    if (in_fd < 0 || out_fd < 0 || write(in_fd, cases, n * sizeof *cases) != (ssize_t)(n * sizeof *cases) ||
        lseek(in_fd, 0, SEEK_SET) != 0) {
        perror("fpu_diff: temporary file");
        return 2;
    }
    if (!run_oracle(argv[1], argv[2], in_fd, out_fd) || lseek(out_fd, 0, SEEK_SET) != 0 ||
        read(out_fd, results, n * sizeof *results) != (ssize_t)(n * sizeof *results)) {
        fprintf(stderr, "fpu_diff: running %s %s failed\n", argv[1], argv[2]);
        return 2;
    }

    size_t mismatches = 0;
    for (size_t i = 0; i < n; i++) {
        const struct fpu_diff_case *c = &cases[i];
        uint64_t result = 0;
        uint32_t flags = 0;
        bool ok = fpu_execute(c->op, c->a, c->b, c->c, RM_DYN, c->frm, &result, &flags);
        if (ok && result == results[i].result && flags == results[i].flags)
            continue;
        if (mismatches++ < 20) {
            const char *name = "?";
            for (size_t j = 0; j < NOPS; j++)
                name = ops[j].op == c->op ? ops[j].name : name;
            printf("%s frm=%u a=%016" PRIx64 " b=%016" PRIx64 " c=%016" PRIx64 ": qemu %016" PRIx64
                   " flags %02" PRIx64 ", snapsim %s%016" PRIx64 " flags %02x\n",
                   name, c->frm, c->a, c->b, c->c, results[i].result, results[i].flags,
                   ok ? "" : "ILLEGAL ", result, flags);
        }
    }
    printf("fpu_diff: %zu of %zu cases differ\n", mismatches, n);
    free(cases);
    free(results);
    return mismatches != 0;
}
