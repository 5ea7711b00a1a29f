#!/bin/sh
# LightSSS on the virt machine: OpenSBI and the S-mode payload run on pompia under --difftest
# with fork snapshots, the console input coming from a pipe, and a fault injected a few thousand
# instructions after the payload read that input.  The parent consumed the pipe's bytes long
# before the failure, so the woken snapshot can only see them through the parent's input log:
# the test requires "replay verified", the replay's commit log to show the payload's load of
# the 'Q' from the UART's receive register (so the input was replayed inside the window), every
# artefact named to exist, the VCD to pass the grammar check and to span the window, and the
# Kanata trace to be well formed.
#
#   lightsss.sh SNAPSIM PAYLOAD
set -u
snapsim=$1 payload=$2
here=$(dirname "$0")
. "$here/../lib/hang_guard.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# The payload reads its input at about instruction 6,710,600 and powers off at 6,727,615; one
# fork per 100 K cycles with two kept puts the oldest snapshot at least 100 K cycles (about
# 57 K instructions) before the failure, so before the read.
at=6715000 window=20000
mkdir "$work/log"
printf 'Q\n' | timeout "$(hang_guard 600)" "$snapsim" run --machine virt -m pompia --kernel "$payload" \
    -n 100000000 --difftest --lightsss --log "$work/log" \
    --config lightsss:interval:100000 lightsss:window:$window inject:kind:alu_bitflip inject:instruction:$at \
    >"$work/out" 2>"$work/err"
got=$?
[ "$got" -eq 4 ] || fail "exit status $got, not 4 (a DiffTest mismatch): $(tail -5 "$work/err")"
grep -q "lightsss: replay verified" "$work/err" || fail "the replay was not verified: $(grep lightsss "$work/err")"
fcycle=$(sed -n 's/.*lightsss: failure at instruction [0-9]* (cycle \([0-9]*\)).*/\1/p' "$work/err")
[ -n "$fcycle" ] || fail "no failure line: $(grep lightsss "$work/err")"
for f in lightsss.vcd lightsss.kanata lightsss.commits lightsss.commits.ref; do
    grep -q "lightsss: wrote .*$work/log/$f" "$work/err" || fail "$f is not named: $(grep wrote "$work/err")"
    [ -s "$work/log/$f" ] || fail "$f was not written"
done
# The payload's `lbu s6, 0(s4)` of the receive register, in S-mode (privilege 1), gave 'Q'.
grep -q "^core   0: 1 0x[0-9a-f]* (0x000a4b03) x22 0x0000000000000051 mem 0x0000000010000000$" \
    "$work/log/lightsss.commits" || fail "the replay's commit log has no load of the input 'Q'"
[ -n "$fcycle" ] && { python3 "$here/../debug/check_vcd.py" "$work/log/lightsss.vcd" --from $((fcycle - window)) \
    --to $((fcycle - 1)) >/dev/null || fail "the VCD is malformed or misses the window"; }
python3 "$here/../pipeline/check_kanata.py" "$work/log/lightsss.kanata" >/dev/null ||
    fail "the Kanata trace is malformed"
[ $status -eq 0 ] && echo "PASS: a LightSSS replay on the virt machine replays the console input and is verified"
exit $status
