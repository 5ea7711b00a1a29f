/* libFuzzer target: the whole snapshot open path of the format library — the snapshot-relative
 * name resolution, config reading and parsing, raw-data references and every page file of the
 * memory image — on a snapshot directory built in a temporary directory from the input.
 *
 * Input: records of [name length (1 byte)][name][content length (4 bytes, little-endian)]
 * [content]; a name becomes a file of the snapshot directory ("config", "mem0.pages", "raw"...)
 * after characters outside [A-Za-z0-9._-] are replaced, and a name starting with '@' becomes a
 * symbolic link to the content, one starting with '|' a FIFO.  fuzz/pack_snapshot.pl turns a
 * real snapshot into such an input (the seed corpus).  Verification must report problems as
 * messages: never crash, hang (a FIFO must not block) or read outside the directory. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "snapshot/snap_verify.h"

static char root[64], snap[96];

static void clear_dir(const char *dir)
{
    DIR *d = opendir(dir);
    char path[512];
    for (struct dirent *e; d && (e = readdir(d));)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    if (d)
        closedir(d);
}

static void build(const uint8_t *d, size_t n)
{
    for (size_t i = 0; i < n && d[i] && i + 1 + d[i] + 4 <= n;) {
        size_t len = d[i];
        char name[256], path[512];
        memcpy(name, d + i + 1, len);
        name[len] = 0;
        for (size_t k = 1; k < len; k++)
            if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", name[k]))
                name[k] = '_';
        if (!strchr("@|", name[0]) && !strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-", name[0]))
            name[0] = '_';
        const uint8_t *p = d + i + 1 + len;
        size_t clen = (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
        p += 4;
        if (clen > n - (size_t)(p - d))
            clen = n - (size_t)(p - d);
        i = (size_t)(p - d) + clen;
        snprintf(path, sizeof path, "%s/%s", snap, name[0] == '@' || name[0] == '|' ? name + 1 : name);
        if (name[0] == '@') {
            char target[256];
            size_t t = clen < sizeof target - 1 ? clen : sizeof target - 1;
            memcpy(target, p, t);
            target[t] = 0;
            if (!memchr(target, 0, t))
                symlink(target, path);
        } else if (name[0] == '|') {
            mkfifo(path, 0600);
        } else {
            FILE *f = fopen(path, "wb");
            if (f) {
                fwrite(p, 1, clen, f);
                fclose(f);
            }
        }
    }
}

static void remove_root(void)
{
    clear_dir(snap);
    rmdir(snap);
    rmdir(root);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!root[0]) {
        snprintf(root, sizeof root, "/tmp/fuzz_snapshot.XXXXXX");
        if (!mkdtemp(root))
            abort();
        snprintf(snap, sizeof snap, "%s/s.snapshot", root);
        mkdir(snap, 0700);
        atexit(remove_root);
    }
    clear_dir(snap);
    build(data, size);
    struct snap_problems probs;
    snap_verify(snap, NULL, &probs);
    snap_problems_free(&probs);
    return 0;
}
