#!/usr/bin/env bash
# Restore equivalence: snapshots of one guest program at several points, each restored into
# every model, must continue exactly as the uninterrupted run: standard output (what the
# capturing run had written before the point + what the restored run writes = the expected
# output), exit status, and the files left in the working directory.
#
#   restore_equiv.sh SNAPSIM GUEST_BINARY EXPECT_DIR WORK_BASE [POINT...]
#
# POINTs are instruction counts or percentages of the whole run ("50%"); "last" is the count
# just before the final instruction.  Default: 1 50% last.  NAME.args/.stdin/.env are used as
# tests/run_guest.sh uses them.
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
snapsim="$1" prog="$2" expect_dir="$3" work_base="$4"
shift 4
points=("$@")
[ ${#points[@]} -gt 0 ] || points=(1 50% last)
name="$(basename "$prog")"
base="$expect_dir/$name"
fail=0
die() { echo "FAIL $name: $*"; exit 1; }

args=()
[ -f "$base.args" ] && read -r -a args < "$base.args"
envs=()
if [ -f "$base.env" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in ''|'#'*) continue ;; esac
        envs+=(-E "$line")
    done < "$base.env"
fi
stdin_file=/dev/null
[ -f "$base.stdin" ] && stdin_file="$base.stdin"
expected_status=0
[ -f "$base.status" ] && expected_status="$(tr -d '[:space:]' < "$base.status")"

mkdir -p "$work_base"
work="$(mktemp -d "$work_base/$name.XXXXXX")"
trap 'rm -rf "$work"' EXIT
ulimit -c 0

# Runs snapsim in $work/cwd (a fresh directory with an empty scratch/), stdout to $1.
fresh_cwd() { rm -rf "$work/cwd"; mkdir -p "$work/cwd/scratch"; }
sim() {
    local out="$1"; shift
    ( cd "$work/cwd" && timeout -k 5 "$(hang_guard 600)" "$snapsim" "$@" < "$stdin_file" > "$out" 2> "$out.err"; echo $? > "$out.status" )
    cat "$out.status"
}
tree_state() { (cd "$work/cwd" && find . -mindepth 1 | sort | while read -r f; do
    if [ -f "$f" ] && [ ! -L "$f" ]; then echo "$f $(cksum < "$f")"; else echo "$f"; fi; done); }

# The uninterrupted run: its instruction count places the points.
fresh_cwd
status=$(sim "$work/full.out" run --clear-env ${envs[@]+"${envs[@]}"} \
         --config stats:output_filename:"$work/full.json" -- "$prog" ${args[@]+"${args[@]}"})
[ "$status" = "$expected_status" ] || die "straight run: status $status, expected $expected_status"
full_state="$(tree_state)"
total=$(grep -o '"instructions":[[:space:]]*[0-9]*' "$work/full.json" | head -1 | grep -o '[0-9]*$')
[ -n "$total" ] && [ "$total" -gt 2 ] || die "cannot read the instruction count"

models=$("$snapsim" models | awk '{print $1}')
[ -n "$models" ] || die "no models"

for p in "${points[@]}"; do
    case "$p" in
        last) n=$((total - 1)) ;;
        *%) n=$((total * ${p%\%} / 100)); [ "$n" -ge 1 ] || n=1 ;;
        *) n="$p" ;;
    esac
    snap="$work/snaps/s.$(printf %015d "$n").snapshot"
    fresh_cwd
    status=$(sim "$work/prefix.out" run --clear-env ${envs[@]+"${envs[@]}"} --max-instructions "$n" \
             --snapshots "$n" --config mainmem:filename:"$work/snaps/s" -- "$prog" ${args[@]+"${args[@]}"})
    if [ ! -d "$snap" ]; then
        echo "FAIL $name@$n: no snapshot written (status $status)"; head -3 "$work/prefix.out.err"; fail=1; continue
    fi
    # The directory is now as it was at the snapshot point; keep it for every model.
    rm -rf "$work/cwd-at-point"; cp -a "$work/cwd" "$work/cwd-at-point"
    for model in $models; do
        rm -rf "$work/cwd"; cp -a "$work/cwd-at-point" "$work/cwd"
        status=$(sim "$work/rest.out" run --model "$model" --restore "$snap")
        cat "$work/prefix.out" "$work/rest.out" > "$work/joined.out"
        if [ "$status" != "$expected_status" ]; then
            echo "FAIL $name@$n ($model): status $status, expected $expected_status"; head -3 "$work/rest.out.err"; fail=1
        elif ! cmp -s "$work/full.out" "$work/joined.out"; then
            echo "FAIL $name@$n ($model): output differs"; diff "$work/full.out" "$work/joined.out" | head -10; fail=1
        elif [ "$(tree_state)" != "$full_state" ]; then
            echo "FAIL $name@$n ($model): files differ"; diff <(echo "$full_state") <(tree_state) | head -10; fail=1
        fi
    done
    rm -rf "$work/snaps"
done
[ "$fail" = 0 ] && echo "PASS $name: points ${points[*]} (of $total), models $(echo $models)"
exit $fail
