#!/bin/sh
# Builds snapsim optimised and with AddressSanitizer + UndefinedBehaviorSanitizer and runs every
# CTest test on both builds; in between, fuzzes the snapshot parsers briefly.
set -eu
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSNAPSIM_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

# Fuzz the snapshot config parser and page-image reader briefly (libFuzzer; new inputs go to a
# scratch directory, the checked-in seed corpus is only read).
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DSNAPSIM_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$jobs" --target fuzz_config fuzz_pages
for target in config pages; do
    scratch=$(mktemp -d)
    if ! build-fuzz/fuzz_$target -max_total_time="${FUZZ_SECONDS:-20}" -print_final_stats=1 \
            "$scratch" fuzz/corpus/$target >"$scratch.log" 2>&1; then
        tail -30 "$scratch.log"
        echo "fuzz_$target found a failure"
        exit 1
    fi
    echo "fuzz_$target: $(grep -m1 '^stat::number_of_executed_units' "$scratch.log") in ${FUZZ_SECONDS:-20} s, no failure"
    rm -rf "$scratch" "$scratch.log"
done

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSNAPSIM_SANITIZE=ON -DSNAPSIM_WERROR=ON >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"
