/* libFuzzer target: the memory-image reader on a file holding the fuzz input.  Opening must
 * reject bad files cleanly; for accepted files every page read and the eager walk must either
 * succeed or fail with a message.  Each input is tried as is and with its checksums repaired. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "snapshot/page_image.h"

static int consume(void *ctx, uint64_t pn, const void *page)
{
    (void)pn;
    *(volatile uint8_t *)ctx ^= ((const uint8_t *)page)[0];
    return 0;
}

/* Recomputes the index and footer checksums the input claims, so mutations reach the semantic
 * checks behind them instead of all dying at the checksum. */
static void fix_checksums(uint8_t *d, size_t size)
{
    if (size < PAGES_HEADER_SIZE + PAGES_FOOTER_SIZE)
        return;
    uint8_t *f = d + size - PAGES_FOOTER_SIZE;
    uint64_t count = get_le64(f), index_offset = get_le64(f + 8);
    if (count <= size / PAGES_ENTRY_SIZE && index_offset <= size && count * PAGES_ENTRY_SIZE <= size - index_offset)
        put_le64(f + 16, XXH3_64bits(d + index_offset, count * PAGES_ENTRY_SIZE));
    put_le64(f + 24, size);
    put_le64(f + 48, XXH3_64bits(f, 48));
}

static void try_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return;
    fwrite(data, 1, size, f);
    fclose(f);
    struct snap_pages *p;
    char err[256];
    if (snap_pages_open(path, &p, err, sizeof err) == 0) {
        uint8_t page[PAGES_PAGE_SIZE], x = 0;
        for (size_t i = 0; i < snap_pages_count(p); i++)
            if (snap_pages_read(p, i, page, err, sizeof err) == 0 &&
                snap_pages_find(p, snap_pages_entry(p, i)->page_number) != (long)i)
                abort();
        snap_pages_for_each(p, consume, &x, err, sizeof err);
        snap_pages_close(p);
    }
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/fuzz_pages.%d", (int)getpid());
    try_file(path, data, size);
    uint8_t *fixed = malloc(size ? size : 1);
    if (!fixed)
        return 0;
    memcpy(fixed, data, size);
    fix_checksums(fixed, size);
    try_file(path, fixed, size);
    free(fixed);
    return 0;
}
