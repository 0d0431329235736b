#!/usr/bin/env bash
# The long run of the reliability suite (not in CI): the property test of the books with
# N random operation sequences per engine (default 10,000) on SQLite and on a throw-away
# PostgreSQL server, then the kill -9 test with SB_CRASH_KILLS kills per operation and
# engine (default 20). Prints the seeds (a failure prints the values that replay it) and
# each part's time; the whole output stays in $BUILD/soak.log. Builds what it runs in
# $SWITCHBOARD_BUILD_DIR (default: build).
#   scripts/soak.sh [N]     SB_PROPERTY_SEED=S fixes the seed, SB_CRASH_KILLS=K the kills,
#                           SOAK_ONLY=property|crash runs one part
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
BUILD=${SWITCHBOARD_BUILD_DIR:-build}
[ -d "$BUILD" ] || cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" --target tst_ledgerproperty tst_crash_kill switchboardctl -- -j"${SOAK_JOBS:-2}"
BUILD=$(cd "$BUILD" && pwd)
# What ctest gives each test (tests/CMakeLists.txt, sb_add_test), without its CI timeout.
export QT_QPA_PLATFORM=offscreen SWITCHBOARD_NO_KEYCHAIN=1
# Qt Test aborts a test function after five minutes; the long run takes hours.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-604800000}
export SWITCHBOARD_CTL=$BUILD/app/switchboardctl
[ -x "$SWITCHBOARD_CTL" ] || SWITCHBOARD_CTL=$(find "$BUILD" -name switchboardctl -type f -perm -u+x | head -n 1)
keys=$(mktemp -d /tmp/sb-soak-keys.XXXXXX)
trap 'rm -rf "$keys"' EXIT
export SWITCHBOARD_SECRET_KEY_FILE=$keys/soak.key
export SB_PROPERTY_SEQUENCES=$N
export SB_CRASH_KILLS=${SB_CRASH_KILLS:-20}
export SB_PROPERTY_SEED=${SB_PROPERTY_SEED:-$(date +%s)}
export SB_CRASH_SEED=${SB_CRASH_SEED:-$SB_PROPERTY_SEED}
only=${SOAK_ONLY:-}
echo "soak: $N sequences per engine, $SB_CRASH_KILLS kills per operation and engine," \
     "SB_PROPERTY_SEED=$SB_PROPERTY_SEED SB_CRASH_SEED=$SB_CRASH_SEED"
log=$BUILD/soak.log
: >"$log"
start=$(date +%s)
status=0
run() {
    local t0=$(date +%s)
    set +e
    scripts/with-postgres.sh "$@" >>"$log" 2>&1
    local rc=$?
    set -e
    echo "soak: $(basename "$1") exit $rc in $(( $(date +%s) - t0 )) s" | tee -a "$log"
    [ "$rc" = 0 ] || status=$rc
}
# The two engines' sequences run side by side (two processes, one server).
[ "$only" = crash ] || run bash -c '"$0" randomSequences:sqlite >"$1.sqlite" 2>&1 & a=$!
    "$0" randomSequences:postgresql wrongEntriesAreCaught >"$1.postgresql" 2>&1; b=$?
    wait $a; a=$?; cat "$1.sqlite" "$1.postgresql"; rm -f "$1.sqlite" "$1.postgresql"
    [ $a = 0 ] && [ $b = 0 ]' "$BUILD/tests/core/tst_ledgerproperty" "$log"
[ "$only" = property ] || run "$BUILD/tests/cli/tst_crash_kill"
grep -E 'seed|sequences|steps in|succeeded:|refused:|recharges|numbers:|kills|uninterrupted|caught|FAIL|Totals|replay' "$log" || true
echo "soak: done in $(( $(date +%s) - start )) s, exit $status (full output: $log)"
exit "$status"
