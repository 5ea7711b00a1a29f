/* libFuzzer target: the whole snapshot open path — the format library's checks (snap_verify:
 * name resolution, config reading and parsing, raw-data references, every page file) and then
 * restore's own check-before-change phase through the machine's classes (ckpt_stage on scratch
 * objects: every value through the class setters, the process checks, the chain, every saved
 * content and page index; for a bare or virt machine's snapshot, machine_verify_stage: the hart's
 * privileged state, RAM, the devices and the disk images), which is what `snapshot verify` and `run --restore` run — on snapshot
 * directories built in a temporary directory from the input.
 *
 * Input: records of [name length (1 byte)][name][content length (4 bytes, little-endian)]
 * [content].  A name becomes a file of the snapshot directory s.snapshot ("config",
 * "mem0.pages", "raw"...), or with one '/' ("c.000000000000300.snapshot/raw") a file of a sibling
 * directory, where an incremental snapshot's ancestors live; characters outside
 * [A-Za-z0-9._-] are replaced.  A file name starting with '@' becomes a symbolic link to the
 * content, one starting with '|' a FIFO.  fuzz/pack_snapshot.pl turns a real snapshot and its
 * ancestors into such an input (the seed corpus).  Problems must be reported as messages: never
 * a crash, a hang (a FIFO must not block), a read outside the directory or a leak. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checkpoint/machine_snapshot.h"
#include "checkpoint/restore_check.h"
#include "snapshot/snap_verify.h"

static char root[64], snap[96];

/* Empties dir, and its subdirectories (never following a link); keeps dir itself. */
static void clear_dir(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    char path[512];
    for (struct dirent *e; d && (e = readdir(d));)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            struct stat st;
            if (depth < 2 && lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
                clear_dir(path, depth + 1);
                if (strcmp(path, snap))
                    rmdir(path);
            } else {
                unlink(path);
            }
        }
    if (d)
        closedir(d);
}

static int name_char(char c)
{
    return c && strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", c) != NULL;
}

/* The path of the file a record names, or "" when it names nothing usable; *kind is its first
 * character when that says link ('@') or FIFO ('|'), else 0. */
static void record_path(char *name, char *path, size_t n, char *kind)
{
    char *slash = strchr(name, '/'), *file = slash ? slash + 1 : name;
    *path = 0;
    *kind = strchr("@|", file[0]) && file[0] ? file[0] : 0;
    if (*kind)
        file++;
    if (slash) {
        *slash = 0;
        for (char *c = name; *c; c++)
            if (!name_char(*c))
                *c = '_';
        if (!*name || !strcmp(name, ".") || !strcmp(name, ".."))
            return;
    }
    for (char *c = file; *c; c++)
        if (!name_char(*c))
            *c = '_';
    if (!*file || !strcmp(file, ".") || !strcmp(file, ".."))
        return;
    if (slash) {
        snprintf(path, n, "%s/%s", root, name);
        mkdir(path, 0700);
        snprintf(path, n, "%s/%s/%s", root, name, file);
    } else {
        snprintf(path, n, "%s/%s", snap, file);
    }
}

static void build(const uint8_t *d, size_t n)
{
    for (size_t i = 0; i < n && d[i] && i + 1 + d[i] + 4 <= n;) {
        size_t len = d[i];
        char name[256], path[600], kind;
        memcpy(name, d + i + 1, len);
        name[len] = 0;
        const uint8_t *p = d + i + 1 + len;
        size_t clen = (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
        p += 4;
        if (clen > n - (size_t)(p - d))
            clen = n - (size_t)(p - d);
        i = (size_t)(p - d) + clen;
        if (strlen(name) != len)
            continue;   /* a NUL byte in the name */
        record_path(name, path, sizeof path, &kind);
        if (!*path)
            continue;
        if (kind == '@') {
            char target[256];
            size_t t = clen < sizeof target - 1 ? clen : sizeof target - 1;
            memcpy(target, p, t);
            target[t] = 0;
            if (!memchr(target, 0, t))
                symlink(target, path);
        } else if (kind == '|') {
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
    clear_dir(root, 0);
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
    clear_dir(root, 0);
    build(data, size);
    struct snap_problems probs;
    snap_verify(snap, NULL, &probs);
    snap_problems_free(&probs);
    /* Restore runs this without the format checks first, so it must hold on its own.  A
     * whole-machine snapshot goes through the machine's stage (hart, RAM, devices, disks). */
    char err[1024];
    int rc;
    if (machine_snapshot_is_system(snap)) {
        machine_verify_stage(snap, err, sizeof err);
        rc = err[0] != 0;
    } else {
        rc = ckpt_stage_scratch(snap, err, sizeof err);
    }
    if (rc && (strchr(err, '\n') || !err[0]))
        abort();   /* a refusal is one non-empty line */
    /* FUZZ_SNAPSHOT_SEEDS=1: the inputs are real snapshots (the seeds), which must pass, so the
     * seeds are known to reach every class rather than stop at a broken packing. */
    if (rc && getenv("FUZZ_SNAPSHOT_SEEDS")) {
        fprintf(stderr, "seed refused: %s\n", err);
        abort();
    }
    return 0;
}
