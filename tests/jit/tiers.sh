#!/usr/bin/env bash
# The fast model's two tiers must be indistinguishable: one guest program run interpreted only
# (fast:translate:off), with every block translated (always) and with blocks translated after
# two runs (on, fast:hot_threshold:2, so that the tiers alternate) must give the same output,
# exit status and statistics (per-op counts included); snapshots taken at the same instruction
# counts by the interpreter and by the translator must not differ (`snapshot diff`); and a
# snapshot taken by either tier must continue under the other exactly as the straight run.
#
#   tiers.sh SNAPSIM GUEST_BINARY EXPECT_DIR WORK_BASE [cpu-only]
#
# cpu-only compares only the processor state of the snapshots, for programs that create host
# files: what fstat reports about them (inode, times) differs between two runs and lands in
# guest memory and in the snapshot's file records.
#
# NAME.args/.stdin/.env/.status beside the program's expectations are used as
# tests/run_guest.sh uses them.  KEEP=1 keeps the work directory.
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
snapsim="$1" prog="$2" expect_dir="$3" work_base="$4" compare="${5:-all}"
name="$(basename "$prog")"
abspath() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
snapsim="$(abspath "$snapsim")" prog="$(abspath "$prog")" expect_dir="$(cd "$expect_dir" && pwd)"
base="$expect_dir/$name"
fail=0
die() { echo "FAIL $name: $*"; exit 1; }
[ -x "$prog" ] || die "program $prog not built"

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

mkdir -p "$work_base"
work="$(mktemp -d "$work_base/$name.XXXXXX")"
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
ulimit -c 0

declare -A tier_opts=(
    [off]="--config fast:translate:off"
    [always]="--config fast:translate:always"
    [mixed]="--config fast:translate:on --config fast:hot_threshold:2"
)

# sim OUT ARGS...: runs snapsim in a fresh $work/cwd, stdout/stderr/status to OUT*;
# OUT=/dev/null discards all three.
sim() {
    local out="$1" err="$1.err" status="$1.status"; shift
    [ "$out" = /dev/null ] && err=/dev/null status=/dev/null
    rm -rf "$work/cwd"; mkdir -p "$work/cwd/scratch"
    ( cd "$work/cwd" && timeout -k 5 "$(hang_guard 300)" "$snapsim" "$@" < "$stdin_file" > "$out" 2> "$err"
      echo $? > "$status" )
}
# The statistics without what depends on the host (its time) or on the tier (the translator's).
stats_of() {
    python3 - "$1" <<'PY'
import json, sys
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if "host" not in k and "seconds" not in k and not k.startswith("jit_") and k != "config"}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
print(json.dumps(strip(json.load(open(sys.argv[1]))), indent=1, sort_keys=True))
PY
}

for tier in off always mixed; do
    # shellcheck disable=SC2086  # the options are words
    sim "$work/$tier.out" run --clear-env ${envs[@]+"${envs[@]}"} ${tier_opts[$tier]} \
        --config stats:output_filename:"$work/$tier.json" -- "$prog" ${args[@]+"${args[@]}"}
done
for tier in always mixed; do
    for f in out out.err out.status; do
        cmp -s "$work/off.$f" "$work/$tier.$f" || { echo "FAIL $name ($tier): $f differs from the interpreter's"; fail=1; }
    done
    if ! diff <(stats_of "$work/off.json") <(stats_of "$work/$tier.json") > "$work/stats.diff"; then
        echo "FAIL $name ($tier): statistics differ from the interpreter's"; head -20 "$work/stats.diff"; fail=1
    fi
done
total=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['instructions'])" "$work/off.json")
[ -n "$total" ] && [ "$total" -gt 4 ] || die "cannot read the instruction count"

# Points: the first instructions (inside the first block), odd counts that fall inside blocks,
# a third, the middle, two thirds, just before the end.
points=()
for n in 1 2 3 17 1001 $((total / 3)) $((total / 2 + 7)) $((total * 2 / 3 + 1)) $((total - 1)); do
    [ "$n" -ge 1 ] && [ "$n" -lt "$total" ] && points+=("$n")
done
points=($(printf '%s\n' "${points[@]}" | sort -n -u))
# The snapshot runs write to /dev/null: what fstat tells the guest about an output file (inode,
# times) differs between two files and lands in guest memory.
for tier in off always; do
    # shellcheck disable=SC2086
    sim /dev/null run --clear-env ${envs[@]+"${envs[@]}"} ${tier_opts[$tier]} \
        --independent-snapshots --snapshots "${points[@]}" \
        --config mainmem:filename:"$work/$tier/s" -- "$prog" ${args[@]+"${args[@]}"}
done
for n in "${points[@]}"; do
    s="s.$(printf %015d "$n").snapshot"
    for tier in off always; do
        [ -d "$work/$tier/$s" ] || { echo "FAIL $name@$n: $tier wrote no snapshot"; fail=1; continue 2; }
    done
    "$snapsim" snapshot diff --ignore-informational "$work/off/$s" "$work/always/$s" > "$work/snap.diff" 2>&1
    status=$?
    if [ "$compare" = cpu-only ] && [ "$status" = 1 ]; then
        grep -q '^~ cpu' "$work/snap.diff" || status=0
    fi
    if [ "$status" != 0 ]; then
        echo "FAIL $name@$n: the tiers' snapshots differ"; head -20 "$work/snap.diff"; fail=1
    fi
done

# Incremental snapshots at the same points: each stores the pages written since the one before,
# found by the dirty bits, which translated stores maintain apart from the interpreter's (see
# MEM_W_STORED): every snapshot must store the same number of pages in both tiers.
for tier in off always; do
    # shellcheck disable=SC2086
    sim /dev/null run --clear-env ${envs[@]+"${envs[@]}"} ${tier_opts[$tier]} \
        --snapshots "${points[@]}" --config mainmem:filename:"$work/$tier-inc/s" -- "$prog" ${args[@]+"${args[@]}"}
done
stored_pages() { "$snapsim" snapshot info "$1" | sed -n 's/^  \[0\] [^:]*: \([0-9]* pages stored\).*/\1/p'; }
for n in "${points[@]}"; do
    s="s.$(printf %015d "$n").snapshot"
    a="$(stored_pages "$work/off-inc/$s")" b="$(stored_pages "$work/always-inc/$s")"
    [ -n "$a" ] && [ "$a" = "$b" ] ||
        { echo "FAIL $name@$n: incremental snapshots store ${a:-nothing} (interpreter), ${b:-nothing} (translator)"; fail=1; }
done

# Cross restore at the middle point: each tier's snapshot continued by the other.  (Files the
# guest wrote are compared by the snapshot tests; here the guest's standard output is.)
mid="${points[$(( ${#points[@]} / 2 ))]}"
s="s.$(printf %015d "$mid").snapshot"
sim "$work/prefix.out" run --clear-env ${envs[@]+"${envs[@]}"} --config fast:translate:off \
    --max-instructions "$mid" -- "$prog" ${args[@]+"${args[@]}"}
for pair in "off always" "always off"; do
    read -r from to <<< "$pair"
    # shellcheck disable=SC2086
    sim "$work/rest.out" run ${tier_opts[$to]} --restore "$work/$from/$s"
    cat "$work/prefix.out" "$work/rest.out" > "$work/joined.out"
    if ! cmp -s "$work/off.out" "$work/joined.out"; then
        echo "FAIL $name@$mid: snapshot of $from restored under $to: output differs"
        diff "$work/off.out" "$work/joined.out" | head -10; head -3 "$work/rest.out.err"; fail=1
    elif ! cmp -s "$work/off.out.status" "$work/rest.out.status"; then
        echo "FAIL $name@$mid: snapshot of $from restored under $to: status $(cat "$work/rest.out.status")"; fail=1
    fi
done
[ "$fail" = 0 ] && echo "PASS $name: tiers agree on $total instructions, snapshots at ${points[*]}"
exit $fail
