#!/usr/bin/env bash
# Runs a program on a pipeline model with a Kanata trace and checks the trace's structure, and
# that the run retired as many instructions as the trace shows.
#   trace_check.sh SNAPSIM MODEL WORKDIR PROGRAM [ARGS...]
set -eu
[ $# -ge 4 ] || { echo "usage: trace_check.sh SNAPSIM MODEL WORKDIR PROGRAM [ARGS...]" >&2; exit 2; }
snapsim="$1" model="$2" work="$3"
shift 3
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$work"
trace="$work/$model.$(basename "$1").kanata"
stats="$work/$model.$(basename "$1").json"
"$snapsim" run --model "$model" --config "pipeline:trace_filename:$trace" \
    --config "stats:output_filename:$stats" -- "$@" > /dev/null < /dev/null
out="$(python3 "$here/check_kanata.py" "$trace")"
echo "$out"
retired="$(echo "$out" | sed -n 's/^PASS: \([0-9]*\) retired.*/\1/p')"
want="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["0"]["commit"]["retires"])' "$stats")"
if [ "$retired" != "$want" ]; then
    echo "FAIL: the trace retires $retired instructions, the statistics $want"
    exit 1
fi
rm -f "$trace" "$stats"
