#!/usr/bin/env bash
# Boot time of the project's Linux image (scripts/build-linux-image.sh) to power-off: snapsim's
# fast model on the virt machine and qemu-system-riscv64 -M virt, in the same run, with the same
# firmware, kernel, initramfs, disk and command line.
#
#   bench/boot.sh [--snapsim PATH] [--image DIR] [--repeats N]
#
# --image is the image directory (default build/linux-image/current).  Each boot runs --repeats
# times (default 3), taken in turn (snapsim, qemu, then again); the figures are the best run's
# wall-clock and user CPU seconds.  Printed: both times, their ratio (snapsim / qemu), snapsim's
# guest instructions and its guest MIPS (instructions per wall-clock second).  Both consoles
# must reach the power-off.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
snapsim="$here/../build/snapsim" image="$here/../build/linux-image/current" repeats=3
while [ $# -gt 0 ]; do
    case "$1" in
        --snapsim) snapsim="$2"; shift 2 ;;
        --image) image="$2"; shift 2 ;;
        --repeats) repeats="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ -x "$snapsim" ] || { echo "snapsim not found at $snapsim (use --snapsim)" >&2; exit 2; }
command -v qemu-system-riscv64 >/dev/null || { echo "qemu-system-riscv64 is not installed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (package time)" >&2; exit 2; }
for f in Image initramfs.cpio disk.img fw_jump.bin; do
    [ -f "$image/$f" ] || { echo "$image/$f missing (scripts/build-linux-image.sh)" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The command line of the reference boot (tests/fullsys/qemu_boot.sh).
append="console=ttyS0 printk.time=0 quiet"

# timed NAME COMMAND...: runs it with /dev/null as input; NAME.out, and "wall user" in NAME.time.
timed() {
    local name=$1
    shift
    /usr/bin/time -f '%e %U' -o "$work/$name.time" "$@" </dev/null >"$work/$name.out" 2>"$work/$name.err" ||
        { echo "$name failed:" >&2; tail -5 "$work/$name.out" "$work/$name.err" >&2; exit 1; }
    grep -q "reboot: Power down" "$work/$name.out" ||
        { echo "$name did not reach the power-off:" >&2; tail -5 "$work/$name.out" >&2; exit 1; }
}

best() { # NAME WALL USER: keeps the run with the lower wall-clock time in NAME.best
    if [ ! -f "$work/$1.best" ] || awk -v w="$2" '{ exit !(w < $1) }' "$work/$1.best"; then
        echo "$2 $3" >"$work/$1.best"
    fi
}

for _ in $(seq "$repeats"); do
    timed snapsim "$snapsim" run --machine virt --memory 256M --bios "$image/fw_jump.bin" \
        --kernel "$image/Image" --initrd "$image/initramfs.cpio" --disk "$image/disk.img" \
        --append "$append" -c stats:output_filename:"$work/stats.json"
    read -r wall user <"$work/snapsim.time"
    best snapsim "$wall" "$user"
    timed qemu qemu-system-riscv64 -M virt -m 256M -smp 1 -nographic -no-reboot \
        -bios "$image/fw_jump.bin" -kernel "$image/Image" -initrd "$image/initramfs.cpio" \
        -drive file="$image/disk.img",format=raw,if=none,id=disk0,readonly=on \
        -device virtio-blk-device,drive=disk0 -append "$append"
    read -r wall user <"$work/qemu.time"
    best qemu "$wall" "$user"
done
insns=$(sed -n 's/^[[:space:]]*"instructions":[[:space:]]*\([0-9]*\),.*/\1/p' "$work/stats.json" | head -1)
read -r s_wall s_user <"$work/snapsim.best"
read -r q_wall q_user <"$work/qemu.best"
awk -v sw="$s_wall" -v su="$s_user" -v qw="$q_wall" -v qu="$q_user" -v n="$insns" -v r="$repeats" 'BEGIN {
    printf "boot to power-off, best of %d (seconds)\n", r
    printf "%-22s %10s %10s\n", "", "wall", "user CPU"
    printf "%-22s %10.2f %10.2f\n", "snapsim (fast, virt)", sw, su
    printf "%-22s %10.2f %10.2f\n", "qemu-system-riscv64", qw, qu
    printf "ratio snapsim / qemu: %.1f (wall), %.1f (user CPU)\n", sw / qw, (qu > 0 ? su / qu : 0)
    printf "snapsim: %d guest instructions, %.1f guest MIPS (wall), %.1f (user CPU)\n", n, n / sw / 1e6, (su > 0 ? n / su / 1e6 : 0)
}'
