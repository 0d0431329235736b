#!/usr/bin/env bash
# scripts/bench.sh [--no-build] [BUILD_DIR]: every benchmark of issue 11 and before, one table.
#
# Builds the benchmarks (RelWithDebInfo, as measured), makes the full demo account once
# (BUILD_DIR/bench/full.db: demo --members 100000 --numbers 50000 --profiles 1000
# --calls 1000000), runs every benchmark on SQLite and on a throw-away PostgreSQL server, keeps
# each one's output in BUILD_DIR/bench/NAME.log and prints one Markdown table (figure, value,
# ratio to the floor measured in the same run, target, held) to stdout and to
# BUILD_DIR/bench/table.md. `cmake --build build --target bench` runs it with --no-build.
# Exit status: 0 when every figure held, 1 when one did not, 2 when a benchmark failed to run.
# BENCH_DB=FILE uses that demo account instead of making one (it is opened, so migrated);
# BENCH_ONLY="bench_search bench_paging" runs only those; BENCH_NO_PG=1 skips PostgreSQL.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_now=1
if [ "${1:-}" = --no-build ]; then build_now=0; shift; fi
build=$(realpath -m "${1:-$root/build}")

# One PostgreSQL server for the whole run: re-enter under with-postgres.sh.
if [ -z "${SWITCHBOARD_TEST_PG:-}" ] && [ -z "${BENCH_NO_PG:-}" ]; then
    args=()
    [ $build_now = 0 ] && args+=(--no-build)
    exec "$root/scripts/with-postgres.sh" "$0" "${args[@]}" "$build"
fi

benches=(bench_search bench_paging bench_startup bench_paint_gap bench_concurrency bench_reports
         bench_demo bench_calls_import)
if [ $build_now = 1 ]; then
    if [ ! -f "$build/CMakeCache.txt" ]; then
        cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    fi
    targets=(switchboard switchboardctl)
    for b in "${benches[@]}"; do
        [ -f "$root/tests/benchmarks/$b.cpp" ] && targets+=("$b")
    done
    cmake --build "$build" --target "${targets[@]}"
fi

out="$build/bench"
mkdir -p "$out"
# Never the developer's keychain, key file or settings.
export SWITCHBOARD_NO_KEYCHAIN=1 SWITCHBOARD_SECRET_KEY_FILE="$out/secret.key"
export QT_QPA_PLATFORM=offscreen HOME="$out/home" XDG_CONFIG_HOME="$out/home/.config"
export XDG_DATA_HOME="$out/home/.local/share" XDG_CACHE_HOME="$out/home/.cache"
export XDG_RUNTIME_DIR="$out/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export SWITCHBOARD_CTL="$build/bin/switchboardctl" SWITCHBOARD_APP="$build/bin/switchboard"

db="${BENCH_DB:-$out/full.db}"
now=2026-11-27T12:00:00Z
if [ ! -f "$db" ]; then
    echo "bench: generating the full demo account once into $db (minutes)" >&2
    rm -f "$db.part" "$db.part-wal" "$db.part-shm"
    "$SWITCHBOARD_CTL" --database "$db.part" --now "$now" --force-time demo --members 100000 \
        --numbers 50000 --profiles 1000 --calls 1000000 >"$out/demo.log" 2>&1 \
        || { cat "$out/demo.log" >&2; exit 2; }
    mv "$db.part" "$db"
fi
export SWITCHBOARD_BENCH_DB="$db" SWITCHBOARD_BENCH_NOW="$now"

failed=0
logs=()
run() { # NAME [--log=LOG] ARGS...: one benchmark, its output kept in LOG.log (NAME.log);
         # a crash is reported, the rest still run
    local name=$1; shift
    local log=$name
    if [[ "${1:-}" == --log=* ]]; then log=${1#--log=}; shift; fi
    [ -x "$build/tests/benchmarks/$name" ] || { echo "bench: $name not built, skipped" >&2; return; }
    if [ -n "${BENCH_ONLY:-}" ] && [[ " $BENCH_ONLY " != *" $name "* ]]; then return; fi
    echo "bench: $name $*" >&2
    if ! "$build/tests/benchmarks/$name" "$@" >"$out/$log.log" 2>&1; then
        # A figure that did not hold also ends non-zero; only a run without figures failed.
        grep -q '^BENCH ' "$out/$log.log" || { echo "bench: $name failed:" >&2; tail -5 "$out/$log.log" >&2; failed=1; }
    fi
    logs+=("$out/$log.log")
}

run bench_search --database "$db"
run bench_paging --database "$db"
# PostgreSQL: a demo of its own, of the full size (100,000 members, 50,000 numbers, 1,000
# profiles, 1,000,000 calls: about 8 minutes), as DemoGenerator leaves it on this run's server.
[ -n "${SWITCHBOARD_TEST_PG:-}" ] && run bench_paging --log=bench_paging_pg --engine postgresql
run bench_startup --database "$db"
run bench_paint_gap
run bench_concurrency
run bench_reports --database "$db" --now "$now"
run bench_demo
run bench_calls_import

{
    echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')."
    echo
    python3 "$root/scripts/bench_table.py" "${logs[@]}" && held=0 || held=1
} | tee "$out/table.md"
held=$(grep -c '| \*\*no\*\* |$' "$out/table.md" || true)
[ $failed = 1 ] && exit 2
[ "$held" = 0 ] || exit 1
