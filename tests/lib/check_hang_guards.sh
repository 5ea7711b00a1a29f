#!/usr/bin/env bash
# The suite must not fail because the machine is slow or busy: every time limit in a test
# script or test definition is a scaled hang guard (tests/lib/hang_guard.sh, and the one CTest
# TIMEOUT at the end of tests/CMakeLists.txt).  Fails on a literal time limit anywhere else:
# `timeout [-k N] SECONDS` in a script, `timeout=SECONDS` in Python, `TIMEOUT SECONDS` in CMake.
#
#   check_hang_guards.sh TESTS_DIR
set -u
tests="${1:?usage: check_hang_guards.sh TESTS_DIR}"
found=$(
    grep -rnE '\btimeout( -k [0-9]+)? [0-9]+\b' --include='*.sh' "$tests"
    grep -rnE '\btimeout *= *[0-9]' --include='*.py' "$tests"
    grep -rnE '\bTIMEOUT +"?[0-9]' --include='*.cmake' --include=CMakeLists.txt "$tests"
)
if [ -n "$found" ]; then
    echo "FAIL: fixed time limits (use hang_guard SECONDS, or drop the CTest TIMEOUT):"
    echo "$found"
    exit 1
fi
echo "PASS: every time limit under $tests is a scaled hang guard"
