#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang, ASan + UBSan) in build-fuzz (or
# $SWITCHBOARD_FUZZ_DIR) and runs each for SECONDS (default 60) from its seed corpus.
#   scripts/fuzz.sh [--ci] [SECONDS] [TARGET]      e.g. scripts/fuzz.sh 3600 cdr
# --ci: a fixed seed (-seed=1) and the corpus left as it is in the repository, so a run can
# be repeated exactly (in time-limited runs up to how far each got). Otherwise new inputs
# go to build-fuzz/corpus/TARGET, seeded from tests/fuzz/corpus/TARGET.
# Prints executions and crashes per target; exits non-zero when any target crashed. A crash
# leaves its input in build-fuzz/crashes/TARGET/; replay with build-fuzz/bin/fuzz_TARGET FILE.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CI_MODE=0
if [ "${1:-}" = --ci ]; then
    CI_MODE=1
    shift
fi
SECONDS_EACH=${1:-60}
ONLY=${2:-}
BUILD=${SWITCHBOARD_FUZZ_DIR:-build-fuzz}
TARGETS=(csv members money address cdr pricelist)
if [ -n "$ONLY" ]; then
    [[ " ${TARGETS[*]} " == *" $ONLY "* ]] || { echo "fuzz: no target $ONLY (${TARGETS[*]})" >&2; exit 2; }
    TARGETS=("$ONLY")
fi
scripts/deps.sh
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DSWITCHBOARD_FUZZ=ON \
    "${launcher[@]}" >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target "${TARGETS[@]/#/fuzz_}"

# Leaks are checked by scripts/sanitize.sh; here one-time Qt allocations would be noise.
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=0:symbolize=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export QT_QPA_PLATFORM=offscreen
status=0
summary=()
for t in "${TARGETS[@]}"; do
    seeds=$ROOT/tests/fuzz/corpus/$t
    crashes=$BUILD/crashes/$t
    mkdir -p "$crashes"
    args=(-max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=16384
          -print_final_stats=1 -artifact_prefix="$crashes/")
    dirs=("$seeds")
    if [ "$CI_MODE" = 1 ]; then
        # A fixed seed and at most 25,000 inputs (every target ran past that here, clean): CI
        # repeats exactly the same inputs on a faster machine instead of exploring further.
        args+=(-seed=1 -runs=25000)
        # A scratch corpus for what this run finds: the repository's stays as it is.
        work=$(mktemp -d /tmp/sb-fuzz.XXXXXX)
        dirs=("$work" "$seeds")
    else
        mkdir -p "$BUILD/corpus/$t"
        dirs=("$BUILD/corpus/$t" "$seeds")
    fi
    log=$BUILD/fuzz_$t.log
    echo "fuzz: $t for ${SECONDS_EACH} s"
    before=$(find "$crashes" -type f | wc -l)
    rc=0
    "$BUILD/bin/fuzz_$t" "${args[@]}" "${dirs[@]}" >"$log" 2>&1 || rc=$?
    [ "$CI_MODE" = 1 ] && rm -rf "$work"
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    found=$(( $(find "$crashes" -type f | wc -l) - before ))
    if [ "$rc" != 0 ]; then
        status=1
        found=$(( found > 0 ? found : 1 ))
        echo "fuzz: $t CRASHED (exit $rc); the log: $log"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|invariant broken|  |.*runtime error)' "$log" | head -n 20 || true
    fi
    summary+=("$(printf '%-10s %12s executions  %s crashes' "$t" "${runs:-?}" "$found")")
done
echo "fuzz: ${SECONDS_EACH} s per target$([ "$CI_MODE" = 1 ] && echo ', -seed=1')"
printf '  %s\n' "${summary[@]}"
exit $status
