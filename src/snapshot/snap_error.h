/* Error reporting convention of the snapshot library: functions return 0 on success and -1 on
 * failure after writing one line (no trailing newline) into a caller buffer `err` of `errlen`
 * bytes.  err may be NULL when the caller does not want the message. */
#ifndef SNAPSIM_SNAPSHOT_SNAP_ERROR_H
#define SNAPSIM_SNAPSHOT_SNAP_ERROR_H

#include <stddef.h>

/* Formats the message into err (truncating) and returns -1, so callers can `return snap_err(...)`. */
int snap_err(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Prepends "prefix: " to the message already in err (e.g. the file or object it concerns). */
int snap_err_prefix(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
