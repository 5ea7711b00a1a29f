#include "core/log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static FILE *log_file;

/* A short list is enough: only rare events (unknown system calls, ignored flags) use it. */
#define LOG_ONCE_MAX 256
static char *seen[LOG_ONCE_MAX];
static int nseen;

static bool make_dirs(const char *dir)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
        return false;
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            return false;
        *p = '/';
    }
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

bool log_open_dir(const char *dir)
{
    char path[4096];
    if (!make_dirs(dir)) {
        fprintf(stderr, "snapsim: cannot create log directory %s: %s\n", dir, strerror(errno));
        return false;
    }
    snprintf(path, sizeof path, "%s/snapsim.log", dir);
    log_file = fopen(path, "w");
    if (!log_file) {
        fprintf(stderr, "snapsim: cannot open %s: %s\n", path, strerror(errno));
        return false;
    }
    return true;
}

void log_close(void)
{
    for (int i = 0; i < nseen; i++)
        free(seen[i]);
    nseen = 0;
    if (log_file)
        fclose(log_file);
    log_file = NULL;
}

static void vlog(const char *fmt, va_list ap)
{
    char line[1024];
    vsnprintf(line, sizeof line, fmt, ap);
    fprintf(stderr, "snapsim: %s\n", line);
    if (log_file) {
        fprintf(log_file, "%s\n", line);
        fflush(log_file);
    }
}

void log_msg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog(fmt, ap);
    va_end(ap);
}

void log_note(const char *fmt, ...)
{
    if (!log_file)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(log_file, fmt, ap);
    va_end(ap);
    fputc('\n', log_file);
    fflush(log_file);
}

void log_once(const char *key, const char *fmt, ...)
{
    for (int i = 0; i < nseen; i++)
        if (strcmp(seen[i], key) == 0)
            return;
    if (nseen < LOG_ONCE_MAX)
        seen[nseen++] = strdup(key);
    va_list ap;
    va_start(ap, fmt);
    vlog(fmt, ap);
    va_end(ap);
}
