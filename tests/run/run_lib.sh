# Sourced by run_outputs.sh and guest_ops.sh after they set snapsim and what: makes snapsim's path
# absolute, moves into a fresh work directory $w below $1 (removed at exit) and defines
#   fail MESSAGE            report and exit 1
#   run EXPECTED ARGS...    snapsim run, stdout/stderr in $w/out and $w/err, status checked
#   stats ARGS...           json_check.py on a statistics file
# Runs are bounded by instruction counts, never by wall-clock limits.
check="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/json_check.py"
case "$snapsim" in /*) ;; *) snapsim="$PWD/$snapsim" ;; esac   # the tests cd elsewhere
mkdir -p "$1"
w="$(mktemp -d "$1/$(basename "$0" .sh).XXXXXX")"
trap 'rm -rf "$w"' EXIT
cd "$w" || exit 1
ulimit -c 0
fail() { echo "FAIL $what: $*"; exit 1; }
run() {
    local expected="$1"; shift
    "$snapsim" run "$@" > "$w/out" 2> "$w/err" < /dev/null
    local status=$?
    [ "$status" = "$expected" ] || fail "snapsim run $* exited $status, expected $expected: $(head -c 600 "$w/err")"
}
stats() { "$check" "$@" || exit 1; }
