#!/usr/bin/env bash
# Hostile snapshots: hand-edited copies of a valid snapshot must make `snapsim run --restore`
# fail with a one-line error and a non-zero status below 128 (no crash), quickly, without
# reading or writing host files outside the allowed directories.
#
#   hostile.sh SNAPSIM GUEST_DIR WORK_BASE
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
snapsim="$1" guest="$2" work_base="$3"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/hostile.XXXXXX")"
trap 'rm -rf "$work"' EXIT
ulimit -c 0
fail=0
mkdir -p "$work/cwd" "$work/snaps"
(cd "$work/cwd" && "$snapsim" run --clear-env --snapshots 900 --config mainmem:filename:"$work/snaps/base" \
    -- "$guest/sum" 1 2 3 > /dev/null) || { echo "FAIL: cannot take the base snapshot"; exit 1; }
base="$work/snaps/base.$(printf %015d 900).snapshot"
# A file outside the snapshot's tree and the working directory that nothing may touch, and a
# file of the user's in the working directory that no refused restore may change.
mkdir -p "$work/outside"; echo secret > "$work/outside/secret"
echo mine > "$work/cwd/keep"

# case NAME PERL-EDIT-OF-CONFIG [SHELL-COMMAND-IN-SNAPSHOT-DIR [EXTRA-RUN-OPTION]]
case_() {
    local name="$1" edit="$2" extra="${3:-}" opt="${4:-}"
    local s="$work/snaps/$name.snapshot"
    cp -a "$base" "$s"
    [ -n "$edit" ] && perl -0pi -e "$edit" "$s/config"
    [ -n "$extra" ] && (cd "$s" && eval "$extra")
    local before; before=$(cat "$work/outside/secret" "$work/cwd/keep" | cksum)
    (cd "$work/cwd" && timeout -k 2 "$(hang_guard 120)" "$snapsim" run $opt --restore "$s" > "$work/out" 2> "$work/err")
    local st=$?
    local lines; lines=$(grep -vc "(--force-restore)$" "$work/err")
    if [ "$st" = 0 ] || [ "$st" -ge 124 ] || [ "$lines" != 1 ]; then
        echo "FAIL $name: status $st, $lines lines of error:"; head -5 "$work/err"; fail=1
    elif [ "$(cat "$work/outside/secret" "$work/cwd/keep" 2>/dev/null | cksum)" != "$before" ] ||
         [ -e "$work/cwd/hl" ]; then
        echo "FAIL $name: a host file changed (outside the allowed directories, or before the refusal)"; fail=1
    else
        echo "ok   $name: $(cat "$work/err")"
    fi
    # Host-dependent refusals (paths) are not defects of the snapshot itself.
    if [ "$name" != outside_cwd ] && [ "$name" != outside_fd ] &&
       [ "${name#fs_outside}" = "$name" ] && [ "$name" != fs_symlink_escape ] && [ "$name" != link_source_escape ] &&
       timeout -k 2 "$(hang_guard 120)" "$snapsim" snapshot verify "$s" > /dev/null 2>&1; then
        echo "FAIL $name: snapshot verify accepted it"; fail=1
    fi
    # The other commands must not crash or hang on it either.
    local cmd
    for cmd in info verify; do
        timeout -k 2 "$(hang_guard 120)" "$snapsim" snapshot $cmd "$s" > /dev/null 2>&1
        st=$?
        if [ "$st" -ge 124 ]; then echo "FAIL $name: snapshot $cmd: status $st"; fail=1; fi
    done
    rm -rf "$s" "$work/cwd/keep"; rm -f "$work/cwd/hl"; echo mine > "$work/cwd/keep"
}

case_ syntax 's/pc: 0x[0-9a-f]+/pc: (0x1/'
case_ version 's/#SNAPSIM-CHECKPOINT [0-9]+/#SNAPSIM-CHECKPOINT 99/'
case_ unknown_class 's/TYPE rv64-hart/TYPE rv128-hart/'
case_ unknown_attr 's/(pc: 0x[0-9a-f]+)/$1\n    bogus: 1/'
case_ wrong_type 's/pc: 0x[0-9a-f]+/pc: "main"/'
case_ pc_beyond 's/pc: 0x[0-9a-f]+/pc: 0x4000000000/'
case_ x0_nonzero 's/x: \(0x0,/x: (0x5,/'
case_ short_x 's/x: \(0x0, /x: (/'
case_ missing_attr 's/\n    instret: 0x[0-9a-f]+//'
case_ regions_overlap 's/regions: \(\(0x10000, 0x[0-9a-f]+,/regions: ((0x10000, 0x3fff800000,/'
case_ region_unaligned 's/regions: \(\(0x10000,/regions: ((0x10010,/'
case_ region_beyond 's/regions: \(/regions: ((0x4000000000, 0x4000001000, "rw-", "x"), /'
case_ region_perm 's/"r-x"/"rwz"/'
case_ too_many_regions 's{regions: \(}{"regions: (" . ("(0x1000, 0x2000, \"rw-\", \"a\"), " x 262145)}e'
case_ capacity 's/capacity: 0x[0-9a-f]+/capacity: 0xffffffffffffffff/'
case_ capacity_small 's/capacity: 0x[0-9a-f]+/capacity: 0x100000/'
case_ fd_range 's/fds: \(\(0,/fds: ((5000,/'
case_ fd_order 's/fds: \(\(0, ("[^"]*", 0x0, FALSE, 0, -?\d+, -1)\)/fds: ((3, $1), (1, $1)/'
case_ rlimit_order 's/rlimits: \(\(0x[0-9a-f]+, 0x[0-9a-f]+\)/rlimits: ((0x10, 0x1)/'
case_ signal_range 's/sigactions: \(\)/sigactions: ((65, 0x1, 0x0, 0x0))/'
case_ huge_raw 's/files: \(\)/files: (("\/tmp\/x", "file", 0x10, 0x0, 0x0, [R 0xffffffffffff "%0%\/raw" 0]))/'
case_ page_file_truncated '' 'truncate -s -10 mem0.pages'
case_ page_file_corrupt '' 'printf "\xff\xff\xff\xff" | dd of=mem0.pages bs=1 seek=40 conv=notrunc 2>/dev/null'
case_ page_file_empty '' ': > mem0.pages'
case_ config_missing '' 'rm config'
case_ bad_reference 's/"%0%\/mem0.pages"/"%2%\/mem0.pages"/'
case_ dotdot_reference 's/"%0%\/mem0.pages"/"%0%\/..\/..\/outside\/secret"/'
case_ absolute_reference "s{\"%0%/mem0.pages\"}{\"$work/outside/secret\"}"
case_ dotdot_ancestor 's/checkpoint_path: \(\)/checkpoint_path: ("..\/outside")/'
case_ absolute_ancestor "s{checkpoint_path: \\(\\)}{checkpoint_path: (\"$work/outside\")}"
case_ missing_ancestor 's/checkpoint_path: \(\)/checkpoint_path: ("gone.snapshot")/; s/files: \("%0%\/mem0.pages"\)/files: ("%0%\/mem0.pages", "%1%\/mem0.pages")/'
case_ symlink_pages '' "rm mem0.pages && ln -s $work/outside/secret mem0.pages"
case_ fs_dotdot 's{fs_changes: \(\)}{fs_changes: (("/tmp/../etc/x", "absent", 0x0, -1, 0x0, 0x0, NIL))}'
case_ fs_same_as_forward 's{fs_changes: \(\)}{fs_changes: (("/tmp/a", "file", 0x1a4, 1, 0x0, 0x0, NIL), ("/tmp/b", "file", 0x1a4, -1, 0x0, 0x0, NIL))}'
case_ fs_content_length 's{fs_changes: \(\)}{fs_changes: (("/tmp/a", "file", 0x1a4, -1, 0x10, 0x0, [R 0x4 "%0%/config" 0x0]))}'
case_ fs_dir_content 's{fs_changes: \(\)}{fs_changes: (("/tmp/a", "dir", 0x1ed, -1, 0x0, 0x0, "x"))}'
case_ fs_outside_remove "s{fs_changes: \\(\\)}{fs_changes: ((\"$work/outside/secret\", \"absent\", 0x0, -1, 0x0, 0x0, NIL))}"
case_ fs_outside_write "s{fs_changes: \\(\\)}{fs_changes: ((\"$work/outside/secret\", \"file\", 0x1a4, -1, 0x4, 0x0, [R 0x4 \"%0%/config\" 0x0]))}"
case_ fs_symlink_escape "s{fs_changes: \\(\\)}{fs_changes: ((\"$work/cwd/esc\", \"symlink\", 0x0, -1, 0x0, 0x0, \"$work/outside\"), (\"$work/cwd/esc/secret\", \"absent\", 0x0, -1, 0x0, 0x0, NIL))}"
case_ outside_cwd "s{cwd: \"[^\"]*\"}{cwd: \"$work/outside\"}"
case_ outside_fd "s{files: \\(\\)}{files: ((\"$work/outside/secret\", \"file\", 0x7, 0x0, 0x0, [R 0x7 \"%0%/config\" 0x0]))}; s{fds: \\((.*?)\\)\\n}{fds: (\\1, (3, \"$work/outside/secret\", 0x2, FALSE, -1, 0, -1))\\n}"
case_ pipe_fd 's/fds: \((.*?)\)\n/fds: ($1, (7, "pipe:[0]", 0x0, FALSE, -1, -1, -1))\n/'
# Findings of a mutation campaign: each was accepted (or hung, or escaped) before its fix.
W="$work"
case_ stdio_shared_escape "s{files: \\(\\)}{files: ((\"$W/outside/secret\", \"stdio\", 0x0, 0x0, 0x0, NIL))}; s{shared: \\(\\)}{shared: ((0x10000, 0x1000, 0x0, TRUE, \"$W/outside/secret\"))}"
case_ link_source_escape "s{fs_changes: \\(\\)}{fs_changes: ((\"$W/cwd/d/secret\", \"file\", 0x1a4, -1, 0x7, 0x0, NIL), (\"$W/cwd/d\", \"symlink\", 0x0, -1, 0x0, 0x0, \"$W/outside\"), (\"$W/cwd/hl\", \"file\", 0x1a4, 0, 0x0, 0x0, NIL))}" '' --force-restore
case_ content_hash "s{files: \\(\\)}{files: ((\"$W/cwd/keep\", \"file\", 0x4, 0x0, 0x1234, [R 0x4 \"%0%/raw\" 0x0]))}" 'printf evil > raw'
case_ fs_content_hash "s{fs_changes: \\(\\)}{fs_changes: ((\"$W/cwd/keep\", \"file\", 0x1a4, -1, 0x4, 0x1234, [R 0x4 \"%0%/raw\" 0x0]))}" 'printf evil > raw'
case_ raw_not_own 's{files: \(\)}{files: (("/tmp/x", "file", 0x4, 0x0, 0x0, [R 0x4 "%0%/mem0.pages" 0x0]))}'
case_ kind_conflict "s{files: \\(\\)}{files: ((\"$W/cwd/keep\", \"file\", 0x5, 0x0, 0x0, NIL))}; s{fs_changes: \\(\\)}{fs_changes: ((\"$W/cwd/keep\", \"dir\", 0x1ed, -1, 0x0, 0x0, NIL))}"
case_ brk_below 's/brk: 0x[0-9a-f]+\n/brk: 0x1000\n/'
case_ fd_not_described "s{fds: \\((.*?)\\)\\n}{fds: (\\1, (3, \"$W/cwd/keep\", 0x0, FALSE, -1, 0, -1))\\n}"
case_ shared_not_described "s{shared: \\(\\)}{shared: ((0x10000, 0x1000, 0x0, FALSE, \"$W/cwd/keep\"))}"
case_ page_files_beyond_chain 's{"%0%/mem0.pages"\)}{"%0%/mem0.pages", "mem0.pages")}'
case_ fifo_config '' 'rm config && mkfifo config'
case_ fifo_pages '' 'rm mem0.pages && mkfifo mem0.pages'
case_ symlink_config '' 'mv config config.real && ln -s config.real config'
case_ symlink_dir_pages 's{"%0%/mem0.pages"}{"%0%/e/mem0.pages"}' 'mkdir d && mv mem0.pages d/ && ln -s d e'
# Values restore refused only while reopening fds, after verify had accepted them.
keep_file="(\"$W/cwd/keep\", \"file\", 0x5, 0x0, 0x0, NIL)"
case_ fd_offset_huge "s{files: \\(\\)}{files: ($keep_file)}; s{fds: \\((.*?)\\)\\n}{fds: (\\1, (3, \"$W/cwd/keep\", 0x0, FALSE, -1, 0x7fffffffffffffff, -1))\\n}"
case_ fd_dup_not_open "s{files: \\(\\)}{files: ($keep_file)}; s{fds: \\((.*?)\\)\\n}{fds: (\\1, (5, \"$W/cwd/keep\", 0x0, FALSE, -1, 0, 4))\\n}"
case_ device_unsafe 's{files: \(\)}{files: (("/dev/tty", "device", 0x0, 0x0, 0x0, NIL))}; s{fds: \((.*?)\)\n}{fds: ($1, (3, "/dev/tty", 0x2, FALSE, -1, -1, -1))\n}'
case_ kind_other 's{files: \(\)}{files: (("/tmp/sock", "other", 0x0, 0x0, 0x0, NIL))}'
[ "$fail" = 0 ] && echo "PASS hostile snapshots"
exit $fail
