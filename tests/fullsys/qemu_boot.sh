#!/bin/sh
# The reference boot: the project's kernel, initramfs and disk (scripts/build-linux-image.sh)
# under qemu-system-riscv64 -M virt with Debian's OpenSBI, to the init script's markers and the
# power-off.  Boots twice and requires the same console output (a quiet kernel, no timestamps),
# then keeps it as IMAGE_ROOT/qemu-console.txt: the transcript snapsim's virt machine must match.
#
#   qemu_boot.sh IMAGE_ROOT          (IMAGE_ROOT/current is the image directory)
set -eu
. "$(dirname "$0")/../lib/hang_guard.sh"
root="${1:?usage: qemu_boot.sh IMAGE_ROOT}"
img="$root/current"
for f in Image initramfs.cpio disk.img fw_jump.bin; do
    [ -f "$img/$f" ] || { echo "FAIL: $img/$f missing (run scripts/build-linux-image.sh)"; exit 1; }
done
command -v qemu-system-riscv64 >/dev/null || { echo "FAIL: qemu-system-riscv64 not installed (qemu-system-misc)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The command line the virt machine's reference runs use; keep in step with README.md.
append="console=ttyS0 printk.time=0 quiet"
boot() { # OUTPUT
    timeout -k 10 "$(hang_guard 600)" qemu-system-riscv64 -M virt -m 256M -smp 1 -nographic -no-reboot \
        -bios "$img/fw_jump.bin" -kernel "$img/Image" -initrd "$img/initramfs.cpio" \
        -drive file="$img/disk.img",format=raw,if=none,id=disk0,readonly=on \
        -device virtio-blk-device,drive=disk0 -append "$append" < /dev/null > "$1.raw" 2>&1 ||
        { echo "FAIL: qemu-system-riscv64 exited with status $?"; tail -20 "$1.raw"; exit 1; }
    tr -d '\r' < "$1.raw" > "$1"
}
boot "$work/first"
for want in "OpenSBI v" "snapsim-init: started" "snapsim-init: running /mnt/run.sh" \
            "run.sh: kernel 6.1" "run.sh: sum of squares below 2000 = 2664667000" \
            "d632eba71107bf7bc3ec423eab256d78  -" "snapsim-init: /mnt/run.sh exited with status 0" \
            "snapsim-init: powering off" "reboot: Power down"; do
    grep -qF "$want" "$work/first" || { echo "FAIL: no '$want' on the console:"; cat "$work/first"; exit 1; }
done
boot "$work/second"
if ! cmp -s "$work/first" "$work/second"; then
    echo "FAIL: two boots printed different console output:"
    diff "$work/first" "$work/second" | head -40
    exit 1
fi
cp "$work/first" "$root/qemu-console.txt"
echo "PASS: qemu-system-riscv64 boots the image to power-off, the same way twice ($(wc -l < "$root/qemu-console.txt") console lines in $root/qemu-console.txt)"
