#include "snapshot/raw_data.h"
#include "snapshot/snap_error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>
#include <zstd.h>

#include "snapshot/fd_io.h"
void snap_raw_writer_init(struct snap_raw_writer *w, int dir_fd)
{
    *w = (struct snap_raw_writer){.fd = -1, .dir_fd = dir_fd};
}

static int set_ref(struct attr_value *v, unsigned dir, uint64_t offset, uint64_t stored, char *err, size_t errlen)
{
    char ref[32];
    snprintf(ref, sizeof ref, "%%%u%%/%s", dir, SNAP_RAW_FILE);
    free(v->data.file);
    if (!(v->data.file = strdup(ref)))
        return snap_err(err, errlen, "out of memory");
    v->data.offset = offset;
    v->data.stored = stored;
    free(v->data.payload);
    v->data.payload = NULL;
    return 0;
}

/* Appends the payload, as a zstd frame where that is smaller; *stored is 0 for plain bytes. */
static int append(struct snap_raw_writer *w, const uint8_t *payload, uint64_t length, uint64_t *stored,
                  char *err, size_t errlen)
{
    if (w->fd < 0) {
        w->fd = openat(w->dir_fd, SNAP_RAW_FILE, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (w->fd < 0)
            return snap_err(err, errlen, "%s: %s", SNAP_RAW_FILE, strerror(errno));
    }
    *stored = 0;
    uint8_t *frame = NULL;
    if (length >= 64 && length <= SNAP_MAX_RAW_COMPRESSED) {
        size_t bound = ZSTD_compressBound((size_t)length);
        if ((frame = malloc(bound))) {
            size_t n = ZSTD_compress(frame, bound, payload, (size_t)length, SNAP_RAW_ZSTD_LEVEL);
            if (!ZSTD_isError(n) && n < length)
                *stored = n;
        }
    }
    bool written = *stored ? fd_write_all(w->fd, frame, *stored) : fd_write_all(w->fd, payload, (size_t)length);
    free(frame);
    if (!written)
        return snap_err(err, errlen, "%s: %s", SNAP_RAW_FILE, strerror(errno));
    w->size += *stored ? *stored : length;
    return 0;
}

static int store_payload(struct snap_raw_writer *w, struct attr_value *v, char *err, size_t errlen)
{
    const struct snap_raw_sharing *sh = w->sharing;
    uint64_t hash = sh ? XXH3_64bits(v->data.payload, (size_t)v->data.length) : 0;
    struct snap_raw_place at = {0};
    if (sh && sh->find && sh->find(sh->ctx, hash, v->data.length, &at) && at.ancestor > 0) {
        w->shared_bytes += v->data.length;
    } else {
        at = (struct snap_raw_place){.offset = w->size};
        if (append(w, v->data.payload, v->data.length, &at.stored, err, errlen))
            return -1;
    }
    if (sh && sh->placed)
        sh->placed(sh->ctx, hash, v->data.length, &at);
    return set_ref(v, at.ancestor, at.offset, at.stored, err, errlen);
}

int snap_raw_store(struct snap_raw_writer *w, struct attr_value *v, char *err, size_t errlen)
{
    if (v->kind == ATTR_LIST) {
        for (size_t i = 0; i < v->list.n; i++)
            if (snap_raw_store(w, &v->list.items[i], err, errlen))
                return -1;
    } else if (v->kind == ATTR_DICT) {
        for (size_t i = 0; i < v->dict.n; i++)
            if (snap_raw_store(w, &v->dict.entries[i].value, err, errlen))
                return -1;
    } else if (v->kind == ATTR_DATA && v->data.payload) {
        return store_payload(w, v, err, errlen);
    }
    return 0;
}

int snap_raw_writer_finish(struct snap_raw_writer *w, char *err, size_t errlen)
{
    if (w->fd < 0)
        return 0;
    int rc = fsync(w->fd);
    int e = errno;
    if (close(w->fd) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    w->fd = -1;
    return rc ? snap_err(err, errlen, "%s: %s", SNAP_RAW_FILE, strerror(e)) : 0;
}

int snap_raw_present(const struct attr_value *v)
{
    if (v->kind == ATTR_DATA)
        return 1;
    if (v->kind == ATTR_LIST)
        for (size_t i = 0; i < v->list.n; i++)
            if (snap_raw_present(&v->list.items[i]))
                return 1;
    if (v->kind == ATTR_DICT)
        for (size_t i = 0; i < v->dict.n; i++)
            if (snap_raw_present(&v->dict.entries[i].value))
                return 1;
    return 0;
}

int snap_raw_ref_dir(const struct snap_paths *paths, const char *ref)
{
    unsigned long n = 0;
    const char *c = ref;
    if (*c++ != '%' || *c < '0' || *c > '9' || (c[0] == '0' && c[1] != '%'))
        return -1;
    for (; *c >= '0' && *c <= '9' && n <= paths->nancestors; c++)
        n = n * 10 + (unsigned long)(*c - '0');
    if (n > paths->nancestors || strcmp(c, "%/" SNAP_RAW_FILE))
        return -1;
    return (int)n;
}

int snap_read_at(int fd, uint8_t *buf, uint64_t n, uint64_t offset)
{
    for (uint64_t done = 0; done < n;) {
        size_t want = n - done > (1u << 30) ? (1u << 30) : (size_t)(n - done);
        ssize_t k = pread(fd, buf + done, want, (off_t)(offset + done));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        done += (uint64_t)k;
    }
    return 0;
}

/* Inflates the frame into a new buffer of exactly `length` bytes. */
static uint8_t *inflate_frame(const uint8_t *frame, uint64_t stored, uint64_t length, const char *file,
                              char *err, size_t errlen)
{
    unsigned long long declared = ZSTD_getFrameContentSize(frame, (size_t)stored);
    if (declared != length) {
        snap_err(err, errlen, "%s: compressed raw data declares %s bytes, the reference %llu", file,
                 declared == ZSTD_CONTENTSIZE_UNKNOWN || declared == ZSTD_CONTENTSIZE_ERROR ? "no valid number of"
                                                                                             : "another number of",
                 (unsigned long long)length);
        return NULL;
    }
    uint8_t *out = malloc(length ? (size_t)length : 1);
    if (!out) {
        snap_err(err, errlen, "out of memory");
        return NULL;
    }
    size_t n = ZSTD_decompress(out, (size_t)length, frame, (size_t)stored);
    if (ZSTD_isError(n) || n != length) {
        free(out);
        snap_err(err, errlen, "%s: compressed raw data is corrupt (%s)", file,
                 ZSTD_isError(n) ? ZSTD_getErrorName(n) : "short");
        return NULL;
    }
    return out;
}

static int load_one(const struct snap_paths *paths, struct attr_value *v, struct snap_raw_loading *loading,
                    char *err, size_t errlen)
{
    if (!paths)
        return snap_err(err, errlen, "raw data is not allowed here");
    const char *file = v->data.file;
    uint64_t length = v->data.length, stored = v->data.stored, span = stored ? stored : length;
    if (length > (stored ? SNAP_MAX_RAW_COMPRESSED : SNAP_MAX_RAW_PAYLOAD))
        return snap_err(err, errlen, "%s raw data of %llu bytes exceeds the limit", stored ? "compressed" : "",
                        (unsigned long long)length);
    if (stored && loading && length > SNAP_MAX_RAW_INFLATE - loading->inflated)
        return snap_err(err, errlen, "compressed raw data inflates to more than %llu bytes in all",
                        (unsigned long long)SNAP_MAX_RAW_INFLATE);
    int dir = snap_raw_ref_dir(paths, file);
    if (dir < 0)   /* raw data lives in the raw files of the snapshot and its chain only */
        return snap_err(err, errlen, "raw data reference %s: only %%N%%/%s of the snapshot (N = 0) or its "
                        "ancestors (N = 1..%zu) is allowed", file, SNAP_RAW_FILE, paths->nancestors);
    int fd;
    if (snap_paths_open(paths, file, &fd, err, errlen))
        return -1;
    struct stat st;
    int rc = fstat(fd, &st);
    if (rc == 0 && (v->data.offset > (uint64_t)st.st_size || span > (uint64_t)st.st_size - v->data.offset)) {
        close(fd);
        return snap_err(err, errlen, "%s: raw data [%llu, +%llu) lies beyond the end of the file (%lld bytes)",
                        file, (unsigned long long)v->data.offset, (unsigned long long)span, (long long)st.st_size);
    }
    uint8_t *buf = malloc(span ? (size_t)span : 1);
    if (rc || !buf || snap_read_at(fd, buf, span, v->data.offset)) {
        close(fd);
        free(buf);
        return snap_err(err, errlen, "%s: cannot read raw data", file);
    }
    close(fd);
    if (stored) {
        uint8_t *out = inflate_frame(buf, stored, length, file, err, errlen);
        free(buf);
        if (!out)
            return -1;
        buf = out;
        if (loading)
            loading->inflated += length;
    }
    free(v->data.payload);
    v->data.payload = buf;
    if (loading && loading->loaded)
        loading->loaded(loading->ctx, XXH3_64bits(buf, (size_t)length), length,
                        dir ? paths->ancestors[dir - 1] : paths->dir, v->data.offset, stored);
    return 0;
}

int snap_raw_load(const struct snap_paths *paths, struct attr_value *v, struct snap_raw_loading *loading,
                  char *err, size_t errlen)
{
    if (v->kind == ATTR_LIST) {
        for (size_t i = 0; i < v->list.n; i++)
            if (snap_raw_load(paths, &v->list.items[i], loading, err, errlen))
                return -1;
    } else if (v->kind == ATTR_DICT) {
        for (size_t i = 0; i < v->dict.n; i++)
            if (snap_raw_load(paths, &v->dict.entries[i].value, loading, err, errlen))
                return -1;
    } else if (v->kind == ATTR_DATA && !v->data.payload) {
        return load_one(paths, v, loading, err, errlen);
    }
    return 0;
}
