#!/usr/bin/env bash
# Restores and snapshots never destroy the user's data:
#  - a file the guest only reads, changed by the user after the snapshot, is served to the
#    restored guest from the snapshot's copy and stays as the user left it;
#  - snapshot names that already exist are refused before the program runs (one line naming
#    the file), and --replace-snapshots replaces them.
#
#  - a guest holding a file open write-only can be snapshotted and restored.
#
#   user_data.sh SNAPSIM READ_LATER_PROGRAM SUM_PROGRAM WRITE_ONLY_PROGRAM WORK_BASE
set -u
snapsim="$1" read_later="$2" sum="$3" write_only="$4" work_base="$5"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/user_data.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail=0
bad() { echo "FAIL $*"; fail=1; }
mkdir -p "$work/cwd"
cd "$work/cwd" || exit 1

echo "as it was" > input.txt
"$snapsim" run --clear-env --snapshots 300000 --max-instructions 300000 --config mainmem:filename:s \
    -- "$read_later" "$work/cwd/input.txt" > /dev/null 2>&1
snap="s.$(printf %015d 300000).snapshot"
[ -d "$snap" ] || { echo "FAIL: no snapshot taken"; exit 1; }
echo "the user's edit" > input.txt
"$snapsim" run --restore "$snap" > out 2> err || bad "read-only input: restore failed: $(head -2 err)"
[ "$(cat out)" = "as it was" ] || bad "read-only input: the guest read '$(cat out)', not the snapshot's copy"
[ "$(cat input.txt)" = "the user's edit" ] || bad "read-only input: the host file was changed"
[ "$(ls | sort | tr '\n' ' ')" = "err input.txt out $snap " ] || bad "read-only input: files appeared: $(ls)"
[ "$fail" = 0 ] && echo "ok   changed read-only input served from the snapshot, host file kept"

"$snapsim" run --clear-env --snapshots 100 200 --config mainmem:filename:n -- "$sum" 1 2 > /dev/null 2>&1
before=$(stat -c %Y.%i "n.$(printf %015d 200).snapshot")
"$snapsim" run --clear-env --snapshots 100 200 --config mainmem:filename:n -- "$sum" 1 2 > out 2> err
st=$?
if [ "$st" = 0 ] || [ -s out ] || [ "$(wc -l < err)" != 1 ] || ! grep -q "n.$(printf %015d 100).snapshot already exists; --replace-snapshots" err; then
    bad "existing names: status $st, output '$(cat out)', error: $(cat err)"
else
    echo "ok   existing snapshot names refused before the program ran"
fi
"$snapsim" run --clear-env --replace-snapshots --snapshots 100 200 --config mainmem:filename:n -- "$sum" 1 2 > out 2> err ||
    bad "--replace-snapshots: $(head -2 err)"
[ "$(stat -c %Y.%i "n.$(printf %015d 200).snapshot")" != "$before" ] || bad "--replace-snapshots kept the old snapshot"
"$snapsim" snapshot verify n.*.snapshot > /dev/null || bad "--replace-snapshots: replaced snapshots do not verify"
[ "$(ls -d n.* | wc -l)" = 2 ] || bad "--replace-snapshots left other entries: $(ls -d n.*)"
rm -rf ./*
"$snapsim" run --clear-env --snapshots 300000 --max-instructions 300000 --config mainmem:filename:w \
    -- "$write_only" "$work/cwd/log.txt" > /dev/null 2> err || bad "write-only file: snapshot failed: $(head -2 err)"
snap="w.$(printf %015d 300000).snapshot"
if [ -d "$snap" ]; then
    "$snapsim" snapshot verify "$snap" > /dev/null || bad "write-only file: the snapshot does not verify"
    "$snapsim" run --restore "$snap" > out 2> err || bad "write-only file: restore failed: $(head -2 err)"
    [ "$(cat out)" = done ] && [ "$(cat log.txt)" = "$(printf 'first\nsecond')" ] ||
        bad "write-only file: restored run printed '$(cat out)', file holds '$(cat log.txt)'"
    [ "$fail" = 0 ] && echo "ok   a file open write-only is snapshotted and restored"
fi
[ "$fail" = 0 ] && echo "PASS user data"
exit $fail
