/* Saved file contents shared along an incremental chain.
 *
 * A file the guest keeps open is usually unchanged from one snapshot to the next; copying it into
 * every snapshot would make a chain of N snapshots of a run reading a 20 MB input hold N copies.
 * Instead the run remembers every payload its chain holds (by XXH3-64 and length), and a capture
 * references an ancestor's copy ("%N%/raw") when it has the same bytes.  Restore records what it
 * loaded, so snapshots of a restored run share with the restored one too.  A hash match is only a
 * hint: the content's own xxh3 in the file's description is checked on every restore. */
#include <stdlib.h>
#include <string.h>

#include "checkpoint/ckpt_internal.h"

bool ckpt_payloads_add(struct ckpt_payloads *l, uint64_t hash, uint64_t length, const char *dir, uint64_t offset,
                       uint64_t stored)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        struct ckpt_payload *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return false;
        l->v = v;
        l->cap = cap;
    }
    char *d = strdup(dir);
    if (!d)
        return false;
    l->v[l->n++] = (struct ckpt_payload){hash, length, offset, stored, d};
    return true;
}

void ckpt_payloads_free(struct ckpt_payloads *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].dir);
    free(l->v);
    *l = (struct ckpt_payloads){0};
}

void ckpt_payloads_seen(void *ctx, uint64_t hash, uint64_t length, const char *dir, uint64_t offset, uint64_t stored)
{
    ckpt_payloads_add(ctx, hash, length, dir, offset, stored);   /* a payload not remembered is stored again */
}

static const struct ckpt_payload *lookup(const struct ckpt_payloads *l, uint64_t hash, uint64_t length)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].hash == hash && l->v[i].length == length)
            return &l->v[i];
    return NULL;
}

static bool find(void *ctx, uint64_t hash, uint64_t length, struct snap_raw_place *at)
{
    struct ckpt_sharing *s = ctx;
    const struct ckpt_payload *p = lookup(&s->written, hash, length);
    if (p) {   /* the same bytes twice in one snapshot (a file open twice, or also in fs_changes) */
        *at = (struct snap_raw_place){0, p->offset, p->stored};
        return true;
    }
    for (size_t i = 0; s->ancestors && i < s->ancestors->payloads.n; i++) {
        p = &s->ancestors->payloads.v[i];
        if (p->hash != hash || p->length != length)
            continue;
        for (size_t k = 0; k < s->ancestors->n; k++)
            if (!strcmp(s->ancestors->dirs[k], p->dir)) {
                *at = (struct snap_raw_place){(unsigned)k + 1, p->offset, p->stored};
                return true;
            }
    }
    return false;
}

static void placed(void *ctx, uint64_t hash, uint64_t length, const struct snap_raw_place *at)
{
    struct ckpt_sharing *s = ctx;
    if (at->ancestor == 0 && !lookup(&s->written, hash, length))
        ckpt_payloads_add(&s->written, hash, length, "", at->offset, at->stored);
}

void ckpt_sharing_init(struct ckpt_sharing *s, const struct ckpt_chain *ancestors)
{
    *s = (struct ckpt_sharing){.cb = {.ctx = s, .find = find, .placed = placed}, .ancestors = ancestors};
}

void ckpt_sharing_commit(struct ckpt_sharing *s, struct ckpt_chain *chain, const char *dir)
{
    for (size_t i = 0; i < s->written.n; i++) {
        const struct ckpt_payload *p = &s->written.v[i];
        ckpt_payloads_add(&chain->payloads, p->hash, p->length, dir, p->offset, p->stored);
    }
}

void ckpt_sharing_free(struct ckpt_sharing *s)
{
    ckpt_payloads_free(&s->written);
}
