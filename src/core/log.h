/* Simulator diagnostics: one line each, "snapsim: ..." on stderr, and a copy in LOGDIR/snapsim.log
 * when --log is given. */
#ifndef SNAPSIM_CORE_LOG_H
#define SNAPSIM_CORE_LOG_H

#include <stdbool.h>

/* Opens DIR/snapsim.log (creating DIR); false with a message on failure. */
bool log_open_dir(const char *dir);
void log_close(void);

void log_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Like log_msg, but written to snapsim.log only (routine events: how the run ended...). */
void log_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Like log_msg, but only the first time this exact message key is seen (e.g. an unknown syscall). */
void log_once(const char *key, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
