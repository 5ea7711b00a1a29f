/* See run_fork.h. */
#include "cli/run_fork.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "linux/process.h"

char *run_fork_stats_path(const char *path, int pid)
{
    size_t n = strlen(path), stem = n;
    if (n >= 5 && strcmp(path + n - 5, ".json") == 0)
        stem = n - 5;
    char *out = malloc(n + 16);
    if (out)
        snprintf(out, n + 16, "%.*s.%d%s", (int)stem, path, pid, path + stem);
    return out;
}

static bool prepare(void *vctx, char *why, size_t whylen)
{
    struct run_fork *ctx = vctx;
    if (ctx->o->debug.lightsss) {
        /* LightSSS's own forks replay this process; a guest child would be outside them. */
        snprintf(why, whylen, "LightSSS (--lightsss) is on");
        return false;
    }
    /* A snapshot still being written in the background belongs to the parent only. */
    if (!run_snapshots_wait(ctx->rs)) {
        snprintf(why, whylen, "a background snapshot failed");
        return false;
    }
    return true;
}

static void child(void *vctx, int32_t pid)
{
    struct run_fork *ctx = vctx;
    ctx->progress->running = false;   /* the parent's thread did not come along */
    ctx->o->nsnapshots = 0;
    ctx->o->snapshot_every = 0;
    ctx->o->on_checkpoint = ON_CHECKPOINT_IGNORE;
    if (*ctx->stats->path) {
        char *path = run_fork_stats_path(ctx->stats->path, pid);
        if (!path) {
            log_msg("out of memory");
            path = strdup("");
        }
        free(ctx->stats_path);
        ctx->stats_path = path;
        ctx->stats->path = path ? path : "";
    }
    run_stats_reset(ctx->stats);   /* the child's statistics count from the fork */
}

void run_fork_install(struct run_fork *ctx)
{
    linux_set_fork_hooks(&(struct linux_fork_hooks){ .prepare = prepare, .child = child, .ctx = ctx });
}

void run_fork_free(struct run_fork *ctx)
{
    free(ctx->stats_path);
    ctx->stats_path = NULL;
}
