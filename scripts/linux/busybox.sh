#!/bin/sh
# The busybox part of the image: busybox's Debian source package (fetched into SRCDIR once)
# configured with busybox.config and linked statically; leaves OUT/busybox and
# OUT/busybox.links (the applets' paths).
#   busybox.sh SRCDIR OUT
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$1 work=$2 start=$(date +%s)
. "$here/lib.sh"
bbsrc=$(find "$src" -maxdepth 1 -type d -name 'busybox-*' | head -1)
if [ -z "$bbsrc" ]; then
    note "fetching busybox's Debian source package"
    if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        [ "$(id -u)" = 0 ] || die "no deb-src entry in the apt sources: run once as root to add one"
        printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
            > /etc/apt/sources.list.d/snapsim-src.sources
        quiet apt-get update -qq
    fi
    (cd "$src" && quiet apt-get source -qq busybox)
    bbsrc=$(find "$src" -maxdepth 1 -type d -name 'busybox-*' | head -1)
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
sed -n 's/^\(CONFIG_[A-Z0-9_]*\)=.*/\1/p' "$here/busybox.config" > "$work/names"
grep -v -w -F -f "$work/names" "$bbbuild/.config" > "$work/allno.config" || true
cat "$work/allno.config" "$here/busybox.config" > "$bbbuild/.config"
yes '' | bbmake oldconfig
check_config "$here/busybox.config" "$bbbuild/.config"
bbmake busybox busybox.links
cp "$bbbuild/busybox" "$bbbuild/busybox.links" "$work/"
rm -rf "$bbbuild" "$work/names" "$work/allno.config" "$work/log"
