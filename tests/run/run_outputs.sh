#!/usr/bin/env bash
# `snapsim run`'s outputs, exit causes and statistics window, one aspect per call:
#   run_outputs.sh SNAPSIM GUEST_DIR WORK_BASE WHAT
# WHAT: causes | outdir | unwritable | interrupt | dumps | progress | restore-window | baselines
# Runs are bounded by instruction counts, never by wall-clock limits.
set -u
snapsim="$1" guest="$2" work_base="$3" what="$4"
. "$(dirname "$0")/run_lib.sh" "$work_base"

case "$what" in
causes)
    # One documented cause per run, in the statistics and the log.
    run 0 --log o1 -- sum 1 2
    stats o1/stats.json 's["exit_cause"] == "exit"' 's["exit_status"] == 0'
    grep -q "exit cause exit, status 0" o1/snapsim.log || fail "no exit cause in the log"
    run 139 --log o2 -- segfault
    stats o2/stats.json 's["exit_cause"] == "signal"' 's["exit_status"] == 139'
    run 0 --log o3 --max-instructions 5000 -- sum 1 2
    stats o3/stats.json 's["exit_cause"] == "max-instructions"' 's["end_instret"] == 5000'
    run 0 --log o4 --model pompia --max-cycles 3000 -- sum 1 2
    stats o4/stats.json 's["exit_cause"] == "max-cycles"' 's["cycle"] == 3000'
    run 1 --log o5 --model oroblanco --config watchdog:result_cycles:500 \
        mainmem:peek_latency_in_cycles:2000 -- sum 1 2
    stats o5/stats.json 's["exit_cause"] == "watchdog"' 's["exit_status"] == 1'
    grep -q "exit cause watchdog" o5/snapsim.log || fail "no watchdog cause in the log"
    ;;
outdir)
    # --outdir is --log; the directory holds the log, stats.json and config.json.
    run 0 --outdir od --model pompia --config alu:result_forwarding:true --warmup 100 -- sum 4 5
    [ "$(cat "$w/out")" = 9 ] || fail "guest output '$(cat "$w/out")'"
    for f in snapsim.log stats.json config.json; do [ -f "od/$f" ] || fail "od/$f missing"; done
    stats od/config.json 's["model"] == "pompia"' 's["guest"]["argv"] == ["sum", "4", "5"]' \
        's["command_line"][:3] == ["snapsim", "run", "--outdir"]' \
        's["keys"]["mainmem:capacity"]["source"] == "default"' \
        's["keys"]["alu:result_forwarding"]["source"] == "--config"' \
        's["keys"]["stats:warmup_instructions"] == {"value": "100", "source": "option"}' \
        'any(v["source"] == "preset" for v in s["keys"].values())' \
        '"hostname" in s["host"] and isinstance(s["guest"]["env"], list)'
    stats od/stats.json 's["config"]["model"] == "pompia"' 's["exit_cause"] == "exit"'
    ;;
unwritable)
    # An output that cannot be written stops the run before it starts, with status 3 (a
    # regular file where a directory must be: refused even for root).
    : > afile
    run 3 --config stats:output_filename:afile/stats.json -- sum 1 2
    [ ! -s "$w/out" ] || fail "the guest ran although its statistics cannot be written"
    grep -q "cannot write statistics to afile/stats.json" "$w/err" || fail "no message: $(cat "$w/err")"
    run 3 --log afile -- sum 1 2
    [ ! -s "$w/out" ] || fail "the guest ran although the output directory cannot be made"
    run 3 --log afile/sub -- sum 1 2
    ;;
interrupt)
    # SIGTERM: statistics written, cause interrupted, status 128 + 15.  The signal is sent once
    # the run is under way (its first progress line), so a slow machine only makes it later.
    for model in fast pompia; do
        rm -f "$w/err"
        "$snapsim" run --model "$model" --log "oi.$model" --progress --max-instructions 200000000000 \
            -- intbench 100000000 > "$w/out" 2> "$w/err" < /dev/null &
        pid=$!
        for _ in $(seq 600); do grep -q "progress:" "$w/err" 2>/dev/null && break; sleep 0.2; done
        kill -TERM "$pid"
        wait "$pid"
        status=$?
        [ "$status" = 143 ] || fail "$model: status $status after SIGTERM, expected 143: $(cat "$w/err")"
        stats "oi.$model/stats.json" 's["exit_cause"] == "interrupted"' 's["exit_status"] == 143' \
            's["instructions"] > 0' 's["instructions"] == s["end_instret"]'
    done
    ;;
dumps)
    # stats:dump_every N: a dump at every multiple of N (absolute counts), one entry each.
    run 0 --log dd --config stats:dump_every:1000 -- sum 1 2 3
    stats dd/stats.json 'len(d) >= 4' 'all(x["dump"] == i for i, x in enumerate(d))' \
        'all(x["dump_cause"] == "dump_every" and x["end_instret"] == 1000 * (i + 1) for i, x in enumerate(d[:-1]))' \
        'd[-1]["dump_cause"] == "end" and d[-1]["end_instret"] == s["end_instret"]' \
        'all(x["begin_instret"] == 0 for x in d)'
    if python3 -c "import pandas" 2> /dev/null; then
        python3 -c "import json, pandas, sys; t = pandas.json_normalize(json.load(open('dd/stats.json'))['dumps']); \
sys.exit(0 if len(t) >= 4 and 'end_instret' in t.columns and '0.instructions' in t.columns else 1)" \
            || fail "the dumps do not load with pandas.json_normalize"
    fi
    ;;
progress)
    # The progress line does not change the simulated run.
    for model in fast pompia; do
        run 0 --log "p0.$model" --model "$model" -- intbench 3
        cp "$w/out" "$w/out.plain"
        run 0 --log "p1.$model" --model "$model" --progress -- intbench 3
        cmp -s "$w/out" "$w/out.plain" || fail "$model: output differs with --progress"
        grep -q "progress: [0-9]* instructions" "$w/err" || fail "$model: no progress line"
        python3 - "p0.$model/stats.json" "p1.$model/stats.json" <<'PY' || fail "$model: statistics differ with --progress"
import json, sys
def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if "seconds" not in k and k != "config"}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x
a, b = (strip(json.load(open(p))) for p in sys.argv[1:])
sys.exit(0 if a == b else 1)
PY
    done
    ;;
restore-window)
    # After a restore the counters cover the restored run only, and ipc = instructions / cycle.
    run 0 --config mainmem:filename:"$w/s" --snapshots 20000 -- intbench 2
    snap="$w/s.000000000020000.snapshot"
    for model in fast pompia oroblanco; do
        run 0 --log "r.$model" --model "$model" --restore "$snap"
        stats "r.$model/stats.json" 's["begin_instret"] == 20000' \
            's["instructions"] == s["end_instret"] - 20000' 's["0"]["instructions"] == s["instructions"]' \
            'abs(s["ipc"] - s["instructions"] / s["cycle"]) < 1e-9' \
            's["cycle"] == s["end_cycle"] - s["begin_cycle"]' \
            'sum(s["0"]["opcodes"].values()) == s["instructions"]'
        [ "$model" = fast ] || stats "r.$model/stats.json" 's["0"]["commit"]["retires"] == s["instructions"]' \
            'abs(s["0"]["ipc"] - s["ipc"]) < 1e-9'
        # --warmup counts from the program start too: statistics from 30000 on.
        run 0 --log "rw.$model" --model "$model" --restore "$snap" --warmup 30000
        stats "rw.$model/stats.json" 's["begin_instret"] == 30000' 's["instructions"] == s["end_instret"] - 30000'
    done
    ;;
baselines)
    # Every instruction count is absolute; points passed at restore or never reached are warned about.
    run 0 --config mainmem:filename:"$w/s" --snapshots 20000 -- intbench 2
    snap="$w/s.000000000020000.snapshot"
    run 0 --log b1 --restore "$snap" --max-instructions 30000
    stats b1/stats.json 's["end_instret"] == 30000' 's["instructions"] == 10000' 's["exit_cause"] == "max-instructions"'
    run 0 --log b2 --restore "$snap" --max-instructions 10000
    grep -q "warning: --max-instructions 10000 is already passed at the restored count 20000" "$w/err" \
        || fail "no warning for a limit already passed: $(cat "$w/err")"
    stats b2/stats.json 's["end_instret"] == 20000' 's["instructions"] == 0'
    run 0 --log b3 --restore "$snap" --snapshots 10000 --config mainmem:filename:"$w/t"
    grep -q "warning: snapshot point 10000 is before the restored count 20000: skipped" "$w/err" \
        || fail "no warning for a snapshot point already passed: $(cat "$w/err")"
    run 0 --log b4 --snapshots 1000000000 --config mainmem:filename:"$w/u" -- sum 1 2
    grep -q "warning: snapshot point 1000000000 not reached: the run ended (exit)" "$w/err" \
        || fail "no warning for a snapshot point past the end: $(cat "$w/err")"
    run 0 --log b5 --warmup 1000000000 -- sum 1 2
    grep -q "warning: the warm-up to 1000000000 instructions is longer than the run" "$w/err" \
        || fail "no warning for a warm-up longer than the run: $(cat "$w/err")"
    stats b5/stats.json 's["instructions"] == 0'
    ;;
*)
    fail "unknown aspect"
    ;;
esac
echo "PASS $what"
