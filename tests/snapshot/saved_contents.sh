#!/usr/bin/env bash
# Saved file contents are compressed and shared along an incremental chain:
#  - three snapshots of a guest holding a 20 MB input open store it once, compressed; the later
#    ones reference the first one's copy;
#  - restoring the newest serves the saved copy (the user changed the file meanwhile);
#  - a restored run's snapshots share with the restored snapshot too;
#  - `snapshot merge` gives a standalone snapshot that restores with its chain gone;
#  - a corrupted shared copy and a reference beyond the chain are refused by verify and restore.
#
#   saved_contents.sh SNAPSIM READ_LATER_PROGRAM WORK_BASE
set -u
snapsim="$1" read_later="$2" work_base="$3"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/saved_contents.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail=0
bad() { echo "FAIL $*"; fail=1; }
name() { echo "c.$(printf %015d "$1").snapshot"; }
raw_size() { if [ -f "$1/raw" ]; then stat -c %s "$1/raw"; else echo 0; fi; }
cd "$work" || exit 1

seq 1 2800000 > input.txt                       # 20 MB of text
size=$(stat -c %s input.txt)
head -c 256 input.txt > expected
"$snapsim" run --clear-env --snapshots 100000 200000 300000 --max-instructions 300000 \
    --config mainmem:filename:c -- "$read_later" "$work/input.txt" > /dev/null 2> err ||
    { echo "FAIL snapshots: $(head -2 err)"; exit 1; }
a=$(raw_size "$(name 100000)") b=$(raw_size "$(name 200000)") c=$(raw_size "$(name 300000)")
echo "input $size bytes; raw files: $a, $b, $c bytes"
[ "$a" -gt 0 ] && [ "$a" -lt $((size / 3)) ] || bad "the first snapshot's copy is not compressed: $a of $size bytes"
[ "$b" -lt 4096 ] && [ "$c" -lt 4096 ] || bad "later snapshots copy the unchanged input again: $b and $c bytes"
grep -q '%2%/raw' "$(name 300000)/config" || bad "the newest snapshot does not reference its oldest ancestor's copy"
"$snapsim" snapshot verify "$(name 100000)" "$(name 200000)" "$(name 300000)" > out 2>&1 || bad "verify: $(head -3 out)"
[ "$fail" = 0 ] && echo "ok   one compressed copy along the chain"

echo "the user's edit" > input.txt
"$snapsim" run --restore "$(name 300000)" > out 2> err || bad "restore: $(head -2 err)"
cmp -s out expected || bad "the restored guest read '$(head -c 40 out)', not the saved copy"
[ "$(cat input.txt)" = "the user's edit" ] || bad "restore changed the host file"

"$snapsim" run --restore "$(name 300000)" --snapshots 400000 --max-instructions 400000 \
    --config mainmem:filename:c > /dev/null 2> err || bad "restored run's snapshot: $(head -2 err)"
[ "$(raw_size "$(name 400000)")" -lt 4096 ] || bad "a restored run's snapshot copies the input again"
"$snapsim" snapshot verify "$(name 400000)" > out 2>&1 || bad "verify of the restored run's snapshot: $(head -3 out)"
[ "$fail" = 0 ] && echo "ok   restore serves the shared copy, and a restored run shares it too"

mkdir merged
"$snapsim" snapshot merge "$(name 300000)" merged/m.snapshot > out 2>&1 || bad "merge: $(head -2 out)"
m=$(raw_size merged/m.snapshot)
[ "$m" -gt 0 ] && [ "$m" -lt $((size / 3)) ] || bad "the merged snapshot's copy: $m bytes"
! grep -q '%[1-9]%/raw' merged/m.snapshot/config || bad "the merged snapshot still references the chain"
mv "$(name 100000)" hidden.snapshot
"$snapsim" snapshot verify merged/m.snapshot > out 2>&1 || bad "verify merged: $(head -3 out)"
"$snapsim" run --restore merged/m.snapshot > out 2> err || bad "restore merged without its chain: $(head -2 err)"
cmp -s out expected || bad "the merged snapshot's guest read '$(head -c 40 out)'"
"$snapsim" run --restore "$(name 300000)" > out 2> err && bad "restore with the ancestor holding the copy gone succeeded"
mv hidden.snapshot "$(name 100000)"
[ "$fail" = 0 ] && echo "ok   merge gives a standalone snapshot"

# A corrupted shared copy: one byte inside the compressed frame.
cp -a "$(name 100000)" keep.snapshot
printf 'X' | dd of="$(name 100000)/raw" bs=1 seek=$((a / 2)) conv=notrunc status=none
"$snapsim" run --restore "$(name 300000)" > out 2> err
st=$?
{ [ "$st" != 0 ] && [ ! -s out ] && [ "$(wc -l < err)" = 1 ] && grep -q "^snapsim: " err; } ||
    bad "corrupted shared copy: status $st, output '$(head -c 40 out)', error: $(cat err)"
"$snapsim" snapshot verify "$(name 300000)" > out 2>&1 && bad "verify accepted a corrupted shared copy"
rm -rf "$(name 100000)"; mv keep.snapshot "$(name 100000)"
sed -i 's/%2%\/raw/%9%\/raw/' "$(name 300000)/config"
"$snapsim" snapshot verify "$(name 300000)" > out 2>&1 && bad "verify accepted a reference beyond the chain"
grep -q "raw data reference %9%/raw" out || bad "verify of a reference beyond the chain: $(head -2 out)"
"$snapsim" run --restore "$(name 300000)" > out 2> err && bad "restore accepted a reference beyond the chain"
[ "$(wc -l < err)" = 1 ] || bad "reference beyond the chain: $(cat err)"
[ "$fail" = 0 ] && echo "ok   corrupted or misplaced shared copies are refused" && echo "PASS saved contents"
exit $fail
