#!/bin/sh
# OpenSBI (Debian's fw_jump.bin, the default --bios) boots the S-mode payload on the virt
# machine: the payload's checks pass, console input from a file reaches it (and an empty input
# is reported as none), the power-off ends the run with status 0 before the instruction bound,
# the wfi waiting for the timer skipped time instead of retiring instructions, and two runs give
# the same statistics.
#
#   payload.sh SNAPSIM PAYLOAD [SNAPSIM RUN OPTIONS...]   (e.g. -m pompia)
set -u
snapsim=$1 payload=$2
shift 2
. "$(dirname "$0")/../lib/hang_guard.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# boot NAME INPUT: runs the payload with INPUT as standard input; NAME.out, NAME.err, NAME.json.
boot() {
    name=$1 input=$2
    shift 2
    timeout "$(hang_guard 600)" "$snapsim" run --machine virt --kernel "$payload" -n 100000000 \
        -c stats:output_filename:"$work/$name.json" "$@" <"$input" >"$work/$name.out" 2>"$work/$name.err"
    got=$?
    [ "$got" -eq 0 ] || fail "boot $name: exit status $got: $(cat "$work/$name.err")"
    ! grep -q -- '--max-instructions' "$work/$name.err" || fail "boot $name did not power off within the bound"
}

printf 'Q\n' >"$work/input"
boot first "$work/input" "$@"
for want in "OpenSBI v" "Platform Console Device   : uart8250" "Domain0 Next Address      : 0x0000000080200000" \
            "payload: started in S-mode" "payload: hart 0, device tree at a1" \
            "payload: timer interrupt after the time asked" "payload: console input: Q" \
            "payload: powering off"; do
    grep -qF "$want" "$work/first.out" || fail "no '$want' on the console: $(cat "$work/first.out")"
done
! grep -q FAILED "$work/first.out" || fail "the payload failed: $(cat "$work/first.out")"
grep -q '"wfi_waits":[[:space:]]*[1-9]' "$work/first.json" || fail "no wfi waited: $(cat "$work/first.json")"
grep -q '"wfi_skipped_ticks":[[:space:]]*[1-9]' "$work/first.json" || fail "the wait skipped no time"
grep -q '"interrupts":[[:space:]]*[1-9]' "$work/first.json" || fail "no interrupt was counted"
grep -q '"instructions_s":[[:space:]]*[1-9]' "$work/first.json" || fail "nothing ran in S-mode"

boot second "$work/input" "$@"
grep -v -e host_seconds -e "first.json" "$work/first.json" >"$work/a.txt"
grep -v -e host_seconds -e "second.json" "$work/second.json" >"$work/b.txt"
cmp -s "$work/a.txt" "$work/b.txt" || fail "two boots gave different statistics: $(diff "$work/a.txt" "$work/b.txt")"
cmp -s "$work/first.out" "$work/second.out" || fail "two boots printed different output"

boot empty /dev/null "$@"
grep -qF "payload: no console input" "$work/empty.out" || fail "empty input: $(cat "$work/empty.out")"
[ $status -eq 0 ] && echo "PASS: OpenSBI boots the payload on the virt machine, deterministically"
exit $status
