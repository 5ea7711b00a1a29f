#!/bin/sh
# gem5's hack-back flow on the virt machine: the project's image boots with `snapsim.hackback`
# on the kernel command line, /init runs `snapsim-op checkpoint` and the run ends there
# (--on-checkpoint exit) with a snapshot of the whole machine.  Two new scripts (hackback/a.sh,
# b.sh) are given with --readfile to runs restored from that one snapshot, in the fast model and
# in each pipeline model.  Each restored console must be what a straight boot given the same
# script prints after the checkpoint (the checkpoint run's console followed by the restored
# one's is the straight boot's, byte for byte), script a's writefile must leave the same file as
# in the straight boot, and its work region must be counted in stats.json.  Runs are bounded by instruction counts; the time limit is a
# hang guard only.
#
#   hackback.sh IMAGE_ROOT SNAPSIM     (IMAGE_ROOT/current is the image directory)
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
root="${1:?usage: hackback.sh IMAGE_ROOT SNAPSIM}" snapsim="${2:?usage: hackback.sh IMAGE_ROOT SNAPSIM}"
img="$root/current" scripts="$(cd "$(dirname "$0")/hackback" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
run() { timeout -k 10 "$(hang_guard 600)" "$snapsim" run --machine virt -n 1000000000 "$@" </dev/null; }
boot() {
    run --bios "$img/fw_jump.bin" --kernel "$img/Image" --initrd "$img/initramfs.cpio" --disk "$img/disk.img" \
        --append "console=ttyS0 printk.time=0 quiet snapsim.hackback" "$@"
}

boot --on-checkpoint exit --log "$work/ck" >"$work/ck.txt" 2>"$work/ck.err" || fail "the boot: $(cat "$work/ck.err")"
grep -q "taken at the guest's checkpoint" "$work/ck.err" || { echo "FAIL: no checkpoint: $(cat "$work/ck.err")"; exit 1; }
grep -q "snapsim-init: after the checkpoint" "$work/ck.txt" && fail "the boot went on past the checkpoint"
snap=$(ls -d "$work"/ck/*.snapshot)

for s in a b; do
    boot --on-checkpoint ignore --readfile "$scripts/$s.sh" --log "$work/straight.$s" >"$work/straight.$s.txt" \
        2>"$work/err" || fail "straight boot with $s.sh: $(cat "$work/err")"
    grep -q "^script $s: " "$work/straight.$s.txt" || fail "the straight boot did not run $s.sh"
    for model in fast pompia oroblanco inorder; do
        out=$work/$s.$model
        run -m $model --restore "$snap" --readfile "$scripts/$s.sh" --log "$out" >"$out.txt" 2>"$work/err" ||
            fail "$model, $s.sh: the restored run: $(cat "$work/err")"
        cat "$work/ck.txt" "$out.txt" | cmp -s - "$work/straight.$s.txt" ||
            fail "$model, $s.sh: the console after the checkpoint is not the straight boot's: $(diff "$out.txt" "$work/straight.$s.txt" | head -5)"
        grep -q 'reboot: Power down' "$out.txt" || fail "$model, $s.sh: the restored machine did not power off"
        if [ $s = a ]; then
            cmp -s "$out/a-result.txt" "$work/straight.a/a-result.txt" ||
                fail "$model: writefile left $(cat "$out/a-result.txt" 2>&1), the straight boot $(cat "$work/straight.a/a-result.txt")"
            python3 -c 'import json, sys; w = json.load(open(sys.argv[1]))["work"]["1"]
sys.exit(0 if w["regions"] == 1 and w["instructions"] > 0 else 1)' "$out/stats.json" ||
                fail "$model: no work region 1 in stats.json"
        fi
    done
done
# Without --readfile the restored machine runs the disk's default script.
run --restore "$snap" >"$work/default.txt" 2>"$work/err" || fail "restore without --readfile: $(cat "$work/err")"
grep -q "snapsim-init: running /mnt/run.sh" "$work/default.txt" || fail "restore without --readfile: no default script"
[ $status -eq 0 ] && echo "hack-back: one post-boot snapshot, two new scripts, every model"
exit $status
