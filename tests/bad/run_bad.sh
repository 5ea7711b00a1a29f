#!/usr/bin/env bash
# Feeds snapsim one malformed program file and checks that it refuses it cleanly: exit status
# 2, nothing on stdout, exactly one line on stderr starting with "snapsim:", and no file left
# behind in the working directory.
#
#   run_bad.sh --snapsim PATH --work DIR --elf STATIC_RISCV_ELF [--dynamic-elf ELF]
#              [--object ELF_O] [--rv32-elf ELF] CASE
#
# The inputs are derived at test time from real binaries in the build tree (nothing binary is
# checked in).  CASE is one of the names listed in make_input below.
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"

die() { echo "run_bad.sh: $*" >&2; exit 2; }

snapsim="" work="" elf="" dynamic_elf="" object="" rv32_elf="" case_name=""
while [ $# -gt 0 ]; do
    case "$1" in
        --snapsim) snapsim="${2:-}"; shift 2 ;;
        --work) work="${2:-}"; shift 2 ;;
        --elf) elf="${2:-}"; shift 2 ;;
        --dynamic-elf) dynamic_elf="${2:-}"; shift 2 ;;
        --object) object="${2:-}"; shift 2 ;;
        --rv32-elf) rv32_elf="${2:-}"; shift 2 ;;
        -*) die "unknown option $1" ;;
        *) case_name="$1"; shift ;;
    esac
done
[ -n "$case_name" ] || die "no case given"
[ -x "$snapsim" ] || die "snapsim '$snapsim' not found or not executable"
[ -n "$work" ] || die "--work DIR is required"
[ -f "$elf" ] || die "--elf: valid RISC-V program '$elf' not found (was it built?)"

# Absolute paths: the run happens inside the work directory.
absolute() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
snapsim="$(absolute "$snapsim")"
mkdir -p "$work" || die "cannot create $work"
work="$(absolute "$work")"
rm -rf "$work"
mkdir "$work" || die "cannot create $work"
input="$work/input"

# Writes the bytes given as hex pairs ("7f454c46") into $input at byte offset $1.
patch_hex() {
    local offset="$1" hex="$2" esc=""
    while [ -n "$hex" ]; do esc="$esc\\x${hex:0:2}"; hex="${hex:2}"; done
    printf '%b' "$esc" | dd of="$input" bs=1 seek="$offset" conv=notrunc status=none
}

# Reads an unsigned little-endian integer of $2 bytes at offset $1 of $input.
read_u() { od -An -t "u$2" -j "$1" -N "$2" "$input" | tr -d ' '; }

# $2 as a little-endian hex string of $1 bytes.
le_hex() {
    local n="$1" v="$2" out="" i
    for ((i = 0; i < n; i++)); do out="$out$(printf '%02x' $((v & 0xff)))"; v=$((v >> 8)); done
    echo "$out"
}

# Deterministic pseudo-random bytes (xorshift), $1 of them, as hex.
random_hex() {
    local n="$1" x=88172645463325252 out="" i
    for ((i = 0; i < n; i++)); do
        x=$((x ^ (x << 13))); x=$((x ^ ((x >> 7) & 0x01ffffffffffffff))); x=$((x ^ (x << 17)))
        out="$out$(printf '%02x' $((x & 0xff)))"
    done
    echo "$out"
}

# The offset of the first PT_LOAD program header of $input.
first_load_phdr() {
    local phoff phnum i off
    phoff=$(read_u 32 8)
    phnum=$(read_u 56 2)
    for ((i = 0; i < phnum; i++)); do
        off=$((phoff + i * 56))
        if [ "$(read_u "$off" 4)" = 1 ]; then echo "$off"; return; fi
    done
    die "no PT_LOAD in $elf"
}

make_input() {
    local size
    size=$(stat -c %s "$elf")
    case "$case_name" in
        trunc_10|trunc_63|trunc_64|trunc_200)
            head -c "${case_name#trunc_}" "$elf" > "$input" ;;
        trunc_half)
            head -c $((size / 2)) "$elf" > "$input" ;;
        x86_elf)        # a host executable: right format, wrong machine (on an x86-64 host)
            cp "$(type -P true)" "$input" ;;
        random)
            : > "$input"; patch_hex 0 "$(random_hex 1024)" ;;
        elf_magic_garbage)  # a valid ELF64 little-endian e_ident, then garbage
            : > "$input"; patch_hex 0 "7f454c46020101000000000000000000$(random_hex 240)" ;;
        empty)
            : > "$input" ;;
        missing)
            input="$work/does-not-exist" ;;
        directory)
            mkdir "$input" ;;
        not_executable)
            cp "$elf" "$input"; chmod 0644 "$input" ;;
        rv32_elf)       # a 32-bit RISC-V program, or a 64-bit one relabelled ELFCLASS32
            if [ -n "$rv32_elf" ] && [ -f "$rv32_elf" ]; then
                cp "$rv32_elf" "$input"
            else
                cp "$elf" "$input"; patch_hex 4 01
            fi ;;
        big_endian)     # EI_DATA = ELFDATA2MSB
            cp "$elf" "$input"; patch_hex 5 02 ;;
        dynamic_elf)    # needs an interpreter (PT_INTERP), which user-mode static loading lacks
            [ -f "$dynamic_elf" ] || die "--dynamic-elf not built"
            cp "$dynamic_elf" "$input" ;;
        object_file)    # ET_REL: not an executable
            [ -f "$object" ] || die "--object not built"
            cp "$object" "$input" ;;
        phoff_past_end) # program header table offset far past the end of the file
            cp "$elf" "$input"; patch_hex 32 "$(le_hex 8 $((size + 4096)))" ;;
        phnum_huge)     # 65535 program headers: the table runs off the end of the file
            cp "$elf" "$input"; patch_hex 56 ffff ;;
        phentsize_bad)  # wrong program header entry size
            cp "$elf" "$input"; patch_hex 54 "$(le_hex 2 20)" ;;
        segment_past_end)   # first PT_LOAD's file range extends beyond the file
            cp "$elf" "$input"
            local ph; ph=$(first_load_phdr)
            patch_hex $((ph + 32)) "$(le_hex 8 $((size * 4)))"          # p_filesz
            patch_hex $((ph + 40)) "$(le_hex 8 $((size * 4)))" ;;       # p_memsz
        memsz_huge)     # a 2^62-byte segment: must be refused, not allocated
            cp "$elf" "$input"
            local ph; ph=$(first_load_phdr)
            patch_hex $((ph + 40)) "0000000000000040" ;;
        *) die "unknown case '$case_name'" ;;
    esac
}

make_input
# Every input but one is executable, so each case tests its own defect only.
if [ -f "$input" ] && [ "$case_name" != not_executable ]; then chmod 0755 "$input"; fi
# Everything in the working directory before the run (the input itself, at most).
before="$(ls -A "$work")"

out="$(dirname "$work")/$(basename "$work").stdout"
err="$(dirname "$work")/$(basename "$work").stderr"
ulimit -c 0
status=$( { cd "$work" && timeout -k 5 "$(hang_guard 120)" "$snapsim" run -- "$input" > "$out" 2> "$err"
            echo $?; } 2>/dev/null )

failed=0
fail() { echo "FAIL bad.$case_name: $*"; failed=1; }
[ "$status" = 2 ] || fail "exit status $status, expected 2$([ "$status" = 124 ] && echo ' (timed out)')"
[ -s "$out" ] && fail "wrote to stdout: $(head -c 200 "$out")"
lines=$(wc -l < "$err")
if [ "$lines" != 1 ] || [ "$(head -c 8 "$err")" != "snapsim:" ]; then
    fail "stderr must be exactly one line starting with 'snapsim:', got $lines line(s):"
    head -5 "$err" | cut -c1-200
fi
after="$(ls -A "$work")"
[ "$before" = "$after" ] || fail "files appeared in the working directory: $(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ')"

if [ "$failed" = 1 ]; then
    echo "command: (cd $work && $snapsim run -- $input)"
    exit 1
fi
echo "PASS bad.$case_name: $(cat "$err")"
rm -rf "$work" "$out" "$err"
exit 0
