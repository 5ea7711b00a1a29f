#include "snapshot/snap_error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int snap_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

int snap_err_prefix(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen)
        return -1;
    char prefix[512], old[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    snprintf(old, sizeof old, "%s", err);
    snprintf(err, errlen, "%s: %s", prefix, old);
    return -1;
}
