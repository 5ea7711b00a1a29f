#!/usr/bin/env bash
# A guest with 70,000 mappings: the snapshot at its last instruction is written, verified and
# restored, and the restored run ends as the uninterrupted one (output, status).  Every run is
# bounded by an instruction count, not by time.
#
#   many_maps.sh SNAPSIM GUEST WORK_BASE
set -u
snapsim="$1" guest="$2" work_base="$3"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/many_maps.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL many_maps: $*"; head -3 "$work/err" 2>/dev/null; exit 1; }
limit=(--max-instructions 2000000000)
cd "$work" || exit 1
"$snapsim" run --clear-env "${limit[@]}" --config stats:output_filename:"$work/full.json" -- "$guest" \
    > full.out 2> err || fail "the straight run failed"
total=$(grep -o '"instructions":[[:space:]]*[0-9]*' full.json | head -1 | grep -o '[0-9]*$')
[ -n "$total" ] || fail "no instruction count"
n=$((total - 1))
"$snapsim" run --clear-env --max-instructions "$n" --snapshots "$n" --config mainmem:filename:"$work/s" \
    -- "$guest" > prefix.out 2> err
snap="$work/s.$(printf %015d "$n").snapshot"
[ -d "$snap" ] || fail "no snapshot written"
"$snapsim" snapshot verify "$snap" > /dev/null 2> err || fail "verify refused the snapshot"
regions=$("$snapsim" snapshot info "$snap" | sed -n 's/^memory: \([0-9]*\) regions.*/\1/p')
[ "${regions:-0}" -ge 70000 ] || fail "the snapshot holds ${regions:-no} regions, expected at least 70000"
"$snapsim" run "${limit[@]}" --restore "$snap" > rest.out 2> err || fail "the restore failed"
cat prefix.out rest.out | cmp -s - full.out || fail "the restored run's output differs"
echo "PASS many_maps: $regions regions captured, verified and restored"
