#!/usr/bin/env bash
# The long run of the reliability suite (not in CI): the property test of the books with
# N random operation sequences per engine (default 10,000) on SQLite and on a throw-away
# PostgreSQL server, then the kill -9 test with SB_CRASH_KILLS kills per operation and
# engine (default 20). Prints the seeds (a failure prints the two values that replay it)
# and each part's time. Builds what it runs in $SWITCHBOARD_BUILD_DIR (default: build).
#   scripts/soak.sh [N]            SB_PROPERTY_SEED=S fixes the seed, SB_CRASH_KILLS=K the kills
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
BUILD=${SWITCHBOARD_BUILD_DIR:-build}
[ -d "$BUILD" ] || cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" --target tst_ledgerproperty tst_crash_kill switchboardctl -- -j"${SOAK_JOBS:-2}"
export QT_QPA_PLATFORM=offscreen
export SB_PROPERTY_SEQUENCES=$N
export SB_CRASH_KILLS=${SB_CRASH_KILLS:-20}
export SB_PROPERTY_SEED=${SB_PROPERTY_SEED:-$(date +%s)}
export SB_CRASH_SEED=${SB_CRASH_SEED:-$SB_PROPERTY_SEED}
echo "soak: $N sequences per engine, $SB_CRASH_KILLS kills per operation and engine," \
     "seeds SB_PROPERTY_SEED=$SB_PROPERTY_SEED SB_CRASH_SEED=$SB_CRASH_SEED"
cd "$BUILD"
start=$(date +%s)
# ctest gives each test its environment (the switchboardctl to run, a private key file);
# the long run lifts the CI timeout. The whole output stays in soak.log.
set +e
../scripts/with-postgres.sh ctest --output-on-failure --timeout 86400 -V \
    -R '^(tst_ledgerproperty|tst_crash_kill)$' >soak.log 2>&1
status=$?
set -e
grep -E 'seed|sequences|steps in|succeeded:|refused:|recharges|numbers:|kills|uninterrupted|caught|FAIL|tests passed|replay' soak.log || true
echo "soak: done in $(( $(date +%s) - start )) s, exit $status (full output: $BUILD/soak.log)"
exit "$status"
