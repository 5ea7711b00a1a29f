#!/usr/bin/env bash
# Saved file contents swapped for other file types: in an incremental chain of two snapshots of
# a guest holding a file open (the first stores the content in its `raw` file, the second
# refers to it as %1%/raw), the `raw` file, or the first snapshot's directory, is replaced by a
# symbolic link (to another file of the chain, to a copy outside the allowed directories,
# dangling), a FIFO or a directory.  Restore and verify must both refuse, at once (a FIFO must
# not block), restore with exactly one `snapsim:` line and verify with status 1, both naming
# the file and the snapshot of the chain that holds it; no host file may change.
#
#   hostile_raw.sh SNAPSIM READ_LATER_PROGRAM WORK_BASE
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
snapsim="$1" read_later="$2" work_base="$3"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/hostile_raw.XXXXXX")"
trap 'rm -rf "$work"' EXIT
ulimit -c 0
fail=0
first=c.$(printf %015d 100000).snapshot second=c.$(printf %015d 200000).snapshot
mkdir -p "$work/base" "$work/outside"
seq 1 100000 > "$work/input.txt"
(cd "$work/base" && "$snapsim" run --clear-env --snapshots 100000 200000 --max-instructions 200000 \
    --config mainmem:filename:c -- "$read_later" "$work/input.txt" > /dev/null 2>&1)
[ -f "$work/base/$first/raw" ] && grep -q '%1%/raw' "$work/base/$second/config" ||
    { echo "FAIL: the chain does not share a saved content through %1%/raw"; exit 1; }
cp -a "$work/base/$first" "$work/outside/copy.snapshot"   # a valid copy, outside the allowed tree
sum_host() { cat "$work/input.txt" "$work/outside/copy.snapshot/raw" | cksum; }

# case NAME TARGET WORDS-BOTH-MESSAGES-CONTAIN SHELL-COMMAND-IN-THE-CHAIN'S-DIRECTORY
case_() {
    local name="$1" target="$2" want="$3" edit="$4"
    local d="$work/$name" st lines before bad=0
    cp -a "$work/base" "$d"
    (cd "$d" && eval "$edit")
    before=$(sum_host)
    (cd "$d" && timeout -k 2 "$(hang_guard 120)" "$snapsim" run --restore "$target" > /dev/null 2> "$work/err")
    st=$?
    lines=$(grep -c '' "$work/err")
    if [ "$st" != 2 ] || [ "$lines" != 1 ] || ! grep -q '^snapsim: cannot restore' "$work/err" ||
       ! grep -qF -- "$want" "$work/err"; then
        echo "FAIL $name: restore status $st, $lines lines, not naming '$want':"; head -3 "$work/err"; bad=1
    fi
    (cd "$d" && timeout -k 2 "$(hang_guard 120)" "$snapsim" snapshot verify "$target" > "$work/verify" 2>&1)
    st=$?
    if [ "$st" != 1 ] || ! head -1 "$work/verify" | grep -qF -- "$want"; then
        echo "FAIL $name: verify status $st, not naming '$want' first:"; head -3 "$work/verify"; bad=1
    fi
    [ "$(sum_host)" = "$before" ] || { echo "FAIL $name: a host file changed"; bad=1; }
    if [ "$bad" = 0 ]; then echo "ok   $name: $(cat "$work/err")"; else fail=1; fi
    rm -rf "$d"
}

# The first snapshot's own raw file.
own="%0%/raw:"
case_ raw_link_pages "$first" "$own" "ln -sf mem0.pages $first/raw"
case_ raw_link_other_snapshot "$first" "$own" "ln -sf ../$second/config $first/raw"
case_ raw_link_outside "$first" "$own" "ln -sf $work/outside/copy.snapshot/raw $first/raw"
case_ raw_link_dangling "$first" "$own" "ln -sf gone $first/raw"
case_ raw_fifo "$first" "$own" "rm $first/raw && mkfifo $first/raw"
case_ raw_dir "$first" "$own" "rm $first/raw && mkdir $first/raw"
# The same swaps seen from the second snapshot, through %1%: the message names the ancestor.
anc="%1%/raw (in $first):"
case_ ancestor_raw_link_pages "$second" "$anc" "ln -sf mem0.pages $first/raw"
case_ ancestor_raw_link_newer "$second" "$anc" "ln -sf ../$second/config $first/raw"
case_ ancestor_raw_link_outside "$second" "$anc" "ln -sf $work/outside/copy.snapshot/raw $first/raw"
case_ ancestor_raw_link_dangling "$second" "$anc" "ln -sf gone $first/raw"
case_ ancestor_raw_fifo "$second" "$anc" "rm $first/raw && mkfifo $first/raw"
# The ancestor's whole directory swapped.
dir="ancestor snapshot '$first'"
case_ ancestor_dir_link_outside "$second" "$dir" "rm -r $first && ln -s $work/outside/copy.snapshot $first"
case_ ancestor_dir_dangling "$second" "$dir" "rm -r $first && ln -s gone $first"
case_ ancestor_dir_fifo "$second" "$dir" "rm -r $first && mkfifo $first"
case_ ancestor_dir_file "$second" "$dir" "rm -r $first && echo x > $first"
[ "$fail" = 0 ] && echo "PASS saved contents swapped for other file types"
exit $fail
