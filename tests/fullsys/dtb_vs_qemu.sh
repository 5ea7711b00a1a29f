#!/bin/sh
# The virt machine's device tree against QEMU's: every node snapsim generates exists in the
# tree qemu-system-riscv64 -M virt generates for the same hart count and RAM, with the same
# values of every property but those that name other nodes (phandles) or describe the CPU
# (riscv,isa: QEMU's CPU has more extensions) or the boot (chosen's bootargs and initrd).
#
#   dtb_vs_qemu.sh VIRT_DTB_TOOL
set -eu
. "$(dirname "$0")/../lib/hang_guard.sh"
tool="${1:?usage: dtb_vs_qemu.sh VIRT_DTB_TOOL}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$tool" "$work/ours.dtb"
timeout -k 10 "$(hang_guard 120)" qemu-system-riscv64 -M virt,dumpdtb="$work/qemu.dtb" -m 256M -smp 1 \
    -nographic < /dev/null > "$work/qemu.log" 2>&1 || { cat "$work/qemu.log"; exit 1; }

nodes() { # DTB PATH: the path and every node below it
    echo "$2"
    for child in $(fdtget -l "$1" "$2"); do nodes "$1" "${2%/}/$child"; done
}
fails=0 checked=0
for node in $(nodes "$work/ours.dtb" /); do
    if ! fdtget -p "$work/qemu.dtb" "$node" > "$work/qprops" 2>/dev/null; then
        echo "FAIL: QEMU's tree has no node $node"
        fails=$((fails + 1))
        continue
    fi
    for prop in $(fdtget -p "$work/ours.dtb" "$node"); do
        case "$prop" in
            phandle|interrupt-parent|interrupts-extended|regmap|cpu|riscv,isa|bootargs|linux,initrd-*) continue ;;
        esac
        ours=$(fdtget -t bx "$work/ours.dtb" "$node" "$prop")
        theirs=$(fdtget -t bx "$work/qemu.dtb" "$node" "$prop" 2>/dev/null) || theirs="(absent)"
        checked=$((checked + 1))
        if [ "$ours" != "$theirs" ]; then
            echo "FAIL: $node $prop: snapsim [$ours], QEMU [$theirs]"
            fails=$((fails + 1))
        fi
    done
done
[ "$fails" = 0 ] || exit 1
echo "PASS: $checked properties of $(nodes "$work/ours.dtb" / | wc -l) nodes are as in QEMU virt's device tree"
