#!/bin/sh
# Builds the software snapsim's virt machine boots, from Debian packages only: a Linux kernel
# from linux-source-6.1 with the small configuration scripts/linux/kernel.config, an initramfs
# holding a static busybox (from busybox's Debian source package) and scripts/linux/init, an
# ext2 disk holding scripts/linux/run.sh, and Debian's OpenSBI firmware.
#
#   build-linux-image.sh [OUTDIR]      (default: build/linux-image)
#
# Results go to OUTDIR/KEY/ (Image, initramfs.cpio, disk.img, fw_jump.bin), KEY being a hash of
# this script, scripts/linux/* and the versions of the Debian packages used, so a change to any
# of them rebuilds and an unchanged tree reuses the last build; OUTDIR/current names the latest.
# Prints the result directory.  Sources are unpacked once under OUTDIR/src.  The compilers run
# under `nice -n 19` with JOBS (default 2) jobs: the build is meant to share a machine politely.
# Needs root the first time only if the system has no deb-src entry (one is added for bookworm).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
out=${1:-$top/build/linux-image}
jobs=${JOBS:-2}
ksrc_tar=/usr/src/linux-source-6.1.tar.xz
fw=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin
cross=riscv64-linux-gnu-

die() { echo "build-linux-image: $*" >&2; exit 1; }
for tool in ${cross}gcc make flex bison bc cpio mke2fs sha256sum apt-get dpkg-source cc; do
    command -v "$tool" >/dev/null || die "$tool is not installed (scripts/install-deps.sh with SNAPSIM_FULLSYS=1)"
done
[ -f "$ksrc_tar" ] || die "$ksrc_tar is missing (Debian package linux-source-6.1)"
[ -f "$fw" ] || die "$fw is missing (Debian package opensbi)"

version() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo none; }
bb_version=$(apt-cache show --no-all-versions busybox 2>/dev/null | sed -n 's/^Version: //p' | head -1)
key=$( { cat "$0" "$here"/linux/*
         echo "linux-source-6.1 $(version linux-source-6.1)"
         echo "gcc-riscv64-linux-gnu $(version gcc-riscv64-linux-gnu)"
         echo "libc6-dev-riscv64-cross $(version libc6-dev-riscv64-cross)"
         echo "opensbi $(version opensbi) busybox $bb_version"; } | sha256sum | cut -c1-16)
dest="$out/$key"
if [ -f "$dest/done" ]; then
    ln -sfn "$key" "$out/current"
    echo "$dest"
    exit 0
fi
start=$(date +%s)
mkdir -p "$out/src"
work="$dest.tmp"
rm -rf "$work"
mkdir -p "$work"
note() { echo "build-linux-image: $* ($(( $(date +%s) - start )) s)" >&2; }
quiet() { "$@" >"$work/log" 2>&1 || { tail -40 "$work/log" >&2; die "failed: $*"; } }
mk() { quiet nice -n 19 make -j "$jobs" "$@"; }

# Every option of a fragment must be in the final configuration as written: a dependency the
# fragment misses would otherwise drop an option silently.
check_config() { # FRAGMENT CONFIG
    grep -E '^CONFIG_|^# CONFIG_.* is not set$' "$1" | while IFS= read -r line; do
        case "$line" in
            '# '*) name=${line#\# }; name=${name%% *}
                   ! grep -q "^$name=" "$2" || die "$name is set in $2, $1 wants it off" ;;
            *)     grep -qxF "$line" "$2" || die "$line from $1 is not in $2 (a missing dependency?)" ;;
        esac
    done
}

# ---- the kernel ----
ksrc="$out/src/linux-source-6.1"
if [ ! -f "$ksrc/Makefile" ]; then
    note "unpacking $ksrc_tar"
    rm -rf "$ksrc"
    tar -C "$out/src" -xJf "$ksrc_tar"
fi
kbuild="$work/kbuild"
kmake() { mk -C "$ksrc" O="$kbuild" ARCH=riscv CROSS_COMPILE="$cross" \
             KBUILD_BUILD_TIMESTAMP=@0 KBUILD_BUILD_USER=snapsim KBUILD_BUILD_HOST=snapsim "$@"; }
note "configuring the kernel"
kmake tinyconfig
quiet sh -c "cd '$kbuild' && ARCH=riscv CROSS_COMPILE=$cross '$ksrc/scripts/kconfig/merge_config.sh' -m .config '$here/linux/kernel.config'"
kmake olddefconfig
check_config "$here/linux/kernel.config" "$kbuild/.config"
note "building the kernel"
kmake Image
cp "$kbuild/arch/riscv/boot/Image" "$work/Image"

# ---- busybox ----
bbsrc=$(find "$out/src" -maxdepth 1 -type d -name 'busybox-*' | head -1)
if [ -z "$bbsrc" ]; then
    note "fetching busybox's Debian source package"
    if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        [ "$(id -u)" = 0 ] || die "no deb-src entry in the apt sources: run once as root to add one"
        printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
            > /etc/apt/sources.list.d/snapsim-src.sources
        quiet apt-get update -qq
    fi
    (cd "$out/src" && quiet apt-get source -qq busybox)
    bbsrc=$(find "$out/src" -maxdepth 1 -type d -name 'busybox-*' | head -1)
    [ -n "$bbsrc" ] || die "apt-get source busybox unpacked nothing"
fi
bbbuild="$work/busybox-build"
mkdir -p "$bbbuild"
note "building busybox"
bbmake() { mk -C "$bbsrc" O="$bbbuild" CROSS_COMPILE="$cross" KCONFIG_NOTIMESTAMP=1 "$@"; }
# busybox's allnoconfig ignores KCONFIG_ALLCONFIG and its oldconfig keeps the first of two
# settings: replace the fragment's options, then let oldconfig give the options they make
# visible their defaults.
bbmake allnoconfig
sed -n 's/^\(CONFIG_[A-Z0-9_]*\)=.*/\1/p' "$here/linux/busybox.config" > "$work/names"
grep -v -w -F -f "$work/names" "$bbbuild/.config" > "$work/allno.config" || true
cat "$work/allno.config" "$here/linux/busybox.config" > "$bbbuild/.config"
yes '' | bbmake oldconfig
check_config "$here/linux/busybox.config" "$bbbuild/.config"
bbmake busybox busybox.links
cp "$bbbuild/busybox" "$work/busybox"

# ---- the initramfs: gen_init_cpio, with fixed time stamps ----
note "packing the initramfs"
quiet cc -O2 -o "$work/gen_init_cpio" "$ksrc/usr/gen_init_cpio.c"
{
    echo "dir /dev 755 0 0"
    echo "nod /dev/console 600 0 0 c 5 1"
    for d in /proc /sys /mnt /tmp /root /bin /sbin /usr /usr/bin /usr/sbin; do echo "dir $d 755 0 0"; done
    echo "file /bin/busybox $work/busybox 755 0 0"
    echo "file /init $here/linux/init 755 0 0"
    while IFS= read -r link; do
        [ "$link" = /bin/busybox ] || echo "slink $link /bin/busybox 777 0 0"
    done < "$bbbuild/busybox.links"
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

rm -rf "$kbuild" "$bbbuild" "$work/disk" "$work/log" "$work/gen_init_cpio" "$work/names" "$work/allno.config" \
    "$work/initramfs.list"
note "done"
touch "$work/done"
rm -rf "$dest"
mv "$work" "$dest"
ln -sfn "$key" "$out/current"
echo "$dest"
