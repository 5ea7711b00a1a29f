#!/usr/bin/env bash
# The seed workflow of the snapshot feature, exactly as documented (paths under WORK instead of
# /tmp/x and /tmp/y):  snapshots at 100 300 900 2700 of `sum`, then a restore at 900 prints 129.
#   seed.sh SNAPSIM WORK_BASE
set -u
snapsim="$1"
mkdir -p "$2"
w="$(mktemp -d "$2/seed.XXXXXX")"
trap 'rm -rf "$w"' EXIT
cd "$w" || exit 1
"$snapsim" run --log "$w/x/sum" --config stats:output_filename:"$w/x/sum/stats.json" \
    mainmem:filename:"$w/x/sum/mainmem.raw" mainmem:capacity:4294967296 \
    --snapshots 100 300 900 2700 -- sum 2 3 5 7 11 13 17 19 23 29 > "$w/straight.out" || exit 1
for n in 100 300 900 2700; do
    [ -d "$w/x/sum/mainmem.raw.$(printf %015d $n).snapshot" ] || { echo "FAIL: snapshot $n missing"; exit 1; }
done
out=$("$snapsim" run --log "$w/y/sum" --restore "$w/x/sum/mainmem.raw.000000000000900.snapshot")
status=$?
[ "$out" = 129 ] && [ "$status" = 0 ] || { echo "FAIL: restore printed '$out', status $status"; exit 1; }
echo "PASS seed workflow"
