#!/usr/bin/env bash
# Builds a second tree (build-asan, or $SWITCHBOARD_ASAN_DIR) with AddressSanitizer and
# UndefinedBehaviorSanitizer and runs the whole suite in it against SQLite and a
# throw-away PostgreSQL server. Any finding fails the test it happens in.
#   scripts/sanitize.sh [ctest arguments, e.g. -R tst_money]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${SWITCHBOARD_ASAN_DIR:-build-asan}
scripts/deps.sh
# -O1 -g1: a third of the -O2 -g build's time and link size, still line numbers in every
# stack trace. No benchmarks: programs without tests would only cost build time.
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
    -DSWITCHBOARD_SANITIZE=ON -DSWITCHBOARD_BENCHMARKS=OFF -DSWITCHBOARD_TEST_TIMEOUT_FACTOR=3 \
    "${launcher[@]}" >/dev/null
cmake --build "$BUILD" -j"$(nproc)"

# Stop at the first error with a full stack trace. Leaks: Qt, fontconfig and libpq keep
# one-time allocations until exit; tests/sanitize/lsan.supp names those libraries, never ours.
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1:strict_init_order=1:detect_stack_use_after_return=0:print_summary=1:symbolize=1
export LSAN_OPTIONS=suppressions=$ROOT/tests/sanitize/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=$ROOT/tests/sanitize/ubsan.supp
export QT_QPA_PLATFORM=offscreen
XDG_RUNTIME_DIR=$(mktemp -d /tmp/sb-xdg.XXXXXX)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR
trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
cd "$BUILD"
start=$(date +%s)
status=0
../scripts/with-postgres.sh ctest --output-on-failure -j"$(nproc)" "$@" || status=$?
echo "sanitize: suite under ASan+UBSan in $(( $(date +%s) - start )) s (exit $status)"
exit $status
