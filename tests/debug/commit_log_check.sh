#!/usr/bin/env bash
# commit_log_check.sh SNAPSIM WORKDIR PROGRAM: the commit logs of one program from the fast model,
# from a pipeline model and from DiffTest's reference are identical, have one line per retired
# instruction, and --trace-window selects exactly the instructions (or cycles) it names.
set -eu
snapsim="$1" work="$2" prog="$3"
mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }
stats="$work/cl-stats.json"
"$snapsim" run --commit-log "$work/fast.log" --config "stats:output_filename:$stats" -- "$prog" 4 5 >/dev/null
n=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['instructions'])" "$stats")
[ "$(wc -l < "$work/fast.log")" -eq "$n" ] || fail "fast log has $(wc -l < "$work/fast.log") lines, $n instructions"
"$snapsim" run --model pompia --difftest --commit-log "$work/pompia.log" -- "$prog" 4 5 >/dev/null
cmp "$work/fast.log" "$work/pompia.log" || fail "fast and pompia commit logs differ"
cmp "$work/fast.log" "$work/pompia.log.ref" || fail "pompia's reference log differs"
# A window of instructions 100..199: exactly those lines.
"$snapsim" run --commit-log "$work/win.log" --trace-window insn:100-200 -- "$prog" 4 5 >/dev/null
sed -n '100,199p' "$work/fast.log" | cmp - "$work/win.log" || fail "instruction window differs"
# A cycle window on a pipeline: non-empty, a contiguous part of the whole log.
"$snapsim" run --model oroblanco --commit-log "$work/cyc.log" --trace-window cycle:1000-2000 -- "$prog" 4 5 >/dev/null
lines=$(wc -l < "$work/cyc.log")
[ "$lines" -gt 0 ] && [ "$lines" -lt 1000 ] || fail "cycle window has $lines lines"
python3 -c 'import sys; a, b = (open(f).read() for f in sys.argv[1:]); sys.exit("\n" + b not in "\n" + a)' \
    "$work/fast.log" "$work/cyc.log" || fail "the cycle window is not a contiguous part of the log"
echo ok
