#!/bin/sh
# Whole-machine snapshots of the bare system-mode machine (--machine bare): every hart CSR and
# the privilege mode, RAM as memory-image pages (incremental), the HTIF words, the clock.
#
#  * for programs in M-mode (console output through HTIF), under Sv39 in U-mode (int_*.v) and
#    switching modes with page tables (paging), a snapshot at each of several points restored
#    into the fast model continues exactly: output before the point plus the restored run's
#    output is the straight run's, with the same exit status and final instret;
#  * the chain is incremental: a later snapshot stores only the RAM pages that changed;
#  * a snapshot taken at N by a straight run and one taken at N by a run restored from an
#    earlier snapshot are equal (`snapshot diff --ignore-informational`);
#  * hostile snapshots (a user-level hart, a page outside RAM, a missing object, tohost outside
#    RAM, another RAM size, the wrong kind of machine) are refused with one line by verify
#    and by restore alike.
#
#   machine_bare.sh SNAPSIM GUEST_DIR
set -u
snapsim=$1 guest=$2
. "$(dirname "$0")/../lib/hang_guard.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
run() { timeout "$(hang_guard 600)" "$snapsim" run "$@"; }
end_instret() { sed -n 's/.*"end_instret":[^0-9]*\([0-9]*\).*/\1/p' "$1" | head -n 1; }
name() { printf '%s.%015d.snapshot' "$1" "$2"; }

# equiv PROGRAM POINT...: snapshots at every point in one run, each restored and compared.
equiv() {
    prog=$guest/priv/$1
    shift
    d=$work/$(basename "$prog")
    mkdir -p "$d"
    run --machine bare --config stats:output_filename:"$d/straight.json" "$prog" >"$d/straight.out"
    want_status=$?
    want_instret=$(end_instret "$d/straight.json")
    run --machine bare --snapshots "$@" --config mainmem:filename:"$d/s" "$prog" >"$d/snap.out" ||
        fail "$prog: the run taking snapshots failed"
    cmp -s "$d/snap.out" "$d/straight.out" || fail "$prog: taking snapshots changed the output"
    for n in "$@"; do
        s=$(name "$d/s" "$n")
        [ -d "$s" ] || { fail "$prog: no snapshot at $n"; continue; }
        grep -q 'TYPE phys-memory' "$s/config" || fail "$prog@$n: no phys-memory object"
        "$snapsim" snapshot verify "$s" >/dev/null || fail "$prog@$n: verify refuses it"
        run --machine bare -n "$n" "$prog" >"$d/before.$n" 2>/dev/null
        run --machine bare --restore "$s" --config stats:output_filename:"$d/r$n.json" >"$d/after.$n"
        got=$?
        cat "$d/before.$n" "$d/after.$n" | cmp -s - "$d/straight.out" ||
            fail "$prog@$n: output before the point and after the restore differs from the straight run's"
        [ "$got" -eq "$want_status" ] || fail "$prog@$n: restored run exits $got, straight run $want_status"
        [ "$(end_instret "$d/r$n.json")" = "$want_instret" ] ||
            fail "$prog@$n: restored run ends at instret $(end_instret "$d/r$n.json"), straight run $want_instret"
    done
}

equiv console 1 5 20 40 60
equiv paging 0 100 250 400 570
equiv int_alu.v 1 300 690
equiv int_loadstore.v 50 200 400
equiv interrupts 10 150 300

# Incremental: the last snapshot of int_alu.v's chain names its ancestors and stores fewer pages
# than the first, standalone one (after its set-up the test writes no memory).
d=$work/int_alu.v
first=$(name "$d/s" 1) last=$(name "$d/s" 690)
grep -q "checkpoint_path: (\"$(basename "$(name s 300)")\"" "$last/config" ||
    fail "the last snapshot of the chain does not build on the one before it"
pages() { "$snapsim" snapshot info "$1" | sed -n 's/^  \[0\] [^:]*: \([0-9]*\) pages stored.*/\1/p'; }
[ "$(pages "$last")" -lt "$(pages "$first")" ] ||
    fail "an incremental snapshot stores $(pages "$last") pages, the standalone one $(pages "$first")"

# Two paths to the same point: straight to 400, and restored at 200 then on to 400 (a program
# that stores to memory between them).
d=$work/int_loadstore.v
mkdir "$work/path"
run --machine bare --restore "$(name "$d/s" 200)" --snapshots 400 --config mainmem:filename:"$work/path/p" \
    >/dev/null || fail "a restored run could not take a snapshot"
"$snapsim" snapshot diff --ignore-informational "$(name "$d/s" 400)" "$(name "$work/path/p" 400)" >"$work/diff" ||
    fail "snapshots at 400 by two paths differ: $(head -n 3 "$work/diff")"
# A restored run's snapshot in another directory is standalone, and merge flattens a chain.
"$snapsim" snapshot merge "$last" "$work/merged.snapshot" || fail "merge of a system-mode chain failed"
"$snapsim" snapshot diff "$last" "$work/merged.snapshot" >/dev/null || fail "the merged snapshot differs"
run --machine bare --restore "$work/merged.snapshot" --config stats:output_filename:"$work/merged.json" >/dev/null &&
    [ "$(end_instret "$work/merged.json")" = "$(end_instret "$work/int_alu.v/straight.json")" ] ||
    fail "the merged snapshot runs differently"
# diff sees RAM: two points of a program storing between them differ in pages.
"$snapsim" snapshot diff --ignore-informational "$(name "$d/s" 200)" "$(name "$d/s" 400)" >"$work/diff2"
[ $? -eq 1 ] && grep -qi page "$work/diff2" || fail "diff finds no page difference: $(head -n 3 "$work/diff2")"

# hostile NAME PATTERN EDIT...: a copy of the paging snapshot at 250 edited by the command;
# verify and restore both refuse it with one line matching PATTERN.
base=$(name "$work/paging/s" 250)
hostile() {
    what=$1 pattern=$2
    shift 2
    s=$work/$what.snapshot
    rm -rf "$s"
    cp -a "$(merge_once)" "$s"
    (cd "$s" && "$@") || { fail "$what: cannot prepare"; return; }
    "$snapsim" snapshot verify "$s" >"$work/v.out" 2>&1 && fail "$what: verify accepts it"
    grep -q "$pattern" "$work/v.out" || fail "$what: verify says: $(cat "$work/v.out")"
    run --machine bare --restore "$s" >/dev/null 2>"$work/r.err" && fail "$what: restore accepts it"
    { [ "$(wc -l <"$work/r.err")" -eq 1 ] && grep -q "$pattern" "$work/r.err"; } ||
        fail "$what: restore says: $(cat "$work/r.err")"
}
# Standalone, so that a copy needs no ancestors.
merge_once() {
    [ -d "$work/paging250.snapshot" ] || "$snapsim" snapshot merge "$base" "$work/paging250.snapshot"
    echo "$work/paging250.snapshot"
}
edit() { VALUE=$2 perl -0pi -e "s/$1/\$ENV{VALUE}/" config; }
run --clear-env --snapshots 100 --config mainmem:filename:"$work/user" -- "$guest/sum" 1 2 >/dev/null ||
    fail "cannot take a user-mode snapshot"
user=$(name "$work/user" 100)

hostile user_hart "privileged state" edit 'priv: \{[^}]*\}' 'priv: NIL'
hostile mode2 "privilege mode 2" edit '"mode": 0x[0-9a-f]*' '"mode": 0x2'
hostile outside_ram "outside RAM" cp "$user/mem0.pages" mem0.pages
hostile no_htif "htif" perl -0pi -e 's/OBJECT htif TYPE htif \{[^}]*\}//' config
hostile tohost_outside "tohost 0x10 is not in RAM" edit 'tohost: 0x[0-9a-f]*' 'tohost: 0x10'
hostile ram_size "RAM size" edit 'size: 0x10000000' 'size: 0x1234'
hostile ram_base "object \(ram\|htif\)" edit 'base: 0x80000000' 'base: 0x90000000'
# A flipped byte in a page frame: the page's checksum.
hostile page_bytes "mem0.pages" perl -e 'open my $f, "+<", "mem0.pages" or die; seek $f, 40, 0;
    read $f, my $b, 1; seek $f, 40, 0; print $f chr(ord($b) ^ 0xff); close $f'
# A snapshot of the other kind of machine, and another RAM size than the machine's.
run --restore "$base" >/dev/null 2>"$work/e1" && fail "a system-mode snapshot restored as a Linux process"
grep -q "restore it with --machine bare" "$work/e1" || fail "kind mismatch: $(cat "$work/e1")"
run --machine bare --restore "$user" >/dev/null 2>"$work/e2" && fail "a Linux-process snapshot restored on the bare machine"
grep -q "restore it without --machine" "$work/e2" || fail "kind mismatch: $(cat "$work/e2")"
run --machine bare --config system:ram_size:0x8000000 --restore "$base" >/dev/null 2>"$work/e3" &&
    fail "a snapshot restored into a machine with less RAM"
grep -q "set system:ram_size" "$work/e3" || fail "RAM size mismatch: $(cat "$work/e3")"
# The bare machine has no disks: it has no persistent state to save.
"$snapsim" snapshot save-persistent "$base" "$work/persistent" 2>"$work/e4"
[ $? -eq 1 ] && [ "$(wc -l <"$work/e4")" -eq 1 ] && grep -q "no disk image" "$work/e4" && [ ! -e "$work/persistent" ] ||
    fail "save-persistent of a machine without disks: $(cat "$work/e4")"
"$snapsim" snapshot verify --image-path "$work" "$base" >/dev/null || fail "verify --image-path DIR refuses a sound snapshot"
"$snapsim" snapshot verify "$base" --image-path 2>"$work/e5"
[ $? -eq 2 ] && grep -q "needs a directory" "$work/e5" || fail "--image-path without a directory: $(cat "$work/e5")"
exit $status
