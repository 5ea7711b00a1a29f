#!/bin/sh
# The virt machine's command line: one-line errors for bad input, never a crash.
#
#   virt_cli.sh SNAPSIM PAYLOAD
set -u
snapsim=$1 payload=$2
. "$(dirname "$0")/../lib/hang_guard.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }

# expect STATUS PATTERN ARGS...: the run exits with STATUS and its stderr matches PATTERN.
expect() {
    want=$1 pattern=$2
    shift 2
    timeout "$(hang_guard 600)" "$snapsim" run "$@" </dev/null >"$work/out" 2>"$work/err"
    got=$?
    [ "$got" -eq "$want" ] || fail "snapsim run $*: exit $got, expected $want ($(cat "$work/err"))"
    if [ -n "$pattern" ] && ! grep -q -- "$pattern" "$work/err"; then
        fail "snapsim run $*: stderr lacks '$pattern': $(cat "$work/err")"
    fi
    [ "$want" -eq 0 ] || [ "$(wc -l <"$work/err")" -eq 1 ] || fail "snapsim run $*: not one line: $(cat "$work/err")"
}

expect 2 "needs --kernel" --machine virt
expect 2 "unexpected program 'sum'" --machine virt --kernel "$payload" sum
expect 2 "needs --machine virt" --kernel "$payload" sum
expect 2 "need --machine virt, not bare" --machine bare --disk "$payload" prog
expect 2 "cannot open the kernel" --machine virt -m pompia --kernel "$work/missing"
expect 2 "lightsss forks at cycle boundaries" --machine virt --lightsss --kernel "$payload"
expect 2 "cannot read --readfile" --machine virt --readfile "$work/missing" --kernel "$payload"
expect 2 "do not go with --restore" --machine virt --restore "$work" --kernel "$payload"
expect 2 "cannot open the kernel" --machine virt --kernel "$work/missing"
expect 2 "cannot open the firmware" --machine virt --bios "$work/missing" --kernel "$payload"
expect 2 "cannot open the initrd" --machine virt --kernel "$payload" --initrd "$work/missing"
expect 2 "is not a regular file" --machine virt --kernel "$work"
expect 2 "needs a size" --machine virt --memory 12X --kernel "$payload"
# A kernel larger than RAM, and a memory size the configuration refuses.
truncate -s 40M "$work/big"
expect 2 "does not fit in RAM" --machine virt --memory 32M --kernel "$work/big"
expect 2 "ram_size" --machine virt --memory 1K --kernel "$payload"
# A disk image that cannot be opened.
expect 2 "missing" --machine virt --kernel "$payload" --disk "$work/missing"
# The payload in a smaller RAM still boots, and a disk is attached without being written.
printf 'disk' >"$work/disk.img"
truncate -s 1M "$work/disk.img"
cp "$work/disk.img" "$work/disk.orig"
expect 0 "" --machine virt --memory 64M --kernel "$payload" --disk "$work/disk.img" --append "console=ttyS0"
grep -q "payload: powering off" "$work/out" || fail "64 MiB boot: $(cat "$work/out")"
cmp -s "$work/disk.img" "$work/disk.orig" || fail "the disk image was changed"
# A whole-machine snapshot of the payload's run, restored, finishes the run as a straight one
# does: the consoles before and after the snapshot together are the straight run's.
end_instret() { sed -n 's/.*"end_instret":[^0-9]*\([0-9]*\).*/\1/p' "$1" | head -n 1; }
expect 0 "" --machine virt --memory 64M --kernel "$payload" -c stats:output_filename:"$work/full.json"
cp "$work/out" "$work/full.txt"
for n in 1000000 20000000; do
    expect 0 "" --machine virt --memory 64M --kernel "$payload" -n $n --snapshots $n --log "$work/log$n"
    cp "$work/out" "$work/part.txt"
    # The restore takes the snapshot's RAM size: no --memory.
    expect 0 "" --machine virt --restore "$work/log$n/mainmem.raw.$(printf %015d $n).snapshot" \
        -c stats:output_filename:"$work/rest.json"
    cat "$work/part.txt" "$work/out" | cmp -s - "$work/full.txt" || fail "restored at $n: another console"
    [ "$(end_instret "$work/rest.json")" = "$(end_instret "$work/full.json")" ] || fail "restored at $n: another end"
done
expect 2 "leave both out" --machine virt --memory 128M --restore "$work/log1000000/mainmem.raw.000000001000000.snapshot"
[ $status -eq 0 ] && echo "PASS: the virt machine's command-line errors"
exit $status
