#!/usr/bin/env bash
# Guest processes as `snapsim run` handles them, one aspect per call:
#   processes.sh SNAPSIM GUEST_DIR WORK_BASE WHAT
# WHAT: stats      every process writes its own statistics file (stats.json, stats.PID.json),
#                  with the same counts in every run (each process's instruction stream depends
#                  only on its own program order, not on how the host ran the processes)
#       snapshot   a snapshot point reached while a child exists is refused with the reason;
#                  once the child was waited for, the snapshot is written and restores
#       orphans    no simulator process is left behind: a parent that exits without waiting,
#                  one killed by a guest signal, one whose simulator is killed from outside
# Runs are bounded by instruction counts; the waits for a process to appear or go away are
# hang guards only.
set -u
snapsim="$1" guest="$2" work_base="$3" what="$4"
. "$(dirname "$0")/../lib/hang_guard.sh"
. "$(dirname "$0")/run_lib.sh" "$work_base"

# Processes whose command line holds the token (the guest's simulators: a forked child has its
# parent's command line).
count_token() { pgrep -f -c -- "$1" || true; }
# Waits until `count_token TOKEN` is N (a hang guard, not a time limit).
wait_count() {
    local token="$1" n="$2" tries=$(( $(hang_guard 60) * 10 ))
    while [ "$(count_token "$token")" != "$n" ]; do
        tries=$((tries - 1))
        [ "$tries" -gt 0 ] || fail "still $(count_token "$token") process(es) with $token, expected $n"
        sleep 0.1
    done
}

case "$what" in
stats)
    run 0 --log o --model pompia -- "$guest/fork_wait"
    stats o/stats.json 's["exit_cause"] == "exit"' 's["exit_status"] == 0' 's["linux"]["forks"] == 12'
    # The four computing children are 1001-1004 and exit 10-13, counting from their fork.
    for i in 0 1 2 3; do
        stats "o/stats.$((1001 + i)).json" 's["exit_cause"] == "exit"' "s[\"exit_status\"] == $((10 + i))" \
            's["instructions"] < s["end_instret"]' 's["model"] == "pompia"'
    done
    # The child killed by SIGKILL writes nothing; the aborting one says how it ended.
    [ ! -e o/stats.1005.json ] || fail "a child killed by SIGKILL wrote statistics"
    stats o/stats.1006.json 's["exit_cause"] == "signal"' 's["exit_status"] == 134'
    run 0 --log o2 --model pompia -- "$guest/fork_wait"
    [ "$(cd o && ls stats*.json)" = "$(cd o2 && ls stats*.json)" ] || fail "other statistics files: $(ls o2)"
    for f in o/stats*.json; do
        python3 - "$f" "o2/${f#o/}" <<'PY' || fail "$f: the counts differ between two runs"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
keys = ("instructions", "begin_instret", "end_instret", "cycle", "exit_status")
sys.exit(any(a[k] != b[k] for k in keys))
PY
    done
    # Only the parent writes the log and the configuration.
    [ "$(grep -c "run ended" o/snapsim.log)" = 1 ] || fail "the log holds another process's lines"
    run 0 --config stats:output_filename:"$w/mine" -- "$guest/fork_wait"
    [ -f mine ] && [ -f mine.1001 ] || fail "a statistics file without .json: $(ls)"
    ;;
snapshot)
    run 3 --config mainmem:filename:"$w/s/x" -- "$guest/proc_children" checkpoint
    grep -q "no snapshot at instruction [0-9]*: guest process 1000 has 1 child process (other host processes" "$w/err" ||
        fail "no reason given: $(cat "$w/err")"
    [ -z "$(ls s 2>/dev/null)" ] || fail "a snapshot was written: $(ls s)"
    run 0 --config mainmem:filename:"$w/s/x" -- "$guest/proc_children" after
    grep -q "checkpoint without a child: 0" "$w/out" || fail "after the wait: $(cat "$w/out")"
    snap=$(ls -d s/x.*.snapshot) || fail "no snapshot after the child was waited for"
    run 0 --model inorder --restore "$snap"
    [ "$(cat "$w/out")" = "checkpoint without a child: 0" ] || fail "restored run: $(cat "$w/out")"
    ;;
orphans)
    for mode in exit kill; do
        token="orphan-$mode-$$"
        "$snapsim" run -- "$guest/proc_children" "$mode" "$token" > out 2> err < /dev/null
        status=$?
        expected=3; [ "$mode" = kill ] && expected=137
        [ "$status" = "$expected" ] || fail "$mode: status $status, expected $expected: $(cat err)"
        grep -q "child ready" out || fail "$mode: the child never ran"
        [ "$(count_token "$token")" = 0 ] || fail "$mode: $(count_token "$token") simulator(s) left behind"
    done
    token="orphan-outside-$$"
    "$snapsim" run -- "$guest/proc_children" wait "$token" > out 2> err < /dev/null &
    sim=$!
    wait_count "$token" 2
    kill -KILL "$sim"
    wait "$sim" 2>/dev/null
    wait_count "$token" 0
    ;;
*)
    fail "unknown aspect"
    ;;
esac
echo "PASS $what"
