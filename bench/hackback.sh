#!/usr/bin/env bash
# The hack-back benchmark: how much simulation time one guest checkpoint after the start-up
# saves.  guest/hackback is checkpointed once (fast model, --on-checkpoint exit); then, for each
# model and each of three scripts, a straight run (start-up + script) is timed against a restore
# of the checkpoint with that --readfile script (wall clock, best of 3).
#
#   bench/hackback.sh [--snapsim PATH] [--models "fast pompia oroblanco"] [--entries N] [--work DIR]
#
# The outputs of the straight and the restored runs are checked to agree (checkpoint run's
# output + restored run's output = straight run's output).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
snapsim="$here/../build/snapsim" models="fast pompia oroblanco" entries=100000
work="${TMPDIR:-/tmp}/snapsim-bench-hackback"
while [ $# -gt 0 ]; do
    case "$1" in
        --snapsim) snapsim="$2"; shift 2 ;;
        --models) models="$2"; shift 2 ;;
        --entries) entries="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
case "$snapsim" in /*) ;; *) snapsim="$PWD/$snapsim" ;; esac
[ -x "$snapsim" ] || { echo "snapsim not found at $snapsim (use --snapsim)" >&2; exit 2; }
rm -rf "$work"; mkdir -p "$work"; cd "$work"
printf 'lookup 20000\n' > a.txt
printf 'search 20000\nsum 50000\n' > b.txt
printf 'crc 100000\n' > c.txt

best_of_3() {   # prints the best wall-clock seconds of the command
    local best="" t
    for _ in 1 2 3; do
        t=$(python3 -c "import time, subprocess, sys; s = time.monotonic(); \
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); print('%.3f' % (time.monotonic() - s))" "$@")
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
    done
    echo "$best"
}

"$snapsim" run --log ck --on-checkpoint exit -- hackback "$entries" > prefix.out 2> ck.err
snap=$(ls -d ck/mainmem.raw.*.snapshot)
start_up=$(python3 -c "import json; print(json.load(open('ck/stats.json'))['end_instret'])")
echo "checkpoint after the start-up: $snap ($start_up instructions)"
printf '%-10s %-7s %12s %12s %8s\n' model script straight_s restore_s saved_s
for model in $models; do
    for script in a b c; do
        "$snapsim" run --model "$model" --on-checkpoint ignore --readfile $script.txt -- hackback "$entries" > straight.out 2> /dev/null
        "$snapsim" run --model "$model" --readfile $script.txt --restore "$snap" > restored.out 2> /dev/null
        cat prefix.out restored.out | cmp -s - straight.out || { echo "FAIL: $model/$script outputs differ" >&2; exit 1; }
        s=$(best_of_3 "$snapsim" run --model "$model" --on-checkpoint ignore --readfile $script.txt -- hackback "$entries")
        r=$(best_of_3 "$snapsim" run --model "$model" --readfile $script.txt --restore "$snap")
        printf '%-10s %-7s %12s %12s %8s\n' "$model" "$script" "$s" "$r" "$(python3 -c "print('%.3f' % ($s - $r))")"
    done
done
