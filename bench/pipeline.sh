#!/bin/bash
# Simulation speed of the pipeline models: simulated cycles per host second of each preset on the
# CPU-bound intbench workload, best of REPEATS runs (the model's own timer, from its statistics:
# loading the program is not counted).  The output must match the fast model's.
# usage: bench/pipeline.sh [BUILD_DIR] [ITERATIONS] [REPEATS]
set -euo pipefail
build=${1:-build}
iterations=${2:-200}
repeats=${3:-3}
snapsim=$build/snapsim
program=$build/guest/intbench
[ -x "$snapsim" ] && [ -f "$program" ] || { echo "build $snapsim and $program first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$snapsim" run -- "$program" "$iterations" >"$tmp/expected"
echo "workload: intbench $iterations; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for model in oroblanco pompia; do
    best=""
    for _ in $(seq "$repeats"); do
        "$snapsim" run --model "$model" --config "stats:output_filename:$tmp/stats.json" \
            -- "$program" "$iterations" >"$tmp/out"
        cmp -s "$tmp/out" "$tmp/expected" || { echo "$model: output differs from the fast model"; exit 1; }
        rate=$(python3 -c "import json; s = json.load(open('$tmp/stats.json')); \
print(s['cycle'] / s['host_seconds'], s['cycle'], s['instructions'], s['0']['ipc'])")
        best=$(python3 -c "b = '$best'.split(); r = '$rate'.split(); \
print(' '.join(r if not b or float(r[0]) > float(b[0]) else b))")
    done
    python3 -c "r, c, i, ipc = map(float, '$best'.split()); \
print(f'{\"$model\":10s} {c:12.0f} cycles {i:12.0f} instructions  IPC {ipc:5.3f}  {r / 1e6:7.2f} M cycles/s  {i * r / c / 1e6:7.2f} MIPS')"
done
