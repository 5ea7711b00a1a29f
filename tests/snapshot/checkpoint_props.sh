#!/usr/bin/env bash
# Properties of snapshots beyond plain restore equivalence:
#   tester   restore at N1, run to N2 and snapshot == the snapshot at N2 of a straight run,
#            attribute for attribute and page for page (snapshot diff), for every model
#   chain    incremental chain, its merge and --independent-snapshots restore identically and
#            have no differences; a missing ancestor is named in the error
#   files    a file the guest had open is given back its content at the snapshot point
#   fs       what the guest had written, closed, linked, renamed or removed by the snapshot
#            point is brought back, whether the restore starts from an empty directory or from
#            the directory as an earlier point left it
#
#   checkpoint_props.sh SNAPSIM GUEST_DIR WORK_BASE tester|chain|files|fs
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
snapsim="$1" guest="$2" work_base="$3" what="$4"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/props.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail=0
bad() { echo "FAIL $what: $*"; fail=1; }
run() { (cd "$work/cwd" && timeout -k 5 "$(hang_guard 600)" "$snapsim" "$@" < /dev/null); }
mkdir -p "$work/cwd/scratch"
models=$("$snapsim" models | awk '{print $1}')

case "$what" in
tester)
    # malloc_heavy: heap growth and frees between the two points; cpu_kernel: mostly registers.
    for prog in malloc_heavy cpu_kernel; do
        n1=200000 n2=700000
        run run --clear-env --snapshots $n1 $n2 --max-instructions $n2 \
            --config mainmem:filename:"$work/a/$prog" -- "$guest/$prog" > /dev/null 2>&1
        a1="$work/a/$prog.$(printf %015d $n1).snapshot" a2="$work/a/$prog.$(printf %015d $n2).snapshot"
        [ -d "$a2" ] || { bad "$prog: straight snapshots missing"; continue; }
        for model in $models; do
            rm -rf "$work/b"
            run run --model "$model" --restore "$a1" --snapshots $n2 --max-instructions $n2 \
                --config mainmem:filename:"$work/b/$prog" > /dev/null 2>&1
            b2="$work/b/$prog.$(printf %015d $n2).snapshot"
            if [ ! -d "$b2" ]; then bad "$prog ($model): no snapshot after restore"; continue; fi
            if ! "$snapsim" snapshot diff --ignore-informational "$a2" "$b2" > "$work/diff"; then
                bad "$prog ($model): restored-then-run snapshot differs from the straight one"; head "$work/diff"
            fi
        done
    done
    ;;
chain)
    prog=malloc_heavy pts="100000 400000 800000 1600000"
    run run --clear-env --snapshots $pts --config mainmem:filename:"$work/inc/s" -- "$guest/$prog" > "$work/full.out"
    run run --clear-env --snapshots $pts --independent-snapshots --config mainmem:filename:"$work/ind/s" \
        -- "$guest/$prog" > /dev/null
    last="s.$(printf %015d 1600000).snapshot"
    grep -q '%3%/mem0.pages' "$work/inc/$last/config" || bad "the last incremental snapshot is not a chain of 4"
    grep -q '%1%' "$work/ind/$last/config" && bad "--independent-snapshots wrote a chain"
    "$snapsim" snapshot verify "$work"/inc/*.snapshot > /dev/null || bad "verify failed on the chain"
    "$snapsim" snapshot merge "$work/inc/$last" "$work/merged.snapshot" || bad "merge failed"
    "$snapsim" snapshot merge "$work/inc/$last" "$work/merged.snapshot" 2> /dev/null && bad "merge overwrote a snapshot"
    for s in "$work/ind/$last" "$work/merged.snapshot"; do
        "$snapsim" snapshot diff --ignore-informational "$work/inc/$last" "$s" > "$work/diff" || { bad "differs from the chain: $s"; head "$work/diff"; }
    done
    # The incremental file holds only what changed: much smaller than the standalone one.
    inc_size=$(stat -c %s "$work/inc/$last/mem0.pages") ind_size=$(stat -c %s "$work/ind/$last/mem0.pages")
    [ "$inc_size" -lt "$ind_size" ] || bad "incremental page file ($inc_size) not smaller than standalone ($ind_size)"
    for s in "$work/inc/$last" "$work/ind/$last" "$work/merged.snapshot"; do
        run run --restore "$s" > "$work/r.out" || bad "restore of $s failed"
        cmp -s "$work/r.out" "$work/full.out" || bad "restore of $s printed something else"
    done
    mv "$work/inc/s.$(printf %015d 400000).snapshot" "$work/moved"
    msg=$(run run --restore "$work/inc/$last" 2>&1 >/dev/null)
    case "$msg" in *"s.$(printf %015d 400000).snapshot"*) ;; *) bad "missing ancestor not named: $msg" ;; esac
    "$snapsim" snapshot verify "$work/inc/$last" > /dev/null 2>&1 && bad "verify passed with a missing ancestor"
    ;;
files)
    # At 20000 file_io has scratch/alpha.txt open read-write; its content must come back.
    run run --clear-env --snapshots 20000 --max-instructions 20000 --config mainmem:filename:"$work/s" \
        -- "$guest/file_io" scratch > "$work/prefix.out"
    run run --clear-env -- "$guest/file_io" scratch > "$work/full.out"
    snap="$work/s.$(printf %015d 20000).snapshot"
    grep -q 'alpha.txt' "$snap/config" || bad "alpha.txt not recorded"
    rm -rf "$work/cwd/scratch"; mkdir -p "$work/cwd/scratch"; echo garbage > "$work/cwd/scratch/alpha.txt"
    # The user's change is never lost: refused (naming the file and the option) without
    # --replace-changed DIR, moved into DIR with it.
    run run --restore "$snap" > /dev/null 2> "$work/rest.err" && bad "restore replaced a changed file without --replace-changed"
    grep -q 'alpha.txt changed since the snapshot; --replace-changed' "$work/rest.err" || bad "refusal does not name the file: $(head -2 "$work/rest.err")"
    [ "$(cat "$work/cwd/scratch/alpha.txt")" = garbage ] || bad "the refused restore changed alpha.txt"
    mkdir -p "$work/kept"
    run run --restore "$snap" --replace-changed "$work/kept" > "$work/rest.out" 2> "$work/rest.err" || bad "restore failed: $(head -2 "$work/rest.err")"
    [ "$(cat "$work/kept/$(echo "${work#/}/cwd/scratch/alpha.txt" | tr / %)" 2>/dev/null)" = garbage ] || bad "the replaced alpha.txt was not kept"
    cat "$work/prefix.out" "$work/rest.out" | cmp -s - "$work/full.out" || bad "output differs after restoring alpha.txt"
    ;;
fs)
    tree() { (cd "$work/cwd" && find . -mindepth 1 | sort | while read -r f; do
        if [ -f "$f" ] && [ ! -L "$f" ]; then echo "$f $(stat -c %a "$f") $(cksum < "$f")"; else echo "$f"; fi
    done); }
    # Runs file_io from a fresh directory up to instruction $1 (0: to the end), output to $2.
    run_to() {
        rm -rf "$work/cwd"; mkdir -p "$work/cwd/scratch"
        local limit=(); [ "$1" != 0 ] && limit=(--snapshots "$1" --max-instructions "$1")
        run run --clear-env ${limit[@]+"${limit[@]}"} --config mainmem:filename:"$work/snaps/s" \
            stats:output_filename:"$work/stats.json" -- "$guest/file_io" scratch > "$2"
    }
    run_to 0 "$work/full.out"
    full_tree=$(tree)
    total=$(grep -o '"instructions":[[:space:]]*[0-9]*' "$work/stats.json" | head -1 | grep -o '[0-9]*$')
    early=$((total * 30 / 100))
    for pct in 45 60 75 90; do
        n=$((total * pct / 100))
        rm -rf "$work/snaps"
        run_to "$n" "$work/prefix.out"
        snap="$work/snaps/s.$(printf %015d "$n").snapshot"
        grep -q 'fs_changes: (("' "$snap/config" || bad "$pct%: no file-system changes recorded"
        for start in empty early; do
            if [ "$start" = empty ]; then rm -rf "$work/cwd"; mkdir -p "$work/cwd/scratch"
            else run_to "$early" /dev/null; fi
            rm -rf "$work/kept"; mkdir -p "$work/kept"
            run run --restore "$snap" --replace-changed "$work/kept" > "$work/rest.out" 2> "$work/rest.err" ||
                { bad "$pct% from $start: restore failed: $(head -2 "$work/rest.err")"; continue; }
            cat "$work/prefix.out" "$work/rest.out" | cmp -s - "$work/full.out" ||
                { bad "$pct% from $start: output differs"; cat "$work/prefix.out" "$work/rest.out" | diff - "$work/full.out" | head -5; }
            [ "$(tree)" = "$full_tree" ] || bad "$pct% from $start: files left differ from the straight run's"
        done
    done
    ;;
*) echo "unknown test $what"; exit 2 ;;
esac
[ "$fail" = 0 ] && echo "PASS $what"
exit $fail
