#!/usr/bin/env bash
# Seeds for fuzz_snapshot: real snapshots taken by SNAPSIM of the project's guest programs, each
# packed with its ancestors by pack_snapshot.pl into OUT_DIR (one input per snapshot).  They
# cover a finished program (sum), open and written files (file_io), a MAP_SHARED mapping
# (mmap_ops), threads waiting on futexes (thread_semaphores), an incremental chain whose
# newest snapshot shares a saved file content through %1%/raw (snapshot_read_later), and two
# whole machines (bare and virt).
#   snapshot_seeds.sh SNAPSIM GUEST_DIR OUT_DIR
set -eu
snapsim="$1" guest="$2" out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
run="$(mktemp -d)"
trap 'rm -rf "$run"' EXIT
mkdir -p "$run/scratch"
seq 1 20000 > "$run/scratch/input.txt"
take() {   # NAME MAX-INSTRUCTIONS POINTS PROGRAM ARGS...
    name="$1" max="$2" points="$3"
    shift 3
    # shellcheck disable=SC2086  # the points are words
    (cd "$run" && "$snapsim" run --clear-env --snapshots $points --max-instructions "$max" \
        --config mainmem:filename:"$name" -- "$@" > /dev/null 2>&1 < /dev/null)
}
take sum 900 900 "$guest/sum" 1 2 3
take fileio 120000 "10000 30000 120000" "$guest/file_io" scratch
take mmap 540000 540000 "$guest/mmap_ops"
take threads 200000 200000 "$guest/thread_semaphores"
take saved 200000 "100000 200000" "$guest/snapshot_read_later" "$run/scratch/input.txt"
grep -q '%1%/raw' "$run/saved.$(printf %015d 200000).snapshot/config"
# Whole machines: a U-mode program under Sv39 on the bare machine, and a chain of the virt
# machine (OpenSBI and the S-mode payload, every device).
(cd "$run" && "$snapsim" run --machine bare --snapshots 400 --max-instructions 1000 \
    --config mainmem:filename:bare "$guest/priv/int_alu.v" > /dev/null 2>&1 < /dev/null)
(cd "$run" && "$snapsim" run --machine virt --memory 64M --kernel "$guest/virt/sbi_payload.bin" \
    --snapshots 1000000 2000000 --max-instructions 2000000 --config mainmem:filename:virt > /dev/null 2>&1 < /dev/null)
for s in "$run"/*.snapshot; do
    # Its ancestors are the older snapshots of the same run (its chain).
    ancestors=""
    prefix="${s##*/}"; prefix="${prefix%%.*}"
    for a in "$run/$prefix".*.snapshot; do
        if [[ "$a" < "$s" ]]; then ancestors="$a $ancestors"; fi
    done
    # shellcheck disable=SC2086  # directory names without spaces
    "$here/pack_snapshot.pl" "$s" $ancestors > "$out/${s##*/}"
done
