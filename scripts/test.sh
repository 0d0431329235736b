#!/usr/bin/env bash
# Second command of the README (and .ci/run): set up, build, and run every test against
# SQLite and a throw-away PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
BUILD=${SWITCHBOARD_BUILD_DIR:-build}
# Headless: the offscreen platform, a private runtime dir (Qt insists on 0700), test-mode paths.
export QT_QPA_PLATFORM=offscreen
XDG_RUNTIME_DIR=$(mktemp -d /tmp/sb-xdg.XXXXXX)
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR
trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
# The throw-away server runs as `postgres` when we are root; let it reach the build tree.
cd "$BUILD"
../scripts/with-postgres.sh ctest --output-on-failure -j"$(nproc)" "$@"
