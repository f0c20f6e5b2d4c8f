#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang (ASan+UBSan) into build-fuzz/ and runs each for a bounded
# time on its checked-in seed corpus (plus the shared policy corpus for the parser). New inputs go
# to a scratch folder; crashers are written to build-fuzz/crashers/ and fail the run: keep each one
# as a seed under tests/fuzz/corpus/<target>/ once fixed.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 30)
set -euo pipefail

seconds=${1:-30}
top=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${APIM_FUZZ_BUILD_DIR:-$top/build-fuzz}
shared=$(cd "$top/.." && pwd)/shared

missing=()
for p in clang libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --no-upgrade "${missing[@]}" >/dev/null
fi

if [ ! -f "$build_dir/Makefile" ]; then
    mkdir -p "$build_dir"
    CC=clang CXX=clang++ cmake -S "$top" -B "$build_dir" -G "Unix Makefiles" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DAPIM_FUZZ=ON -DAPIM_BUILD_UI=OFF -DAPIM_BUILD_BENCH=OFF >"$build_dir/configure.log" 2>&1 \
        || { cat "$build_dir/configure.log" >&2; rm -f "$build_dir/Makefile"; exit 1; }
fi
cmake --build "$build_dir" -j"$(nproc)" >"$build_dir/build.log" 2>&1 \
    || { grep -E "error|undefined reference" "$build_dir/build.log" | head -40 >&2; exit 1; }

mkdir -p "$build_dir/crashers"
status=0
for fuzzer in "$build_dir"/tests/fuzz/fuzz_*; do
    [ -f "$fuzzer" ] && [ -x "$fuzzer" ] || continue
    name=$(basename "$fuzzer")
    scratch=$(mktemp -d)
    seeds=("$top/tests/fuzz/corpus/$name")
    [ "$name" = fuzz_policyparser ] && [ -d "$shared/policies" ] && seeds+=("$shared/policies" "$shared/seed")
    echo "fuzzing $name for ${seconds}s"
    if ! "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build_dir/crashers/$name-" "$scratch" "${seeds[@]}" >"$build_dir/$name.log" 2>&1; then
        echo "error: $name found a problem; see $build_dir/$name.log and $build_dir/crashers/" >&2
        tail -30 "$build_dir/$name.log" >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|cov:" "$build_dir/$name.log" | tail -2
    fi
    rm -rf "$scratch"
done
exit $status
