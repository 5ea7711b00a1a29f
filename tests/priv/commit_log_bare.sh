#!/bin/sh
# Commit logs on system machines: for each bare-machine program, the fast model's commit log
# (--commit-log) and each pipeline model's are identical; the log has one line per retired
# instruction and one exception line per trap taken (as the statistics count them), in Spike's
# privileged format (the privilege level after the core, "exception trap_..., epc ..." lines).
# On the virt machine (OpenSBI and the S-mode payload), the fast model's and a pipeline's logs
# agree up to the first read of a clock CSR, which is where their timing first shows.
#
#   commit_log_bare.sh SNAPSIM PRIV_PROGRAM_DIR VIRT_PAYLOAD
set -u
snapsim=$1 dir=$2 payload=$3
. "$(dirname "$0")/../lib/hang_guard.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
run() { timeout "$(hang_guard 600)" "$snapsim" run "$@"; }

for name in traps faults interrupts paging csr_access int_atomic.v fp_arith_d.p int_compressed.v; do
    prog=$dir/$name
    log=$work/$name
    run --machine bare -n 10000000 --commit-log "$log.fast" -c stats:output_filename:"$log.json" "$prog" \
        >/dev/null 2>"$work/err" || fail "$name on fast: status $?: $(cat "$work/err")"
    python3 - "$log.fast" "$log.json" <<'PY' || fail "$name: the fast model's log does not match its run"
import json, re, sys
lines = open(sys.argv[1]).read().splitlines()
core = json.load(open(sys.argv[2]))["0"]
insn = re.compile(r"core   0: [013] 0x[0-9a-f]{16} \(0x([0-9a-f]{4}|[0-9a-f]{8})\)( .*)?$")
trap = re.compile(r"core   0: exception (trap_[a-z_]+|interrupt #[0-9]+), epc 0x[0-9a-f]{16}$")
tval = re.compile(r"core   0:           tval 0x[0-9a-f]{16}$")
retired = sum(1 for l in lines if insn.match(l))
traps = sum(1 for l in lines if trap.match(l))
other = [l for l in lines if not (insn.match(l) or trap.match(l) or tval.match(l))]
want_traps = core["exceptions"] + core["interrupts"]
if other or retired != core["instructions"] or traps != want_traps:
    sys.exit(f"{retired} retired (want {core['instructions']}), {traps} traps (want {want_traps}), "
             f"unparsed: {other[:3]}")
PY
    for model in pompia oroblanco inorder; do
        run --machine bare -n 10000000 -m $model --commit-log "$log.$model" "$prog" >/dev/null 2>"$work/err" ||
            fail "$name on $model: status $?: $(cat "$work/err")"
        cmp -s "$log.fast" "$log.$model" ||
            fail "$name: the commit logs of fast and $model differ: $(diff "$log.fast" "$log.$model" | head -4)"
    done
done
# The privileged tests go through every mode and trap kind the log shows.
grep -q '^core   0: 1 ' "$work/traps.fast" || fail "no S-mode instruction in the log of traps"
grep -q '^core   0: 0 ' "$work/traps.fast" || fail "no U-mode instruction in the log of traps"
grep -q '^core   0: exception trap_user_ecall, epc' "$work/traps.fast" || fail "no ecall from U-mode logged"
grep -q '^core   0: exception interrupt #' "$work/interrupts.fast" || fail "no interrupt logged"
grep -q '^core   0: exception trap_load_page_fault, epc' "$work/paging.fast" || fail "no page fault logged"
grep -q '^core   0:           tval 0x' "$work/paging.fast" || fail "no tval logged"
grep -q ' c0x305 0x' "$work/traps.fast" || fail "no write of mtvec logged"

for model in fast pompia; do
    printf 'Q\n' | run --machine virt --kernel "$payload" -n 400000 -m $model --commit-log "$work/virt.$model" \
        >/dev/null 2>"$work/err" || fail "the virt payload on $model: status $?: $(cat "$work/err")"
done
python3 - "$work/virt.fast" "$work/virt.pompia" <<'PY' || fail "the virt machine's commit logs differ"
import re, sys
clock = re.compile(r"^core   0: [013] 0x[0-9a-f]{16} \(0x(c0[012]|b0[02])[0-9a-f]{5}\)")  # cycle, time, instret
n = 0
with open(sys.argv[1]) as a, open(sys.argv[2]) as b:
    for la, lb in zip(a, b):
        if clock.match(la):
            break
        if la != lb:
            sys.exit(f"line {n + 1}: {la.strip()} / {lb.strip()}")
        n += 1
if n < 100000:
    sys.exit(f"only {n} lines before the first clock read")
print(f"virt: {n} lines agree before the first clock read")
PY
echo ok
