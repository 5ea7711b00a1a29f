#!/usr/bin/env bash
# A snapshot's run object records what can change the instruction stream: every linux: key that
# pins a host property (environment source, standard streams, cwd name, core frequency, time,
# randomness, seed), the program's arguments and the guest environment it started with.
#
#   run_object.sh SNAPSIM WORK_BASE
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
snapsim="$1" work_base="$2"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/runobj.XXXXXX")"
trap 'rm -rf "$work"' EXIT
(cd "$work" && timeout -k 5 "$(hang_guard 600)" "$snapsim" run -E GREETING=hi -E LANG=C \
    --config linux:stdio:tty --snapshots 500 --config "mainmem:filename:$work/s" -- sum 1 2 \
    > /dev/null < /dev/null) || { echo "FAIL: cannot take the snapshot"; exit 1; }
config="$work/s.$(printf %015d 500).snapshot/config"
fail=0
for want in '"linux:host_env": "false"' '"linux:stdio": "tty"' '"linux:cwd": "/tmp/cwd"' \
            '"linux:core_frequency_hz": "1000000000"' '"linux:host_time": "false"' \
            '"linux:host_random": "false"' '"linux:seed": "0x5eed"' \
            'argv: ("sum", "1", "2")' 'env: ("GREETING=hi", "LANG=C")'; do
    grep -qF -- "$want" "$config" || { echo "FAIL: the run object lacks $want"; fail=1; }
done
[ "$fail" = 0 ] || exit 1
echo "PASS: the snapshot's run object records the guest environment, arguments and linux: keys"
