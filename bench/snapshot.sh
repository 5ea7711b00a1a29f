#!/usr/bin/env bash
# Snapshot benchmark: capture and restore of guest/touchmem, which fills MIB mebibytes (default
# 256) and then rewrites one word in every 16th page per round.
#
#   bench/snapshot.sh [--snapsim PATH] [--guest-dir DIR] [--mib N] [--work DIR]
#
# Reports, for a standalone snapshot after the fill and for incremental ones after rounds 0 and
# 1 (and the same points with --independent-snapshots): capture time, MB/s of guest memory,
# size on disk, compression ratio (capture: the time the writing takes, in the background child
# by default); then restore-to-first-instruction time (restore + one instruction with
# --max-instructions, wall clock, best of 3) and snapsim's own restore time; then the stall of
# the run at the standalone snapshot, synchronous (snapshot:background off: the whole capture)
# against background (the fork), best of 3, also per GiB resident.
# Targets: restoring 256 MiB to the first instruction in < 300 ms; an incremental snapshot costs
# in proportion to the pages written since the previous one; a background snapshot stalls the
# run at most 1 ms per GB resident (with huge pages for guest memory).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
snapsim="$here/../build/snapsim" guest_dir="" mib=256 work="${TMPDIR:-/tmp}/snapsim-bench-snapshot"
while [ $# -gt 0 ]; do
    case "$1" in
        --snapsim) snapsim="$2"; shift 2 ;;
        --guest-dir) guest_dir="$2"; shift 2 ;;
        --mib) mib="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
guest_dir="${guest_dir:-$(dirname "$snapsim")/guest}"
[ -x "$snapsim" ] || { echo "snapsim not found at $snapsim (use --snapsim)" >&2; exit 2; }
[ -d "$guest_dir" ] || { echo "guest directory $guest_dir not found (use --guest-dir)" >&2; exit 2; }
# Absolute paths: the benchmark runs in its work directory.
snapsim="$(cd "$(dirname "$snapsim")" && pwd)/$(basename "$snapsim")"
guest_dir="$(cd "$guest_dir" && pwd)"
prog="$guest_dir/touchmem"
[ -f "$prog" ] || { echo "touchmem not found in $guest_dir (use --guest-dir)" >&2; exit 2; }
rm -rf "$work"; mkdir -p "$work"
cd "$work"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Phase boundaries come from the program itself (it prints its instret there).
"$snapsim" run --clear-env -- "$prog" "$mib" 2 > phases.txt
filled=$(sed -n 's/^filled instret=//p' phases.txt)
r0=$(sed -n 's/^round 0 instret=//p' phases.txt)
r1=$(sed -n 's/^round 1 instret=//p' phases.txt)
echo "touchmem $mib MiB: filled at $filled, round 0 at $r0, round 1 at $r1 instructions"

# Capture: the run with snapshots minus the run without gives the snapshot cost.
t0=$(now_ms); "$snapsim" run --clear-env -- "$prog" "$mib" 2 > /dev/null; t1=$(now_ms)
base_ms=$((t1 - t0))
for mode in incremental independent; do
    extra=(); [ "$mode" = independent ] && extra=(--independent-snapshots)
    SNAPSIM_SNAPSHOT_VERBOSE=1 "$snapsim" run --clear-env --snapshots "$filled" "$r0" "$r1" ${extra[@]+"${extra[@]}"} \
        --config mainmem:filename:"$work/$mode/touchmem" -- "$prog" "$mib" 2 > /dev/null 2> "$mode.log"
    echo
    echo "$mode snapshots:"
    printf '  %-14s %10s %9s %10s %11s %8s\n' point "capture ms" "MB/s" "pages" "disk MiB" ratio
    for n in "$filled" "$r0" "$r1"; do
        s="$work/$mode/touchmem.$(printf %015d "$n").snapshot"
        ms=$(grep "$(basename "$s")" "$mode.log" | sed -n 's/.*, \([0-9.]*\) ms\(, in the background.*\)\{0,1\}$/\1/p')
        pages=$(grep "$(basename "$s")" "$mode.log" | sed -n 's/.*: \([0-9]*\) pages stored.*/\1/p')
        disk=$(du -sk "$s" | awk '{printf "%.1f", $1 / 1024}')
        ratio=$("$snapsim" snapshot info "$s" | sed -n 's/^  \[0\].*ratio \([0-9.]*\)).*/\1/p')
        mbs=$(awk -v p="$pages" -v ms="$ms" 'BEGIN { printf "%.0f", (ms > 0 ? p * 4096 / 1048576 / (ms / 1000) : 0) }')
        printf '  %-14s %10s %9s %10s %11s %8s\n' "$n" "$ms" "$mbs" "$pages" "$disk" "$ratio"
    done
done
echo "  (run without snapshots: $base_ms ms)"

echo
echo "restore to the first instruction (wall clock of snapsim run --restore S --max-instructions N+1, best of 3):"
for s in "$work/independent/touchmem.$(printf %015d "$filled").snapshot" \
         "$work/incremental/touchmem.$(printf %015d "$r1").snapshot"; do
    n=$(basename "$s" | sed 's/.*\.\([0-9]*\)\.snapshot/\1/' | sed 's/^0*//')
    best=999999 inner=""
    for _ in 1 2 3; do
        t0=$(now_ms)
        SNAPSIM_SNAPSHOT_VERBOSE=1 "$snapsim" run --restore "$s" --max-instructions $((n + 1)) > /dev/null 2> restore.log
        t1=$(now_ms)
        if [ $((t1 - t0)) -lt "$best" ]; then
            best=$((t1 - t0))
            inner=$(sed -n 's/.*restored.*, \([0-9.]*\) ms$/\1/p' restore.log)
        fi
    done
    chain=$(sed -n 's/.*chain of \([0-9]*\).*/\1/p' restore.log)
    echo "  $(basename "$(dirname "$s")")/$(basename "$s") (chain of $chain): $best ms wall, $inner ms inside snapsim"
done

echo
echo "stall of the run at the standalone snapshot after the fill ($mib MiB resident, best of 3):"
for bg in off on; do
    best=""
    for _ in 1 2 3; do
        rm -rf "$work/stall"
        SNAPSIM_SNAPSHOT_VERBOSE=1 "$snapsim" run --clear-env --snapshots "$filled" --max-instructions "$filled" \
            --config snapshot:background:"$bg" mainmem:filename:"$work/stall/touchmem" -- "$prog" "$mib" 2 \
            > /dev/null 2> stall.log
        if [ "$bg" = on ]; then
            ms=$(sed -n 's/.*in the background after a \([0-9.]*\) ms stall$/\1/p' stall.log)
        else
            ms=$(sed -n 's/.*snapshot .*, \([0-9.]*\) ms$/\1/p' stall.log)
        fi
        best=$(awk -v a="$ms" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
    done
    awk -v bg="$bg" -v ms="$best" -v mib="$mib" 'BEGIN {
        printf "  snapshot:background %-3s %9.3f ms (%.3f ms/GiB)\n", bg, ms, ms * 1024 / mib }'
done
