#!/usr/bin/env bash
# `cmake --install` gives a working package: the simulator, man page, bash completion, licence
# and the bundled example programs, found relative to the installed executable even after the
# tree is moved; then README.md's commands run with the installed snapsim.
#
#   install_check.sh BUILD_DIR README WORK_DIR
set -u
here="$(cd "$(dirname "$0")" && pwd)"
build="$1" readme="$2" work="$3"
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log" ||
    { echo "FAIL: cmake --install"; cat "$work/install.log"; exit 1; }
# The package is relocatable: it is used from somewhere else than where it was installed.
mv "$work/prefix" "$work/moved"
p="$work/moved"
fail=0
for f in bin/snapsim share/man/man1/snapsim.1 share/bash-completion/completions/snapsim \
         share/doc/snapsim/LICENSE share/doc/snapsim/README.md \
         share/snapsim/guest/sum share/snapsim/guest/intbench share/snapsim/guest/touchmem \
         share/snapsim/guest/snapsim-op share/snapsim/guest/hackback include/snapsim/ops.h \
         share/snapsim/guest/src/sum.c; do
    [ -e "$p/$f" ] || { echo "FAIL: $f not installed"; fail=1; }
done
[ "$fail" = 0 ] || exit 1
# A program only the installed tree has proves the bundled directory is found from the
# executable (not from the build tree, not from PATH).
cp "$p/share/snapsim/guest/sum" "$p/share/snapsim/guest/only_installed"
out=$(cd "$work" && env -u SNAPSIM_GUEST_DIR "$p/bin/snapsim" run -- only_installed 4 5 < /dev/null)
[ "$out" = 9 ] || { echo "FAIL: the installed snapsim did not run its bundled program (got '$out')"; exit 1; }
"$here/readme_commands.sh" "$p/bin/snapsim" "$readme" "$work/readme" || exit 1
echo "PASS: installed into a prefix, moved, and the README's commands ran from there"
