#!/bin/sh
# Whole-machine snapshots of the virt machine (fast model): a boot of the project's image to
# power-off, and the same boot stopped at 90 million instructions (user space, the disk in use)
# with an incremental chain of snapshots at 60 and 90 million.  The restored 90-million snapshot
# must print the rest of the console (the stopped run's console followed by the restored run's is
# the full boot's) and end at the full boot's instruction count.  Hostile copies -- a device
# register out of range, a device object missing, the disk's base image changed -- are refused
# with one line by `snapshot verify` and by the restore.  The snapshot also restores into each
# pipeline model, which prints the same rest of the console.  Runs are bounded by instruction counts;
# the time limit is a hang guard only.
#
#   virt_snapshot.sh IMAGE_ROOT SNAPSIM     (IMAGE_ROOT/current is the image directory)
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
root="${1:?usage: virt_snapshot.sh IMAGE_ROOT SNAPSIM}" snapsim="${2:?usage: virt_snapshot.sh IMAGE_ROOT SNAPSIM}"
img="$root/current"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
end_instret() { sed -n 's/.*"end_instret":[^0-9]*\([0-9]*\).*/\1/p' "$1" | head -n 1; }
run() { timeout -k 10 "$(hang_guard 600)" "$snapsim" run --machine virt --memory 256M "$@" </dev/null; }

# The disk's base is a copy, so that the test can change it.
cp "$img/disk.img" "$work/disk.img"
boot() {
    run --bios "$img/fw_jump.bin" --kernel "$img/Image" --initrd "$img/initramfs.cpio" --disk "$work/disk.img" \
        --append "console=ttyS0 printk.time=0 quiet" "$@"
}
boot -n 1000000000 -c stats:output_filename:"$work/full.json" >"$work/full.txt" 2>"$work/full.err" ||
    fail "the straight boot: $(cat "$work/full.err")"
boot -n 90000000 --snapshots 60000000 90000000 --log "$work/log" >"$work/part.txt" 2>/dev/null
s60="$work/log/mainmem.raw.000000060000000.snapshot" s90="$work/log/mainmem.raw.000000090000000.snapshot"
[ -d "$s60" ] && [ -d "$s90" ] || { echo "FAIL: no snapshots written"; exit 1; }
grep -q '"%1%/disk0.diff"' "$s90/config" || fail "the 90-million snapshot's disk does not build on the 60-million one's"
grep -q 'status: 0xf' "$s90/config" || fail "the disk's driver is not ready at 90 million instructions"

"$snapsim" snapshot verify "$s90" >/dev/null || fail "verify refuses the snapshot"
run --restore "$s90" -n 1000000000 -c stats:output_filename:"$work/rest.json" >"$work/rest.txt" 2>"$work/rest.err" ||
    fail "the restored run: $(cat "$work/rest.err")"
cat "$work/part.txt" "$work/rest.txt" | cmp -s - "$work/full.txt" ||
    fail "the console up to the snapshot and after the restore is not the full boot's"
[ "$(end_instret "$work/rest.json")" = "$(end_instret "$work/full.json")" ] ||
    fail "the restored run ends at $(end_instret "$work/rest.json"), the boot at $(end_instret "$work/full.json")"
grep -q 'reboot: Power down' "$work/rest.txt" || fail "the restored run did not power off"

# The fast model's snapshot restores into each pipeline model: the same console (their clocks
# count the model's cycles, so the timer interrupts, and the instruction count, differ).
for model in pompia oroblanco inorder; do
    run -m $model --restore "$s90" -n 300000000 >"$work/$model.txt" 2>"$work/$model.err" ||
        fail "$model: the restored run: $(cat "$work/$model.err")"
    cat "$work/part.txt" "$work/$model.txt" | cmp -s - "$work/full.txt" ||
        fail "$model: the console up to the snapshot and after the restore is not the full boot's"
done

# hostile NAME PATTERN COMMAND...: a merged (standalone) copy of the 90-million snapshot changed by
# COMMAND in its directory; verify and restore both refuse it with one line matching PATTERN.
"$snapsim" snapshot merge "$s90" "$work/merged.snapshot" || fail "cannot merge the chain"
hostile() {
    what=$1 pattern=$2
    shift 2
    s=$work/$what.snapshot
    rm -rf "$s"
    cp -a "$work/merged.snapshot" "$s"
    (cd "$s" && "$@") || { fail "$what: cannot prepare"; return; }
    "$snapsim" snapshot verify "$s" >"$work/v.out" 2>&1 && fail "$what: verify accepts it"
    grep -q "$pattern" "$work/v.out" || fail "$what: verify says: $(cat "$work/v.out")"
    run --restore "$s" -n 100000000 >/dev/null 2>"$work/r.err" && fail "$what: restore accepts it"
    { [ "$(wc -l <"$work/r.err")" -eq 1 ] && grep -q "$pattern" "$work/r.err"; } ||
        fail "$what: restore says: $(cat "$work/r.err")"
}
edit() { VALUE=$2 perl -0pi -e "s/$1/\$ENV{VALUE}/" config; }
hostile uart_ier "ier must be at most" perl -0pi -e 's/(OBJECT uart0 TYPE ns16550a \{\s*ier: )0x[0-9a-f]*/${1}0x10/' config
hostile plic_priority "priority\[1\] must be at most" \
    perl -0pi -e 's/(OBJECT plic0 TYPE plic \{\s*nharts: 0x1\s*priority: \(0x0, )0x[0-9a-f]*/${1}0x8/' config
hostile no_clint "object clint0 (class clint) is missing" perl -0pi -e 's/OBJECT clint0 TYPE clint \{[^}]*\}//' config
hostile queue_size "not a power of two" edit 'queue_num: 0x[0-9a-f]*' 'queue_num: 0x3'
timeout -k 10 "$(hang_guard 600)" "$snapsim" run --machine bare --restore "$work/merged.snapshot" </dev/null \
    >/dev/null 2>"$work/e1" && fail "a virt snapshot restored on the bare machine"
grep -q "restore it with --machine virt" "$work/e1" || fail "bare restore of a virt snapshot: $(cat "$work/e1")"
# The base image changed after the snapshot: its fingerprint no longer matches.
printf 'X' | dd of="$work/disk.img" bs=1 seek=1000 conv=notrunc 2>/dev/null
hostile disk_base "disk.img" true

[ "$status" -eq 0 ] && echo "PASS: the virt machine restored at 90 million instructions finishes the boot as the straight boot does; every pipeline model prints the same rest; hostile snapshots refused"
exit "$status"
