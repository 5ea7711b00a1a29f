#!/bin/sh
# Builds the software snapsim's virt machine boots, from Debian packages only: a Linux kernel
# from linux-source-6.1 with the small configuration scripts/linux/kernel.config, an initramfs
# holding a static busybox (from busybox's Debian source package), the guest tool snapsim-op
# (guest/snapsim_op.c) and scripts/linux/init, an ext2 disk holding scripts/linux/run.sh, and
# Debian's OpenSBI firmware.
#
#   build-linux-image.sh [OUTDIR]      (default: build/linux-image)
#
# Results go to OUTDIR/KEY/ (Image, initramfs.cpio, disk.img, fw_jump.bin), KEY being a hash of
# this script, scripts/linux/*, the guest tool's sources and the versions of the Debian packages
# used, so a change to any of them rebuilds and an unchanged tree reuses the last build;
# OUTDIR/current names the latest.  The two slow parts are cached apart, keyed by what each is
# built from (OUTDIR/parts/kernel-HASH by scripts/linux/kernel.sh and kernel.config,
# OUTDIR/parts/busybox-HASH by busybox.sh and busybox.config): a change to the init script or
# the guest tool repacks the initramfs in seconds.  Prints the result directory.  Sources are
# unpacked once under OUTDIR/src.  The compilers run under `nice -n 19` with JOBS (default 2)
# jobs: the build is meant to share a machine politely.  Needs root the first time only if the
# system has no deb-src entry (one is added for bookworm).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out=${1:-$top/build/linux-image}
mkdir -p "$out"
out=$(cd "$out" && pwd)   # the parts' builds run make in other directories
fw=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin
start=$(date +%s)
. "$here/linux/lib.sh"
for tool in ${cross}gcc make flex bison bc cpio mke2fs sha256sum apt-get dpkg-source cc; do
    command -v "$tool" >/dev/null || die "$tool is not installed (scripts/install-deps.sh with SNAPSIM_FULLSYS=1)"
done
[ -f "$fw" ] || die "$fw is missing (Debian package opensbi)"

version() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo none; }
bb_version=$(apt-cache show --no-all-versions busybox 2>/dev/null | sed -n 's/^Version: //p' | head -1)
versions="linux-source-6.1 $(version linux-source-6.1)
gcc-riscv64-linux-gnu $(version gcc-riscv64-linux-gnu)
libc6-dev-riscv64-cross $(version libc6-dev-riscv64-cross)
opensbi $(version opensbi) busybox $bb_version"
hash_of() { { cat "$@"; echo "$versions"; } | sha256sum | cut -c1-16; }
op_sources="$top/guest/snapsim_op.c $top/guest/include/snapsim/ops.h"
key=$(hash_of "$0" "$here"/linux/* $op_sources)
dest="$out/$key"
if [ -f "$dest/done" ]; then
    ln -sfn "$key" "$out/current"
    echo "$dest"
    exit 0
fi
mkdir -p "$out/src" "$out/parts"
work="$dest.tmp"
rm -rf "$work"
mkdir -p "$work"

# part NAME FILE...: OUTDIR/parts/NAME-HASH, built by scripts/linux/NAME.sh unless it is there.
part() {
    name=$1; shift
    dir="$out/parts/$name-$(hash_of "$here/linux/$name.sh" "$here/linux/lib.sh" "$@")"
    if [ ! -f "$dir/done" ]; then
        rm -rf "$dir.tmp"
        mkdir -p "$dir.tmp"
        "$here/linux/$name.sh" "$out/src" "$dir.tmp"
        touch "$dir.tmp/done"
        rm -rf "$dir"
        mv "$dir.tmp" "$dir"
    fi
    echo "$dir"
}
kernel=$(part kernel "$here/linux/kernel.config")
busybox=$(part busybox "$here/linux/busybox.config")
cp "$kernel/Image" "$work/Image"

# ---- the guest tool ----
note "building snapsim-op"
quiet ${cross}gcc -static -O2 -Wall -I"$top/guest/include" -o "$work/snapsim-op" "$top/guest/snapsim_op.c"

# ---- the initramfs: gen_init_cpio, with fixed time stamps ----
note "packing the initramfs"
gen="$out/src/linux-source-6.1/usr/gen_init_cpio.c"
[ -f "$gen" ] || quiet tar -C "$out/src" -xJf /usr/src/linux-source-6.1.tar.xz linux-source-6.1/usr/gen_init_cpio.c
quiet cc -O2 -o "$work/gen_init_cpio" "$gen"
{
    echo "dir /dev 755 0 0"
    echo "nod /dev/console 600 0 0 c 5 1"
    for d in /proc /sys /mnt /tmp /root /bin /sbin /usr /usr/bin /usr/sbin; do echo "dir $d 755 0 0"; done
    echo "file /bin/busybox $busybox/busybox 755 0 0"
    echo "file /bin/snapsim-op $work/snapsim-op 755 0 0"
    echo "file /init $here/linux/init 755 0 0"
    while IFS= read -r link; do
        [ "$link" = /bin/busybox ] || echo "slink $link /bin/busybox 777 0 0"
    done < "$busybox/busybox.links"
} > "$work/initramfs.list"
"$work/gen_init_cpio" -t 0 "$work/initramfs.list" > "$work/initramfs.cpio"

# ---- the disk: ext2 with a fixed UUID, hash seed and times ----
note "making the disk"
mkdir -p "$work/disk"
cp "$here/linux/run.sh" "$work/disk/run.sh"
touch -d @0 "$work/disk/run.sh" "$work/disk"
E2FSPROGS_FAKE_TIME=1 quiet mke2fs -q -F -t ext2 -b 1024 -L snapsim \
    -U 00000000-0000-0000-0000-000000000001 -E hash_seed=00000000-0000-0000-0000-000000000002,root_owner=0:0 \
    -d "$work/disk" "$work/disk.img" 4096
cp "$fw" "$work/fw_jump.bin"

rm -rf "$work/disk" "$work/log" "$work/gen_init_cpio" "$work/initramfs.list" "$work/snapsim-op"
note "done"
touch "$work/done"
rm -rf "$dest"
mv "$work" "$dest"
ln -sfn "$key" "$out/current"
echo "$dest"
