#!/usr/bin/env bash
# The mutation campaign's verdicts (campaign.sh) are checked with a stand-in for snapsim whose
# `snapshot verify` misbehaves in a known way (everything else is the real snapsim):
#   killed_once  killed by SIGTERM from outside, once: reported, re-run clean, not a failure
#   crash        dies of SIGSEGV every time: a crash that reproduces, the campaign fails
#   sanitizer    prints a sanitizer report and exits 1: a crash
#   leftover     leaves a process running in its session: reported, killed, the campaign fails
#   blocked      waits without using CPU past the hang guard: blocked, the campaign fails
# Each verdict must name the mutant, say what the re-run alone gave and keep the evidence, and
# no process may outlive the campaign.
#
#   campaign_verdicts.sh SNAPSIM GUEST_DIR WORK_BASE
set -u
snapsim="$1" guest="$2" work_base="$3"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/campaign_verdicts.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail=0
fake="$work/snapsim"
cat > "$fake" << 'EOF'
#!/usr/bin/env bash
# Every command of the campaign blocks (so that no real one can take the hang guard's few
# seconds on a loaded machine), and only `snapshot verify` misbehaves otherwise.
[ "$FAKE_MODE" = blocked ] && { [ "$1" = snapshot ] || [ "$2" = --restore ]; } && exec sleep 600
[ "$1 $2" = "snapshot verify" ] || exec "$FAKE_REAL" "$@"
case $FAKE_MODE in
killed_once) if mkdir "$FAKE_STATE/killed" 2> /dev/null; then kill -TERM $$; fi ;;
crash) kill -SEGV $$ ;;
sanitizer) echo "==1==ERROR: AddressSanitizer: heap-buffer-overflow" >&2; exit 1 ;;
leftover) sleep 300 & echo $! >> "$FAKE_STATE/children" ;;
esac
exec "$FAKE_REAL" "$@"
EOF
chmod +x "$fake"

# scenario MODE EXPECTED-STATUS WORDS-OF-THE-VERDICT WORDS-OF-THE-RE-RUN WORDS-OF-THE-SUMMARY
scenario() {
    local mode="$1" want_st="$2" verdict="$3" rerun="$4" summary="$5" st bad=0
    mkdir -p "$work/$mode/state"
    local wall=1800; [ "$mode" = blocked ] && wall=3
    FAKE_REAL="$snapsim" FAKE_MODE="$mode" FAKE_STATE="$work/$mode/state" CAMPAIGN_WALL_SECONDS=$wall \
        "$here/campaign.sh" "$fake" "$guest" "$work/$mode" 1 5 > "$work/$mode.log" 2>&1
    st=$?
    [ "$st" = "$want_st" ] || { echo "FAIL $mode: campaign status $st, not $want_st"; bad=1; }
    grep -q "^mutant 0 (.* verify): $verdict" "$work/$mode.log" || { echo "FAIL $mode: no verdict '$verdict'"; bad=1; }
    grep -q "re-run alone: .*$rerun; evidence in $work/$mode/findings/seed-5.mutant-0.verify" "$work/$mode.log" ||
        { echo "FAIL $mode: the re-run is not reported as '$rerun'"; bad=1; }
    [ -s "$work/$mode/findings/seed-5.mutant-0.verify/verdict" ] && [ -d "$work/$mode/findings/seed-5.mutant-0.verify/mutant" ] ||
        { echo "FAIL $mode: no evidence kept"; bad=1; }
    grep -q "$summary" "$work/$mode.log" || { echo "FAIL $mode: the summary does not say '$summary'"; bad=1; }
    local child
    for child in $(cat "$work/$mode/state/children" 2> /dev/null); do
        # A killed orphan may stay a zombie a while (until init reaps it): that is no survivor.
        case $(ps -o stat= -p "$child") in
        ""|Z*) ;;
        *) echo "FAIL $mode: process $child left behind survived"; bad=1; kill "$child" ;;
        esac
    done
    if [ "$bad" = 0 ]; then echo "ok   $mode: $(grep -m1 '^mutant 0' "$work/$mode.log")"; else fail=1; sed 's/^/    /' "$work/$mode.log" | tail -12; fi
}
scenario killed_once 0 "killed by signal 15 from outside, status 143" "status [01], clean" "killed from outside but clean when re-run 1"
scenario crash 1 "crash, signal 11, status 139" "status 139, crash, signal 11" "crashes 1,"
scenario sanitizer 1 "crash, sanitizer report, status 1" "crash, sanitizer report" "crashes 1,"
scenario leftover 1 "left a process running, status [01]" "left a process running" "processes left running 1,"
scenario blocked 1 "blocked (wall-clock hang guard), status 137" "status 137, blocked (wall-clock hang guard)" "blocked 5,"
[ "$fail" = 0 ] && echo "PASS campaign verdicts"
exit $fail
