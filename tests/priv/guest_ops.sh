#!/bin/sh
# Guest ops from U-mode code on the bare machine, in every model: tests/priv/ops/guest_ops.S
# (-p and -v environments) reads the --readfile input and writes it back into --log, takes a
# checkpoint, and reads the input again.  A straight run writes the input three times; a run
# restored from the checkpoint's snapshot with another --readfile writes that one after it.
#
#   guest_ops.sh SNAPSIM PROGRAM_DIR
set -u
snapsim=$1 dir=$2
. "$(dirname "$0")/../lib/hang_guard.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
run() { timeout "$(hang_guard 600)" "$snapsim" run --machine bare -n 10000000 "$@"; }
same() { cmp -s "$1" "$2" || fail "$3: $(basename "$2") is not $(basename "$1")"; }

printf 'the first input\n' > "$work/in.txt"
printf 'another input, given to the restored run\n' > "$work/other.txt"
for env in p v; do
    prog=$dir/guest_ops.$env
    for model in fast pompia oroblanco inorder; do
        what="$env on $model"
        out=$work/$env.$model
        run -m $model --readfile "$work/in.txt" --log "$out.straight" --on-checkpoint ignore "$prog" \
            2>"$work/err" || fail "$what: straight run: status $?: $(cat "$work/err")"
        for f in before cross after; do same "$work/in.txt" "$out.straight/$f.txt" "$what, straight"; done

        run -m $model --readfile "$work/in.txt" --log "$out.ck" --on-checkpoint exit "$prog" 2>"$work/err" ||
            fail "$what: checkpoint run: status $?: $(cat "$work/err")"
        grep -q "taken at the guest's checkpoint" "$work/err" || fail "$what: no checkpoint: $(cat "$work/err")"
        [ ! -e "$out.ck/after.txt" ] || fail "$what: the checkpoint run went on past the checkpoint"
        snap=$(ls -d "$out.ck"/*.snapshot)
        run -m $model --readfile "$work/other.txt" --log "$out.restored" --restore "$snap" 2>"$work/err" ||
            fail "$what: restored run: status $?: $(cat "$work/err")"
        same "$work/other.txt" "$out.restored/after.txt" "$what, restored"
        [ ! -e "$out.restored/before.txt" ] || fail "$what: the restored run repeated the ops before the checkpoint"
    done
done
# Without --readfile and --log the ops report -ENOENT and -EPERM: case 1 fails.
run "$dir/guest_ops.p" 2>"$work/err"
[ $? -eq 1 ] || fail "without --readfile: not case 1: $(cat "$work/err")"
echo "guest ops on the bare machine: every model, both environments"
