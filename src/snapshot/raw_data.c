#include "snapshot/raw_data.h"
#include "snapshot/snap_error.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void snap_raw_writer_init(struct snap_raw_writer *w, int dir_fd)
{
    *w = (struct snap_raw_writer){.fd = -1, .dir_fd = dir_fd};
}

static int write_all(int fd, const uint8_t *p, uint64_t n)
{
    while (n) {
        ssize_t k = write(fd, p, n > (1u << 30) ? (1u << 30) : (size_t)n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (uint64_t)k;
    }
    return 0;
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
        if (w->fd < 0) {
            w->fd = openat(w->dir_fd, SNAP_RAW_FILE, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
            if (w->fd < 0)
                return snap_err(err, errlen, "%s: %s", SNAP_RAW_FILE, strerror(errno));
        }
        if (write_all(w->fd, v->data.payload, v->data.length))
            return snap_err(err, errlen, "%s: %s", SNAP_RAW_FILE, strerror(errno));
        free(v->data.file);
        if (!(v->data.file = strdup(SNAP_RAW_REF)))
            return snap_err(err, errlen, "out of memory");
        v->data.offset = w->size;
        w->size += v->data.length;
        free(v->data.payload);
        v->data.payload = NULL;
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

static int load_one(const struct snap_paths *paths, struct attr_value *v, char *err, size_t errlen)
{
    int fd;
    if (!paths)
        return snap_err(err, errlen, "raw data is not allowed here");
    if (v->data.length > SNAP_MAX_RAW_PAYLOAD)
        return snap_err(err, errlen, "raw data of %llu bytes exceeds the limit",
                        (unsigned long long)v->data.length);
    if (strcmp(v->data.file, SNAP_RAW_REF))   /* raw data lives in the snapshot's own raw file only */
        return snap_err(err, errlen, "raw data reference %s: only %s is allowed", v->data.file, SNAP_RAW_REF);
    if (snap_paths_open(paths, v->data.file, &fd, err, errlen))
        return -1;
    struct stat st;
    int rc = fstat(fd, &st);
    if (rc == 0 && (v->data.offset > (uint64_t)st.st_size ||
                    v->data.length > (uint64_t)st.st_size - v->data.offset)) {
        close(fd);
        return snap_err(err, errlen, "%s: raw data [%llu, +%llu) lies beyond the end of the file (%lld bytes)",
                        v->data.file, (unsigned long long)v->data.offset,
                        (unsigned long long)v->data.length, (long long)st.st_size);
    }
    uint8_t *buf = malloc(v->data.length ? (size_t)v->data.length : 1);
    uint64_t done = 0;
    while (rc == 0 && buf && done < v->data.length) {
        ssize_t k = pread(fd, buf + done, (size_t)(v->data.length - done), (off_t)(v->data.offset + done));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            rc = -1;
        else
            done += (uint64_t)k;
    }
    close(fd);
    if (!buf || rc) {
        free(buf);
        return snap_err(err, errlen, "%s: cannot read raw data", v->data.file);
    }
    free(v->data.payload);
    v->data.payload = buf;
    return 0;
}

int snap_raw_load(const struct snap_paths *paths, struct attr_value *v, char *err, size_t errlen)
{
    if (v->kind == ATTR_LIST) {
        for (size_t i = 0; i < v->list.n; i++)
            if (snap_raw_load(paths, &v->list.items[i], err, errlen))
                return -1;
    } else if (v->kind == ATTR_DICT) {
        for (size_t i = 0; i < v->dict.n; i++)
            if (snap_raw_load(paths, &v->dict.entries[i].value, err, errlen))
                return -1;
    } else if (v->kind == ATTR_DATA && !v->data.payload) {
        return load_one(paths, v, err, errlen);
    }
    return 0;
}
