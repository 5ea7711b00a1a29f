#!/bin/sh
# Builds snapsim optimised and with AddressSanitizer + UndefinedBehaviorSanitizer and runs every
# CTest test on both builds (SNAPSIM_FULLSYS_TESTS=ON adds the full-system tests to the
# optimised one); in between, fuzzes the snapshot parsers briefly.
set -eu
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSNAPSIM_WERROR=ON \
    -DSNAPSIM_FULLSYS_TESTS="${SNAPSIM_FULLSYS_TESTS:-OFF}" >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

# Fuzz the snapshot config parser, the page-image reader, the whole snapshot open path through
# the machine's classes, the ELF loader and the run command line briefly (libFuzzer, 5 targets x
# 20 s; new inputs go to a scratch directory, the checked-in seed corpora are only read).
# fuzz_snapshot is seeded with real snapshots and chains taken here by the optimised build
# (fuzz/snapshot_seeds.sh), fuzz_elf with guest programs it built.
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DSNAPSIM_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$jobs" --target fuzz_config fuzz_pages fuzz_snapshot fuzz_elf fuzz_options
seeds=$(mktemp -d)
mkdir -p "$seeds/elf"
cp build/guest/sum build/guest/file_io build/guest/bad_hello "$seeds/elf/"
fuzz/snapshot_seeds.sh "$PWD/build/snapsim" "$PWD/build/guest" "$seeds/snapshot"
FUZZ_SNAPSHOT_SEEDS=1 build-fuzz/fuzz_snapshot "$seeds"/snapshot/* >"$seeds/check.log" 2>&1 ||
    { tail -5 "$seeds/check.log"; echo "fuzz_snapshot: a seed is refused"; exit 1; }
for target in config pages snapshot elf options; do
    corpus=fuzz/corpus/$target dict=
    case $target in
    snapshot|elf) corpus=$seeds/$target ;;
    options) dict=-dict=fuzz/options.dict ;;
    esac
    scratch=$(mktemp -d)
    if ! build-fuzz/fuzz_$target -max_total_time="${FUZZ_SECONDS:-20}" -print_final_stats=1 $dict \
            "$scratch" "$corpus" >"$scratch.log" 2>&1; then
        tail -30 "$scratch.log"
        echo "fuzz_$target found a failure"
        exit 1
    fi
    echo "fuzz_$target: $(grep -m1 '^stat::number_of_executed_units' "$scratch.log") in ${FUZZ_SECONDS:-20} s, no failure"
    rm -rf "$scratch" "$scratch.log"
done
rm -rf "$seeds"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSNAPSIM_SANITIZE=ON -DSNAPSIM_WERROR=ON >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs"
