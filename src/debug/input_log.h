/* The host input a guest consumed after a LightSSS fork, so that the replay sees the same bytes.
 *
 * A replaying child re-executes the guest's system calls, but input the parent already consumed
 * is gone (a pipe, a terminal) or may have changed (a file the guest later rewrote), and a file
 * description shared with the parent is no longer where it was at the fork.  So the parent
 * records, for every read, readv and pread64 after the oldest kept fork, the call's result and
 * the bytes it delivered; the woken child receives the log and, at the same calls (same
 * instruction count and call number), delivers those bytes instead of reading the host.  On a
 * system machine the records are the console's reads, at the instruction counts they came at. */
#ifndef SNAPSIM_DEBUG_INPUT_LOG_H
#define SNAPSIM_DEBUG_INPUT_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;

struct input_log {
    unsigned char *buf;      /* records in instruction order */
    size_t len, cap, next;   /* next: the replay's position */
    bool overflow;           /* a record was dropped: the replay may diverge */
    uint64_t dropped_at;     /* the instruction count of the last one dropped */
};

#define INPUT_LOG_MAX (64u << 20)

/* After a system call: records it if it is an input call (args: a0..a6 before the call). */
void input_log_record(struct input_log *l, const struct machine *m, const uint64_t *args);
/* Forgets the records of calls before instruction `instret` (the oldest snapshot's fork). */
void input_log_trim(struct input_log *l, uint64_t instret);
/* Before a system call in a replay: delivers the recorded input and returns true if this call
 * is the next recorded one (the caller then skips it), false to run it for real. */
bool input_log_replay(struct input_log *l, struct machine *m);

/* Device input (the virt machine's console) read at instruction `instret`: `got` bytes of buf,
 * or -1 for the end of the input. */
void input_log_record_device(struct input_log *l, uint64_t instret, const uint8_t *buf, int got);
/* In a replay: the next record's input if it is a device read at `instret` (at most max bytes
 * into buf; -1: the input ended), else 0 (nothing arrived). */
int input_log_replay_device(struct input_log *l, uint64_t instret, uint8_t *buf, unsigned max);

/* The log through a pipe: length, then the records.  False on a short read or write. */
bool input_log_send(const struct input_log *l, int fd);
bool input_log_receive(struct input_log *l, int fd);
void input_log_free(struct input_log *l);

#endif
