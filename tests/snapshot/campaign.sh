#!/usr/bin/env bash
# Mutation campaign against the snapshot readers.
#
# Takes real snapshots of several programs (open files, files written, links, a MAP_SHARED
# mapping, an incremental chain), then for each mutant copies one of them, applies one seeded
# mutation (a byte flip, insertion or truncation in any file, or a structured edit of config:
# numbers made huge, negative or zero, strings replaced by path tricks, references broken,
# files swapped for FIFOs or symbolic links) and runs `run --restore`, `snapshot verify`, `info`,
# `diff` and `merge` on it under a CPU-time and memory limit.  A canary directory outside the
# allowed trees must never change.  Verdicts:
#   crash   a status >= 128 (a signal) or a sanitizer report
#   hang    the CPU-time limit hit (60 s of CPU: machine speed does not matter)
#   escape  the canary changed
#   message a refusal that is not exactly one `snapsim:` line
#   accept  verify said OK but restore refused for a reason that is not the host's
#   leftover a command left a process running after it ended
# The same seed gives the same mutants; CAMPAIGN_FROM=N generates but skips the mutants before N
# (to reproduce one).  CAMPAIGN_MEMORY_KB (default 8000000) limits the tools' address space; set
# it to 0 for a sanitizer build, whose shadow memory needs an unlimited address space.
#
#   campaign.sh SNAPSIM GUEST_DIR WORK_BASE MUTANTS [SEED]
set -u
snapsim="$1" guest="$2" work_base="$3" mutants="$4" seed="${5:-1}"
mkdir -p "$work_base"
work="$(mktemp -d "$work_base/campaign.XXXXXX")"
trap 'rm -rf "$work"' EXIT
ulimit -c 0
canary="$work/canary"; mkdir -p "$canary"; echo canary > "$canary/file"
canary_sum() { (stat -c '%Y %s %h' "$canary" && cd "$canary" && ls -l --time-style=+%s && cat file) | cksum; }
canary_before=$(canary_sum)

# ---- the snapshots to mutate ----
mkdir -p "$work/src" "$work/cwd/scratch"
take() {   # NAME POINT PROGRAM ARGS...
    local name="$1" point="$2"; shift 2
    (cd "$work/cwd" && "$snapsim" run --clear-env --snapshots "$point" --max-instructions "$point" \
        --config mainmem:filename:"$work/src/$name" -- "$@" > /dev/null 2>&1 < /dev/null)
    [ -d "$work/src/$name.$(printf %015d "$point").snapshot" ] || { echo "cannot take $name@$point"; exit 1; }
    cp -a "$work/cwd" "$work/cwd-$name"   # the host as it was at the snapshot point
}
take sum 900 "$guest/sum" 1 2 3
take fileio_a 10000 "$guest/file_io" scratch
take fileio_b 30000 "$guest/file_io" scratch
take fileio_c 120000 "$guest/file_io" scratch
take mmap 540000 "$guest/mmap_ops"
(cd "$work/cwd" && "$snapsim" run --clear-env --snapshots 300 600 900 --config mainmem:filename:"$work/src/chain" \
    -- "$guest/sum" 1 2 3 > /dev/null 2>&1)
cp -a "$work/cwd" "$work/cwd-chain"
mapfile -t sources < <(cd "$work/src" && ls -d *.snapshot)

# ---- deterministic random numbers (an LCG, so bash versions agree) ----
rng=$seed
# rand N sets R to a number in [0, N) (a variable, not output: a subshell would lose the state).
rand() { rng=$(( (rng * 6364136223846793005 + 1442695040888963407) & 0x7fffffffffffffff )); R=$(( (rng >> 16) % $1 )); }

mutate() {   # DIR: one mutation of the snapshot in DIR
    local dir="$1" files f size kind at
    mapfile -t files < <(cd "$dir" && ls)
    rand ${#files[@]}; f="$dir/${files[$R]}"
    size=$(stat -c %s "$f")
    rand 10; kind=$R
    case $kind in
    0|1) if [ "$size" -gt 0 ]; then
             rand 256; local byte=$R; rand "$size"
             printf "\\x$(printf %02x "$byte")" | dd of="$f" bs=1 seek="$R" conv=notrunc 2>/dev/null
         fi ;;
    2) rand $((size + 1)); truncate -s "$R" "$f" ;;
    3) rand $((size + 1)); at=$R; rand 64
       { head -c "$at" "$f"; head -c $((1 + R)) /dev/zero | tr '\0' x; tail -c +$((at + 1)) "$f"; } > "$f.new" &&
           mv "$f.new" "$f" ;;
    4) rm "$f"; mkfifo "$f" ;;
    5) rm "$f"; ln -s "$canary/file" "$f" ;;
    *) # structured edit of config: the n-th number or string
       local c="$dir/config" n which
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

# The tools get an address-space limit (8 GB); a restore reserves the guest's whole address
# space up front (which RLIMIT_AS and RLIMIT_DATA both count), so it gets the CPU limit only.
# Each command runs in a session of its own: a process it leaves behind (which could write into
# the next command's output files and so fake a verdict) is found, killed and reported.
limit() {   # MEMORY-LIMIT-OPTION COMMAND...: runs it under the limits; prints its status
    local lim="$1"; shift
    rm -f "$work/out" "$work/err"
    ( ulimit -t 60 $lim; cd "$work/cwd" && exec setsid "$@" > "$work/out" 2> "$work/err" < /dev/null ) &
    local pid=$! st
    wait "$pid"; st=$?
    if kill -0 -- "-$pid" 2> /dev/null; then
        kill -KILL -- "-$pid" 2> /dev/null
        : > "$work/leftover"
    fi
    echo "$st"
}

vmem="-v ${CAMPAIGN_MEMORY_KB:-8000000}"
[ "${CAMPAIGN_MEMORY_KB:-}" = 0 ] && vmem=""
counts_leftover=0 counts_crash=0 counts_hang=0 counts_escape=0 counts_message=0 counts_accept=0 refused=0 accepted=0
report() { echo "mutant $1 (${2}): $3"; sed 's/^/    /' "$work/err" | head -3; }
for ((i = 0; i < mutants; i++)); do
    rand ${#sources[@]}; src="${sources[$R]}"
    m="$work/src/m.$src"
    rm -rf "$m" "$work/merged.snapshot"; cp -a "$work/src/$src" "$m"
    mutate "$m"
    [ "$i" -lt "${CAMPAIGN_FROM:-0}" ] && continue
    rm -rf "$work/cwd"; cp -a "$work/cwd-${src%%.*}" "$work/cwd"
    verify_ok=0
    for cmd in verify info diff merge restore; do
        case $cmd in
        verify) st=$(limit "$vmem" "$snapsim" snapshot verify "$m") ;;
        info) st=$(limit "$vmem" "$snapsim" snapshot info "$m") ;;
        diff) st=$(limit "$vmem" "$snapsim" snapshot diff "$m" "$work/src/$src") ;;
        merge) st=$(limit "$vmem" "$snapsim" snapshot merge "$m" "$work/merged.snapshot") ;;
        # A mutated guest may legitimately loop forever: bound it by instructions, not time.
        restore) st=$(limit "" "$snapsim" run --restore "$m" --max-instructions 200000000) ;;
        esac
        if grep -q 'Sanitizer\|runtime error' "$work/err" || { [ "$st" -ge 128 ] && [ "$st" != 152 ] && [ "$st" != 137 ]; }; then
            [ "$cmd" = restore ] && [ "$st" -ge 128 ] && ! grep -q 'Sanitizer\|runtime error' "$work/err" &&
                grep -q 'signal\|killed' "$work/err" && continue   # the guest itself died of a signal
            counts_crash=$((counts_crash + 1))
            report "$i" "$src $cmd" "crash, status $st$(grep -q 'Sanitizer\|runtime error' "$work/err" && echo ', sanitizer report')"
        elif [ "$st" = 152 ] || [ "$st" = 137 ]; then
            counts_hang=$((counts_hang + 1)); report "$i" "$src $cmd" "hang (CPU-time limit)"
        fi
        if [ -e "$work/leftover" ]; then
            rm -f "$work/leftover"
            counts_leftover=$((counts_leftover + 1)); report "$i" "$src $cmd" "left a process running"
        fi
        [ "$cmd" = verify ] && [ "$st" = 0 ] && verify_ok=1
        if [ "$cmd" = restore ]; then
            if [ "$st" = 2 ] && [ "$(grep -c '' "$work/err")" -ge 1 ] && grep -q '^snapsim: cannot restore' "$work/err"; then
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
        elif [ "$cmd" = verify ] && [ "$st" != 0 ] && [ "$st" != 1 ] && [ "$st" -lt 124 ]; then
            counts_message=$((counts_message + 1)); report "$i" "$src $cmd" "status $st"
        fi
    done
    if [ "$(canary_sum)" != "$canary_before" ]; then
        counts_escape=$((counts_escape + 1)); report "$i" "$src" "escape: the canary changed"
        rm -rf "$canary"; mkdir -p "$canary"; echo canary > "$canary/file"; canary_before=$(canary_sum)
    fi
done
echo "campaign seed $seed: $mutants mutants of ${#sources[@]} snapshots; restore refused $refused, ran $accepted;" \
     "crashes $counts_crash, hangs $counts_hang, escapes $counts_escape, bad messages $counts_message," \
     "verify-accepted defects $counts_accept, processes left running $counts_leftover"
[ $((counts_crash + counts_hang + counts_escape + counts_message + counts_accept + counts_leftover)) = 0 ]
