#!/usr/bin/env bash
# Runs one guest program under a simulator and compares what it did with the checked-in
# expectations, byte for byte.
#
#   run_guest.sh --sim snapsim|qemu [--exe PATH] [--expect-dir DIR] [--name NAME]
#                [--work-base DIR] [--timeout SEC] [--sim-opt OPT]... [--update] [--keep]
#                GUEST_BINARY
#
# Expectation files, all optional except NAME.expected, live in --expect-dir (default: the
# tests/programs directory beside this script); NAME defaults to the binary's file name:
#   NAME.args     one line of whitespace-separated arguments (no quoting)
#   NAME.stdin    fed to standard input (otherwise /dev/null)
#   NAME.env      VAR=VALUE lines: the guest's whole environment (otherwise it is empty)
#   NAME.expected exact standard output
#   NAME.status   exit status (absent means 0); a signal death is 128 + signal number
#   NAME.stderr   exact standard error; compared only when the file exists, because the
#                 simulators word their own messages (e.g. on a crash) differently
#
# The guest runs in a fresh empty working directory holding one empty directory, `scratch`,
# for programs that create files (they get it through NAME.args).  Its environment is exactly
# NAME.env: snapsim gets --clear-env plus -E per variable, qemu runs under `env -i`.
#
# --timeout is a hang guard (default 600 s), multiplied by SNAPSIM_TIMEOUT_SCALE
# (tests/lib/hang_guard.sh): it only stops a guest that would never end.
#
# --update rewrites the expectations from this run (use it with --sim qemu, the reference,
# then read the new files before committing them).  NAME.stderr is written only for programs
# that exit normally and print something on stderr.
set -u
. "$(dirname "$0")/lib/hang_guard.sh"

die() { echo "run_guest.sh: $*" >&2; exit 2; }

sim="" exe="" expect_dir="" name="" work_base="${TMPDIR:-/tmp}" timeout_s=600
update=0 keep=0 prog="" sim_opts=()
while [ $# -gt 0 ]; do
    case "$1" in
        --sim) sim="${2:-}"; shift 2 ;;
        --exe) exe="${2:-}"; shift 2 ;;
        --expect-dir) expect_dir="${2:-}"; shift 2 ;;
        --name) name="${2:-}"; shift 2 ;;
        --work-base) work_base="${2:-}"; shift 2 ;;
        --timeout) timeout_s="${2:-}"; shift 2 ;;
        --sim-opt) sim_opts+=("${2:-}"); shift 2 ;;
        --update) update=1; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown option $1" ;;
        *) [ -z "$prog" ] || die "only one guest program, got '$prog' and '$1'"; prog="$1"; shift ;;
    esac
done

[ -n "$prog" ] || die "no guest program given (see --help)"
case "$timeout_s" in ''|*[!0-9]*) die "--timeout needs whole seconds, got '$timeout_s'" ;; esac
timeout_s=$(hang_guard "$timeout_s")
[ -f "$prog" ] || die "guest program $prog not found (was it built?)"
case "$sim" in
    snapsim) exe="${exe:-snapsim}" ;;
    qemu) exe="${exe:-qemu-riscv64}" ;;
    *) die "--sim must be snapsim or qemu" ;;
esac
command -v "$exe" >/dev/null 2>&1 || die "simulator '$exe' not found"
prog="$(cd "$(dirname "$prog")" && pwd)/$(basename "$prog")"
exe="$(command -v "$exe")"
case "$exe" in /*) ;; *) exe="$PWD/$exe" ;; esac
name="${name:-$(basename "$prog")}"
expect_dir="${expect_dir:-$(dirname "$0")/programs}"
[ -d "$expect_dir" ] || die "expectation directory $expect_dir not found"
expect_dir="$(cd "$expect_dir" && pwd)"   # absolute: the guest runs in another directory
base="$expect_dir/$name"
[ "$update" = 1 ] || [ -f "$base.expected" ] || die "no expectation $base.expected"

# Arguments: one line, split on whitespace.
args=()
if [ -f "$base.args" ]; then
    read -r -a args < "$base.args" || true
fi

# Environment: VAR=VALUE lines; blank lines and lines starting with # are skipped.
env_vars=()
if [ -f "$base.env" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        case "$line" in ''|'#'*) continue ;; esac
        case "$line" in *=*) ;; *) die "$base.env: line without '=': $line" ;; esac
        env_vars+=("$line")
    done < "$base.env"
fi

stdin_file=/dev/null
[ -f "$base.stdin" ] && stdin_file="$base.stdin"

mkdir -p "$work_base" || die "cannot create $work_base"
work_base="$(cd "$work_base" && pwd)"
work="$(mktemp -d "$work_base/$name.XXXXXX")" || die "mktemp failed in $work_base"
# shellcheck disable=SC2317  # called by the trap
cleanup() { [ "$keep" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT
mkdir "$work/cwd" "$work/cwd/scratch"

if [ "$sim" = snapsim ]; then
    cmd=("$exe" run --clear-env)
    for v in ${env_vars[@]+"${env_vars[@]}"}; do cmd+=(-E "$v"); done
    cmd+=(${sim_opts[@]+"${sim_opts[@]}"} -- "$prog" ${args[@]+"${args[@]}"})
else
    cmd=(env -i ${env_vars[@]+"${env_vars[@]}"} "$exe" ${sim_opts[@]+"${sim_opts[@]}"} "$prog"
         ${args[@]+"${args[@]}"})
fi

# No core files from guests that die by a signal; timeout's own exit status is 124.  The
# command substitution's stderr goes to /dev/null to drop bash's "Segmentation fault" notices.
ulimit -c 0
status=$( { cd "$work/cwd" &&
            timeout -k 5 "$timeout_s" "${cmd[@]}" < "$stdin_file" > "$work/stdout" \
                2> "$work/stderr"
            echo $?; } 2>/dev/null )

if [ "$update" = 1 ]; then
    cp "$work/stdout" "$base.expected"
    if [ "$status" = 0 ]; then rm -f "$base.status"; else echo "$status" > "$base.status"; fi
    if [ "$status" -lt 128 ] && [ -s "$work/stderr" ]; then
        cp "$work/stderr" "$base.stderr"
    else
        rm -f "$base.stderr"
    fi
    echo "updated $name from $sim: status $status, $(wc -c < "$work/stdout") bytes of stdout"
    exit 0
fi

failed=0
report() { echo "FAIL $name ($sim): $*"; failed=1; }

# Shows the difference between an expected file and what the run produced, text or binary.
show_diff() {
    if LC_ALL=C grep -q '[^[:print:][:space:]]' "$1" "$2" 2>/dev/null; then
        cmp "$1" "$2" | head -5
    else
        diff -u --label "expected ($(basename "$1"))" --label "actual" "$1" "$2" | head -60
    fi
}

expected_status=0
[ -f "$base.status" ] && expected_status="$(tr -d '[:space:]' < "$base.status")"
if [ "$status" != "$expected_status" ]; then
    if [ "$status" = 124 ]; then
        report "hung: still running after the ${timeout_s}s hang guard (expected status $expected_status)"
    else
        report "exit status $status, expected $expected_status"
    fi
fi
if ! cmp -s "$base.expected" "$work/stdout"; then
    report "standard output differs"
    show_diff "$base.expected" "$work/stdout"
fi
if [ -f "$base.stderr" ] && ! cmp -s "$base.stderr" "$work/stderr"; then
    report "standard error differs"
    show_diff "$base.stderr" "$work/stderr"
fi

if [ "$failed" = 1 ]; then
    printf 'command (in a fresh directory):'
    printf ' %q' "${cmd[@]}"
    [ "$stdin_file" = /dev/null ] || printf ' < %q' "$stdin_file"
    printf '\n'
    if [ ! -f "$base.stderr" ] && [ -s "$work/stderr" ]; then
        echo "its standard error (not compared):"
        head -20 "$work/stderr"
    fi
    [ "$keep" = 1 ] && echo "outputs kept in $work"
    exit 1
fi
echo "PASS $name ($sim)"
exit 0
