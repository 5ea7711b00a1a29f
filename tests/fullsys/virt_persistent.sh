#!/bin/sh
# Persistent state of the virt machine (Simics's save-/load-persistent-state) and the image
# search path of run: the disk of a snapshot saved alone (`snapshot save-persistent`) and loaded
# onto a boot whose --disk is all zeros (`run --load-persistent`) gives the boot the saved disk --
# the same console as a boot of the real disk, where the zero disk alone does not get that far;
# once the base image moved, both the load and a restore of the snapshot find it only through
# --image-path DIR.  Runs are bounded by instruction counts; the time limit is a hang guard only.
#
#   virt_persistent.sh IMAGE_ROOT SNAPSIM     (IMAGE_ROOT/current is the image directory)
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
root="${1:?usage: virt_persistent.sh IMAGE_ROOT SNAPSIM}" snapsim="${2:?usage: virt_persistent.sh IMAGE_ROOT SNAPSIM}"
img="$root/current"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
run() { timeout -k 10 "$(hang_guard 600)" "$snapsim" run --machine virt --memory 256M "$@" </dev/null; }
boot() {
    disk=$1
    shift
    run --bios "$img/fw_jump.bin" --kernel "$img/Image" --initrd "$img/initramfs.cpio" --disk "$disk" \
        --append "console=ttyS0 printk.time=0 quiet" -n 200000000 "$@"
}
mkdir "$work/a"
cp "$img/disk.img" "$work/a/disk.img"
truncate -s "$(stat -c %s "$img/disk.img")" "$work/zero.img"

boot "$work/a/disk.img" >"$work/full.txt" 2>"$work/full.err" || fail "the boot: $(cat "$work/full.err")"
grep -q 'run.sh exited with status 0' "$work/full.txt" || fail "the boot did not run run.sh"
boot "$work/zero.img" >"$work/zero.txt" 2>/dev/null
grep -q 'run.sh exited with status 0' "$work/zero.txt" && fail "a zero disk runs run.sh: the test proves nothing"

boot "$work/a/disk.img" -n 60000000 --snapshots 60000000 --log "$work/log" >/dev/null 2>&1
s="$work/log/mainmem.raw.000000060000000.snapshot"
"$snapsim" snapshot save-persistent "$s" "$work/p" || fail "save-persistent"
boot "$work/zero.img" --load-persistent "$work/p" >"$work/loaded.txt" 2>"$work/loaded.err" ||
    fail "the boot with the persistent state: $(cat "$work/loaded.err")"
cmp -s "$work/loaded.txt" "$work/full.txt" || fail "the zero disk with the persistent state boots differently"

# The base image moves: found only through --image-path.
mv "$work/a" "$work/b"
boot "$work/zero.img" --load-persistent "$work/p" >/dev/null 2>"$work/e1" && fail "loaded without its base"
{ [ "$(wc -l <"$work/e1")" -eq 1 ] && grep -q "disk.img" "$work/e1"; } || fail "missing base: $(cat "$work/e1")"
boot "$work/zero.img" --load-persistent "$work/p" --image-path "$work/b" >"$work/moved.txt" 2>"$work/e2" ||
    fail "--image-path: $(cat "$work/e2")"
cmp -s "$work/moved.txt" "$work/full.txt" || fail "--image-path: another console"
run --restore "$s" -n 70000000 >/dev/null 2>"$work/e3" && fail "restored without the disk's base"
grep -q "disk.img" "$work/e3" || fail "restore, missing base: $(cat "$work/e3")"
run --restore "$s" --image-path "$work/b" >"$work/rest.txt" 2>"$work/e4" || fail "restore --image-path: $(cat "$work/e4")"
grep -q 'reboot: Power down' "$work/rest.txt" || fail "restore --image-path did not finish the boot"
# Refused combinations.
"$snapsim" run --machine virt --restore "$s" --load-persistent "$work/p" </dev/null 2>"$work/e5" && fail "--load-persistent with --restore"
grep -q "needs --disk, not --restore" "$work/e5" || fail "--load-persistent with --restore: $(cat "$work/e5")"

[ "$status" -eq 0 ] && echo "PASS: persistent state loaded onto a boot; disk bases found through --image-path"
exit "$status"
