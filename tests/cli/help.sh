#!/usr/bin/env bash
# Every command and subcommand has help, reached each way: `snapsim help CMD [SUB]`,
# `snapsim CMD [SUB] --help` and `-h` -- exit status 0, a "usage:" first line on stdout, nothing
# on stderr.  The commands are read from `snapsim --help` and the snapshot subcommands from
# `snapsim snapshot --help`, so a new one is checked without editing this test.
#
#   help.sh SNAPSIM
set -u
snapsim="$1"
fail=0
errfile=$(mktemp)
trap 'rm -f "$errfile"' EXIT
check() {   # check ARGS...: a clean help screen
    local out err st
    out=$("$snapsim" "$@" 2> "$errfile")
    st=$?
    err=$(cat "$errfile")
    if [ "$st" != 0 ] || [ "${out%%$'\n'*}" = "${out#usage:}" ] || [ -n "$err" ]; then
        echo "FAIL snapsim $*: status $st, first line '${out%%$'\n'*}', stderr '$err'"
        fail=1
    fi
}
commands=$("$snapsim" --help | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}' | grep -vx help)
[ -n "$commands" ] || { echo "FAIL: no commands listed by snapsim --help"; exit 1; }
check --help
check help
n=0
for c in $commands; do
    check help "$c"; check "$c" --help; check "$c" -h
    n=$((n + 1))
done
subs=$("$snapsim" snapshot --help | sed -n 's/^\(usage:\|      \) *snapsim snapshot \([a-z]*\).*/\2/p')
[ -n "$subs" ] || { echo "FAIL: no snapshot subcommands listed"; exit 1; }
for s in $subs; do
    check help snapshot "$s"; check snapshot "$s" --help; check snapshot "$s" -h
    n=$((n + 1))
done
[ "$fail" = 0 ] || exit 1
echo "PASS: help of $n commands and subcommands ($(echo $commands $subs))"
