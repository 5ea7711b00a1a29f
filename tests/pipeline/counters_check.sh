#!/usr/bin/env bash
# The cycle, time and instret CSRs and the guest clock against the model (counters.c):
#   fast      cycle == instret (one cycle per instruction)
#   pipeline  cycle counts the model's cycles: more than instret for a multiply chain, and the
#             last reading is within the run's statistics' cycle count
#   every     time == cycle x 10 MHz / linux:core_frequency_hz (to a tick), and the monotonic
#             clock advanced by cycle / frequency seconds (within the sampling code's cycles)
#
#   counters_check.sh SNAPSIM MODEL PROGRAM FREQUENCY_HZ
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
snapsim="$1" model="$2" prog="$3" hz="$4"
work="$(mktemp -d "${TMPDIR:-/tmp}/counters.XXXXXX")"
trap 'rm -rf "$work"' EXIT
timeout -k 5 "$(hang_guard 600)" "$snapsim" run --model "$model" \
    --config "stats:output_filename:$work/stats.json" "linux:core_frequency_hz:$hz" \
    -- "$prog" > "$work/out" < /dev/null || { echo "FAIL: $model run failed"; exit 1; }
total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["cycle"])' "$work/stats.json")
awk -v model="$model" -v hz="$hz" -v total="$total" '
    { v[$1] = $2 }
    function fail(msg) { print "FAIL " model " at " hz " Hz: " msg; bad = 1 }
    END {
        if (model == "fast" && v["cycle"] != v["instret"])
            fail("cycle " v["cycle"] " != instret " v["instret"])
        if (model != "fast" && v["cycle"] < 1.2 * v["instret"])
            fail("cycle " v["cycle"] " is not the pipeline'"'"'s (instret " v["instret"] ")")
        if (v["end_cycle"] > total)
            fail("cycle CSR " v["end_cycle"] " beyond the run'"'"'s " total " cycles")
        want = v["cycle"] * 10000000 / hz
        if (v["time"] < want - 2 || v["time"] > want + 2)
            fail("time " v["time"] " ticks, expected " want " from the cycles")
        ns = v["cycle"] * 1e9 / hz
        if (v["clock_ns"] < ns * 0.99 - 1000 || v["clock_ns"] > ns * 1.01 + 1000)
            fail("clock advanced " v["clock_ns"] " ns, expected about " ns)
        if (!bad)
            print "PASS " model " at " hz " Hz: instret " v["instret"] ", cycle " v["cycle"] ", time " v["time"]
        exit bad
    }' "$work/out"
