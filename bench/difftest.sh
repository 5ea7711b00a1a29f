#!/usr/bin/env bash
# DiffTest and LightSSS benchmark.
#
#   bench/difftest.sh [--snapsim PATH] [--guest-dir DIR] [--mibs "16 256 1024"] [--written "all 1"]
#                     [--insns N] [--repeats K] [--measure M] [--work DIR]
#
# 1. DiffTest overhead: guest/cpu_kernel on oroblanco with and without --difftest (CPU seconds,
#    best of 3).
# 2. LightSSS overhead: guest/touchmem filling MIB mebibytes is snapshotted by the fast model
#    right after the fill, restored into oroblanco (so the memory is resident) and run for N
#    instructions (default 5000000) without --lightsss, and with one fork per 100 K and per 1 M
#    cycles, the three runs interleaved K times (default 5) so that a shared machine's drift
#    hits them alike; reports the medians and the slowdown, and for the 1 M-cycle runs what one
#    fork costs: the fork itself (CPU ms), a snapshot's own CPU time (its start and, once
#    killed, its exit), the parent's page faults per fork (copy-on-write copies) and the guest
#    pages it saved per fork for the snapshots (software copy-on-write: guest memory is left
#    out of the forks).  Two write patterns: "all" (the rounds write one word in every 16th
#    page of the whole fill: after each fork nearly every page is saved again, the worst case)
#    and "1" (the rounds write only the first MiB: a large resident guest with a small written
#    set).  Times are those of the N simulated instructions: each run's CPU time before its
#    window began (the restore, stats.json's begin_cpu_host_seconds) is subtracted.
#    Target: at most 3 % at one fork per 1 M cycles on a 256 MiB guest.
# 3. LightSSS cost measured inside one run, which a machine's drift does not disturb: each row
#    again, for M instructions (default 200000000), with lightsss:measure:2 (a fork at every
#    second 1 M-cycle boundary; the intervals after a fork against those without, see
#    src/debug/fork_cost.h): an interval's CPU time, what a fork costs the simulation (its
#    parent's median extra CPU per fork, with its 95 % interval) and the snapshot's own CPU time
#    (its start and exit, mostly on another core), and the overhead at one fork per 1 M cycles
#    (both costs over the interval) with its 95 % interval.  Only for the rows whose rounds
#    write 1 MiB: those rewrite their pages within an interval, so a fork's costs fall in the
#    interval after it, as the measurement needs; the "all" rows take longer than an interval
#    to rewrite theirs, and would read too low.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
snapsim="$here/../build/snapsim" guest_dir="" mibs="16 256 1024" written="all 1" insns=5000000 repeats=5
measure=200000000
work="${TMPDIR:-/tmp}/snapsim-bench-difftest"
while [ $# -gt 0 ]; do
    case "$1" in
        --snapsim) snapsim="$2"; shift 2 ;;
        --guest-dir) guest_dir="$2"; shift 2 ;;
        --mibs) mibs="$2"; shift 2 ;;
        --written) written="$2"; shift 2 ;;
        --insns) insns="$2"; shift 2 ;;
        --repeats) repeats="$2"; shift 2 ;;
        --measure) measure="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
snapsim="$(cd "$(dirname "$snapsim")" && pwd)/$(basename "$snapsim")"   # the script changes directory
guest_dir="${guest_dir:-$(dirname "$snapsim")/guest}"
[ -x "$snapsim" ] || { echo "snapsim not found at $snapsim (use --snapsim)" >&2; exit 2; }
rm -rf "$work"; mkdir -p "$work"
cd "$work"

stat() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

# One run of snapsim run ARGS (stats into $work/s.json): CPU seconds (user + system, with the
# reaped fork snapshots' own) from the start of the statistics window (after loading or
# restoring) to the end, which a busy shared machine disturbs far less than wall time; the
# children's starts, exits and copies are real costs, so they are counted.
cpu_run() {
    python3 -c 'import json, resource, subprocess, sys
subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=open("run.log", "w"))
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(r.ru_utime + r.ru_stime - json.load(open(sys.argv[1]))["begin_cpu_host_seconds"])' \
        "$work/s.json" "$snapsim" run --clear-env --config stats:output_filename:"$work/s.json" "$@"
}
best_of_3() {
    local best=""
    for _ in 1 2 3; do
        local t; t=$(cpu_run "$@")
        best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
    done
    echo "$best"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "DiffTest overhead (cpu_kernel on oroblanco, CPU seconds, best of 3):"
plain=$(best_of_3 --model oroblanco -- "$guest_dir/cpu_kernel")
n=$(stat "$work/s.json" "d['instructions']")
dt=$(best_of_3 --model oroblanco --difftest -- "$guest_dir/cpu_kernel")
compared=$(stat "$work/s.json" "d['difftest']['compared']")
awk -v p="$plain" -v d="$dt" -v n="$n" -v c="$compared" 'BEGIN {
    printf "  without --difftest %.3f s (%.2f MIPS), with %.3f s (%.2f MIPS): x%.2f, %d instructions compared\n",
           p, n / p / 1e6, d, n / d / 1e6, d / p, c }'

echo
echo "LightSSS overhead (touchmem restored into oroblanco after the fill, $insns instructions, CPU seconds, median of $repeats interleaved runs):"
printf '  %-5s %-7s %8s %13s %8s %12s %8s %6s %8s %8s %8s %8s\n' MiB written "plain s" "100K cycles s" "+%" \
    "1M cycles s" "+%" forks "fork ms" "child ms" "faults" "saved"
for mib in $mibs; do
    # The snapshotted program runs 1000000 rounds (it never ends within N instructions); the
    # fill ends at the same count with "0000000" rounds, an argument of the same length.
    for span in $written; do
        [ "$span" = all ] && span_arg=$mib || span_arg=$(printf "%0${#mib}d" "$span")
        "$snapsim" run --clear-env -- "$guest_dir/touchmem" "$mib" 0000000 "$span_arg" > phases.txt
        filled=$(sed -n 's/^filled instret=//p' phases.txt)
        "$snapsim" run --clear-env --snapshots "$filled" --max-instructions "$filled" \
            --config mainmem:filename:"$work/t$mib-$span" -- "$guest_dir/touchmem" "$mib" 1000000 "$span_arg" \
            > /dev/null 2>&1
        snap="$work/t$mib-$span.$(printf %015d "$filled").snapshot"
        stop=$((filled + insns))
        run=(--model oroblanco --restore "$snap" --max-instructions "$stop")
        plain=() hundred_k=() one_m=() per_fork=()
        for _ in $(seq "$repeats"); do
            plain+=("$(cpu_run "${run[@]}")")
            hundred_k+=("$(cpu_run "${run[@]}" --lightsss --config lightsss:interval:100000)")
            one_m+=("$(cpu_run "${run[@]}" --lightsss --config lightsss:interval:1000000)")
            # Per fork, from this 1 M-cycle run.
            per_fork+=("$(stat "$work/s.json" "(lambda l: '%d,%.3f,%.3f,%.0f,%.0f' % (l['snapshots'],
                l['fork_cpu_seconds'] / max(1, l['snapshots']) * 1e3, l['children_cpu_seconds'] / max(1, l['reaped']) * 1e3,
                l['page_faults'] / max(1, l['snapshots']), l['saved_pages'] / max(1, l['snapshots'])))(d['lightsss'])")")
        done
        p=$(median "${plain[@]}") b=$(median "${hundred_k[@]}") a=$(median "${one_m[@]}")
        col() { local v=(); for f in "${per_fork[@]}"; do v+=("$(echo "$f" | cut -d, -f"$1")"); done; median "${v[@]}"; }
        awk -v mib="$mib" -v w="$span" -v p="$p" -v a="$a" -v b="$b" -v f="$(col 1)" -v ms="$(col 2)" \
            -v cm="$(col 3)" -v pf="$(col 4)" -v sv="$(col 5)" 'BEGIN {
            printf "  %-5d %-7s %8.3f %13.3f %7.1f%% %12.3f %7.1f%% %6d %8.3f %8.3f %8d %8d\n",
                   mib, w, p, b, (b / p - 1) * 100, a, (a / p - 1) * 100, f, ms, cm, pf, sv }'
        echo "        runs: plain ${plain[*]}; 1M ${one_m[*]}"
        if [ "$measure" -gt 0 ] && [ "$span" != all ]; then
            "$snapsim" run --clear-env --config stats:output_filename:"$work/m.json" lightsss:interval:1000000 \
                lightsss:measure:2 --model oroblanco --restore "$snap" --max-instructions $((filled + measure)) \
                --lightsss > /dev/null 2> run.log
            stat "$work/m.json" "(lambda m: '        in one run (%d periods): interval %.2f ms; a fork costs the run %.3f ms (95 %%: %.3f-%.3f) and its snapshot %.3f ms: %.2f %% (95 %%: %.2f-%.2f)' % (
                m['periods'], m['interval_cpu_seconds'] * 1e3, m['parent_cost_seconds'] * 1e3,
                m['parent_cost_95'][0] * 1e3, m['parent_cost_95'][1] * 1e3, m['child_cost_seconds'] * 1e3,
                m['overhead'] * 100, m['overhead_95'][0] * 100, m['overhead_95'][1] * 100))(d['lightsss']['measured'])"
        fi
        rm -rf "$snap"
    done
done
echo "  (written: MiB the rounds write, \"all\" = the whole fill; the columns from forks on are the"
echo "  1M-cycle runs' medians, per fork: fork ms = CPU time of fork(), child ms = a snapshot's own"
echo "  CPU time (start and exit), faults = the parent's page faults, saved = guest pages the parent"
echo "  saved for the snapshots)"
echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
