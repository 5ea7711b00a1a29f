#!/usr/bin/env bash
# Reproducible counts: the same command line must retire the same instructions, print the same
# output and give the same statistics (bar host timings and the run description) whatever the
# host around it -- the working directory (of another length), stdin from a file or a pipe,
# stdout to a file, a pipe, /dev/null or a terminal (`script`, when installed), and the host
# environment.
#
#   same_counts.sh SNAPSIM MODEL WORK_BASE PROGRAM [ARGS...]
#
# PROGRAM runs in directories that each hold the same data.txt, with the same stdin text.
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
snapsim="$1" model="$2" work_base="$3"
shift 3
program=("$@")
case "$snapsim" in /*) ;; */*) snapsim="$PWD/$snapsim" ;; esac   # the runs change directory
mkdir -p "$work_base"
work_base="$(cd "$work_base" && pwd)"
work="$(mktemp -d "$work_base/repro.XXXXXX")"
trap 'rm -rf "$work"' EXIT
short="$work/a" long="$work/a-much-longer-directory-name/and/deeper/still"
mkdir -p "$short" "$long"
for d in "$short" "$long"; do echo "the same data" > "$d/data.txt"; done
printf 'one\ntwo words\nthree more words\n' > "$work/stdin.txt"
guard=$(hang_guard 600)
fail=0

# run NAME DIR STDIN(file|pipe) STDOUT(file|pipe|null|tty) ENV(plain|busy)
run() {
    local name="$1" dir="$2" in="$3" out="$4" envkind="$5"
    local stats="$work/$name.json" text="$work/$name.out"
    local envcmd=(env -i PATH=/usr/bin:/bin)
    [ "$envkind" = busy ] && envcmd=(env HOME=/nonexistent/home/of/someone LANG=C.UTF-8 TERM=xterm
                                     COLUMNS=132 PWD="$dir" OLDPWD=/ SHLVL=3 EXTRA="$(printf 'x%.0s' {1..200})")
    local cmd=("${envcmd[@]}" timeout -k 5 "$guard" "$snapsim" run --model "$model"
               --config "stats:output_filename:$stats" -- "${program[@]}")
    local q; q=$(printf ' %q' "${cmd[@]}")
    local src="< $(printf %q "$work/stdin.txt")"
    [ "$in" = pipe ] && src=""
    local feed="cat $(printf %q "$work/stdin.txt") |"
    [ "$in" = file ] && feed=""
    case "$out" in
        file) (cd "$dir" && eval "$feed $q $src > $(printf %q "$text") 2>/dev/null") ;;
        pipe) (cd "$dir" && eval "$feed $q $src 2>/dev/null | cat > $(printf %q "$text")") ;;
        null) (cd "$dir" && eval "$feed $q $src > /dev/null 2>&1"); : > "$text" ;;
        tty)  (cd "$dir" && script -qec "$feed $q $src" /dev/null > /dev/null 2>&1); : > "$text" ;;
    esac
    local st=$?
    [ "$st" = 0 ] || { echo "FAIL $name: exit status $st"; fail=1; }
    python3 -c 'import json, sys
def strip(v):   # the host timings and the run description (paths, host) are not counters
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if not k.endswith("host_seconds") and k != "config"}
    return [strip(x) for x in v] if isinstance(v, list) else v
json.dump(strip(json.load(open(sys.argv[1]))), sys.stdout, indent=1, sort_keys=True)' \
        "$stats" > "$work/$name.stats" 2>/dev/null ||
        { echo "FAIL $name: no statistics"; fail=1; }
}

same() {   # same NAME [BASELINE]: NAME's statistics (and output, when captured) equal the baseline's
    local b="${2:-base}"
    if ! cmp -s "$work/$b.stats" "$work/$1.stats"; then
        echo "FAIL $1: statistics differ from $b's"
        diff "$work/$b.stats" "$work/$1.stats" | head -10
        fail=1
    fi
    if [ -s "$work/$1.out" ] && ! cmp -s "$work/$b.out" "$work/$1.out"; then
        echo "FAIL $1: output differs from $b's"
        diff "$work/$b.out" "$work/$1.out" | head -10
        fail=1
    fi
}

run base "$short" file file plain
variants="long_cwd stdin_pipe stdout_pipe stdout_null busy_env all_at_once"
run long_cwd "$long" file file plain
run stdin_pipe "$short" pipe file plain
run stdout_pipe "$short" file pipe plain
run stdout_null "$short" file null plain
run busy_env "$short" file file busy
run all_at_once "$long" pipe pipe busy
if command -v script > /dev/null; then
    run stdout_tty "$long" file tty busy
    variants="$variants stdout_tty"
fi
for v in $variants; do same "$v"; done
# The program in the directory itself, named relatively: where the directory lies must not leak
# either (static glibc reads /proc/self/exe at start-up, and /proc/self/maps names the program).
if [ -f "${program[0]}" ]; then
    for d in "$short" "$long"; do cp "${program[0]}" "$d/prog"; done
    program=(./prog "${program[@]:1}")
    run own_copy "$short" file file plain
    run own_copy_long_cwd "$long" file file plain
    same own_copy_long_cwd own_copy
    variants="$variants own_copy_long_cwd"
fi
[ "$fail" = 0 ] || exit 1
echo "PASS: $(grep -m1 '"instructions"' "$work/base.stats" | tr -dc 0-9) instructions on $model" \
     "in every variant ($variants)"
