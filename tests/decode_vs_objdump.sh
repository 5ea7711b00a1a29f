#!/bin/sh
# Proof that the decoder handles every instruction Debian's rv64gc cross compiler emits: links a
# program with the whole of static glibc and libm (plus tests/decode/every_op.S, which holds every
# operation once), and each tests/programs/*.c as an ordinary static program, then compares our
# disassembly of every instruction with `objdump -d -M no-aliases`.
#
#   decode_vs_objdump.sh TOOL SOURCE_DIR WORK_DIR
#
# TOOL is the decode_vs_objdump host tool; SOURCE_DIR the tests/ directory.  The compiler and
# objdump come from $RISCV_LINUX_GCC and $RISCV_OBJDUMP (default: the riscv64-linux-gnu ones).
set -eu

if [ $# -ne 3 ]; then
    echo "usage: decode_vs_objdump.sh TOOL SOURCE_DIR WORK_DIR" >&2
    exit 2
fi
tool=$1 src=$2 work=$3
cc=${RISCV_LINUX_GCC:-riscv64-linux-gnu-gcc}
objdump=${RISCV_OBJDUMP:-riscv64-linux-gnu-objdump}
flags="-static -O2 -march=rv64gc -mabi=lp64d"
mkdir -p "$work"

# Instructions outside what the decoder implements that objdump names and the decoder must reject.
# Static glibc contains none today; these come from every_op.S: Zbkb, c.unimp.
expected_illegal="-x pack -x packw -x c.unimp"

# Compares one executable; extra arguments go to the tool.
check() {
    exe=$1
    shift
    "$objdump" -d -M no-aliases "$exe" >"$exe.dis"
    printf '%s: ' "$(basename "$exe")"
    "$tool" "$@" $expected_illegal "$exe" "$exe.dis"
}

status=0

# The whole C library: --whole-archive pulls in every object, and --allow-multiple-definition
# lets the few objects that define the same symbol (for example __dso_handle) coexist.  Linker
# warnings about getaddrinfo and friends in static programs are expected and hidden.
whole=$work/decode_whole_glibc
if ! "$cc" $flags -o "$whole" "$src/decode/main.c" "$src/decode/every_op.S" \
        -Wl,--whole-archive -lc -lm -Wl,--no-whole-archive -Wl,--allow-multiple-definition \
        2>"$whole.log"; then
    cat "$whole.log" >&2
    echo "decode_vs_objdump.sh: cannot build $whole" >&2
    exit 2
fi
check "$whole" -a || status=1

for prog in "$src"/programs/*.c; do
    [ -e "$prog" ] || continue
    exe=$work/decode_$(basename "$prog" .c)
    # A program's NAME.flags (for example a -march with extensions) applies here too.
    extra=
    [ -e "${prog%.c}.flags" ] && extra=$(cat "${prog%.c}.flags")
    if ! "$cc" $flags $extra -o "$exe" "$prog" -lm 2>"$exe.log"; then
        echo "$(basename "$prog"): does not build on its own, not compared"
        continue
    fi
    check "$exe" || status=1
done
exit $status
