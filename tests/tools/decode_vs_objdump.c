/* Checks insn_decode() and insn_disasm() against GNU objdump.
 *
 *   decode_vs_objdump [-a] [-x MNEMONIC]... ELF LISTING
 *
 * LISTING is the output of `objdump -d -M no-aliases ELF`.  For every instruction line in it, the
 * tool reads the bytes at that address from ELF's executable sections (with libelf), decodes and
 * disassembles them, and compares the text with objdump's.  A mnemonic given with -x is outside
 * RV64GC: our decoder must reject it.  With -a, every operation in isa/ops.def must occur at least
 * once.  Exit status 0 only if every line agrees (and, with -a, nothing is missing).
 *
 * Normalisations, all formatting only:
 *   - objdump separates mnemonic and operands with a tab, we use a space;
 *   - objdump's annotations are dropped: "<symbol+off>" after targets and "# ..." comments.
 * Lines objdump prints as data directives (".word", ".2byte", ".4byte", ...) are skipped: they
 * are data in code sections (mapping symbols) or encodings objdump does not know. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isa/insn.h"

#define MAX_SECTIONS 64
#define MAX_EXPECTED_ILLEGAL 64
#define MAX_REPORTED 25
#define USAGE "usage: decode_vs_objdump [-a] [-x MNEMONIC]... ELF LISTING"

struct section {
    uint64_t addr, size;
    const unsigned char *bytes;
};

struct code {
    struct section sec[MAX_SECTIONS];
    size_t count;
};

struct tally {
    unsigned long compared, matched, skipped_data, expected_illegal, mismatched;
    unsigned seen_ops[OP_COUNT];
};

static int fail(const char *msg, const char *arg)
{
    fprintf(stderr, "decode_vs_objdump: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    return 2;
}

/* Collects the executable PROGBITS sections of an ELF file. */
static int load_code(Elf *elf, struct code *code)
{
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(elf, scn)) != NULL) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh))
            return fail("cannot read section header", elf_errmsg(-1));
        if (sh.sh_type != SHT_PROGBITS || !(sh.sh_flags & SHF_EXECINSTR))
            continue;
        Elf_Data *data = elf_getdata(scn, NULL);
        if (!data || data->d_size != sh.sh_size)
            return fail("cannot read section data", elf_errmsg(-1));
        if (code->count == MAX_SECTIONS)
            return fail("too many executable sections", NULL);
        code->sec[code->count++] = (struct section){ sh.sh_addr, sh.sh_size, data->d_buf };
    }
    return code->count ? 0 : fail("no executable sections", NULL);
}

/* Reads the instruction at addr; returns its length in bytes, or 0 if it is outside the code. */
static unsigned fetch(const struct code *code, uint64_t addr, uint32_t *raw)
{
    for (size_t i = 0; i < code->count; i++) {
        const struct section *s = &code->sec[i];
        if (addr < s->addr || addr - s->addr + 2 > s->size)
            continue;
        const unsigned char *p = s->bytes + (addr - s->addr);
        uint16_t lo = (uint16_t)(p[0] | p[1] << 8);
        if (insn_length(lo) == 2) {
            *raw = lo;
            return 2;
        }
        if (addr - s->addr + 4 > s->size)
            return 0;
        *raw = lo | (uint32_t)(p[2] | p[3] << 8) << 16;
        return 4;
    }
    return 0;
}

/* Rewrites objdump's instruction text into our format (see the header comment). */
static void normalise(char *text)
{
    char *p;
    if ((p = strchr(text, '#')) != NULL)
        *p = '\0';
    if ((p = strchr(text, '<')) != NULL)
        *p = '\0';
    if ((p = strchr(text, '\t')) != NULL)
        *p = ' ';
    size_t n = strlen(text);
    while (n && (text[n - 1] == ' ' || text[n - 1] == '\t' || text[n - 1] == '\n'))
        text[--n] = '\0';
}

static bool is_expected_illegal(const char *text, char *const *list, size_t count)
{
    size_t len = strcspn(text, " ");
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == len && strncmp(text, list[i], len) == 0)
            return true;
    return false;
}

static void report(struct tally *t, uint64_t addr, uint32_t raw, const char *want, const char *got)
{
    if (++t->mismatched <= MAX_REPORTED)
        fprintf(stderr, "%" PRIx64 ": %08" PRIx32 ": objdump '%s', ours '%s'\n", addr, raw, want, got);
}

/* Handles one listing line; lines that are not instructions are ignored. */
static void check_line(char *line, const struct code *code, char *const *illegal, size_t n_illegal,
                       struct tally *t)
{
    char *end;
    uint64_t addr = strtoull(line, &end, 16);
    if (end == line || end[0] != ':' || end[1] != '\t')
        return;
    char *hex = end + 2, *text = strchr(hex, '\t');
    if (!text)
        return;
    text++;
    normalise(text);
    if (text[0] == '.' || text[0] == '\0') {
        t->skipped_data++;
        return;
    }

    uint32_t raw;
    unsigned len = fetch(code, addr, &raw);
    uint32_t listed = (uint32_t)strtoul(hex, NULL, 16);
    if (!len || raw != listed) {
        report(t, addr, listed, text, "<bytes differ from the listing>");
        return;
    }
    t->compared++;
    struct insn in;
    bool ok = insn_decode(raw, &in);
    char ours[128];
    insn_disasm(&in, addr, ours, sizeof ours);
    if (is_expected_illegal(text, illegal, n_illegal)) {
        if (ok)
            report(t, addr, raw, text, ours);
        else
            t->expected_illegal++;
        return;
    }
    if (!ok || in.len != len || strcmp(text, ours) != 0) {
        report(t, addr, raw, text, ours);
        return;
    }
    t->matched++;
    t->seen_ops[in.op]++;
}

/* Lists the operations that never occurred; returns how many. */
static unsigned report_missing(const struct tally *t)
{
    unsigned missing = 0;
    for (unsigned op = OP_ILLEGAL + 1; op < OP_COUNT; op++)
        if (!t->seen_ops[op]) {
            fprintf(stderr, "%s'%s'", missing++ ? ", " : "operations never seen: ", op_mnemonic(op));
        }
    if (missing)
        fprintf(stderr, "\n");
    return missing;
}

static int compare(FILE *listing, const struct code *code, char *const *illegal, size_t n_illegal,
                   bool need_all)
{
    struct tally t = { 0 };
    char line[1024];
    while (fgets(line, sizeof line, listing))
        check_line(line, code, illegal, n_illegal, &t);

    unsigned distinct = 0;
    for (unsigned op = 0; op < OP_COUNT; op++)
        distinct += t.seen_ops[op] != 0;
    printf("%lu instructions compared: %lu match (%u distinct operations), %lu expected illegal, "
           "%lu mismatches; %lu data lines skipped\n",
           t.compared, t.matched, distinct, t.expected_illegal, t.mismatched, t.skipped_data);
    if (t.compared == 0)
        return fail("the listing holds no instructions", NULL);
    if (need_all && report_missing(&t))
        return 1;
    return t.mismatched ? 1 : 0;
}

int main(int argc, char **argv)
{
    char *illegal[MAX_EXPECTED_ILLEGAL];
    size_t n_illegal = 0;
    bool need_all = false;
    int opt;
    while ((opt = getopt(argc, argv, "ax:")) != -1) {
        if (opt == 'a')
            need_all = true;
        else if (opt == 'x' && n_illegal < MAX_EXPECTED_ILLEGAL)
            illegal[n_illegal++] = optarg;
        else
            return fail(USAGE, NULL);
    }
    if (argc - optind != 2)
        return fail(USAGE, NULL);

    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail("libelf initialisation failed", elf_errmsg(-1));
    int fd = open(argv[optind], O_RDONLY);
    if (fd < 0)
        return fail(strerror(errno), argv[optind]);
    Elf *elf = elf_begin(fd, ELF_C_READ, NULL);
    if (!elf || elf_kind(elf) != ELF_K_ELF) {
        elf_end(elf);   /* accepts NULL */
        close(fd);
        return fail("not an ELF file", argv[optind]);
    }
    struct code code = { .count = 0 };
    int status = load_code(elf, &code);
    if (status == 0) {
        FILE *listing = fopen(argv[optind + 1], "r");
        if (!listing)
            status = fail(strerror(errno), argv[optind + 1]);
        else {
            status = compare(listing, &code, illegal, n_illegal, need_all);
            fclose(listing);
        }
    }
    elf_end(elf);
    close(fd);
    return status;
}
