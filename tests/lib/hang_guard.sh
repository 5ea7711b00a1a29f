# Sourced by the test scripts.  A test's timeouts are hang guards only: they stop a run that
# would never end, and are far above what any run needs on a slow or busy machine (tests bound
# their work by instruction counts, never by time).  Every guard is multiplied by
# SNAPSIM_TIMEOUT_SCALE (a positive integer, default 1), which CTest sets from the CMake cache
# variable of the same name, so one setting stretches every guard of the suite.
#
#   hang_guard SECONDS   prints SECONDS x SNAPSIM_TIMEOUT_SCALE
hang_guard() {
    local scale="${SNAPSIM_TIMEOUT_SCALE:-1}"
    case "$scale" in
        ''|*[!0-9]*|0) echo "SNAPSIM_TIMEOUT_SCALE must be a positive integer, got '$scale'" >&2
                       exit 2 ;;
    esac
    echo $(( $1 * scale ))
}
