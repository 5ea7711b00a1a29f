#!/usr/bin/env bash
# The man page and the bash completion match the simulator: the page renders without a groff
# warning and documents every option of `snapsim run --help`; completing `snapsim run --`
# offers every one of them, and `snapsim run -m ` every model of `snapsim models`.
#
#   docs_check.sh SNAPSIM MANPAGE COMPLETION
set -u
snapsim="$1" page="$2" completion="$3"
fail=0
warnings=$(MANWIDTH=100 man --warnings -l "$page" 2>&1 > /dev/null)
[ -z "$warnings" ] || { echo "FAIL: $page renders with warnings:"; echo "$warnings"; fail=1; }
options=$("$snapsim" run --help | sed -n 's/^ *\(-., \)\{0,1\}\(--[a-z-]*\).*/\2/p' | sort -u)
for o in $options; do
    grep -q -- "$(echo "$o" | sed 's/-/\\\\-/g')\\b" "$page" || { echo "FAIL: $page lacks $o"; fail=1; }
done
completed=$(bash -c '. "$1"; COMP_WORDS=("$2" run --); COMP_CWORD=2; _snapsim; printf "%s\n" "${COMPREPLY[@]}"' \
            _ "$completion" "$snapsim" | sort -u)
[ "$completed" = "$options" ] || { echo "FAIL: completion of 'run --' differs:"; diff <(echo "$options") <(echo "$completed"); fail=1; }
models=$("$snapsim" models | awk '{print $1}' | sort)
completed=$(bash -c '. "$1"; COMP_WORDS=("$2" run -m ""); COMP_CWORD=3; _snapsim; printf "%s\n" "${COMPREPLY[@]}"' \
            _ "$completion" "$snapsim" | sort)
[ "$completed" = "$models" ] || { echo "FAIL: completion of 'run -m' gives '$completed'"; fail=1; }
[ "$fail" = 0 ] || exit 1
echo "PASS: man page and completion cover $(echo "$options" | wc -l) options and $(echo "$models" | wc -w) models"
