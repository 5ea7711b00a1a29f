#!/bin/bash
# Guest MIPS of the fast model and of qemu-riscv64 on the same CPU-bound integer workload, in
# the same run.  usage: bench/fast_vs_qemu.sh [BUILD_DIR] [ITERATIONS] [REPEATS]
# The instruction count comes from snapsim's statistics (the workload is deterministic, so qemu
# executes the same instructions); each figure is the best of REPEATS runs.
set -euo pipefail
build=${1:-build}
iterations=${2:-20000}
repeats=${3:-3}
snapsim=$build/snapsim
program=$build/guest/intbench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

best_seconds() {   # best wall time of "$@" over $repeats runs
    local best=""
    for _ in $(seq "$repeats"); do
        local t0 t1
        t0=$(date +%s.%N)
        "$@" >"$tmp/out" 2>&1
        t1=$(date +%s.%N)
        best=$(python3 -c "t=$t1-$t0; b='$best'; print(t if not b or t < float(b) else b)")
    done
    echo "$best"
}

"$snapsim" run --config "stats:output_filename:$tmp/stats.json" -- "$program" "$iterations" >"$tmp/expected"
instructions=$(python3 -c "import json; print(json.load(open('$tmp/stats.json'))['instructions'])")
echo "workload: intbench $iterations ($instructions instructions); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"

fast=$(best_seconds "$snapsim" run -- "$program" "$iterations")
cmp -s "$tmp/out" "$tmp/expected" || { echo "fast model output differs"; exit 1; }
python3 -c "print(f'snapsim fast : {$fast:7.3f} s  {$instructions/$fast/1e6:8.1f} MIPS')"

if command -v qemu-riscv64 >/dev/null; then
    qemu=$(best_seconds qemu-riscv64 "$program" "$iterations")
    cmp -s "$tmp/out" "$tmp/expected" || { echo "qemu output differs"; exit 1; }
    python3 -c "print(f'qemu-riscv64 : {$qemu:7.3f} s  {$instructions/$qemu/1e6:8.1f} MIPS')"
    python3 -c "print(f'ratio snapsim/qemu: {$qemu/$fast:.3f}')"
else
    echo "qemu-riscv64 not installed: no reference figure"
fi
