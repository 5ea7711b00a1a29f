#!/usr/bin/env bash
# Mutation campaign against the snapshot readers.
#
# Takes real snapshots of several programs (open files, files written, links, a MAP_SHARED
# mapping, threads waiting on futexes, and two incremental chains, one sharing a saved file
# content through %1%/raw) and of two whole machines (the bare machine under Sv39, and a chain
# of the virt machine with its devices), then for each mutant copies one snapshot with its whole chain,
# applies one seeded mutation to a file of the snapshot or of an ancestor (a byte flip,
# insertion or truncation; a swap for a FIFO, a directory, or a symbolic link to outside, to
# another file of the chain, to a FIFO or to nothing; an ancestor's whole directory swapped the
# same way; or a structured edit of a config: numbers made huge, negative or zero, strings
# replaced by path tricks, references broken) and runs `snapshot verify`, `info`, `diff`, `merge`
# and `run --restore` on it, each in a session of its own under a CPU-time limit, a memory limit
# and a wall-clock hang guard.  A canary directory outside the allowed trees must never change.
#
# Verdicts, from the status the shell's `wait` gives (128 + N: killed by signal N):
#   crash    SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGTRAP or SIGSYS, or a sanitizer report
#   hang     the CPU-time limit hit (SIGXCPU after 60 s of CPU: machine speed does not matter)
#   blocked  the wall-clock hang guard hit (the command waited without using CPU, e.g. on a FIFO)
#   killed   any other signal: it came from outside the command (nothing in the campaign sends it)
#   escape   the canary changed
#   message  a refusal that is not exactly one `snapsim:` line
#   accept   verify said OK but restore refused for a reason that is not the host's
#   leftover a command left a process running after it ended
# Every verdict but escape is explained on the spot: the command is run again, alone, on the
# same mutant, and the report says whether it reproduces (snapsim is deterministic, so a verdict
# that does not is the environment's doing, e.g. a signal sent by another program); the mutant,
# its outputs and both statuses are kept in WORK_BASE/findings/seed-S.mutant-N.CMD.  Killed
# commands whose re-run is clean are counted apart and do not fail the campaign.
#
# CAMPAIGN_GROUPS="bare virt" (names of `take` groups) mutates only those snapshots.
# The same seed gives the same mutants; CAMPAIGN_FROM=N generates but skips the mutants before N
# (to reproduce one).  CAMPAIGN_MEMORY_KB (default 8000000) limits the tools' address space; set
# it to 0 for a sanitizer build, whose shadow memory needs an unlimited address space.
# CAMPAIGN_WALL_SECONDS (default 1800) is the hang guard, far above what a command needs even on
# a loaded machine (each is bounded by 60 s of CPU).
#
#   campaign.sh SNAPSIM GUEST_DIR WORK_BASE MUTANTS [SEED]
set -u
snapsim="$1" guest="$2" work_base="$3" mutants="$4" seed="${5:-1}"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/campaign.XXXXXX")"
# Only the campaign's own shell removes it: a forked subshell killed before its exec runs the
# EXIT trap too.
trap '[ "$BASHPID" = "$$" ] && rm -rf "$work"' EXIT
ulimit -c 0
canary="$work/canary"; mkdir -p "$canary"; echo canary > "$canary/file"; mkfifo "$canary/fifo"
canary_sum() { (stat -c '%Y %s %h' "$canary" && cd "$canary" && ls -l --time-style=+%s && cat file) | cksum; }
canary_before=$(canary_sum)

# ---- the snapshots to mutate: $work/src/GROUP/GROUP.POINT.snapshot, a chain per group ----
mkdir -p "$work/cwd/scratch"
seq 1 30000 > "$work/cwd/scratch/input.txt"
take() {   # GROUP MAX-INSTRUCTIONS POINTS PROGRAM ARGS...
    local group="$1" max="$2" points="$3" p; shift 3
    mkdir -p "$work/src/$group"
    # shellcheck disable=SC2086  # the points are words
    (cd "$work/cwd" && "$snapsim" run --clear-env --snapshots $points --max-instructions "$max" \
        --config mainmem:filename:"$work/src/$group/$group" -- "$@" > /dev/null 2>&1 < /dev/null)
    for p in $points; do
        [ -d "$work/src/$group/$group.$(printf %015d "$p").snapshot" ] || { echo "cannot take $group@$p"; exit 1; }
    done
    cp -a "$work/cwd" "$work/cwd-$group"   # the host as it was at the (last) snapshot point
}
take sum 900 900 "$guest/sum" 1 2 3
take fileio_a 10000 10000 "$guest/file_io" scratch
take fileio_b 30000 30000 "$guest/file_io" scratch
take fileio_c 120000 120000 "$guest/file_io" scratch
take mmap 540000 540000 "$guest/mmap_ops"
take threads 200000 200000 "$guest/thread_semaphores"
take chain 2000000 "300 600 900" "$guest/sum" 1 2 3
take saved 200000 "100000 200000" "$guest/snapshot_read_later" "$work/cwd/scratch/input.txt"
# Whole-machine snapshots: a U-mode program under Sv39 on the bare machine, and a chain of the
# virt machine running OpenSBI and the S-mode payload (devices, timer, console, disk-less).
declare -A machine_of=([bare]="--machine bare" [virt]="--machine virt")
take_system() {   # GROUP MAX-INSTRUCTIONS POINTS RUN-ARGS...
    local group="$1" max="$2" points="$3" p; shift 3
    mkdir -p "$work/src/$group"
    # shellcheck disable=SC2086  # the points and the machine's options are words
    (cd "$work/cwd" && "$snapsim" run ${machine_of[$group]} --snapshots $points --max-instructions "$max" \
        --config mainmem:filename:"$work/src/$group/$group" "$@" > /dev/null 2>&1 < /dev/null)
    for p in $points; do
        [ -d "$work/src/$group/$group.$(printf %015d "$p").snapshot" ] || { echo "cannot take $group@$p"; exit 1; }
    done
    cp -a "$work/cwd" "$work/cwd-$group"
}
take_system bare 1000 "400" "$guest/priv/int_alu.v"
take_system virt 2000000 "1000000 2000000" --memory 64M --kernel "$guest/virt/sbi_payload.bin"
grep -q '%1%/raw' "$work/src/saved/saved.$(printf %015d 200000).snapshot/config" ||
    { echo "the saved chain does not share its content through %1%/raw"; exit 1; }
mapfile -t sources < <(cd "$work/src" && ls -d -- */*.snapshot)   # GROUP/NAME: the restored snapshot
if [ -n "${CAMPAIGN_GROUPS:-}" ]; then   # e.g. "bare virt": mutate only those groups' snapshots
    mapfile -t sources < <(printf '%s\n' "${sources[@]}" | grep -E "^(${CAMPAIGN_GROUPS// /|})/")
    [ ${#sources[@]} -gt 0 ] || { echo "CAMPAIGN_GROUPS=$CAMPAIGN_GROUPS names no snapshot"; exit 1; }
fi

# ---- deterministic random numbers (an LCG, so bash versions agree) ----
rng=$seed
# rand N sets R to a number in [0, N) (a variable, not output: a subshell would lose the state).
rand() { rng=$(( (rng * 6364136223846793005 + 1442695040888963407) & 0x7fffffffffffffff )); R=$(( (rng >> 16) % $1 )); }

mutate() {   # CHAIN-DIR TARGET: one mutation of TARGET or one of its ancestors (older names)
    local chain="$1" target="$2" snaps=() files=() s f rel size kind at
    for s in $(cd "$chain" && ls -d -- *.snapshot); do
        [[ "$s" > "$target" ]] && continue
        snaps+=("$s")
        [ "$s" != "$target" ] && files+=("$s")   # an ancestor's directory itself
        mapfile -t -O "${#files[@]}" files < <(cd "$chain" && ls -d "$s"/*)
    done
    rand ${#files[@]}; rel="${files[$R]}" f="$chain/${files[$R]}"
    rand 14; kind=$R
    # A directory swapped: only for the file-type swaps.
    [ -d "$f" ] && [ ! -L "$f" ] && kind=$((4 + kind % 6))
    size=$(stat -c %s "$f")
    case $kind in
    0|1) if [ "$size" -gt 0 ]; then
             rand 256; local byte=$R; rand "$size"
             printf "\\x$(printf %02x "$byte")" | dd of="$f" bs=1 seek="$R" conv=notrunc 2>/dev/null
         fi ;;
    2) rand $((size + 1)); truncate -s "$R" "$f" ;;
    3) rand $((size + 1)); at=$R; rand 64
       { head -c "$at" "$f"; head -c $((1 + R)) /dev/zero | tr '\0' x; tail -c +$((at + 1)) "$f"; } > "$f.new" &&
           mv "$f.new" "$f" ;;
    4) rm -rf "$f"; mkfifo "$f" ;;
    5) rm -rf "$f"; ln -s "$canary/file" "$f" ;;
    6) # another file of the chain (or itself), by a relative name
       local other up=../; rand ${#files[@]}; other="${files[$R]}"
       [ "${rel#*/}" = "$rel" ] && up=""   # an ancestor's directory: a sibling of its target
       rm -rf "$f"; ln -s "$up$other" "$f" ;;
    7) rm -rf "$f"; ln -s "$chain/gone" "$f" ;;
    8) rm -rf "$f"; ln -s "$canary/fifo" "$f" ;;
    9) rm -rf "$f"; mkdir "$f" ;;
    *) # structured edit of a config: the n-th number or string
       rand ${#snaps[@]}
       local c="$chain/${snaps[$R]}/config" n which
       [ -f "$c" ] && [ ! -L "$c" ] || return 0
       rand 400; n=$R; rand 8; which=$R
       local vals=("0xffffffffffffffff" "-1" "0" "0x7fffffffffffffff" "\"$canary/file\"" "\"../canary\""
                   "\"%9%/mem0.pages\"" "\"/dev/zero\"")
       N=$n V=${vals[$which]} perl -0pi -e 'my $i = 0; s{(0x[0-9a-f]+|-?\b\d+\b|"[^"\n]*")}{$i++ == $ENV{N} ? $ENV{V} : $1}ge' "$c" ;;
    esac
}

# A refusal caused by the host rather than the snapshot: not a verify defect.
host_reason() {
    grep -qE 'outside the allowed directories|changed since the snapshot|cannot reopen|No such file or directory|Permission denied|not a directory|directory .* is missing' "$1"
}

# run_cmd CMD: runs one of the commands on the mutant $m (target $t of source $src) under the
# limits and sets st (the status `wait` gave), blocked (1 if the hang guard ended it) and
# leftover (1 if it left a process running).
# The tools get an address-space limit (8 GB); a restore reserves the guest's whole address
# space up front (which RLIMIT_AS and RLIMIT_DATA both count), so it gets the CPU limit only.
# The CPU limit is soft at 60 s (SIGXCPU, status 152) and hard at 65 s, so a SIGKILL (137) is
# the limit's only if the command ignored SIGXCPU.  Each command runs in a session of its own
# (setsid: its pid is the session and group id) under the wall-clock hang guard (timeout, which
# kills the command only, reaps it and ends with status 137 then); a
# process it leaves behind, which could write into its outputs or into the next command's, is
# killed, and its end awaited, before anything is read.
vmem="-v ${CAMPAIGN_MEMORY_KB:-8000000}"
[ "${CAMPAIGN_MEMORY_KB:-}" = 0 ] && vmem=""
wall="${CAMPAIGN_WALL_SECONDS:-1800}"
run_cmd() {
    local cmd="$1" lim="$vmem" pid began n
    local argv=(snapshot "$cmd" "$t")
    case $cmd in
    diff) argv+=("$work/src/$src") ;;
    merge) rm -rf "$work/merged.snapshot"; argv+=("$work/merged.snapshot") ;;
    # A mutated guest may legitimately loop forever: bound it by instructions, not time.
    # shellcheck disable=SC2206  # the machine's options are words
    restore) lim=""; argv=(run ${machine_of[${src%%/*}]:-} --restore "$t" --max-instructions 200000000) ;;
    esac
    rm -f "$work/out" "$work/err"
    # shellcheck disable=SC2086  # $lim is an option and its value, or nothing
    ( ulimit -S -t 60 && ulimit -H -t 65 && { [ -z "$lim" ] || ulimit $lim; } && cd "$work/cwd" &&
      exec setsid timeout --foreground -s KILL "$wall" "$snapsim" "${argv[@]}" > "$work/out" 2> "$work/err" < /dev/null ) &
    pid=$!
    began=$SECONDS
    wait "$pid"; st=$?
    # timeout passes the command's own status or signal on; its SIGKILL (137) is told apart from
    # another's by the time it came at.
    blocked=0; [ "$st" = 137 ] && [ $((SECONDS - began)) -ge "$wall" ] && blocked=1
    leftover=0
    if kill -0 -- "-$pid" 2> /dev/null && [ "$(live_members "$pid")" -gt 0 ]; then
        leftover=1
        kill -KILL -- "-$pid" 2> /dev/null
        n=0
        while [ "$(live_members "$pid")" -gt 0 ] && [ "$n" -lt 600 ]; do sleep 0.1; n=$((n + 1)); done
    fi
}
# The processes of group $1 that still run: a zombie (a child whose parent has just ended, not
# yet reaped) is no process left running.
live_members() { ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/' | grep -c .; }

# classify CMD: the verdict of the last run_cmd, or "" for none of crash, hang, blocked, killed
# and leftover (the refusal itself is judged by the caller).
classify() {
    verdict=""
    if grep -q 'Sanitizer\|runtime error' "$work/err"; then
        verdict="crash, sanitizer report"
    elif [ "$blocked" = 1 ]; then
        verdict="blocked (wall-clock hang guard)"
    elif [ "$st" -gt 128 ]; then
        local sig=$((st - 128))
        case $sig in
        4|5|6|7|8|11|31)
            # The guest itself died of a signal and snapsim ended the same way, saying so.
            if [ "$1" != restore ] || ! grep -q 'signal\|killed' "$work/err"; then verdict="crash, signal $sig"; fi ;;
        24) verdict="hang (CPU-time limit)" ;;
        *) verdict="killed by signal $sig from outside" ;;
        esac
    fi
    if [ "$leftover" = 1 ]; then verdict="${verdict:+$verdict, }left a process running"; fi
    return 0
}

findings="$work_base/findings"
counts_leftover=0 counts_crash=0 counts_hang=0 counts_blocked=0 counts_killed=0 counts_escape=0
counts_message=0 counts_accept=0 counts_unreproduced=0 killed_clean=0 refused=0 accepted=0
report() { echo "mutant $1 (${2}): $3"; sed 's/^/    /' "$work/err" | head -3 | cat -v; }
# explain CMD: keeps the evidence of the verdict just found, runs the command again alone on the
# same mutant (with the host reset) and sets `again` to the re-run's verdict ("" if clean); the
# first run's status and outputs are put back afterwards.
explain() {
    local cmd="$1" st1="$st" v1="$verdict" l1="$leftover"
    local keep="$findings/seed-$seed.mutant-$i.$cmd"
    rm -rf "$keep"; mkdir -p "$keep"
    cp -a "$m" "$keep/mutant"; cp "$work/out" "$work/err" "$keep/" 2> /dev/null
    [ "$cmd" = restore ] && { rm -rf "$work/cwd"; cp -a "$work/cwd-${src%%/*}" "$work/cwd"; }
    run_cmd "$cmd"; classify "$cmd"; again="$verdict"
    cp "$work/out" "$keep/out.again" 2> /dev/null; cp "$work/err" "$keep/err.again" 2> /dev/null
    printf 'source %s\ncommand %s\nstatus %s: %s\nre-run status %s: %s\n' "$src" "$cmd" "$st1" "$v1" \
        "$st" "${again:-clean}" > "$keep/verdict"
    echo "    re-run alone: status $st, ${again:-clean}; evidence in $keep"
    st="$st1" verdict="$v1" leftover="$l1"
    cp "$keep/out" "$keep/err" "$work/" 2> /dev/null
}
count_verdict() {   # the verdict of a command and of its re-run
    if [ "${verdict#killed}" != "$verdict" ] && [ -z "$again" ]; then
        killed_clean=$((killed_clean + 1))   # a signal from outside: alone, the command is clean
        return
    fi
    case $verdict in
    crash*) counts_crash=$((counts_crash + 1)) ;;
    hang*) counts_hang=$((counts_hang + 1)) ;;
    blocked*) counts_blocked=$((counts_blocked + 1)) ;;
    killed*) counts_killed=$((counts_killed + 1)) ;;
    esac
    case $verdict in *"left a process running") counts_leftover=$((counts_leftover + 1)) ;; esac
    [ "$again" = "$verdict" ] || counts_unreproduced=$((counts_unreproduced + 1))
}

# summary WHEN: the counts so far (every CAMPAIGN_PROGRESS mutants, default 500, and at the end).
summary() {
    echo "campaign seed $seed: $1 $((i - ${CAMPAIGN_FROM:-0})) mutants of ${#sources[@]} snapshots in $((SECONDS - start)) s;" \
         "restore refused $refused, ran $accepted; crashes $counts_crash, hangs $counts_hang, blocked $counts_blocked," \
         "escapes $counts_escape, bad messages $counts_message, verify-accepted defects $counts_accept," \
         "processes left running $counts_leftover, killed $counts_killed, verdicts not reproduced alone" \
         "$counts_unreproduced; killed from outside but clean when re-run $killed_clean"
}
# Stopped early, the campaign still says what it found so far.
trap 'summary "stopped after"; exit 3' INT TERM
start=$SECONDS
for ((i = 0; i < mutants; i++)); do
    [ "$i" -gt "${CAMPAIGN_FROM:-0}" ] && [ $(((i - ${CAMPAIGN_FROM:-0}) % ${CAMPAIGN_PROGRESS:-500})) = 0 ] &&
        summary "progress:"
    rand ${#sources[@]}; src="${sources[$R]}"
    m="$work/m"; t="$m/${src#*/}"
    rm -rf "$m"; cp -a "$work/src/${src%%/*}" "$m"
    mutate "$m" "${src#*/}"
    [ "$i" -lt "${CAMPAIGN_FROM:-0}" ] && continue
    rm -rf "$work/cwd"; cp -a "$work/cwd-${src%%/*}" "$work/cwd"
    verify_ok=0
    for cmd in verify info diff merge restore; do
        run_cmd "$cmd"; classify "$cmd"
        if [ -n "$verdict" ]; then
            report "$i" "$src $cmd" "$verdict, status $st"
            explain "$cmd"
            count_verdict
            [ "$leftover" = 1 ] || continue   # a process left behind: its outputs are still judged
        fi
        [ "$cmd" = verify ] && [ "$st" = 0 ] && verify_ok=1
        if [ "$cmd" = restore ]; then
            if [ "$st" = 2 ] && grep -q '^snapsim: cannot restore' "$work/err"; then
                refused=$((refused + 1))
                if [ "$(grep -c '^snapsim: cannot restore' "$work/err")" != 1 ] ||
                   [ "$(grep -vc '^snapsim: .*\(changed since the snapshot\|restoring\|reads the snapshot\)' "$work/err")" != 1 ]; then
                    counts_message=$((counts_message + 1)); report "$i" "$src $cmd" "not one line"
                fi
                if [ "$verify_ok" = 1 ] && ! host_reason "$work/err"; then
                    counts_accept=$((counts_accept + 1)); report "$i" "$src $cmd" "verify accepted what restore refuses"
                fi
            elif [ "$st" = 2 ] && grep -q '^snapsim:' "$work/err" && ! grep -q '^snapsim: cannot restore' "$work/err"; then
                counts_message=$((counts_message + 1)); report "$i" "$src $cmd" "failed without naming the restore"
            else
                accepted=$((accepted + 1))
            fi
        elif [ "$cmd" = verify ] && [ "$st" != 0 ] && [ "$st" != 1 ]; then
            counts_message=$((counts_message + 1)); report "$i" "$src $cmd" "status $st"
        fi
    done
    if [ "$(canary_sum)" != "$canary_before" ]; then
        counts_escape=$((counts_escape + 1)); report "$i" "$src" "escape: the canary changed"
        rm -rf "$canary"; mkdir -p "$canary"; echo canary > "$canary/file"; mkfifo "$canary/fifo"
        canary_before=$(canary_sum)
    fi
done
summary "done:"
[ $((counts_crash + counts_hang + counts_blocked + counts_killed + counts_escape + counts_message + counts_accept +
     counts_leftover + counts_unreproduced)) = 0 ]
