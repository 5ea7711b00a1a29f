#!/usr/bin/env bash
# Hostile thread state: copies of a snapshot taken while threads wait on futexes, with the
# `threads` attribute edited, must make `snapsim run --restore` fail with one line of error and
# a status below 128 (never a crash or a hang).  The unedited snapshot must restore.
#
#   threads_hostile.sh SNAPSIM GUEST_PROGRAM WORK_BASE
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
snapsim="$1" prog="$2" work_base="$3"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/threads_hostile.XXXXXX")"
trap 'rm -rf "$work"' EXIT
ulimit -c 0
at=200000
(cd "$work" && "$snapsim" run --clear-env --max-instructions $at --snapshots $at \
    --config mainmem:filename:"$work/base" -- "$prog" > /dev/null 2>&1)
base="$work/base.$(printf %015d $at).snapshot"
grep -Eq '\(0x[0-9a-f]+, 0x2, 0x[1-9a-f]' "$base/config" ||
    { echo "FAIL: the base snapshot has no thread waiting on a futex"; exit 1; }
fail=0
# One saved thread, however deeply its registers nest.
entry='(\((?:[^()]++|(?1))*\))'

restore() {   # restore NAME -> status, error text in $work/err
    (cd "$work" && timeout -k 2 "$(hang_guard 120)" "$snapsim" run --restore "$work/$1.snapshot" \
        > /dev/null 2> "$work/err")
}
# case NAME PERL-EDIT-OF-CONFIG WORDS-THE-ERROR-MUST-CONTAIN
case_() {
    local name="$1" edit="$2" want="$3"
    cp -a "$base" "$work/$name.snapshot"
    perl -0pi -e "$edit" "$work/$name.snapshot/config"
    if cmp -s "$base/config" "$work/$name.snapshot/config"; then
        echo "FAIL $name: the edit changed nothing"; fail=1; return
    fi
    restore "$name"
    local st=$? lines; lines=$(wc -l < "$work/err")
    if [ "$st" = 0 ] || [ "$st" -ge 124 ] || [ "$lines" != 1 ] || ! grep -qF "$want" "$work/err"; then
        echo "FAIL $name: status $st, $lines lines of error (wanted \"$want\"):"; head -3 "$work/err"; fail=1
    else
        echo "ok   $name: $(cat "$work/err")"
    fi
    rm -rf "$work/$name.snapshot"
}

cp -a "$base" "$work/plain.snapshot"
restore plain || { echo "FAIL: the unedited snapshot does not restore"; head -3 "$work/err"; fail=1; }

case_ too_many "s/threads: \\($entry/'threads: (' . join(', ', (\$1) x 64)/e" "at most 63"
case_ tid_zero 's/threads: \(\(0x[0-9a-f]+,/threads: ((0x0,/' "thread id out of range"
case_ tid_huge 's/threads: \(\(0x[0-9a-f]+,/threads: ((0x400000,/' "thread id out of range"
case_ tid_running '($t) = /\n\s*tid: (0x[0-9a-f]+)/; s/threads: \(\(0x[0-9a-f]+,/threads: (($t,/' "is the running thread's"
case_ tid_twice "s/threads: \\($entry/threads: (\$1, \$1/" "twice"
case_ bad_state 's/threads: \(\((0x[0-9a-f]+), 0x[12],/threads: (($1, 0x7,/' "neither runnable"
case_ futex_misaligned 's/\((0x[0-9a-f]+), 0x2, 0x[1-9a-f][0-9a-f]*,/($1, 0x2, 0x1002,/' "not an aligned guest address"
case_ futex_beyond 's/\((0x[0-9a-f]+), 0x2, 0x[1-9a-f][0-9a-f]*,/($1, 0x2, 0x40000000000000,/' "not an aligned guest address"
case_ futex_no_bitset 's/\((0x[0-9a-f]+), 0x2, (0x[1-9a-f][0-9a-f]*), 0x[0-9a-f]+,/($1, 0x2, $2, 0x0,/' "bitset"
case_ next_tid_low 's/scheduler: \(0x[0-9a-f]+,/scheduler: (0x3e8,/' "next thread id"
exit $fail
