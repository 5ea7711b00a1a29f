#!/usr/bin/env bash
# gem5's hack-back flow on the virt machine, end to end, and the time it saves: builds the
# project's Linux image (scripts/build-linux-image.sh, cached), boots it once with
# `snapsim.hackback` on the kernel command line so that /init checkpoints right after the boot
# (--on-checkpoint exit: a snapshot of the whole machine), then for each model restores that
# snapshot with a new script (--readfile tests/fullsys/hackback/a.sh, b.sh) and, to compare,
# boots straight through with the same script.  Prints each script's output and a table: boot to
# the checkpoint, restore + script, straight boot + script (wall clock and CPU seconds, best of
# --repeats), and the time one restore saves.
#
#   bench/hackback_linux.sh [--snapsim PATH] [--image DIR] [--models "fast pompia oroblanco inorder"]
#                           [--repeats N]
#
# --image is an image directory built already (default: build it into build/linux-image).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(dirname "$here")"
snapsim="$top/build/snapsim" image="" models="fast pompia oroblanco inorder" repeats=1
while [ $# -gt 0 ]; do
    case "$1" in
        --snapsim) snapsim="$2"; shift 2 ;;
        --image) image="$2"; shift 2 ;;
        --models) models="$2"; shift 2 ;;
        --repeats) repeats="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
case "$snapsim" in /*) ;; *) snapsim="$PWD/$snapsim" ;; esac
[ -x "$snapsim" ] || { echo "snapsim not found at $snapsim (use --snapsim)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is not installed (package time)" >&2; exit 2; }
if [ -z "$image" ]; then
    echo "building the Linux image (cached after the first time)..."
    image=$("$top/scripts/build-linux-image.sh" "$(dirname "$snapsim")/linux-image")
fi
scripts="$top/tests/fullsys/hackback"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# timed NAME ARGS...: snapsim run --machine virt ARGS, best of --repeats into NAME.best
# ("wall cpu"), its console in NAME.out; the run must end at the checkpoint or the power-off.
timed() {
    local name=$1 i
    shift
    for i in $(seq "$repeats"); do
        rm -rf "$work/$name.log"
        /usr/bin/time -f '%e %U %S' -o "$work/$name.time" "$snapsim" run --machine virt --log "$work/$name.log" "$@" \
            </dev/null >"$work/$name.out" 2>"$work/$name.err" ||
            { echo "$name failed:" >&2; tail -5 "$work/$name.out" "$work/$name.err" >&2; exit 1; }
        read -r wall user sys <"$work/$name.time"
        local cpu; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        if [ ! -f "$work/$name.best" ] || awk -v c="$cpu" '{ exit !(c < $2) }' "$work/$name.best"; then
            echo "$wall $cpu" >"$work/$name.best"
        fi
    done
}
software=(--bios "$image/fw_jump.bin" --kernel "$image/Image" --initrd "$image/initramfs.cpio"
          --disk "$image/disk.img" --append "console=ttyS0 printk.time=0 quiet snapsim.hackback")

timed boot "${software[@]}" --on-checkpoint exit
snap=$(ls -d "$work"/boot.log/*.snapshot)
cp -r "$snap" "$work/post-boot.snapshot"
snap="$work/post-boot.snapshot"
echo "post-boot snapshot: $(sed -n 's/.*taken at the guest.s checkpoint (instruction \([0-9]*\)).*/\1/p' "$work/boot.err") instructions," \
     "$(du -sh "$snap" | cut -f1) on disk"

rows=()
for model in $models; do
    for s in a b; do
        timed "restore.$model.$s" -m "$model" --restore "$snap" --readfile "$scripts/$s.sh"
        timed "straight.$model.$s" -m "$model" "${software[@]}" --on-checkpoint ignore --readfile "$scripts/$s.sh"
        cat "$work/boot.out" "$work/restore.$model.$s.out" | cmp -s - "$work/straight.$model.$s.out" ||
            { echo "$model, $s.sh: the restored console differs from the straight boot's" >&2; exit 1; }
        if [ "$model" = "$(echo $models | cut -d' ' -f1)" ]; then
            echo "--- $s.sh, restored into $model:"
            grep -v '^snapsim-init\|^reboot' "$work/restore.$model.$s.out" | sed 's/^/    /'
        fi
        read -r rw rc <"$work/restore.$model.$s.best"
        read -r sw sc <"$work/straight.$model.$s.best"
        rows+=("$(printf '| %s | %s.sh | %s / %s | %s / %s | %s |' "$model" "$s" "$rw" "$rc" "$sw" "$sc" \
                  "$(awk -v a="$sc" -v b="$rc" 'BEGIN { printf "%.2f", a - b }')")")
    done
done
read -r bw bc <"$work/boot.best"
echo
echo "boot to the checkpoint (fast model): $bw s wall, $bc s CPU"
echo "| model | script | restore + script: wall / CPU (s) | straight boot + script: wall / CPU (s) | CPU saved per restore (s) |"
echo "| --- | --- | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
