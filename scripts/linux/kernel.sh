#!/bin/sh
# The kernel part of the image: linux-source-6.1 (unpacked into SRCDIR once) configured as
# tinyconfig plus kernel.config, built with riscv64-linux-gnu-gcc; leaves OUT/Image.
#   kernel.sh SRCDIR OUT
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$1 work=$2 start=$(date +%s)
. "$here/lib.sh"
ksrc_tar=/usr/src/linux-source-6.1.tar.xz
[ -f "$ksrc_tar" ] || die "$ksrc_tar is missing (Debian package linux-source-6.1)"
ksrc="$src/linux-source-6.1"
if [ ! -f "$ksrc/Makefile" ]; then
    note "unpacking $ksrc_tar"
    rm -rf "$ksrc"
    tar -C "$src" -xJf "$ksrc_tar"
fi
kbuild="$work/kbuild"
kmake() { mk -C "$ksrc" O="$kbuild" ARCH=riscv CROSS_COMPILE="$cross" \
             KBUILD_BUILD_TIMESTAMP=@0 KBUILD_BUILD_USER=snapsim KBUILD_BUILD_HOST=snapsim "$@"; }
note "configuring the kernel"
kmake tinyconfig
quiet sh -c "cd '$kbuild' && ARCH=riscv CROSS_COMPILE=$cross '$ksrc/scripts/kconfig/merge_config.sh' -m .config '$here/kernel.config'"
kmake olddefconfig
check_config "$here/kernel.config" "$kbuild/.config"
note "building the kernel"
kmake Image
cp "$kbuild/arch/riscv/boot/Image" "$work/Image"
rm -rf "$kbuild" "$work/log"
