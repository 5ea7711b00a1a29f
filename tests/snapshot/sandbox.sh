#!/usr/bin/env bash
# The kernel sandbox: a restored guest (and a --sandbox run) may change host files only inside
# the allowed directories.  The guest (escape.c) tries to change the mode and times of a file
# outside, remove it and create another; every attempt must fail with EACCES and the files must
# stay as they were, while a file inside the working directory is created and its mode set.  --no-sandbox shows that the same snapshot does change them.
#
#   sandbox.sh SNAPSIM ESCAPE_PROGRAM WORK_BASE
set -u
snapsim="$1" escape="$2" work_base="$3"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/sandbox.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail=0
mkdir -p "$work/cwd" "$work/snaps" "$work/outside"
out="$work/outside"
echo keep > "$out/victim"; chmod 644 "$out/victim"
victim_meta() { stat -c '%a %Y' "$out/victim"; }
meta_before=$(victim_meta)
args=("$out/victim" "$out/new" "$work/cwd/inside")
# The snapshot at instruction 1 is taken before the program did anything; the run then stops.
(cd "$work/cwd" && "$snapsim" run --clear-env --snapshots 1 --max-instructions 2 \
    --config mainmem:filename:"$work/snaps/s" -- "$escape" "${args[@]}" > /dev/null 2>&1)
snap="$work/snaps/s.$(printf %015d 1).snapshot"
[ -d "$snap" ] || { echo "FAIL: no snapshot taken"; exit 1; }

expect_confined() {   # NAME OUTPUT-FILE STATUS
    local name="$1" output="$2" st="$3"
    local want="chmod $out/victim: Permission denied
utimensat $out/victim: Permission denied
fchmod $out/victim: Permission denied
unlink $out/victim: Permission denied
create $out/new: Permission denied
create $work/cwd/inside: done
chmod $work/cwd/inside: done"
    if [ "$st" != 0 ] || [ "$(cat "$output")" != "$want" ]; then
        echo "FAIL $name: status $st, guest saw:"; cat "$output"; fail=1
    elif [ "$(cat "$out/victim" 2>/dev/null)" != keep ] || [ "$(victim_meta)" != "$meta_before" ] ||
         [ -e "$out/new" ] || [ ! -e "$work/cwd/inside" ]; then
        echo "FAIL $name: host files outside changed (or the inside file is missing)"; fail=1
    else
        echo "ok   $name: the guest got EACCES outside, wrote inside"
    fi
    rm -f "$work/cwd/inside"
}

(cd "$work/cwd" && "$snapsim" run --restore "$snap" > "$work/out" 2> "$work/err")
expect_confined restore "$work/out" $?
(cd "$work/cwd" && "$snapsim" run --sandbox --clear-env -- "$escape" "${args[@]}" > "$work/out" 2> "$work/err")
expect_confined sandbox_run "$work/out" $?
# --sandbox-allow widens the set explicitly.
(cd "$work/cwd" && "$snapsim" run --restore "$snap" --sandbox-allow "$out" > "$work/out" 2> "$work/err")
if [ -e "$out/victim" ] || [ ! -e "$out/new" ]; then
    echo "FAIL sandbox_allow: the widened directory was not writable"; cat "$work/out"; fail=1
else
    echo "ok   sandbox_allow: writes below --sandbox-allow DIR are allowed"
fi
# The same snapshot without the sandbox does reach outside: the checks above can fail.
echo keep > "$out/victim"; rm -f "$out/new"
(cd "$work/cwd" && "$snapsim" run --no-sandbox --restore "$snap" > "$work/out" 2> "$work/err")
if [ -e "$out/victim" ]; then
    echo "FAIL no_sandbox: expected the unconfined guest to remove the file"; cat "$work/out"; fail=1
else
    echo "ok   no_sandbox: unconfined, the guest removes the file"
fi
[ "$fail" = 0 ] && echo "PASS sandbox"
exit $fail
