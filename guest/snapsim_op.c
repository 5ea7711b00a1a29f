/* snapsim-op: the guest operations from the shell, like gem5's m5 utility.
 *   snapsim-op checkpoint | resetstats | dumpstats | workbegin ID | workend ID
 *   snapsim-op exit [CODE] | fail [CODE]
 *   snapsim-op readfile               the --readfile FILE to standard output
 *   snapsim-op writefile NAME [FILE]  standard input (or FILE) to NAME in the output directory
 * Exit status 0 when the op was done; outside snapsim (every op answers -ENOSYS) or when it
 * failed, a one-line message and status 1. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snapsim/ops.h"

static int usage(void)
{
    fprintf(stderr, "usage: snapsim-op checkpoint | resetstats | dumpstats | workbegin ID | workend ID |\n"
                    "                  exit [CODE] | fail [CODE] | readfile | writefile NAME [FILE]\n");
    return 2;
}

static int result(const char *op, long r)
{
    if (r >= 0)
        return 0;
    if (r == -ENOSYS)
        fprintf(stderr, "snapsim-op: %s: not running under snapsim\n", op);
    else
        fprintf(stderr, "snapsim-op: %s: %s\n", op, strerror((int)-r));
    return 1;
}

static int readfile(void)
{
    static char buf[65536];
    /* Touch every page first: in a booted system the simulator copies into the pages the
     * kernel has mapped, and it maps a page of the program's zero-filled data only when the
     * program first writes it (gem5's m5 utility does the same for the same reason). */
    memset(buf, 0, sizeof buf);
    unsigned long offset = 0;
    for (;;) {
        long n = snapsim_readfile(buf, sizeof buf, offset);
        if (n <= 0)
            return result("readfile", n);
        if (fwrite(buf, 1, (size_t)n, stdout) != (size_t)n)
            return 1;
        offset += (unsigned long)n;
    }
}

static int writefile(const char *name, const char *path)
{
    FILE *in = path ? fopen(path, "rb") : stdin;
    if (!in) {
        fprintf(stderr, "snapsim-op: writefile: cannot open %s: %s\n", path, strerror(errno));
        return 1;
    }
    static char buf[65536];
    unsigned long offset = 0;
    size_t n;
    int rc = result("writefile", snapsim_writefile(buf, 0, 0, name));   /* creates or truncates */
    while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0) {
        rc = result("writefile", snapsim_writefile(buf, n, offset, name));
        offset += n;
    }
    if (in != stdin)
        fclose(in);
    return rc;
}

static long number(const char *s)
{
    return s ? strtol(s, NULL, 0) : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const char *op = argv[1], *arg = argc > 2 ? argv[2] : NULL;
    if (!strcmp(op, "checkpoint"))
        return result(op, snapsim_checkpoint());
    if (!strcmp(op, "resetstats"))
        return result(op, snapsim_reset_stats());
    if (!strcmp(op, "dumpstats"))
        return result(op, snapsim_dump_stats());
    if (!strcmp(op, "workbegin") && arg)
        return result(op, snapsim_work_begin((unsigned long)number(arg)));
    if (!strcmp(op, "workend") && arg)
        return result(op, snapsim_work_end((unsigned long)number(arg)));
    if (!strcmp(op, "exit"))
        return result(op, snapsim_exit(number(arg)));
    if (!strcmp(op, "fail"))
        return result(op, snapsim_fail(number(arg)));
    if (!strcmp(op, "readfile"))
        return readfile();
    if (!strcmp(op, "writefile") && arg)
        return writefile(arg, argc > 3 ? argv[3] : NULL);
    return usage();
}
