#!/bin/sh
# DiffTest on the virt machine: the project's Linux image boots to power-off on a pipeline model
# under --difftest without a mismatch (every retired instruction and trap of OpenSBI, the kernel
# and the userland checked against the fast model in lock-step), and a fault injected into the
# model mid-boot is reported (status 4, the field named) and replayed by LightSSS.
#
#   difftest_boot.sh IMAGE_ROOT SNAPSIM MODEL     (IMAGE_ROOT/current is the image directory)
set -eu
. "$(dirname "$0")/../lib/hang_guard.sh"
root="${1:?usage: difftest_boot.sh IMAGE_ROOT SNAPSIM MODEL}" snapsim="${2:?}" model="${3:?}"
img="$root/current"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
boot() {
    timeout -k 10 "$(hang_guard 900)" "$snapsim" run -m "$model" --machine virt --memory 256M \
        --bios "$img/fw_jump.bin" --kernel "$img/Image" --initrd "$img/initramfs.cpio" --disk "$img/disk.img" \
        --append "console=ttyS0 printk.time=0 quiet" --difftest "$@" </dev/null
}

status=0
boot -n 1000000000 -c stats:output_filename:"$work/stats.json" >"$work/console" 2>"$work/err" || status=$?
[ "$status" -eq 0 ] || fail "the boot under --difftest ended with status $status: $(grep -v '^snapsim: difftest:   ' "$work/err")"
grep -q "reboot: Power down" "$work/console" || fail "no power-off: $(tail -5 "$work/console")"
python3 - "$work/stats.json" <<'PY' || fail "DiffTest's statistics"
import json, sys
s = json.load(open(sys.argv[1]))
d = s["difftest"]
if d["mismatch"] != 0 or d["compared"] < s["instructions"] or d["compared"] < 100000000:
    sys.exit(f"difftest {d}, {s['instructions']} instructions")
print(f"compared {d['compared']} commits of {s['instructions']} instructions")
PY

# With LightSSS on: the fault is also replayed from the oldest fork snapshot (the last 20000
# cycles recorded), and the replay must reach the failure's architectural state.
status=0
mkdir "$work/log"
boot -n 40000000 --lightsss --log "$work/log" -c inject:kind:alu_bitflip inject:instruction:30000000 \
    lightsss:window:20000 >/dev/null 2>"$work/err" || status=$?
[ "$status" -eq 4 ] || fail "the injected fault gave status $status, not 4: $(head -3 "$work/err")"
grep -Eq '^snapsim: difftest: mismatch at instruction [0-9]+ .*: destination value [a-z0-9]+: model 0x' "$work/err" ||
    fail "no report naming the destination value: $(head -3 "$work/err")"
n=$(sed -n 's/^snapsim: difftest: mismatch at instruction \([0-9]*\) .*/\1/p' "$work/err")
[ "$n" -ge 30000000 ] || fail "the mismatch at instruction $n, before the injection"
grep -q '^snapsim: lightsss: replay verified' "$work/err" || fail "the LightSSS replay: $(grep lightsss "$work/err")"
for f in lightsss.vcd lightsss.kanata lightsss.commits lightsss.commits.ref; do
    [ -s "$work/log/$f" ] || fail "the replay wrote no $f"
done
echo "PASS: $model boots under --difftest; the fault injected at 30000000 is reported at instruction $n and its LightSSS replay is verified"
