#!/usr/bin/env bash
# wave_check.sh SNAPSIM VCD2FST WORKDIR [--machine bare] [--window FROM-TO] PROGRAM [ARGS]: --wave
# with a cycle window (default 2000-6000) writes a VCD that the project's grammar checker and
# GTKWave's vcd2fst accept, covering exactly the window, with the pipeline's signals, and showing
# stalls, flushes, mispredictions and cache misses; the Kanata trace of the same run
# (--pipeline-trace, a sink of the same event stream) is well formed and holds exactly the
# instructions fetched in the window.
set -eu
snapsim="$1" vcd2fst="$2" work="$3"; shift 3
machine="" from=2000 to=6000
if [ "${1-}" = --machine ]; then machine="$2"; shift 2; fi
if [ "${1-}" = --window ]; then from="${2%-*}" to="${2#*-}"; shift 2; fi
dir="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$work"
vcd="$work/wave${machine:+.$machine}.vcd"
kanata="$work/wave${machine:+.$machine}.kanata"
"$snapsim" run ${machine:+--machine "$machine"} --model oroblanco --wave "$vcd" --pipeline-trace "$kanata" --trace-window cycle:$from-$to \
    -- "$@" >/dev/null
span="$(python3 "$dir/check_vcd.py" "$vcd" --from "$from" --to "$((to - 1))" \
        --signals pipeline.cycle,pipeline.fetch_pc,pipeline.commit_pc,pipeline.mispredict,pipeline.icache_miss,pipeline.dcache_miss,pipeline.Ex.valid,pipeline.Ex.pc,pipeline.Ex.insn,pipeline.Is.stall,pipeline.D.flush)" \
    || fail "grammar: $span"
[ "$span" = "$from $((to - 1))" ] || fail "the dump spans cycles $span, not $from $((to - 1))"
python3 "$dir/../pipeline/check_kanata.py" "$kanata" >/dev/null || fail "Kanata: $(python3 "$dir/../pipeline/check_kanata.py" "$kanata")"
fetched="$(awk -F'\t' '$1 == "C=" { c = $2 } $1 == "C" { c += $2 } $1 == "I" { if (!n++) lo = c; hi = c } END { print lo, hi }' "$kanata")"
[ "${fetched% *}" -ge "$from" ] && [ "${fetched#* }" -lt "$to" ] && [ "${fetched% *}" -lt "$((from + 100))" ] &&
    [ "${fetched#* }" -ge "$((to - 100))" ] || fail "the Kanata trace fetches in cycles $fetched, not in the window $from-$((to - 1))"
for sig in mispredict icache_miss dcache_miss; do
    id="$(awk -v s="$sig" '$1 == "$var" && $5 == s { print $4; exit }' "$vcd")"
    grep -Fqx "1$id" "$vcd" || fail "$sig is never 1"
done
grep -q '^1' "$vcd" || fail "no scalar ever rises"
command -v "$vcd2fst" >/dev/null 2>&1 || fail "vcd2fst not found (scripts/install-deps.sh installs gtkwave)"
fst="${vcd%.vcd}.fst"
rm -f "$fst"
"$vcd2fst" "$vcd" "$fst" >/dev/null || fail "vcd2fst rejected the dump"
[ -s "$fst" ] || fail "vcd2fst wrote nothing"
echo "ok: cycles $span"
