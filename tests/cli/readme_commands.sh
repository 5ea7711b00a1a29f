#!/usr/bin/env bash
# Runs every command of README.md's shell blocks, in order, so the README cannot drift from the
# simulator.  Commands are read from the README itself: its indented code blocks (fenced blocks
# hold file contents and JSON, not commands), continuation lines joined, `A && B` split.
#
#   readme_commands.sh SNAPSIM README WORK_DIR
#
# Adaptations, each reported: `snapsim` (and ./build/snapsim) is the SNAPSIM given; paths under
# /tmp/ are moved under WORK_DIR so runs never touch the user's files and can be repeated;
# install-deps.sh (needs root and the network), cmake (building is this test's premise, installing
# is tested by cli.install) and
# scripts/test.sh (the whole suite, which contains this test) and bench/hackback_linux.sh (a
# kernel build; the full-system test fullsys.hackback runs its flow) are skipped; a block line with
# "[options]" is a synopsis and a line "snapsim: ..." is output, neither is run; a block with "$ "
# prompts is a transcript (commands mixed with their output) and is not run.  The commands run
# in order in one shell, so `cd`, `mkdir`, `printf > file`, `VAR=$(...)` and python3 lines
# prepare what later ones use.  A comment "# → X" after
# a command is checked: X a path must exist, X a number must be in the command's output.  Any
# other kind of command fails the test, so a new one cannot go unchecked.
set -u
. "$(dirname "$0")/../lib/hang_guard.sh"
snapsim="$1" readme="$2" work="$3"
case "$snapsim" in /*) ;; *) snapsim="$PWD/$snapsim" ;; esac
rm -rf "$work"
mkdir -p "$work/bin" "$work/cwd" "$work/tmp"
ln -s "$snapsim" "$work/bin/snapsim"
export PATH="$work/bin:$PATH"
guard=$(hang_guard 600)
fail=0 ran=0 skipped=0 last_out=""

# Command lines of the indented code blocks, continuations joined.
commands=$(awk '
    /^```/ { fenced = !fenced; next }
    fenced { next }
    /^    / && (prev_blank || in_block) {
        if (!in_block) print "@@block"
        in_block = 1
        line = substr($0, 5)
        if (pending != "") { line = pending " " line; sub(/^ +/, "", line) }
        if (line ~ /\\$/) { sub(/ *\\$/, "", line); pending = line; next }
        pending = ""
        print line
        next
    }
    { in_block = 0; prev_blank = ($0 ~ /^ *$/) }
' "$readme")

run_segment() {
    local seg="$1"
    seg="${seg#"${seg%%[![:space:]]*}"}"
    local bare="$seg"
    while [[ "$bare" =~ ^[A-Z_]+=[^[:space:]]*[[:space:]]+(.*)$ ]]; do   # VAR=value prefixes
        bare="${BASH_REMATCH[1]}"
    done
    case "$bare" in
        scripts/install-deps.sh*|scripts/test.sh*) seg="$bare" ;;
    esac
    case "$seg" in
        scripts/install-deps.sh*) echo "skipped (needs root and the network): $seg"; skipped=$((skipped + 1)); return ;;
        cmake\ *) echo "skipped (building is this test's premise, installing is cli.install's): $seg"; skipped=$((skipped + 1)); return ;;
        scripts/test.sh*) echo "skipped (the whole suite): $seg"; skipped=$((skipped + 1)); return ;;
        bench/hackback_linux.sh*)
            echo "skipped (builds a Linux kernel; fullsys.hackback runs the same flow): $seg"
            skipped=$((skipped + 1)); return ;;
        snapsim\ *|./build/snapsim\ *|printf\ *|python3\ *|mkdir\ *|ls\ *) ;;
        cd\ *|[A-Za-z_]*=*)   # shell state for the commands that follow: not in a subshell
            seg="${seg//\/tmp\//$work/tmp/}"
            echo "run: $seg"
            eval "$seg" || { echo "FAIL: $seg"; fail=1; }
            return ;;
        *) echo "FAIL: README command of unknown kind (run it here or skip it explicitly): $seg"; fail=1; return ;;
    esac
    seg="${seg#./build/}"
    seg="${seg//\/tmp\//$work/tmp/}"
    echo "run: $seg"
    case "$seg" in snapsim\ *) seg="timeout -k 5 $guard $seg" ;; esac
    last_out=$(eval "$seg" < /dev/null 2>&1)
    local st=$?
    ran=$((ran + 1))
    [ "$st" = 0 ] || { echo "FAIL (status $st): $seg"; echo "$last_out" | head -5; fail=1; }
}

cd "$work/cwd" || exit 1
transcript=0
while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    if [ "$line" = "@@block" ]; then
        transcript=0
        # A block with "$ " prompts is a transcript.
        continue
    fi
    case "$line" in '$ '*) [ "$transcript" = 1 ] || echo "not run (a transcript): $line"; transcript=1; continue ;; esac
    [ "$transcript" = 1 ] && continue
    case "$line" in
        '# → '*)
            want="${line#'# → '}"; want="${want%% *}"; want="${want//\/tmp\//$work/tmp/}"
            if [ "${want#/}" != "$want" ]; then
                [ -e "$want" ] || { echo "FAIL: README says $want is made; it is not"; fail=1; }
            elif [ -n "$want" ] && [ -z "${want//[0-9]/}" ]; then
                grep -qw -- "$want" <<< "$last_out" || { echo "FAIL: README says the output is $want; got: $last_out"; fail=1; }
            fi
            continue ;;
        '#'*|'') continue ;;
        *'[options]'*) echo "not run (a synopsis): $line"; continue ;;
        snapsim:*) continue ;;   # an example of output
    esac
    rest="$line"
    while [[ "$rest" == *' && '* ]]; do
        run_segment "${rest%% && *}"
        rest="${rest#* && }"
    done
    run_segment "$rest"
done <<< "$commands"
[ "$ran" -gt 0 ] || { echo "FAIL: no command found in $readme"; exit 1; }
[ "$fail" = 0 ] || exit 1
echo "PASS: $ran README commands ran, $skipped skipped as stated"
