#!/bin/sh
# snapsim's virt machine boots the project's image (scripts/build-linux-image.sh) to power-off
# on a model (the fast one by default), with the reference boot's firmware, kernel, initramfs, disk and command line
# (tests/fullsys/qemu_boot.sh), and prints the same console as qemu-system-riscv64 did
# (IMAGE_ROOT/qemu-console.txt): OpenSBI's banner, the kernel's one warning, the init markers,
# run.sh's output and the power-off.  The run is bounded by an instruction count (it needs about
# 130 million); the time limit is a hang guard only.
#
# What may differ, and is normalised in both transcripts before they are compared: five lines of
# OpenSBI's banner that describe the hart's implementation rather than the machine.  QEMU's
# default CPU has the hypervisor extension (Base ISA rv64imafdch, and the hypervisor's causes and
# interrupts in MEDELEG/MIDELEG), Sstc and 16 HPM counters; snapsim's hart has none of them.
# Everything else -- the platform, its devices and timer frequency, the memory regions, the
# kernel's output -- must be the same line for line.
#
#   snapsim_boot.sh IMAGE_ROOT SNAPSIM [MODEL]     (IMAGE_ROOT/current is the image directory)
set -eu
. "$(dirname "$0")/../lib/hang_guard.sh"
root="${1:?usage: snapsim_boot.sh IMAGE_ROOT SNAPSIM [MODEL]}" snapsim="${2:?usage: snapsim_boot.sh IMAGE_ROOT SNAPSIM [MODEL]}"
model="${3:-fast}"
img="$root/current"
ref="$root/qemu-console.txt"
[ -f "$ref" ] || { echo "FAIL: $ref missing (fullsys.qemu_boot writes it)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The reference boot's command line (qemu_boot.sh); keep in step with README.md.
append="console=ttyS0 printk.time=0 quiet"
status=0
timeout -k 10 "$(hang_guard 600)" "$snapsim" run -m "$model" --machine virt --memory 256M --bios "$img/fw_jump.bin" \
    --kernel "$img/Image" --initrd "$img/initramfs.cpio" --disk "$img/disk.img" --append "$append" \
    -n 1000000000 -c stats:output_filename:"$work/stats.json" </dev/null >"$work/console.raw" 2>"$work/err" ||
    status=$?
if [ "$status" -ne 0 ] || grep -q -- '--max-instructions' "$work/err"; then
    echo "FAIL: the boot ended with status $status: $(cat "$work/err")"
    tail -20 "$work/console.raw"
    exit 1
fi
tr -d '\r' <"$work/console.raw" >"$work/console"

normalise() {
    sed -e 's/^\(Boot HART Base ISA *:\).*/\1 (the hart)/' \
        -e 's/^\(Boot HART ISA Extensions *:\).*/\1 (the hart)/' \
        -e 's/^\(Boot HART MHPM Count *:\).*/\1 (the hart)/' \
        -e 's/^\(Boot HART MIDELEG *:\).*/\1 (the hart)/' \
        -e 's/^\(Boot HART MEDELEG *:\).*/\1 (the hart)/' "$1"
}
normalise "$ref" >"$work/want"
normalise "$work/console" >"$work/got"
if ! cmp -s "$work/want" "$work/got"; then
    echo "FAIL: snapsim's console differs from qemu-system-riscv64's (after normalising the hart's lines):"
    diff "$work/want" "$work/got" | head -40
    exit 1
fi
insns=$(sed -n 's/^[[:space:]]*"instructions":[[:space:]]*\([0-9]*\),.*/\1/p' "$work/stats.json" | head -1)
echo "PASS: snapsim ($model) boots the image to power-off in $insns instructions, with qemu-system-riscv64's console ($(wc -l <"$work/got") lines)"
