/* On-disk layout of a paged memory image (mem0.pages), version 1.  All integers little-endian.
 *
 *   offset 0     header, 16 bytes:  magic "SNAPSIMP", u32 version (1), u32 page size (4096)
 *   offset 16    frames: one zstd frame per stored page, back to back in page-number order;
 *                each frame declares a content size of exactly one page
 *   index_offset index: page_count entries of 32 bytes, sorted by strictly increasing page number
 *                  u64 page number   (guest address >> 12)
 *                  u64 offset        of the frame in the file (0 for a zero page)
 *                  u32 length        of the frame in bytes (0 for a zero page)
 *                  u32 flags         bit 0: PAGE_ZERO (page is all zero, no frame); others 0
 *                  u64 xxh3          XXH3_64bits of the uncompressed page
 *   file end-64  footer, 64 bytes:
 *                  u64 page_count, u64 index_offset, u64 XXH3_64bits of the index bytes,
 *                  u64 file size, u32 version, u32 page size, u32 compression (1 = zstd),
 *                  u32 reserved (0), u64 XXH3_64bits of footer bytes 0..47, magic "SNAPSIMI"
 *
 * The index sits right before the footer: index_offset == file size - 64 - 32 * page_count. */
#ifndef SNAPSIM_SNAPSHOT_PAGE_FORMAT_H
#define SNAPSIM_SNAPSHOT_PAGE_FORMAT_H

#include <stdint.h>
#include <string.h>

#define PAGES_HEADER_MAGIC  "SNAPSIMP"
#define PAGES_FOOTER_MAGIC  "SNAPSIMI"
#define PAGES_VERSION       1
#define PAGES_PAGE_SIZE     4096u
#define PAGES_HEADER_SIZE   16u
#define PAGES_ENTRY_SIZE    32u
#define PAGES_FOOTER_SIZE   64u
#define PAGES_COMPRESSION_ZSTD 1u
#define PAGES_FLAG_ZERO     1u
#define PAGES_MAX_COUNT     (1ull << 28)   /* 1 TiB of 4 KiB pages */
#define PAGES_MAX_NUMBER    (1ull << 52)   /* page numbers of a 64-bit address space */

static inline void put_le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static inline void put_le64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static inline uint32_t get_le32(const uint8_t *p)
{
    uint32_t v = 0;
    for (int i = 3; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

static inline uint64_t get_le64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

#endif
