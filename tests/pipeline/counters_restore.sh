#!/usr/bin/env bash
# The guest's cycle count continues across a snapshot/restore: counters.c reads the counters,
# a snapshot is taken by MODEL inside its multiply chain, and the restored run (in RESTORE_MODEL)
# takes the second reading.  The cycle CSR must not be below the snapshot's count; in the same
# model the cycle difference must be about the straight run's (caches are cold after a restore,
# so not exactly), never the wrap-around or shortfall of a count that restarted from instret;
# time and the clock must follow the cycles as in a straight run.
#
#   counters_restore.sh SNAPSIM MODEL RESTORE_MODEL PROGRAM
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
snapsim="$1" model="$2" restore_model="$3" prog="$4"
work="$(mktemp -d "${TMPDIR:-/tmp}/counters_restore.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
at=30000
timeout -k 5 "$(hang_guard 600)" "$snapsim" run --model "$model" -- "$prog" > straight < /dev/null ||
    { echo "FAIL: straight $model run failed"; exit 1; }
timeout -k 5 "$(hang_guard 600)" "$snapsim" run --model "$model" --snapshots $at --max-instructions $at \
    --config mainmem:filename:s -- "$prog" > /dev/null < /dev/null || { echo "FAIL: snapshot run failed"; exit 1; }
snap="s.$(printf %015d $at).snapshot"
saved=$(sed -n 's/^ *cycles: \(0x[0-9a-f]*\)$/\1/p' "$snap/config")
[ -n "$saved" ] || { echo "FAIL: the snapshot records no cycle count"; exit 1; }
timeout -k 5 "$(hang_guard 600)" "$snapsim" run --model "$restore_model" --restore "$snap" > restored < /dev/null ||
    { echo "FAIL: restore into $restore_model failed"; exit 1; }
awk -v saved="$((saved))" -v tag="$model -> $restore_model" -v same="$([ "$model" = "$restore_model" ] && echo 1)" '
    FNR == NR { s[$1] = $2; next }
    { r[$1] = $2 }
    function fail(msg) { print "FAIL " tag ": " msg; bad = 1 }
    END {
        if (r["end_cycle"] < saved)
            fail("the cycle CSR read " r["end_cycle"] " after the restore, below the snapshot'"'"'s " saved)
        if (same && (r["cycle"] < s["cycle"] * 0.95 || r["cycle"] > s["cycle"] * 1.2))
            fail("cycles across the restore " r["cycle"] ", straight run " s["cycle"])
        want = r["cycle"] / 100
        if (r["time"] < want - 2 || r["time"] > want + 2)
            fail("time " r["time"] " ticks for " r["cycle"] " cycles")
        if (r["clock_ns"] < r["cycle"] * 0.99 - 1000 || r["clock_ns"] > r["cycle"] * 1.01 + 1000)
            fail("the clock advanced " r["clock_ns"] " ns over " r["cycle"] " cycles")
        if (!bad)
            print "PASS " tag ": " r["cycle"] " cycles across the restore (straight run " s["cycle"] "), saved count " saved
        exit bad
    }' straight restored
