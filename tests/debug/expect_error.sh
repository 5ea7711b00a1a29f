#!/usr/bin/env bash
# expect_error.sh REGEX COMMAND...: COMMAND must exit with status 1, 2 or 3 (an output that cannot
# be written; not 0, not a signal),
# print nothing on stdout (the guest never ran) and one "snapsim: " line matching REGEX on stderr.
set -u
regex="$1"; shift
errfile="$(mktemp)"
out="$("$@" 2>"$errfile")"; rc=$?
err="$(cat "$errfile")"; rm -f "$errfile"
echo "exit $rc; stdout: '$out'; stderr: $err"
[ "$rc" -ge 1 ] && [ "$rc" -le 3 ] || { echo "FAIL: exit status $rc"; exit 1; }
[ -z "$out" ] || { echo "FAIL: the guest ran"; exit 1; }
[ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || { echo "FAIL: expected one line"; exit 1; }
printf '%s\n' "$err" | grep -q -- "^snapsim: .*$regex" || { echo "FAIL: message does not match '$regex'"; exit 1; }
echo ok
