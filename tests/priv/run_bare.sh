#!/bin/sh
# Runs one bare-machine test program: passes when it exits with status 0 through HTIF.  A run
# that reaches the instruction bound (a test that lost its way) fails, although the simulator
# itself ends such a run with status 0.
#
#   run_bare.sh SNAPSIM PROGRAM [SNAPSIM RUN OPTIONS...]
set -u
snapsim=$1 prog=$2
shift 2
. "$(dirname "$0")/../lib/hang_guard.sh"
err=$(mktemp)
trap 'rm -f "$err"' EXIT
timeout "$(hang_guard 600)" "$snapsim" run --machine bare -n 100000000 "$@" "$prog" 2>"$err"
status=$?
cat "$err" >&2
if grep -q -- '--max-instructions' "$err"; then
    echo "FAIL: $prog did not end within 100000000 instructions" >&2
    exit 1
fi
exit $status
