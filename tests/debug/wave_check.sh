#!/usr/bin/env bash
# wave_check.sh SNAPSIM VCD2FST WORKDIR PROGRAM [ARGS]: --wave with a cycle window writes a VCD that
# the project's grammar checker and GTKWave's vcd2fst accept, covering exactly the window, with the
# pipeline's signals, and showing stalls, flushes, mispredictions and cache misses.
set -eu
snapsim="$1" vcd2fst="$2" work="$3"; shift 3
dir="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$work"
vcd="$work/wave.vcd"
"$snapsim" run --model oroblanco --wave "$vcd" --trace-window cycle:0-6000 -- "$@" >/dev/null
span="$(python3 "$dir/check_vcd.py" "$vcd" --from 0 --to 5999 \
        --signals pipeline.cycle,pipeline.fetch_pc,pipeline.commit_pc,pipeline.mispredict,pipeline.icache_miss,pipeline.dcache_miss,pipeline.Ex.valid,pipeline.Ex.pc,pipeline.Ex.insn,pipeline.Is.stall,pipeline.D.flush)" \
    || fail "grammar: $span"
[ "$span" = "0 5999" ] || fail "the dump spans cycles $span, not 0 5999"
for sig in mispredict icache_miss dcache_miss; do
    id="$(awk -v s="$sig" '$1 == "$var" && $5 == s { print $4; exit }' "$vcd")"
    grep -Fqx "1$id" "$vcd" || fail "$sig is never 1"
done
grep -q '^1' "$vcd" || fail "no scalar ever rises"
command -v "$vcd2fst" >/dev/null 2>&1 || fail "vcd2fst not found (scripts/install-deps.sh installs gtkwave)"
rm -f "$work/wave.fst"
"$vcd2fst" "$vcd" "$work/wave.fst" >/dev/null || fail "vcd2fst rejected the dump"
[ -s "$work/wave.fst" ] || fail "vcd2fst wrote nothing"
echo "ok: cycles $span"
