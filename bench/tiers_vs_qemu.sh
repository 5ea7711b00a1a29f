#!/usr/bin/env bash
# The fast model's two tiers against qemu-riscv64 and against the same program built for the
# host (x86-64, gcc -static -O2), in the same run, on the repo's intbench and on real programs
# built here from Debian source packages (never committed): Lua 5.4 running
# bench/workloads/mix.lua, the SQLite shell running bench/workloads/relational.sql, and zstd
# compressing SQLite's amalgamated source.
#
#   bench/tiers_vs_qemu.sh [--snapsim PATH] [--work DIR] [--repeats N]
#
# Needs root the first time: it adds a deb-src entry for bookworm (if there is none) and runs
# apt-get update and apt-get source; sources and binaries stay in --work (default
# $TMPDIR/snapsim-bench-tiers).  Building needs riscv64-linux-gnu-gcc, gcc, make and tclsh
# (SQLite generates its amalgamation with it).
#
# Every figure is host user CPU seconds (other users of the machine cost little in it), the best
# of --repeats runs (default 3) taken in turn (interpreter, translator, qemu, native, then
# again), with the output of every run compared with the first.  Printed per workload: guest
# instructions, the four times, translator speed-up over the interpreter, qemu time / translator
# time (above 1: the translator is faster), translator time / native time (the target is at most
# 2.5), and the translator's costs: blocks translated, code bytes, seconds spent translating.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
snapsim="$here/../build/snapsim" work="${TMPDIR:-/tmp}/snapsim-bench-tiers" repeats=3
while [ $# -gt 0 ]; do
    case "$1" in
        --snapsim) snapsim="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --repeats) repeats="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
snapsim="$(cd "$(dirname "$snapsim")" && pwd)/$(basename "$snapsim")"
[ -x "$snapsim" ] || { echo "snapsim not found at $snapsim (use --snapsim)" >&2; exit 2; }
command -v qemu-riscv64 >/dev/null || { echo "qemu-riscv64 is not installed" >&2; exit 2; }
cc=riscv64-linux-gnu-gcc
command -v "$cc" >/dev/null || { echo "$cc is not installed" >&2; exit 2; }
intbench="$(dirname "$snapsim")/guest/intbench"
[ -x "$intbench" ] || { echo "intbench not built at $intbench" >&2; exit 2; }
mkdir -p "$work/src" "$work/bin" "$work/run"
src="$work/src" bin="$work/bin"

# ---- sources: apt-get source, with a deb-src entry added if the system has none ----
fetch_sources() {
    if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        [ "$(id -u)" = 0 ] || { echo "no deb-src entry: run once as root to add one" >&2; exit 2; }
        printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
            > /etc/apt/sources.list.d/snapsim-bench-src.sources
        apt-get update -qq
    fi
    (cd "$src" && apt-get source -qq "$@" >/dev/null 2>&1) || { echo "apt-get source $* failed" >&2; exit 1; }
}
srcdir() { find -H "$src" -maxdepth 1 -mindepth 1 -type d -name "$1" | head -1; }
[ -n "$(srcdir 'lua5.4-*')" ] || fetch_sources lua5.4
[ -n "$(srcdir 'sqlite3-*')" ] || fetch_sources sqlite3
[ -n "$(srcdir 'libzstd-*')" ] || fetch_sources zstd

# ---- static builds: RISC-V for the simulators, x86-64 for the native reference ----
# build_programs CC BIN: lua, sqlite3 and zstd built with CC -static -O2 into BIN (once).
build_programs() {
    local cc="$1" bin="$2" d
    mkdir -p "$bin"
    if [ ! -x "$bin/lua" ]; then
        echo "building lua with $cc" >&2
        d="$(srcdir 'lua5.4-*')/src"
        mkdir -p "$work/lua-gen"
        echo '#define DEB_HOST_MULTIARCH "riscv64-linux-gnu"' > "$work/lua-gen/lua5.4-deb-multiarch.h"
        # shellcheck disable=SC2046,SC2010  # the file list
        "$cc" -static -O2 -DLUA_USE_POSIX -I"$work/lua-gen" -o "$bin/lua" \
            $(ls "$d"/*.c | grep -v '/luac\.c$') -lm
    fi
    if [ ! -x "$bin/sqlite3" ]; then
        echo "building sqlite3 with $cc" >&2
        if [ ! -f "$work/sqlite-gen/sqlite3.c" ]; then
            mkdir -p "$work/sqlite-gen"
            (cd "$work/sqlite-gen" && "$sqlite_src/configure" --disable-tcl --disable-readline >/dev/null &&
             make -s sqlite3.c shell.c >/dev/null)
        fi
        "$cc" -static -O2 -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -o "$bin/sqlite3" \
            "$work/sqlite-gen/shell.c" "$work/sqlite-gen/sqlite3.c" -lm 2>/dev/null
    fi
    if [ ! -x "$bin/zstd" ]; then
        echo "building zstd with $cc" >&2
        d="$(srcdir 'libzstd-*')"
        make -s -C "$d/programs" clean >/dev/null
        make -s -C "$d/programs" zstd CC="$cc" HAVE_ZLIB=0 HAVE_LZMA=0 HAVE_LZ4=0 HAVE_THREAD=0 \
            LDFLAGS=-static >/dev/null
        cp "$d/programs/zstd" "$bin/zstd"
    fi
}
sqlite_src="$(srcdir 'sqlite3-*')"
build_programs "$cc" "$bin"
native="$work/bin-native"
build_programs gcc "$native"
[ -x "$native/intbench" ] || gcc -static -O2 -o "$native/intbench" "$here/../guest/intbench.c"
zstd_input="$work/sqlite-gen/sqlite3.c"

# ---- workloads: name, stdin, command ----
names=(intbench lua sqlite zstd)
declare -A stdin_of=([intbench]=/dev/null [lua]=/dev/null [sqlite]="$here/workloads/relational.sql"
                     [zstd]=/dev/null)
declare -A cmd_of=(
    [intbench]="$intbench 20000"
    [lua]="$bin/lua $here/workloads/mix.lua 2"
    [sqlite]="$bin/sqlite3 :memory:"
    [zstd]="$bin/zstd -q -c -7 $zstd_input"
)
declare -A tier_cmd=(
    [interp]="$snapsim run --config fast:translate:off --"
    [jit]="$snapsim run --config fast:translate:on --"
    [qemu]="qemu-riscv64"
    [native]=""
)
tiers=(interp jit qemu native)
# The native tier runs the x86-64 build of the same program.
native_of() { local cmd="$1" prog="${1%% *}"; echo "$native/$(basename "$prog")${cmd#"$prog"}"; }

# user_seconds OUT STDIN CMD...: runs it, stdout to OUT, prints its user CPU seconds.
user_seconds() {
    local out="$1" in="$2"; shift 2
    /usr/bin/time -f %U -o "$work/run/time" "$@" < "$in" > "$out" 2> "$work/run/err" ||
        { echo "failed: $*" >&2; head -3 "$work/run/err" >&2; exit 1; }
    cat "$work/run/time"
}

echo "host: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); best of $repeats, user CPU seconds"
printf '%-9s %14s %9s %9s %9s %9s %8s %10s %12s %7s %9s %8s\n' workload instructions interp translator \
    qemu native speed-up qemu/transl transl/native blocks code_KiB jit_s
for w in "${names[@]}"; do
    # shellcheck disable=SC2086  # commands are words
    $snapsim run --config stats:output_filename:"$work/run/stats.json" -- ${cmd_of[$w]} \
        < "${stdin_of[$w]}" > "$work/run/expected" 2>/dev/null
    read -r insns blocks bytes jit_s < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); c = d["0"]
print(d["instructions"], c.get("jit_blocks", 0), c.get("jit_code_bytes", 0), c.get("jit_host_seconds", 0))' "$work/run/stats.json")
    declare -A best=()
    for _ in $(seq "$repeats"); do
        for t in "${tiers[@]}"; do
            cmd="${cmd_of[$w]}"
            [ "$t" = native ] && cmd="$(native_of "$cmd")"
            # shellcheck disable=SC2086  # commands are words
            s=$(user_seconds "$work/run/out" "${stdin_of[$w]}" ${tier_cmd[$t]} $cmd)
            cmp -s "$work/run/out" "$work/run/expected" || { echo "$w: $t output differs" >&2; exit 1; }
            best[$t]=$(python3 -c 'import sys; a, b = sys.argv[1], float(sys.argv[2]); print(b if a == "" or b < float(a) else a)' "${best[$t]:-}" "$s")
        done
    done
    python3 -c '
import sys
w, n, i, j, q, x, blocks, nbytes, js = sys.argv[1:]
n, i, j, q, x = int(n), float(i), float(j), float(q), float(x)
ratio = lambda a, b: a / b if b > 0 else float("inf")
print(f"{w:<9} {n:>14,} {i:>9.2f} {j:>9.2f} {q:>9.2f} {x:>9.2f} {ratio(i, j):>7.1f}x {ratio(q, j):>10.2f} {ratio(j, x):>12.1f} {int(blocks):>7} {int(nbytes)/1024:>9.0f} {float(js):>8.3f}")' \
        "$w" "$insns" "${best[interp]}" "${best[jit]}" "${best[qemu]}" "${best[native]}" "$blocks" "$bytes" "$jit_s"
    unset best
done
