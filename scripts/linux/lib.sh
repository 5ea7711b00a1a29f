# Shell helpers of the image build (sourced by build-linux-image.sh, kernel.sh and busybox.sh).
# Callers set `work` (a scratch directory for the log) and `start` (the build's start time).
cross=riscv64-linux-gnu-
jobs=${JOBS:-2}
die() { echo "build-linux-image: $*" >&2; exit 1; }
note() { echo "build-linux-image: $* ($(( $(date +%s) - start )) s)" >&2; }
quiet() { "$@" >"$work/log" 2>&1 || { tail -40 "$work/log" >&2; die "failed: $*"; } }
mk() { quiet nice -n 19 make -j "$jobs" "$@"; }

# Every option of a fragment must be in the final configuration as written: a dependency the
# fragment misses would otherwise drop an option silently.
check_config() { # FRAGMENT CONFIG
    grep -E '^CONFIG_|^# CONFIG_.* is not set$' "$1" | while IFS= read -r line; do
        case "$line" in
            '# '*) name=${line#\# }; name=${name%% *}
                   ! grep -q "^$name=" "$2" || die "$name is set in $2, $1 wants it off" ;;
            *)     grep -qxF "$line" "$2" || die "$line from $1 is not in $2 (a missing dependency?)" ;;
        esac
    done
}
