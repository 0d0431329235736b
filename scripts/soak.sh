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
# The engines' sequences run side by side against one server, PostgreSQL's in
# $SOAK_PG_SHARDS slices (default 4: its time is mostly round trips, which slices overlap),
# SQLite's in $SOAK_SQLITE_SHARDS (default 1: it is all computing). The negative control
# runs once.
property() {
    local test=$1 out=$2 pids=() i per from rc=0
    for engine in sqlite postgresql; do
        local shards=${SOAK_SQLITE_SHARDS:-1}
        [ "$engine" = postgresql ] && shards=${SOAK_PG_SHARDS:-4}
        # Slices of whole PostgreSQL batches (25 sequences share a database).
        per=$(( (N + shards - 1) / shards ))
        [ "$engine" = postgresql ] && per=$(( (per + 24) / 25 * 25 ))
        for (( i = 0; i < shards; i++ )); do
            from=$(( i * per ))
            [ "$from" -lt "$N" ] || break
            local count=$(( N - from < per ? N - from : per ))
            local extra=()
            [ "$engine" = postgresql ] && [ "$i" = 0 ] && extra=(wrongEntriesAreCaught)
            SB_PROPERTY_FROM=$from SB_PROPERTY_SEQUENCES=$count \
                "$test" "randomSequences:$engine" "${extra[@]}" >"$out.$engine.$i" 2>&1 &
            pids+=($!)
        done
    done
    for pid in "${pids[@]}"; do wait "$pid" || rc=1; done
    cat "$out".*.*
    rm -f "$out".*.*
    return $rc
}
export -f property
export N
[ "$only" = crash ] || run bash -c 'property "$0" "$1"' "$BUILD/tests/core/tst_ledgerproperty" "$log"
[ "$only" = property ] || run "$BUILD/tests/cli/tst_crash_kill"
grep -E 'seed|sequences|steps in|succeeded:|refused:|recharges|numbers:|kills|uninterrupted|caught|FAIL|Totals|replay' "$log" || true
echo "soak: done in $(( $(date +%s) - start )) s, exit $status (full output: $log)"
exit "$status"
