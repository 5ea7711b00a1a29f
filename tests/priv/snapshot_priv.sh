#!/bin/sh
# The hart's privileged state in snapshots (the `priv` attribute of rv64-hart): NIL for a
# user-mode hart, a dictionary of the mode and every CSR otherwise; restoring refuses a
# dictionary that is incomplete, names an unknown CSR or holds a state the hart cannot be in.
#
#   snapshot_priv.sh SNAPSIM GUEST_DIR
set -u
snapsim=$1 guest=$2
. "$(dirname "$0")/../lib/hang_guard.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
run() { (cd "$work" && timeout "$(hang_guard 600)" "$snapsim" run "$@"); }

run --clear-env --snapshots 900 --config mainmem:filename:"$work/base" -- "$guest/sum" 1 2 3 >"$work/straight" ||
    fail "cannot take the base snapshot"
base="$work/base.$(printf %015d 900).snapshot"
grep -q 'priv: NIL' "$base/config" || fail "a user-mode hart's snapshot lacks 'priv: NIL'"

# A complete dictionary of a valid system-mode state, with MODE as the privilege mode.
full_dict() {
    printf '{"mode": %s, "mstatus": 0xa00000000' "$1"
    for csr in mip mie medeleg mideleg mtvec mepc mcause mtval mscratch stvec sepc scause stval \
               sscratch satp mcounteren scounteren mcountinhibit menvcfg senvcfg mhartid \
               mcycle_offset minstret_offset pmpcfg0 pmpcfg2; do
        printf ', "%s": 0x0' "$csr"
    done
    for e in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
        printf ', "pmpaddr%s": 0x0' "$e"
    done
    printf '}'
}

# restore NAME VALUE STATUS PATTERN: restoring with `priv: VALUE` exits with STATUS (non-zero:
# a one-line error matching PATTERN).
restore() {
    s="$work/$1.snapshot"
    cp -a "$base" "$s"
    VALUE=$2 perl -0pi -e 's/priv: NIL/priv: $ENV{VALUE}/' "$s/config"
    run --restore "$s" >"$work/out" 2>"$work/err"
    got=$?
    if [ "$got" -ne "$3" ]; then
        fail "$1: exit $got, expected $3: $(cat "$work/err")"
    elif [ "$3" -ne 0 ] && { [ "$(wc -l <"$work/err")" -ne 1 ] || ! grep -q "$4" "$work/err"; }; then
        fail "$1: expected one line matching '$4', got: $(cat "$work/err")"
    fi
}

restore mode2 "$(full_dict 2)" 2 "privilege mode 2"
restore incomplete '{"mode": 3}' 2 "'mstatus' is missing"
restore unknown "$(full_dict 3 | sed 's/"mip"/"mfoo"/')" 2 "unknown CSR 'mfoo'"
restore not_dict '5' 2 "priv"
restore satp_mode "$(full_dict 1 | sed 's/"satp": 0x0/"satp": 0xa000000000000000/')" 2 "satp mode 10"
restore valid "$(full_dict 1)" 0 ""
cmp -s "$work/out" "$work/straight" || fail "a restore with a valid privileged state ran differently"
exit $status
