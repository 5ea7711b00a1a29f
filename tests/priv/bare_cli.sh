#!/bin/sh
# The bare machine's command line: exit statuses from HTIF, exact instruction stops, console
# output, and one-line errors for bad input.
#
#   bare_cli.sh SNAPSIM PROGRAM_DIR GUEST_DIR
set -u
snapsim=$1 dir=$2 guest=$3
. "$(dirname "$0")/../lib/hang_guard.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# expect STATUS PATTERN ARGS...: the run exits with STATUS and its stderr matches PATTERN.
expect() {
    want=$1 pattern=$2
    shift 2
    timeout "$(hang_guard 600)" "$snapsim" run "$@" >"$work/out" 2>"$work/err"
    got=$?
    [ "$got" -eq "$want" ] || fail "snapsim run $*: exit $got, expected $want ($(cat "$work/err"))"
    if [ -n "$pattern" ] && ! grep -q "$pattern" "$work/err"; then
        fail "snapsim run $*: stderr lacks '$pattern': $(cat "$work/err")"
    fi
}

expect 7 "" --machine bare "$dir/fail_case.p"
expect 7 "" --machine bare "$dir/fail_case.v"
expect 0 "" --machine bare "$dir/console"
[ "$(cat "$work/out")" = "ok" ] || fail "HTIF console printed '$(cat "$work/out")', expected 'ok'"

# An exact stop, with statistics.
expect 0 "" --machine bare -n 25 -c stats:output_filename:"$work/stats.json" "$dir/fail_case.p"
grep -q '"end_instret":[[:space:]]*25,' "$work/stats.json" ||
    fail "-n 25 did not stop at 25 instructions: $(cat "$work/stats.json")"

# Deterministic: the same run gives the same statistics (host time and the file name aside).
expect 0 "" --machine bare -c stats:output_filename:"$work/a.json" "$dir/paging"
expect 0 "" --machine bare -c stats:output_filename:"$work/b.json" "$dir/paging"
grep -v -e host_seconds -e "[ab].json" "$work/a.json" >"$work/a.txt"
grep -v -e host_seconds -e "[ab].json" "$work/b.json" >"$work/b.txt"
cmp -s "$work/a.txt" "$work/b.txt" || fail "two runs of paging gave different statistics"
grep -q '"page_walks":[[:space:]]*[1-9]' "$work/a.json" || fail "paging walked no page table"

expect 1 "traps without retiring" --machine bare "$dir/trap_loop"
expect 2 "unknown machine 'vax'" --machine vax "$dir/console"

# The pipeline models on the bare machine: the console, an exact stop (instructions count, not
# cycles), the same statistics twice, and a trap loop ended by the pipeline's watchdog.
expect 0 "" --machine bare -m pompia "$dir/console"
[ "$(cat "$work/out")" = "ok" ] || fail "HTIF console on pompia printed '$(cat "$work/out")', expected 'ok'"
expect 0 "" --machine bare -m oroblanco -n 25 -c stats:output_filename:"$work/stats.json" "$dir/fail_case.p"
grep -q '"end_instret":[[:space:]]*25,' "$work/stats.json" ||
    fail "oroblanco: -n 25 did not stop at 25 instructions: $(cat "$work/stats.json")"
expect 0 "" --machine bare -m pompia -c stats:output_filename:"$work/a.json" "$dir/paging"
expect 0 "" --machine bare -m pompia -c stats:output_filename:"$work/b.json" "$dir/paging"
grep -v -e host_seconds -e "[ab].json" "$work/a.json" >"$work/a.txt"
grep -v -e host_seconds -e "[ab].json" "$work/b.json" >"$work/b.txt"
cmp -s "$work/a.txt" "$work/b.txt" || fail "two runs of paging on pompia gave different statistics"
grep -q '"exceptions":[[:space:]]*15,' "$work/a.json" ||
    fail "paging on pompia took other than the fast model's 15 exceptions: $(cat "$work/a.json")"
expect 1 "watchdog: no instruction retired" --machine bare -m pompia "$dir/trap_loop"
expect 2 "lightsss forks at cycle boundaries" --machine bare --lightsss "$dir/console"
expect 2 "difftest checks a detailed model" --machine bare --difftest "$dir/console"
expect 2 "outside RAM" --machine bare "$guest/sum"   # a Linux program, linked below RAM
printf 'not an elf' >"$work/junk"
expect 2 "not an ELF" --machine bare "$work/junk"
expect 2 "No such file" --machine bare "$work/missing"
exit $status
